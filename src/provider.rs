//! The `palette` provider: its configuration block, and the one API client every handler shares.
//!
//! Configuration comes from the `provider "palette"` block first and from the environment second
//! (`PALETTE_*`, then the official provider's `SPECTROCLOUD_*` names so users can migrate), so the
//! examples run unchanged against the emulator and a real Palette.

use std::sync::Arc;

use tfplugin::provider::{ConfigureRequest, ConfigureResponse};
use tfplugin::validator::at_least;
use tfplugin::{
    Action, Attribute, Block, Context, DataSource, EphemeralResource, Function, ListResource,
    Provider, Resource, Schema, Value, ValueExt,
};

use crate::provider_data::PaletteData;

/// The provider's local name: every type is `palette_<name>`.
pub(crate) const TYPE_NAME: &str = "palette";

/// The provider's source address, as Terraform knows it: the FIPS build is a provider of its
/// own name, so that a registry and a lock file tell the two apart (its types are `palette_*`
/// all the same, and `palette = { source = "palette-rs/palette-fips" }` keeps configurations as
/// they are).
#[cfg(not(feature = "fips"))]
pub(crate) const ADDRESS: &str = "registry.terraform.io/palette-rs/palette";
/// The provider's source address, as Terraform knows it (the FIPS build's).
#[cfg(feature = "fips")]
pub(crate) const ADDRESS: &str = "registry.terraform.io/palette-rs/palette-fips";

/// The host used when neither the block nor the environment names one.
const DEFAULT_HOST: &str = "api.spectrocloud.com";

/// The project used when neither the block nor the environment names one.
const DEFAULT_PROJECT: &str = "Default";

/// The `palette` provider.
#[derive(Debug, Default)]
pub(crate) struct PaletteProvider;

#[tfplugin::async_trait]
impl Provider for PaletteProvider {
    fn type_name(&self) -> &str {
        TYPE_NAME
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "Deploys layered Kubernetes stacks (OS, Kubernetes, CNI, CSI, add-ons) with \
                     Spectro Cloud Palette. Every setting may come from the environment instead, \
                     so the same configuration runs against `palette-emulator` and a real Palette.",
                )
                .attribute(Attribute::string("host").optional().description(
                    "Palette API host, such as `api.spectrocloud.com` or `http://127.0.0.1:7070`. A \
                     bare host means https. Defaults to `PALETTE_HOST`, then `SPECTROCLOUD_HOST`, \
                     then `api.spectrocloud.com`.",
                ))
                .attribute(Attribute::string("api_key").optional().sensitive().description(
                    "Palette API key. Defaults to `PALETTE_API_KEY`, then `SPECTROCLOUD_APIKEY`. \
                     It is sent only in the `ApiKey` header and never logged.",
                ))
                .attribute(Attribute::string("project").optional().description(
                    "Name of the project that project-scoped objects live in, resolved to its uid \
                     once per run. Defaults to `PALETTE_PROJECT`, then `SPECTROCLOUD_PROJECT`, then \
                     `Default`.",
                ))
                .attribute(Attribute::bool("insecure").optional().description(
                    "Skip verification of the API's TLS certificate (self-hosted Palette with a \
                     self-signed certificate). Prefer `ca_certificate`. The FIPS build \
                     (`palette-rs/palette-fips`) refuses it. Defaults to `false`.",
                ))
                .attribute(Attribute::string("ca_certificate").optional().description(
                    "PEM certificate(s) to trust in addition to the system roots, for self-hosted \
                     Palette behind a private CA.",
                ))
                .attribute(
                    Attribute::int64("max_retries")
                        .optional()
                        .validator(at_least(0))
                        .description(
                            "How many times a request that failed (5xx, timeouts, dropped \
                             connections) is retried, with exponential backoff up to 8 s. \
                             Defaults to 10. Throttled requests (429) are retried apart from \
                             this count, up to 30 times, within the operation's timeout.",
                        ),
                )
                .attribute(Attribute::bool("rate_limit").optional().description(
                    "Pace requests below Palette's documented rate limits (10 requests per second \
                     per resource prefix, 50 on the heavy ones), so large plans never see 429. \
                     Defaults to `true`.",
                )),
        )
    }

    async fn configure(&self, _ctx: &Context, req: ConfigureRequest, resp: &mut ConfigureResponse) {
        let settings = match Settings::from_config(&req.config) {
            Ok(settings) => settings,
            Err(diagnostic) => {
                resp.diagnostics.push(diagnostic);
                return;
            }
        };
        match PaletteData::new(settings) {
            Ok(data) => resp.provider_data = tfplugin::ProviderData::from_arc(Arc::new(data)),
            Err(diagnostic) => resp.diagnostics.push(diagnostic),
        }
    }

    fn resources(&self) -> Vec<Arc<dyn Resource>> {
        crate::resources::all()
    }

    fn list_resources(&self) -> Vec<Arc<dyn ListResource>> {
        crate::resources::list_resources()
    }

    fn data_sources(&self) -> Vec<Arc<dyn DataSource>> {
        crate::data_sources::all()
    }

    fn ephemeral_resources(&self) -> Vec<Arc<dyn EphemeralResource>> {
        crate::ephemeral::all()
    }

    fn functions(&self) -> Vec<Arc<dyn Function>> {
        crate::functions::all()
    }

    fn actions(&self) -> Vec<Arc<dyn Action>> {
        crate::actions::all()
    }
}

