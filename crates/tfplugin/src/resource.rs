//! The [`Resource`] trait: a managed resource type, with its request and response types.
//!
//! Every handler receives a [`Context`] and a request struct, and fills in a response struct
//! that the engine has already pre-filled with the obvious answer (the planned values for create
//! and update, the prior state for read), so a handler only sets what it knows and reports
//! problems as diagnostics. Adding a field to a request or response is not a breaking change for
//! resources, which is why the protocol's additions land here rather than in method signatures.
//!
//! ```
//! use tfplugin::resource::*;
//! use tfplugin::{Attribute, Block, Context, Resource, Schema, ValueExt, async_trait};
//! use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
//!
//! struct Note;
//!
//! #[async_trait]
//! impl Resource for Note {
//!     fn type_name(&self) -> &str { "note" }    // becomes "<provider>_note"
//!     fn schema(&self) -> Schema {
//!         Schema::new(0, Block::new()
//!             .attribute(Attribute::string("id").computed().description("Identifier.")
//!                 .plan_modifier(use_state_for_unknown()))
//!             .attribute(Attribute::string("text").required().description("The text.")
//!                 .plan_modifier(requires_replace())))
//!     }
//!     async fn create(&self, _ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
//!         let text = req.plan.get_str("text").unwrap_or_default();
//!         resp.state.set("id", format!("note-{}", text.len()));
//!     }
//!     async fn read(&self, _ctx: &Context, _req: ReadRequest, _resp: &mut ReadResponse) {}
//!     async fn update(&self, _ctx: &Context, _req: UpdateRequest, _resp: &mut UpdateResponse) {}
//!     async fn delete(&self, _ctx: &Context, _req: DeleteRequest, _resp: &mut DeleteResponse) {}
//! }
//! ```

use std::collections::BTreeMap;
use std::sync::Arc;

use async_trait::async_trait;

use crate::identity::IdentitySchema;
use crate::provider::ProviderData;
use crate::validator::Validator;
use crate::{AttributePath, Context, Diagnostic, Diagnostics, Number, Schema, Value};

/// A managed resource type.
///
/// The core is six methods: [`type_name`](Resource::type_name), [`schema`](Resource::schema),
/// [`create`](Resource::create), [`read`](Resource::read), [`update`](Resource::update) and
/// [`delete`](Resource::delete). Optional capabilities are default methods:
///
/// | method | default |
/// |---|---|
/// | [`config_validators`](Resource::config_validators) | none: whole-configuration validators such as `exactly_one_of` |
/// | [`validate_config`](Resource::validate_config) | accepts everything the schema's validators accept |
/// | [`modify_plan`](Resource::modify_plan) | keeps the plan computed from the schema (defaults, unknowns, attribute plan modifiers) |
/// | [`import_state`](Resource::import_state) | an "import not supported" error |
/// | [`prior_schema`](Resource::prior_schema) + [`upgrade_state`](Resource::upgrade_state) | no prior versions; upgrading reports an error |
/// | [`move_state`](Resource::move_state) | a "move not supported" error |
/// | [`identity_schema`](Resource::identity_schema) | no identity |
/// | [`upgrade_identity`](Resource::upgrade_identity) | identities at the current version are accepted; older ones are an error |
/// | [`generate_config`](Resource::generate_config) | the state without computed-only, write-only and default values |
///
/// The engine enforces Terraform's rules around these: computed attributes that the
/// configuration leaves null are planned unknown on create (and on update unless a modifier such
/// as `use_state_for_unknown` keeps them), defaults are planned, write-only attributes never reach
/// state, and a state returned with unknown values left in it becomes an error diagnostic. With
/// an identity, it also pre-fills `resp.identity` in every response and refuses an identity that
/// changes during the life of an object.
#[async_trait]
pub trait Resource: Send + Sync {
    /// The type name without the provider prefix: `"thing"` for `<provider>_thing`.
    fn type_name(&self) -> &str;

    /// The current schema (its `version` is the state version written by this provider).
    fn schema(&self) -> Schema;

