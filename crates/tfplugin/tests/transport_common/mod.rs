//! Shared helpers for the transport tests: start the probe plugin as Terraform would, read its
//! handshake, and connect to it as Terraform would (optionally with a client certificate).

#![allow(dead_code, unreachable_pub)]

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use base64::Engine as _;
use hyper_util::rt::TokioIo;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use tokio::io::{AsyncRead, AsyncWrite};
use tonic::transport::{Channel, Endpoint, Uri};

/// The probe plugin built from `tests/bin/transport_probe.rs`.
pub const PROBE: &str = env!("CARGO_BIN_EXE_tfplugin-transport-probe");

/// The magic cookie Terraform sets.
pub const COOKIE: &str = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

/// A scratch directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        // Short names: unix socket paths are limited to about 100 bytes.
        let dir = std::env::temp_dir().join(format!("tp-{label}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// The names of the entries in the directory.
    pub fn entries(&self) -> Vec<String> {
        std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A certificate and its private key, as a client presents them.
#[derive(Clone)]
pub struct ClientIdentity {
    pub pem: String,
    pub der: CertificateDer<'static>,
    pub key: Vec<u8>,
}

/// A certificate shaped like Terraform's AutoMTLS client certificate: ECDSA P-521 with SHA-512,
/// a CA, `localhost`, for client and server authentication.
pub fn terraform_like_client_cert() -> ClientIdentity {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
        KeyUsagePurpose,
    };
    let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P521_SHA512).unwrap();
    let mut params = CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    params
        .distinguished_name
        .push(DnType::CommonName, "localhost");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
        KeyUsagePurpose::KeyAgreement,
        KeyUsagePurpose::KeyCertSign,
    ];
    params.extended_key_usages = vec![
        ExtendedKeyUsagePurpose::ClientAuth,
        ExtendedKeyUsagePurpose::ServerAuth,
    ];
    let cert = params.self_signed(&key).unwrap();
    ClientIdentity {
        pem: cert.pem(),
        der: cert.der().clone(),
        key: key.serialize_der(),
    }
}

/// The parsed handshake line.
#[derive(Debug)]
pub struct Handshake {
    pub line: String,
    pub core: String,
    pub app: String,
    pub network: String,
    pub address: String,
    pub protocol: String,
    pub cert_field: String,
}

impl Handshake {
    pub fn parse(line: &str) -> Handshake {
        let fields: Vec<&str> = line.split('|').collect();
        assert_eq!(
            fields.len(),
            6,
            "handshake line {line:?} should have six fields"
        );
        Handshake {
            line: line.to_string(),
            core: fields[0].to_string(),
            app: fields[1].to_string(),
            network: fields[2].to_string(),
            address: fields[3].to_string(),
            protocol: fields[4].to_string(),
            cert_field: fields[5].to_string(),
        }
    }

    /// The server certificate, decoded the way go-plugin does (standard base64, no padding).
    pub fn server_cert(&self) -> Option<Vec<u8>> {
        if self.cert_field.is_empty() {
            return None;
        }
        Some(
            base64::engine::general_purpose::STANDARD_NO_PAD
                .decode(&self.cert_field)
                .expect("server certificate is unpadded standard base64"),
        )
    }
}

/// How the probe is started.
pub struct Launch {
    pub cookie: bool,
    pub protocol_versions: Option<String>,
    pub client_cert_pem: Option<String>,
    pub socket_dir: Option<PathBuf>,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

impl Default for Launch {
    fn default() -> Launch {
        Launch {
            cookie: true,
            protocol_versions: Some("5,6".to_string()),
            client_cert_pem: None,
            socket_dir: None,
            args: Vec::new(),
            env: Vec::new(),
        }
    }
}

impl Launch {
    /// The command with exactly the environment Terraform would give (and nothing inherited
    /// that could change the outcome).
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(PROBE);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("PLUGIN_MIN_PORT", "10000")
            .env("PLUGIN_MAX_PORT", "25000")
            .args(&self.args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if self.cookie {
            cmd.env("TF_PLUGIN_MAGIC_COOKIE", COOKIE);
        }
        if let Some(v) = &self.protocol_versions {
            cmd.env("PLUGIN_PROTOCOL_VERSIONS", v);
        }
        if let Some(pem) = &self.client_cert_pem {
            cmd.env("PLUGIN_CLIENT_CERT", pem);
        }
        if let Some(dir) = &self.socket_dir {
            cmd.env("PLUGIN_UNIX_SOCKET_DIR", dir);
        }
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd
    }

    /// Starts the probe and waits for its first stdout line.
    pub fn start(&self) -> Plugin {
        let mut child = self.command().spawn().expect("start the probe");
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&stderr);
        let err_pipe = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err_pipe).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        let out_pipe = BufReader::new(child.stdout.take().unwrap());
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let out_sink = Arc::clone(&stdout);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // Keep draining after the first line, as Terraform does, so late writes never block.
            for line in out_pipe.lines().map_while(Result::ok) {
                let _ = tx.send(line.clone());
                out_sink.lock().unwrap().push(line);
            }
        });
        let first_line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the probe printed nothing within 20s");
        Plugin {
            child,
            first_line,
            stdout,
            stderr,
        }
    }
}

