//! `echo`: a toy provider with no domain, built on `tfplugin` to prove the framework is generic
//! and to give the crate's Terraform tests something real to drive.
//!
//! It offers:
//! - `echo_thing`: a resource whose objects are JSON files in the provider's `directory`, with
//!   string, number, list, map and set attributes, a nested block in list mode, a nested
//!   attribute in single mode, a computed `id`, a `zone` that forces replacement, a sensitive
//!   and a write-only attribute, state version 1 with an upgrader from version 0, and an
//!   identity (`id`), so it can be imported by identity and generates its own configuration;
//! - a list resource `echo_thing` for `terraform query`, reading the objects two files at a time
//!   and only as many as asked for;
//! - `echo_slow`: a resource whose creation waits `seconds`, listening for cancellation;
//! - `echo_text`: a data source that measures and upper-cases its input;
//! - `echo_secret`: an ephemeral resource that produces a string of the requested length;
//! - `reverse` and `concat`: provider functions (`provider::echo::reverse("abc")`);
//! - `echo_countdown`: an action that counts down, reporting each step as progress.
//!
//! Build it with `cargo build -p tfplugin --example echo_provider` and point a Terraform
//! `dev_overrides` entry for `registry.terraform.io/example/echo` at a directory holding it as
//! `terraform-provider-echo`.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tfplugin::action::{InvokeRequest, InvokeResponse};
use tfplugin::function::{CallRequest, FunctionDefinition, FunctionError, Parameter};
use tfplugin::list::{ListRequest, ListResult, ListResults};
use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::provider::{ConfigureRequest, ConfigureResponse};
use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ReadRequest, ReadResponse, UpdateRequest, UpdateResponse,
    UpgradeStateRequest, UpgradeStateResponse,
};
use tfplugin::validator::{int_between, length_between, one_of};
use tfplugin::{
    Action, Attribute, Block, Context, DataSource, Diagnostics, EphemeralResource, Function,
    IdentityAttribute, IdentitySchema, ListResource, NestedBlock, Nesting, Number, Provider,
    ProviderServer, Resource, Schema, ServeOptions, Type, Value, ValueExt, async_trait,
    data_source, ephemeral,
};

/// The provider's source address.
const ADDRESS: &str = "registry.terraform.io/example/echo";

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tfplugin::logging::init();
    let debug = std::env::args().any(|a| a == "--debug");
    let opts = ServeOptions::new(ADDRESS).with_debug(debug);
    match tfplugin::serve(opts, ProviderServer::new(Echo)).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("echo provider: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The provider.
struct Echo;

/// What `configure` produces: where `echo_thing` keeps its objects.
struct Store {
    directory: PathBuf,
}

impl Store {
    fn path(&self, id: &str) -> PathBuf {
        self.directory.join(format!("{id}.json"))
    }

    /// The ids of the stored objects, sorted.
    fn ids(&self) -> std::io::Result<Vec<String>> {
        let mut ids: Vec<String> = std::fs::read_dir(&self.directory)?
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".json").map(str::to_string)
            })
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// The stored object `id`: `None` when it is gone.
    fn load(&self, id: &str) -> Result<Option<Value>, String> {
        match std::fs::read(self.path(id)) {
            Ok(bytes) => Value::from_json(&bytes, &Thing.schema().value_type())
                .map(Some)
                .map_err(|e| e.to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }
}

#[async_trait]
impl Provider for Echo {
    fn type_name(&self) -> &str {
        "echo"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new().attribute(Attribute::string("directory").optional().description(
                "Where `echo_thing` objects are kept (default: a temporary directory).",
            )),
        )
    }

    async fn configure(&self, _ctx: &Context, req: ConfigureRequest, resp: &mut ConfigureResponse) {
        let directory = req
            .config
            .get_str("directory")
            .map(PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join("echo-provider"));
        if let Err(e) = std::fs::create_dir_all(&directory) {
            resp.diagnostics.error(
                "Unable to Create Directory",
                format!(
                    "The directory {} could not be created.\n\nOriginal Error: {e}",
                    directory.display()
                ),
            );
            return;
        }
        resp.provider_data = tfplugin::ProviderData::new(Store { directory });
    }

    fn resources(&self) -> Vec<Arc<dyn Resource>> {
        vec![Arc::new(Slow), Arc::new(Thing)]
    }

    fn data_sources(&self) -> Vec<Arc<dyn DataSource>> {
        vec![Arc::new(Text)]
    }

    fn ephemeral_resources(&self) -> Vec<Arc<dyn EphemeralResource>> {
        vec![Arc::new(Secret)]
    }

    fn functions(&self) -> Vec<Arc<dyn Function>> {
        vec![Arc::new(Reverse), Arc::new(Concat)]
    }

    fn list_resources(&self) -> Vec<Arc<dyn ListResource>> {
        vec![Arc::new(ThingList)]
    }

    fn actions(&self) -> Vec<Arc<dyn Action>> {
        vec![Arc::new(Countdown)]
    }
}