    /// Creates the remote object. `resp.state` starts as the plan (computed values unknown);
    /// set the computed values. Unknown values left in it are reported as an error.
    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse);

    /// Refreshes the state from the remote object. `resp.state` starts as the prior state; call
    /// [`ReadResponse::remove`] when the object is gone, so Terraform plans to create it again.
    async fn read(&self, ctx: &Context, req: ReadRequest, resp: &mut ReadResponse);

    /// Updates the remote object in place. `resp.state` starts as the plan.
    async fn update(&self, ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse);

    /// Deletes the remote object. An object that is already gone is not an error.
    async fn delete(&self, ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse);

    /// Validators run on the whole configuration (path empty), such as
    /// [`exactly_one_of`](crate::validator::exactly_one_of) over top-level attributes.
    fn config_validators(&self) -> Vec<Arc<dyn Validator>> {
        Vec::new()
    }

    /// Extra checks of the configuration, after the schema's and the configuration
    /// validators. Values may be unknown here.
    async fn validate_config(
        &self,
        _ctx: &Context,
        _req: ValidateConfigRequest,
        _resp: &mut ValidateConfigResponse,
    ) {
    }

    /// Adjusts the whole plan after the attribute-level rules ran. Also called when the
    /// resource is being destroyed (`req.plan` is then null), so it can warn or refuse.
    async fn modify_plan(
        &self,
        _ctx: &Context,
        _req: ModifyPlanRequest,
        _resp: &mut ModifyPlanResponse,
    ) {
    }

    /// Turns an import identifier into a state, which Terraform then refreshes with
    /// [`read`](Resource::read). `resp.state` starts as an object with every attribute null;
    /// [`ImportStateResponse::passthrough_id`] covers the common case.
    async fn import_state(
        &self,
        _ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        resp.diagnostics.error(
            "Resource Import Not Implemented",
            format!(
                "This resource does not support import. Please report this to the provider \
                 developers if you need it; the resource must otherwise be created by Terraform \
                 (import identifier: {:?}).",
                req.id
            ),
        );
    }

    /// The schema of an older state version, used to decode state stored at that version
    /// before [`upgrade_state`](Resource::upgrade_state) runs. `None` for unknown versions.
    fn prior_schema(&self, _version: i64) -> Option<Schema> {
        None
    }

    /// Upgrades a state from `req.version` (decoded with [`prior_schema`](Resource::prior_schema))
    /// to `req.version + 1`. The engine calls it once per step until the current version.
    /// `resp.state` starts as `req.state`.
    async fn upgrade_state(
        &self,
        _ctx: &Context,
        req: UpgradeStateRequest,
        resp: &mut UpgradeStateResponse,
    ) {
        resp.diagnostics.error(
            "Unable to Upgrade Resource State",
            format!(
                "This resource has no upgrader from state version {} to {}. This is a bug in \
                 the provider, which should be reported in the provider's own issue tracker.",
                req.version,
                req.version + 1
            ),
        );
    }

    /// Moves state from another resource type (a `moved` block whose source has a different
    /// type). `req.source_state` is the raw JSON of the source.
    async fn move_state(
        &self,
        _ctx: &Context,
        req: MoveStateRequest,
        resp: &mut MoveStateResponse,
    ) {
        resp.diagnostics.error(
            "Unable to Move Resource State",
            format!(
                "This resource does not support moving state from {:?} (provider {:?}); the \
                 moved block must be removed or point at a supported source.",
                req.source_type_name, req.source_provider_address
            ),
        );
    }

    /// The resource identity (Terraform 1.12 and later): the attributes that name a remote
    /// object, shown by `terraform show -json` and used by `import { identity = {…} }` and
    /// `terraform query`. `None` (the default) for no identity.
    ///
    /// With an identity, every handler that produces a state also sets `resp.identity`, which
    /// the engine pre-fills: with the prior identity on read, update and plan, with null
    /// attributes when creating (set them in [`create`](Resource::create), or earlier in
    /// [`modify_plan`](Resource::modify_plan) when the configuration decides them), and with the
    /// requested identity on import. An identity that changes during the life of an object is
    /// reported as an error and the prior one kept; an identity whose attributes are all null
    /// counts as not set.
    fn identity_schema(&self) -> Option<IdentitySchema> {
        None
    }

    /// Upgrades an identity stored at an older identity version (`req.version`) to the current
    /// one, in one step (there are no prior identity schemas; `req.identity` is the raw JSON).
    /// Only called for older versions: the engine accepts an identity at the current version
    /// itself. `resp.identity` starts with every attribute null.
    async fn upgrade_identity(
        &self,
        _ctx: &Context,
        req: UpgradeIdentityRequest,
        resp: &mut UpgradeIdentityResponse,
    ) {
        resp.diagnostics.error(
            "Unable to Upgrade Resource Identity",
            format!(
                "This resource has no upgrader for identities stored at identity version {}. This \
                 is a bug in the provider, which should be reported in the provider's own issue \
                 tracker.",
                req.version
            ),
        );
    }

    /// Turns a state into configuration, for `-generate-config-out` (Terraform 1.14 and later
    /// ask the provider; older ones guess). `resp.config` starts as the state without
    /// computed-only and write-only attributes and without optional and computed attributes
    /// that hold their default; adjust it when the resource knows better.
    async fn generate_config(
        &self,
        _ctx: &Context,
        _req: GenerateConfigRequest,
        _resp: &mut GenerateConfigResponse,
    ) {
    }
}

