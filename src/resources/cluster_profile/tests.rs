//! Unit tests of the refresh's variable read, the schema and the create body.

use std::collections::BTreeMap;

use palette_api::models::{PackRef, PackType, VariableFormat};
use tfplugin::{AttributePath, Block, Context, Resource, Value, ValueExt};

use crate::resources::pack_shared::MANIFEST_PACK_UID;

use super::model::ProfilePlan;
use super::read::reads_variables;
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
    let spec = ProfilePlan::from_value(&plan).create_entity().spec.unwrap();
    let packs = spec.template.unwrap().packs.unwrap();
    assert_eq!(packs.len(), 1);
    assert_eq!(packs[0].type_, Some(PackType::Manifest));
    assert_eq!(packs[0].uid.as_deref(), Some(MANIFEST_PACK_UID));
    let manifests = packs[0].manifests.as_ref().unwrap();
    assert_eq!(manifests[0].content.as_deref(), Some("kind: ConfigMap"));
    let vars = spec.variables.unwrap();
    assert_eq!(vars[0].name, "domain");
    assert_eq!(vars[0].format, Some(VariableFormat::String));
    assert_eq!(vars[0].required, Some(true));
    assert_eq!(vars[0].hidden, None);
}

#[test]
fn a_pack_type_the_plan_cannot_check_is_reported_at_the_type() {
    use crate::resources::pack_shared::PackSite;

    use super::plan::type_check;

    let site = PackSite {
        base: pack_path(1),
        label: "pack \"nginx\"".into(),
        summary: "Plan Cluster Profile Error",
    };
    let check = |served| type_check(&site, "nginx", "helm", "r-1", served);
    assert!(check(Ok(Some(("helm", "Charts".into())))).is_none());

    let mismatch = check(Ok(Some(("oci", "Charts".into())))).expect("a mismatch");
    assert!(mismatch.is_error());
    assert_eq!(mismatch.summary, "Pack Type Mismatch");

    // The registry could not be read: the plan fails where the check belongs.
    let unreadable = check(Err(palette_api::Error::Unauthorized {
        message: "expired".into(),
    }))
    .expect("a diagnostic, not a skipped check");
    assert!(unreadable.is_error());
    assert_eq!(unreadable.summary, "Plan Cluster Profile Error");
    assert!(
        unreadable.detail.contains("pack \"nginx\""),
        "{}",
        unreadable.detail
    );
    assert_eq!(
        unreadable.attribute.map(|p| p.to_string()).as_deref(),
        Some("pack[1].type")
    );

    // Palette does not list the registry: the check cannot run, and the plan says so.
    let unlisted = check(Ok(None)).expect("a diagnostic, not a skipped check");
    assert!(!unlisted.is_error());
    assert_eq!(
        unlisted.attribute.map(|p| p.to_string()).as_deref(),
        Some("pack[1].type")
    );
}

/// A server that answers `POST /v1/clusterprofiles` with uid `p-1` and never answers anything
/// else; each request line it receives is sent on the channel.
async fn creating_server() -> (String, tokio::sync::mpsc::UnboundedReceiver<String>) {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (seen, requests) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut socket = BufReader::new(socket);
                loop {
                    let mut request_line = String::new();
                    if socket.read_line(&mut request_line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let mut length = 0;
                    loop {
                        let mut header = String::new();
                        socket.read_line(&mut header).await.unwrap();
                        let header = header.trim_end().to_ascii_lowercase();
                        if header.is_empty() {
                            break;
                        }
                        if let Some(value) = header.strip_prefix("content-length:") {
                            length = value.trim().parse().unwrap();
                        }
                    }
                    let mut body = vec![0; length];
                    socket.read_exact(&mut body).await.unwrap();
                    let _ = seen.send(request_line.trim_end().to_owned());
                    if !request_line.starts_with("POST /v1/clusterprofiles ") {
                        // Hang: the caller must give up on its own.
                        std::future::pending::<()>().await;
                    }
                    let body = r#"{"uid":"p-1"}"#;
                    let answer = format!(
                        "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\n\
                         content-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    socket.get_mut().write_all(answer.as_bytes()).await.unwrap();
                }
            });
        }
    });
    (url, requests)
}

fn create_request(url: &str) -> tfplugin::resource::CreateRequest {
    let client = palette_api::Client::new(palette_api::ClientConfig::new(url, "key")).unwrap();
    let data = crate::provider_data::PaletteData::with_client(client, "p".into());
    let mut manifest = Value::Object(BTreeMap::new());
    manifest.set("name", "hello");
    manifest.set("content", "kind: ConfigMap");
    manifest.set("uid", Value::unknown());
    let mut pack = Value::Object(BTreeMap::new());
    pack.set("name", "hello");
    pack.set("type", "manifest");
    pack.set("uid", MANIFEST_PACK_UID);
    pack.set("manifest", Value::List(vec![manifest]));
    let mut plan = Value::Object(BTreeMap::new());
    plan.set("id", Value::unknown());
    plan.set("name", "base");
    plan.set("version", "1.0.0");
    plan.set("context", "tenant");
    plan.set("pack", Value::List(vec![pack]));
    tfplugin::resource::CreateRequest {
        config: plan.clone(),
        plan,
        private: Default::default(),
        provider_data: tfplugin::ProviderData::new(data),
    }
}

fn empty_response(req: &tfplugin::resource::CreateRequest) -> tfplugin::resource::CreateResponse {
    tfplugin::resource::CreateResponse {
        state: req.plan.clone(),
        private: Default::default(),
        diagnostics: Default::default(),
        identity: Value::Null,
    }
}

