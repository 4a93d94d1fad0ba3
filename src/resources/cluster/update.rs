//! Day 2: applying a planned change in place through the API's update paths.

use std::collections::{BTreeMap, BTreeSet};

use palette_api::models::{
    ClusterTemplateProfileVariable, ClusterTemplateVariablesUpdateEntity, ObjectMetaInputEntity,
    ObjectMetaInputEntitySchema, SpcApplySettings, SpectroClusterProfileEntity,
    SpectroClusterProfiles, SpectroClusterProfilesDeleteEntity, SpectroClusterVariableUpdateEntity,
};
use palette_api::{Client, Scope};
use tfplugin::Diagnostic;

use crate::environments::Pool;
use crate::wait::{Expect, SpcMark};
use crate::{diagnostics, environments};

use super::model::{Model, ProfileModel};
use super::settings::INSTALL_LATER;

const SUMMARY: &str = "Update Cluster Error";

/// The diagnostic of a failed API call while `what`.
fn fail(what: String) -> impl FnOnce(palette_api::Error) -> Diagnostic {
    move |err: palette_api::Error| diagnostics::api_error(SUMMARY, &what, &err)
}

/// Applies a day-2 change; returns what the wait must then see.
///
/// The steps run in this order: metadata, the cluster settings, the environment block,
/// profiles, machine pools. A profile change sent to install later (`apply_setting`) is not
/// waited for: the wait then expects nothing of the profiles.
pub(super) async fn apply_changes(
    client: &Client,
    scope: &Scope,
    uid: &str,
    config_uid: &str,
    old: &Model,
    new: &Model,
) -> Result<Expect, Diagnostic> {
    let cluster = Day2 {
        client,
        scope,
        uid,
        config_uid,
    };
    cluster.update_metadata(old, new).await?;
    new.settings
        .apply(client, scope, uid, &new.name, &old.settings)
        .await?;
    cluster.update_policies(old, new).await?;
    cluster.update_environment_block(old, new).await?;
    cluster.update_environment_blocks(old, new).await?;
    let mut profiles = cluster.update_profiles(old, new).await?;
    if let Some(mark) = cluster.update_template_variables(old, new).await? {
        profiles.mark = Some(mark);
    }
    cluster.update_pools(old, new).await?;
    super::nodes::apply(
        client, scope, new.env, config_uid, &new.name, &old.nodes, &new.nodes,
    )
    .await?;
    if new.apply_setting == INSTALL_LATER && profiles.mark.is_some() {
        return Ok(Expect::default());
    }
    Ok(Expect {
        present: new.profiles.iter().map(|p| p.id.clone()).collect(),
        absent: profiles.removed,
        applied_after: profiles.mark,
    })
}

/// What a profile update did.
struct ProfilesChanged {
    /// The uids of the profiles removed from the cluster.
    removed: Vec<String>,
    /// Palette's mark of the change before, when the profiles changed at all.
    mark: Option<SpcMark>,
}

/// The cluster a day-2 change is applied to.
struct Day2<'a> {
    client: &'a Client,
    scope: &'a Scope,
    /// The cluster's uid.
    uid: &'a str,
    /// The uid of its cloud config.
    config_uid: &'a str,
}