/// Why a change was deferred to a later plan/apply round (Terraform's deferred actions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeferredReason {
    /// No particular reason given.
    Unknown,
    /// The resource's configuration contains unknown values the provider cannot plan around.
    ResourceConfigUnknown,
    /// The provider's configuration contains unknown values.
    ProviderConfigUnknown,
    /// Something this resource depends on does not exist yet.
    AbsentPrerequisite,
}

/// A deferral of the change, allowed only when [`ClientCapabilities::deferral_allowed`] is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deferred {
    /// Why the change is deferred.
    pub reason: DeferredReason,
}

/// What the Terraform client said it supports, as sent in the request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientCapabilities {
    /// The client accepts [`Deferred`] responses.
    pub deferral_allowed: bool,
    /// The client supports write-only attributes.
    pub write_only_attributes_allowed: bool,
}

/// Provider-private data kept alongside a resource's state: a small JSON key-value store.
///
/// Terraform stores it as opaque bytes and hands it back on the next read, plan and apply.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrivateState {
    entries: BTreeMap<String, serde_json::Value>,
}

impl PrivateState {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value stored under `key`.
    pub fn get(&self, key: &str) -> Option<&serde_json::Value> {
        self.entries.get(key)
    }

    /// Stores `value` under `key`, replacing any previous value.
    pub fn set(&mut self, key: impl Into<String>, value: serde_json::Value) {
        self.entries.insert(key.into(), value);
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<serde_json::Value> {
        self.entries.remove(key)
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Decodes the bytes Terraform sent (empty bytes are an empty store).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        if bytes.is_empty() {
            return Ok(Self::default());
        }
        Ok(Self {
            entries: serde_json::from_slice(bytes)?,
        })
    }

    /// Encodes the store for Terraform (an empty store is empty bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        serde_json::to_vec(&self.entries).unwrap_or_default()
    }
}

/// Typed access to the attributes of an object [`Value`] (a configuration, plan or state).
///
/// Getters return `None` when the attribute is absent, null, unknown or of another type.
pub trait ValueExt {
    /// The string attribute `name`.
    fn get_str(&self, name: &str) -> Option<&str>;
    /// The whole-number attribute `name`, when it fits an `i64`.
    fn get_i64(&self, name: &str) -> Option<i64>;
    /// The number attribute `name`.
    fn get_number(&self, name: &str) -> Option<&Number>;
    /// The bool attribute `name`.
    fn get_bool(&self, name: &str) -> Option<bool>;
    /// The elements of the list, set or tuple attribute (or nested block) `name`: none when it
    /// is absent, null, unknown or of another type.
    fn get_elements(&self, name: &str) -> &[Value];
    /// The string at `path`.
    fn str_at(&self, path: &AttributePath) -> Option<&str>;
    /// Sets attribute `name` of an object value (no effect on other values).
    fn set(&mut self, name: &str, value: impl Into<Value>);
    /// Sets the value at `path`, returning whether the path exists.
    fn set_at(&mut self, path: &AttributePath, value: impl Into<Value>) -> bool;
}

impl ValueExt for Value {
    fn get_str(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(Value::as_str)
    }

    fn get_i64(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(Value::as_i64)
    }

    fn get_number(&self, name: &str) -> Option<&Number> {
        self.get(name).and_then(Value::as_number)
    }

