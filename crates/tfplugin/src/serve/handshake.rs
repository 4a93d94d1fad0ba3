//! The go-plugin handshake: the magic cookie, protocol version negotiation and the one line
//! printed to stdout that tells Terraform where to connect.

use std::io::Write;

use base64::Engine as _;

use super::ServeError;

/// The environment variable Terraform sets to prove that it started the plugin.
pub const MAGIC_COOKIE_KEY: &str = "TF_PLUGIN_MAGIC_COOKIE";

/// The value Terraform puts in [`MAGIC_COOKIE_KEY`].
pub const MAGIC_COOKIE_VALUE: &str =
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

/// The go-plugin core protocol version, always the first field of the handshake line.
pub const CORE_PROTOCOL_VERSION: u32 = 1;

/// The only Terraform plugin protocol major version this crate speaks.
pub const PROTOCOL_VERSION: u32 = 6;

/// What a person who runs the plugin by hand is told before it exits.
pub const NOT_LAUNCHED_EXPLANATION: &str = "\
This program is a Terraform provider plugin. Terraform (or OpenTofu) starts it and talks to it
over gRPC; it does nothing useful when run by hand.

To use it, install it where Terraform finds providers (or point a dev_overrides entry in the
Terraform CLI configuration at its directory) and run terraform instead.
";

/// Whether the process was started by Terraform, judged by the magic cookie.
pub fn launched_by_terraform() -> bool {
    std::env::var(MAGIC_COOKIE_KEY).is_ok_and(|v| v == MAGIC_COOKIE_VALUE)
}

/// Prints [`NOT_LAUNCHED_EXPLANATION`] to stderr and exits with status 1 unless Terraform
/// started this process.
///
/// A provider binary calls this first thing in normal (non-debug) mode, so that running it by
/// hand gives a short explanation instead of a handshake line and a silent wait.
pub fn exit_unless_launched_by_terraform() {
    if !launched_by_terraform() {
        eprint!("{NOT_LAUNCHED_EXPLANATION}");
        std::process::exit(1);
    }
}

/// Picks the protocol version from Terraform's `PLUGIN_PROTOCOL_VERSIONS` list ("5,6").
///
/// We serve only [`PROTOCOL_VERSION`]; an absent or empty list means the client accepts the
/// server's lowest version, which is that same one.
pub(crate) fn negotiate_version(offered: Option<&str>) -> Result<u32, ServeError> {
    let Some(list) = offered.map(str::trim).filter(|l| !l.is_empty()) else {
        return Ok(PROTOCOL_VERSION);
    };
    let speaks_ours = list
        .split(',')
        .filter_map(|v| v.trim().parse::<u32>().ok())
        .any(|v| v == PROTOCOL_VERSION);
    if speaks_ours {
        Ok(PROTOCOL_VERSION)
    } else {
        Err(ServeError::UnsupportedProtocol {
            offered: list.to_string(),
        })
    }
}

/// Builds the handshake line (without the newline).
///
/// The format is `CORE|APP|NETWORK|ADDRESS|grpc|CERT`, where CERT is the server certificate's
/// DER in standard base64 without padding, or empty when the channel is plaintext.
pub(crate) fn handshake_line(
    network: &str,
    address: &str,
    server_cert_der: Option<&[u8]>,
) -> String {
    let cert = server_cert_der
        .map(|der| base64::engine::general_purpose::STANDARD_NO_PAD.encode(der))
        .unwrap_or_default();
    format!("{CORE_PROTOCOL_VERSION}|{PROTOCOL_VERSION}|{network}|{address}|grpc|{cert}")
}

/// Prints the handshake line to stdout and flushes it, so Terraform sees it at once.
pub(crate) fn announce(line: &str) -> Result<(), ServeError> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .map_err(ServeError::Handshake)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_picks_six_or_fails() {
        let cases: &[(&str, Option<&str>, Option<u32>)] = &[
            ("terraform offers five and six", Some("5,6"), Some(6)),
            ("only six", Some("6"), Some(6)),
            ("spaces around entries", Some(" 5 , 6 "), Some(6)),
            ("unset means lowest served", None, Some(6)),
            ("empty means lowest served", Some(""), Some(6)),
            ("only five", Some("5"), None),
            ("garbage", Some("x,y"), None),
        ];
        for (name, offered, want) in cases {
            let got = negotiate_version(*offered).ok();
            assert_eq!(got, *want, "{name}");
        }
    }

    #[test]
    fn unsupported_version_error_names_the_offer() {
        let err = negotiate_version(Some("4,5")).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("4,5"), "{text}");
        assert!(text.contains('6'), "{text}");
    }

    #[test]
    fn handshake_line_has_six_fields_and_unpadded_base64() {
        let line = handshake_line("unix", "/tmp/plugin1", Some(&[1, 2, 3, 4]));
        assert_eq!(line, "1|6|unix|/tmp/plugin1|grpc|AQIDBA");
        let plain = handshake_line("tcp", "127.0.0.1:10000", None);
        assert_eq!(plain, "1|6|tcp|127.0.0.1:10000|grpc|");
    }
}
