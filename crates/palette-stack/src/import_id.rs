//! Import IDs: what `terraform import` (or an `import` block) may name, per resource.
//!
//! | resource | id |
//! |---|---|
//! | `palette_cluster_profile` | `UID`, `NAME@VERSION` or `NAME` (newest version), optional `tenant/` prefix |
//! | `palette_cluster` | `UID` or `NAME`, optional `tenant/` prefix |
//! | `palette_pack` | `CLUSTER_UID/PACK_NAME` |
//! | `palette_cloud_account` | `KIND/UID` or `KIND/NAME` (`aws/aws-dev`), optional `tenant/` prefix |
//! | `palette_ssh_key` | `UID` or `NAME`, optional `tenant/` prefix |
//! | `palette_registry` | `UID` or `NAME` (registries live at tenant level: no prefix) |
//! | `palette_backup_storage_location` | `KIND/UID` or `KIND/NAME` (`s3/backups`), optional `tenant/` prefix |
//!
//! A UID is 24 lowercase hexadecimal characters; anything else is taken as a name. The prefix
//! `project/` is accepted too, for symmetry, and means the default (the provider's project).
//! Surrounding spaces are ignored.

use std::fmt;

use crate::version::ProfileVersion;

/// Whether a string is a Palette UID: 24 lowercase hexadecimal characters.
pub fn is_uid(text: &str) -> bool {
    text.len() == 24
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Where the object lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The provider's project (the default).
    Project,
    /// The tenant, shared by all projects.
    Tenant,
}

impl Scope {
    /// The value of the resources' `context` attribute.
    pub fn context(self) -> &'static str {
        match self {
            Scope::Project => "project",
            Scope::Tenant => "tenant",
        }
    }
}

/// A parsed `palette_cluster_profile` import ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileImportId {
    /// Project or tenant.
    pub scope: Scope,
    /// Which profile.
    pub target: ProfileTarget,
}

/// How a profile is named in an import ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileTarget {
    /// By UID (one version).
    Uid(String),
    /// By name, at a version or, when `None`, the newest one.
    Name {
        /// The profile name.
        name: String,
        /// The version after `@`.
        version: Option<ProfileVersion>,
    },
}

/// A parsed `palette_cluster` import ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterImportId {
    /// Project or tenant.
    pub scope: Scope,
    /// Which cluster.
    pub target: ClusterTarget,
}

/// A parsed `palette_ssh_key` import ID: the same forms as a cluster's.
pub type SshKeyImportId = ClusterImportId;

/// How a cluster (or an SSH key) is named in an import ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClusterTarget {
    /// By UID.
    Uid(String),
    /// By name.
    Name(String),
}

/// A parsed `palette_pack` import ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackImportId {
    /// The cluster the pack is deployed on.
    pub cluster_uid: String,
    /// The pack's name in that cluster's stack.
    pub pack_name: String,
}

/// How a registry is named in an import ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryTarget {
    /// By UID.
    Uid(String),
    /// By name.
    Name(String),
}

/// An import ID that does not have the expected form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportIdError {
    /// The forms the resource accepts.
    pub expected: &'static str,
    /// The ID as given.
    pub got: String,
    /// What is wrong, when more can be said than the expected form.
    pub reason: Option<String>,
}

