//! Google GKE: managed Kubernetes on Google Cloud. The API uses the GCP models with the
//! managed-cluster config set.

use tfplugin::{Attribute, Value};

use super::{
    CloudConfigState, ClusterSpec, Environment, Pool, Sizing, SizingField, gcp, optional,
    optional_string, required, required_string, to_json,
};
use palette_stack::environment_names::Environment as Name;

/// Google GKE.
pub(crate) struct Gke;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::InstanceType),
    optional(SizingField::DiskSizeGb),
];

impl Environment for Gke {
    fn name(&self) -> Name {
        Name::Gke
    }

    fn account_environment(&self) -> Option<Name> {
        Some(Name::Gcp)
    }

    fn managed_control_plane(&self) -> bool {
        true
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string("project", "Google Cloud project the cluster goes in."),
            required_string(
                "region",
                "Google Cloud region of the GKE cluster, e.g. `us-central1`.",
            ),
            optional_string("network", "Existing VPC network to use."),
        ]
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        gcp::create_body(spec, true)
    }

    fn pool_body(&self, _block: &Value, pool: &Pool) -> Result<serde_json::Value, String> {
        to_json(&gcp::pool_entity(pool))
    }

    fn read_cloud_config(&self, body: serde_json::Value) -> Result<CloudConfigState, String> {
        let mut state = gcp::read_cloud_config(body)?;
        for pool in &mut state.pools {
            pool.azs = None;
        }
        Ok(state)
    }
}
