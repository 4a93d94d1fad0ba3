//! Reading one profile version into a state (the data source reads with it too), keeping the
//! prior state's text wherever Palette's means the same, and its order of packs and variables.

use std::collections::BTreeMap;

use palette_api::models::{
    ClusterProfile, ClusterProfileTemplate, PackRef, Variable, VariableFormat, VariableInputType,
};
use palette_api::{Client, Scope};
use tfplugin::resource::{ReadRequest, ReadResponse};
use tfplugin::{Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::{PaletteData, context_of};
use crate::resolve::PackResolver;
use crate::resources::pack_shared::{StoredProfile, non_empty, template_of};
use palette_stack::environment_names::Scope as EnvScope;
use palette_stack::layers::ProfileType;
use palette_stack::version::DEFAULT_VERSION;

/// The `read` handler: follows the profile version, or removes it when it is gone.
pub(super) async fn read(req: ReadRequest, resp: &mut ReadResponse) {
    const SUMMARY: &str = "Read Cluster Profile Error";
    let Some(uid) = req.state.get_str("id").map(str::to_owned) else {
        resp.remove();
        return;
    };
    let context = req.state.get_str("context").unwrap_or("project").to_owned();
    let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    match read_profile(&data.client, Some(&data.resolver), &scope, &uid, &req.state).await {
        Ok(Some(mut state)) => {
            if state.get("context").is_none_or(Value::is_null) {
                state.set("context", context);
            }
            resp.state = state;
        }
        Ok(None) => resp.remove(),
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("reading cluster profile {uid}"),
            &err,
        )),
    }
}

/// Text the API may drop when empty: the API's text, else the prior `""` when the state had
/// an empty string, else null. An empty string and no string then never differ after a read.
fn text_or_prior(api: Option<&str>, prior: Option<&Value>) -> Value {
    match api.filter(|s| !s.is_empty()) {
        Some(text) => Value::from(text),
        None if prior.and_then(Value::as_str) == Some("") => Value::from(""),
        None => Value::Null,
    }
}

/// `items` in the order the prior state's elements name them, then those it does not name.
fn in_prior_order<'a, T>(items: &'a [T], prior: &[Value], name: impl Fn(&T) -> &str) -> Vec<&'a T> {
    let mut ordered: Vec<&T> = prior
        .iter()
        .filter_map(|p| items.iter().find(|i| Some(name(i)) == p.get_str("name")))
        .collect();
    for item in items {
        if !ordered.iter().any(|o| name(o) == name(item)) {
            ordered.push(item);
        }
    }
    ordered
}

/// The prior element named `name`.
fn prior_named<'a>(prior: &'a [Value], name: &str) -> Option<&'a Value> {
    prior.iter().find(|p| p.get_str("name") == Some(name))
}

