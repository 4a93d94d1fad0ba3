//! The FIPS build (`cargo xtask release --fips`: the provider `palette-rs/palette-fips`, both TLS
//! stacks on aws-lc's FIPS module) against a VerteX-like self-hosted Palette: the emulator
//! serving HTTPS with a certificate from a private CA that only `ca_certificate` makes trusted.
//!
//! Terraform installs the FIPS archive from the release's mirror, as an air-gapped user would,
//! and starts it with AutoMTLS, so its own P-521/SHA-512 client certificate is verified by the
//! FIPS build's TLS server; the provider's API client then speaks TLS to the emulator with
//! FIPS-approved algorithms only. A server that offers only algorithms FIPS does not approve
//! (ChaCha20-Poly1305, or X25519 alone) is refused by the FIPS build and accepted by the
//! ordinary one, so the refusal is the FIPS policy's and not a broken server's.
//!
//! Both tests build the FIPS archive (CMake and Go, which `cargo xtask ci` installs); `cargo
//! xtask test` skips them, counted as skipped, on a machine without them, or one that is not
//! x86_64 Linux (`FIPS_TESTS` in `xtask/src/test.rs`).

use std::path::{Path, PathBuf};

use tokio_rustls::rustls;
use tokio_rustls::rustls::crypto::CryptoProvider;
use tokio_rustls::rustls::crypto::aws_lc_rs::{cipher_suite, default_provider, kx_group};

use crate::release::{sums, xtask_release};
use crate::reliability::copy_quickstart;
use crate::support::temp::TempDir;
use crate::support::tls::{PrivateCa, TlsFront};
use crate::support::{Emulator, Plan, Terraform};

const FIPS_NAME: &str = "terraform-provider-palette-fips";

/// Builds `linux_amd64` with `--fips` into a fresh directory (cargo reuses the build CI's
/// release step made) and checks the FIPS archive's names; the mirror is in `mirror/`.
fn fips_release() -> TempDir {
    let version = env!("CARGO_PKG_VERSION");
    let dist = TempDir::new("release-fips");
    xtask_release(dist.path(), &["--platform", "linux_amd64", "--fips"], &[]);
    let archive = format!("{FIPS_NAME}_{version}_linux_amd64.zip");
    let fips_sums = std::fs::read_to_string(
        dist.path()
            .join(format!("{FIPS_NAME}_{version}_SHA256SUMS")),
    )
    .expect("the FIPS build's own SHA256SUMS");
    assert!(
        fips_sums.contains(&format!("  {archive}\n"))
            && fips_sums.contains(&format!("  {FIPS_NAME}_{version}_manifest.json\n")),
        "{fips_sums}"
    );
    assert!(
        !sums(dist.path()).contains(FIPS_NAME),
        "the ordinary SHA256SUMS lists a FIPS file"
    );
    dist
}

/// A provider block trusting `ca.pem` in the working directory, with no retries (a refused
/// handshake fails at once).
fn provider_block(extra: &str) -> String {
    format!(
        "provider \"palette\" {{\n  ca_certificate = file(\"${{path.module}}/ca.pem\")\n  \
         max_retries    = 0\n{extra}}}\n"
    )
}

/// The `terraform` block requiring `source` under the local name `palette`.
fn required(source: &str) -> String {
    format!(
        "terraform {{\n  required_providers {{\n    palette = {{\n      source = \"{source}\"\n    \
         }}\n  }}\n}}\n"
    )
}

/// A configuration that reads one data source, so a plan makes an API call.
fn reading_config(source: &str, provider_extra: &str) -> String {
    format!(
        "{}\n{}\ndata \"palette_registry\" \"public\" {{\n  name = \"Public Repo\"\n}}\n",
        required(source),
        provider_block(provider_extra)
    )
}

#[test]
fn fips_build_applies_the_quickstart_over_tls_with_a_private_ca() {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        eprintln!("not run: the FIPS build is made for linux_amd64 only");
        return;
    }
    let version = env!("CARGO_PKG_VERSION");
    let dist = fips_release();
    let ca = PrivateCa::new();
    let emu = Emulator::start_tls(&ca);
    let tf = Terraform::from_mirror(&emu, &dist.path().join("mirror"));

    // The quickstart as it is, but for the FIPS provider's source and the private CA.
    copy_quickstart(&tf);
    let main_tf = tf.work_dir().join("main.tf");
    let quickstart = std::fs::read_to_string(&main_tf).unwrap();
    let fips_quickstart = quickstart
        .replacen(
            "source = \"palette-rs/palette\"",
            "source = \"palette-rs/palette-fips\"",
            1,
        )
        .replacen("provider \"palette\" {}\n", &provider_block(""), 1);
    assert_ne!(fips_quickstart, quickstart, "the quickstart's header moved");
    std::fs::write(&main_tf, fips_quickstart).unwrap();
    tf.write_file("ca.pem", &ca.ca_pem);

    let init = tf.init();
    assert!(
        init.stdout
            .contains(&format!("Installed palette-rs/palette-fips v{version}")),
        "{}",
        init.stdout
    );
    let applied = tf.apply();
    assert!(
        applied.stdout.contains("Apply complete!"),
        "{}",
        applied.stdout
    );
    tf.assert_empty_plan();

    let log = tf.log();
    assert!(
        log.contains("configuring client automatic mTLS"),
        "Terraform did not use AutoMTLS with the FIPS build"
    );
    assert!(
        log.contains("FIPS build: TLS on the AWS-LC FIPS module"),
        "the provider did not report FIPS mode"
    );
    assert!(
        log.contains(&format!("{FIPS_NAME}_v{version}")),
        "Terraform did not start the FIPS build's binary"
    );
    let lock = std::fs::read_to_string(tf.work_dir().join(".terraform.lock.hcl")).unwrap();
    assert!(
        lock.contains("registry.terraform.io/palette-rs/palette-fips"),
        "{lock}"
    );

    let destroyed = tf.destroy();
    assert!(
        destroyed.stdout.contains("Destroy complete!"),
        "{}",
        destroyed.stdout
    );
}

