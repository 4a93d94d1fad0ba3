//! The registry as plain Rust: its kind, and its planned settings with the write-only secret
//! read from the configuration, the one place it exists.

use std::fmt;

use tfplugin::{Diagnostic, Value, ValueExt};

use crate::resources::pack_shared::known;
use crate::resources::timeouts::Timeouts;

use super::DEFAULT_TIMEOUTS;

/// The values of `type`.
pub(super) const TYPES: [&str; 3] = ["pack", "helm", "oci"];
/// The values of `provider_type` (what an OCI registry holds).
pub(super) const PROVIDER_TYPES: [&str; 3] = ["helm", "pack", "zarf"];
/// What an OCI registry holds when `provider_type` is left out.
pub(super) const DEFAULT_PROVIDER_TYPE: &str = "helm";
/// Where registries live.
pub(super) const SCOPE: &str = "tenant";

/// The four kinds of registry, each with API calls of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A pack registry.
    Pack,
    /// A Helm chart registry.
    Helm,
    /// An OCI registry reached with basic authentication (or none).
    OciBasic,
    /// An Amazon ECR registry.
    OciEcr,
}

impl Kind {
    /// The kind of `type` and `oci_provider` (`basic` when left out); `None` for values the
    /// schema refuses.
    pub(super) fn of(type_: &str, oci_provider: Option<&str>) -> Option<Kind> {
        match (type_, oci_provider) {
            ("pack", _) => Some(Kind::Pack),
            ("helm", _) => Some(Kind::Helm),
            ("oci", None | Some("basic")) => Some(Kind::OciBasic),
            ("oci", Some("ecr")) => Some(Kind::OciEcr),
            _ => None,
        }
    }

    /// The kind a plan or state names, when its `type` is known.
    pub(super) fn of_value(value: &Value) -> Option<Kind> {
        Kind::of(value.get_str("type")?, value.get_str("oci_provider"))
    }

    /// The value of `type`.
    pub(super) fn type_name(self) -> &'static str {
        match self {
            Kind::Pack => "pack",
            Kind::Helm => "helm",
            Kind::OciBasic | Kind::OciEcr => "oci",
        }
    }

    /// The value of `oci_provider`.
    pub(super) fn oci_provider(self) -> Option<&'static str> {
        match self {
            Kind::OciBasic => Some("basic"),
            Kind::OciEcr => Some("ecr"),
            _ => None,
        }
    }

    /// Whether it is an OCI registry.
    pub(super) fn is_oci(self) -> bool {
        self.oci_provider().is_some()
    }

    /// The registry in a sentence.
    pub(super) fn label(self) -> &'static str {
        match self {
            Kind::Pack => "pack registry",
            Kind::Helm => "Helm registry",
            Kind::OciBasic => "OCI registry",
            Kind::OciEcr => "ECR registry",
        }
    }

    /// The write-only secret of this kind and its `_wo_version` attribute.
    pub(super) fn secret(self) -> (&'static str, &'static str) {
        match self {
            Kind::OciEcr => ("secret_key", "secret_key_wo_version"),
            _ => ("password", "password_wo_version"),
        }
    }
}

/// A secret in memory: its `Debug` shows nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Secret(String);

impl Secret {
    /// A secret as the configuration gives it.
    pub(super) fn new(text: impl Into<String>) -> Secret {
        Secret(text.into())
    }

    /// The secret itself, for the request body.
    pub(super) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// A registry as planned, with its secret from the configuration.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RegistryPlan {
    pub(super) kind: Kind,
    pub(super) name: String,
    pub(super) endpoint: String,
    pub(super) is_private: bool,
    pub(super) provider_type: Option<String>,
    pub(super) base_content_path: Option<String>,
    pub(super) base_path: Option<String>,
    pub(super) username: Option<String>,
    pub(super) access_key: Option<String>,
    pub(super) role_arn: Option<String>,
    pub(super) external_id: Option<String>,
    pub(super) ca_certificate: Option<String>,
    pub(super) insecure_skip_verify: bool,
    /// The write-only secret (`password`, or `secret_key` for ECR), as configured.
    pub(super) secret: Option<Secret>,
    pub(super) timeouts: Timeouts,
}

impl RegistryPlan {
    /// The registry planned in `plan`, with the secret of `config`. Fails on a kind the schema
    /// refuses or an invalid timeout, naming the attribute.
    pub(super) fn from_values(plan: &Value, config: &Value) -> Result<RegistryPlan, Diagnostic> {
        let kind = Kind::of_value(plan).ok_or_else(|| {
            Diagnostic::error(
                "Invalid Registry Type",
                "`type` must be pack, helm or oci, and `oci_provider` basic or ecr.",
            )
        })?;
        let timeouts = DEFAULT_TIMEOUTS
            .read(plan)
            .map_err(|(path, e)| Diagnostic::error("Invalid Timeout", e).with_attribute(path))?;
        Ok(RegistryPlan {
            kind,
            name: known(plan, "name").unwrap_or_default(),
            endpoint: known(plan, "endpoint").unwrap_or_default(),
            is_private: plan.get_bool("is_private").unwrap_or(false),
            provider_type: known(plan, "provider_type"),
            base_content_path: known(plan, "base_content_path"),
            base_path: known(plan, "base_path"),
            username: known(plan, "username"),
            access_key: known(plan, "access_key"),
            role_arn: known(plan, "role_arn"),
            external_id: known(plan, "external_id"),
            ca_certificate: known(plan, "ca_certificate"),
            insecure_skip_verify: plan.get_bool("insecure_skip_verify").unwrap_or(false),
            secret: config.get_str(kind.secret().0).map(Secret::new),
            timeouts,
        })
    }

    /// How `terraform import` names this registry.
    pub(super) fn import_hint(&self) -> String {
        format!("terraform import <address> {:?}", self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_type_and_oci_provider() {
        let cases = [
            ("pack", None, Some(Kind::Pack)),
            ("helm", Some("basic"), Some(Kind::Helm)),
            ("oci", None, Some(Kind::OciBasic)),
            ("oci", Some("basic"), Some(Kind::OciBasic)),
            ("oci", Some("ecr"), Some(Kind::OciEcr)),
            ("oci", Some("gcr"), None),
            ("docker", None, None),
        ];
        for (type_, provider, want) in cases {
            assert_eq!(Kind::of(type_, provider), want, "{type_} {provider:?}");
            if let Some(kind) = want {
                assert_eq!(kind.type_name(), type_);
            }
        }
        assert_eq!(Kind::OciEcr.secret().0, "secret_key");
        assert_eq!(Kind::Helm.secret().1, "password_wo_version");
    }

    #[test]
    fn a_plan_shows_no_secret_in_debug() {
        let secret = Secret::new("hunter2-registry");
        assert_eq!(secret.expose(), "hunter2-registry");
        assert_eq!(format!("{secret:?}"), "<redacted>");
    }
}