/// `echo_thing`.
struct Thing;

impl Thing {
    /// Version 0 had `size_text`, a string, where version 1 has `size`, a number.
    fn schema_v0() -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(Attribute::string("id").computed())
                .attribute(Attribute::string("name").required())
                .attribute(Attribute::string("zone").optional())
                .attribute(Attribute::string("size_text").optional()),
        )
    }

    fn save(store: &Store, state: &Value, diags: &mut Diagnostics) {
        let Some(id) = state.get_str("id") else {
            diags.error(
                "Missing Identifier",
                "The object has no id; this is a bug in the echo provider.",
            );
            return;
        };
        let json = match state.to_json(&Thing.schema().value_type()) {
            Ok(json) => json,
            Err(e) => {
                diags.error("Unable to Encode Object", format!("Original Error: {e}"));
                return;
            }
        };
        if let Err(e) = std::fs::write(store.path(id), json) {
            diags.error("Unable to Save Object", format!("Original Error: {e}"));
        }
    }
}

/// A fresh identifier, unique within this process and across runs.
fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "thing-{nanos:x}-{}",
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

#[async_trait]
impl Resource for Thing {
    fn type_name(&self) -> &str {
        "thing"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            1,
            Block::new()
                .description("An object kept as a JSON file.")
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .description("Identifier.")
                        .plan_modifier(use_state_for_unknown()),
                )
                .attribute(
                    Attribute::string("name")
                        .required()
                        .description("Name.")
                        .validator(length_between(1, 64)),
                )
                .attribute(
                    Attribute::string("zone")
                        .optional()
                        .description("Changing it replaces the object.")
                        .plan_modifier(requires_replace()),
                )
                .attribute(
                    Attribute::number("size")
                        .optional()
                        .description("Any number."),
                )
                .attribute(
                    Attribute::list("numbers", Type::Number)
                        .optional()
                        .description("Numbers."),
                )
                .attribute(
                    Attribute::int64("replicas")
                        .optional()
                        .computed()
                        .default(1i64)
                        .description("Copies (default 1).")
                        .validator(int_between(1, 100)),
                )
                .attribute(
                    Attribute::map("tags", Type::String)
                        .optional()
                        .description("Tags."),
                )
                .attribute(
                    Attribute::set("labels", Type::String)
                        .optional()
                        .description("Labels."),
                )
                .attribute(
                    Attribute::string("payload")
                        .optional()
                        .description("Free text of any size."),
                )
                .attribute(
                    Attribute::string("token")
                        .optional()
                        .sensitive()
                        .description("A sensitive value."),
                )
                .attribute(
                    Attribute::string("password")
                        .optional()
                        .write_only()
                        .description("Write-only: used on create and update, never stored."),
                )
                .attribute(
                    Attribute::bool("password_given")
                        .computed()
                        .description("Whether the last create or update received a password."),
                )
                .attribute(
                    Attribute::number("revision")
                        .computed()
                        .description("Counts the updates."),
                )
                .attribute(
                    Attribute::nested(
                        "settings",
                        Nesting::Single,
                        vec![
                            Attribute::string("mode")
                                .optional()
                                .description("Mode.")
                                .validator(one_of(["fast", "safe"])),
                            Attribute::string("effective")
                                .computed()
                                .description("Mode in effect."),
                        ],
                    )
                    .optional()
                    .description("Settings."),
                )
                .block(
                    NestedBlock::new(
                        "rule",
                        Nesting::List,
                        Block::new()
                            .description("A rule.")
                            .attribute(Attribute::number("port").required().description("Port."))
                            .attribute(
                                Attribute::string("protocol")
                                    .optional()
                                    .computed()
                                    .default("tcp")
                                    .description("Protocol (default tcp)."),
                            ),
                    )
                    .max_items(10),
                ),
        )
    }

    async fn create(&self, _ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        let store = match req.provider_data.require::<Store>() {
            Ok(store) => store,
            Err(d) => return resp.diagnostics.push(d),
        };
        let id = new_id();
        resp.state.set("id", id.clone());
        resp.identity.set("id", id);
        resp.state.set("revision", 1i64);
        fill_computed(&req.config, &mut resp.state);
        Thing::save(store, &resp.state, &mut resp.diagnostics);
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        let store = match req.provider_data.require::<Store>() {
            Ok(store) => store,
            Err(d) => return resp.diagnostics.push(d),
        };
        let Some(id) = req.state.get_str("id") else {
            return resp.remove();
        };
        match store.load(id) {
            Ok(Some(v)) => {
                resp.state = v;
                // Set on every read, so states written before the identity existed get one.
                resp.identity.set("id", id);
            }
            Ok(None) => resp.remove(),
            Err(e) => resp
                .diagnostics
                .error("Unable to Read Object", format!("Original Error: {e}")),
        }
    }

    async fn update(&self, _ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        let store = match req.provider_data.require::<Store>() {
            Ok(store) => store,
            Err(d) => return resp.diagnostics.push(d),
        };
        let revision = req.state.get_i64("revision").unwrap_or(0);
        resp.state.set("revision", revision + 1);
        fill_computed(&req.config, &mut resp.state);
        Thing::save(store, &resp.state, &mut resp.diagnostics);
    }

    async fn delete(&self, _ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        let store = match req.provider_data.require::<Store>() {
            Ok(store) => store,
            Err(d) => return resp.diagnostics.push(d),
        };
        if let Some(id) = req.state.get_str("id") {
            match std::fs::remove_file(store.path(id)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => resp
                    .diagnostics
                    .error("Unable to Delete Object", format!("Original Error: {e}")),
            }
        }
    }

    async fn import_state(
        &self,
        _ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        // `import { id = "…" }` or `import { identity = { id = "…" } }`.
        resp.passthrough_with_identity("id", "id", &req);
    }

    fn identity_schema(&self) -> Option<IdentitySchema> {
        Some(
            IdentitySchema::new(0).attribute(
                IdentityAttribute::string("id")
                    .required_for_import()
                    .description("The object's identifier."),
            ),
        )
    }

    fn prior_schema(&self, version: i64) -> Option<Schema> {
        (version == 0).then(Thing::schema_v0)
    }

    async fn upgrade_state(
        &self,
        _ctx: &Context,
        req: UpgradeStateRequest,
        resp: &mut UpgradeStateResponse,
    ) {
        // Version 0 -> 1: `size_text` becomes the number `size`; new attributes start empty.
        let old = &req.state;
        let size = match old.get_str("size_text") {
            None => Value::Null,
            Some(text) => match Number::parse(text) {
                Ok(n) => Value::Number(n),
                Err(e) => {
                    resp.diagnostics.attribute_error(
                        tfplugin::AttributePath::root("size_text"),
                        "Unable to Upgrade State",
                        format!("The stored size {text:?} is not a number.\n\nOriginal Error: {e}"),
                    );
                    return;
                }
            },
        };
        let mut new = Value::Object(Default::default());
        for name in [
            "numbers",
            "tags",
            "labels",
            "payload",
            "token",
            "password",
            "password_given",
            "revision",
            "settings",
        ] {
            new.set(name, Value::Null);
        }
        for name in ["id", "name", "zone"] {
            new.set(name, old.get(name).cloned().unwrap_or(Value::Null));
        }
        new.set("size", size);
        new.set("replicas", 1i64);
        new.set("rule", Value::List(Vec::new()));
        resp.state = new;
    }
}

