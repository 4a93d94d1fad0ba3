//! The gRPC service: [`ProviderServer`] implements the generated `tfplugin6.Provider` trait on
//! top of a [`Provider`].
//!
//! One file per RPC, each handling only wire types: it looks the type up, decodes the request
//! with `convert`, calls the function of the same name in `engine`, and encodes the result.
//! Every failure of the provider (unknown type, undecodable value, provider error, even a panic
//! in a handler) is returned as diagnostics in the response; `tonic::Status` is never used for
//! them. Each RPC runs inside a tracing span carrying `tf_rpc` and, where there is one,
//! `tf_resource_type`.
//!
//! `StopProvider` cancels the token shared by the calls in flight and installs a fresh one, so
//! the server keeps serving and later calls are not affected.

mod action;
mod apply_resource_change;
mod call_function;
mod configure_provider;
mod ephemeral_resource;
mod generate_resource_config;
mod get_metadata;
mod get_provider_schema;
mod import_resource_state;
mod list_resource;
mod move_resource_state;
mod plan_resource_change;
mod read_data_source;
mod read_resource;
mod upgrade_resource_identity;
mod upgrade_resource_state;
mod validate_config;

use std::collections::BTreeMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use futures_util::FutureExt;
use tokio_util::sync::CancellationToken;
use tonic::codegen::BoxStream;
use tonic::{Request, Response, Status};
use tracing::Instrument;

use crate::action::Action;
use crate::convert;
use crate::data_source::DataSource;
use crate::ephemeral::EphemeralResource;
use crate::function::{Function, FunctionDefinition};
use crate::identity::IdentitySchema;
use crate::list::ListResource;
use crate::proto::tfplugin6 as pb;
use crate::proto::tfplugin6::provider_server::Provider as ProviderService;
use crate::provider::{Provider, ProviderData};
use crate::resource::Resource;
use crate::{Context, Diagnostics, Schema, Type, Value};

/// The tfplugin6 gRPC service for a [`Provider`]; hand it to [`serve`](crate::serve()).
///
/// ```no_run
/// # use tfplugin::{Provider, async_trait, Context};
/// # use tfplugin::provider::{ConfigureRequest, ConfigureResponse};
/// # struct MyProvider;
/// # #[async_trait] impl Provider for MyProvider {
/// #     fn type_name(&self) -> &str { "my" }
/// #     async fn configure(&self, _: &Context, _: ConfigureRequest, _: &mut ConfigureResponse) {}
/// # }
/// let server = tfplugin::server::ProviderServer::new(MyProvider);
/// ```
pub struct ProviderServer<P: Provider> {
    inner: Arc<Inner<P>>,
}

/// A registered type with its schema and value type computed once (and, for a managed
/// resource, its identity schema and identity type).
pub(crate) struct Registered<T: ?Sized> {
    pub(crate) handler: Arc<T>,
    pub(crate) schema: Schema,
    pub(crate) ty: Type,
    pub(crate) identity: Option<IdentitySchema>,
    pub(crate) identity_ty: Type,
}

impl<T: ?Sized> Registered<T> {
    fn new(handler: Arc<T>, schema: Schema) -> Self {
        let ty = schema.value_type();
        Self {
            handler,
            schema,
            ty,
            identity: None,
            identity_ty: Type::Dynamic,
        }
    }

    fn with_identity(mut self, identity: Option<IdentitySchema>) -> Self {
        if let Some(id) = &identity {
            self.identity_ty = id.value_type();
        }
        self.identity = identity;
        self
    }

    /// Decodes an identity sent by Terraform; null when none was sent or the type has no
    /// identity.
    pub(crate) fn decode_identity(
        &self,
        data: Option<&pb::ResourceIdentityData>,
        what: &str,
        diags: &mut Diagnostics,
    ) -> Value {
        match (&self.identity, data.and_then(|d| d.identity_data.as_ref())) {
            (Some(_), Some(dv)) => convert::decode(Some(dv), &self.identity_ty, what, diags),
            _ => Value::Null,
        }
    }

