//! The `palette_cluster_profile` resource: one version of a layered stack template.
//!
//! The plan is exact: every pack is resolved against its registry while planning (uid and layer
//! are known before apply), the layer rules and environments are checked, and YAML values and
//! manifests are compared by meaning, so a plan keeps the text already in state whenever the
//! configuration says the same thing differently. Apply then stores the planned values as they
//! are, so the state after apply always equals the plan.
//!
//! A `version` change clones the current version into a new one and moves the resource there;
//! the old version stays in Palette for the clusters pinned to it.

use std::collections::BTreeMap;
use std::str::FromStr;

use palette_api::models::{
    ClusterProfileCloneEntity, ClusterProfileCloneMetaInputEntity, ClusterProfileEntity,
    ClusterProfileEntitySpec, ClusterProfileSpecEntity, ClusterProfileTemplate,
    ClusterProfileTemplateDraft, ClusterProfileTemplateUpdate, ClusterProfileUpdateEntity,
    ClusterProfileUpdateEntitySpec, ManifestInputEntity, ManifestRefUpdateEntity, ObjectMeta,
    ObjectMetaInputEntity, PackManifestEntity, PackManifestUpdateEntity, PackRef, PackType,
    ProfileMetaEntity, ProfileType as ApiProfileType, Variable, VariableFormat, VariableInputType,
    VariableOption, Variables,
};
use palette_api::{Client, Scope};
use tfplugin::plan_modifier::requires_replace;
use tfplugin::resource::*;
use tfplugin::validator::{length_between, one_of};
use tfplugin::{
    Attribute, AttributePath, Block, Context, Diagnostic, Diagnostics, NestedBlock, Nesting,
    Resource, Schema, Type, Value, ValueExt,
};

use crate::diagnostics;
use crate::import_id::{ProfileTarget, parse_profile_import_id};
use crate::provider_data::{PaletteData, context_of, scoped_key};
use crate::resolve::{PackResolver, ResolveError};
use crate::resources::pack_shared::{
    MANIFEST_PACK_UID, fill_from_stored, keep_prior_text, manifest_block, non_empty,
    read_manifests, registry_uid_attribute, set_stored, template_of, type_attribute, uid_attribute,
};
use crate::stack::environment_names::{self, Scope as EnvScope};
use crate::stack::layers::{Layer, PackLayerInfo, ProfileType, check_stack};
use crate::stack::values;
use crate::stack::version::{DEFAULT_VERSION, ProfileVersion};

/// `palette_cluster_profile`.
#[derive(Debug, Default)]
pub(crate) struct ClusterProfileResource;

/// The path of pack `index`.
fn pack_path(index: usize) -> AttributePath {
    AttributePath::root("pack").index(index as i64)
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

/// The API's profile type for an HCL `type`.
fn api_profile_type(kind: ProfileType) -> ApiProfileType {
    match kind {
        ProfileType::Full => ApiProfileType::Cluster,
        ProfileType::Infra => ApiProfileType::Infra,
        ProfileType::AddOn => ApiProfileType::AddOn,
    }
}

/// The schema of one `pack` block.
fn pack_block() -> Block {
    Block::new()
        .description("One layer of the stack. Packs are listed in stack order.")
        .attribute(
            Attribute::string("name")
                .required()
                .validator(length_between(1, 256))
                .description("Name of the pack, such as `kubernetes` or `cni-calico`; unique in the profile."),
        )
        .attribute(Attribute::string("tag").optional().computed().description(
            "Version of the pack, such as `1.32.10`. Required unless `type` is `manifest` \
             (Palette gives manifest packs a version of its own).",
        ))
        .attribute(
            Attribute::string("registry_name")
                .optional()
                .computed()
                .description(
                    "Registry the pack comes from, by name. When neither this nor `registry_uid` \
                     is set, `Public Repo`. When both are set they must name the same registry.",
                ),
        )
        .attribute(registry_uid_attribute())
        .attribute(type_attribute())
        .attribute(
            Attribute::string("values")
                .optional()
                .computed()
                .description(
                    "The pack's values (YAML). Compared by meaning: key order, quoting, comments \
                     and whitespace make no difference. When left out, the pack's defaults.",
                ),
        )
        .attribute(uid_attribute())
        .attribute(Attribute::string("layer").computed().description(
            "Layer the pack fills: `os`, `k8s`, `cni`, `csi` or `addon`, known at plan.",
        ))
        .block(NestedBlock::new("manifest", Nesting::List, manifest_block()))
}

/// The schema of one `variable` block.
fn variable_block() -> Block {
    Block::new()
        .description("A profile variable, usable in pack values as `{{ .spectro.var.NAME }}`.")
        .attribute(
            Attribute::string("name")
                .required()
                .description("Name of the variable, unique in the profile."),
        )
        .attribute(
            Attribute::string("display_name")
                .optional()
                .description("Name shown in Palette's UI."),
        )
        .attribute(
            Attribute::string("description")
                .optional()
                .description("What the variable is for."),
        )
        .attribute(
            Attribute::string("format")
                .optional()
                .default("string")
                .validator(one_of([
                    "string", "number", "boolean", "ipv4", "ipv4cidr", "ipv6", "version", "base64",
                ]))
                .description(
                    "Format of the value: `string` (default), `number`, `boolean`, `ipv4`, \
                     `ipv4cidr`, `ipv6`, `version` or `base64`.",
                ),
        )
        .attribute(
            Attribute::string("default_value")
                .optional()
                .description("Value used when a cluster gives none."),
        )
        .attribute(
            Attribute::string("regex")
                .optional()
                .description("Regular expression a value must match."),
        )
        .attribute(
            Attribute::bool("required")
                .optional()
                .default(false)
                .description("Whether a cluster must give a value (default false)."),
        )
        .attribute(
            Attribute::bool("immutable")
                .optional()
                .default(false)
                .description("Whether a cluster may not change the value (default false)."),
        )
        .attribute(
            Attribute::bool("hidden")
                .optional()
                .default(false)
                .description("Whether the variable is hidden from clusters (default false)."),
        )
        .attribute(
            Attribute::bool("sensitive")
                .optional()
                .default(false)
                .description("Whether Palette masks the value (default false)."),
        )
        .attribute(
            Attribute::string("input_type")
                .optional()
                .default("text")
                .validator(one_of(["text", "dropdown", "multiline"]))
                .description(
                    "How Palette's UI asks for it: `text` (default), `dropdown` (choices in \
                     `option` blocks) or `multiline`.",
                ),
        )
        .block(NestedBlock::new("option", Nesting::List, option_block()))
}

/// The schema of one `option` block of a dropdown variable.
fn option_block() -> Block {
    Block::new()
        .description("A choice offered by a `dropdown` variable.")
        .attribute(
            Attribute::string("value")
                .required()
                .description("The value the choice gives the variable."),
        )
        .attribute(
            Attribute::string("label")
                .optional()
                .description("Text shown for the choice."),
        )
        .attribute(
            Attribute::string("description")
                .optional()
                .description("Tooltip of the choice."),
        )
        .attribute(
            Attribute::bool("default")
                .optional()
                .default(false)
                .description("Whether the choice is selected by default (default false)."),
        )
}

/// The environment values accepted by `environment`.
fn environment_values() -> Vec<&'static str> {
    let mut all = vec!["all"];
    all.extend(environment_names::ALL.iter().map(|e| e.key()));
    all
}