#[tokio::test]
async fn a_create_cancelled_before_it_starts_writes_nothing() {
    let (url, mut requests) = creating_server().await;
    let req = create_request(&url);
    let mut resp = empty_response(&req);
    let ctx = Context::new();
    ctx.cancel();
    ClusterProfileResource.create(&ctx, req, &mut resp).await;
    assert!(resp.diagnostics.has_errors());
    let detail = &resp.diagnostics.iter().next().unwrap().detail;
    assert!(detail.contains("was interrupted"), "{detail}");
    assert!(resp.state.is_null(), "nothing was created");
    assert!(requests.try_recv().is_err(), "no request was sent");
}

#[tokio::test]
async fn a_create_cancelled_after_palette_made_the_profile_keeps_it_in_state() {
    let (url, mut requests) = creating_server().await;
    let req = create_request(&url);
    let mut resp = empty_response(&req);
    let ctx = Context::new();
    let canceller = ctx.clone();
    let cancel_on_publish = tokio::spawn(async move {
        while let Some(line) = requests.recv().await {
            if line.starts_with("PATCH /v1/clusterprofiles/p-1/publish ") {
                canceller.cancel();
                return true;
            }
        }
        false
    });
    let created = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        ClusterProfileResource.create(&ctx, req, &mut resp),
    )
    .await;
    assert!(created.is_ok(), "the create stops when cancelled");
    assert!(cancel_on_publish.await.unwrap(), "the publish was asked");
    assert!(resp.diagnostics.has_errors(), "the apply fails");
    let detail = &resp.diagnostics.iter().next().unwrap().detail;
    assert!(detail.contains("interrupted while publishing"), "{detail}");
    assert_eq!(
        resp.state.get_str("id"),
        Some("p-1"),
        "what exists is in state"
    );
    assert!(resp.state.is_fully_known(), "a state Terraform can save");
}

/// A variable with the given attributes (unset ones null).
fn variable(attrs: &[(&str, Value)]) -> Value {
    let mut v = Value::Object(BTreeMap::new());
    for (name, value) in attrs {
        v.set(name, value.clone());
    }
    v
}

/// The summaries `check_config` reports for a profile with these variables.
fn variable_problems(variables: Vec<Value>) -> Vec<String> {
    let mut config = Value::Object(BTreeMap::new());
    config.set("variable", Value::List(variables));
    let mut diags = tfplugin::Diagnostics::default();
    super::checks::check_config(&config, &mut diags);
    diags.iter().map(|d| d.summary.clone()).collect()
}

#[test]
fn variable_defaults_are_checked_against_format_regex_and_options_once_known() {
    let option = |value: &str| variable(&[("value", Value::from(value))]);
    assert_eq!(
        variable_problems(vec![
            variable(&[
                ("name", "a".into()),
                ("format", "ipv4".into()),
                ("default_value", "x".into())
            ]),
            variable(&[
                ("name", "b".into()),
                ("regex", "[0-9]+".into()),
                ("default_value", "12a".into())
            ]),
            variable(&[
                ("name", "c".into()),
                ("option", Value::List(vec![option("s"), option("m")])),
                ("default_value", "xl".into()),
            ]),
            variable(&[("name", "d".into()), ("regex", "([".into())]),
        ]),
        [
            "Default Does Not Fit The Format",
            "Default Does Not Match The Regex",
            "Default Is Not An Option",
            "Invalid Variable Regex",
        ]
    );
    // Values from module variables are unknown at validate: nothing is checked until known.
    assert!(
        variable_problems(vec![
            variable(&[
                ("name", "a".into()),
                ("format", Value::unknown()),
                ("default_value", "x".into())
            ]),
            variable(&[
                ("name", "b".into()),
                ("regex", Value::unknown()),
                ("default_value", "x".into())
            ]),
            variable(&[
                ("name", "c".into()),
                ("option", Value::unknown()),
                ("default_value", "x".into())
            ]),
            variable(&[
                ("name", "d".into()),
                (
                    "option",
                    Value::List(vec![variable(&[("value", Value::unknown())])])
                ),
                ("default_value", "x".into()),
            ]),
            variable(&[
                ("name", "e".into()),
                ("format", "number".into()),
                ("default_value", Value::unknown())
            ]),
            variable(&[("name", "f".into()), ("default_value", "anything".into())]),
        ])
        .is_empty()
    );
}

#[test]
fn a_pack_may_only_use_variables_the_profile_declares() {
    let pack = |values: &str| {
        let mut p = Value::Object(BTreeMap::new());
        p.set("name", "hello");
        p.set("values", values);
        p
    };
    let config = |packs: Vec<Value>, variables: Vec<Value>| {
        let mut c = Value::Object(BTreeMap::new());
        c.set("pack", Value::List(packs));
        c.set("variable", Value::List(variables));
        c
    };
    let problems = |c: &Value| {
        let mut diags = tfplugin::Diagnostics::default();
        super::checks::check_config(c, &mut diags);
        diags
            .iter()
            .map(|d| (d.summary.clone(), d.attribute.clone()))
            .collect::<Vec<_>>()
    };
    let declared = vec![variable(&[("name", "host".into())])];
    assert!(
        problems(&config(
            vec![pack("a: {{ .spectro.var.host }}")],
            declared.clone()
        ))
        .is_empty()
    );
    assert_eq!(
        problems(&config(vec![pack("a: {{ .spectro.var.port }}")], declared)),
        [(
            "Undefined Profile Variable".to_string(),
            Some(AttributePath::root("pack").index(0).attr("values"))
        )]
    );
    // An unknown variable name (from a module variable) waits for plan.
    let unknown = vec![variable(&[("name", Value::unknown())])];
    assert!(problems(&config(vec![pack("a: {{ .spectro.var.port }}")], unknown)).is_empty());
}