/// The aws-lc-rs provider with only `suites` and `groups`: what a server offering nothing else
/// negotiates with.
fn restricted(
    suites: Vec<rustls::SupportedCipherSuite>,
    groups: Vec<&'static dyn rustls::crypto::SupportedKxGroup>,
) -> CryptoProvider {
    CryptoProvider {
        cipher_suites: suites,
        kx_groups: groups,
        ..default_provider()
    }
}

#[test]
fn fips_build_refuses_unapproved_algorithms_an_unknown_ca_and_insecure() {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        eprintln!("not run: the FIPS build is made for linux_amd64 only");
        return;
    }
    let dist = fips_release();
    assert_version_reports_fips_mode(dist.path());
    let mirror = dist.path().join("mirror");
    let ca = PrivateCa::new();
    let emu = Emulator::start();
    let defaults = default_provider();
    let servers = [
        (
            "ChaCha20-Poly1305 only",
            restricted(
                vec![cipher_suite::TLS13_CHACHA20_POLY1305_SHA256],
                defaults.kx_groups.clone(),
            ),
            "NoCipherSuitesInCommon",
        ),
        (
            "X25519 only",
            restricted(defaults.cipher_suites.clone(), vec![kx_group::X25519]),
            "NoKxGroupsInCommon",
        ),
    ];
    for (what, provider, refusal) in servers {
        let front = TlsFront::start(ca.server_config(provider), emu.url());

        // The ordinary build negotiates it: the server works.
        let mut ordinary = Terraform::new(&emu);
        ordinary.set_env("PALETTE_HOST", front.url());
        ordinary.write_config(&reading_config("palette-rs/palette", ""));
        ordinary.write_file("ca.pem", &ca.ca_pem);
        ordinary.init();
        assert_eq!(ordinary.plan(), Plan::NoChanges, "{what}: ordinary build");

        // The FIPS build offers neither, so the handshake fails.
        let mut fips = Terraform::from_mirror(&emu, &mirror);
        fips.set_env("PALETTE_HOST", front.url());
        fips.write_config(&reading_config("palette-rs/palette-fips", ""));
        fips.write_file("ca.pem", &ca.ca_pem);
        fips.init();
        fips.try_plan()
            .expect_error("received fatal alert: HandshakeFailure");
        let failures = front.handshake_failures();
        assert!(
            failures.iter().any(|f| f.contains(refusal)),
            "{what}: the server saw no {refusal} refusal, but {failures:?}"
        );
    }

    // Over approved algorithms, the private CA is what makes the server trusted.
    let front = TlsFront::start(ca.server_config(default_provider()), emu.url());
    let mut untrusting = Terraform::from_mirror(&emu, &mirror);
    untrusting.set_env("PALETTE_HOST", front.url());
    let unknown_ca = reading_config("palette-rs/palette-fips", "")
        .replace("  ca_certificate = file(\"${path.module}/ca.pem\")\n", "");
    untrusting.write_config(&unknown_ca);
    untrusting.init();
    untrusting
        .try_plan()
        .expect_error("invalid peer certificate: UnknownIssuer");
    let mut trusting = Terraform::from_mirror(&emu, &mirror);
    trusting.set_env("PALETTE_HOST", front.url());
    trusting.write_config(&reading_config("palette-rs/palette-fips", ""));
    trusting.write_file("ca.pem", &ca.ca_pem);
    trusting.init();
    assert_eq!(trusting.plan(), Plan::NoChanges, "FIPS build, private CA");

    // Skipping verification is not on offer.
    let mut insecure = Terraform::from_mirror(&emu, &mirror);
    insecure.set_env("PALETTE_HOST", front.url());
    insecure.write_config(&reading_config(
        "palette-rs/palette-fips",
        "  insecure       = true\n",
    ));
    insecure.write_file("ca.pem", &ca.ca_pem);
    insecure.init();
    insecure
        .try_plan()
        .expect_error("refused by the FIPS build");
}

/// Runs the FIPS archive's binary with `--version`, which says it is the FIPS build and that its
/// module is in FIPS mode, without Terraform.
fn assert_version_reports_fips_mode(dist: &Path) {
    let version = env!("CARGO_PKG_VERSION");
    let binary = unpacked_binary(dist, version);
    let out = std::process::Command::new(&binary)
        .arg("--version")
        .output()
        .expect("the FIPS binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.starts_with(&format!("{FIPS_NAME} {version}\n")),
        "{text}"
    );
    assert!(
        text.contains("FIPS build: TLS on the AWS-LC FIPS module") && text.contains("in FIPS mode"),
        "{text}"
    );
}

/// The FIPS binary, unpacked from the archive in `dist` into `dist/unpacked/`.
fn unpacked_binary(dist: &Path, version: &str) -> PathBuf {
    let archive = dist.join(format!("{FIPS_NAME}_{version}_linux_amd64.zip"));
    let unpacked = dist.join("unpacked");
    let status = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
        ])
        .arg(&archive)
        .arg(&unpacked)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "unpacking {}", archive.display());
    let binary = unpacked.join(format!("{FIPS_NAME}_v{version}"));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).unwrap();
    binary
}