#[tfplugin::async_trait]
impl Resource for ClusterProfileResource {
    fn type_name(&self) -> &str {
        "cluster_profile"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "A cluster profile: one version of a layered stack (os, Kubernetes, network, \
                     storage, add-ons) that clusters are built from. Changing `version` makes a \
                     new version and leaves the old one to the clusters that use it.",
                )
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .description("Uid of this version of the profile."),
                )
                .attribute(
                    Attribute::string("name")
                        .required()
                        .validator(length_between(1, 256))
                        .plan_modifier(requires_replace())
                        .description(
                            "Name of the profile; its versions share it. Changing it makes a new \
                             profile.",
                        ),
                )
                .attribute(
                    Attribute::string("version")
                        .optional()
                        .default(DEFAULT_VERSION)
                        .description(
                            "Version, `MAJOR.MINOR.PATCH` (default `1.0.0`). A change clones this \
                             version into the new one and moves the resource there; the old \
                             version is left untouched.",
                        ),
                )
                .attribute(
                    Attribute::string("description")
                        .optional()
                        .description("Description of the profile."),
                )
                .attribute(
                    Attribute::map("tags", Type::String)
                        .optional()
                        .description("Tags (Palette labels) of the profile."),
                )
                .attribute(
                    Attribute::string("context")
                        .optional()
                        .default("project")
                        .validator(one_of(["project", "tenant"]))
                        .plan_modifier(requires_replace())
                        .description(
                            "Where the profile lives: `project` (the provider's project, default) \
                             or `tenant` (shared by all projects). Changing it makes a new profile.",
                        ),
                )
                .attribute(
                    Attribute::string("type")
                        .optional()
                        .default("add-on")
                        .validator(one_of(["full", "infra", "add-on"]))
                        .plan_modifier(requires_replace())
                        .description(
                            "Kind of profile: `full` (core layers and add-ons), `infra` (os, k8s, \
                             cni and csi only) or `add-on` (default). Changing it makes a new \
                             profile.",
                        ),
                )
                .attribute(
                    Attribute::string("environment")
                        .optional()
                        .default("all")
                        .validator(one_of(environment_values()))
                        .plan_modifier(requires_replace())
                        .description(format!(
                            "Environment the profile is for: one of {}, or `all` (default, add-on \
                             profiles only). Changing it makes a new profile.",
                            environment_names::all_keys()
                        )),
                )
                .block(NestedBlock::new("pack", Nesting::List, pack_block()).min_items(1))
                .block(NestedBlock::new("variable", Nesting::List, variable_block())),
        )
    }

    async fn validate_config(
        &self,
        _ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        let config = &req.config;
        if let Some(version) = config.get_str("version")
            && let Err(err) = ProfileVersion::parse(version)
        {
            resp.diagnostics.attribute_error(
                AttributePath::root("version"),
                "Invalid Profile Version",
                format!("{err}."),
            );
        }
        for (i, pack) in config.get_elements("pack").iter().enumerate() {
            let path = pack_path(i);
            let kind = pack.get("type");
            let is_manifest = kind.and_then(Value::as_str) == Some("manifest");
            let kind_known = kind.is_none_or(|k| !k.is_unknown());
            let manifests = pack.get("manifest");
            if is_manifest {
                if manifests
                    .and_then(Value::as_elements)
                    .is_some_and(<[Value]>::is_empty)
                {
                    resp.diagnostics.attribute_error(
                        path.clone().attr("manifest"),
                        "Missing Manifest",
                        "A pack of type \"manifest\" needs at least one `manifest` block.",
                    );
                }
            } else if kind_known {
                if pack.get("tag").is_some_and(Value::is_null) {
                    resp.diagnostics.attribute_error(
                        path.clone().attr("tag"),
                        "Missing Pack Tag",
                        "Every pack but a manifest pack needs a `tag` (its version). The \
                         palette_pack data source lists the tags on offer.",
                    );
                }
                if manifests
                    .and_then(Value::as_elements)
                    .is_some_and(|m| !m.is_empty())
                {
                    resp.diagnostics.attribute_error(
                        path.clone().attr("manifest"),
                        "Unexpected Manifest",
                        "Only packs of type \"manifest\" take `manifest` blocks; set `type = \
                         \"manifest\"` or move the manifests to a manifest pack.",
                    );
                }
            }
            for (j, manifest) in pack.get_elements("manifest").iter().enumerate() {
                if manifest.get("content").is_some_and(Value::is_null) {
                    resp.diagnostics.attribute_error(
                        path.clone()
                            .attr("manifest")
                            .index(j as i64)
                            .attr("content"),
                        "Missing Manifest Content",
                        "Every manifest needs its `content` (YAML).",
                    );
                }
            }
        }
        let mut pack_names: Vec<&str> = Vec::new();
        for (i, pack) in config.get_elements("pack").iter().enumerate() {
            if let Some(name) = pack.get_str("name") {
                if let Some(first) = pack_names.iter().position(|n| *n == name) {
                    resp.diagnostics.attribute_error(
                        pack_path(i).attr("name"),
                        "Duplicate Pack",
                        format!(
                            "pack[{i}] uses the same name {name:?} as pack[{first}]; pack names \
                             must be unique in a profile."
                        ),
                    );
                }
                pack_names.push(name);
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for (i, variable) in config.get_elements("variable").iter().enumerate() {
            if let Some(name) = variable.get_str("name") {
                if seen.contains(&name) {
                    resp.diagnostics.attribute_error(
                        AttributePath::root("variable").index(i as i64).attr("name"),
                        "Duplicate Variable",
                        format!("Variable {name:?} is defined twice; variable names are unique in a profile."),
                    );
                }
                seen.push(name);
            }
        }
    }

    async fn modify_plan(
        &self,
        _ctx: &Context,
        req: ModifyPlanRequest,
        resp: &mut ModifyPlanResponse,
    ) {
        if req.plan.is_null() {
            return;
        }
        plan_profile(&req, resp).await;
    }

    async fn create(&self, _ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        const SUMMARY: &str = "Create Cluster Profile Error";
        let plan = &req.plan;
        let name = plan.get_str("name").unwrap_or_default().to_owned();
        let version = plan
            .get_str("version")
            .unwrap_or(DEFAULT_VERSION)
            .to_owned();
        let what = format!("creating cluster profile {name:?} version {version}");
        let (data, scope) = match PaletteData::connect(
            &req.provider_data,
            plan.get_str("context").unwrap_or("project"),
            SUMMARY,
        )
        .await
        {
            Ok(connected) => connected,
            Err(diag) => {
                resp.diagnostics.push(diag);
                resp.state = Value::Null;
                return;
            }
        };
        let kind = ProfileType::from_hcl(plan.get_str("type").unwrap_or("add-on"))
            .unwrap_or(ProfileType::AddOn);
        let environment = plan.get_str("environment").unwrap_or("all");
        let cloud_type = EnvScope::from_key(environment)
            .map(EnvScope::cloud_type)
            .unwrap_or(environment);
        let entity = ClusterProfileEntity {
            metadata: Some(object_meta(plan)),
            spec: Some(ClusterProfileEntitySpec {
                template: Some(ClusterProfileTemplateDraft {
                    cloud_type: Some(cloud_type.to_owned()),
                    packs: Some(create_packs(plan)),
                    type_: Some(api_profile_type(kind)),
                }),
                variables: Some(variables_of(plan)),
                version: Some(version.clone()),
            }),
        };
        let uid = match data
            .client
            .create_cluster_profile_idempotent(&scope, &entity, false)
            .await
        {
            Ok(uid) => uid,
            Err(err) if err.is_conflict() => {
                resp.diagnostics.push(Diagnostic::error(
                    "Cluster Profile Version Exists",
                    format!(
                        "Cluster profile {name:?} version {version} already exists in Palette, \
                         made outside this configuration. Import it with `terraform import \
                         <address> {prefix}{name}@{version}`, or choose another version.\n\n\
                         Original Error: {err}",
                        prefix = if plan.get_str("context") == Some("tenant") {
                            "tenant/"
                        } else {
                            ""
                        }
                    ),
                ));
                resp.state = Value::Null;
                return;
            }
            Err(err) => {
                resp.diagnostics
                    .push(diagnostics::api_error(SUMMARY, &what, &err));
                resp.state = Value::Null;
                return;
            }
        };
        // Recorded before publishing, so a failure leaves the new profile in state.
        resp.state.set("id", uid.clone());
        if let Err(err) = data.client.publish_cluster_profile(&scope, &uid).await {
            resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                &format!("publishing cluster profile {name:?} version {version}"),
                &err,
            ));
        }
        fill_unknowns(
            &data.client,
            &scope,
            &uid,
            &mut resp.state,
            &mut resp.diagnostics,
            SUMMARY,
        )
        .await;
        clear_unknowns(&mut resp.state);
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Cluster Profile Error";
        let Some(uid) = req.state.get_str("id").map(str::to_owned) else {
            resp.remove();
            return;
        };
        let context = req.state.get_str("context").unwrap_or("project").to_owned();
        let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await
        {
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

    async fn update(&self, _ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        const SUMMARY: &str = "Update Cluster Profile Error";
        let plan = &req.plan;
        let prior = &req.state;
        let name = plan.get_str("name").unwrap_or_default().to_owned();
        let version = plan
            .get_str("version")
            .unwrap_or(DEFAULT_VERSION)
            .to_owned();
        let old_uid = prior.get_str("id").unwrap_or_default().to_owned();
        let (data, scope) = match PaletteData::connect(
            &req.provider_data,
            plan.get_str("context").unwrap_or("project"),
            SUMMARY,
        )
        .await
        {
            Ok(connected) => connected,
            Err(diag) => {
                resp.diagnostics.push(diag);
                resp.state = prior.clone();
                return;
            }
        };
        // A cluster planned later in this command must not check against the old content.
        data.lookups.profiles.forget(&scoped_key(&scope, &old_uid));
        let mut uid = old_uid.clone();
        if prior.get_str("version") != Some(version.as_str()) {
            let clone = ClusterProfileCloneEntity {
                metadata: Some(ClusterProfileCloneMetaInputEntity {
                    name: name.clone(),
                    target: None,
                    version: Some(version.clone()),
                }),
            };
            match data
                .client
                .clone_cluster_profile_idempotent(&scope, &old_uid, &clone)
                .await
            {
                Ok(new_uid) => uid = new_uid,
                Err(err) => {
                    resp.diagnostics.push(diagnostics::api_error(
                        SUMMARY,
                        &format!(
                            "cloning cluster profile {name:?} version {} into version {version}",
                            prior.get_str("version").unwrap_or_default()
                        ),
                        &err,
                    ));
                    resp.state = prior.clone();
                    return;
                }
            }
        }
        // From here on the resource is the (possibly new) version `uid`.
        resp.state.set("id", uid.clone());
        let what = format!("updating cluster profile {name:?} version {version}");
        // After a failure the state is the prior one moved to `uid`: the next refresh reads
        // what that version holds, and the next plan shows what is left to do.
        let mut failed_state = prior.clone();
        failed_state.set("id", uid.clone());
        failed_state.set("version", version.clone());
        let fail = |resp: &mut UpdateResponse, err: &palette_api::Error| {
            resp.diagnostics
                .push(diagnostics::api_error(SUMMARY, &what, err));
            resp.state = failed_state.clone();
        };
        // Variables first: Palette checks the packs' references to them.
        let variables = Variables {
            variables: Some(variables_of(plan)),
        };
        if (uid != old_uid || plan.get("variable") != prior.get("variable"))
            && let Err(err) = data
                .client
                .put_cluster_profile_variables(&scope, &uid, &variables)
                .await
        {
            fail(resp, &err);
            return;
        }
        let current = match data.client.get_cluster_profile(&scope, &uid).await {
            Ok(profile) => profile,
            Err(err) => {
                fail(resp, &err);
                return;
            }
        };
        let kind = ProfileType::from_hcl(plan.get_str("type").unwrap_or("add-on"))
            .unwrap_or(ProfileType::AddOn);
        let update = ClusterProfileUpdateEntity {
            metadata: Some(object_meta(plan)),
            spec: Some(ClusterProfileUpdateEntitySpec {
                template: Some(ClusterProfileTemplateUpdate {
                    packs: Some(update_packs(plan, template_of(&current))),
                    type_: Some(api_profile_type(kind)),
                }),
                version: Some(version.clone()),
            }),
        };
        if let Err(err) = data
            .client
            .update_cluster_profile(&scope, &uid, &update)
            .await
        {
            fail(resp, &err);
            return;
        }
        let meta = ProfileMetaEntity {
            metadata: ObjectMetaInputEntity {
                annotations: Some(annotations(plan)),
                labels: Some(labels(plan)),
                name: Some(name.clone()),
            },
            spec: Some(ClusterProfileSpecEntity {
                version: Some(version.clone()),
            }),
        };
        if let Err(err) = data
            .client
            .patch_cluster_profile_metadata(&scope, &uid, &meta)
            .await
        {
            fail(resp, &err);
            return;
        }
        if let Err(err) = data.client.publish_cluster_profile(&scope, &uid).await {
            fail(resp, &err);
            return;
        }
        fill_unknowns(
            &data.client,
            &scope,
            &uid,
            &mut resp.state,
            &mut resp.diagnostics,
            SUMMARY,
        )
        .await;
        clear_unknowns(&mut resp.state);
    }

    async fn delete(&self, _ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        const SUMMARY: &str = "Delete Cluster Profile Error";
        let state = &req.state;
        let Some(uid) = state.get_str("id") else {
            return;
        };
        let name = state.get_str("name").unwrap_or_default();
        let version = state.get_str("version").unwrap_or_default();
        let (data, scope) = match PaletteData::connect(
            &req.provider_data,
            state.get_str("context").unwrap_or("project"),
            SUMMARY,
        )
        .await
        {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        data.lookups.profiles.forget(&scoped_key(&scope, uid));
        let err = match data.client.delete_cluster_profile(&scope, uid).await {
            Ok(()) => return,
            Err(err) if err.is_not_found() => return,
            Err(err) => err,
        };
        let users: Vec<String> = match data.client.get_cluster_profile(&scope, uid).await {
            Ok(profile) => profile
                .status
                .and_then(|s| s.in_use_clusters)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|c| c.name)
                .collect(),
            Err(_) => Vec::new(),
        };
        if users.is_empty() {
            resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                &format!("deleting cluster profile {name:?} version {version}"),
                &err,
            ));
        } else {
            resp.diagnostics.push(Diagnostic::error(
                "Cluster Profile In Use",
                format!(
                    "Cluster profile {name:?} version {version} is used by these clusters: {}. \
                     Palette deletes a profile version only when no cluster uses it: move those \
                     clusters to another version (or delete them) first.\n\nOriginal Error: {err}",
                    users.join(", ")
                ),
            ));
        }
    }

    async fn import_state(
        &self,
        _ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        const SUMMARY: &str = "Import Cluster Profile Error";
        let id = match parse_profile_import_id(&req.id) {
            Ok(id) => id,
            Err(err) => {
                resp.diagnostics.error(
                    "Invalid Import ID",
                    format!(
                        "The import ID of a palette_cluster_profile names one version of a \
                         profile: {err}. Examples: `aws-base@1.0.0`, `aws-base` (newest version), \
                         `tenant/shared-addons@2.1.0`, or the uid."
                    ),
                );
                return;
            }
        };
        let context = id.scope.context();
        let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let uid = match id.target {
            ProfileTarget::Uid(uid) => uid,
            ProfileTarget::Name { name, version } => {
                let version = version.map(|v| v.to_string());
                match data
                    .client
                    .find_cluster_profile(&scope, &name, version.as_deref())
                    .await
                {
                    Ok(Some(uid)) => uid,
                    Ok(None) => {
                        resp.diagnostics.error(
                            "Cluster Profile Not Found",
                            format!(
                                "There is no cluster profile named {name:?}{} in the {context} \
                                 scope. Check the name (and version), and use the prefix \
                                 `tenant/` for a tenant profile.",
                                version
                                    .map(|v| format!(" at version {v}"))
                                    .unwrap_or_default()
                            ),
                        );
                        return;
                    }
                    Err(err) => {
                        resp.diagnostics.push(diagnostics::api_error(
                            SUMMARY,
                            &format!("looking up cluster profile {name:?}"),
                            &err,
                        ));
                        return;
                    }
                }
            }
        };
        resp.state.set("id", uid);
        resp.state.set("context", context);
    }
}