/// Sets the computed values derived from the configuration.
fn fill_computed(config: &Value, state: &mut Value) {
    state.set(
        "password_given",
        !config.get("password").is_none_or(Value::is_null),
    );
    if let Some(Value::Object(settings)) = state.get_mut("settings") {
        let mode = settings.get("mode").cloned().filter(|m| !m.is_null());
        settings.insert(
            "effective".into(),
            mode.unwrap_or_else(|| Value::from("safe")),
        );
    }
}

/// The list resource `echo_thing`: the stored objects, read two files at a time.
struct ThingList;

#[async_trait]
impl ListResource for ThingList {
    fn type_name(&self) -> &str {
        "thing"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new().attribute(
                Attribute::string("name_prefix")
                    .optional()
                    .description("Only objects whose name starts with this."),
            ),
        )
    }

    async fn list(&self, _ctx: &Context, req: ListRequest, results: &mut ListResults) {
        let store = match req.provider_data.require::<Store>() {
            Ok(store) => store,
            Err(d) => return results.diagnostics.push(d),
        };
        let prefix = req.config.get_str("name_prefix").unwrap_or_default();
        let ids = match store.ids() {
            Ok(ids) => ids,
            Err(e) => {
                return results
                    .diagnostics
                    .error("Unable to List Objects", format!("Original Error: {e}"));
            }
        };
        // A "page" is two files; a page is read only when Terraform wants more results.
        for (page, chunk) in ids.chunks(2).enumerate() {
            tracing::debug!(page, "reading a page of objects");
            for id in chunk {
                let object = match store.load(id) {
                    Ok(Some(object)) => object,
                    Ok(None) => continue,
                    Err(e) => {
                        return results
                            .diagnostics
                            .error("Unable to Read Object", format!("{id}: {e}"));
                    }
                };
                let name = object.get_str("name").unwrap_or_default().to_string();
                if !name.starts_with(prefix) {
                    continue;
                }
                let mut identity = Value::Object(Default::default());
                identity.set("id", id.as_str());
                let mut result = ListResult::new(identity, name);
                if req.include_resource {
                    result = result.with_resource(object);
                }
                results.send(result).await;
            }
        }
    }
}