    /// Encodes an identity for Terraform; nothing when there is none or the type has no
    /// identity.
    pub(crate) fn encode_identity(
        &self,
        identity: Option<&Value>,
        what: &str,
        diags: &mut Diagnostics,
    ) -> Option<pb::ResourceIdentityData> {
        self.identity.as_ref()?;
        let identity = identity?;
        Some(pb::ResourceIdentityData {
            identity_data: convert::encode(identity, &self.identity_ty, what, diags),
        })
    }
}

/// Everything the RPC handlers share.
pub(crate) struct Inner<P: Provider> {
    pub(crate) provider: P,
    pub(crate) provider_schema: Schema,
    pub(crate) provider_type: Type,
    pub(crate) resources: BTreeMap<String, Registered<dyn Resource>>,
    pub(crate) data_sources: BTreeMap<String, Registered<dyn DataSource>>,
    pub(crate) ephemeral_resources: BTreeMap<String, Registered<dyn EphemeralResource>>,
    pub(crate) functions: BTreeMap<String, (Arc<dyn Function>, FunctionDefinition)>,
    pub(crate) list_resources: BTreeMap<String, Registered<dyn ListResource>>,
    pub(crate) actions: BTreeMap<String, Registered<dyn Action>>,
    provider_data: RwLock<ProviderData>,
    stop: Mutex<CancellationToken>,
}

/// The full type name of a type registered by the provider `provider`: `"<provider>_<suffix>"`.
/// This is the one place where the prefix is added.
pub fn full_type_name(provider: &str, suffix: &str) -> String {
    if suffix.is_empty() {
        provider.to_string()
    } else {
        format!("{provider}_{suffix}")
    }
}

impl<P: Provider> ProviderServer<P> {
    /// Builds the service, collecting the provider's types and their schemas once.
    ///
    /// # Panics
    ///
    /// Panics when two types of the same kind (or two functions) share a name, or when a list
    /// resource has no managed resource of its name with an identity: those are mistakes in
    /// the provider's registry, caught by its first test.
    pub fn new(provider: P) -> Self {
        let name = provider.type_name().to_string();
        let mut resources = BTreeMap::new();
        for r in provider.resources() {
            let full = full_type_name(&name, r.type_name());
            let schema = r.schema();
            let identity = r.identity_schema();
            let registered = Registered::new(r, schema).with_identity(identity);
            let previous = resources.insert(full.clone(), registered);
            assert!(
                previous.is_none(),
                "resource type {full} is registered twice"
            );
        }
        let mut data_sources = BTreeMap::new();
        for d in provider.data_sources() {
            let full = full_type_name(&name, d.type_name());
            let schema = d.schema();
            let previous = data_sources.insert(full.clone(), Registered::new(d, schema));
            assert!(
                previous.is_none(),
                "data source type {full} is registered twice"
            );
        }
        let mut ephemeral_resources = BTreeMap::new();
        for e in provider.ephemeral_resources() {
            let full = full_type_name(&name, e.type_name());
            let schema = e.schema();
            let previous = ephemeral_resources.insert(full.clone(), Registered::new(e, schema));
            assert!(
                previous.is_none(),
                "ephemeral resource type {full} is registered twice"
            );
        }
        let mut functions = BTreeMap::new();
        for f in provider.functions() {
            let fname = f.name().to_string();
            let def = f.definition();
            let previous = functions.insert(fname.clone(), (f, def));
            assert!(previous.is_none(), "function {fname} is registered twice");
        }
        let mut list_resources = BTreeMap::new();
        for l in provider.list_resources() {
            let full = full_type_name(&name, l.type_name());
            assert!(
                resources
                    .get(&full)
                    .is_some_and(|r: &Registered<dyn Resource>| r.identity.is_some()),
                "list resource {full} lists no managed resource type with an identity"
            );
            let schema = l.schema();
            let previous = list_resources.insert(full.clone(), Registered::new(l, schema));
            assert!(
                previous.is_none(),
                "list resource type {full} is registered twice"
            );
        }
        let mut actions = BTreeMap::new();
        for a in provider.actions() {
            let full = full_type_name(&name, a.type_name());
            let schema = a.schema();
            let previous = actions.insert(full.clone(), Registered::new(a, schema));
            assert!(previous.is_none(), "action type {full} is registered twice");
        }
        let provider_schema = provider.schema();
        let provider_type = provider_schema.value_type();
        Self {
            inner: Arc::new(Inner {
                provider,
                provider_schema,
                provider_type,
                resources,
                data_sources,
                ephemeral_resources,
                functions,
                list_resources,
                actions,
                provider_data: RwLock::new(ProviderData::default()),
                stop: Mutex::new(CancellationToken::new()),
            }),
        }
    }

