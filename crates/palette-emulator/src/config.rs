//! Command-line flags and the emulator's configuration.

use std::net::SocketAddr;
use std::path::PathBuf;

/// One accepted API key, optionally limited to one project (by name or uid).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKeySpec {
    /// The key as sent in the `ApiKey` header.
    pub key: String,
    /// The project (name or uid) the key is limited to, if any.
    pub project: Option<String>,
}

impl ApiKeySpec {
    /// Parses `KEY` or `KEY:PROJECT`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (key, project) = match text.split_once(':') {
            Some((key, project)) => (key, Some(project.to_owned())),
            None => (text, None),
        };
        if key.is_empty() {
            return Err("--api-key needs a non-empty key".to_owned());
        }
        if project.as_deref() == Some("") {
            return Err(format!("--api-key {key}: the project after ':' is empty"));
        }
        Ok(Self {
            key: key.to_owned(),
            project,
        })
    }
}

/// How to run an emulator.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to listen on; port 0 picks a free port.
    pub listen: SocketAddr,
    /// The SQLite file; `None` keeps state in memory.
    pub db: Option<PathBuf>,
    /// Accepted keys; when empty, one is made up (see [`crate::Handle::api_key`]).
    pub api_keys: Vec<ApiKeySpec>,
    /// Multiplies every simulated duration.
    pub time_scale: f64,
    /// A seed file replacing the built-in seed data (used on first start only).
    pub seed: Option<PathBuf>,
    /// Whether the documented rate limits are enforced.
    pub rate_limit: bool,
    /// A file to append one JSON line per request to (method, path, status, duration).
    pub request_log: Option<PathBuf>,
    /// Serve HTTPS with this certificate chain and key instead of plain HTTP.
    pub tls: Option<TlsFiles>,
}

/// The PEM files an HTTPS emulator serves with (`--tls-cert`, `--tls-key`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    /// The server certificate, then any intermediates.
    pub cert: PathBuf,
    /// The certificate's private key (PKCS#8, PKCS#1 or SEC1).
    pub key: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 7070)),
            db: None,
            api_keys: Vec::new(),
            time_scale: 1.0,
            seed: None,
            rate_limit: true,
            request_log: None,
            tls: None,
        }
    }
}

/// The `--help` text.
pub const USAGE: &str = "\
palette-emulator: a local, stateful Palette API

USAGE:
    palette-emulator [--listen 127.0.0.1:7070] [--db FILE] [--api-key KEY[:PROJECT]]...
                     [--time-scale F] [--seed FILE] [--no-rate-limit] [--request-log FILE]
                     [--tls-cert FILE --tls-key FILE]

FLAGS:
    --listen ADDR         address to serve on (port 0 picks a free port) [default: 127.0.0.1:7070]
    --db FILE             SQLite file; state survives a restart (default: in memory)
    --api-key KEY[:PROJECT]
                          an accepted ApiKey; ':PROJECT' (name or uid) limits it to one project;
                          repeatable; with none, a key is made up and printed
    --time-scale F        multiplies every simulated duration [default: 1.0]
    --seed FILE           seed data to load on first start instead of the built-in set
    --no-rate-limit       do not enforce the documented rate limits
    --request-log FILE    append one JSON line per request (no headers, no bodies)
    --tls-cert FILE       serve HTTPS with this PEM certificate chain (leaf first), as a
                          self-hosted Palette behind a private CA does [default: plain HTTP]
    --tls-key FILE        the PEM private key of --tls-cert (both or neither)
    -h, --help            print this help
";