/// The plan: packs resolved, values kept by meaning, checks reported at their attributes.
async fn plan_profile(req: &ModifyPlanRequest, resp: &mut ModifyPlanResponse) {
    let config = &req.config;
    let prior = &req.state;
    let creating = prior.is_null();
    // The id stays unless a new version object is made.
    let version = resp.plan.get("version").cloned().unwrap_or(Value::Null);
    let version_changes = !creating && prior.get("version") != Some(&version);
    if !creating {
        let id = if version_changes {
            Value::unknown()
        } else {
            prior.get("id").cloned().unwrap_or(Value::Null)
        };
        resp.plan.set("id", id);
    }

    if req.provider_data.get::<PaletteData>().is_none() {
        // An unknown provider configuration: nothing can be looked up yet.
        return;
    }
    let Some(context) = resp.plan.get_str("context").map(str::to_owned) else {
        return;
    };
    let (data, scope) = match PaletteData::connect(
        &req.provider_data,
        &context,
        "Plan Cluster Profile Error",
    )
    .await
    {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };

    // A new version that already exists will be refused at apply: say so now, as a warning,
    // because Terraform also plans the configuration before a destroy, when a version change
    // is moot. (A create is not checked: when a profile is replaced, Terraform plans the create
    // while the old version, with the same name and version, still exists.)
    if version_changes
        && let (Some(name), Some(version)) = (resp.plan.get_str("name"), version.as_str())
    {
        match data
            .client
            .find_cluster_profile(&scope, name, Some(version))
            .await
        {
            Ok(Some(uid)) => resp.diagnostics.attribute_warning(
                AttributePath::root("version"),
                "Cluster Profile Version Exists",
                format!(
                    "Cluster profile {name:?} version {version} already exists in Palette \
                     (uid {uid}), so applying this change will fail. Choose another version, \
                     or import it with `terraform import <address> {prefix}{name}@{version}`.",
                    prefix = if context == "tenant" { "tenant/" } else { "" }
                ),
            ),
            Ok(None) => {}
            Err(err) => resp.diagnostics.push(diagnostics::api_error(
                "Plan Cluster Profile Error",
                &format!("looking up cluster profile {name:?}"),
                &err,
            )),
        }
    }

    let Some(config_packs) = config.get("pack").and_then(Value::as_elements) else {
        return;
    };
    let Some(mut plan_packs) = resp
        .plan
        .get("pack")
        .and_then(Value::as_elements)
        .map(<[Value]>::to_vec)
    else {
        return;
    };
    let prior_packs = prior.get_elements("pack");
    let profile_type = resp
        .plan
        .get_str("type")
        .and_then(|t| ProfileType::from_hcl(t).ok());
    let environment = resp
        .plan
        .get_str("environment")
        .and_then(|e| EnvScope::from_key(e).ok());
    let mut infos: Vec<(usize, String, Layer, Vec<String>)> = Vec::new();
    let mut complete = true;
    for (i, (cfg, planned)) in config_packs.iter().zip(plan_packs.iter_mut()).enumerate() {
        let path = pack_path(i);
        let name = cfg.get_str("name");
        let kind = planned.get_str("type").map(str::to_owned);
        let prior_pack =
            name.and_then(|n| prior_packs.iter().find(|p| p.get_str("name") == Some(n)));
        let same_tag = prior_pack.is_some_and(|p| p.get("tag") == cfg.get("tag"));

        // Manifests: content by meaning, uids carried over.
        let mut manifests = planned.get_elements("manifest").to_vec();
        for (j, manifest) in manifests.iter_mut().enumerate() {
            let cfg_manifest = cfg
                .get_elements("manifest")
                .get(j)
                .cloned()
                .unwrap_or(Value::Null);
            let prior_manifest = prior_pack.and_then(|p| {
                p.get_elements("manifest")
                    .iter()
                    .find(|m| m.get("name") == cfg_manifest.get("name"))
            });
            if let Some(content) = cfg_manifest.get_str("content") {
                let content_path = path
                    .clone()
                    .attr("manifest")
                    .index(j as i64)
                    .attr("content");
                if let Err(err) = values::normalize(content) {
                    resp.diagnostics.attribute_error(
                        content_path,
                        "Invalid Manifest YAML",
                        format!("The manifest is not valid YAML: {err}."),
                    );
                }
                manifest.set(
                    "content",
                    keep_prior_text(content, prior_manifest, "content"),
                );
            }
            let uid = match prior_manifest.and_then(|m| m.get("uid")) {
                Some(uid) if !version_changes && !uid.is_null() => uid.clone(),
                _ => Value::unknown(),
            };
            manifest.set("uid", uid);
        }
        planned.set("manifest", Value::List(manifests));

        // Values given in the configuration.
        let config_values = cfg.get("values").cloned().unwrap_or(Value::Null);
        if let Some(text) = config_values.as_str() {
            if let Err(err) = values::normalize(text) {
                resp.diagnostics.attribute_error(
                    path.clone().attr("values"),
                    "Invalid Pack Values",
                    format!(
                        "The values of pack {:?} are not valid YAML: {err}.",
                        name.unwrap_or_default()
                    ),
                );
            }
            planned.set("values", keep_prior_text(text, prior_pack, "values"));
        }

        if kind.as_deref() == Some("manifest") {
            planned.set("uid", MANIFEST_PACK_UID);
            planned.set("layer", Layer::Addon.as_str());
            if cfg.get("registry_uid").is_none_or(Value::is_null) {
                planned.set("registry_uid", Value::Null);
            }
            if cfg.get("registry_name").is_none_or(Value::is_null) {
                planned.set("registry_name", Value::Null);
            }
            if config_values.is_null() {
                planned.set("values", keep_prior_text("", prior_pack, "values"));
            }
            if cfg.get("tag").is_some_and(Value::is_null) {
                let tag = prior_pack
                    .and_then(|p| p.get("tag"))
                    .filter(|t| !t.is_null())
                    .cloned()
                    .unwrap_or_else(Value::unknown);
                planned.set("tag", tag);
            }
            if let Some(name) = name {
                infos.push((i, name.to_owned(), Layer::Addon, Vec::new()));
            }
            continue;
        }

        let registry_uid = cfg.get("registry_uid").cloned().unwrap_or(Value::Null);
        let registry_name = cfg.get("registry_name").cloned().unwrap_or(Value::Null);
        let tag = cfg.get("tag").cloned().unwrap_or(Value::Null);
        let (Some(name), Some(kind)) = (name, kind) else {
            complete = false;
            continue;
        };
        if registry_uid.is_unknown() || registry_name.is_unknown() || tag.is_unknown() {
            complete = false;
            // Without the tag, keep what is known about the same pack.
            if same_tag
                && config_values.is_null()
                && let Some(p) = prior_pack
            {
                planned.set("values", p.get("values").cloned().unwrap_or(Value::Null));
            }
            continue;
        }
        let Some(tag) = tag.as_str() else {
            // Reported by validate_config.
            complete = false;
            continue;
        };
        let pack_kind = PackType::from_str(&kind).unwrap_or(PackType::Spectro);
        let resolved = data
            .resolver
            .resolve_kind(
                &scope,
                pack_kind,
                name,
                Some(tag),
                registry_uid.as_str(),
                registry_name.as_str(),
            )
            .await;
        let resolved = match resolved {
            Ok(Some(resolved)) => resolved,
            Ok(None) => {
                complete = false;
                continue;
            }
            Err(err) => {
                complete = false;
                report_resolve_error(&mut resp.diagnostics, &path, err, &registry_name);
                continue;
            }
        };
        // The pack's type follows the registry that serves it.
        if let Some((served, registry)) = data
            .resolver
            .served_pack_type(&scope, &resolved.registry_uid)
            .await
            && served != kind
        {
            resp.diagnostics.attribute_error(
                path.clone().attr("type"),
                "Pack Type Mismatch",
                format!(
                    "Pack {name:?} comes from registry {registry:?}, which serves {served} packs, \
                     but the pack says type = {kind:?}. Set type = {served:?} or pick another \
                     registry."
                ),
            );
        }
        planned.set("uid", resolved.uid.clone());
        let layer = Layer::from_api(resolved.layer.as_str()).unwrap_or(Layer::Addon);
        planned.set("layer", layer.as_str());
        if registry_uid.is_null() {
            planned.set("registry_uid", resolved.registry_uid.clone());
        }
        if let (Some(uid), Some(registry)) = (registry_uid.as_str(), registry_name.as_str()) {
            match data.resolver.registry_by_name(&scope, registry).await {
                Ok(found) if found.uid.as_deref() != Some(uid) => {
                    resp.diagnostics.attribute_error(
                        path.clone().attr("registry_uid"),
                        "Conflicting Registry",
                        format!(
                            "registry_uid {uid:?} is not the uid of registry {registry:?} ({}); \
                             set only one of registry_name and registry_uid.",
                            found.uid.unwrap_or_default()
                        ),
                    );
                }
                Ok(_) => {}
                Err(err) => report_resolve_error(&mut resp.diagnostics, &path, err, &registry_name),
            }
        }
        if registry_name.is_null() {
            // Kept from the prior state when it still names the registry the pack comes from.
            let kept = prior_pack
                .filter(|p| p.get_str("registry_uid") == Some(resolved.registry_uid.as_str()))
                .and_then(|p| p.get("registry_name"))
                .filter(|n| !n.is_unknown())
                .cloned()
                .unwrap_or(Value::Null);
            planned.set("registry_name", kept);
        }
        if config_values.is_null() {
            planned.set(
                "values",
                keep_prior_text(&resolved.default_values, prior_pack, "values"),
            );
        }
        infos.push((i, name.to_owned(), layer, resolved.cloud_types.clone()));
    }
    resp.plan.set("pack", Value::List(plan_packs));

    if complete
        && infos.len() == config_packs.len()
        && let (Some(profile_type), Some(environment)) = (profile_type, environment)
    {
        // Duplicate names are reported by validate_config; each name is checked once here.
        let layer_infos: Vec<PackLayerInfo<'_>> = infos
            .iter()
            .enumerate()
            .filter(|(k, info)| !infos[..*k].iter().any(|other| other.1 == info.1))
            .map(|(_, info)| info)
            .map(|(index, name, layer, envs)| PackLayerInfo {
                name,
                layer: *layer,
                environments: envs,
                index: *index,
            })
            .collect();
        for issue in check_stack(profile_type, &layer_infos, environment) {
            let path = match issue.index {
                Some(i) => pack_path(i).attr("name"),
                None => AttributePath::root("pack"),
            };
            resp.diagnostics
                .attribute_error(path, "Invalid Stack", format!("{}.", issue.message));
        }
    }
}

