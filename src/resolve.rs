//! Pack and registry resolution, cached for the life of the provider process.
//!
//! A plan with a hundred profiles that share packs asks the API once per distinct pack: every
//! lookup goes through a cache keyed by what was asked, and concurrent askers of the same key wait
//! for the one request in flight instead of sending their own. Failures are not cached, so a
//! transient error is retried by the next caller.
//!
//! Registries change while the process runs: `palette_registry` drops what is kept about
//! registries when it creates, changes or deletes one ([`PackResolver::forget_registry`]), and a
//! registry looked up by name or uid that the kept list lacks is looked up again in a fresh list,
//! so one made outside this process is found too.

use std::fmt;
use std::sync::Arc;

use palette_api::models::{PackLayer, PackTagEntity, PackType, RegistryMetadata};
use palette_api::{Client, Scope};

use crate::memo::{FOREVER, Memo};

/// The registry packs come from when a configuration names none.
pub(crate) const DEFAULT_REGISTRY: &str = "Public Repo";

/// A pack version found in a registry.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ResolvedPack {
    /// The pack's name.
    pub(crate) name: String,
    /// The requested tag.
    pub(crate) tag: String,
    /// The uid of this version of the pack.
    pub(crate) uid: String,
    /// The layer the pack installs in.
    pub(crate) layer: PackLayer,
    /// The registry it was found in.
    pub(crate) registry_uid: String,
    /// The environments (API cloud types) it is made for; `all` for any.
    pub(crate) cloud_types: Vec<String>,
    /// The pack's default values.
    pub(crate) default_values: String,
}

/// Why a pack could not be resolved; each case carries what a user needs to fix it.
#[derive(Debug)]
pub(crate) enum ResolveError {
    /// No registry has that name.
    UnknownRegistry {
        name: String,
        available: Vec<String>,
    },
    /// The registry has no pack of that name; `registry` says how the registry was named (see
    /// [`registry_label`]).
    UnknownPack { name: String, registry: String },
    /// The pack exists but not with that tag.
    UnknownTag {
        name: String,
        tag: String,
        available: Vec<String>,
    },
    /// The API failed.
    Api(palette_api::Error),
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::UnknownRegistry { name, available } => write!(
                f,
                "there is no registry named {name:?}; registries on offer: {}",
                list(available)
            ),
            ResolveError::UnknownPack { name, registry } => {
                write!(f, "registry {registry} has no pack named {name:?}")
            }
            ResolveError::UnknownTag {
                name,
                tag,
                available,
            } => write!(
                f,
                "pack {name:?} has no tag {tag:?}; tags on offer: {}",
                list(available)
            ),
            ResolveError::Api(err) => write!(f, "{err}"),
        }
    }
}

/// The pack type a registry of API kind `kind` serves: OCI and Helm registries serve packs of
/// their own type, every other kind Palette's own (`spectro`).
pub(crate) fn pack_type_served_by(kind: Option<&str>) -> &'static str {
    match kind {
        Some("oci") => "oci",
        Some("helm") => "helm",
        _ => "spectro",
    }
}

/// How an error names the registry a lookup used: by uid when a uid was given (the name is then
/// not what was looked up), else by name (the default registry when neither is set).
pub(crate) fn registry_label(registry_uid: Option<&str>, registry_name: Option<&str>) -> String {
    match registry_uid {
        Some(uid) => format!("with uid {uid:?}"),
        None => format!("{:?}", registry_name.unwrap_or(DEFAULT_REGISTRY)),
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

/// The sort key of a pack version. Pack versions are dotted numbers of any length (`22.04`,
/// `1.29`, `3.29.3`, `1.6.32-0`), compared segment by segment as numbers, a missing segment being
/// zero; text after the numbers only breaks ties.
pub(crate) fn pack_version_key(version: &str) -> (Vec<u64>, &str) {
    let numeric_end = version
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(version.len());
    let (numbers, rest) = version.split_at(numeric_end);
    let mut parts: Vec<u64> = numbers
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap_or(u64::MAX))
        .collect();
    while parts.last() == Some(&0) {
        parts.pop();
    }
    (parts, rest)
}

/// The newest of some pack versions (see [`pack_version_key`]).
pub(crate) fn newest_pack_version<'a>(
    versions: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    versions
        .into_iter()
        .max_by(|a, b| pack_version_key(a).cmp(&pack_version_key(b)))
}

