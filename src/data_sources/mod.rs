//! The data sources, one file each. Data sources only read: they never write to the API.

use std::sync::Arc;

use tfplugin::DataSource;

/// Every data source of the provider, in alphabetical order.
pub(crate) fn all() -> Vec<Arc<dyn DataSource>> {
    vec![]
}
