//! Secrets and transport security: a full `TF_LOG=trace` apply of the quickstart leaks neither
//! the API key, nor a cloud account's credentials, nor a kubeconfig into Terraform's log (the
//! provider's lines included), the emulator's request log or the console; the ephemeral
//! `palette_kubeconfig` keeps kubeconfigs out of state; and an https host with a self-signed
//! certificate is refused unless `insecure = true` or `ca_certificate` trusts it.
//!
//! The plugin channel's own mutual TLS (a foreign client certificate refused) is tested in
//! `crates/tfplugin/tests/transport_tls.rs`.

use std::net::TcpListener as StdListener;
use std::sync::Arc;

use crate::reliability::{HEADER, copy_quickstart, project_uid, terraform_command};
use crate::support::emulator::{API_KEY, PROJECT};
use crate::support::temp::TempDir;
use crate::support::{Emulator, Terraform};

/// The cloud account's credentials: distinctive, so any copy of them is found.
const ACCESS_KEY: &str = "AKIAQLEAKCHECK7Z3Q9X";
const SECRET_KEY: &str = "sEcReT-leak-check/9f8e7d6c5b4a3210zYxW";

/// The kubeconfig secrets of a running cluster: the client token and the admin key data.
fn kubeconfig_secrets(emu: &Emulator, cluster: &str) -> Vec<String> {
    let project = project_uid(emu, API_KEY, PROJECT);
    let mut secrets = Vec::new();
    for (asset, field) in [
        ("kubeconfig", "token:"),
        ("adminKubeconfig", "client-key-data:"),
    ] {
        let text = raw_get(
            emu,
            &project,
            &format!("/v1/spectroclusters/{cluster}/assets/{asset}"),
        );
        let value = text
            .lines()
            .find_map(|l| l.trim().strip_prefix(field))
            .unwrap_or_else(|| panic!("no {field} in the {asset}:\n{text}"))
            .trim()
            .to_string();
        assert!(value.len() >= 16, "a short secret: {value:?}");
        secrets.push(value);
    }
    secrets
}

/// A GET whose body is not JSON (kubeconfig assets), as text.
fn raw_get(emu: &Emulator, project: &str, path: &str) -> String {
    let response = emu.project_request(project, "GET", path, None);
    assert_eq!(response.status, 200, "GET {path}: {}", response.body);
    response.body
}

/// The quickstart with known credentials for the AWS account it creates (the secret key through
/// its ephemeral variable, as a user gives it), plus the ephemeral kubeconfig checked by a `check`
/// block (so it is opened, and its content is used but never stored).
fn quickstart_with_secrets(tf: &Terraform) {
    copy_quickstart(tf);
    let main = tf.work_dir().join("main.tf");
    let text = std::fs::read_to_string(&main).expect("reading main.tf");
    assert!(
        text.contains("AKIAQUICKSTART000001") && text.contains("emulator-secret-access-key"),
        "the quickstart changed"
    );
    let text = text
        .replace("AKIAQUICKSTART000001", ACCESS_KEY)
        .replace("emulator-secret-access-key", SECRET_KEY);
    std::fs::write(&main, text).expect("writing main.tf");
    tf.write_file(
        "kubeconfig.tf",
        r#"
ephemeral "palette_kubeconfig" "aws" {
  cluster_id = palette_cluster.aws.id
}

check "kubeconfig" {
  assert {
    condition     = strcontains(ephemeral.palette_kubeconfig.aws.content, "apiVersion")
    error_message = "the ephemeral kubeconfig is not a kubeconfig"
  }
}
"#,
    );
}