impl Config {
    /// A configuration for tests: a free loopback port, memory state, no rate limits and a
    /// hundredfold faster simulation.
    pub fn for_tests() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            time_scale: 0.01,
            rate_limit: false,
            api_keys: vec![ApiKeySpec {
                key: "test-key".to_owned(),
                project: None,
            }],
            ..Self::default()
        }
    }

    /// Parses the flags (without the program name). `Ok(None)` means help was asked for.
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> Result<Option<Self>, String> {
        let mut config = Self::default();
        let (mut tls_cert, mut tls_key) = (None, None);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => {
                    (flag.to_owned(), Some(value.to_owned()))
                }
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| -> Result<String, String> {
                match inline.clone() {
                    Some(v) => Ok(v),
                    None => args.next().ok_or_else(|| format!("{name} needs a value")),
                }
            };
            match flag.as_str() {
                "-h" | "--help" => return Ok(None),
                "--listen" => {
                    let text = value("--listen")?;
                    config.listen = text
                        .parse()
                        .map_err(|e| format!("--listen {text}: not an address ({e})"))?;
                }
                "--db" => config.db = Some(PathBuf::from(value("--db")?)),
                "--api-key" => config
                    .api_keys
                    .push(ApiKeySpec::parse(&value("--api-key")?)?),
                "--time-scale" => {
                    let text = value("--time-scale")?;
                    let scale: f64 = text
                        .parse()
                        .map_err(|_| format!("--time-scale {text}: not a number"))?;
                    if !(scale.is_finite() && scale >= 0.0) {
                        return Err(format!(
                            "--time-scale {text}: must be a non-negative number"
                        ));
                    }
                    config.time_scale = scale;
                }
                "--seed" => config.seed = Some(PathBuf::from(value("--seed")?)),
                "--no-rate-limit" => config.rate_limit = false,
                "--request-log" => {
                    config.request_log = Some(PathBuf::from(value("--request-log")?))
                }
                "--tls-cert" => tls_cert = Some(PathBuf::from(value("--tls-cert")?)),
                "--tls-key" => tls_key = Some(PathBuf::from(value("--tls-key")?)),
                other => return Err(format!("unknown flag {other} (see --help)")),
            }
        }
        config.tls = match (tls_cert, tls_key) {
            (Some(cert), Some(key)) => Some(TlsFiles { cert, key }),
            (None, None) => None,
            (Some(_), None) => return Err("--tls-cert needs --tls-key too".to_owned()),
            (None, Some(_)) => return Err("--tls-key needs --tls-cert too".to_owned()),
        };
        Ok(Some(config))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Config>, String> {
        Config::from_args(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn parses_every_flag() {
        let c = parse(&[
            "--listen",
            "127.0.0.1:0",
            "--db",
            "x.db",
            "--api-key",
            "k1",
            "--api-key=k2:Team-B",
            "--time-scale",
            "0.05",
            "--seed",
            "s.json",
            "--no-rate-limit",
            "--request-log",
            "r.log",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(c.listen.port(), 0);
        assert_eq!(c.db.as_deref(), Some(std::path::Path::new("x.db")));
        assert_eq!(
            c.api_keys[1],
            ApiKeySpec {
                key: "k2".into(),
                project: Some("Team-B".into())
            }
        );
        assert_eq!(c.time_scale, 0.05);
        assert!(!c.rate_limit);
        assert!(c.request_log.is_some() && c.seed.is_some());
        assert_eq!(c.tls, None, "plain HTTP unless asked");

        let c = parse(&["--tls-cert", "leaf.pem", "--tls-key=leaf.key"])
            .unwrap()
            .unwrap();
        assert_eq!(
            c.tls,
            Some(TlsFiles {
                cert: "leaf.pem".into(),
                key: "leaf.key".into()
            })
        );
    }

    #[test]
    fn rejects_bad_flags() {
        let cases = [
            ("unknown", vec!["--nope"]),
            ("missing value", vec!["--db"]),
            ("bad address", vec!["--listen", "here"]),
            ("negative scale", vec!["--time-scale", "-1"]),
            ("empty key", vec!["--api-key", ":Default"]),
            ("certificate without key", vec!["--tls-cert", "leaf.pem"]),
            ("key without certificate", vec!["--tls-key", "leaf.key"]),
        ];
        for (name, args) in cases {
            assert!(parse(&args).is_err(), "{name}");
        }
        assert!(parse(&["--help"]).unwrap().is_none());
    }
}
