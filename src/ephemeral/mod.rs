//! The ephemeral resources: values that feed other providers without ever entering state.

mod kubeconfig;

use std::sync::Arc;

use tfplugin::EphemeralResource;

/// Every ephemeral resource type of the provider, in alphabetical order.
pub(crate) fn all() -> Vec<Arc<dyn EphemeralResource>> {
    vec![Arc::new(kubeconfig::KubeconfigEphemeral)]
}
