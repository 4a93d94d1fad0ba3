//! Reading a registry into the state (every attribute but the write-only secrets and their
//! versions, so drift shows), and import by uid or by name.

use palette_api::models::RegistryMetadata;
use tfplugin::resource::{ImportStateRequest, ImportStateResponse, ReadRequest, ReadResponse};
use tfplugin::{Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resources::pack_shared::non_empty;
use palette_stack::import_id::{RegistryTarget, parse_registry_import_id};

use super::api;
use super::model::{DEFAULT_PROVIDER_TYPE, Kind, SCOPE};
use super::wire::Remote;

/// The `read` handler: follows the registry, or removes it when it is gone.
pub(super) async fn read(req: ReadRequest, resp: &mut ReadResponse) {
    const SUMMARY: &str = "Read Registry Error";
    let Some(uid) = req.state.get_str("id").map(str::to_owned) else {
        return resp.remove();
    };
    let Some(kind) = Kind::of_value(&req.state) else {
        return resp.diagnostics.error(
            SUMMARY,
            format!("The state of registry {uid} names no known `type`; import it again."),
        );
    };
    let (data, _) = match PaletteData::connect(&req.provider_data, SCOPE, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    match api::get(&data.client, kind, &uid).await {
        Ok(remote) => write_state(&mut resp.state, &remote, kind),
        Err(err) if err.is_not_found() => resp.remove(),
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("reading {} {uid}", kind.label()),
            &err,
        )),
    }
}

/// Sets every attribute Palette reports from `remote`, a registry of `kind`.
pub(super) fn write_state(state: &mut Value, remote: &Remote, kind: Kind) {
    let meta = remote.metadata.as_ref();
    if let Some(name) = meta
        .and_then(|m| m.name.as_deref())
        .filter(|n| !n.is_empty())
    {
        state.set("name", name);
    }
    state.set("type", kind.type_name());
    state.set(
        "oci_provider",
        kind.oci_provider().map_or(Value::Null, Value::from),
    );
    state.set("endpoint", remote.endpoint.clone());
    state.set("is_private", remote.is_private.unwrap_or(false));
    let oci = |value: Value| if kind.is_oci() { value } else { Value::Null };
    state.set(
        "provider_type",
        oci(Value::from(
            remote
                .provider_type
                .clone()
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| DEFAULT_PROVIDER_TYPE.to_owned()),
        )),
    );
    state.set(
        "base_content_path",
        oci(non_empty(remote.base_content_path.as_deref())),
    );
    let basic = |value: Value| {
        if kind == Kind::OciBasic {
            value
        } else {
            Value::Null
        }
    };
    state.set("base_path", basic(non_empty(remote.base_path.as_deref())));
    let auth = remote.auth.as_ref();
    state.set(
        "username",
        non_empty(auth.and_then(|a| a.username.as_deref())),
    );
    let creds = remote.credentials.as_ref();
    let sts = creds.and_then(|c| c.sts.as_ref());
    let by_role = creds.and_then(|c| c.credential_type.as_deref()) == Some("sts");
    state.set(
        "access_key",
        non_empty(
            creds
                .filter(|_| !by_role)
                .and_then(|c| c.access_key.as_deref()),
        ),
    );
    state.set("role_arn", non_empty(sts.and_then(|s| s.arn.as_deref())));
    state.set(
        "external_id",
        non_empty(sts.and_then(|s| s.external_id.as_deref())),
    );
    let tls = remote.tls.as_ref();
    state.set(
        "ca_certificate",
        non_empty(tls.and_then(|t| t.ca.as_deref())),
    );
    state.set(
        "insecure_skip_verify",
        tls.and_then(|t| t.insecure_skip_verify).unwrap_or(false),
    );
    let scope = remote
        .scope
        .clone()
        .or_else(|| meta?.annotations.as_ref()?.get("scope").cloned())
        .unwrap_or_else(|| SCOPE.to_owned());
    state.set("scope", scope);
}