/// Reads one profile version into a state, keeping the prior state's text wherever the API's
/// means the same, and the prior order of packs and variables. `None` when it is gone.
pub(crate) async fn read_profile(
    client: &Client,
    resolver: Option<&PackResolver>,
    scope: &Scope,
    uid: &str,
    prior: &Value,
) -> Result<Option<Value>, palette_api::Error> {
    let profile = match client.get_cluster_profile(scope, uid).await {
        Ok(profile) => profile,
        Err(err) if err.is_not_found() => return Ok(None),
        Err(err) => return Err(err),
    };
    let Some(template) = template_of(&profile) else {
        return Ok(None);
    };
    let mut state = if prior.is_null() {
        Value::Object(BTreeMap::new())
    } else {
        prior.clone()
    };
    state.set("id", uid);
    set_header(&mut state, &profile, template, prior);

    // Packs, in the prior order, then any the prior state did not know.
    let api_packs = template.packs.clone().unwrap_or_default();
    let prior_packs = prior.get_elements("pack");
    let stored = StoredProfile {
        client,
        resolver,
        scope,
        uid,
    };
    let mut packs = Vec::new();
    for api in in_prior_order(&api_packs, prior_packs, |p| &p.name) {
        let prior_pack = prior_named(prior_packs, &api.name);
        packs.push(read_pack(&stored, api, prior_pack).await?);
    }
    state.set("pack", Value::List(packs));

    // Variables, in the prior order. The profile document does not carry them, so they cost a
    // second request, skipped when it cannot show anything (see `reads_variables`).
    let api_vars = if reads_variables(prior, &api_packs) {
        client
            .get_cluster_profile_variables(scope, uid)
            .await?
            .variables
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let prior_vars = prior.get_elements("variable");
    let vars: Vec<Value> = in_prior_order(&api_vars, prior_vars, |v| &v.name)
        .into_iter()
        .map(|v| variable_value(v, prior_named(prior_vars, &v.name)))
        .collect();
    state.set("variable", Value::List(vars));
    Ok(Some(state))
}

/// Sets the profile's own attributes: name, version, description, context, tags, type and
/// environment.
fn set_header(
    state: &mut Value,
    profile: &ClusterProfile,
    template: &ClusterProfileTemplate,
    prior: &Value,
) {
    let meta = profile.metadata.clone().unwrap_or_default();
    state.set("name", non_empty(meta.name.as_deref()));
    let version = profile
        .spec
        .as_ref()
        .and_then(|s| s.version.clone())
        .or_else(|| template.profile_version.clone())
        .unwrap_or_else(|| DEFAULT_VERSION.to_owned());
    state.set("version", version);
    let description = meta
        .annotations
        .as_ref()
        .and_then(|a| a.get("description"))
        .map(String::as_str);
    state.set(
        "description",
        text_or_prior(description, prior.get("description")),
    );
    // Where the profile lives, as Palette records it (an import by uid cannot say).
    if let Some(context) = context_of(profile.metadata.as_ref()) {
        state.set("context", context);
    }
    let tags = meta.labels.clone().unwrap_or_default();
    if tags.is_empty() && prior.get("tags").is_none_or(Value::is_null) {
        state.set("tags", Value::Null);
    } else {
        state.set(
            "tags",
            Value::Map(tags.into_iter().map(|(k, v)| (k, Value::from(v))).collect()),
        );
    }
    if let Some(kind) = template.type_.as_deref() {
        let hcl = ProfileType::from_api(kind)
            .map(ProfileType::hcl_name)
            .unwrap_or(kind);
        state.set("type", hcl);
    }
    if let Some(cloud_type) = template.cloud_type.as_deref() {
        let key = EnvScope::from_cloud_type(cloud_type)
            .map(EnvScope::key)
            .unwrap_or(cloud_type);
        state.set("environment", key);
    }
}

/// Whether a refresh reads the profile's variables. It does unless the prior state is a managed
/// one (not an import or a data source read) that declares no variable and no pack of the
/// profile can use one: no pack's values hold a `.spectro.var.` macro and no pack has manifests
/// (whose text the profile document does not carry). A configuration that adds variables shows
/// them as a change against that state anyway; what such a refresh does not see is a variable
/// added outside Terraform that no pack uses, which shows from the refresh after a pack starts
/// using it.
pub(super) fn reads_variables(prior: &Value, packs: &[PackRef]) -> bool {
    let managed = prior.get_str("name").is_some();
    let declares_none = prior
        .get("variable")
        .and_then(Value::as_elements)
        .is_some_and(<[Value]>::is_empty);
    let may_use = packs.iter().any(|p| {
        p.values
            .as_deref()
            .is_some_and(|v| v.contains(".spectro.var."))
            || p.manifests.as_ref().is_some_and(|m| !m.is_empty())
    });
    !(managed && declares_none) || may_use
}

/// One variable as state.
fn variable_value(v: &Variable, prior: Option<&Value>) -> Value {
    let prior_attr = |name: &str| prior.and_then(|p| p.get(name));
    let mut out = Value::Object(BTreeMap::new());
    out.set("name", v.name.clone());
    out.set(
        "display_name",
        text_or_prior(v.display_name.as_deref(), prior_attr("display_name")),
    );
    out.set(
        "description",
        text_or_prior(v.description.as_deref(), prior_attr("description")),
    );
    out.set(
        "format",
        v.format.unwrap_or(VariableFormat::String).as_str(),
    );
    out.set(
        "default_value",
        text_or_prior(v.default_value.as_deref(), prior_attr("default_value")),
    );
    out.set(
        "regex",
        text_or_prior(v.regex.as_deref(), prior_attr("regex")),
    );
    out.set("required", v.required.unwrap_or(false));
    out.set("immutable", v.immutable.unwrap_or(false));
    out.set("hidden", v.hidden.unwrap_or(false));
    out.set("sensitive", v.is_sensitive.unwrap_or(false));
    out.set(
        "input_type",
        v.input_type.unwrap_or(VariableInputType::Text).as_str(),
    );
    let prior_options = prior.map(|p| p.get_elements("option")).unwrap_or_default();
    let options: Vec<Value> = v
        .options
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|o| {
            let prior = prior_options
                .iter()
                .find(|p| p.get_str("value") == Some(o.value.as_str()));
            let mut option = Value::Object(BTreeMap::new());
            option.set("value", o.value.clone());
            option.set(
                "label",
                text_or_prior(o.label.as_deref(), prior.and_then(|p| p.get("label"))),
            );
            option.set(
                "description",
                text_or_prior(
                    o.description.as_deref(),
                    prior.and_then(|p| p.get("description")),
                ),
            );
            option.set("default", o.default_.unwrap_or(false));
            option
        })
        .collect();
    out.set("option", Value::List(options));
    out
}

/// One pack as state; a pack the prior state did not know is an import.
async fn read_pack(
    stored: &StoredProfile<'_>,
    api: &PackRef,
    prior: Option<&Value>,
) -> Result<Value, palette_api::Error> {
    let mut pack = Value::Object(BTreeMap::new());
    pack.set("name", api.name.clone());
    let registry_name = prior.and_then(|p| p.get("registry_name")).cloned();
    pack.set("registry_name", registry_name.unwrap_or(Value::Null));
    stored
        .read_pack(&mut pack, api, prior, prior.is_none())
        .await?;
    Ok(pack)
}
