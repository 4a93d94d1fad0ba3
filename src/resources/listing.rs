//! What the list resources (`terraform query`) share: reading a listed object as an import
//! reads it, through the resource's own import and read, so `-generate-config-out` writes what
//! an `import` block would bring.

use tfplugin::resource::{ImportStateRequest, ImportStateResponse, ReadRequest, ReadResponse};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, Context, Diagnostics, ProviderData, Resource, Value, ValueExt};

/// The state an import of `id` reads for `resource`; `None` when the object is gone.
pub(crate) async fn read_as_import(
    resource: &dyn Resource,
    ctx: &Context,
    provider_data: &ProviderData,
    id: String,
) -> Result<Option<Value>, Diagnostics> {
    let empty = resource.schema().block.null_value();
    let mut imported = ImportStateResponse {
        state: empty,
        private: Default::default(),
        diagnostics: Diagnostics::new(),
        deferred: None,
        identity: Value::Null,
    };
    let request = ImportStateRequest {
        id,
        provider_data: provider_data.clone(),
        client_capabilities: Default::default(),
        identity: Value::Null,
    };
    resource.import_state(ctx, request, &mut imported).await;
    if imported.diagnostics.has_errors() {
        return Err(imported.diagnostics);
    }
    let mut read = ReadResponse {
        state: imported.state.clone(),
        private: imported.private.clone(),
        diagnostics: Diagnostics::new(),
        deferred: None,
        identity: Value::Null,
    };
    let request = ReadRequest {
        state: imported.state,
        private: imported.private,
        provider_data: provider_data.clone(),
        client_capabilities: Default::default(),
        identity: Value::Null,
    };
    resource.read(ctx, request, &mut read).await;
    if read.diagnostics.has_errors() {
        return Err(read.diagnostics);
    }
    Ok((!read.state.is_null()).then_some(read.state))
}

/// `[tenant/]rest`, as the import IDs take a scope.
pub(crate) fn scoped(context: &str, rest: &str) -> String {
    if context == "tenant" {
        format!("tenant/{rest}")
    } else {
        rest.to_string()
    }
}

/// The `context` of a list block's configuration (`project` when unset).
pub(crate) fn context_of(config: &Value) -> String {
    config.get_str("context").unwrap_or("project").to_string()
}

/// The `name` attribute of a list block: a pattern (`example` shows one).
pub(crate) fn name_attribute(example: &str) -> Attribute {
    Attribute::string("name").optional().description(format!(
        "A name pattern: `*` matches any run of characters (`{example}`); without `*`, the exact \
         name."
    ))
}

/// The `context` attribute of a list block.
pub(crate) fn context_attribute() -> Attribute {
    Attribute::string("context")
        .optional()
        .validator(one_of(["project", "tenant"]))
        .description("`project` (the default: the provider's project) or `tenant`.")
}

/// The next page of `pages`, or `None` at the end, when interrupted or on an error (then said
/// in `diags`, as `what` failed).
pub(crate) async fn next_page<T: serde::de::DeserializeOwned>(
    ctx: &Context,
    pages: &mut palette_api::Pages<'_, T>,
    summary: &str,
    what: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<T>> {
    match ctx.run(pages.next_page()).await {
        Err(why) => {
            diags.error(
                summary,
                format!("{} was interrupted: {why}.", upper_first(what)),
            );
            None
        }
        Ok(Err(err)) => {
            diags.push(crate::diagnostics::api_error(summary, what, &err));
            None
        }
        Ok(Ok(page)) => page,
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