impl fmt::Display for ImportIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}, got {:?}", self.expected, self.got)?;
        if let Some(reason) = &self.reason {
            write!(f, ": {reason}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportIdError {}

const PROFILE_FORMS: &str = "UID, NAME@VERSION or NAME, optionally prefixed with tenant/";
const CLUSTER_FORMS: &str = "UID or NAME, optionally prefixed with tenant/";
const PACK_FORMS: &str = "CLUSTER_UID/PACK_NAME";
const ACCOUNT_FORMS: &str =
    "KIND/UID or KIND/NAME (such as aws/aws-dev), optionally prefixed with tenant/";
const LOCATION_FORMS: &str =
    "KIND/UID or KIND/NAME (such as s3/backups), optionally prefixed with tenant/";

/// A parsed import ID of a resource with one block per kind: `palette_cloud_account`,
/// `palette_backup_storage_location`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindImportId {
    /// Where the object lives.
    pub scope: Scope,
    /// The object's kind: its block in the resource (`aws`, `vsphere`, `s3`, ...).
    pub kind: String,
    /// The object, by uid or by name.
    pub target: ClusterTarget,
}

/// A parsed `palette_cloud_account` import ID.
pub type AccountImportId = KindImportId;

/// Parses a `palette_cloud_account` import ID against the account kinds in `kinds`.
///
/// # Errors
///
/// When the kind is missing or not one of `kinds`, or the name is empty or holds `/`.
pub fn parse_account_import_id(id: &str, kinds: &[&str]) -> Result<AccountImportId, ImportIdError> {
    parse_kind_import_id(id, kinds, ACCOUNT_FORMS, "account")
}

/// Parses a `palette_backup_storage_location` import ID against the location kinds in `kinds`.
///
/// # Errors
///
/// When the kind is missing or not one of `kinds`, or the name is empty or holds `/`.
pub fn parse_location_import_id(id: &str, kinds: &[&str]) -> Result<KindImportId, ImportIdError> {
    parse_kind_import_id(id, kinds, LOCATION_FORMS, "location")
}

/// Parses `[tenant/]KIND/UID` or `[tenant/]KIND/NAME`; `what` names the object in errors.
fn parse_kind_import_id(
    id: &str,
    kinds: &[&str],
    forms: &'static str,
    what: &str,
) -> Result<KindImportId, ImportIdError> {
    let error = |reason: Option<String>| ImportIdError {
        expected: forms,
        got: id.to_owned(),
        reason,
    };
    let (scope, rest) = split_scope(id.trim());
    let Some((kind, object)) = rest.split_once('/') else {
        return Err(error(Some(format!(
            "the {what} kind is missing: one of {}",
            kinds.join(", ")
        ))));
    };
    if !kinds.contains(&kind) {
        return Err(error(Some(format!(
            "{kind:?} is not {} {what} kind: one of {}",
            if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            },
            kinds.join(", ")
        ))));
    }
    let target = if is_uid(object) {
        ClusterTarget::Uid(object.to_owned())
    } else {
        check_name(object, &format!("{what} name"), true).map_err(|reason| error(Some(reason)))?;
        ClusterTarget::Name(object.to_owned())
    };
    Ok(KindImportId {
        scope,
        kind: kind.to_owned(),
        target,
    })
}
const REGISTRY_FORMS: &str = "UID or NAME";

/// Splits an optional scope prefix off a trimmed ID.
fn split_scope(id: &str) -> (Scope, &str) {
    if let Some(rest) = id.strip_prefix("tenant/") {
        (Scope::Tenant, rest)
    } else if let Some(rest) = id.strip_prefix("project/") {
        (Scope::Project, rest)
    } else {
        (Scope::Project, id)
    }
}

/// Checks a name: not empty, no `/`, no control characters.
fn check_name(name: &str, what: &str, scoped: bool) -> Result<(), String> {
    if name.is_empty() {
        return Err(format!("the {what} is empty"));
    }
    if name.contains('/') {
        let hint = if scoped {
            "; only tenant/ may prefix it"
        } else {
            ""
        };
        return Err(format!("the {what} {name:?} contains '/'{hint}"));
    }
    if name.chars().any(char::is_control) {
        return Err(format!("the {what} contains a control character"));
    }
    Ok(())
}

