//! `ProviderServer` driven in-process for the Terraform 1.12–1.15 RPCs: identity schemas in
//! discovery, identity carried through read, the ListResource stream (limit, resource objects,
//! a panicking handler) and the InvokeAction stream (progress, then one completion).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures_util::StreamExt;
use tfplugin::action::{InvokeRequest, InvokeResponse};
use tfplugin::list::{ListRequest, ListResult, ListResults};
use tfplugin::proto::tfplugin6 as pb;
use tfplugin::proto::tfplugin6::provider_server::Provider as _;
use tfplugin::provider::{ConfigureRequest, ConfigureResponse};
use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse,
};
use tfplugin::{
    Action, Attribute, Block, Context, IdentityAttribute, IdentitySchema, ListResource, Provider,
    ProviderServer, Resource, Schema, Type, Value, ValueExt, async_trait,
};
use tonic::Request;

/// How many results the list handler produced, across the process.
static PRODUCED: AtomicUsize = AtomicUsize::new(0);

struct Streams;

#[async_trait]
impl Provider for Streams {
    fn type_name(&self) -> &str {
        "s"
    }
    async fn configure(&self, _: &Context, _: ConfigureRequest, _: &mut ConfigureResponse) {}
    fn resources(&self) -> Vec<Arc<dyn Resource>> {
        vec![Arc::new(Obj)]
    }
    fn list_resources(&self) -> Vec<Arc<dyn ListResource>> {
        vec![Arc::new(ObjList)]
    }
    fn actions(&self) -> Vec<Arc<dyn Action>> {
        vec![Arc::new(Steps)]
    }
}

/// `s_obj`, identified by `id`.
struct Obj;

#[async_trait]
impl Resource for Obj {
    fn type_name(&self) -> &str {
        "obj"
    }
    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new().attribute(Attribute::string("id").required()),
        )
    }
    fn identity_schema(&self) -> Option<IdentitySchema> {
        Some(
            IdentitySchema::new(1).attribute(IdentityAttribute::string("id").required_for_import()),
        )
    }
    async fn read(&self, _: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        let id = req.state.get_str("id").unwrap_or_default().to_string();
        resp.identity.set("id", id);
    }
    async fn create(&self, _: &Context, _: CreateRequest, _: &mut CreateResponse) {}
    async fn update(&self, _: &Context, _: UpdateRequest, _: &mut UpdateResponse) {}
    async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
}

/// Lists `o0`, `o1`, … without end, unless `mode` is `"panic"`.
struct ObjList;

#[async_trait]
impl ListResource for ObjList {
    fn type_name(&self) -> &str {
        "obj"
    }
    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new().attribute(Attribute::string("mode").optional()),
        )
    }
    async fn list(&self, _: &Context, req: ListRequest, results: &mut ListResults) {
        if req.config.get_str("mode") == Some("panic") {
            panic!("the listing exploded");
        }
        for n in 0.. {
            PRODUCED.fetch_add(1, Ordering::SeqCst);
            let id = format!("o{n}");
            let mut identity = Value::Object(Default::default());
            identity.set("id", id.as_str());
            let mut object = Value::Object(Default::default());
            object.set("id", id.as_str());
            results
                .send(ListResult::new(identity, format!("object {n}")).with_resource(object))
                .await;
        }
    }
}

/// `s_steps`: reports `count` steps.
struct Steps;

#[async_trait]
impl Action for Steps {
    fn type_name(&self) -> &str {
        "steps"
    }
    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new().attribute(Attribute::int64("count").required()),
        )
    }
    async fn invoke(&self, _: &Context, req: InvokeRequest, resp: &mut InvokeResponse) {
        for n in 1..=req.config.get_i64("count").unwrap_or(0) {
            resp.progress(format!("step {n}"));
        }
        resp.diagnostics.warning("Steps Done", "");
    }
}

fn dynamic(value: &Value, ty: &Type) -> Option<pb::DynamicValue> {
    Some(pb::DynamicValue {
        msgpack: value.to_msgpack(ty).unwrap(),
        json: Vec::new(),
    })
}

