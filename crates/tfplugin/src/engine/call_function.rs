//! Calling a provider-defined function.

use crate::function::{CallRequest, Function, FunctionError};
use crate::provider::ProviderData;
use crate::{Context, Value};

/// Calls `function` with decoded `arguments`, checking the argument count and nulls first.
pub(crate) async fn call_function(
    ctx: &Context,
    function: &dyn Function,
    arguments: Vec<Value>,
    provider_data: ProviderData,
) -> Result<Value, FunctionError> {
    let def = function.definition();
    let positional = def.parameters.len();
    if arguments.len() < positional || (def.variadic.is_none() && arguments.len() > positional) {
        return Err(FunctionError::new(format!(
            "function {:?} takes {positional}{} arguments, got {}",
            function.name(),
            if def.variadic.is_some() {
                " or more"
            } else {
                ""
            },
            arguments.len()
        )));
    }
    for (i, arg) in arguments.iter().enumerate() {
        let param = def.parameters.get(i).or(def.variadic.as_ref());
        if let Some(param) = param
            && arg.is_null()
            && !param.allow_null_value
        {
            return Err(FunctionError::argument(
                i,
                format!("argument {:?} must not be null", param.name),
            ));
        }
    }
    let value = function
        .call(
            ctx,
            CallRequest {
                arguments,
                positional,
                provider_data,
            },
        )
        .await?;
    if !value.is_fully_known() {
        return Err(FunctionError::new(
            "the function returned an unknown value, which is a bug in the provider",
        ));
    }
    Ok(value)
}