    /// Everything Terraform would reject in the provider's schemas (see [`Schema::problems`]),
    /// each prefixed with the type it belongs to. A provider's tests should assert it is empty.
    pub fn schema_problems(&self) -> Vec<String> {
        let inner = &self.inner;
        let mut all: Vec<(String, &Schema)> =
            vec![("provider".to_string(), &inner.provider_schema)];
        all.extend(
            inner
                .resources
                .iter()
                .map(|(n, r)| (format!("resource {n}"), &r.schema)),
        );
        all.extend(
            inner
                .data_sources
                .iter()
                .map(|(n, d)| (format!("data source {n}"), &d.schema)),
        );
        all.extend(
            inner
                .ephemeral_resources
                .iter()
                .map(|(n, e)| (format!("ephemeral resource {n}"), &e.schema)),
        );
        all.extend(
            inner
                .list_resources
                .iter()
                .map(|(n, l)| (format!("list resource {n}"), &l.schema)),
        );
        all.extend(
            inner
                .actions
                .iter()
                .map(|(n, a)| (format!("action {n}"), &a.schema)),
        );
        let identities = inner.resources.iter().filter_map(|(n, r)| {
            let problems = r.identity.as_ref()?.problems();
            Some(
                problems
                    .into_iter()
                    .map(move |p| format!("resource {n}: {p}")),
            )
        });
        all.into_iter()
            .flat_map(|(what, schema)| {
                schema
                    .problems()
                    .into_iter()
                    .map(move |p| format!("{what}: {p}"))
            })
            .chain(identities.flatten())
            .collect()
    }

    /// Cancels the calls in flight, as `StopProvider` does; later calls get a fresh token.
    pub fn stop(&self) {
        self.inner.stop();
    }
}

impl<P: Provider> Clone for ProviderServer<P> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<P: Provider> Inner<P> {
    /// A context for a new call, tied to the current stop token.
    pub(crate) fn context(&self) -> Context {
        let token = self
            .stop
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        Context::from_token(token)
    }

    /// Cancels the current token and installs a fresh one.
    pub(crate) fn stop(&self) {
        let mut token = self.stop.lock().unwrap_or_else(PoisonError::into_inner);
        token.cancel();
        *token = CancellationToken::new();
    }

