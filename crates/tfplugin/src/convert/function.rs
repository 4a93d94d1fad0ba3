//! Function definitions to the wire.

use crate::function::{FunctionDefinition, Parameter};
use crate::proto::tfplugin6 as pb;

/// Converts a function definition.
pub(crate) fn function_to_proto(def: &FunctionDefinition) -> pb::Function {
    pb::Function {
        parameters: def.parameters.iter().map(parameter).collect(),
        variadic_parameter: def.variadic.as_ref().map(parameter),
        r#return: Some(pb::function::Return {
            r#type: def.return_type.to_json(),
        }),
        summary: def.summary.clone(),
        description: def.description.clone(),
        description_kind: pb::StringKind::Markdown as i32,
        deprecation_message: def.deprecation_message.clone(),
    }
}

fn parameter(p: &Parameter) -> pb::function::Parameter {
    pb::function::Parameter {
        name: p.name.clone(),
        r#type: p.ty.to_json(),
        allow_null_value: p.allow_null_value,
        allow_unknown_values: p.allow_unknown_values,
        description: p.description.clone(),
        description_kind: pb::StringKind::Markdown as i32,
    }
}
