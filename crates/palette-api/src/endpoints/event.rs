//! Component events: `GET /v1/events/components/{objectKind}/{objectUid}`.

use reqwest::Method;

use crate::client::{Request, v1_path};
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
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&["events", "components", object_kind, object_uid]),
        );
        self.fetch_all(&req).await
    }

    /// Every event of one cluster.
    pub async fn list_cluster_events(&self, scope: &Scope, uid: &str) -> Result<Vec<Event>, Error> {
        self.list_events(scope, "spectrocluster", uid).await
    }
}