/// The provider's settings once configuration and environment are merged.
#[derive(Clone, PartialEq)]
pub(crate) struct Settings {
    pub(crate) host: String,
    pub(crate) api_key: String,
    pub(crate) project: String,
    pub(crate) insecure: bool,
    pub(crate) ca_certificate: Option<String>,
    pub(crate) max_retries: Option<u32>,
    pub(crate) rate_limit: bool,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("host", &self.host)
            .field("api_key", &"<redacted>")
            .field("project", &self.project)
            .field("insecure", &self.insecure)
            .field("max_retries", &self.max_retries)
            .field("rate_limit", &self.rate_limit)
            .finish_non_exhaustive()
    }
}

impl Settings {
    /// Merges the provider block with the environment.
    fn from_config(config: &Value) -> Result<Settings, tfplugin::Diagnostic> {
        Settings::resolve(config, |name| std::env::var(name).ok())
    }

    fn resolve(
        config: &Value,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Settings, tfplugin::Diagnostic> {
        let from_env = |names: &[&str]| {
            names
                .iter()
                .find_map(|name| env(name).filter(|v| !v.trim().is_empty()))
        };
        for name in ["host", "api_key", "project", "ca_certificate"] {
            if config.get(name).is_some_and(Value::is_unknown) {
                return Err(tfplugin::Diagnostic::error(
                    "Provider Configuration Not Yet Known",
                    format!(
                        "The provider's `{name}` depends on a value that is only known after \
                         apply. Palette must be reachable while planning (packs and cloud \
                         accounts are checked then), so give `{name}` a value known at plan \
                         time, for example from a variable or the environment."
                    ),
                )
                .with_attribute(tfplugin::AttributePath::root(name)));
            }
        }
        let host = config
            .get_str("host")
            .map(str::to_string)
            .or_else(|| from_env(&["PALETTE_HOST", "SPECTROCLOUD_HOST"]))
            .unwrap_or_else(|| DEFAULT_HOST.to_string());
        let api_key = config
            .get_str("api_key")
            .map(str::to_string)
            .or_else(|| from_env(&["PALETTE_API_KEY", "SPECTROCLOUD_APIKEY"]))
            .ok_or_else(|| {
                tfplugin::Diagnostic::error(
                    "Missing Palette API Key",
                    "The provider needs an API key: set `api_key` in the provider block, or the \
                     PALETTE_API_KEY environment variable (SPECTROCLOUD_APIKEY also works). Create \
                     a key in Palette under Profile > API Keys; with palette-emulator, use the key \
                     it printed or passed with --api-key.",
                )
                .with_attribute(tfplugin::AttributePath::root("api_key"))
            })?;
        let project = config
            .get_str("project")
            .map(str::to_string)
            .or_else(|| from_env(&["PALETTE_PROJECT", "SPECTROCLOUD_PROJECT"]))
            .unwrap_or_else(|| DEFAULT_PROJECT.to_string());
        let insecure = config.get_bool("insecure").unwrap_or_else(|| {
            from_env(&["PALETTE_INSECURE"])
                .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
        });
        let max_retries = config
            .get_i64("max_retries")
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        Ok(Settings {
            host,
            api_key,
            project,
            insecure,
            ca_certificate: config.get_str("ca_certificate").map(str::to_string),
            max_retries,
            rate_limit: config.get_bool("rate_limit").unwrap_or(true),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn config(pairs: &[(&str, Value)]) -> Value {
        let mut attrs: BTreeMap<String, Value> = [
            "host",
            "api_key",
            "project",
            "insecure",
            "ca_certificate",
            "max_retries",
            "rate_limit",
        ]
        .into_iter()
        .map(|name| (name.to_string(), Value::Null))
        .collect();
        for (name, value) in pairs {
            attrs.insert(name.to_string(), value.clone());
        }
        Value::Object(attrs)
    }

    #[test]
    fn block_wins_over_environment() {
        let env = |name: &str| match name {
            "PALETTE_HOST" => Some("env-host".to_string()),
            "PALETTE_API_KEY" => Some("env-key".to_string()),
            _ => None,
        };
        let settings = Settings::resolve(&config(&[("host", "block-host".into())]), env).unwrap();
        assert_eq!(settings.host, "block-host");
        assert_eq!(settings.api_key, "env-key");
        assert_eq!(settings.project, "Default");
        assert!(settings.rate_limit);
    }

    #[test]
    fn official_provider_names_are_fallbacks() {
        let env = |name: &str| match name {
            "SPECTROCLOUD_HOST" => Some("legacy-host".to_string()),
            "SPECTROCLOUD_APIKEY" => Some("legacy-key".to_string()),
            "SPECTROCLOUD_PROJECT" => Some("Team-B".to_string()),
            _ => None,
        };
        let settings = Settings::resolve(&config(&[]), env).unwrap();
        assert_eq!(
            (
                settings.host.as_str(),
                settings.api_key.as_str(),
                settings.project.as_str()
            ),
            ("legacy-host", "legacy-key", "Team-B")
        );
    }

    #[test]
    fn missing_key_points_at_the_attribute() {
        let err = Settings::resolve(&config(&[]), |_| None).unwrap_err();
        assert_eq!(err.summary, "Missing Palette API Key");
        assert_eq!(err.attribute.unwrap().to_string(), "api_key");
    }

    #[test]
    fn unknown_host_is_refused_clearly() {
        let err = Settings::resolve(&config(&[("host", Value::unknown())]), |_| {
            Some("x".to_string())
        })
        .unwrap_err();
        assert_eq!(err.attribute.unwrap().to_string(), "host");
    }

    #[test]
    fn debug_output_hides_the_key() {
        let settings =
            Settings::resolve(&config(&[("api_key", "s3cr3t-key".into())]), |_| None).unwrap();
        assert!(!format!("{settings:?}").contains("s3cr3t-key"));
    }
}