impl Day2<'_> {
    /// Metadata: tags and description.
    async fn update_metadata(&self, old: &Model, new: &Model) -> Result<(), Diagnostic> {
        if old.tags == new.tags && old.description == new.description {
            return Ok(());
        }
        let meta = new.metadata();
        let body = ObjectMetaInputEntitySchema {
            metadata: ObjectMetaInputEntity {
                name: meta.name,
                labels: Some(meta.labels.unwrap_or_default()),
                annotations: Some(meta.annotations.unwrap_or_else(|| {
                    BTreeMap::from([("description".to_string(), String::new())])
                })),
            },
        };
        self.client
            .patch_cluster_metadata(self.scope, self.uid, &body)
            .await
            .map_err(fail(format!(
                "updating the tags and description of cluster {:?}",
                new.name
            )))
    }

    /// Namespaces and role bindings, each list replaced when it changed.
    async fn update_policies(&self, old: &Model, new: &Model) -> Result<(), Diagnostic> {
        if old.namespaces != new.namespaces {
            self.client
                .put_cluster_namespaces(self.scope, self.uid, new.namespaces.clone())
                .await
                .map_err(fail(format!(
                    "updating the namespaces of cluster {:?}",
                    new.name
                )))?;
        }
        self.update_backup(old, new).await?;
        self.update_scan(old, new).await?;
        if old.rbacs != new.rbacs {
            self.client
                .put_cluster_rbacs(self.scope, self.uid, new.rbacs.clone())
                .await
                .map_err(fail(format!(
                    "updating the role bindings of cluster {:?}",
                    new.name
                )))?;
        }
        Ok(())
    }

    /// The backup policy: added, changed or removed.
    async fn update_backup(&self, old: &Model, new: &Model) -> Result<(), Diagnostic> {
        if old.backup == new.backup {
            return Ok(());
        }
        let what = format!("updating the backup policy of cluster {:?}", new.name);
        match &new.backup {
            Some(config) => self
                .client
                .set_cluster_backup(self.scope, self.uid, config, old.backup.is_none())
                .await
                .map_err(fail(what)),
            None => match self
                .client
                .delete_cluster_backup(self.scope, self.uid)
                .await
            {
                Err(err) if !err.is_not_found() => Err(fail(what)(err)),
                _ => Ok(()),
            },
        }
    }

    /// The scan policy: added, changed, or turned off (an empty policy).
    async fn update_scan(&self, old: &Model, new: &Model) -> Result<(), Diagnostic> {
        if old.scan == new.scan {
            return Ok(());
        }
        let config = new.scan.clone().unwrap_or_default();
        let what = format!(
            "updating the compliance-scan policy of cluster {:?}",
            new.name
        );
        // A policy turned off earlier is still there, empty: then a POST is a conflict.
        match self
            .client
            .set_cluster_scan(self.scope, self.uid, &config, old.scan.is_none())
            .await
        {
            Err(err) if err.is_conflict() => self
                .client
                .set_cluster_scan(self.scope, self.uid, &config, false)
                .await
                .map_err(fail(what)),
            result => result.map_err(fail(what)),
        }
    }

    /// The environment block: fields the API changes in place go in one `PUT .../clusterConfig`
    /// (any other field changed would have planned a replacement). The body starts from the
    /// cluster config Palette has, so what it assigned itself is kept.
    async fn update_environment_block(&self, old: &Model, new: &Model) -> Result<(), Diagnostic> {
        if !environments::in_place_changed(new.env, &old.block, &new.block) {
            return Ok(());
        }
        let cloud = new.env.api_cloud_type();
        let reading = format!("reading the cloud config of cluster {:?}", new.name);
        let current: serde_json::Value = self
            .client
            .get_cloud_config(self.scope, &cloud, self.config_uid)
            .await
            .map_err(fail(reading))?;
        let body =
            environments::cluster_config_body(new.env, &current, &new.block).map_err(|e| {
                Diagnostic::error(
                    SUMMARY,
                    format!("Cannot update the `{}` block: {e}.", new.env.key()),
                )
            })?;
        let updating = format!(
            "updating the `{}` settings of cluster {:?}",
            new.env.key(),
            new.name
        );
        self.client
            .update_cloud_cluster_config(self.scope, &cloud, self.config_uid, &body)
            .await
            .map_err(fail(updating))
    }

    /// The environment block's nested blocks (EKS Fargate profiles), each through its own
    /// endpoint, when they changed.
    async fn update_environment_blocks(&self, old: &Model, new: &Model) -> Result<(), Diagnostic> {
        for update in new.env.block_updates(&old.block, &new.block) {
            match update {
                environments::BlockUpdate::EksFargateProfiles(body) => self
                    .client
                    .update_eks_fargate_profiles(self.scope, self.config_uid, &body)
                    .await
                    .map_err(fail(format!(
                        "updating the Fargate profiles of cluster {:?}",
                        new.name
                    )))?,
            }
        }
        Ok(())
    }

    /// The variables a cluster launched from a template gives the template's profiles: the
    /// changed ones through `PATCH /v1/clusterTemplates/spectroclusters/{uid}/variables`.
    /// Returns Palette's mark of the last change before, when there was one. (Another template
    /// is a replacement, planned as such.)
    async fn update_template_variables(
        &self,
        old: &Model,
        new: &Model,
    ) -> Result<Option<SpcMark>, Diagnostic> {
        let (Some(before), Some(after)) = (&old.template, &new.template) else {
            return Ok(None);
        };
        if before.id != after.id {
            return Ok(None);
        }
        let changed: Vec<ClusterTemplateProfileVariable> = after
            .profiles
            .iter()
            .filter(|p| {
                let prior = before.profiles.iter().find(|b| b.id == p.id);
                prior.is_none_or(|b| b.variables != p.variables)
            })
            .filter_map(|p| {
                Some(ClusterTemplateProfileVariable {
                    uid: Some(p.id.clone()),
                    variables: Some(p.api_variables()?),
                })
            })
            .collect();
        if changed.is_empty() {
            return Ok(None);
        }
        let mark = self.spc_mark(&new.name).await?;
        let body = ClusterTemplateVariablesUpdateEntity { profiles: changed };
        self.client
            .patch_cluster_template_cluster_variables(self.scope, self.uid, &body)
            .await
            .map_err(fail(format!(
                "updating the template variables of cluster {:?}",
                new.name
            )))?;
        Ok(Some(mark))
    }

    /// Palette's mark of the cluster's last change, read before making one, so the wait can
    /// tell when the new change is applied.
    async fn spc_mark(&self, name: &str) -> Result<SpcMark, Diagnostic> {
        let apply = self
            .client
            .get_cluster_spc_apply(self.scope, self.uid)
            .await
            .map_err(fail(format!("reading the apply state of cluster {name:?}")))?;
        Ok(SpcMark::of(&apply))
    }

    /// Profiles: version bumps replace the old uid, changed overrides re-apply, removed add-ons
    /// go.
    async fn update_profiles(
        &self,
        old: &Model,
        new: &Model,
    ) -> Result<ProfilesChanged, Diagnostic> {
        let old_ids: Vec<&str> = old.profiles.iter().map(|p| p.id.as_str()).collect();
        let new_ids: Vec<&str> = new.profiles.iter().map(|p| p.id.as_str()).collect();
        let removed: Vec<&str> = old_ids
            .iter()
            .copied()
            .filter(|id| !new_ids.contains(id))
            .collect();
        let added: Vec<&ProfileModel> = new
            .profiles
            .iter()
            .filter(|p| !old_ids.contains(&p.id.as_str()))
            .collect();
        let mut replaced: BTreeSet<String> = BTreeSet::new();
        let mut entries = self
            .added_profile_entries(new, &added, &removed, &mut replaced)
            .await?;
        let variable_updates = changed_profiles(old, new, &mut entries);
        let changes = !entries.is_empty() || !variable_updates.is_empty() || !removed.is_empty();
        // Palette's mark of the last change, so the wait can tell when this one is applied.
        let mark = match changes {
            false => None,
            true => Some(self.spc_mark(&new.name).await?),
        };
        if !entries.is_empty() {
            let body = SpectroClusterProfiles {
                profiles: entries,
                spc_apply_settings: Some(SpcApplySettings {
                    action_type: Some(new.apply_setting.clone()),
                }),
            };
            self.client
                .patch_cluster_profiles(self.scope, self.uid, &body, true)
                .await
                .map_err(fail(format!(
                    "updating the profiles of cluster {:?}",
                    new.name
                )))?;
        }
        if !variable_updates.is_empty() {
            self.client
                .patch_cluster_variables(self.scope, self.uid, &variable_updates)
                .await
                .map_err(fail(format!(
                    "updating the profile variables of cluster {:?}",
                    new.name
                )))?;
        }
        let detach: Vec<String> = removed
            .iter()
            .filter(|id| !replaced.contains(**id))
            .map(|id| id.to_string())
            .collect();
        self.detach_profiles(new, detach).await?;
        Ok(ProfilesChanged {
            removed: removed.iter().map(|id| id.to_string()).collect(),
            mark,
        })
    }

    /// The entries attaching the `added` profiles. A profile that takes the place of a
    /// `removed` one (the same name, or both the core profile) replaces it; the uids it replaces
    /// are put in `replaced`.
    async fn added_profile_entries(
        &self,
        new: &Model,
        added: &[&ProfileModel],
        removed: &[&str],
        replaced: &mut BTreeSet<String>,
    ) -> Result<Vec<SpectroClusterProfileEntity>, Diagnostic> {
        let mut entries = Vec::new();
        if added.is_empty() {
            return Ok(entries);
        }
        let cluster = self
            .client
            .get_cluster(self.scope, self.uid)
            .await
            .map_err(fail(format!("reading cluster {:?}", new.name)))?;
        let attached: Vec<(String, String, String)> = cluster
            .spec
            .and_then(|s| s.cluster_profile_templates)
            .unwrap_or_default()
            .into_iter()
            .map(|t| {
                (
                    t.uid.unwrap_or_default(),
                    t.name.unwrap_or_default(),
                    t.type_.unwrap_or_default(),
                )
            })
            .collect();
        for profile in added {
            let found = self
                .client
                .get_cluster_profile(self.scope, &profile.id)
                .await
                .map_err(fail(format!("reading cluster profile {}", profile.id)))?;
            let name = found
                .metadata
                .as_ref()
                .and_then(|m| m.name.clone())
                .unwrap_or_default();
            let kind = found
                .spec
                .as_ref()
                .and_then(|s| s.published.as_ref().or(s.draft.as_ref()))
                .and_then(|t| t.type_.clone())
                .unwrap_or_default();
            let core = |t: &str| t == "cluster" || t == "infra";
            let replaces = attached
                .iter()
                .filter(|(id, _, _)| removed.contains(&id.as_str()) && !replaced.contains(id))
                .find(|(_, n, t)| *n == name || (core(&kind) && core(t)))
                .map(|(id, _, _)| id.clone());
            let mut entity = profile.entity();
            if let Some(old_id) = replaces {
                tracing::info!(cluster = %new.name, "replacing profile {old_id} with {} ({name})", profile.id);
                replaced.insert(old_id.clone());
                entity.replace_with_profile = Some(old_id);
            }
            entries.push(entity);
        }
        Ok(entries)
    }

    /// Removes the `detach` profiles from the cluster; ones already gone are fine.
    async fn detach_profiles(&self, new: &Model, detach: Vec<String>) -> Result<(), Diagnostic> {
        if detach.is_empty() {
            return Ok(());
        }
        let body = SpectroClusterProfilesDeleteEntity {
            profile_uids: Some(detach),
        };
        match self
            .client
            .delete_cluster_profiles(self.scope, self.uid, &body)
            .await
        {
            Ok(()) => Ok(()),
            Err(err) if err.is_not_found() => Ok(()),
            Err(err) => Err(fail(format!(
                "removing profiles from cluster {:?}",
                new.name
            ))(err)),
        }
    }

    /// Machine pools: add, then update, then remove, so the cluster never runs short.
    // Limitation: the wait after a resize relies on the cluster's health and state; it does not
    // count the pool's machines (`GET .../machinePools/{name}/machines`).
    async fn update_pools(&self, old: &Model, new: &Model) -> Result<(), Diagnostic> {
        let cloud = new.env.api_cloud_type();
        let mut resolved = new.pools.clone();
        resolve_edge_hosts(self.client, self.scope, &mut resolved)
            .await
            .map_err(fail("listing edge hosts".to_string()))?;
        for (pool, send) in new.pools.iter().zip(&resolved) {
            let before = old.pools.iter().find(|p| p.name == pool.name);
            let body = new.env.pool_body(&new.block, send).map_err(|e| {
                Diagnostic::error(SUMMARY, format!("Machine pool {:?}: {e}.", pool.name))
            })?;
            // An unchanged pool is sent again only when the block's defaults it takes changed
            // (a vSphere placement default): its body then differs from the one it had.
            if before == Some(pool)
                && new.env.pool_body(&old.block, send).as_ref().ok() == Some(&body)
            {
                continue;
            }
            let result = match before {
                None => self
                    .client
                    .create_machine_pool(self.scope, &cloud, self.config_uid, &body)
                    .await
                    .map(|_| ()),
                Some(_) => {
                    self.client
                        .update_machine_pool(self.scope, &cloud, self.config_uid, &pool.name, &body)
                        .await
                }
            };
            result.map_err(fail(format!(
                "updating machine pool {:?} of cluster {:?}",
                pool.name, new.name
            )))?;
        }
        for pool in &old.pools {
            if new.pools.iter().any(|p| p.name == pool.name) {
                continue;
            }
            match self
                .client
                .delete_machine_pool(self.scope, &cloud, self.config_uid, &pool.name)
                .await
            {
                Ok(()) => {}
                Err(err) if err.is_not_found() => {}
                Err(err) => {
                    return Err(fail(format!(
                        "removing machine pool {:?} of cluster {:?}",
                        pool.name, new.name
                    ))(err));
                }
            }
        }
        Ok(())
    }
}

