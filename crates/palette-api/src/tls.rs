//! The client's TLS: reqwest's own rustls setup, or in the FIPS build one made here.
//!
//! The ordinary build lets reqwest build its rustls configuration (the platform's verifier,
//! with a [`ClientConfig::ca_pem`] bundle added to the system roots). The FIPS build (the `fips`
//! feature) builds the same configuration itself on rustls' FIPS crypto provider (aws-lc's
//! FIPS module, FIPS-approved cipher suites, key exchange groups and signature algorithms only),
//! checks that rustls reports it as FIPS (`ClientConfig::fips`), and hands it to reqwest.
//! Skipping certificate verification ([`ClientConfig::insecure`]) is refused there: a FIPS
//! deployment trusts its private CA with the CA bundle instead.

use reqwest::ClientBuilder;

use crate::client::ClientConfig;
use crate::error::Error;

/// Sets up `builder`'s TLS for `config`: the CA bundle, and `insecure`.
#[cfg(not(feature = "fips"))]
pub(crate) fn configure(
    mut builder: ClientBuilder,
    config: &ClientConfig,
) -> Result<ClientBuilder, Error> {
    if config.insecure {
        builder = builder.tls_danger_accept_invalid_certs(true);
    }
    if let Some(pem) = &config.ca_pem {
        let certs = reqwest::Certificate::from_pem_bundle(pem.as_bytes())
            .map_err(|e| Error::Config(format!("the ca bundle is not valid pem: {e}")))?;
        if certs.is_empty() {
            return Err(no_certificate());
        }
        builder = builder.tls_certs_merge(certs);
    }
    Ok(builder)
}

/// Sets up `builder`'s TLS for `config` on the FIPS crypto provider (see the module docs).
#[cfg(feature = "fips")]
pub(crate) fn configure(
    builder: ClientBuilder,
    config: &ClientConfig,
) -> Result<ClientBuilder, Error> {
    Ok(builder.tls_backend_preconfigured(fips_client_config(config)?))
}

/// The FIPS build's rustls configuration: the platform's verifier with the CA bundle added, on
/// rustls' FIPS provider.
#[cfg(feature = "fips")]
pub(crate) fn fips_client_config(config: &ClientConfig) -> Result<rustls::ClientConfig, Error> {
    use std::sync::Arc;

    use rustls_platform_verifier::Verifier;

    if config.insecure {
        return Err(Error::Config(
            "skipping TLS certificate verification (insecure) is refused by the FIPS build: \
             trust the server's private CA with the CA bundle (ca_certificate) instead"
                .to_owned(),
        ));
    }
    let provider = Arc::new(rustls::crypto::default_fips_provider());
    let extra_roots = match &config.ca_pem {
        Some(pem) => ca_bundle(pem)?,
        None => Vec::new(),
    };
    let verifier = if extra_roots.is_empty() {
        Verifier::new(provider.clone())
    } else {
        Verifier::new_with_extra_roots(extra_roots, provider.clone())
    }
    .map_err(|e| Error::Config(format!("cannot set up certificate verification: {e}")))?;
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Config(format!("cannot set up tls: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    // reqwest speaks HTTP/1.1 only here (no `http2` feature), as it announces for its own setup.
    tls.alpn_protocols = vec![b"http/1.1".to_vec()];
    if !tls.fips() {
        return Err(Error::Config(
            "the FIPS build made a TLS configuration that rustls does not report as FIPS (its \
             crypto module is not in FIPS mode, or a non-approved algorithm is enabled)"
                .to_owned(),
        ));
    }
    Ok(tls)
}

/// The certificates of a PEM bundle; at least one.
#[cfg(feature = "fips")]
fn ca_bundle(pem: &str) -> Result<Vec<rustls::pki_types::CertificateDer<'static>>, Error> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;

    let certs = CertificateDer::pem_slice_iter(pem.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::Config(format!("the ca bundle is not valid pem: {e}")))?;
    if certs.is_empty() {
        return Err(no_certificate());
    }
    Ok(certs)
}

fn no_certificate() -> Error {
    Error::Config("the ca bundle holds no certificate".to_owned())
}

#[cfg(all(test, feature = "fips"))]
mod tests {
    use super::*;

    #[test]
    fn the_fips_configuration_is_fips_and_refuses_insecure() {
        let config = ClientConfig::new("palette.example.com", "key");
        let tls = fips_client_config(&config).unwrap();
        assert!(tls.fips());
        assert!(tls.crypto_provider().fips());

        let mut insecure = config.clone();
        insecure.insecure = true;
        let err = fips_client_config(&insecure).unwrap_err().to_string();
        assert!(err.contains("refused by the FIPS build"), "{err}");

        let mut empty = config;
        empty.ca_pem = Some("not a certificate".to_owned());
        let err = fips_client_config(&empty).unwrap_err().to_string();
        assert!(err.contains("holds no certificate"), "{err}");
    }
}
