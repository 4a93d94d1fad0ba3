//! TLS for the acceptance tests: a private CA, as a self-hosted Palette (VerteX) behind one has,
//! and a TLS front whose cipher suites and key exchange groups a test chooses.
//!
//! - [`PrivateCa`] makes a CA (ECDSA P-384 with SHA-384) and a server certificate it signs
//!   (ECDSA P-256 with SHA-256, for `127.0.0.1` and `localhost`), fresh for each test. Nothing
//!   trusts the CA but what a test gives its PEM to: the provider's `ca_certificate`, or
//!   [`PrivateCa::client_config`] for the harness's own requests.
//! - [`TlsFront`] accepts TLS with a given rustls [`ServerConfig`] and passes the bytes on to a
//!   plain-HTTP emulator, so a test can put a server offering only some algorithms in front of
//!   it; it records every handshake that failed.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use tokio_rustls::rustls;
use tokio_rustls::rustls::crypto::CryptoProvider;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{ClientConfig, RootCertStore, ServerConfig};

/// A private CA and one server certificate it issued for the loopback address.
pub(crate) struct PrivateCa {
    /// The CA certificate, PEM: what `ca_certificate` takes.
    pub(crate) ca_pem: String,
    ca_der: CertificateDer<'static>,
    server_cert: CertificateDer<'static>,
    server_cert_pem: String,
    server_key_pem: String,
    server_key_der: Vec<u8>,
}

impl PrivateCa {
    /// A fresh CA, `Palette VerteX test CA`, and its server certificate.
    pub(crate) fn new() -> PrivateCa {
        let ca_key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P384_SHA384).expect("a CA key");
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
        ca.distinguished_name
            .push(DnType::CommonName, "Palette VerteX test CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_cert = ca.self_signed(&ca_key).expect("the CA certificate");
        let issuer = Issuer::new(ca, ca_key);

        let server_key =
            KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).expect("a server key");
        let mut server =
            CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
                .expect("server parameters");
        server
            .distinguished_name
            .push(DnType::CommonName, "palette.vertex.test");
        server.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        server.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let server_cert = server
            .signed_by(&server_key, &issuer)
            .expect("the server certificate");

        PrivateCa {
            ca_pem: ca_cert.pem(),
            ca_der: ca_cert.der().clone(),
            server_cert_pem: server_cert.pem(),
            server_cert: server_cert.der().clone(),
            server_key_pem: server_key.serialize_pem(),
            server_key_der: server_key.serialize_der(),
        }
    }

    /// Writes the server certificate and key as PEM files in `dir`, for the emulator's
    /// `--tls-cert` and `--tls-key`.
    pub(crate) fn write_server_files(&self, dir: &Path) -> (PathBuf, PathBuf) {
        let cert = dir.join("server.pem");
        let key = dir.join("server.key");
        std::fs::write(&cert, &self.server_cert_pem).expect("writing server.pem");
        std::fs::write(&key, &self.server_key_pem).expect("writing server.key");
        (cert, key)
    }

    /// A client configuration that trusts this CA alone.
    pub(crate) fn client_config(&self) -> Arc<ClientConfig> {
        let mut roots = RootCertStore::empty();
        roots
            .add(self.ca_der.clone())
            .expect("the CA is a usable root");
        Arc::new(
            ClientConfig::builder_with_provider(Arc::new(
                rustls::crypto::aws_lc_rs::default_provider(),
            ))
            .with_safe_default_protocol_versions()
            .expect("TLS 1.2 and 1.3")
            .with_root_certificates(roots)
            .with_no_client_auth(),
        )
    }

    /// A server configuration with the server certificate, on `provider` (whose cipher suites
    /// and key exchange groups are all the server offers), TLS 1.3 only.
    pub(crate) fn server_config(&self, provider: CryptoProvider) -> ServerConfig {
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(self.server_key_der.clone()));
        ServerConfig::builder_with_provider(Arc::new(provider))
            .with_protocol_versions(&[&rustls::version::TLS13])
            .expect("the provider supports TLS 1.3")
            .with_no_client_auth()
            .with_single_cert(vec![self.server_cert.clone()], key)
            .expect("the server certificate and key go together")
    }
}

/// A TLS server in front of a plain-HTTP emulator, on its own runtime; stops when dropped.
pub(crate) struct TlsFront {
    url: String,
    failures: Arc<Mutex<Vec<String>>>,
    // Dropping the runtime stops the accept loop and every connection.
    _runtime: tokio::runtime::Runtime,
}

impl TlsFront {
    /// Listens on a free loopback port with `config` and passes each connection's plaintext to
    /// `backend` (`http://HOST:PORT`).
    pub(crate) fn start(config: ServerConfig, backend: &str) -> TlsFront {
        let backend: SocketAddr = backend
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .expect("the backend is http://IP:PORT");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a runtime for the TLS front");
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("binding the TLS front");
        let url = format!("https://{}", listener.local_addr().unwrap());
        let failures = Arc::new(Mutex::new(Vec::new()));
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let recorded = failures.clone();
        runtime.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (acceptor, recorded) = (acceptor.clone(), recorded.clone());
                tokio::spawn(async move {
                    match acceptor.accept(stream).await {
                        Ok(mut tls) => {
                            if let Ok(mut plain) = tokio::net::TcpStream::connect(backend).await {
                                let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
                            }
                        }
                        Err(err) => recorded.lock().unwrap().push(err.to_string()),
                    }
                });
            }
        });
        TlsFront {
            url,
            failures,
            _runtime: runtime,
        }
    }

    /// `https://127.0.0.1:PORT`.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// What each failed handshake so far failed with, as rustls says it.
    pub(crate) fn handshake_failures(&self) -> Vec<String> {
        self.failures.lock().unwrap().clone()
    }
}
