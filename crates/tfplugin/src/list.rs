//! The [`ListResource`] trait: listing the remote objects of a managed resource type, for
//! `terraform query` (Terraform 1.14 and later) and its `list` blocks.
//!
//! A list resource has the type name of a managed resource that has an
//! [identity](crate::Resource::identity_schema), and its own schema: the shape of the `config`
//! block inside `list "<type>" "<name>" { … }`. Its [`list`](ListResource::list) handler pushes
//! one [`ListResult`] per object into [`ListResults`]: an identity, a display name and, when
//! Terraform asks for it (`include_resource = true`, or `-generate-config-out`), the whole
//! resource object.
//!
//! Results are pulled: [`ListResults::send`] returns only once Terraform wants another result.
//! When it wants no more (the block's `limit` is reached, or Terraform stopped reading), `send`
//! does not return at all: the engine drops the handler's future, so a handler that fetches its
//! objects a page at a time never fetches a page nobody asked for. Clean-up that must happen
//! belongs in a `Drop` implementation, not after the last `send`.
//!
//! ```
//! use tfplugin::list::{ListRequest, ListResult, ListResults};
//! use tfplugin::{Attribute, Block, Context, ListResource, Schema, Value, ValueExt, async_trait};
//!
//! struct Notes;
//!
//! #[async_trait]
//! impl ListResource for Notes {
//!     fn type_name(&self) -> &str { "note" }    // lists "<provider>_note"
//!     fn schema(&self) -> Schema {
//!         Schema::new(0, Block::new().attribute(Attribute::string("prefix").optional()))
//!     }
//!     async fn list(&self, _ctx: &Context, req: ListRequest, results: &mut ListResults) {
//!         let prefix = req.config.get_str("prefix").unwrap_or_default().to_string();
//!         for page in 0.. {
//!             let ids = fetch_page(page).await;         // only pages Terraform wants
//!             if ids.is_empty() { break; }
//!             for id in ids.into_iter().filter(|id| id.starts_with(&prefix)) {
//!                 let mut identity = Value::Object(Default::default());
//!                 identity.set("id", id.clone());
//!                 results.send(ListResult::new(identity, id)).await;
//!             }
//!         }
//!     }
//! }
//! # async fn fetch_page(_: u32) -> Vec<String> { Vec::new() }
//! ```

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::Poll;

use async_trait::async_trait;

use crate::provider::ProviderData;
use crate::resource::{ValidateConfigRequest, ValidateConfigResponse};
use crate::validator::Validator;
use crate::{Context, Diagnostics, Schema, Value};

/// A list resource type.
///
/// The core is [`type_name`](ListResource::type_name) (the same as the managed resource it
/// lists), [`schema`](ListResource::schema) (of the `config` block) and
/// [`list`](ListResource::list); [`config_validators`](ListResource::config_validators) and
/// [`validate_config`](ListResource::validate_config) are optional.
#[async_trait]
pub trait ListResource: Send + Sync {
    /// The type name without the provider prefix; a managed resource of the same name, with an
    /// identity, must exist.
    fn type_name(&self) -> &str;

    /// The schema of the list block's `config` block.
    fn schema(&self) -> Schema;

    /// Lists the objects: one [`ListResults::send`] per object, in the order to show them.
    /// Problems not tied to one object go into [`ListResults::diagnostics`]; an error there, or
    /// in a result, ends the listing.
    async fn list(&self, ctx: &Context, req: ListRequest, results: &mut ListResults);

    /// Validators run on the whole `config` block.
    fn config_validators(&self) -> Vec<Arc<dyn Validator>> {
        Vec::new()
    }

    /// Extra checks of the `config` block (values may be unknown).
    async fn validate_config(
        &self,
        _ctx: &Context,
        _req: ValidateConfigRequest,
        _resp: &mut ValidateConfigResponse,
    ) {
    }
}

/// [`ListResource::list`]'s request.
#[derive(Clone, Debug)]
pub struct ListRequest {
    /// The `config` block (an object with every attribute null when the block is absent).
    pub config: Value,
    /// Whether Terraform wants each result's whole resource object
    /// ([`ListResult::resource`]); it is dropped otherwise, so it can be left null.
    pub include_resource: bool,
    /// How many results Terraform wants at most (the block's `limit`, 100 by default). The
    /// engine stops pulling results after that many; the handler need not count.
    pub limit: i64,
    /// The provider's configured data.
    pub provider_data: ProviderData,
}

/// One listed object.
#[derive(Clone, Debug)]
pub struct ListResult {
    /// The object's identity, fully known (of the managed resource's identity schema).
    pub identity: Value,
    /// A name for people, shown by `terraform query`.
    pub display_name: String,
    /// The whole resource object (a state of the managed resource), when
    /// [`ListRequest::include_resource`] is set; null otherwise.
    pub resource: Value,
    /// Problems with this object. An error ends the listing.
    pub diagnostics: Diagnostics,
}

impl ListResult {
    /// A result with `identity` and `display_name`, no resource object and no diagnostics.
    pub fn new(identity: Value, display_name: impl Into<String>) -> Self {
        ListResult {
            identity,
            display_name: display_name.into(),
            resource: Value::Null,
            diagnostics: Diagnostics::new(),
        }
    }

    /// The same result carrying the resource object `resource`.
    pub fn with_resource(mut self, resource: Value) -> Self {
        self.resource = resource;
        self
    }
}

/// Where a [`ListResource::list`] handler puts its results; see the [module](self) for how
/// pulling and the limit work.
pub struct ListResults {
    slot: Arc<Mutex<Option<ListResult>>>,
    /// Problems not tied to one result, sent once the handler returns.
    pub diagnostics: Diagnostics,
}

impl ListResults {
    /// Results handed over through `slot`, which the engine empties.
    pub(crate) fn new(slot: Arc<Mutex<Option<ListResult>>>) -> Self {
        ListResults {
            slot,
            diagnostics: Diagnostics::new(),
        }
    }

    /// Hands `result` over, returning when Terraform wants another. When it wants no more,
    /// this never returns: the engine drops the handler's future instead.
    pub async fn send(&mut self, result: ListResult) {
        *self.slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
        // Pending until the engine has taken the result and polls the handler again, which it
        // does only when it wants another one.
        std::future::poll_fn(|_| {
            let taken = self
                .slot
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .is_none();
            if taken {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        })
        .await;
    }
}

impl fmt::Debug for ListResults {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListResults")
            .field("diagnostics", &self.diagnostics)
            .finish_non_exhaustive()
    }
}
