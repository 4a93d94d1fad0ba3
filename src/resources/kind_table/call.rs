//! Calls of the kind-table resources: a failure is the API's error or a body the kind's model
//! does not take, and either becomes one diagnostic, as does a cancelled call.

use std::future::Future;

use palette_api::Scope;
use tfplugin::{Context, Diagnostic, ProviderData, Value, ValueExt};

use super::Noun;
use crate::diagnostics;
use crate::provider_data::PaletteData;

/// The configured data and the scope `value` (a plan or a state) names in its `context`
/// attribute (`project` when unset); the error is the diagnostic to report under `summary`.
pub(crate) async fn connect<'a>(
    provider_data: &'a ProviderData,
    value: &Value,
    summary: &str,
) -> Result<(&'a PaletteData, Scope), Diagnostic> {
    let context = value.get_str("context").unwrap_or("project");
    PaletteData::connect(provider_data, context, summary).await
}

/// A failed call: the API's error, or a body the kind's model does not take.
#[derive(Debug)]
pub(crate) enum CallError {
    Api(Box<palette_api::Error>),
    Body(String),
}

impl CallError {
    /// Whether the API answered that the object does not exist.
    pub(crate) fn is_not_found(&self) -> bool {
        matches!(self, CallError::Api(err) if err.is_not_found())
    }
}

impl From<palette_api::Error> for CallError {
    fn from(err: palette_api::Error) -> Self {
        CallError::Api(Box::new(err))
    }
}

impl From<serde_json::Error> for CallError {
    fn from(err: serde_json::Error) -> Self {
        CallError::Body(err.to_string())
    }
}

/// The diagnostic of a failed call while `what`.
fn call_error(summary: &str, what: &str, noun: &Noun, err: CallError) -> Diagnostic {
    match err {
        CallError::Api(err) => diagnostics::api_error(summary, what, &err),
        CallError::Body(why) => Diagnostic::error(
            summary,
            format!(
                "While {what}: the {} does not fit Palette's model: {why}.",
                noun.text
            ),
        ),
    }
}

/// How a call run by [`run`] failed: the object was not found, or anything else; either way
/// with the diagnostic to report when the caller does not take the failure as an answer.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The API answered 404.
    NotFound(Diagnostic),
    /// Any other error, or Terraform cancelled the operation.
    Other(Diagnostic),
}

impl Failure {
    /// The diagnostic to report.
    pub(crate) fn diagnostic(self) -> Diagnostic {
        match self {
            Failure::NotFound(diag) | Failure::Other(diag) => diag,
        }
    }
}

/// Runs `call` until it ends or Terraform cancels the operation; a failure or a cancellation
/// while `what` becomes its diagnostic under `summary`.
pub(crate) async fn run<T>(
    ctx: &Context,
    summary: &str,
    what: &str,
    noun: &Noun,
    call: impl Future<Output = Result<T, CallError>>,
) -> Result<T, Failure> {
    match ctx.run(call).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) if err.is_not_found() => {
            Err(Failure::NotFound(call_error(summary, what, noun, err)))
        }
        Ok(Err(err)) => Err(Failure::Other(call_error(summary, what, noun, err))),
        Err(why) => Err(Failure::Other(diagnostics::interrupted(
            summary,
            &format!("{what} ({why})"),
        ))),
    }
}
