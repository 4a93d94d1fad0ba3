//! Plan-time checks of the configuration alone: the public key's form.

use tfplugin::validator::{ValidateRequest, Validator};
use tfplugin::{Diagnostics, Value};

use palette_stack::ssh_key::{KEY_TYPES, check_public_key};

/// Requires one OpenSSH public key line (see [`check_public_key`]).
pub(super) fn public_key_form() -> PublicKeyForm {
    PublicKeyForm
}

/// The validator built by [`public_key_form`].
#[derive(Clone, Copy, Debug)]
pub(super) struct PublicKeyForm;

impl Validator for PublicKeyForm {
    fn description(&self) -> String {
        format!(
            "value must be one OpenSSH public key line of type {}",
            KEY_TYPES.join(", ")
        )
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        let Value::String(text) = req.value else {
            return;
        };
        if let Err(why) = check_public_key(text) {
            diags.attribute_error(
                req.path.clone(),
                "Invalid Public Key",
                format!(
                    "Attribute {} must be an OpenSSH public key, the one line of a `.pub` file \
                     such as `ssh-ed25519 AAAAC3Nza... ops@example.com`: {why}.",
                    req.path
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use tfplugin::AttributePath;

    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq ops";

    fn errors(value: Value) -> Vec<String> {
        let path = AttributePath::root("public_key");
        let config = Value::Null;
        let req = ValidateRequest::new(&path, &value, &config, &config, &path);
        let mut diags = Diagnostics::new();
        public_key_form().validate(&req, &mut diags);
        diags
            .iter()
            .map(|d| {
                let at = d
                    .attribute
                    .as_ref()
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                format!("{at}: {}", d.detail)
            })
            .collect()
    }

    #[test]
    fn the_form_is_checked_at_the_attribute() {
        let cases: [(&str, Value, usize); 5] = [
            ("a key", Value::from(KEY), 0),
            (
                "a key with file()'s newline",
                Value::from(format!("{KEY}\n")),
                0,
            ),
            ("null", Value::Null, 0),
            ("not a key", Value::from("ops"), 1),
            ("two keys", Value::from(format!("{KEY}\n{KEY}")), 1),
        ];
        for (what, value, count) in cases {
            let found = errors(value);
            assert_eq!(found.len(), count, "{what}: {found:?}");
            assert!(
                found.iter().all(|e| e.starts_with("public_key: ")),
                "{what}: {found:?}"
            );
        }
    }
}