/// A running probe, killed when dropped.
pub struct Plugin {
    pub child: Child,
    pub first_line: String,
    pub stdout: Arc<Mutex<Vec<String>>>,
    pub stderr: Arc<Mutex<Vec<String>>>,
}

impl Plugin {
    pub fn handshake(&self) -> Handshake {
        Handshake::parse(&self.first_line)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits up to `limit` for the process to exit.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Sends a signal by name (`INT`, `TERM`).
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits up to `limit` for a stdout line matching `pred`.
    pub fn wait_stdout_line(&self, pred: impl Fn(&str) -> bool, limit: Duration) -> Option<String> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(line) = self.stdout.lock().unwrap().iter().find(|l| pred(l)) {
                return Some(line.clone());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    pub fn stderr_lines(&self) -> Vec<String> {
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for Plugin {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Accepts exactly the server certificate announced in the handshake line.
#[derive(Debug)]
struct PinnedServer {
    der: Vec<u8>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for PinnedServer {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if end_entity.as_ref() == self.der.as_slice() {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::General(
                "server certificate differs from the handshake line".into(),
            ))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

trait Io: AsyncRead + AsyncWrite + Send + Unpin + 'static {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin + 'static> Io for T {}

/// Dials the plugin's socket, with TLS when a config is given.
#[derive(Clone)]
struct Connector {
    network: String,
    address: String,
    tls: Option<Arc<rustls::ClientConfig>>,
}

impl tower_service::Service<Uri> for Connector {
    type Response = TokioIo<Box<dyn Io>>;
    type Error = std::io::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _uri: Uri) -> Self::Future {
        let this = self.clone();
        Box::pin(async move {
            let raw: Box<dyn Io> = match this.network.as_str() {
                "unix" => Box::new(tokio::net::UnixStream::connect(&this.address).await?),
                "tcp" => Box::new(tokio::net::TcpStream::connect(&this.address).await?),
                other => panic!("unexpected network {other}"),
            };
            let Some(config) = this.tls else {
                return Ok(TokioIo::new(raw));
            };
            let name = ServerName::try_from("localhost").unwrap();
            let tls = tokio_rustls::TlsConnector::from(config)
                .connect(name, raw)
                .await?;
            Ok(TokioIo::new(Box::new(tls) as Box<dyn Io>))
        })
    }
}

/// Connects over TLS, trusting only the announced server certificate and presenting
/// `identity` (or no certificate).
pub async fn connect_tls(
    handshake: &Handshake,
    identity: Option<&ClientIdentity>,
) -> Result<Channel, tonic::transport::Error> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let verifier = PinnedServer {
        der: handshake.server_cert().expect("a tls handshake line"),
        algorithms: provider.signature_verification_algorithms,
    };
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier));
    let mut config = match identity {
        Some(id) => builder
            .with_client_auth_cert(
                vec![id.der.clone()],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(id.key.clone())),
            )
            .unwrap(),
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = vec![b"h2".to_vec()];
    connect(handshake, Some(Arc::new(config))).await
}

/// Connects without TLS.
pub async fn connect_plain(handshake: &Handshake) -> Result<Channel, tonic::transport::Error> {
    connect(handshake, None).await
}

async fn connect(
    handshake: &Handshake,
    tls: Option<Arc<rustls::ClientConfig>>,
) -> Result<Channel, tonic::transport::Error> {
    let connector = Connector {
        network: handshake.network.clone(),
        address: handshake.address.clone(),
        tls,
    };
    // Tonic wants a URL; the connector ignores it and dials the plugin's socket.
    Endpoint::from_static("grpc://localhost")
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(10))
        .connect_with_connector(connector)
        .await
}

/// Asks the gRPC health service for the "plugin" service's status.
pub async fn plugin_health(channel: Channel) -> Result<i32, tonic::Status> {
    use tonic_health::pb::HealthCheckRequest;
    use tonic_health::pb::health_client::HealthClient;
    let reply = HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: "plugin".to_string(),
        })
        .await?;
    Ok(reply.into_inner().status)
}

/// Connects (over whatever `connecting` does) and asks for health, flattening both failures into
/// one error text: for the tests where a client must be turned away.
pub async fn try_health(
    connecting: impl Future<Output = Result<Channel, tonic::transport::Error>>,
) -> Result<i32, String> {
    let channel = connecting.await.map_err(|e| e.to_string())?;
    plugin_health(channel).await.map_err(|e| e.to_string())
}

/// The SERVING value of the health protocol's status enum.
pub fn serving() -> i32 {
    tonic_health::pb::health_check_response::ServingStatus::Serving as i32
}
