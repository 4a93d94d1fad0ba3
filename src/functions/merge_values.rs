//! `provider::palette::merge_values(...)`: deep-merges pack values (YAML), later ones winning.
//!
//! Platform teams keep a pack's base values in one file and per-cluster overrides in others;
//! Terraform's own `merge` is shallow and works on objects, not YAML text. This function reads
//! each argument as YAML, merges mappings key by key as Helm merges values files (an explicit
//! null removes a key; lists and scalars are replaced whole), and returns canonical YAML, so its
//! result compares by meaning everywhere the provider compares values.

use tfplugin::function::{CallRequest, FunctionDefinition, FunctionError, Parameter};
use tfplugin::{Context, Function, Type, Value};

use palette_stack::values::{self, Normalized, Value as Yaml};

/// `merge_values`.
#[derive(Debug, Default)]
pub(crate) struct MergeValuesFunction;

#[tfplugin::async_trait]
impl Function for MergeValuesFunction {
    fn name(&self) -> &str {
        "merge_values"
    }

    fn definition(&self) -> FunctionDefinition {
        FunctionDefinition::new(Type::String)
            .summary("Deep-merge YAML pack values, later documents winning")
            .description(
                "Reads each argument as a YAML mapping (an empty string counts as an empty \
                 mapping) and merges them left to right as Helm merges values files: mappings \
                 merge key by key, lists and scalars from a later argument replace earlier ones, \
                 and an explicit `null` removes a key. Returns the result as canonical YAML \
                 (keys sorted, block style), which the provider compares by meaning.",
            )
            .variadic(
                Parameter::new("values", Type::String)
                    .description("YAML texts to merge, lowest precedence first."),
            )
    }

    async fn call(&self, _ctx: &Context, req: CallRequest) -> Result<Value, FunctionError> {
        let texts = req
            .arguments
            .iter()
            .enumerate()
            .map(|(index, value)| match value {
                Value::String(text) => Ok(text.as_str()),
                _ => Err(FunctionError::argument(
                    index,
                    "each argument must be a YAML string",
                )),
            })
            .collect::<Result<Vec<&str>, FunctionError>>()?;
        merge_texts(&texts).map(Value::String)
    }
}

/// Merges YAML texts left to right; errors name the argument at fault.
fn merge_texts(texts: &[&str]) -> Result<String, FunctionError> {
    let mut merged = Yaml::Map(Vec::new());
    for (index, text) in texts.iter().enumerate() {
        let form = values::normalize(text)
            .map_err(|err| FunctionError::argument(index, format!("not valid YAML: {err}")))?;
        let document = match form.documents() {
            [] => continue,
            [document @ Yaml::Map(_)] => document.clone(),
            [_] => {
                return Err(FunctionError::argument(
                    index,
                    "pack values must be a YAML mapping (key: value), not a list or a scalar",
                ));
            }
            _ => {
                return Err(FunctionError::argument(
                    index,
                    "pack values are one YAML document; this text holds several (---)",
                ));
            }
        };
        merged = values::merge(merged, document);
    }
    Ok(Normalized::from_documents(vec![merged]).canonical_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_like_helm() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("nothing", &[], "{}\n"),
            ("empty strings", &["", "# only a comment\n"], "{}\n"),
            (
                "deep maps merge, later wins",
                &["a:\n  b: 1\n  c: 2\n", "a:\n  c: 3\n  d: 4\n"],
                "a:\n  b: 1\n  c: 3\n  d: 4\n",
            ),
            (
                "lists are replaced",
                &["l: [1, 2]\n", "l: [3]\n"],
                "l:\n  - 3\n",
            ),
            ("null removes", &["a: 1\nb: 2\n", "b: null\n"], "a: 1\n"),
            (
                "scalars replace maps",
                &["a:\n  b: 1\n", "a: x\n"],
                "a: x\n",
            ),
        ];
        for (name, texts, want) in cases {
            assert_eq!(merge_texts(texts).unwrap(), *want, "{name}");
        }
    }

    #[test]
    fn result_reads_back_to_the_same_meaning() {
        let merged = merge_texts(&["x: {y: 'z', n: 1}\n", "x:\n  n: 2 # two\n"]).unwrap();
        assert!(values::equivalent(&merged, "x:\n  n: 2\n  y: z\n"));
    }

    #[test]
    fn errors_blame_the_argument() {
        let err = merge_texts(&["a: 1\n", "a: [\n"]).unwrap_err();
        assert_eq!(err.argument, Some(1));
        assert!(err.text.starts_with("not valid YAML: line"), "{}", err.text);
        let err = merge_texts(&["- 1\n"]).unwrap_err();
        assert_eq!(err.argument, Some(0));
        let err = merge_texts(&["a: 1\n---\nb: 2\n"]).unwrap_err();
        assert!(err.text.contains("several"), "{}", err.text);
    }
}