/// Cached lookups of registries and packs.
pub(crate) struct PackResolver {
    client: Client,
    registries: Memo<Scope, Arc<Vec<RegistryMetadata>>>,
    packs: Memo<(Scope, String, String), Option<Arc<PackTagEntity>>>,
}

impl fmt::Debug for PackResolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PackResolver").finish_non_exhaustive()
    }
}

impl PackResolver {
    /// A resolver with empty caches.
    pub(crate) fn new(client: Client) -> Self {
        PackResolver {
            client,
            registries: Memo::default(),
            packs: Memo::default(),
        }
    }

    /// Every registry visible in `scope`.
    pub(crate) async fn registries(
        &self,
        scope: &Scope,
    ) -> Result<Arc<Vec<RegistryMetadata>>, palette_api::Error> {
        self.registries
            .get(scope, FOREVER, || async {
                Ok(Arc::new(self.client.list_registries_metadata(scope).await?))
            })
            .await
    }

    /// The first registry visible in `scope` that `matches`; on a miss, the list is fetched
    /// again once (the registry may be newer than the kept list). Also returns the list.
    async fn find_registry(
        &self,
        scope: &Scope,
        matches: impl Fn(&RegistryMetadata) -> bool,
    ) -> Result<(Option<RegistryMetadata>, Arc<Vec<RegistryMetadata>>), palette_api::Error> {
        let registries = self.registries(scope).await?;
        if let Some(found) = registries.iter().find(|r| matches(r)) {
            return Ok((Some(found.clone()), registries));
        }
        self.registries.forget(scope);
        let registries = self.registries(scope).await?;
        let found = registries.iter().find(|r| matches(r)).cloned();
        Ok((found, registries))
    }

    /// The registry named `name`.
    pub(crate) async fn registry_by_name(
        &self,
        scope: &Scope,
        name: &str,
    ) -> Result<RegistryMetadata, ResolveError> {
        let (found, registries) = self
            .find_registry(scope, |r| r.name.as_deref() == Some(name))
            .await
            .map_err(ResolveError::Api)?;
        found.ok_or_else(|| ResolveError::UnknownRegistry {
            name: name.to_string(),
            available: registries.iter().filter_map(|r| r.name.clone()).collect(),
        })
    }