    fn get_bool(&self, name: &str) -> Option<bool> {
        self.get(name).and_then(Value::as_bool)
    }

    fn get_elements(&self, name: &str) -> &[Value] {
        self.get(name)
            .and_then(Value::as_elements)
            .unwrap_or_default()
    }

    fn str_at(&self, path: &AttributePath) -> Option<&str> {
        self.at(path).and_then(Value::as_str)
    }

    fn set(&mut self, name: &str, value: impl Into<Value>) {
        if let Value::Object(attrs) = self {
            attrs.insert(name.to_string(), value.into());
        }
    }

    fn set_at(&mut self, path: &AttributePath, value: impl Into<Value>) -> bool {
        match self.at_mut(path) {
            Some(slot) => {
                *slot = value.into();
                true
            }
            None => false,
        }
    }
}

/// [`Resource::validate_config`]'s request.
#[derive(Clone, Debug)]
pub struct ValidateConfigRequest {
    /// The configuration; may contain unknown values.
    pub config: Value,
    /// What the client supports.
    pub client_capabilities: ClientCapabilities,
}

/// [`Resource::validate_config`]'s response.
#[derive(Clone, Debug, Default)]
pub struct ValidateConfigResponse {
    /// Problems found.
    pub diagnostics: Diagnostics,
}

/// [`Resource::modify_plan`]'s request.
#[derive(Clone, Debug)]
pub struct ModifyPlanRequest {
    /// The configuration; null when destroying.
    pub config: Value,
    /// The prior state; null when creating.
    pub state: Value,
    /// The plan after defaults and attribute plan modifiers; null when destroying.
    pub plan: Value,
    /// The private data of the prior state.
    pub private: PrivateState,
    /// The provider's configured data.
    pub provider_data: ProviderData,
    /// What the client supports.
    pub client_capabilities: ClientCapabilities,
}

/// [`Resource::modify_plan`]'s response.
#[derive(Clone, Debug)]
pub struct ModifyPlanResponse {
    /// The plan; starts as the request's plan.
    pub plan: Value,
    /// Paths whose change forces replacement, added to those found by attribute modifiers.
    pub requires_replace: Vec<AttributePath>,
    /// The private data to keep with the plan; starts as the prior state's.
    pub private: PrivateState,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// Set to defer the change (only when the client allows it).
    pub deferred: Option<Deferred>,
    /// The planned identity, for a resource with an identity: the prior identity on update
    /// (it must not change), every attribute null on create (set it when the configuration
    /// decides it; it is planned only when fully known), null on destruction.
    pub identity: Value,
}

/// [`Resource::create`]'s request.
#[derive(Clone, Debug)]
pub struct CreateRequest {
    /// The configuration (write-only attributes are only available here).
    pub config: Value,
    /// The planned state.
    pub plan: Value,
    /// The private data from the plan.
    pub private: PrivateState,
    /// The provider's configured data.
    pub provider_data: ProviderData,
}

/// [`Resource::create`]'s response.
#[derive(Clone, Debug)]
pub struct CreateResponse {
    /// The new state; starts as the plan. Set every computed value.
    pub state: Value,
    /// Private data to store with the state.
    pub private: PrivateState,
    /// Problems found. With errors, a state that is not null is still saved (as tainted), so
    /// a partially created object is not lost.
    pub diagnostics: Diagnostics,
    /// The new object's identity, for a resource with an identity; starts as the planned one,
    /// or with every attribute null when none was planned. Set it: leaving it unset or unknown
    /// is an error.
    pub identity: Value,
}

/// [`Resource::read`]'s request.
#[derive(Clone, Debug)]
pub struct ReadRequest {
    /// The prior state.
    pub state: Value,
    /// The prior private data.
    pub private: PrivateState,
    /// The provider's configured data.
    pub provider_data: ProviderData,
    /// What the client supports.
    pub client_capabilities: ClientCapabilities,
    /// The prior identity; null when there is none (no identity schema, a state written before
    /// the resource had one, or by a Terraform older than 1.12).
    pub identity: Value,
}

