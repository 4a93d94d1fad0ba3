//! Component events: `GET /v1/events/components/{objectKind}/{objectUid}`.

use crate::models::Event;
use crate::{Client, Error, Scope};

impl Client {
    /// Every event of one object (`object_kind` is `spectrocluster` or `edgehost`; paged).
    pub async fn list_events(
        &self,
        scope: &Scope,
        object_kind: &str,
        object_uid: &str,
    ) -> Result<Vec<Event>, Error> {
        self.get_all(scope, &["events", "components", object_kind, object_uid])
            .await
    }

    /// Every event of one cluster.
    pub async fn list_cluster_events(&self, scope: &Scope, uid: &str) -> Result<Vec<Event>, Error> {
        self.list_events(scope, "spectrocluster", uid).await
    }
}
