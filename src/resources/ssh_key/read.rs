//! Refresh (drift, a key gone) and import by uid or by name.

use palette_api::models::UserAssetSsh;
use tfplugin::resource::{ImportStateRequest, ImportStateResponse, ReadRequest, ReadResponse};
use tfplugin::{Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::{PaletteData, context_of};
use palette_stack::import_id::{ClusterTarget, parse_ssh_key_import_id};
use palette_stack::ssh_key::same_public_key;

/// The `read` handler: follows the key, or removes it from state when it is gone.
pub(super) async fn read(req: ReadRequest, resp: &mut ReadResponse) {
    const SUMMARY: &str = "Read SSH Key Error";
    let Some(uid) = req.state.get_str("id").map(str::to_owned) else {
        resp.remove();
        return;
    };
    let context = req.state.get_str("context").unwrap_or("project").to_owned();
    let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    match data.client.get_ssh_key(&scope, &uid).await {
        Ok(key) => apply_read(&mut resp.state, &key, &context),
        Err(err) if err.is_not_found() => resp.remove(),
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("reading SSH key {uid}"),
            &err,
        )),
    }
}

/// Sets what Palette says of the key on `state` (the prior state, or an import's): its name,
/// its context, and its public key, unless the state's text is the same key by meaning.
fn apply_read(state: &mut Value, key: &UserAssetSsh, context: &str) {
    let meta = key.metadata.as_ref();
    if let Some(name) = meta.and_then(|m| m.name.as_deref()) {
        state.set("name", name);
    }
    state.set("context", context_of(meta).unwrap_or(context));
    let api = key.spec.as_ref().and_then(|s| s.public_key.as_deref());
    let kept = state
        .get_str("public_key")
        .zip(api)
        .is_some_and(|(prior, api)| same_public_key(prior, api));
    if !kept {
        state.set("public_key", api.map_or(Value::Null, Value::from));
    }
}

/// The `import_state` handler: `UID` or `NAME`, optionally prefixed with `tenant/`.
pub(super) async fn import_state(req: ImportStateRequest, resp: &mut ImportStateResponse) {
    const SUMMARY: &str = "Import SSH Key Error";
    let id = match parse_ssh_key_import_id(&req.id) {
        Ok(id) => id,
        Err(err) => {
            return resp.diagnostics.error(
                "Invalid Import ID",
                format!(
                    "The import ID of a palette_ssh_key names one key: {err}. Examples: `ops` \
                     (by name), `tenant/ops`, or the key's uid."
                ),
            );
        }
    };
    let context = id.scope.context();
    let uid = match id.target {
        ClusterTarget::Uid(uid) => uid,
        ClusterTarget::Name(name) => {
            let (data, scope) =
                match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
                    Ok(connected) => connected,
                    Err(diag) => return resp.diagnostics.push(diag),
                };
            match data.client.find_ssh_key(&scope, &name).await {
                Ok(Some(uid)) => uid,
                Ok(None) => {
                    return resp.diagnostics.error(
                        "SSH Key Not Found",
                        format!(
                            "There is no SSH key named {name:?} in the {context} scope. Check \
                             the name, and use the prefix `tenant/` for a tenant key."
                        ),
                    );
                }
                Err(err) => {
                    return resp.diagnostics.push(diagnostics::api_error(
                        SUMMARY,
                        &format!("looking up SSH key {name:?}"),
                        &err,
                    ));
                }
            }
        }
    };
    resp.state.set("id", uid);
    resp.state.set("context", context);
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use palette_api::models::{ObjectMeta, UserAssetSshSpec};

    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq";

    fn stored(name: &str, scope: &str, public_key: &str) -> UserAssetSsh {
        UserAssetSsh {
            metadata: Some(ObjectMeta {
                name: Some(name.to_owned()),
                annotations: Some(BTreeMap::from([("scope".to_owned(), scope.to_owned())])),
                ..ObjectMeta::default()
            }),
            spec: Some(UserAssetSshSpec {
                public_key: Some(public_key.to_owned()),
            }),
        }
    }

    fn state(name: &str, public_key: Value) -> Value {
        let mut state = Value::Object(BTreeMap::new());
        state.set("id", "u1");
        state.set("name", name);
        state.set("public_key", public_key);
        state.set("context", "project");
        state
    }

    #[test]
    fn a_refresh_keeps_the_configured_text_of_the_same_key_and_shows_drift() {
        let cases = [
            (
                "file()'s newline is kept",
                state("ops", format!("{KEY} ops\n").into()),
                stored("ops", "project", &format!("{KEY} ops")),
                ("ops", format!("{KEY} ops\n"), "project"),
            ),
            (
                "a new comment is drift",
                state("ops", format!("{KEY} ops\n").into()),
                stored("ops", "project", &format!("{KEY} dev")),
                ("ops", format!("{KEY} dev"), "project"),
            ),
            (
                "a rename is drift",
                state("ops", KEY.into()),
                stored("renamed", "project", KEY),
                ("renamed", KEY.to_owned(), "project"),
            ),
            (
                "an import reads everything",
                state("", Value::Null),
                stored("ops", "tenant", KEY),
                ("ops", KEY.to_owned(), "tenant"),
            ),
        ];
        for (what, mut state, key, (name, public_key, context)) in cases {
            apply_read(&mut state, &key, "project");
            assert_eq!(state.get_str("name"), Some(name), "{what}");
            assert_eq!(
                state.get_str("public_key"),
                Some(public_key.as_str()),
                "{what}"
            );
            assert_eq!(state.get_str("context"), Some(context), "{what}");
        }
    }
}