/// [`Resource::read`]'s response.
#[derive(Clone, Debug)]
pub struct ReadResponse {
    /// The refreshed state; starts as the prior state. Null means the object is gone.
    pub state: Value,
    /// Private data to store with the state.
    pub private: PrivateState,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// Set to defer the read (only when the client allows it).
    pub deferred: Option<Deferred>,
    /// The identity, for a resource with an identity; starts as the prior one, or with every
    /// attribute null when there is none yet (then set it). It must not change.
    pub identity: Value,
}

impl ReadResponse {
    /// Reports the remote object as gone: Terraform drops it from state and plans to create it.
    pub fn remove(&mut self) {
        self.state = Value::Null;
    }
}

/// [`Resource::update`]'s request.
#[derive(Clone, Debug)]
pub struct UpdateRequest {
    /// The configuration (write-only attributes are only available here).
    pub config: Value,
    /// The planned state.
    pub plan: Value,
    /// The prior state.
    pub state: Value,
    /// The private data from the plan.
    pub private: PrivateState,
    /// The provider's configured data.
    pub provider_data: ProviderData,
}

/// [`Resource::update`]'s response.
#[derive(Clone, Debug)]
pub struct UpdateResponse {
    /// The new state; starts as the plan.
    pub state: Value,
    /// Private data to store with the state.
    pub private: PrivateState,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// The identity, for a resource with an identity; starts as the planned (prior) one, or
    /// with every attribute null when there is none yet. It must not change.
    pub identity: Value,
}

/// [`Resource::delete`]'s request.
#[derive(Clone, Debug)]
pub struct DeleteRequest {
    /// The prior state.
    pub state: Value,
    /// The prior private data.
    pub private: PrivateState,
    /// The provider's configured data.
    pub provider_data: ProviderData,
}

/// [`Resource::delete`]'s response.
#[derive(Clone, Debug, Default)]
pub struct DeleteResponse {
    /// Problems found. With errors, the resource stays in state.
    pub diagnostics: Diagnostics,
}

/// [`Resource::import_state`]'s request.
#[derive(Clone, Debug)]
pub struct ImportStateRequest {
    /// The identifier given to `terraform import` or an `import` block; empty when importing
    /// by identity.
    pub id: String,
    /// The provider's configured data.
    pub provider_data: ProviderData,
    /// What the client supports.
    pub client_capabilities: ClientCapabilities,
    /// The identity given by an `import { identity = {…} }` block; null when importing by id.
    pub identity: Value,
}

/// [`Resource::import_state`]'s response.
#[derive(Clone, Debug)]
pub struct ImportStateResponse {
    /// The imported state; starts as an object with every attribute null.
    pub state: Value,
    /// Private data to store with the state.
    pub private: PrivateState,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// Set to defer the import (only when the client allows it).
    pub deferred: Option<Deferred>,
    /// The identity of the imported object, for a resource with an identity; starts as the
    /// requested identity, or with every attribute null when importing by id.
    pub identity: Value,
}

impl ImportStateResponse {
    /// Sets the attribute `name` to the import identifier, the usual way to import.
    pub fn passthrough_id(&mut self, name: &str, req: &ImportStateRequest) {
        self.state.set(name, req.id.clone());
    }

    /// Imports by id or by identity where one attribute names the object: sets the state
    /// attribute `state_attr` and the identity attribute `identity_attr` to the import
    /// identifier, or, when importing by identity, both to the identity's `identity_attr`.
    pub fn passthrough_with_identity(
        &mut self,
        state_attr: &str,
        identity_attr: &str,
        req: &ImportStateRequest,
    ) {
        let value = if req.id.is_empty() {
            req.identity
                .get(identity_attr)
                .cloned()
                .unwrap_or(Value::Null)
        } else {
            Value::from(req.id.clone())
        };
        self.state.set(state_attr, value.clone());
        self.identity.set(identity_attr, value);
    }
}

/// [`Resource::upgrade_state`]'s request.
#[derive(Clone, Debug)]
pub struct UpgradeStateRequest {
    /// The version the state is at.
    pub version: i64,
    /// The state at `version`.
    pub state: Value,
}

/// [`Resource::upgrade_state`]'s response.
#[derive(Clone, Debug)]
pub struct UpgradeStateResponse {
    /// The state at `version + 1`; starts as the request's state.
    pub state: Value,
    /// Problems found.
    pub diagnostics: Diagnostics,
}

