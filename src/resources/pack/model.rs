//! The planned pack as plain Rust, the model create and update work from.

use palette_api::models::PackType;
use tfplugin::{Diagnostic, Value, ValueExt};

use crate::resources::pack_shared::PlannedPack;
use crate::resources::timeouts::Timeouts;

use super::{CARRIER_PREFIX, DEFAULT_TIMEOUTS};

/// A `palette_pack` as planned.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PackPlan {
    pub(super) cluster_uid: String,
    pub(super) context: String,
    pub(super) pack: PlannedPack,
    pub(super) timeouts: Timeouts,
}

impl PackPlan {
    pub(super) fn from_value(plan: &Value) -> Result<PackPlan, Diagnostic> {
        let timeouts = DEFAULT_TIMEOUTS
            .read(plan)
            .map_err(|(path, e)| Diagnostic::error("Invalid Timeout", e).with_attribute(path))?;
        Ok(PackPlan {
            cluster_uid: plan.get_str("cluster_id").unwrap_or_default().to_owned(),
            context: plan.get_str("context").unwrap_or("project").to_owned(),
            pack: PlannedPack::from_value(plan),
            timeouts,
        })
    }

    /// The pack's name.
    pub(super) fn name(&self) -> &str {
        &self.pack.name
    }

    /// The resource's id, `CLUSTER_UID/PACK_NAME`.
    pub(super) fn id(&self) -> String {
        format!("{}/{}", self.cluster_uid, self.name())
    }

    /// The name of the carrier profile.
    pub(super) fn carrier_name(&self) -> String {
        carrier_name(self.name(), &self.cluster_uid)
    }

    /// The version the layer must report once deployed: the planned tag, except for manifest
    /// packs (whose version Palette chooses).
    pub(super) fn waited_version(&self) -> Option<&str> {
        (self.pack.kind != PackType::Manifest)
            .then_some(self.pack.tag.as_deref())
            .flatten()
    }
}

/// The carrier profile's name for `pack` on cluster `cluster_uid`.
pub(super) fn carrier_name(pack: &str, cluster_uid: &str) -> String {
    format!("{CARRIER_PREFIX}{pack}-{cluster_uid}")
}
