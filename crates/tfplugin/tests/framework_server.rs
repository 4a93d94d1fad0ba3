//! `ProviderServer` driven in-process through the generated tonic trait: discovery, failures as
//! diagnostics (unknown types, panics, unknown values left after apply), StopProvider cancelling
//! only the calls in flight, and functions reporting the argument at fault.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tfplugin::function::{CallRequest, FunctionDefinition, FunctionError, Parameter};
use tfplugin::proto::tfplugin6 as pb;
use tfplugin::proto::tfplugin6::provider_server::Provider as _;
use tfplugin::provider::{ConfigureRequest, ConfigureResponse};
use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse,
};
use tfplugin::{
    Attribute, Block, Context, Function, Provider, ProviderServer, Resource, Schema, Type, Value,
    ValueExt, async_trait,
};
use tonic::Request;

struct TestProvider;

#[async_trait]
impl Provider for TestProvider {
    fn type_name(&self) -> &str {
        "t"
    }

    async fn configure(&self, _: &Context, _: ConfigureRequest, _: &mut ConfigureResponse) {}

    fn resources(&self) -> Vec<Arc<dyn Resource>> {
        vec![Arc::new(Item)]
    }

    fn functions(&self) -> Vec<Arc<dyn Function>> {
        vec![Arc::new(Half)]
    }
}

/// `t_item`: its `name` decides how create behaves.
struct Item;

#[async_trait]
impl Resource for Item {
    fn type_name(&self) -> &str {
        "item"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .description("Identifier."),
                )
                .attribute(
                    Attribute::string("name")
                        .required()
                        .description("Behaviour."),
                ),
        )
    }

    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        match req.plan.get_str("name") {
            Some("panic") => panic!("the item exploded"),
            Some("unknown") => {}
            Some("slow") => match ctx.sleep(Duration::from_secs(30)).await {
                Ok(()) => resp.state.set("id", "slow-done"),
                Err(why) => resp.diagnostics.error("Create Cancelled", why.to_string()),
            },
            _ => resp.state.set("id", "item-1"),
        }
    }

    async fn read(&self, _: &Context, _: ReadRequest, _: &mut ReadResponse) {}

    async fn update(&self, _: &Context, _: UpdateRequest, _: &mut UpdateResponse) {}

    async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
}

/// `half(n)`: half of an even number.
struct Half;

#[async_trait]
impl Function for Half {
    fn name(&self) -> &str {
        "half"
    }

    fn definition(&self) -> FunctionDefinition {
        FunctionDefinition::new(Type::Number).parameter(Parameter::new("n", Type::Number))
    }

    async fn call(&self, _: &Context, req: CallRequest) -> Result<Value, FunctionError> {
        match req.arguments[0].as_i64() {
            Some(n) if n % 2 == 0 => Ok(Value::from(n / 2)),
            _ => Err(FunctionError::argument(0, "n must be an even whole number")),
        }
    }
}

fn item_type() -> Type {
    Item.schema().value_type()
}

fn dynamic(value: &Value, ty: &Type) -> Option<pb::DynamicValue> {
    Some(pb::DynamicValue {
        msgpack: value.to_msgpack(ty).unwrap(),
        json: Vec::new(),
    })
}

fn item(name: &str, id: Value) -> Value {
    Value::Object(
        [
            ("id".to_string(), id),
            ("name".to_string(), Value::from(name)),
        ]
        .into(),
    )
}

fn apply_create(name: &str) -> pb::apply_resource_change::Request {
    let ty = item_type();
    pb::apply_resource_change::Request {
        type_name: "t_item".into(),
        prior_state: dynamic(&Value::Null, &ty),
        planned_state: dynamic(&item(name, Value::unknown()), &ty),
        config: dynamic(&item(name, Value::Null), &ty),
        ..Default::default()
    }
}

fn summaries(diags: &[pb::Diagnostic]) -> Vec<&str> {
    diags.iter().map(|d| d.summary.as_str()).collect()
}

#[tokio::test]
async fn metadata_and_schema_list_every_type_with_the_prefix() {
    let server = ProviderServer::new(TestProvider);
    assert!(
        server.schema_problems().is_empty(),
        "{:?}",
        server.schema_problems()
    );
    let meta = server
        .get_metadata(Request::new(Default::default()))
        .await
        .unwrap()
        .into_inner();
    let names: Vec<_> = meta
        .resources
        .iter()
        .map(|r| r.type_name.as_str())
        .collect();
    assert_eq!(names, ["t_item"]);
    assert_eq!(meta.functions[0].name, "half");
    let caps = meta.server_capabilities.unwrap();
    assert!(caps.plan_destroy && caps.get_provider_schema_optional && caps.move_resource_state);

    let schema = server
        .get_provider_schema(Request::new(Default::default()))
        .await
        .unwrap()
        .into_inner();
    assert!(schema.resource_schemas.contains_key("t_item"));
    assert!(schema.functions.contains_key("half"));
    assert!(schema.diagnostics.is_empty());
}

