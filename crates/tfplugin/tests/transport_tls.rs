//! AutoMTLS as Terraform uses it: a P-521 client certificate passed in `PLUGIN_CLIENT_CERT`, a
//! fresh server certificate in the handshake line, and only that client admitted.

mod transport_common;

use std::time::Duration;

use tfplugin::proto::plugin::Empty;
use tfplugin::proto::plugin::grpc_controller_client::GrpcControllerClient;
use tfplugin::proto::tfplugin6::provider_client::ProviderClient;
use tfplugin::proto::tfplugin6::{
    DynamicValue, get_metadata, read_resource, validate_provider_config,
};
use transport_common::{
    Launch, TempDir, connect_plain, connect_tls, plugin_health, serving,
    terraform_like_client_cert, try_health,
};

fn tls_launch(dir: &TempDir, pem: &str) -> Launch {
    Launch {
        client_cert_pem: Some(pem.to_string()),
        socket_dir: Some(dir.path().to_path_buf()),
        ..Launch::default()
    }
}

#[tokio::test]
async fn terraforms_client_cert_gets_served_and_shutdown_exits_zero() {
    let dir = TempDir::new("ok");
    let client = terraform_like_client_cert();
    let mut plugin = tls_launch(&dir, &client.pem).start();
    let hs = plugin.handshake();

    // The handshake line: go-plugin core 1, protocol 6, a unix socket in our directory, grpc, and
    // a server certificate (decoded by connect_tls, which pins it).
    assert_eq!(hs.core, "1");
    assert_eq!(hs.app, "6");
    assert_eq!(hs.network, "unix");
    assert!(
        hs.address.starts_with(dir.path().to_str().unwrap()),
        "{}",
        hs.address
    );
    assert_eq!(hs.protocol, "grpc");
    assert!(
        hs.cert_field.len() > 50,
        "go-plugin ignores a certificate field this short"
    );
    assert!(!hs.cert_field.contains('='), "no base64 padding");

    let channel = connect_tls(&hs, Some(&client)).await.expect("tls connect");
    assert_eq!(plugin_health(channel.clone()).await.unwrap(), serving());

    let mut provider = ProviderClient::new(channel.clone());
    provider
        .get_metadata(get_metadata::Request {})
        .await
        .expect("GetMetadata answers");
    let missing = provider
        .read_resource(read_resource::Request::default())
        .await
        .expect_err("ReadResource is not implemented by the probe");
    assert_eq!(missing.code(), tonic::Code::Unimplemented);

    GrpcControllerClient::new(channel)
        .shutdown(Empty {})
        .await
        .expect("Shutdown answers");
    drop(provider);
    let status = plugin
        .wait_exit(Duration::from_secs(3))
        .expect("the plugin exits within terraform's 2s grace (plus slack)");
    assert!(status.success(), "{status:?}");
    assert!(
        dir.entries().is_empty(),
        "socket file left behind: {:?}",
        dir.entries()
    );
}

#[tokio::test]
async fn a_different_client_cert_is_refused() {
    let dir = TempDir::new("other");
    let terraform = terraform_like_client_cert();
    let intruder = terraform_like_client_cert();
    let plugin = tls_launch(&dir, &terraform.pem).start();
    let hs = plugin.handshake();

    let outcome = try_health(connect_tls(&hs, Some(&intruder))).await;
    assert!(
        outcome.is_err(),
        "a foreign client certificate was accepted"
    );

    // The refusal is logged, and the right client still gets in afterwards.
    let channel = connect_tls(&hs, Some(&terraform)).await.unwrap();
    assert_eq!(plugin_health(channel).await.unwrap(), serving());
    let logs = plugin.stderr_lines().join("\n");
    assert!(logs.contains("does not match PLUGIN_CLIENT_CERT"), "{logs}");
}

#[tokio::test]
async fn a_client_without_cert_is_refused() {
    let dir = TempDir::new("nocert");
    let terraform = terraform_like_client_cert();
    let plugin = tls_launch(&dir, &terraform.pem).start();
    let hs = plugin.handshake();

    let outcome = try_health(connect_tls(&hs, None)).await;
    assert!(
        outcome.is_err(),
        "a client without certificate was accepted"
    );

    // Nor does plaintext get through a TLS listener.
    let plain = try_health(connect_plain(&hs)).await;
    assert!(plain.is_err(), "plaintext was accepted by a tls listener");
}

#[tokio::test]
async fn no_client_cert_or_tls_disabled_means_plaintext() {
    let terraform = terraform_like_client_cert();
    let cases = [
        ("no PLUGIN_CLIENT_CERT", None, vec![]),
        (
            "TF_DISABLE_PLUGIN_TLS set",
            Some(terraform.pem.clone()),
            vec![("TF_DISABLE_PLUGIN_TLS".to_string(), "1".to_string())],
        ),
    ];
    for (name, pem, env) in cases {
        let dir = TempDir::new("plain");
        let plugin = Launch {
            client_cert_pem: pem,
            socket_dir: Some(dir.path().to_path_buf()),
            env,
            ..Launch::default()
        }
        .start();
        let hs = plugin.handshake();
        assert_eq!(hs.cert_field, "", "{name}: {}", hs.line);
        let channel = connect_plain(&hs).await.expect(name);
        assert_eq!(plugin_health(channel).await.unwrap(), serving(), "{name}");
    }
}

#[tokio::test]
async fn every_start_makes_a_new_server_cert() {
    let terraform = terraform_like_client_cert();
    let dir = TempDir::new("fresh");
    let first = tls_launch(&dir, &terraform.pem).start();
    let second = tls_launch(&dir, &terraform.pem).start();
    assert_ne!(first.handshake().cert_field, second.handshake().cert_field);
    assert_ne!(first.handshake().address, second.handshake().address);
}

#[tokio::test]
async fn messages_far_over_tonics_4_mib_default_pass_both_ways() {
    let dir = TempDir::new("big");
    let client = terraform_like_client_cert();
    let plugin = tls_launch(&dir, &client.pem).start();
    let channel = connect_tls(&plugin.handshake(), Some(&client))
        .await
        .unwrap();
    let mut provider = ProviderClient::new(channel)
        .max_decoding_message_size(64 << 20)
        .max_encoding_message_size(64 << 20);
    let size = 12 << 20;
    let reply = provider
        .validate_provider_config(validate_provider_config::Request {
            config: Some(DynamicValue {
                msgpack: vec![0xc0; size],
                json: Vec::new(),
            }),
        })
        .await
        .expect("a 12 MiB request and reply are within the 256 MiB limits");
    let diagnostics = reply.into_inner().diagnostics;
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].detail.len(), size);
}

#[test]
fn an_unreadable_client_cert_stops_before_the_handshake() {
    let output = Launch {
        client_cert_pem: Some("not a certificate".to_string()),
        ..Launch::default()
    }
    .command()
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read PLUGIN_CLIENT_CERT"),
        "{stderr}"
    );
}