/// Where each secret was found, if anywhere: `(secret label, place)`.
pub(crate) fn leaks(places: &[(&str, &str)], secrets: &[(&str, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (label, secret) in secrets {
        for (place, text) in places {
            if text.contains(secret.as_str()) {
                found.push(format!("{label} in {place}"));
            }
        }
    }
    found
}

/// A `TF_LOG=trace` apply and destroy of the quickstart: no secret in any log or output.
#[test]
fn secrets_stay_out_of_logs_and_output() {
    let logs = TempDir::new("secrets");
    let request_log = logs.path().join("requests.jsonl");
    let request_log_flag = request_log.to_string_lossy().into_owned();
    let emu = Emulator::start_with(&["--no-rate-limit", "--request-log", &request_log_flag]);
    let tf = Terraform::new(&emu);
    quickstart_with_secrets(&tf);
    tf.init();

    let trace = logs.path().join("trace.log");
    let env = [
        ("TF_LOG", "trace".to_string()),
        ("TF_LOG_PATH", trace.to_string_lossy().into_owned()),
    ];
    let apply = terraform_command(
        &tf,
        &emu,
        &["apply", "-no-color", "-input=false", "-auto-approve"],
        &env,
    )
    .output()
    .expect("running terraform apply");
    let apply_text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&apply.stdout),
        String::from_utf8_lossy(&apply.stderr)
    );
    assert!(apply.status.success(), "apply failed:\n{apply_text}");
    assert!(
        !apply_text.contains("Check block assertion failed"),
        "the ephemeral kubeconfig was not a kubeconfig:\n{apply_text}"
    );
    let cluster = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .expect("the cluster's id")
        .to_string();
    let kube = kubeconfig_secrets(&emu, &cluster);
    let destroy = terraform_command(
        &tf,
        &emu,
        &["destroy", "-no-color", "-input=false", "-auto-approve"],
        &env,
    )
    .output()
    .expect("running terraform destroy");
    let destroy_text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&destroy.stdout),
        String::from_utf8_lossy(&destroy.stderr)
    );
    assert!(destroy.status.success(), "destroy failed:\n{destroy_text}");

    let trace_text = std::fs::read_to_string(&trace).expect("reading the trace log");
    let requests = std::fs::read_to_string(&request_log).unwrap_or_default();
    let emulator_log = emu.log();
    // The trace log really holds the provider's own lines and the API traffic's shape, so a
    // clean grep means something.
    assert!(
        trace_text.contains("provider.terraform-provider-palette"),
        "no provider lines in the trace log"
    );
    assert!(
        !requests.is_empty(),
        "the emulator's request log is empty: {request_log_flag}"
    );
    let secrets = [
        ("the API key", API_KEY.to_string()),
        ("the cloud access key", ACCESS_KEY.to_string()),
        ("the cloud secret key", SECRET_KEY.to_string()),
        ("the kubeconfig token", kube[0].clone()),
        ("the admin kubeconfig key", kube[1].clone()),
    ];
    let found = leaks(
        &[
            ("the terraform trace log", &trace_text),
            ("the emulator's request log", &requests),
            ("the emulator's log", &emulator_log),
            ("apply output", &apply_text),
            ("destroy output", &destroy_text),
        ],
        &secrets,
    );
    assert!(found.is_empty(), "secrets leaked: {found:?}");
    println!(
        "RELIABILITY secrets_stay_out_of_logs_and_output: {} secrets checked in {} bytes of trace \
         log, {} bytes of request log, {} bytes of console output: none found",
        secrets.len(),
        trace_text.len(),
        requests.len(),
        apply_text.len() + destroy_text.len(),
    );
}

