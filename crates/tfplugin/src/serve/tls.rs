//! AutoMTLS: the plugin side of go-plugin's mutual TLS.
//!
//! Terraform passes its client certificate in `PLUGIN_CLIENT_CERT` (PEM). We make a fresh
//! self-signed server certificate on every start, send its DER in the handshake line, and accept
//! only connections whose client certificate is byte-for-byte the one Terraform gave us.
//!
//! Terraform's client certificate is ECDSA P-521 with SHA-512 and marked `CA:TRUE`. webpki's
//! stock verifiers refuse a CA certificate as an end entity, so [`PinnedClientCert`] replaces
//! chain building with an exact comparison and checks the handshake signatures itself through
//! the aws-lc-rs provider (which, unlike ring, knows P-521). In the FIPS build that provider is
//! rustls' FIPS one ([`crate::fips`]): P-521 with SHA-512 is a FIPS-approved curve and hash, so
//! Terraform's certificate verifies there too.

use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose,
};
use rustls::client::danger::HandshakeSignatureValid;
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{CertificateError, DigitallySignedStruct, DistinguishedName, SignatureScheme};

use super::ServeError;

/// The environment variable holding Terraform's client certificate.
pub const CLIENT_CERT_ENV: &str = "PLUGIN_CLIENT_CERT";

/// The environment variable that turns AutoMTLS off on Terraform's side.
pub const DISABLE_TLS_ENV: &str = "TF_DISABLE_PLUGIN_TLS";

/// A ready TLS server setup and the certificate to announce in the handshake.
pub(crate) struct ServerTls {
    pub(crate) acceptor: tokio_rustls::TlsAcceptor,
    pub(crate) cert_der: CertificateDer<'static>,
}

/// Reads `PLUGIN_CLIENT_CERT` and builds the TLS setup, or `None` for plaintext (no client
/// certificate given, or `TF_DISABLE_PLUGIN_TLS` set).
pub(crate) fn from_env() -> Result<Option<ServerTls>, ServeError> {
    if std::env::var_os(DISABLE_TLS_ENV).is_some_and(|v| !v.is_empty()) {
        return Ok(None);
    }
    let Some(pem) = std::env::var(CLIENT_CERT_ENV)
        .ok()
        .filter(|p| !p.trim().is_empty())
    else {
        return Ok(None);
    };
    let client_cert = CertificateDer::from_pem_slice(pem.as_bytes())
        .map_err(|e| ServeError::ClientCert(e.to_string()))?;
    server_tls(client_cert).map(Some)
}

/// Builds the server configuration that trusts exactly `client_cert`, on the crypto provider of
/// this build ([`crate::fips::crypto_provider`]); in the FIPS build, one that rustls does not
/// report as FIPS (`ServerConfig::fips`) is refused.
pub(crate) fn server_tls(client_cert: CertificateDer<'static>) -> Result<ServerTls, ServeError> {
    let provider = crate::fips::crypto_provider();
    let (cert_der, key_der) = self_signed_server_cert()?;
    let verifier = PinnedClientCert::new(client_cert, &provider);
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ServeError::Tls(e.to_string()))?
        .with_client_cert_verifier(Arc::new(verifier))
        .with_single_cert(vec![cert_der.clone()], key_der)
        .map_err(|e| ServeError::Tls(e.to_string()))?;
    config.alpn_protocols = vec![b"h2".to_vec()];
    if crate::fips::ENABLED && !config.fips() {
        return Err(ServeError::Tls(
            "the FIPS build made a TLS server configuration that rustls does not report as FIPS \
             (a non-approved algorithm, or extended master secret not required); this is a bug"
                .to_string(),
        ));
    }
    Ok(ServerTls {
        acceptor: tokio_rustls::TlsAcceptor::from(Arc::new(config)),
        cert_der,
    })
}

/// Makes the per-start server certificate: ECDSA P-256, `localhost`, a CA usable for server and
/// client authentication, as go-plugin's own is.
fn self_signed_server_cert() -> Result<(CertificateDer<'static>, PrivateKeyDer<'static>), ServeError>
{
    let tls_err = |e: rcgen::Error| ServeError::Tls(format!("making the server certificate: {e}"));
    let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).map_err(tls_err)?;
    let mut params = CertificateParams::new(vec!["localhost".to_string()]).map_err(tls_err)?;
    params
        .distinguished_name
        .push(DnType::CommonName, "localhost");
    params
        .distinguished_name
        .push(DnType::OrganizationName, "Terraform provider plugin");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
        KeyUsagePurpose::KeyAgreement,
        KeyUsagePurpose::KeyCertSign,
    ];
    params.extended_key_usages = vec![
        ExtendedKeyUsagePurpose::ServerAuth,
        ExtendedKeyUsagePurpose::ClientAuth,
    ];
    let cert = params.self_signed(&key).map_err(tls_err)?;
    let key_der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    Ok((cert.der().clone(), key_der))
}

/// Accepts exactly one client certificate and verifies handshake signatures made with it.
#[derive(Debug)]
pub(crate) struct PinnedClientCert {
    expected: CertificateDer<'static>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl PinnedClientCert {
    /// Trusts only `expected`, checking signatures with the algorithms `provider` supports.
    pub(crate) fn new(
        expected: CertificateDer<'static>,
        provider: &CryptoProvider,
    ) -> PinnedClientCert {
        PinnedClientCert {
            expected,
            algorithms: provider.signature_verification_algorithms,
        }
    }
}

impl ClientCertVerifier for PinnedClientCert {
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        // No hints: Go's client then offers its certificate without matching issuers.
        &[]
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        if end_entity.as_ref() == self.expected.as_ref() {
            Ok(ClientCertVerified::assertion())
        } else {
            tracing::warn!(
                "refused a connection: client certificate does not match {CLIENT_CERT_ENV}"
            );
            Err(rustls::Error::InvalidCertificate(
                CertificateError::ApplicationVerificationFailure,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_cert_is_a_localhost_ca() {
        let (der, _) = self_signed_server_cert().unwrap();
        // A cheap structural look: the DNS name and the CA flag's encoding are in the DER.
        let bytes = der.as_ref();
        assert!(bytes.windows(9).any(|w| w == b"localhost"));
        // BasicConstraints with cA TRUE encodes as 30 03 01 01 ff.
        assert!(
            bytes
                .windows(5)
                .any(|w| w == [0x30, 0x03, 0x01, 0x01, 0xff])
        );
    }

    #[test]
    fn fresh_cert_on_every_start() {
        let (a, _) = self_signed_server_cert().unwrap();
        let (b, _) = self_signed_server_cert().unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn pinned_verifier_accepts_only_the_pinned_cert() {
        let provider = crate::fips::crypto_provider();
        let (pinned, _) = self_signed_server_cert().unwrap();
        let (other, _) = self_signed_server_cert().unwrap();
        let verifier = PinnedClientCert::new(pinned.clone(), &provider);
        let now = UnixTime::now();
        assert!(verifier.verify_client_cert(&pinned, &[], now).is_ok());
        assert!(verifier.verify_client_cert(&other, &[], now).is_err());
        assert!(verifier.client_auth_mandatory());
        assert!(
            verifier
                .supported_verify_schemes()
                .contains(&SignatureScheme::ECDSA_NISTP521_SHA512)
        );
    }
}