fn object(pairs: &[(&str, Value)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

#[tokio::test]
async fn discovery_lists_identities_list_resources_and_actions() {
    let server = ProviderServer::new(Streams);
    assert!(
        server.schema_problems().is_empty(),
        "{:?}",
        server.schema_problems()
    );
    let ids = server
        .get_resource_identity_schemas(Request::new(Default::default()))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(ids.identity_schemas["s_obj"].version, 1);
    let schema = server
        .get_provider_schema(Request::new(Default::default()))
        .await
        .unwrap()
        .into_inner();
    assert!(schema.list_resource_schemas.contains_key("s_obj"));
    assert!(schema.action_schemas["s_steps"].schema.is_some());
    assert!(schema.server_capabilities.unwrap().generate_resource_config);
    let meta = server
        .get_metadata(Request::new(Default::default()))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(meta.list_resources[0].type_name, "s_obj");
    assert_eq!(meta.actions[0].type_name, "s_steps");
}

#[tokio::test]
async fn read_carries_the_identity() {
    let server = ProviderServer::new(Streams);
    let state_ty = Obj.schema().value_type();
    let id_ty = Obj.identity_schema().unwrap().value_type();
    let state = object(&[("id", Value::from("o7"))]);
    let resp = server
        .read_resource(Request::new(pb::read_resource::Request {
            type_name: "s_obj".into(),
            current_state: dynamic(&state, &state_ty),
            ..Default::default()
        }))
        .await
        .unwrap()
        .into_inner();
    assert!(resp.diagnostics.is_empty(), "{:?}", resp.diagnostics);
    let identity = resp.new_identity.unwrap().identity_data.unwrap();
    let identity = Value::from_msgpack(&identity.msgpack, &id_ty).unwrap();
    assert_eq!(identity, object(&[("id", Value::from("o7"))]));
}

async fn list(limit: i64, include: bool, mode: &str) -> Vec<pb::list_resource::Event> {
    let server = ProviderServer::new(Streams);
    let config_ty = ObjList.schema().value_type();
    let stream = server
        .list_resource(Request::new(pb::list_resource::Request {
            type_name: "s_obj".into(),
            config: dynamic(&object(&[("mode", Value::from(mode))]), &config_ty),
            include_resource_object: include,
            limit,
        }))
        .await
        .unwrap()
        .into_inner();
    stream.map(Result::unwrap).collect().await
}

#[tokio::test]
async fn list_resource_stops_at_the_limit_and_reports_a_panic() {
    PRODUCED.store(0, Ordering::SeqCst);
    let events = list(3, true, "ok").await;
    let names: Vec<&str> = events.iter().map(|e| e.display_name.as_str()).collect();
    assert_eq!(names, ["object 0", "object 1", "object 2"]);
    assert_eq!(
        PRODUCED.load(Ordering::SeqCst),
        3,
        "an endless handler is not pulled past the limit"
    );
    assert!(
        events
            .iter()
            .all(|e| e.identity.is_some() && e.resource_object.is_some())
    );

    let events = list(2, false, "ok").await;
    assert!(events.iter().all(|e| e.resource_object.is_none()));

    let events = list(5, false, "panic").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].diagnostic[0].summary, "Provider Internal Error");
}

#[tokio::test]
async fn invoke_action_streams_progress_then_one_completion() {
    use pb::invoke_action::event::Type as Ev;
    let server = ProviderServer::new(Streams);
    let ty = Steps.schema().value_type();
    let stream = server
        .invoke_action(Request::new(pb::invoke_action::Request {
            action_type: "s_steps".into(),
            config: dynamic(&object(&[("count", Value::from(2i64))]), &ty),
            ..Default::default()
        }))
        .await
        .unwrap()
        .into_inner();
    let events: Vec<Ev> = stream.map(|e| e.unwrap().r#type.unwrap()).collect().await;
    assert_eq!(events.len(), 3, "{events:?}");
    assert!(matches!(&events[0], Ev::Progress(p) if p.message == "step 1"));
    assert!(matches!(&events[1], Ev::Progress(p) if p.message == "step 2"));
    let Ev::Completed(done) = &events[2] else {
        panic!("the completion comes last: {events:?}");
    };
    assert_eq!(done.diagnostics[0].summary, "Steps Done");

    let stream = server
        .invoke_action(Request::new(pb::invoke_action::Request {
            action_type: "s_nothing".into(),
            ..Default::default()
        }))
        .await
        .unwrap()
        .into_inner();
    let events: Vec<Ev> = stream.map(|e| e.unwrap().r#type.unwrap()).collect().await;
    assert!(
        matches!(&events[..], [Ev::Completed(c)] if c.diagnostics[0].summary == "Unknown Action Type")
    );
}