#[tokio::test]
async fn unknown_type_is_a_diagnostic_not_a_status() {
    let server = ProviderServer::new(TestProvider);
    let resp = server
        .read_resource(Request::new(pb::read_resource::Request {
            type_name: "t_nothing".into(),
            ..Default::default()
        }))
        .await
        .expect("a response, not a status")
        .into_inner();
    assert_eq!(summaries(&resp.diagnostics), ["Unknown Resource Type"]);
}

#[tokio::test]
async fn plan_marks_computed_unknown_on_create() {
    let server = ProviderServer::new(TestProvider);
    let ty = item_type();
    let resp = server
        .plan_resource_change(Request::new(pb::plan_resource_change::Request {
            type_name: "t_item".into(),
            prior_state: dynamic(&Value::Null, &ty),
            proposed_new_state: dynamic(&item("a", Value::Null), &ty),
            config: dynamic(&item("a", Value::Null), &ty),
            ..Default::default()
        }))
        .await
        .unwrap()
        .into_inner();
    assert!(resp.diagnostics.is_empty(), "{:?}", resp.diagnostics);
    let planned = Value::from_msgpack(&resp.planned_state.unwrap().msgpack, &ty).unwrap();
    assert_eq!(planned, item("a", Value::unknown()));
}

#[tokio::test]
async fn unknown_left_after_apply_becomes_an_error() {
    let server = ProviderServer::new(TestProvider);
    let resp = server
        .apply_resource_change(Request::new(apply_create("unknown")))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        summaries(&resp.diagnostics),
        ["Provider Returned Unknown Value"]
    );
    let attribute = resp.diagnostics[0].attribute.clone().unwrap();
    assert_eq!(
        attribute.steps[0].selector,
        Some(pb::attribute_path::step::Selector::AttributeName(
            "id".into()
        ))
    );
    let state = Value::from_msgpack(&resp.new_state.unwrap().msgpack, &item_type()).unwrap();
    assert!(
        state.is_fully_known(),
        "never send Terraform an unknown in a state: {state:?}"
    );
}

#[tokio::test]
async fn a_panic_becomes_a_diagnostic_and_the_server_goes_on() {
    let server = ProviderServer::new(TestProvider);
    let resp = server
        .apply_resource_change(Request::new(apply_create("panic")))
        .await
        .expect("a response, not a status")
        .into_inner();
    assert_eq!(summaries(&resp.diagnostics), ["Provider Internal Error"]);
    assert!(resp.diagnostics[0].detail.contains("the item exploded"));

    let resp = server
        .apply_resource_change(Request::new(apply_create("fine")))
        .await
        .unwrap()
        .into_inner();
    assert!(resp.diagnostics.is_empty(), "{:?}", resp.diagnostics);
    let state = Value::from_msgpack(&resp.new_state.unwrap().msgpack, &item_type()).unwrap();
    assert_eq!(state.get_str("id"), Some("item-1"));
}

#[tokio::test]
async fn stop_provider_cancels_calls_in_flight_only() {
    let server = ProviderServer::new(TestProvider);
    let slow = {
        let server = server.clone();
        tokio::spawn(async move {
            server
                .apply_resource_change(Request::new(apply_create("slow")))
                .await
                .unwrap()
                .into_inner()
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let stopped_at = Instant::now();
    let stop = server
        .stop_provider(Request::new(Default::default()))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(stop.error, "");
    let resp = tokio::time::timeout(Duration::from_secs(5), slow)
        .await
        .expect("the slow create stops promptly")
        .unwrap();
    assert!(stopped_at.elapsed() < Duration::from_secs(1));
    assert_eq!(summaries(&resp.diagnostics), ["Create Cancelled"]);

    // The server keeps serving, and a new call gets a fresh, uncancelled token.
    let later = {
        let server = server.clone();
        tokio::spawn(async move {
            server
                .apply_resource_change(Request::new(apply_create("slow")))
                .await
                .unwrap()
                .into_inner()
        })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        !later.is_finished(),
        "a call after StopProvider is not cancelled"
    );
    later.abort();
}

#[tokio::test]
async fn function_errors_name_the_argument() {
    let server = ProviderServer::new(TestProvider);
    let call = |n: i64| pb::call_function::Request {
        name: "half".into(),
        arguments: vec![dynamic(&Value::from(n), &Type::Number).unwrap()],
    };
    let ok = server
        .call_function(Request::new(call(8)))
        .await
        .unwrap()
        .into_inner();
    assert!(ok.error.is_none());
    let result = Value::from_msgpack(&ok.result.unwrap().msgpack, &Type::Number).unwrap();
    assert_eq!(result, Value::from(4i64));

    let bad = server
        .call_function(Request::new(call(3)))
        .await
        .unwrap()
        .into_inner();
    let error = bad.error.unwrap();
    assert_eq!(error.function_argument, Some(0));
    assert!(error.text.contains("even"));

    let missing = server
        .call_function(Request::new(pb::call_function::Request {
            name: "nope".into(),
            arguments: vec![],
        }))
        .await
        .unwrap()
        .into_inner();
    assert!(missing.error.unwrap().text.contains("no function named"));
}