/// [`Resource::move_state`]'s request.
#[derive(Clone, Debug)]
pub struct MoveStateRequest {
    /// The source provider's address, e.g. `registry.terraform.io/acme/other`.
    pub source_provider_address: String,
    /// The source resource type name.
    pub source_type_name: String,
    /// The source's state schema version.
    pub source_schema_version: i64,
    /// The source state as JSON.
    pub source_state: Vec<u8>,
    /// The source's private data.
    pub source_private: Vec<u8>,
    /// The source's identity as JSON; empty when it has none.
    pub source_identity: Vec<u8>,
    /// The source's identity version.
    pub source_identity_schema_version: i64,
}

/// [`Resource::move_state`]'s response.
#[derive(Clone, Debug)]
pub struct MoveStateResponse {
    /// The target state; starts null (which means "not moved").
    pub state: Value,
    /// Private data for the target.
    pub private: PrivateState,
    /// Problems found.
    pub diagnostics: Diagnostics,
    /// The target's identity, for a resource with an identity; starts with every attribute
    /// null.
    pub identity: Value,
}

/// [`Resource::upgrade_identity`]'s request.
#[derive(Clone, Debug)]
pub struct UpgradeIdentityRequest {
    /// The identity version the identity was stored at (older than the current one).
    pub version: i64,
    /// The stored identity as JSON.
    pub identity: Vec<u8>,
}

/// [`Resource::upgrade_identity`]'s response.
#[derive(Clone, Debug)]
pub struct UpgradeIdentityResponse {
    /// The identity at the current version; starts with every attribute null.
    pub identity: Value,
    /// Problems found.
    pub diagnostics: Diagnostics,
}

/// [`Resource::generate_config`]'s request.
#[derive(Clone, Debug)]
pub struct GenerateConfigRequest {
    /// The state to describe as configuration (null when Terraform has none, as for a listed
    /// object without its resource object).
    pub state: Value,
}

/// [`Resource::generate_config`]'s response.
#[derive(Clone, Debug)]
pub struct GenerateConfigResponse {
    /// The configuration; starts as the default derived from the state.
    pub config: Value,
    /// Problems found.
    pub diagnostics: Diagnostics,
}

/// The "Provider Not Configured" diagnostic, for handlers that find no provider data.
pub fn provider_not_configured() -> Diagnostic {
    Diagnostic::error(
        "Provider Not Configured",
        "The provider has not been configured yet, so this operation cannot reach the remote \
         system. This is usually a bug in the provider; please report it.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_state_round_trips_and_empty_is_empty_bytes() {
        let mut private = PrivateState::new();
        assert!(private.to_bytes().is_empty());
        private.set("etag", serde_json::json!("abc"));
        private.set("attempts", serde_json::json!(3));
        let back = PrivateState::from_bytes(&private.to_bytes()).unwrap();
        assert_eq!(back, private);
        assert_eq!(back.get("attempts"), Some(&serde_json::json!(3)));
        assert!(PrivateState::from_bytes(b"not json").is_err());
        assert_eq!(PrivateState::from_bytes(b"").unwrap(), PrivateState::new());
    }

    #[test]
    fn value_ext_reads_and_writes_attributes() {
        let mut v = Value::Object(BTreeMap::new());
        v.set("name", "a");
        v.set("count", 3i64);
        v.set("on", true);
        assert_eq!(v.get_str("name"), Some("a"));
        assert_eq!(v.get_i64("count"), Some(3));
        assert_eq!(v.get_bool("on"), Some(true));
        assert_eq!(v.get_str("count"), None);
        assert_eq!(v.get_str("missing"), None);
        assert!(v.set_at(&AttributePath::root("name"), "b"));
        assert_eq!(v.str_at(&AttributePath::root("name")), Some("b"));

        v.set(
            "pools",
            Value::List(vec![Value::from("cp"), Value::from("workers")]),
        );
        v.set("zones", Value::Null);
        v.set("tags", Value::unknown());
        assert_eq!(v.get_elements("pools").len(), 2);
        assert_eq!(v.get_elements("pools")[1].as_str(), Some("workers"));
        for empty in ["zones", "tags", "name", "missing"] {
            assert!(v.get_elements(empty).is_empty(), "{empty}");
        }
    }
}