/// Parses a `palette_cluster_profile` import ID.
///
/// The version is split at the last `@`, so a name may itself hold one.
///
/// # Errors
///
/// When the name is empty or holds `/`, or the version is not `MAJOR.MINOR.PATCH`.
pub fn parse_profile_import_id(id: &str) -> Result<ProfileImportId, ImportIdError> {
    let error = |reason: Option<String>| ImportIdError {
        expected: PROFILE_FORMS,
        got: id.to_owned(),
        reason,
    };
    let (scope, rest) = split_scope(id.trim());
    if is_uid(rest) {
        return Ok(ProfileImportId {
            scope,
            target: ProfileTarget::Uid(rest.to_owned()),
        });
    }
    let (name, version) = match rest.rsplit_once('@') {
        Some((name, version)) => {
            let version = ProfileVersion::parse(version).map_err(|e| error(Some(e.to_string())))?;
            (name, Some(version))
        }
        None => (rest, None),
    };
    check_name(name, "profile name", true).map_err(|reason| error(Some(reason)))?;
    Ok(ProfileImportId {
        scope,
        target: ProfileTarget::Name {
            name: name.to_owned(),
            version,
        },
    })
}

/// Parses a `palette_cluster` import ID.
///
/// # Errors
///
/// When the name is empty or holds `/`.
pub fn parse_cluster_import_id(id: &str) -> Result<ClusterImportId, ImportIdError> {
    parse_named_import_id(id, "cluster name")
}

/// Parses a `palette_ssh_key` import ID.
///
/// # Errors
///
/// When the name is empty or holds `/`.
pub fn parse_ssh_key_import_id(id: &str) -> Result<SshKeyImportId, ImportIdError> {
    parse_named_import_id(id, "SSH key name")
}

/// Parses an import ID that names an object by UID or by its name (`what`, as in "cluster
/// name"), with an optional scope prefix.
fn parse_named_import_id(id: &str, what: &str) -> Result<ClusterImportId, ImportIdError> {
    let (scope, rest) = split_scope(id.trim());
    if is_uid(rest) {
        return Ok(ClusterImportId {
            scope,
            target: ClusterTarget::Uid(rest.to_owned()),
        });
    }
    check_name(rest, what, true).map_err(|reason| ImportIdError {
        expected: CLUSTER_FORMS,
        got: id.to_owned(),
        reason: Some(reason),
    })?;
    Ok(ClusterImportId {
        scope,
        target: ClusterTarget::Name(rest.to_owned()),
    })
}

/// Parses a `palette_pack` import ID.
///
/// # Errors
///
/// When there is no `/`, the part before it is not a UID, or the pack name is empty or holds `/`.
pub fn parse_pack_import_id(id: &str) -> Result<PackImportId, ImportIdError> {
    let error = |reason: Option<String>| ImportIdError {
        expected: PACK_FORMS,
        got: id.to_owned(),
        reason,
    };
    let Some((cluster_uid, pack_name)) = id.trim().split_once('/') else {
        return Err(error(None));
    };
    if !is_uid(cluster_uid) {
        return Err(error(Some(format!(
            "{cluster_uid:?} is not a cluster UID (24 lowercase hexadecimal characters)"
        ))));
    }
    check_name(pack_name, "pack name", false).map_err(|reason| error(Some(reason)))?;
    Ok(PackImportId {
        cluster_uid: cluster_uid.to_owned(),
        pack_name: pack_name.to_owned(),
    })
}

