//! Resources made of one block per kind, as data: each kind lists its fields (with their
//! `/`-separated place in the API document) and its write-only secrets, and the schema
//! (`schema`), the API body and the state read back (`json`) and the plan checks (`checks`) all
//! walk that list, and their calls fail alike (`call`). `palette_cloud_account` and
//! `palette_backup_storage_location` are built on it.
//!
//! Each secret is a write-only attribute with a `<secret>_wo_version` companion: the secret is
//! read from the configuration at apply (write-only values are only there), never from plan or
//! state, and a change of the version is what makes rotating it a planned change.

mod call;
mod checks;
mod json;
mod schema;

use tfplugin::{Value, ValueExt};

pub(crate) use call::{CallError, Failure, connect, run};
pub(crate) use checks::{Noun, aws_credentials_needed, check_needed, kind_change, one_kind};
pub(crate) use json::{read_block, write_spec};
pub(crate) use schema::{kind_attributes, version_attr};

/// How a field is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldType {
    /// A string.
    Str,
    /// A bool (its default, or null, when the API leaves it out).
    Bool,
    /// A list of strings.
    List,
    /// A map of strings.
    Map,
}

/// One non-secret field of a kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    /// The attribute in the kind's block.
    pub(crate) attr: &'static str,
    /// Its place in the API document the kind writes, `/`-separated (`sts/arn`).
    pub(crate) key: &'static str,
    pub(crate) ty: FieldType,
    /// Whether every object of the kind needs it (checked at plan, where the kind's own rule
    /// does not say otherwise).
    pub(crate) required: bool,
    /// The value the API assumes when it is left out, shown as the attribute's default.
    pub(crate) default: Option<&'static str>,
    /// Where the value must be one of a set.
    pub(crate) one_of: &'static [&'static str],
    /// Kept from plan and console output (an access key id: not a secret, but not for show).
    pub(crate) sensitive: bool,
    pub(crate) description: &'static str,
}

/// One secret of a kind: a write-only attribute with a `<attr>_wo_version` companion.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Secret {
    /// The attribute in the kind's block.
    pub(crate) attr: &'static str,
    /// Its place in the API document.
    pub(crate) key: &'static str,
    pub(crate) ty: FieldType,
    /// Whether every object of the kind needs it.
    pub(crate) required: bool,
    pub(crate) description: &'static str,
}

/// What the shared code needs of a kind: its block, fields and secrets.
pub(crate) trait Kind: Sync + 'static {
    /// Its block in the resource.
    fn block(&self) -> &'static str;
    /// Its non-secret fields.
    fn fields(&self) -> &'static [Field];
    /// Its write-only secrets.
    fn secrets(&self) -> &'static [Secret];
}

/// An optional string field.
pub(crate) const fn field(
    attr: &'static str,
    key: &'static str,
    description: &'static str,
) -> Field {
    Field {
        attr,
        key,
        ty: FieldType::Str,
        required: false,
        default: None,
        one_of: &[],
        sensitive: false,
        description,
    }
}

/// `f`, kept out of plan and console output.
pub(crate) const fn sensitive(mut f: Field) -> Field {
    f.sensitive = true;
    f
}

/// `f`, required.
pub(crate) const fn required(mut f: Field) -> Field {
    f.required = true;
    f
}

/// `f`, of type `ty`.
pub(crate) const fn typed(mut f: Field, ty: FieldType) -> Field {
    f.ty = ty;
    f
}

/// A required string secret.
pub(crate) const fn secret(
    attr: &'static str,
    key: &'static str,
    description: &'static str,
) -> Secret {
    Secret {
        attr,
        key,
        ty: FieldType::Str,
        required: true,
        description,
    }
}

/// The kind whose block is set in `value` (a configuration, plan or state), and the block.
pub(crate) fn kind_of<'a, K: Kind>(
    kinds: &'static [K],
    value: &'a Value,
) -> Option<(&'static K, &'a Value)> {
    kinds.iter().find_map(|kind| {
        let block = value.get(kind.block())?;
        (!block.is_null()).then_some((kind, block))
    })
}

/// The identity of a resource with one block per kind: the kind (its block), the uid and
/// where it lives, as its import ID names it (`[tenant/]KIND/UID`).
pub(crate) const IDENTITY: &[(&str, &str)] = &[
    (
        "kind",
        "The kind, as the block the object is declared with (`aws`, `s3`, ...).",
    ),
    ("id", "The object's uid."),
    ("context", crate::resources::identity::CONTEXT),
];

/// The [`IDENTITY`] of a state.
pub(crate) fn identity_of<K: Kind>(kinds: &'static [K], state: &Value) -> Value {
    let mut identity = crate::resources::identity::same_names(IDENTITY, state);
    identity.set(
        "kind",
        kind_of(kinds, state).map_or(Value::Null, |(kind, _)| Value::from(kind.block())),
    );
    identity
}

/// The import ID an [`IDENTITY`] names.
pub(crate) fn identity_import_id(identity: &Value) -> Result<String, String> {
    let kind = crate::resources::identity::required(identity, "kind")?;
    let id = crate::resources::identity::scoped_uid(identity)?;
    Ok(match id.strip_prefix("tenant/") {
        Some(uid) => format!("tenant/{kind}/{uid}"),
        None => format!("{kind}/{id}"),
    })
}

/// The kind whose block is `block`.
pub(crate) fn by_block<K: Kind>(kinds: &'static [K], block: &str) -> Option<&'static K> {
    kinds.iter().find(|k| k.block() == block)
}

/// An object value from attribute pairs, for tests.
#[cfg(test)]
pub(crate) fn obj(pairs: &[(&str, Value)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

/// A configuration with every block of `kinds` null but those of `blocks`, for tests.
#[cfg(test)]
pub(crate) fn config_of<K: Kind>(kinds: &[K], blocks: &[(&str, &[(&str, Value)])]) -> Value {
    let mut root: std::collections::BTreeMap<String, Value> = kinds
        .iter()
        .map(|k| (k.block().to_string(), Value::Null))
        .collect();
    for (block, attrs) in blocks {
        root.insert(block.to_string(), obj(attrs));
    }
    Value::Object(root)
}