    /// The registry with uid `uid`, if any is visible.
    pub(crate) async fn registry_by_uid(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<Option<RegistryMetadata>, palette_api::Error> {
        let (found, _) = self
            .find_registry(scope, |r| r.uid.as_deref() == Some(uid))
            .await?;
        Ok(found)
    }

    /// Drops everything kept about registries in every scope, and about the packs of registry
    /// `uid`: after a registry is created, changed (its packs may differ) or deleted.
    pub(crate) fn forget_registry(&self, uid: &str) {
        self.registries.forget_where(|_| true);
        self.packs.forget_where(|(_, _, registry)| registry == uid);
    }

    /// The registry uid for a configuration's `registry_uid` / `registry_name` (the default
    /// registry when both are unset).
    pub(crate) async fn registry_uid(
        &self,
        scope: &Scope,
        registry_uid: Option<&str>,
        registry_name: Option<&str>,
    ) -> Result<String, ResolveError> {
        if let Some(uid) = registry_uid {
            return Ok(uid.to_string());
        }
        let name = registry_name.unwrap_or(DEFAULT_REGISTRY);
        let registry = self.registry_by_name(scope, name).await?;
        Ok(registry.uid.unwrap_or_default())
    }

    /// The pack type registry `registry_uid` serves, with the registry's name for messages;
    /// `None` when no registry visible in `scope` has that uid.
    pub(crate) async fn served_pack_type(
        &self,
        scope: &Scope,
        registry_uid: &str,
    ) -> Result<Option<(&'static str, String)>, palette_api::Error> {
        let Some(registry) = self.registry_by_uid(scope, registry_uid).await? else {
            return Ok(None);
        };
        let name = registry
            .name
            .clone()
            .unwrap_or_else(|| registry_uid.to_string());
        Ok(Some((pack_type_served_by(registry.kind.as_deref()), name)))
    }

    /// All versions of pack `name` in registry `registry_uid`; `None` when there is no such pack.
    pub(crate) async fn pack_tags(
        &self,
        scope: &Scope,
        name: &str,
        registry_uid: &str,
    ) -> Result<Option<Arc<PackTagEntity>>, palette_api::Error> {
        let key = (scope.clone(), name.to_string(), registry_uid.to_string());
        self.packs
            .get(&key, FOREVER, || async {
                let query = palette_api::endpoints::PackTagQuery::default();
                match self
                    .client
                    .get_pack_tags(scope, name, registry_uid, &query)
                    .await
                {
                    Ok(entity) => Ok(Some(Arc::new(entity))),
                    Err(err) if err.is_not_found() => Ok(None),
                    Err(err) => Err(err),
                }
            })
            .await
    }

    /// Resolves pack `name` at `tag` (the newest version when `tag` is `None`).
    pub(crate) async fn resolve(
        &self,
        scope: &Scope,
        name: &str,
        tag: Option<&str>,
        registry_uid: &str,
        registry_label: &str,
    ) -> Result<ResolvedPack, ResolveError> {
        let entity = self
            .pack_tags(scope, name, registry_uid)
            .await
            .map_err(ResolveError::Api)?
            .ok_or_else(|| ResolveError::UnknownPack {
                name: name.to_string(),
                registry: registry_label.to_string(),
            })?;
        let tags = entity.tags.clone().unwrap_or_default();
        let versions: Vec<String> = tags.iter().filter_map(|t| t.version.clone()).collect();
        let chosen = match tag {
            Some(tag) => tags
                .iter()
                .find(|t| t.version.as_deref() == Some(tag) || t.tag.as_deref() == Some(tag)),
            None => {
                let newest = newest_pack_version(versions.iter().map(String::as_str));
                tags.iter().find(|t| t.version.as_deref() == newest)
            }
        }
        .ok_or_else(|| ResolveError::UnknownTag {
            name: name.to_string(),
            tag: tag.unwrap_or_default().to_string(),
            available: versions.clone(),
        })?;
        let uid = chosen.pack_uid.clone().unwrap_or_default();
        let default_values = entity
            .pack_values
            .as_deref()
            .unwrap_or_default()
            .iter()
            .find(|v| v.pack_uid.as_deref() == Some(uid.as_str()))
            .and_then(|v| v.values.clone())
            .unwrap_or_default();
        Ok(ResolvedPack {
            name: name.to_string(),
            tag: chosen.version.clone().unwrap_or_default(),
            uid,
            layer: entity.layer.unwrap_or(PackLayer::Addon),
            registry_uid: registry_uid.to_string(),
            cloud_types: entity.cloud_types.clone().unwrap_or_default(),
            default_values,
        })
    }

    /// Resolves a configured pack reference, manifests included (they need no registry).
    pub(crate) async fn resolve_kind(
        &self,
        scope: &Scope,
        kind: PackType,
        name: &str,
        tag: Option<&str>,
        registry_uid: Option<&str>,
        registry_name: Option<&str>,
    ) -> Result<Option<ResolvedPack>, ResolveError> {
        if kind == PackType::Manifest {
            return Ok(None);
        }
        let label = registry_label(registry_uid, registry_name);
        let uid = self
            .registry_uid(scope, registry_uid, registry_name)
            .await?;
        self.resolve(scope, name, tag, &uid, &label).await.map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_pack_names_the_registry_as_it_was_looked_up() {
        let by_name = ResolveError::UnknownPack {
            name: "x".into(),
            registry: registry_label(None, Some("Public Repo")),
        };
        assert_eq!(
            by_name.to_string(),
            r#"registry "Public Repo" has no pack named "x""#
        );
        let by_uid = ResolveError::UnknownPack {
            name: "x".into(),
            registry: registry_label(Some("r-1"), Some("Public Repo")),
        };
        assert_eq!(
            by_uid.to_string(),
            r#"registry with uid "r-1" has no pack named "x""#
        );
        assert_eq!(registry_label(None, None), format!("{DEFAULT_REGISTRY:?}"));
    }

    #[test]
    fn newest_pack_version_compares_numbers_not_text() {
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            ("empty", &[], None),
            ("ubuntu", &["20.04", "22.04", "18.04"], Some("22.04")),
            ("two digit minor", &["1.9.0", "1.10.0"], Some("1.10.0")),
            ("short and long", &["1.29", "1.24", "1.36"], Some("1.36")),
            ("suffix", &["1.4.0", "1.6.32-0"], Some("1.6.32-0")),
            (
                "k8s",
                &["1.32.10", "1.33.10", "1.35.3", "1.34.9"],
                Some("1.35.3"),
            ),
        ];
        for (name, versions, want) in cases {
            assert_eq!(
                newest_pack_version(versions.iter().copied()),
                *want,
                "{name}"
            );
        }
    }
}
