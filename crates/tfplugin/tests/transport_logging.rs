//! Logs are hclog JSON lines that Terraform can parse: the exact timestamp layout, level names,
//! `@module`, and the fields of the event and of its spans.

mod transport_common;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tracing::level_filters::LevelFilter;
use transport_common::{Launch, TempDir};

/// A `MakeWriter` collecting everything in memory.
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Buffer {
    type Writer = Buffer;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

impl Buffer {
    fn lines(&self) -> Vec<serde_json::Value> {
        let bytes = self.0.lock().unwrap().clone();
        String::from_utf8(bytes)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }
}

/// Checks `2006-01-02T15:04:05.000000Z07:00` with a UTC zone, character class by class.
fn assert_hclog_timestamp(ts: &str) {
    let shape = "dddd-dd-ddTdd:dd:dd.ddddddZ";
    assert_eq!(ts.len(), shape.len(), "{ts}");
    for (got, want) in ts.chars().zip(shape.chars()) {
        if want == 'd' {
            assert!(got.is_ascii_digit(), "{ts}");
        } else {
            assert_eq!(got, want, "{ts}");
        }
    }
}

#[test]
fn events_become_hclog_json_lines_with_span_fields() {
    let buffer = Buffer::default();
    let subscriber = tfplugin::logging::subscriber(LevelFilter::DEBUG, buffer.clone());
    tracing::subscriber::with_default(subscriber, || {
        let rpc = tracing::info_span!("rpc", tf_rpc = "PlanResourceChange", tf_req_id = 7_u64);
        let _rpc = rpc.enter();
        let resource = tracing::info_span!("resource", tf_resource_type = "echo_thing");
        let _resource = resource.enter();
        tracing::info!(attempt = 2, ok = true, ratio = 0.5, "planning {}", "now");
        tracing::warn!(error = "boom", "something odd");
        tracing::debug!("detail");
        tracing::trace!("dropped below the level");
        tracing::debug!(target: "h2::codec", "dropped: chatty crate");
    });

    let lines = buffer.lines();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    let levels: Vec<&str> = lines
        .iter()
        .map(|l| l["@level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["info", "warn", "debug"]);

    let first = &lines[0];
    assert_eq!(first["@message"], "planning now");
    assert_eq!(first["@module"], "provider");
    assert_eq!(first["tf_rpc"], "PlanResourceChange");
    assert_eq!(first["tf_req_id"], 7);
    assert_eq!(first["tf_resource_type"], "echo_thing");
    assert_eq!(first["attempt"], 2);
    assert_eq!(first["ok"], true);
    assert_eq!(first["ratio"], 0.5);
    assert!(
        first.get("message").is_none(),
        "the message is only in @message"
    );
    assert_eq!(lines[1]["error"], "boom");
    for line in &lines {
        assert_hclog_timestamp(line["@timestamp"].as_str().unwrap());
    }
}

/// Starts the probe with `env`, stops it with SIGTERM and returns everything it wrote to stderr.
fn stderr_of_a_run(label: &str, env: &[(&str, &str)]) -> Vec<String> {
    let dir = TempDir::new(label);
    let mut plugin = Launch {
        socket_dir: Some(dir.path().to_path_buf()),
        env: env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Launch::default()
    }
    .start();
    plugin.signal("TERM");
    plugin
        .wait_exit(Duration::from_secs(3))
        .expect("exits on SIGTERM");
    // Give the reader thread a moment to collect the last lines.
    std::thread::sleep(Duration::from_millis(100));
    plugin.stderr_lines()
}

#[test]
fn the_plugins_stderr_is_all_hclog_json_at_tf_log_trace() {
    let lines = stderr_of_a_run("log", &[("TF_LOG", "trace")]);
    assert!(
        lines.iter().any(|l| l.contains("plugin server listening")),
        "{lines:#?}"
    );
    for line in &lines {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not json ({e}): {line}"));
        assert_hclog_timestamp(value["@timestamp"].as_str().unwrap());
        assert!(
            ["trace", "debug", "info", "warn", "error"]
                .contains(&value["@level"].as_str().unwrap()),
            "{line}"
        );
    }
}

#[test]
fn tf_log_provider_wins_over_tf_log() {
    let lines = stderr_of_a_run("lvl", &[("TF_LOG", "trace"), ("TF_LOG_PROVIDER", "error")]);
    assert!(
        lines.is_empty(),
        "nothing at error level expected: {lines:#?}"
    );
}