    /// The provider data from the last configure.
    pub(crate) fn provider_data(&self) -> ProviderData {
        self.provider_data
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub(crate) fn set_provider_data(&self, data: ProviderData) {
        *self
            .provider_data
            .write()
            .unwrap_or_else(PoisonError::into_inner) = data;
    }

    pub(crate) fn resource(
        &self,
        type_name: &str,
        diags: &mut Diagnostics,
    ) -> Option<&Registered<dyn Resource>> {
        let found = self.resources.get(type_name);
        if found.is_none() {
            unknown_type(diags, "resource", type_name);
        }
        found
    }

    pub(crate) fn data_source(
        &self,
        type_name: &str,
        diags: &mut Diagnostics,
    ) -> Option<&Registered<dyn DataSource>> {
        let found = self.data_sources.get(type_name);
        if found.is_none() {
            unknown_type(diags, "data source", type_name);
        }
        found
    }

    pub(crate) fn ephemeral_resource(
        &self,
        type_name: &str,
        diags: &mut Diagnostics,
    ) -> Option<&Registered<dyn EphemeralResource>> {
        let found = self.ephemeral_resources.get(type_name);
        if found.is_none() {
            unknown_type(diags, "ephemeral resource", type_name);
        }
        found
    }

    pub(crate) fn list_resource(
        &self,
        type_name: &str,
        diags: &mut Diagnostics,
    ) -> Option<&Registered<dyn ListResource>> {
        let found = self.list_resources.get(type_name);
        if found.is_none() {
            unknown_type(diags, "list resource", type_name);
        }
        found
    }

    pub(crate) fn action(
        &self,
        type_name: &str,
        diags: &mut Diagnostics,
    ) -> Option<&Registered<dyn Action>> {
        let found = self.actions.get(type_name);
        if found.is_none() {
            unknown_type(diags, "action", type_name);
        }
        found
    }
}

fn unknown_type(diags: &mut Diagnostics, kind: &str, type_name: &str) {
    diags.error(
        format!("Unknown {} Type", title_case(kind)),
        format!(
            "The provider has no {kind} type named {type_name:?}. This is a bug in Terraform or in \
             the provider's registry, which should be reported."
        ),
    );
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs one RPC's handler inside its tracing span, turning a panic into an error diagnostic.
async fn guarded<T>(
    span: tracing::Span,
    handler: impl Future<Output = T>,
) -> Result<T, pb::Diagnostic> {
    let outcome = AssertUnwindSafe(handler)
        .catch_unwind()
        .instrument(span.clone())
        .await;
    outcome.map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        span.in_scope(|| tracing::error!(panic = %message, "provider handler panicked"));
        pb::Diagnostic {
            severity: pb::diagnostic::Severity::Error as i32,
            summary: "Provider Internal Error".to_string(),
            detail: format!(
                "The provider failed unexpectedly. This is a bug in the provider, which should be \
                 reported in the provider's own issue tracker.\n\nOriginal Error: {message}"
            ),
            attribute: None,
        }
    })
}

fn span(rpc: &'static str, type_name: &str) -> tracing::Span {
    if type_name.is_empty() {
        tracing::info_span!("tfplugin_rpc", tf_rpc = rpc)
    } else {
        tracing::info_span!("tfplugin_rpc", tf_rpc = rpc, tf_resource_type = type_name)
    }
}

/// Implements the service: each listed unary RPC delegates to the handler method of the same
/// name on [`Inner`], inside its span, and a panic becomes a response holding only the error
/// diagnostic; the remaining methods are written out after the list.
macro_rules! service {
    ($( ($method:ident, $rpc:literal, |$req:ident| $type_name:expr) ),* $(,)? ; $($rest:tt)*) => {
        #[tonic::async_trait]
        impl<P: Provider> ProviderService for ProviderServer<P> {
            $(
                // Some responses hold nothing but diagnostics.
                #[allow(clippy::needless_update)]
                async fn $method(
                    &self,
                    request: Request<pb::$method::Request>,
                ) -> Result<Response<pb::$method::Response>, Status> {
                    let $req = request.into_inner();
                    let span = span($rpc, $type_name);
                    let inner = Arc::clone(&self.inner);
                    let response = guarded(span.clone(), async move { inner.$method($req).await })
                        .await
                        .unwrap_or_else(|diagnostic| pb::$method::Response {
                            diagnostics: vec![diagnostic],
                            ..Default::default()
                        });
                    let errors = response
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity == pb::diagnostic::Severity::Error as i32)
                        .count();
                    span.in_scope(|| {
                        tracing::debug!(diagnostics = response.diagnostics.len(), errors, "rpc done")
                    });
                    Ok(Response::new(response))
                }
            )*
            $($rest)*
        }
    };
}