/// Parses a `palette_registry` import ID.
///
/// # Errors
///
/// When the name is empty or holds `/` or a control character.
pub fn parse_registry_import_id(id: &str) -> Result<RegistryTarget, ImportIdError> {
    let id_trimmed = id.trim();
    if is_uid(id_trimmed) {
        return Ok(RegistryTarget::Uid(id_trimmed.to_owned()));
    }
    check_name(id_trimmed, "registry name", false).map_err(|reason| ImportIdError {
        expected: REGISTRY_FORMS,
        got: id.to_owned(),
        reason: Some(reason),
    })?;
    Ok(RegistryTarget::Name(id_trimmed.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids() {
        let kinds = ["aws", "vsphere"];
        let ok = parse_account_import_id("tenant/vsphere/dc-1", &kinds).unwrap();
        assert_eq!(
            (ok.scope, ok.kind.as_str(), ok.target),
            (Scope::Tenant, "vsphere", ClusterTarget::Name("dc-1".into()))
        );
        let by_uid = parse_account_import_id(" aws/5f2b6c0e9d8a7b6c5d4e3f21 ", &kinds).unwrap();
        assert_eq!(
            by_uid.target,
            ClusterTarget::Uid("5f2b6c0e9d8a7b6c5d4e3f21".into())
        );
        for bad in ["aws-dev", "gcp/x", "aws/", "aws/a/b"] {
            assert!(parse_account_import_id(bad, &kinds).is_err(), "{bad}");
        }
    }

    #[test]
    fn location_ids() {
        let kinds = ["s3", "minio", "gcp", "azure"];
        let ok = parse_location_import_id("tenant/s3/backups", &kinds).unwrap();
        assert_eq!(
            (ok.scope, ok.kind.as_str(), ok.target),
            (Scope::Tenant, "s3", ClusterTarget::Name("backups".into()))
        );
        let by_uid = parse_location_import_id(&format!("azure/{UID}"), &kinds).unwrap();
        assert_eq!(
            (by_uid.scope, by_uid.target),
            (Scope::Project, ClusterTarget::Uid(UID.into()))
        );
        let cases = [
            (
                "backups",
                "the location kind is missing: one of s3, minio, gcp, azure",
            ),
            (
                "aws/backups",
                "\"aws\" is not a location kind: one of s3, minio, gcp, azure",
            ),
            ("s3/", "the location name is empty"),
            (
                "s3/team/backups",
                "the location name \"team/backups\" contains '/'; only tenant/ may prefix it",
            ),
        ];
        for (id, reason) in cases {
            let err = parse_location_import_id(id, &kinds).expect_err(id);
            assert_eq!(err.reason.as_deref(), Some(reason), "{id}");
            assert!(err.to_string().contains("s3/backups"), "{err}");
        }
        let account = parse_account_import_id("vsphere/x", &["aws"]).expect_err("not a kind");
        assert!(
            account.to_string().contains("is not an account kind"),
            "{account}"
        );
    }

    const UID: &str = "5f2b6c0e9d8a7b6c5d4e3f21";

    fn version(text: &str) -> Option<ProfileVersion> {
        Some(ProfileVersion::parse(text).expect("valid version"))
    }

    fn named(name: &str, version: Option<ProfileVersion>) -> ProfileTarget {
        ProfileTarget::Name {
            name: name.to_owned(),
            version,
        }
    }

    #[test]
    fn uids() {
        let cases = [
            ("valid", UID, true),
            ("uppercase", "5F2B6C0E9D8A7B6C5D4E3F21", false),
            ("too short", "5f2b6c0e9d8a7b6c5d4e3f2", false),
            ("too long", "5f2b6c0e9d8a7b6c5d4e3f210", false),
            ("not hex", "5f2b6c0e9d8a7b6c5d4e3fzz", false),
            ("empty", "", false),
        ];
        for (name, text, expected) in cases {
            assert_eq!(is_uid(text), expected, "{name}");
        }
    }

    #[test]
    fn profile_ids() {
        let cases = [
            (
                "uid",
                UID.to_owned(),
                Scope::Project,
                ProfileTarget::Uid(UID.to_owned()),
            ),
            (
                "tenant uid",
                format!("tenant/{UID}"),
                Scope::Tenant,
                ProfileTarget::Uid(UID.to_owned()),
            ),
            (
                "name",
                "aws-base".to_owned(),
                Scope::Project,
                named("aws-base", None),
            ),
            (
                "name at version",
                "aws-base@1.2.0".to_owned(),
                Scope::Project,
                named("aws-base", version("1.2.0")),
            ),
            (
                "tenant name at version",
                "tenant/aws-base@2.0.1".to_owned(),
                Scope::Tenant,
                named("aws-base", version("2.0.1")),
            ),
            (
                "tenant name",
                "tenant/shared".to_owned(),
                Scope::Tenant,
                named("shared", None),
            ),
            (
                "explicit project",
                "project/aws-base".to_owned(),
                Scope::Project,
                named("aws-base", None),
            ),
            (
                "surrounding spaces",
                "  aws-base@1.0.0 \n".to_owned(),
                Scope::Project,
                named("aws-base", version("1.0.0")),
            ),
            (
                "at in the name",
                "team@x@1.0.0".to_owned(),
                Scope::Project,
                named("team@x", version("1.0.0")),
            ),
            (
                "uppercase hex is a name",
                "5F2B6C0E9D8A7B6C5D4E3F21".to_owned(),
                Scope::Project,
                named("5F2B6C0E9D8A7B6C5D4E3F21", None),
            ),
        ];
        for (name, id, scope, target) in cases {
            let parsed =
                parse_profile_import_id(&id).unwrap_or_else(|error| panic!("{name}: {error}"));
            assert_eq!(parsed, ProfileImportId { scope, target }, "{name}");
        }
    }

    #[test]
    fn malformed_profile_ids() {
        let forms = "expected UID, NAME@VERSION or NAME, optionally prefixed with tenant/";
        let cases = [
            (
                "empty",
                "",
                format!("{forms}, got \"\": the profile name is empty"),
            ),
            (
                "only tenant",
                "tenant/",
                format!("{forms}, got \"tenant/\": the profile name is empty"),
            ),
            (
                "empty name",
                "@1.0.0",
                format!("{forms}, got \"@1.0.0\": the profile name is empty"),
            ),
            (
                "bad version",
                "base@1.0",
                format!(
                    "{forms}, got \"base@1.0\": version \"1.0\" is not MAJOR.MINOR.PATCH (three numbers separated by \
                     dots are needed), for example 1.0.0"
                ),
            ),
            (
                "empty version",
                "base@",
                format!(
                    "{forms}, got \"base@\": version \"\" is not MAJOR.MINOR.PATCH (three numbers separated by dots \
                     are needed), for example 1.0.0"
                ),
            ),
            (
                "slash in name",
                "team/base",
                format!(
                    "{forms}, got \"team/base\": the profile name \"team/base\" contains '/'; only tenant/ may prefix it"
                ),
            ),
            (
                "double tenant",
                "tenant/tenant/x",
                format!(
                    "{forms}, got \"tenant/tenant/x\": the profile name \"tenant/x\" contains '/'; only tenant/ may prefix it"
                ),
            ),
            (
                "control character",
                "a\u{7}b",
                format!(
                    "{forms}, got \"a\\u{{7}}b\": the profile name contains a control character"
                ),
            ),
        ];
        for (name, id, message) in cases {
            let error = parse_profile_import_id(id).expect_err(name);
            assert_eq!(error.to_string(), message, "{name}");
        }
    }

    #[test]
    fn cluster_ids() {
        let cases = [
            (
                "uid",
                UID.to_owned(),
                Scope::Project,
                ClusterTarget::Uid(UID.to_owned()),
            ),
            (
                "tenant uid",
                format!("tenant/{UID}"),
                Scope::Tenant,
                ClusterTarget::Uid(UID.to_owned()),
            ),
            (
                "name",
                "prod-east".to_owned(),
                Scope::Project,
                ClusterTarget::Name("prod-east".to_owned()),
            ),
            (
                "tenant name",
                "tenant/prod-east".to_owned(),
                Scope::Tenant,
                ClusterTarget::Name("prod-east".to_owned()),
            ),
            (
                "at is part of a name",
                "prod@1.0.0".to_owned(),
                Scope::Project,
                ClusterTarget::Name("prod@1.0.0".to_owned()),
            ),
        ];
        for (name, id, scope, target) in cases {
            let parsed =
                parse_cluster_import_id(&id).unwrap_or_else(|error| panic!("{name}: {error}"));
            assert_eq!(parsed, ClusterImportId { scope, target }, "{name}");
        }
        let cases = [
            (
                "empty",
                "",
                "expected UID or NAME, optionally prefixed with tenant/, got \"\": the cluster name is empty",
            ),
            (
                "pack id given",
                "5f2b6c0e9d8a7b6c5d4e3f21/nginx",
                "expected UID or NAME, optionally prefixed with tenant/, got \"5f2b6c0e9d8a7b6c5d4e3f21/nginx\": the cluster \
                 name \"5f2b6c0e9d8a7b6c5d4e3f21/nginx\" contains '/'; only tenant/ may prefix it",
            ),
        ];
        for (name, id, message) in cases {
            assert_eq!(
                parse_cluster_import_id(id).expect_err(name).to_string(),
                message,
                "{name}"
            );
        }
    }

    #[test]
    fn ssh_key_ids_take_the_cluster_forms() {
        assert_eq!(
            parse_ssh_key_import_id("tenant/ops"),
            Ok(SshKeyImportId {
                scope: Scope::Tenant,
                target: ClusterTarget::Name("ops".to_owned()),
            })
        );
        assert_eq!(
            parse_ssh_key_import_id(UID),
            Ok(SshKeyImportId {
                scope: Scope::Project,
                target: ClusterTarget::Uid(UID.to_owned()),
            })
        );
        assert_eq!(
            parse_ssh_key_import_id("team/ops")
                .expect_err("a slash")
                .to_string(),
            "expected UID or NAME, optionally prefixed with tenant/, got \"team/ops\": the SSH key \
             name \"team/ops\" contains '/'; only tenant/ may prefix it"
        );
    }

    #[test]
    fn pack_ids() {
        let parsed = parse_pack_import_id(&format!("{UID}/prometheus-operator")).expect("valid");
        assert_eq!(
            parsed,
            PackImportId {
                cluster_uid: UID.to_owned(),
                pack_name: "prometheus-operator".to_owned()
            }
        );
        let cases = [
            ("no slash", "prometheus-operator".to_owned(), "expected CLUSTER_UID/PACK_NAME, got \"prometheus-operator\"".to_owned()),
            ("empty", String::new(), "expected CLUSTER_UID/PACK_NAME, got \"\"".to_owned()),
            (
                "name instead of uid",
                "prod-east/nginx".to_owned(),
                "expected CLUSTER_UID/PACK_NAME, got \"prod-east/nginx\": \"prod-east\" is not a cluster UID (24 lowercase \
                 hexadecimal characters)"
                    .to_owned(),
            ),
            (
                "tenant prefix",
                format!("tenant/{UID}/nginx"),
                format!(
                    "expected CLUSTER_UID/PACK_NAME, got \"tenant/{UID}/nginx\": \"tenant\" is not a cluster UID (24 \
                     lowercase hexadecimal characters)"
                ),
            ),
            (
                "empty pack name",
                format!("{UID}/"),
                format!("expected CLUSTER_UID/PACK_NAME, got \"{UID}/\": the pack name is empty"),
            ),
            (
                "extra segment",
                format!("{UID}/nginx/x"),
                format!(
                    "expected CLUSTER_UID/PACK_NAME, got \"{UID}/nginx/x\": the pack name \"nginx/x\" contains '/'"
                ),
            ),
        ];
        for (name, id, message) in cases {
            assert_eq!(
                parse_pack_import_id(&id).expect_err(name).to_string(),
                message,
                "{name}"
            );
        }
    }

    #[test]
    fn registry_ids() {
        let cases = [
            ("uid", UID, Ok(RegistryTarget::Uid(UID.to_owned()))),
            (
                "name with spaces",
                " Team Charts ",
                Ok(RegistryTarget::Name("Team Charts".to_owned())),
            ),
            (
                "empty",
                "",
                Err("expected UID or NAME, got \"\": the registry name is empty"),
            ),
            (
                "slash",
                "tenant/charts",
                Err(
                    "expected UID or NAME, got \"tenant/charts\": the registry name \"tenant/charts\" \
                     contains '/'",
                ),
            ),
        ];
        for (name, id, want) in cases {
            let got = parse_registry_import_id(id).map_err(|e| e.to_string());
            assert_eq!(got, want.map_err(str::to_owned), "{name}");
        }
    }
}