/// With the ephemeral `palette_kubeconfig` and no `kubeconfig` read from the resource, the
/// state file holds no kubeconfig at all.
#[test]
fn ephemeral_kubeconfig_keeps_kubeconfigs_out_of_state() {
    let emu = Emulator::start();
    let tf = Terraform::new(&emu);
    quickstart_with_secrets(&tf);
    tf.init();
    tf.apply();
    let cluster = tf.resource_values("palette_cluster.aws")["id"]
        .as_str()
        .expect("the cluster's id")
        .to_string();
    let kube = kubeconfig_secrets(&emu, &cluster);
    let state = std::fs::read_to_string(tf.work_dir().join("terraform.tfstate"))
        .expect("reading terraform.tfstate");
    let found = leaks(
        &[("terraform.tfstate", &state)],
        &[
            ("the API key", API_KEY.to_string()),
            ("the cloud secret key", SECRET_KEY.to_string()),
            ("the kubeconfig token", kube[0].clone()),
            ("the admin kubeconfig key", kube[1].clone()),
            ("a kubeconfig", "kind: Config".to_string()),
        ],
    );
    let stored = tf.resource_values("palette_cluster.aws")["kubeconfig"].clone();
    tf.destroy();
    assert!(
        found.is_empty(),
        "the state holds secrets: {found:?} (palette_cluster.aws kubeconfig = {})",
        if stored.as_str().is_some_and(|s| !s.is_empty()) {
            "a kubeconfig"
        } else {
            "empty"
        }
    );
}

/// A TLS server with a fresh self-signed certificate for 127.0.0.1 that forwards every
/// connection to the emulator; returns its `https://` URL and the certificate's PEM.
fn tls_proxy(upstream: &str) -> (String, String) {
    let certified =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string(), "localhost".to_string()])
            .expect("a self-signed certificate");
    let pem = certified.cert.pem();
    let key = tokio_rustls::rustls::pki_types::PrivateKeyDer::Pkcs8(
        certified.signing_key.serialize_der().into(),
    );
    let config = tokio_rustls::rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)
        .expect("a TLS server configuration");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = StdListener::bind("127.0.0.1:0").expect("binding the TLS proxy");
    listener.set_nonblocking(true).expect("non-blocking");
    let port = listener.local_addr().expect("an address").port();
    let upstream = upstream.trim_start_matches("http://").to_string();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    continue;
                };
                let acceptor = acceptor.clone();
                let upstream = upstream.clone();
                tokio::spawn(async move {
                    // A handshake the client refuses ends here: that is the point.
                    let Ok(mut tls) = acceptor.accept(socket).await else {
                        return;
                    };
                    let Ok(mut plain) = tokio::net::TcpStream::connect(&upstream).await else {
                        return;
                    };
                    let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
                });
            }
        });
    });
    (format!("https://127.0.0.1:{port}"), pem)
}

/// An https host with a self-signed certificate: refused with a clear error by default,
/// accepted with `insecure = true` or with the certificate in `ca_certificate`.
#[test]
fn self_signed_host_needs_insecure_or_its_ca() {
    let emu = Emulator::start();
    let (url, pem) = tls_proxy(emu.url());
    let tf = Terraform::new(&emu);
    tf.write_file("ca.pem", &pem);
    let config = |settings: &str| {
        HEADER.replace(
            "provider \"palette\" {}",
            &format!(
                "provider \"palette\" {{\n  host = \"{url}\"\n{settings}}}\n\ndata \"palette_cloud_account\" \"aws\" {{\n  name = \"aws-dev\"\n}}\n"
            ),
        )
    };
    tf.write_config(&config(""));
    tf.init();
    let refused = tf.try_plan();
    refused.expect_error(r"(?i)Error: .*certificate");
    let summary = refused
        .stderr
        .lines()
        .filter(|l| l.contains("Error") || l.to_lowercase().contains("certificate"))
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '│'))
        .collect::<Vec<_>>()
        .join(" / ");

    tf.write_config(&config("  insecure = true\n"));
    let insecure = tf.try_plan();
    assert!(
        matches!(insecure.code, Some(0 | 2)),
        "insecure = true should reach the emulator:\n{}",
        insecure.stderr
    );

    tf.write_config(&config(
        "  ca_certificate = file(\"${path.module}/ca.pem\")\n",
    ));
    let trusted = tf.try_plan();
    assert!(
        matches!(trusted.code, Some(0 | 2)),
        "ca_certificate should trust the host:\n{}",
        trusted.stderr
    );
    println!("RELIABILITY self_signed_host_needs_insecure_or_its_ca: refused with: {summary}");
}