/// Reports a pack that could not be resolved at the attribute at fault.
fn report_resolve_error(
    diags: &mut Diagnostics,
    path: &AttributePath,
    err: ResolveError,
    registry_name: &Value,
) {
    match err {
        ResolveError::Api(err) => diags.push(diagnostics::api_error(
            "Plan Cluster Profile Error",
            "looking up a pack",
            &err,
        )),
        ResolveError::UnknownRegistry { .. } => {
            let attr = if registry_name.is_null() {
                "registry_uid"
            } else {
                "registry_name"
            };
            diags.attribute_error(
                path.clone().attr(attr),
                "Unknown Registry",
                format!("{err}."),
            )
        }
        ResolveError::UnknownPack { .. } => diags.attribute_error(
            path.clone().attr("name"),
            "Unknown Pack",
            format!(
                "{err}. Check the name, or the registry: the palette_pack data source looks packs \
                 up."
            ),
        ),
        ResolveError::UnknownTag { .. } => diags.attribute_error(
            path.clone().attr("tag"),
            "Unknown Pack Tag",
            format!("{err}."),
        ),
    }
}

/// Metadata for create and update: name, labels from `tags`, description as an annotation.
fn object_meta(plan: &Value) -> ObjectMeta {
    ObjectMeta {
        name: plan.get_str("name").map(str::to_owned),
        labels: Some(labels(plan)),
        annotations: Some(annotations(plan)),
        ..ObjectMeta::default()
    }
}

