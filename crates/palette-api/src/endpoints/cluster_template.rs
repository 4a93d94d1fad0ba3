//! Cluster templates: `POST /v1/clusterTemplates`, `GET`/`DELETE /v1/clusterTemplates/{uid}`,
//! `PATCH .../metadata`, `PUT .../profiles`, and the variables of a cluster launched from a
//! template (`PATCH /v1/clusterTemplates/spectroclusters/{clusterUid}/variables`).

use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::models::{
    ClusterTemplate, ClusterTemplateEntity, ClusterTemplateProfilesUpdateEntity,
    ClusterTemplateVariablesUpdateEntity, ObjectMetaInputEntitySchema,
};
use crate::{Client, Error, Scope};

/// The path of one template, or of a path under it.
fn template_path(uid: &str, rest: &[&str]) -> String {
    let mut parts = vec!["clusterTemplates", uid];
    parts.extend_from_slice(rest);
    v1_path(&parts)
}

impl Client {
    /// Creates a cluster template and returns its uid.
    pub async fn create_cluster_template(
        &self,
        scope: &Scope,
        template: &ClusterTemplateEntity,
    ) -> Result<String, Error> {
        let req =
            Request::new(Method::POST, scope, v1_path(&["clusterTemplates"])).json(template)?;
        self.create_uid(&req).await
    }

    /// One cluster template.
    pub async fn get_cluster_template(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<ClusterTemplate, Error> {
        self.fetch(&Request::new(Method::GET, scope, template_path(uid, &[])))
            .await
    }

    /// Deletes a cluster template.
    pub async fn delete_cluster_template(&self, scope: &Scope, uid: &str) -> Result<(), Error> {
        let req = Request::new(Method::DELETE, scope, template_path(uid, &[]));
        self.run(&req).await
    }

    /// Updates a template's name, labels and annotations.
    pub async fn patch_cluster_template_metadata(
        &self,
        scope: &Scope,
        uid: &str,
        meta: &ObjectMetaInputEntitySchema,
    ) -> Result<(), Error> {
        let req = Request::new(Method::PATCH, scope, template_path(uid, &["metadata"]))
            .json(meta)?
            .idempotent(true);
        self.run(&req).await
    }

    /// Replaces a template's profiles and the values it gives their variables.
    pub async fn put_cluster_template_profiles(
        &self,
        scope: &Scope,
        uid: &str,
        profiles: &ClusterTemplateProfilesUpdateEntity,
    ) -> Result<(), Error> {
        let req =
            Request::new(Method::PUT, scope, template_path(uid, &["profiles"])).json(profiles)?;
        self.run(&req).await
    }

    /// Sets the variable values of a cluster launched from a template.
    pub async fn patch_cluster_template_cluster_variables(
        &self,
        scope: &Scope,
        cluster_uid: &str,
        variables: &ClusterTemplateVariablesUpdateEntity,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&[
                "clusterTemplates",
                "spectroclusters",
                cluster_uid,
                "variables",
            ]),
        )
        .json(variables)?
        .idempotent(true);
        self.run(&req).await
    }
}
