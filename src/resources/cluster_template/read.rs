//! Refresh (drift, a template gone) and import by uid (`UID` or `tenant/UID`).

use tfplugin::ValueExt;
use tfplugin::resource::{ImportStateRequest, ImportStateResponse, ReadRequest, ReadResponse};

use crate::diagnostics;
use crate::provider_data::PaletteData;

use super::model::apply_read;

/// The `read` handler: follows the template, or removes it from state when it is gone.
pub(super) async fn read(req: ReadRequest, resp: &mut ReadResponse) {
    const SUMMARY: &str = "Read Cluster Template Error";
    let Some(uid) = req.state.get_str("id").map(str::to_owned) else {
        resp.remove();
        return;
    };
    let context = req.state.get_str("context").unwrap_or("project").to_owned();
    let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    match data.client.get_cluster_template(&scope, &uid).await {
        Ok(template) => apply_read(&mut resp.state, &template),
        Err(err) if err.is_not_found() => resp.remove(),
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("reading cluster template {uid}"),
            &err,
        )),
    }
}

/// The context and uid an import ID names: `UID` (project) or `tenant/UID`.
fn parse_import_id(id: &str) -> Option<(&'static str, &str)> {
    let (context, uid) = match id.split_once('/') {
        Some(("tenant", uid)) => ("tenant", uid),
        Some(("project", uid)) => ("project", uid),
        Some(_) => return None,
        None => ("project", id),
    };
    let valid = !uid.is_empty() && uid.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    valid.then_some((context, uid))
}

/// The `import_state` handler: sets the uid and context; the read that follows fills the rest.
pub(super) async fn import_state(req: ImportStateRequest, resp: &mut ImportStateResponse) {
    let Some((context, uid)) = parse_import_id(&req.id) else {
        return resp.diagnostics.error(
            "Invalid Import ID",
            format!(
                "The import ID of a palette_cluster_template is the template's uid, prefixed \
                 with `tenant/` for a tenant template; got {:?}.",
                req.id
            ),
        );
    };
    resp.state.set("id", uid);
    resp.state.set("context", context);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_ids_name_a_uid_and_a_context() {
        assert_eq!(parse_import_id("abc123"), Some(("project", "abc123")));
        assert_eq!(parse_import_id("tenant/abc123"), Some(("tenant", "abc123")));
        assert_eq!(parse_import_id("team/abc123"), None);
        assert_eq!(parse_import_id(""), None);
        assert_eq!(parse_import_id("tenant/"), None);
    }
}
