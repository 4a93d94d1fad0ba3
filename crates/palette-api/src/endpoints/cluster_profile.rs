//! Cluster profiles: create, read, update, delete, metadata, publish, clone, variables,
//! manifests, and lookup by name and version.

use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::models::{
    ClusterProfile, ClusterProfileCloneEntity, ClusterProfileEntity, ClusterProfileMetadata,
    ClusterProfileSummary, ClusterProfileUpdateEntity, ClusterProfilesFilterSpec,
    ClusterProfilesMetadata, ManifestEntities, ProfileMetaEntity, Variables,
};
use crate::{Client, Error, Scope};

impl Client {
    /// Creates a profile (`publish` creates and publishes in one step) and returns its uid.
    pub async fn create_cluster_profile(
        &self,
        scope: &Scope,
        profile: &ClusterProfileEntity,
        publish: bool,
    ) -> Result<String, Error> {
        let req = Request::new(Method::POST, scope, v1_path(&["clusterprofiles"]))
            .query_opt("publish", publish.then_some("true"))
            .json(profile)?;
        self.create_uid(&req).await
    }

    /// Creates a profile unless one with the same name and version already came out of an
    /// earlier attempt that may have committed; never makes a duplicate.
    pub async fn create_cluster_profile_idempotent(
        &self,
        scope: &Scope,
        profile: &ClusterProfileEntity,
        publish: bool,
    ) -> Result<String, Error> {
        let name = profile
            .metadata
            .as_ref()
            .and_then(|m| m.name.clone())
            .unwrap_or_default();
        let version = profile
            .spec
            .as_ref()
            .and_then(|s| s.version.clone())
            .unwrap_or_else(|| "1.0.0".to_owned());
        self.create_with_lookup(
            || self.create_cluster_profile(scope, profile, publish),
            || self.find_cluster_profile(scope, &name, Some(&version)),
        )
        .await
    }

    /// One profile version.
    pub async fn get_cluster_profile(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<ClusterProfile, Error> {
        self.get_cluster_profile_with(scope, uid, None).await
    }

    /// One profile version, with pack metadata (`include_pack_meta`, e.g. `schema,presets`).
    pub async fn get_cluster_profile_with(
        &self,
        scope: &Scope,
        uid: &str,
        include_pack_meta: Option<&str>,
    ) -> Result<ClusterProfile, Error> {
        let req = Request::new(Method::GET, scope, v1_path(&["clusterprofiles", uid]))
            .query_opt("includePackMeta", include_pack_meta);
        self.fetch(&req).await
    }

    /// Replaces the profile's draft content (packs, version).
    pub async fn update_cluster_profile(
        &self,
        scope: &Scope,
        uid: &str,
        profile: &ClusterProfileUpdateEntity,
    ) -> Result<(), Error> {
        let req =
            Request::new(Method::PUT, scope, v1_path(&["clusterprofiles", uid])).json(profile)?;
        self.run(&req).await
    }

    /// Deletes one profile version.
    pub async fn delete_cluster_profile(&self, scope: &Scope, uid: &str) -> Result<(), Error> {
        let req = Request::new(Method::DELETE, scope, v1_path(&["clusterprofiles", uid]));
        self.run(&req).await
    }

    /// Updates name, labels, annotations and version string.
    pub async fn patch_cluster_profile_metadata(
        &self,
        scope: &Scope,
        uid: &str,
        meta: &ProfileMetaEntity,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["clusterprofiles", uid, "metadata"]),
        )
        .json(meta)?
        .idempotent(true);
        self.run(&req).await
    }

    /// Publishes the draft.
    ///
    /// Retried like an idempotent call: once the draft is published there is nothing left to
    /// publish, so a retry after an attempt that committed either succeeds as a no-op or is
    /// refused; a refusal is checked against the profile, and a profile with a published
    /// template and no draft left counts as published.
    pub async fn publish_cluster_profile(&self, scope: &Scope, uid: &str) -> Result<(), Error> {
        let req = Request::new(
            Method::PATCH,
            scope,
            v1_path(&["clusterprofiles", uid, "publish"]),
        )
        .idempotent(true);
        match self.run(&req).await {
            Ok(()) => Ok(()),
            Err(
                err @ Error::Api {
                    status: 400..=499, ..
                },
            ) => {
                let published = self
                    .get_cluster_profile(scope, uid)
                    .await
                    .ok()
                    .and_then(|p| p.spec)
                    .is_some_and(|s| s.draft.is_none() && s.published.is_some());
                if published { Ok(()) } else { Err(err) }
            }
            Err(err) => Err(err),
        }
    }

    /// Clones a profile into a new version (or name) and returns the new uid.
    pub async fn clone_cluster_profile(
        &self,
        scope: &Scope,
        uid: &str,
        clone: &ClusterProfileCloneEntity,
    ) -> Result<String, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["clusterprofiles", uid, "clone"]),
        )
        .json(clone)?;
        self.create_uid(&req).await
    }

    /// Clones without ever making a duplicate (looks up the target name and version after an
    /// ambiguous failure).
    pub async fn clone_cluster_profile_idempotent(
        &self,
        scope: &Scope,
        uid: &str,
        clone: &ClusterProfileCloneEntity,
    ) -> Result<String, Error> {
        let meta = clone.metadata.clone().unwrap_or_default();
        let target_scope = match meta.target.as_ref().and_then(|t| t.project_uid.clone()) {
            Some(project) => Scope::Project(project),
            None => scope.clone(),
        };
        self.create_with_lookup(
            || self.clone_cluster_profile(scope, uid, clone),
            || self.find_cluster_profile(&target_scope, &meta.name, meta.version.as_deref()),
        )
        .await
    }

    /// The profile's variables.
    pub async fn get_cluster_profile_variables(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<Variables, Error> {
        self.get_json(scope, &["clusterprofiles", uid, "variables"])
            .await
    }

    /// Replaces the profile's variables.
    pub async fn put_cluster_profile_variables(
        &self,
        scope: &Scope,
        uid: &str,
        variables: &Variables,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PUT,
            scope,
            v1_path(&["clusterprofiles", uid, "variables"]),
        )
        .json(variables)?;
        self.run(&req).await
    }

    /// The manifests (with content) of one pack of the profile.
    pub async fn get_cluster_profile_pack_manifests(
        &self,
        scope: &Scope,
        uid: &str,
        pack_name: &str,
    ) -> Result<ManifestEntities, Error> {
        self.get_json(
            scope,
            &["clusterprofiles", uid, "packs", pack_name, "manifests"],
        )
        .await
    }

    /// Name, uid, cloud type and version of every profile in scope (unpaged).
    pub async fn list_cluster_profiles_metadata(
        &self,
        scope: &Scope,
    ) -> Result<Vec<ClusterProfileMetadata>, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&["dashboard", "clusterprofiles", "metadata"]),
        );
        let list: ClusterProfilesMetadata = self.fetch(&req).await?;
        Ok(list.items)
    }

    /// Profile summaries matching a filter (paged; a read-only POST).
    pub async fn filter_cluster_profiles(
        &self,
        scope: &Scope,
        filter: &ClusterProfilesFilterSpec,
    ) -> Result<Vec<ClusterProfileSummary>, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["dashboard", "clusterprofiles"]),
        )
        .json(filter)?
        .idempotent(true);
        self.fetch_all(&req).await
    }

    /// The uid of the profile `name` at `version`; with no version, the highest version
    /// (compared as dotted numbers).
    pub async fn find_cluster_profile(
        &self,
        scope: &Scope,
        name: &str,
        version: Option<&str>,
    ) -> Result<Option<String>, Error> {
        let all = self.list_cluster_profiles_metadata(scope).await?;
        Ok(pick_profile(&all, name, version))
    }
}

