//! A real Palette tenant, opted into with `TF_ACC_LIVE=1` and the provider's usual variables.
//!
//! Live runs create and destroy real resources and cost money and time, so nothing runs
//! against a tenant unless asked for explicitly.

use super::TestEnv;

/// The tenant named by `PALETTE_HOST`, `PALETTE_API_KEY` and `PALETTE_PROJECT`.
pub(crate) struct Live {
    host: String,
    api_key: String,
    project: String,
}

impl Live {
    /// `Some` when `TF_ACC_LIVE=1`; panics if it is set but a variable is missing, since the
    /// run was meant to be live and would otherwise quietly test nothing.
    pub(crate) fn from_env() -> Option<Live> {
        if std::env::var("TF_ACC_LIVE").as_deref() != Ok("1") {
            return None;
        }
        let var = |name: &str| {
            std::env::var(name)
                .ok()
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| panic!("TF_ACC_LIVE=1 needs {name} to be set"))
        };
        Some(Live {
            host: var("PALETTE_HOST"),
            api_key: var("PALETTE_API_KEY"),
            project: var("PALETTE_PROJECT"),
        })
    }
}

impl TestEnv for Live {
    fn name(&self) -> &'static str {
        "live"
    }

    fn provider_env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("PALETTE_HOST", self.host.clone()),
            ("PALETTE_API_KEY", self.api_key.clone()),
            ("PALETTE_PROJECT", self.project.clone()),
        ]
    }
}

impl std::fmt::Debug for Live {
    /// Leaves the key out: secrets are never printed, not even by a failing test.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Live")
            .field("host", &self.host)
            .field("project", &self.project)
            .finish_non_exhaustive()
    }
}
