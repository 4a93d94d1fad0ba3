//! Plan checks shared by the kind-table resources: exactly one kind block, each kind's required
//! fields and secrets set (null is missing, unknown waits), and a change of kind replacing.

use tfplugin::{AttributePath, Diagnostics, Value};

use super::Kind;

/// How a resource's diagnostics name what it manages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Noun {
    /// In summaries, Title Case: `Account` ("Missing Account Field").
    pub(crate) title: &'static str,
    /// In details: `cloud account`.
    pub(crate) text: &'static str,
}

/// Whether an attribute of a block is null (unknown is not: it may yet be set).
fn is_null(block: &Value, attr: &str) -> bool {
    block.get(attr).is_none_or(Value::is_null)
}

/// The one kind block `config` sets, and the block. Reports no block and more than one (an
/// unknown block counts as set); then, and while the block is unknown, there is none to check.
pub(crate) fn one_kind<'a, K: Kind>(
    kinds: &'static [K],
    config: &'a Value,
    noun: &Noun,
    diags: &mut Diagnostics,
) -> Option<(&'static K, &'a Value)> {
    let set: Vec<(&'static K, &'a Value)> = kinds
        .iter()
        .filter_map(|k| {
            let block = config.get(k.block())?;
            (!block.is_null()).then_some((k, block))
        })
        .collect();
    match set.as_slice() {
        [] => {
            diags.error(
                format!("Missing {} Kind", noun.title),
                format!(
                    "A {} needs one kind block: one of {}.",
                    noun.text,
                    kinds
                        .iter()
                        .map(|k| format!("`{}`", k.block()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            None
        }
        [(first, _), (second, _), ..] => {
            diags.attribute_error(
                AttributePath::root(second.block()),
                format!("Conflicting {} Kinds", noun.title),
                format!(
                    "A {} is of one kind; `{}` and `{}` are both set. Keep one.",
                    noun.text,
                    first.block(),
                    second.block()
                ),
            );
            None
        }
        [(kind, block)] if !block.is_unknown() => Some((kind, block)),
        _ => None,
    }
}

/// Reports each required field and secret of `kind`, and each of `also`, that `block` leaves
/// null.
pub(crate) fn check_needed(
    kind: &impl Kind,
    block: &Value,
    also: &[&str],
    noun: &Noun,
    diags: &mut Diagnostics,
) {
    let needed = kind
        .fields()
        .iter()
        .filter(|f| f.required)
        .map(|f| f.attr)
        .chain(kind.secrets().iter().filter(|s| s.required).map(|s| s.attr))
        .chain(also.iter().copied());
    for attr in needed {
        if is_null(block, attr) {
            diags.attribute_error(
                AttributePath::root(kind.block()).attr(attr),
                format!("Missing {} Field", noun.title),
                format!("A `{}` {} needs `{attr}`; set it.", kind.block(), noun.text),
            );
        }
    }
}

/// What a block of AWS credentials (`credential_type`, `access_key`, `secret_key`, `arn`) needs
/// besides its kind's required fields: a role ARN for `sts`, else an access key pair; nothing
/// yet while the type is unknown.
pub(crate) fn aws_credentials_needed(block: &Value) -> &'static [&'static str] {
    match block.get("credential_type") {
        Some(v) if v.is_unknown() => &[],
        Some(v) if v.as_str() == Some("sts") => &["arn"],
        _ => &["access_key", "secret_key"],
    }
}

/// The path that forces a replacement when the kind set in `state` is not the one in `plan`.
pub(crate) fn kind_change<K: Kind>(
    kinds: &'static [K],
    state: &Value,
    plan: &Value,
) -> Option<AttributePath> {
    let (before, _) = super::kind_of(kinds, state)?;
    let (after, _) = super::kind_of(kinds, plan)?;
    (before.block() != after.block()).then(|| AttributePath::root(after.block()))
}
