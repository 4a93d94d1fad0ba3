//! The [`Function`] trait: provider-defined functions, called in configuration as
//! `provider::<provider>::<name>(…)`.

use std::fmt;

use async_trait::async_trait;

use crate::provider::ProviderData;
use crate::{Context, Type, Value};

/// A provider-defined function.
///
/// Functions are pure: the same arguments must give the same result. They are not prefixed with
/// the provider name (Terraform namespaces them itself).
#[async_trait]
pub trait Function: Send + Sync {
    /// The function's name, e.g. `"reverse"`.
    fn name(&self) -> &str;

    /// Parameters, return type and documentation.
    fn definition(&self) -> FunctionDefinition;

    /// Computes the result. `req.arguments` holds one value per parameter, followed by the
    /// variadic arguments, if any.
    async fn call(&self, ctx: &Context, req: CallRequest) -> Result<Value, FunctionError>;
}

/// A function's signature and documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDefinition {
    /// The positional parameters.
    pub parameters: Vec<Parameter>,
    /// The parameter that may repeat after the positional ones, if any.
    pub variadic: Option<Parameter>,
    /// The type of the result.
    pub return_type: Type,
    /// A one-line summary.
    pub summary: String,
    /// A longer description, in markdown.
    pub description: String,
    /// Set when the function is deprecated, saying what to use instead.
    pub deprecation_message: String,
}

impl FunctionDefinition {
    /// A definition returning `return_type`, with no parameters yet.
    pub fn new(return_type: Type) -> Self {
        Self {
            parameters: Vec::new(),
            variadic: None,
            return_type,
            summary: String::new(),
            description: String::new(),
            deprecation_message: String::new(),
        }
    }

    /// Adds a positional parameter.
    pub fn parameter(mut self, parameter: Parameter) -> Self {
        self.parameters.push(parameter);
        self
    }

    /// Sets the variadic parameter.
    pub fn variadic(mut self, parameter: Parameter) -> Self {
        self.variadic = Some(parameter);
        self
    }

    /// Sets the summary.
    pub fn summary(mut self, summary: impl Into<String>) -> Self {
        self.summary = summary.into();
        self
    }

    /// Sets the description (markdown).
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = description.into();
        self
    }

    /// The type of argument `index` (positional, then variadic), if there is such an argument.
    pub fn argument_type(&self, index: usize) -> Option<&Type> {
        match self.parameters.get(index) {
            Some(p) => Some(&p.ty),
            None => self.variadic.as_ref().map(|p| &p.ty),
        }
    }
}

/// One function parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    /// The name shown in documentation and errors.
    pub name: String,
    /// The accepted type.
    pub ty: Type,
    /// Whether null may be passed (otherwise Terraform rejects it before calling).
    pub allow_null_value: bool,
    /// Whether unknown values may be passed (otherwise Terraform returns unknown without calling).
    pub allow_unknown_values: bool,
    /// What the parameter means, in markdown.
    pub description: String,
}

impl Parameter {
    /// A parameter of type `ty` that accepts neither null nor unknown values.
    pub fn new(name: impl Into<String>, ty: Type) -> Self {
        Self {
            name: name.into(),
            ty,
            allow_null_value: false,
            allow_unknown_values: false,
            description: String::new(),
        }
    }

    /// Accepts null.
    pub fn allow_null(mut self) -> Self {
        self.allow_null_value = true;
        self
    }

    /// Sets the description (markdown).
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = description.into();
        self
    }
}

/// [`Function::call`]'s request.
#[derive(Clone, Debug)]
pub struct CallRequest {
    /// The arguments: one per positional parameter, then the variadic ones.
    pub arguments: Vec<Value>,
    /// The number of positional parameters (the rest are variadic).
    pub positional: usize,
    /// The provider's configured data (unset when Terraform calls the function before, or
    /// without, configuring the provider, which it may do).
    pub provider_data: ProviderData,
}

impl CallRequest {
    /// The variadic arguments.
    pub fn variadic(&self) -> &[Value] {
        self.arguments.get(self.positional..).unwrap_or(&[])
    }
}

/// A function failure, optionally blaming one argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionError {
    /// What went wrong, shown to the user.
    pub text: String,
    /// The index of the argument at fault (positional, then variadic), if any.
    pub argument: Option<i64>,
}

impl FunctionError {
    /// An error not tied to one argument.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            argument: None,
        }
    }

    /// An error caused by argument `index`.
    pub fn argument(index: usize, text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            argument: i64::try_from(index).ok(),
        }
    }
}

impl fmt::Display for FunctionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.argument {
            Some(i) => write!(f, "argument {i}: {}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

impl std::error::Error for FunctionError {}
