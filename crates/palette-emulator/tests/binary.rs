//! The `palette-emulator` binary: flags, the first stdout line, the made-up key, the request log.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_palette-emulator");

#[test]
fn prints_its_address_and_the_key_it_made_up() {
    let dir = std::env::temp_dir().join(format!("palette-emulator-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("requests.log");
    let mut child = Command::new(BIN)
        .args([
            "--listen",
            "127.0.0.1:0",
            "--time-scale",
            "0.01",
            "--no-rate-limit",
            "--request-log",
        ])
        .arg(&log)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first
        .strip_prefix("palette-emulator listening on ")
        .expect(&first)
        .to_owned();
    assert!(
        url.starts_with("http://127.0.0.1:") && !url.ends_with(":0"),
        "{url}"
    );
    let second = lines.next().unwrap().unwrap();
    let key = second
        .strip_prefix("palette-emulator api key: ")
        .expect(&second)
        .to_owned();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (with_key, without_key) = runtime.block_on(async {
        let http = reqwest::Client::new();
        let path = format!("{url}/v1/dashboard/projects/metadata");
        let ok = http
            .get(&path)
            .header("ApiKey", &key)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let denied = http.get(&path).send().await.unwrap().status().as_u16();
        (ok, denied)
    });
    child.kill().ok();
    child.wait().ok();
    assert_eq!(with_key, 200);
    assert_eq!(without_key, 401);
    let logged = std::fs::read_to_string(&log).unwrap();
    assert_eq!(logged.lines().count(), 2, "{logged}");
    assert!(
        logged.contains("\"status\":401") && !logged.contains(&key),
        "no secrets in the log: {logged}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn refuses_unknown_flags_and_prints_help() {
    let bad = Command::new(BIN).arg("--bogus").output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown flag --bogus"));
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--time-scale"));
    let unknown_project = Command::new(BIN)
        .args(["--listen", "127.0.0.1:0", "--api-key", "k:Nowhere"])
        .output()
        .unwrap();
    assert!(!unknown_project.status.success());
    assert!(String::from_utf8_lossy(&unknown_project.stderr).contains("Nowhere"));
}

#[cfg(unix)]
#[test]
fn stops_cleanly_on_sigterm_and_sigint() {
    for signal in ["-TERM", "-INT"] {
        let mut child = Command::new(BIN)
            .args(["--listen", "127.0.0.1:0", "--api-key", "k"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        assert!(
            lines
                .next()
                .unwrap()
                .unwrap()
                .starts_with("palette-emulator listening on ")
        );
        let status = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "a clean exit on {signal}: {status}");
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "still running after {signal}"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}