/// Picks the uid of `name` at `version` (or the highest version) from profile metadata.
pub(crate) fn pick_profile(
    all: &[ClusterProfileMetadata],
    name: &str,
    version: Option<&str>,
) -> Option<String> {
    let mut candidates: Vec<(&str, &str)> = all
        .iter()
        .filter_map(|p| {
            let meta = p.metadata.as_ref()?;
            if meta.name.as_deref()? != name {
                return None;
            }
            let v = p
                .spec
                .as_ref()
                .and_then(|s| s.version.as_deref())
                .unwrap_or_default();
            Some((v, meta.uid.as_deref()?))
        })
        .collect();
    match version {
        Some(want) => candidates
            .into_iter()
            .find(|(v, _)| *v == want)
            .map(|(_, u)| u.to_owned()),
        None => {
            candidates.sort_by_key(|c| version_key(c.0));
            candidates.last().map(|(_, u)| (*u).to_owned())
        }
    }
}

/// Orders versions by their numeric components, then by the raw text.
fn version_key(v: &str) -> (Vec<u64>, String) {
    let nums = v
        .trim_start_matches('v')
        .split(['.', '-', '+'])
        .map_while(|p| p.parse::<u64>().ok())
        .collect();
    (nums, v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{ClusterProfileMetadataSpec, ObjectEntity};

    fn meta(name: &str, version: &str, uid: &str) -> ClusterProfileMetadata {
        ClusterProfileMetadata {
            metadata: Some(ObjectEntity {
                name: Some(name.into()),
                uid: Some(uid.into()),
            }),
            spec: Some(ClusterProfileMetadataSpec {
                cloud_type: Some("aws".into()),
                version: Some(version.into()),
            }),
        }
    }

    #[test]
    fn profiles_are_found_by_name_and_version() {
        let all = vec![
            meta("base", "1.9.0", "a"),
            meta("base", "1.10.0", "b"),
            meta("base", "1.2.0", "c"),
            meta("other", "9.0.0", "d"),
        ];
        assert_eq!(
            pick_profile(&all, "base", Some("1.2.0")).as_deref(),
            Some("c")
        );
        assert_eq!(pick_profile(&all, "base", None).as_deref(), Some("b"));
        assert_eq!(pick_profile(&all, "base", Some("3.0.0")), None);
        assert_eq!(pick_profile(&all, "missing", None), None);
    }
}