/// The action `echo_countdown`: counts down from `from`, one progress line per step.
struct Countdown;

#[async_trait]
impl Action for Countdown {
    fn type_name(&self) -> &str {
        "countdown"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(
                    Attribute::int64("from")
                        .required()
                        .description("Where to start counting.")
                        .validator(int_between(1, 10)),
                )
                .attribute(
                    Attribute::string("message")
                        .optional()
                        .description("What to say at the end (default: lift-off)."),
                ),
        )
    }

    async fn invoke(&self, ctx: &Context, req: InvokeRequest, resp: &mut InvokeResponse) {
        let from = req.config.get_i64("from").unwrap_or(1);
        for n in (1..=from).rev() {
            resp.progress(format!("T-minus {n}"));
            if let Err(why) = ctx.sleep(Duration::from_millis(100)).await {
                resp.diagnostics
                    .error("Countdown Interrupted", format!("Stopped at {n}: {why}."));
                return;
            }
        }
        let message = req.config.get_str("message").unwrap_or("lift-off");
        resp.progress(message.to_string());
    }
}

/// `echo_slow`.
struct Slow;

#[async_trait]
impl Resource for Slow {
    fn type_name(&self) -> &str {
        "slow"
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
                    Attribute::int64("seconds")
                        .required()
                        .description("How long creation takes.")
                        .plan_modifier(requires_replace()),
                ),
        )
    }

    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        let seconds = req.plan.get_i64("seconds").unwrap_or(0).max(0);
        tracing::info!(seconds, "slow creation started");
        if let Err(why) = ctx.sleep(Duration::from_secs(seconds as u64)).await {
            resp.diagnostics.error(
                "Creation Cancelled",
                format!(
                    "The creation was interrupted before it finished: {why}. Nothing was created."
                ),
            );
            return;
        }
        resp.state.set("id", new_id());
    }

    async fn read(&self, _ctx: &Context, _req: ReadRequest, _resp: &mut ReadResponse) {}

    async fn update(&self, _ctx: &Context, _req: UpdateRequest, _resp: &mut UpdateResponse) {}

    async fn delete(&self, _ctx: &Context, _req: DeleteRequest, _resp: &mut DeleteResponse) {}
}