fn labels(plan: &Value) -> BTreeMap<String, String> {
    plan.get("tags")
        .and_then(Value::as_map)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

fn annotations(plan: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(description) = plan.get_str("description") {
        out.insert("description".to_owned(), description.to_owned());
    }
    out
}

/// A known string attribute of a planned pack.
fn known(pack: &Value, attr: &str) -> Option<String> {
    pack.get_str(attr).map(str::to_owned)
}

/// The packs of a create request.
fn create_packs(plan: &Value) -> Vec<PackManifestEntity> {
    plan.get_elements("pack")
        .iter()
        .map(|p| {
            let kind = PackType::from_str(p.get_str("type").unwrap_or("spectro"))
                .unwrap_or(PackType::Spectro);
            let manifests = (kind == PackType::Manifest).then(|| {
                p.get_elements("manifest")
                    .iter()
                    .map(|m| ManifestInputEntity {
                        name: known(m, "name"),
                        content: known(m, "content"),
                    })
                    .collect()
            });
            PackManifestEntity {
                layer: known(p, "layer"),
                manifests,
                name: known(p, "name").unwrap_or_default(),
                registry_uid: known(p, "registry_uid"),
                tag: known(p, "tag"),
                type_: Some(kind),
                uid: known(p, "uid"),
                values: known(p, "values"),
            }
        })
        .collect()
}

/// The packs of an update request; manifest uids come from the profile as it is now.
fn update_packs(
    plan: &Value,
    current: Option<&ClusterProfileTemplate>,
) -> Vec<PackManifestUpdateEntity> {
    let current_packs: &[PackRef] = current.and_then(|t| t.packs.as_deref()).unwrap_or_default();
    plan.get_elements("pack")
        .iter()
        .map(|p| {
            let name = known(p, "name").unwrap_or_default();
            let kind = PackType::from_str(p.get_str("type").unwrap_or("spectro"))
                .unwrap_or(PackType::Spectro);
            let existing = current_packs.iter().find(|c| c.name == name);
            let manifests = (kind == PackType::Manifest).then(|| {
                p.get_elements("manifest")
                    .iter()
                    .map(|m| {
                        let manifest_name = known(m, "name").unwrap_or_default();
                        let uid = existing
                            .and_then(|c| c.manifests.as_deref())
                            .unwrap_or_default()
                            .iter()
                            .find(|r| r.name.as_deref() == Some(manifest_name.as_str()))
                            .and_then(|r| r.uid.clone());
                        ManifestRefUpdateEntity {
                            content: known(m, "content"),
                            name: manifest_name,
                            uid,
                        }
                    })
                    .collect()
            });
            PackManifestUpdateEntity {
                layer: known(p, "layer"),
                manifests,
                name,
                registry_uid: known(p, "registry_uid"),
                tag: known(p, "tag"),
                type_: Some(kind),
                uid: known(p, "uid"),
                values: known(p, "values"),
            }
        })
        .collect()
}

/// The profile variables of a plan, in the API's form.
fn variables_of(plan: &Value) -> Vec<Variable> {
    plan.get_elements("variable")
        .iter()
        .map(|v| Variable {
            default_value: known(v, "default_value"),
            description: known(v, "description"),
            display_name: known(v, "display_name"),
            format: v
                .get_str("format")
                .and_then(|f| VariableFormat::from_str(f).ok()),
            hidden: v.get_bool("hidden"),
            immutable: v.get_bool("immutable"),
            input_type: v
                .get_str("input_type")
                .and_then(|f| VariableInputType::from_str(f).ok()),
            is_sensitive: v.get_bool("sensitive"),
            name: known(v, "name").unwrap_or_default(),
            options: {
                let options: Vec<VariableOption> = v
                    .get_elements("option")
                    .iter()
                    .map(|o| VariableOption {
                        default_: o.get_bool("default"),
                        description: known(o, "description"),
                        label: known(o, "label"),
                        value: known(o, "value").unwrap_or_default(),
                    })
                    .collect();
                (!options.is_empty()).then_some(options)
            },
            regex: known(v, "regex"),
            required: v.get_bool("required"),
        })
        .collect()
}

/// After a create or update, sets what only Palette knows (manifest uids, and anything the plan
/// could not resolve) from the profile as stored, leaving every planned value as it is.
async fn fill_unknowns(
    client: &Client,
    scope: &Scope,
    uid: &str,
    state: &mut Value,
    diags: &mut Diagnostics,
    summary: &str,
) {
    if state.is_fully_known() {
        return;
    }
    let profile = match client.get_cluster_profile(scope, uid).await {
        Ok(profile) => profile,
        Err(err) => {
            diags.push(diagnostics::api_error(
                summary,
                &format!("reading cluster profile {uid} back"),
                &err,
            ));
            return;
        }
    };
    let api_packs: Vec<PackRef> = template_of(&profile)
        .and_then(|t| t.packs.clone())
        .unwrap_or_default();
    let mut packs = state.get_elements("pack").to_vec();
    for pack in &mut packs {
        let name = pack.get_str("name").unwrap_or_default().to_owned();
        let api = api_packs.iter().find(|p| p.name == name);
        fill_from_stored(pack, api);
    }
    state.set("pack", Value::List(packs));
}

/// Replaces what is still unknown with null, so a partly failed apply still saves a valid state
/// (the next refresh fills it in).
fn clear_unknowns(value: &mut Value) {
    match value {
        Value::Unknown(_) => *value = Value::Null,
        Value::Object(attrs) | Value::Map(attrs) => attrs.values_mut().for_each(clear_unknowns),
        Value::List(items) | Value::Set(items) | Value::Tuple(items) => {
            items.iter_mut().for_each(clear_unknowns)
        }
        _ => {}
    }
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
    let meta = profile.metadata.clone().unwrap_or_default();
    let mut state = if prior.is_null() {
        Value::Object(BTreeMap::new())
    } else {
        prior.clone()
    };
    state.set("id", uid);
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

    // Packs, in the prior order, then any the prior state did not know.
    let api_packs = template.packs.clone().unwrap_or_default();
    let prior_packs = prior.get_elements("pack");
    let mut ordered: Vec<&PackRef> = Vec::new();
    for p in prior_packs {
        if let Some(api) = api_packs
            .iter()
            .find(|a| Some(a.name.as_str()) == p.get_str("name"))
        {
            ordered.push(api);
        }
    }
    for api in &api_packs {
        if !ordered.iter().any(|o| o.name == api.name) {
            ordered.push(api);
        }
    }
    let mut packs = Vec::new();
    for api in ordered {
        let prior_pack = prior_packs
            .iter()
            .find(|p| p.get_str("name") == Some(api.name.as_str()));
        packs.push(read_pack(client, resolver, scope, uid, api, prior_pack).await?);
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
    let mut ordered_vars: Vec<&Variable> = Vec::new();
    for p in prior_vars {
        if let Some(v) = api_vars
            .iter()
            .find(|v| Some(v.name.as_str()) == p.get_str("name"))
        {
            ordered_vars.push(v);
        }
    }
    for v in &api_vars {
        if !ordered_vars.iter().any(|o| o.name == v.name) {
            ordered_vars.push(v);
        }
    }
    let vars: Vec<Value> = ordered_vars
        .into_iter()
        .map(|v| {
            let prior = prior_vars
                .iter()
                .find(|p| p.get_str("name") == Some(v.name.as_str()));
            variable_value(v, prior)
        })
        .collect();
    state.set("variable", Value::List(vars));
    Ok(Some(state))
}

/// Whether a refresh reads the profile's variables. It does unless the prior state is a managed
/// one (not an import or a data source read) that declares no variable and no pack of the
/// profile can use one: no pack's values hold a `.spectro.var.` macro and no pack has manifests
/// (whose text the profile document does not carry). A configuration that adds variables shows
/// them as a change against that state anyway; what such a refresh does not see is a variable
/// added outside Terraform that no pack uses, which shows from the refresh after a pack starts
/// using it.
fn reads_variables(prior: &Value, packs: &[PackRef]) -> bool {
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

/// One pack as state.
async fn read_pack(
    client: &Client,
    resolver: Option<&PackResolver>,
    scope: &Scope,
    profile_uid: &str,
    api: &PackRef,
    prior: Option<&Value>,
) -> Result<Value, palette_api::Error> {
    let mut pack = Value::Object(BTreeMap::new());
    pack.set("name", api.name.clone());
    set_stored(&mut pack, api, prior);
    let registry_name = match prior {
        Some(p) => p.get("registry_name").cloned().unwrap_or(Value::Null),
        // A pack the state did not know (an import): name its registry, so a configuration
        // naming the registry either way plans clean.
        None => match (resolver, api.registry_uid.as_deref()) {
            (Some(resolver), Some(uid))
                if !uid.is_empty() && api.type_ != Some(PackType::Manifest) =>
            {
                resolver
                    .registry_by_uid(scope, uid)
                    .await?
                    .and_then(|r| r.name)
                    .map(Value::from)
                    .unwrap_or(Value::Null)
            }
            _ => Value::Null,
        },
    };
    pack.set("registry_name", registry_name);
    pack.set(
        "manifest",
        read_manifests(client, scope, profile_uid, api, prior).await?,
    );
    Ok(pack)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_read_unless_nothing_can_show() {
        let pack = |values: &str| PackRef {
            name: "app".into(),
            values: Some(values.into()),
            ..Default::default()
        };
        let mut managed = Value::Object(BTreeMap::new());
        managed.set("name", "p");
        managed.set("variable", Value::List(Vec::new()));
        let plain = [pack("a: 1\n")];
        assert!(!reads_variables(&managed, &plain), "no variable anywhere");
        let macro_use = [pack("host: {{ .spectro.var.host }}\n")];
        assert!(reads_variables(&managed, &macro_use), "a pack uses one");
        let with_manifest = [PackRef {
            manifests: Some(vec![Default::default()]),
            ..pack("a: 1\n")
        }];
        assert!(
            reads_variables(&without_variable_list(&managed), &plain),
            "no list to go by"
        );
        assert!(
            reads_variables(&managed, &with_manifest),
            "manifest text is unseen"
        );
        // An import or a data source read has no prior to go by.
        assert!(reads_variables(&Value::Null, &plain));
        let mut declared = managed.clone();
        declared.set(
            "variable",
            Value::List(vec![Value::Object(BTreeMap::new())]),
        );
        assert!(reads_variables(&declared, &plain), "the state declares one");
    }

    fn without_variable_list(managed: &Value) -> Value {
        let mut state = managed.clone();
        state.set("variable", Value::Null);
        state
    }

    #[test]
    fn prior_text_is_kept_only_when_it_means_the_same() {
        let prior = {
            let mut p = Value::Object(BTreeMap::new());
            p.set("values", "a: 1\nb: \"x\"\n");
            p
        };
        let cases = [
            ("reordered and requoted", "b: x\na: 1", "a: 1\nb: \"x\"\n"),
            ("comment", "# note\na: 1\nb: 'x'", "a: 1\nb: \"x\"\n"),
            ("changed", "a: 2\nb: x", "a: 2\nb: x"),
            ("type change", "a: \"1\"\nb: x", "a: \"1\"\nb: x"),
        ];
        for (name, text, want) in cases {
            assert_eq!(
                keep_prior_text(text, Some(&prior), "values"),
                Value::from(want),
                "{name}"
            );
        }
        assert_eq!(keep_prior_text("a: 1", None, "values"), Value::from("a: 1"));
    }

    #[test]
    fn schema_describes_every_attribute() {
        fn check(block: &Block, at: &str) {
            for a in &block.attributes {
                assert!(
                    !a.description.is_empty(),
                    "{at}.{} has no description",
                    a.name
                );
            }
            for b in &block.blocks {
                assert!(
                    !b.block.description.is_empty(),
                    "{at}.{} has no description",
                    b.type_name
                );
                check(&b.block, &format!("{at}.{}", b.type_name));
            }
        }
        check(
            &ClusterProfileResource.schema().block,
            "palette_cluster_profile",
        );
    }

    #[test]
    fn unknowns_left_after_a_failed_apply_become_null() {
        let mut manifest = Value::Object(BTreeMap::new());
        manifest.set("uid", Value::unknown());
        manifest.set("name", "hello");
        let mut state = Value::Object(BTreeMap::new());
        state.set("id", "abc");
        state.set("pack", Value::List(vec![manifest]));
        assert!(!state.is_fully_known());
        clear_unknowns(&mut state);
        assert!(state.is_fully_known());
        assert_eq!(state.get_str("id"), Some("abc"));
        let pack = &state.get_elements("pack")[0];
        assert_eq!(pack.get("uid"), Some(&Value::Null));
        assert_eq!(pack.get_str("name"), Some("hello"));
    }

    #[test]
    fn create_body_carries_planned_packs_and_variables() {
        let mut pack = Value::Object(BTreeMap::new());
        pack.set("name", "hello");
        pack.set("type", "manifest");
        pack.set("uid", MANIFEST_PACK_UID);
        pack.set("layer", "addon");
        pack.set("values", "");
        let mut manifest = Value::Object(BTreeMap::new());
        manifest.set("name", "hello");
        manifest.set("content", "kind: ConfigMap");
        manifest.set("uid", Value::unknown());
        pack.set("manifest", Value::List(vec![manifest]));
        let mut plan = Value::Object(BTreeMap::new());
        plan.set("pack", Value::List(vec![pack]));
        let mut variable = Value::Object(BTreeMap::new());
        variable.set("name", "domain");
        variable.set("format", "string");
        variable.set("required", true);
        plan.set("variable", Value::List(vec![variable]));
        let packs = create_packs(&plan);
        assert_eq!(packs.len(), 1);
        assert_eq!(packs[0].type_, Some(PackType::Manifest));
        assert_eq!(packs[0].uid.as_deref(), Some(MANIFEST_PACK_UID));
        let manifests = packs[0].manifests.as_ref().unwrap();
        assert_eq!(manifests[0].content.as_deref(), Some("kind: ConfigMap"));
        let vars = variables_of(&plan);
        assert_eq!(vars[0].name, "domain");
        assert_eq!(vars[0].format, Some(VariableFormat::String));
        assert_eq!(vars[0].required, Some(true));
        assert_eq!(vars[0].hidden, None);
    }
}
