//! CallFunction: evaluate a provider-defined function.

use super::Inner;
use crate::Diagnostics;
use crate::convert;
use crate::engine::call_function::call_function;
use crate::function::FunctionError;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) async fn call_function(
        &self,
        req: pb::call_function::Request,
    ) -> pb::call_function::Response {
        let Some((function, def)) = self.functions.get(&req.name) else {
            return failed(FunctionError::new(format!(
                "the provider has no function named {:?}",
                req.name
            )));
        };
        let mut arguments = Vec::with_capacity(req.arguments.len());
        for (i, arg) in req.arguments.iter().enumerate() {
            let Some(ty) = def.argument_type(i) else {
                return failed(FunctionError::argument(i, "too many arguments"));
            };
            match convert::decode_optional(Some(arg), ty) {
                Ok(v) => arguments.push(v),
                Err(e) => {
                    return failed(FunctionError::argument(i, format!("invalid argument: {e}")));
                }
            }
        }
        match call_function(
            &self.context(),
            function.as_ref(),
            arguments,
            self.provider_data(),
        )
        .await
        {
            Ok(value) => {
                let mut diags = Diagnostics::new();
                match convert::encode(&value, &def.return_type, "function result", &mut diags) {
                    Some(result) if !diags.has_errors() => pb::call_function::Response {
                        result: Some(result),
                        error: None,
                    },
                    _ => failed(FunctionError::new(
                        diags
                            .iter()
                            .next()
                            .map(|d| d.detail.clone())
                            .unwrap_or_else(|| {
                                "the function result could not be encoded".to_string()
                            }),
                    )),
                }
            }
            Err(e) => failed(e),
        }
    }
}

fn failed(e: FunctionError) -> pb::call_function::Response {
    pb::call_function::Response {
        result: None,
        error: Some(pb::FunctionError {
            text: e.text,
            function_argument: e.argument,
        }),
    }
}