/// The profiles kept from `old` to `new` whose packs changed, added to `entries` to re-apply;
/// returns the variable updates of those whose packs are the same but variables changed.
fn changed_profiles(
    old: &Model,
    new: &Model,
    entries: &mut Vec<SpectroClusterProfileEntity>,
) -> Vec<SpectroClusterVariableUpdateEntity> {
    let mut variable_updates = Vec::new();
    for profile in &new.profiles {
        let Some(before) = old.profiles.iter().find(|p| p.id == profile.id) else {
            continue;
        };
        if !profile.same_packs(before) {
            entries.push(profile.entity());
        } else if profile.variables != before.variables {
            variable_updates.push(SpectroClusterVariableUpdateEntity {
                profile_uid: profile.id.clone(),
                variables: profile.api_variables(),
            });
        }
    }
    variable_updates
}

/// Turns edge host names into uids: a pool may list hosts by either.
pub(super) async fn resolve_edge_hosts(
    client: &Client,
    scope: &Scope,
    pools: &mut [Pool],
) -> Result<(), palette_api::Error> {
    if pools.iter().all(|p| p.edge_hosts.is_none()) {
        return Ok(());
    }
    let hosts = client.list_edge_hosts_metadata(scope, None, false).await?;
    for host in pools
        .iter_mut()
        .flat_map(|p| p.edge_hosts.iter_mut().flatten())
    {
        if hosts
            .iter()
            .any(|m| m.uid.as_deref() == Some(host.as_str()))
        {
            continue;
        }
        if let Some(uid) = hosts
            .iter()
            .find(|m| m.name.as_deref() == Some(host.as_str()))
            .and_then(|m| m.uid.clone())
        {
            *host = uid;
        }
    }
    Ok(())
}
