//! The FIPS build: which crypto provider the plugin's TLS uses, and the start-up check.
//!
//! With the `fips` feature, aws-lc-rs is built from `aws-lc-fips-sys` (the AWS-LC FIPS module)
//! and rustls' `fips` feature leaves out what FIPS 140-3 does not approve (ChaCha20-Poly1305,
//! X25519 on its own). [`crypto_provider`] is then rustls' FIPS provider, and [`crate::serve`]
//! refuses to start unless [`require_fips_mode`] finds the module in FIPS mode, so a binary whose
//! crypto is not the FIPS module never talks to Terraform. Without the feature,
//! [`crypto_provider`] is the ordinary aws-lc-rs provider and nothing is checked.
//!
//! Only the cryptography is the validated module's; the rest of the program (this crate, rustls'
//! protocol code, the provider) is ordinary code that uses it.

use std::fmt;
use std::sync::Arc;

use rustls::crypto::CryptoProvider;

/// Whether this build was made with the `fips` feature.
pub const ENABLED: bool = cfg!(feature = "fips");

/// The crypto provider every TLS configuration of the plugin uses: rustls' FIPS provider in the
/// FIPS build (FIPS-approved cipher suites, key exchange groups and signature algorithms only),
/// else the default aws-lc-rs provider.
pub fn crypto_provider() -> Arc<CryptoProvider> {
    #[cfg(feature = "fips")]
    let provider = rustls::crypto::default_fips_provider();
    #[cfg(not(feature = "fips"))]
    let provider = rustls::crypto::aws_lc_rs::default_provider();
    Arc::new(provider)
}

/// The AWS-LC module in FIPS mode, as it reports itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FipsModule {
    /// The linked AWS-LC's version, as in `3.0.0`.
    pub version: &'static str,
}

impl fmt::Display for FipsModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the AWS-LC FIPS module {}, in FIPS mode", self.version)
    }
}

/// Why the FIPS build must not start: aws-lc is not its FIPS module in FIPS mode.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "this is a FIPS build, but its cryptographic module (AWS-LC {version}) reports that it is \
     not in FIPS mode ({reason}), so the provider refuses to start; reinstall the provider's FIPS \
     release, or rebuild it with the `fips` feature (from aws-lc-fips-sys), and report this if \
     it persists"
)]
pub struct NotFipsMode {
    /// The linked AWS-LC's version.
    pub version: &'static str,
    /// What aws-lc-rs said.
    pub reason: &'static str,
}

/// Asks the AWS-LC module whether it is in FIPS mode (`aws_lc_rs::try_fips_mode`; the module
/// runs its power-on self-tests first and aborts the process if they fail).
///
/// # Errors
///
/// [`NotFipsMode`] when it is not: always in a build without the `fips` feature.
pub fn require_fips_mode() -> Result<FipsModule, NotFipsMode> {
    let version = aws_lc_rs::awslc_version();
    match aws_lc_rs::try_fips_mode() {
        Ok(()) => Ok(FipsModule { version }),
        Err(reason) => Err(NotFipsMode { version, reason }),
    }
}

/// One line on the TLS crypto of this build, for logs and `--version`.
pub fn describe() -> String {
    if !ENABLED {
        return "TLS on aws-lc-rs (not the FIPS build)".to_string();
    }
    match require_fips_mode() {
        Ok(module) => format!("FIPS build: TLS on {module}, FIPS-approved algorithms only"),
        Err(err) => format!("FIPS build, NOT in FIPS mode: {}", err.reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_provider_is_fips_exactly_in_the_fips_build() {
        assert_eq!(crypto_provider().fips(), ENABLED);
        assert_eq!(require_fips_mode().is_ok(), ENABLED);
    }

    #[test]
    fn without_the_module_the_refusal_says_what_to_do() {
        let err = NotFipsMode {
            version: "1.2.3",
            reason: "FIPS mode not enabled!",
        };
        let text = err.to_string();
        assert!(text.contains("refuses to start"), "{text}");
        assert!(text.contains("AWS-LC 1.2.3"), "{text}");
        assert!(
            text.contains("reinstall the provider's FIPS release"),
            "{text}"
        );
    }

    #[cfg(feature = "fips")]
    #[test]
    fn the_fips_provider_offers_only_approved_suites_and_groups() {
        use rustls::{CipherSuite, NamedGroup};
        let provider = crypto_provider();
        assert!(provider.cipher_suites.iter().all(|s| !matches!(
            s.suite(),
            CipherSuite::TLS13_CHACHA20_POLY1305_SHA256
                | CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
                | CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
        )));
        assert!(
            provider
                .kx_groups
                .iter()
                .all(|g| g.name() != NamedGroup::X25519)
        );
        // Terraform's AutoMTLS client certificate: ECDSA P-521 with SHA-512.
        assert!(
            provider
                .signature_verification_algorithms
                .supported_schemes()
                .contains(&rustls::SignatureScheme::ECDSA_NISTP521_SHA512)
        );
    }
}
