//! The go-plugin handshake and process life cycle: cookie, version negotiation, listener
//! fallback, signals and debug mode.

mod transport_common;

use std::io::Read as _;
use std::time::Duration;

use transport_common::{Launch, TempDir, connect_plain, plugin_health, serving};

#[test]
fn running_by_hand_explains_and_exits_1() {
    let output = Launch {
        cookie: false,
        ..Launch::default()
    }
    .command()
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        output.stdout.is_empty(),
        "nothing on stdout, so nobody mistakes it for a handshake"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("Terraform provider plugin"), "{stderr}");
    assert!(stderr.contains("when run by hand"), "{stderr}");
    assert!(
        stderr.contains("dev_overrides"),
        "says how to use it instead: {stderr}"
    );
}

#[test]
fn a_wrong_cookie_counts_as_missing() {
    let mut cmd = Launch {
        cookie: false,
        ..Launch::default()
    }
    .command();
    cmd.env("TF_PLUGIN_MAGIC_COOKIE", "not-the-cookie");
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
}

#[tokio::test]
async fn serve_without_cookie_returns_an_error_in_process() {
    // The test process was not started by Terraform, so serve refuses before binding anything.
    struct Nothing;
    impl tfplugin::proto::tfplugin6::provider_server::Provider for Nothing {}
    let err = tfplugin::serve(tfplugin::ServeOptions::new("example.com/x/y"), Nothing)
        .await
        .unwrap_err();
    assert!(
        matches!(err, tfplugin::serve::ServeError::NotLaunchedByTerraform),
        "{err}"
    );
}

#[test]
fn protocol_five_only_is_refused_clearly() {
    let mut child = Launch {
        protocol_versions: Some("5".to_string()),
        ..Launch::default()
    }
    .command()
    .spawn()
    .unwrap();
    let status = child.wait().unwrap();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!status.success());
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("speaks only version 6"), "{stderr}");
}

#[tokio::test]
async fn falls_back_to_tcp_when_no_unix_socket_can_be_made() {
    // A socket directory that does not exist makes binding the unix socket fail.
    let dir = TempDir::new("tcp");
    let missing = dir.path().join("does-not-exist");
    let plugin = Launch {
        socket_dir: Some(missing),
        ..Launch::default()
    }
    .start();
    let hs = plugin.handshake();
    assert_eq!(hs.network, "tcp", "{}", hs.line);
    let (host, port) = hs.address.rsplit_once(':').unwrap();
    assert_eq!(host, "127.0.0.1");
    let port: u16 = port.parse().unwrap();
    assert!((10000..=25000).contains(&port), "{port}");
    let channel = connect_plain(&hs).await.unwrap();
    assert_eq!(plugin_health(channel).await.unwrap(), serving());
}

#[tokio::test]
async fn sigint_is_ignored_and_sigterm_stops_cleanly() {
    let dir = TempDir::new("sig");
    let mut plugin = Launch {
        socket_dir: Some(dir.path().to_path_buf()),
        ..Launch::default()
    }
    .start();
    let hs = plugin.handshake();

    plugin.signal("INT");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        plugin.child.try_wait().unwrap().is_none(),
        "SIGINT must not stop the plugin"
    );
    let channel = connect_plain(&hs).await.unwrap();
    assert_eq!(plugin_health(channel).await.unwrap(), serving());

    plugin.signal("TERM");
    let status = plugin
        .wait_exit(Duration::from_secs(3))
        .expect("SIGTERM stops the plugin");
    assert!(status.success(), "{status:?}");
    assert!(
        dir.entries().is_empty(),
        "socket left behind: {:?}",
        dir.entries()
    );
}

#[tokio::test]
async fn debug_mode_prints_a_reattach_string_and_serves_plaintext_until_ctrl_c() {
    let dir = TempDir::new("dbg");
    let mut plugin = Launch {
        cookie: false,
        protocol_versions: None,
        socket_dir: Some(dir.path().to_path_buf()),
        args: vec!["--debug".to_string()],
        ..Launch::default()
    }
    .start();
    // The first line is prose; the reattach string follows on its own line.
    let first = plugin.first_line.clone();
    assert!(first.contains("debug mode"), "{first}");

    // The reattach string is quoted on a line of its own; it must be exactly Terraform's shape.
    let line = plugin
        .wait_stdout_line(
            |l| l.contains("TF_REATTACH_PROVIDERS="),
            Duration::from_secs(5),
        )
        .expect("a TF_REATTACH_PROVIDERS line");
    let quoted = line
        .split('\'')
        .nth(1)
        .expect("the value is in single quotes");
    let reattach: serde_json::Value = serde_json::from_str(quoted).unwrap();
    let entry = &reattach["registry.terraform.io/tfplugin/probe"];
    assert_eq!(entry["Protocol"], "grpc");
    assert_eq!(entry["ProtocolVersion"], 6);
    assert_eq!(entry["Pid"], plugin.pid());
    assert_eq!(entry["Test"], true);
    assert_eq!(entry["Addr"]["Network"], "unix");
    let address = entry["Addr"]["String"].as_str().unwrap().to_string();
    assert!(
        address.starts_with(dir.path().to_str().unwrap()),
        "{address}"
    );

    // Plaintext, no cookie needed: a client connects straight to the named socket.
    let hs = transport_common::Handshake::parse(&format!("1|6|unix|{address}|grpc|"));
    let channel = connect_plain(&hs).await.unwrap();
    assert_eq!(plugin_health(channel).await.unwrap(), serving());

    plugin.signal("INT");
    let status = plugin
        .wait_exit(Duration::from_secs(3))
        .expect("Ctrl-C stops debug mode");
    assert!(status.success(), "{status:?}");
}

#[tokio::test]
async fn plugin_unix_socket_group_opens_the_socket_to_that_group() {
    use std::os::unix::fs::MetadataExt as _;
    let dir = TempDir::new("grp");
    let gid = std::fs::metadata(dir.path()).unwrap().gid();
    let plugin = Launch {
        socket_dir: Some(dir.path().to_path_buf()),
        env: vec![("PLUGIN_UNIX_SOCKET_GROUP".to_string(), gid.to_string())],
        ..Launch::default()
    }
    .start();
    let hs = plugin.handshake();
    assert_eq!(hs.network, "unix", "{}", hs.line);
    let meta = std::fs::metadata(&hs.address).unwrap();
    assert_eq!(meta.gid(), gid);
    assert_eq!(meta.mode() & 0o777, 0o660);
    let channel = connect_plain(&hs).await.unwrap();
    assert_eq!(plugin_health(channel).await.unwrap(), serving());
}
