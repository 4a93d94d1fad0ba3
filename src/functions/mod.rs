//! Provider-defined functions, callable as `provider::palette::<name>(...)`.

mod merge_values;

use std::sync::Arc;

use tfplugin::Function;

/// Every function of the provider, in alphabetical order.
pub(crate) fn all() -> Vec<Arc<dyn Function>> {
    vec![Arc::new(merge_values::MergeValuesFunction)]
}