/// The `import_state` handler: a uid, or the name of one registry.
pub(super) async fn import_state(req: ImportStateRequest, resp: &mut ImportStateResponse) {
    const SUMMARY: &str = "Import Registry Error";
    let target = match parse_registry_import_id(&req.id) {
        Ok(target) => target,
        Err(err) => {
            return resp.diagnostics.error(
                "Invalid Import ID",
                format!(
                    "The import ID of a palette_registry is its uid or its name: {err}. \
                     Examples: `team-charts`, `5f2b6c0e9d8a7b6c5d4e3f21`."
                ),
            );
        }
    };
    let (data, scope) = match PaletteData::connect(&req.provider_data, SCOPE, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    let all = match data.client.list_registries_metadata(&scope).await {
        Ok(all) => all,
        Err(err) => {
            return resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                "listing registries",
                &err,
            ));
        }
    };
    let found = match pick(&all, &target) {
        Ok(found) => found,
        Err(detail) => return resp.diagnostics.error("Registry Not Found", detail),
    };
    let uid = found.uid.clone().unwrap_or_default();
    let kind = match api::kind_of(&data.client, found.kind.as_deref(), &uid).await {
        Ok(Some(kind)) => kind,
        Ok(None) => {
            return resp.diagnostics.error(
                SUMMARY,
                format!(
                    "Registry {uid} is of kind {:?}, which palette_registry does not manage \
                     (pack, helm and oci registries only).",
                    found.kind.as_deref().unwrap_or_default()
                ),
            );
        }
        Err(err) => {
            return resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                "listing OCI registries",
                &err,
            ));
        }
    };
    resp.state.set("id", uid);
    resp.state.set("type", kind.type_name());
    resp.state.set(
        "oci_provider",
        kind.oci_provider().map_or(Value::Null, Value::from),
    );
}

/// The one registry `target` names, or why there is none.
fn pick<'a>(
    all: &'a [RegistryMetadata],
    target: &RegistryTarget,
) -> Result<&'a RegistryMetadata, String> {
    let matches: Vec<&RegistryMetadata> = match target {
        RegistryTarget::Uid(uid) => all
            .iter()
            .filter(|r| r.uid.as_deref() == Some(uid.as_str()))
            .collect(),
        RegistryTarget::Name(name) => all
            .iter()
            .filter(|r| r.name.as_deref() == Some(name.as_str()))
            .collect(),
    };
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(format!(
            "No registry has the {}; registries on offer: {}.",
            match target {
                RegistryTarget::Uid(uid) => format!("uid {uid:?}"),
                RegistryTarget::Name(name) => format!("name {name:?}"),
            },
            all.iter()
                .filter_map(|r| r.name.as_deref())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        many => Err(format!(
            "Several registries have that name ({}); import the one you mean by its uid.",
            many.iter()
                .map(|r| format!(
                    "{} {}",
                    r.kind.as_deref().unwrap_or("registry"),
                    r.uid.as_deref().unwrap_or_default()
                ))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use palette_api::models::{AwsCloudAccount, AwsStsCredentials, RegistryAuth};

    use super::*;

    fn registry(uid: &str, name: &str, kind: &str) -> RegistryMetadata {
        RegistryMetadata {
            uid: Some(uid.to_owned()),
            name: Some(name.to_owned()),
            kind: Some(kind.to_owned()),
            ..RegistryMetadata::default()
        }
    }

    #[test]
    fn an_import_id_names_exactly_one_registry() {
        let all = [
            registry("u1", "charts", "helm"),
            registry("u2", "shared", "helm"),
            registry("u3", "shared", "oci"),
        ];
        let by_name = pick(&all, &RegistryTarget::Name("charts".into())).unwrap();
        assert_eq!(by_name.uid.as_deref(), Some("u1"));
        let by_uid = pick(&all, &RegistryTarget::Uid("u3".into())).unwrap();
        assert_eq!(by_uid.kind.as_deref(), Some("oci"));
        let twice = pick(&all, &RegistryTarget::Name("shared".into())).unwrap_err();
        assert!(
            twice.contains("helm u2") && twice.contains("oci u3"),
            "{twice}"
        );
        let none = pick(&all, &RegistryTarget::Name("nope".into())).unwrap_err();
        assert!(none.contains("charts, shared"), "{none}");
    }

    #[test]
    fn the_state_shows_what_palette_has_and_no_secret() {
        let mut state = Value::Object(Default::default());
        let remote = Remote {
            endpoint: "https://e".into(),
            auth: Some(RegistryAuth {
                username: Some("robot".into()),
                password: Some("leak".into()),
                ..RegistryAuth::default()
            }),
            ..Remote::default()
        };
        write_state(&mut state, &remote, Kind::Helm);
        assert_eq!(state.get_str("username"), Some("robot"));
        assert!(state.get("provider_type").is_some_and(Value::is_null));
        assert_eq!(state.get_str("scope"), Some("tenant"));
        assert!(!format!("{state:?}").contains("leak"));

        let ecr = Remote {
            credentials: Some(AwsCloudAccount {
                credential_type: Some("sts".into()),
                access_key: Some("stale".into()),
                sts: Some(AwsStsCredentials {
                    arn: Some("arn:role".into()),
                    external_id: Some("x1".into()),
                }),
                ..AwsCloudAccount::default()
            }),
            ..Remote::default()
        };
        write_state(&mut state, &ecr, Kind::OciEcr);
        assert_eq!(state.get_str("role_arn"), Some("arn:role"));
        assert!(state.get("access_key").is_some_and(Value::is_null));
        assert_eq!(state.get_str("provider_type"), Some("helm"));
        assert_eq!(state.get_str("oci_provider"), Some("ecr"));
    }
}