service! {
    (get_metadata, "GetMetadata", |req| ""),
    (get_provider_schema, "GetProviderSchema", |req| ""),
    (validate_provider_config, "ValidateProviderConfig", |req| ""),
    (validate_resource_config, "ValidateResourceConfig", |req| &req.type_name),
    (validate_data_resource_config, "ValidateDataResourceConfig", |req| &req.type_name),
    (validate_ephemeral_resource_config, "ValidateEphemeralResourceConfig", |req| &req.type_name),
    (upgrade_resource_state, "UpgradeResourceState", |req| &req.type_name),
    (configure_provider, "ConfigureProvider", |req| ""),
    (read_resource, "ReadResource", |req| &req.type_name),
    (plan_resource_change, "PlanResourceChange", |req| &req.type_name),
    (apply_resource_change, "ApplyResourceChange", |req| &req.type_name),
    (import_resource_state, "ImportResourceState", |req| &req.type_name),
    (move_resource_state, "MoveResourceState", |req| &req.target_type_name),
    (read_data_source, "ReadDataSource", |req| &req.type_name),
    (open_ephemeral_resource, "OpenEphemeralResource", |req| &req.type_name),
    (renew_ephemeral_resource, "RenewEphemeralResource", |req| &req.type_name),
    (close_ephemeral_resource, "CloseEphemeralResource", |req| &req.type_name),
    (get_functions, "GetFunctions", |req| ""),
    (get_resource_identity_schemas, "GetResourceIdentitySchemas", |req| ""),
    (upgrade_resource_identity, "UpgradeResourceIdentity", |req| &req.type_name),
    (generate_resource_config, "GenerateResourceConfig", |req| &req.type_name),
    (validate_list_resource_config, "ValidateListResourceConfig", |req| &req.type_name),
    (validate_action_config, "ValidateActionConfig", |req| &req.type_name),
    (plan_action, "PlanAction", |req| &req.action_type),
    ;

    async fn call_function(
        &self,
        request: Request<pb::call_function::Request>,
    ) -> Result<Response<pb::call_function::Response>, Status> {
        let req = request.into_inner();
        let span = tracing::info_span!("tfplugin_rpc", tf_rpc = "CallFunction", tf_function = %req.name);
        let inner = Arc::clone(&self.inner);
        let response = guarded(span, async move { inner.call_function(req).await })
            .await
            .unwrap_or_else(|diagnostic| pb::call_function::Response {
                result: None,
                error: Some(pb::FunctionError {
                    text: diagnostic.detail,
                    function_argument: None,
                }),
            });
        Ok(Response::new(response))
    }

    async fn list_resource(
        &self,
        request: Request<pb::list_resource::Request>,
    ) -> Result<Response<BoxStream<pb::list_resource::Event>>, Status> {
        let req = request.into_inner();
        let span = span("ListResource", &req.type_name);
        Ok(Response::new(self.inner.list_resource_stream(req, span)))
    }

    async fn invoke_action(
        &self,
        request: Request<pb::invoke_action::Request>,
    ) -> Result<Response<BoxStream<pb::invoke_action::Event>>, Status> {
        let req = request.into_inner();
        let span = span("InvokeAction", &req.action_type);
        Ok(Response::new(self.inner.invoke_action_stream(req, span)))
    }

    async fn stop_provider(
        &self,
        _request: Request<pb::stop_provider::Request>,
    ) -> Result<Response<pb::stop_provider::Response>, Status> {
        let _span = span("StopProvider", "").entered();
        tracing::info!("terraform asked the provider to stop; cancelling calls in flight");
        self.inner.stop();
        Ok(Response::new(Default::default()))
    }
}