/// `echo_text`.
struct Text;

#[async_trait]
impl DataSource for Text {
    fn type_name(&self) -> &str {
        "text"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(Attribute::string("input").required().description("Text."))
                .attribute(
                    Attribute::number("length")
                        .computed()
                        .description("Characters in the text."),
                )
                .attribute(
                    Attribute::string("upper")
                        .computed()
                        .description("The text in upper case."),
                ),
        )
    }

    async fn read(
        &self,
        _ctx: &Context,
        req: data_source::ReadRequest,
        resp: &mut data_source::ReadResponse,
    ) {
        let input = req.config.get_str("input").unwrap_or_default().to_string();
        resp.state.set("length", input.chars().count() as i64);
        resp.state.set("upper", input.to_uppercase());
    }
}

/// `echo_secret`.
struct Secret;

#[async_trait]
impl EphemeralResource for Secret {
    fn type_name(&self) -> &str {
        "secret"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(
                    Attribute::int64("length")
                        .required()
                        .description("Length of the value.")
                        .validator(int_between(1, 1024)),
                )
                .attribute(
                    Attribute::string("value")
                        .computed()
                        .sensitive()
                        .description("The value."),
                ),
        )
    }

    async fn open(
        &self,
        _ctx: &Context,
        req: ephemeral::OpenRequest,
        resp: &mut ephemeral::OpenResponse,
    ) {
        let length = req.config.get_i64("length").unwrap_or(1).max(0) as usize;
        resp.result.set("value", "s".repeat(length));
        resp.private.set("length", serde_json::json!(length));
    }
}

/// `provider::echo::reverse(text)`.
struct Reverse;

#[async_trait]
impl Function for Reverse {
    fn name(&self) -> &str {
        "reverse"
    }

    fn definition(&self) -> FunctionDefinition {
        FunctionDefinition::new(Type::String)
            .summary("Reverses a string")
            .parameter(Parameter::new("text", Type::String).description("The text to reverse."))
    }

    async fn call(&self, _ctx: &Context, req: CallRequest) -> Result<Value, FunctionError> {
        let text = req.arguments[0]
            .as_str()
            .ok_or_else(|| FunctionError::argument(0, "expected a string"))?;
        Ok(Value::from(text.chars().rev().collect::<String>()))
    }
}

/// `provider::echo::concat(separator, parts...)`.
struct Concat;

#[async_trait]
impl Function for Concat {
    fn name(&self) -> &str {
        "concat"
    }

    fn definition(&self) -> FunctionDefinition {
        FunctionDefinition::new(Type::String)
            .summary("Joins strings with a separator")
            .parameter(Parameter::new("separator", Type::String))
            .variadic(Parameter::new("parts", Type::String))
    }

    async fn call(&self, _ctx: &Context, req: CallRequest) -> Result<Value, FunctionError> {
        let separator = req.arguments[0].as_str().unwrap_or_default();
        let mut parts = Vec::new();
        for (i, part) in req.variadic().iter().enumerate() {
            match part.as_str() {
                Some(s) if !s.is_empty() => parts.push(s),
                _ => {
                    return Err(FunctionError::argument(
                        i + 1,
                        "parts must be non-empty strings",
                    ));
                }
            }
        }
        Ok(Value::from(parts.join(separator)))
    }
}
