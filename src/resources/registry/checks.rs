//! Checks of the configuration alone (no API): the endpoint is a URL, each attribute belongs to
//! the kind of registry configured, and the credentials are complete. A value not known yet is
//! checked once it is.

use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use super::model::Kind;

/// The schemes an endpoint may use.
const SCHEMES: [&str; 3] = ["https", "http", "oci"];

/// Whether attribute `name` of `config` is set (known or not).
fn set(config: &Value, name: &str) -> bool {
    config.get(name).is_some_and(|v| !v.is_null())
}

/// Whether attribute `name` of `config` is not known yet.
fn unknown(config: &Value, name: &str) -> bool {
    config.get(name).is_some_and(Value::is_unknown)
}

/// Checks the configuration of a `palette_registry`.
pub(super) fn check_config(config: &Value, diags: &mut Diagnostics) {
    if let Some(endpoint) = config.get_str("endpoint")
        && let Err(why) = check_endpoint(endpoint)
    {
        diags.attribute_error(
            AttributePath::root("endpoint"),
            "Invalid Registry Endpoint",
            format!(
                "{why}. Give the registry's URL with its scheme, such as \
                 `https://charts.example.com` or `oci://harbor.example.com`."
            ),
        );
    }
    if unknown(config, "type") || unknown(config, "oci_provider") {
        return;
    }
    let Some(type_) = config.get_str("type") else {
        return;
    };
    let Some(kind) = Kind::of(type_, config.get_str("oci_provider")) else {
        return;
    };
    check_attributes_fit(config, kind, diags);
    check_secrets(config, kind, diags);
    match kind {
        Kind::OciEcr => check_aws(config, diags),
        _ => check_basic_auth(config, kind, diags),
    }
}

/// The endpoint as a URL: one of [`SCHEMES`], and a host.
fn check_endpoint(endpoint: &str) -> Result<(), String> {
    let Some((scheme, rest)) = endpoint.trim().split_once("://") else {
        return Err(format!("{endpoint:?} is not a URL: it has no scheme"));
    };
    if !SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
        return Err(format!(
            "{endpoint:?} uses the scheme {scheme:?}; a registry is reached over {}",
            SCHEMES.join(", ")
        ));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(format!("{endpoint:?} names no host"));
    }
    Ok(())
}

/// Refuses attributes another kind of registry takes.
fn check_attributes_fit(config: &Value, kind: Kind, diags: &mut Diagnostics) {
    let mut misplaced: Vec<(&str, &str)> = Vec::new();
    if !kind.is_oci() {
        for name in ["oci_provider", "provider_type", "base_content_path"] {
            misplaced.push((name, "only OCI registries (`type = \"oci\"`) take it"));
        }
    }
    if kind == Kind::OciEcr {
        for name in ["username", "password", "password_wo_version"] {
            misplaced.push((
                name,
                "an ECR registry signs in with AWS keys or a role instead",
            ));
        }
    } else {
        for name in [
            "access_key",
            "secret_key",
            "secret_key_wo_version",
            "role_arn",
            "external_id",
        ] {
            misplaced.push((
                name,
                "only ECR registries (`oci_provider = \"ecr\"`) take it",
            ));
        }
    }
    if kind != Kind::OciBasic {
        misplaced.push((
            "base_path",
            "only basic OCI registries (`type = \"oci\"`, `oci_provider = \"basic\"`) take it",
        ));
    }
    if kind == Kind::OciBasic && config.get_bool("is_private") == Some(true) {
        misplaced.push(("is_private", "a basic OCI registry has no privacy setting"));
    }
    for (name, why) in misplaced {
        if set(config, name) && !(name == "is_private" && config.get_bool(name) == Some(false)) {
            diags.attribute_error(
                AttributePath::root(name),
                "Attribute Not For This Registry",
                format!("`{name}` does not apply to a {}: {why}.", kind.label()),
            );
        }
    }
}

/// A `_wo_version` needs its secret.
fn check_secrets(config: &Value, kind: Kind, diags: &mut Diagnostics) {
    let (secret, version) = kind.secret();
    if set(config, version) && !set(config, secret) {
        diags.attribute_error(
            AttributePath::root(secret),
            "Missing Secret",
            format!(
                "`{version}` is set but `{secret}` is not: the version says when to send \
                 `{secret}` to Palette, so give `{secret}` too (or leave both out)."
            ),
        );
    }
}

/// A username and a password go together.
fn check_basic_auth(config: &Value, kind: Kind, diags: &mut Diagnostics) {
    let (user, password) = (set(config, "username"), set(config, "password"));
    let missing = match (user, password) {
        (true, false) => "password",
        (false, true) => "username",
        _ => return,
    };
    diags.attribute_error(
        AttributePath::root(missing),
        "Incomplete Credentials",
        format!(
            "A {} signs in with both `username` and `password`, or with neither (a registry \
             open to all); `{missing}` is missing.",
            kind.label()
        ),
    );
}

/// An ECR registry signs in with keys or a role, never both; a private one needs one of them.
fn check_aws(config: &Value, diags: &mut Diagnostics) {
    let (key, secret, role) = (
        set(config, "access_key"),
        set(config, "secret_key"),
        set(config, "role_arn"),
    );
    let mut error = |name: &str, detail: String| {
        diags.attribute_error(
            AttributePath::root(name),
            "Incomplete ECR Credentials",
            detail,
        )
    };
    if role && (key || secret) {
        error(
            "role_arn",
            "Set either AWS keys (`access_key` and `secret_key`) or `role_arn`, not both."
                .to_owned(),
        );
    } else if key != secret {
        let missing = if key { "secret_key" } else { "access_key" };
        error(
            missing,
            format!("`access_key` and `secret_key` go together; `{missing}` is missing."),
        );
    } else if !key && !role && config.get_bool("is_private") == Some(true) {
        error(
            "access_key",
            "A private ECR registry needs credentials: AWS keys (`access_key` and \
             `secret_key`) or a role to assume (`role_arn`)."
                .to_owned(),
        );
    }
    if set(config, "external_id") && !role {
        error(
            "external_id",
            "`external_id` is sent with `role_arn` only; set `role_arn` too.".to_owned(),
        );
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn config(pairs: &[(&str, Value)]) -> Value {
        let map: BTreeMap<String, Value> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        Value::Object(map)
    }

    fn paths(pairs: &[(&str, Value)]) -> Vec<String> {
        let mut diags = Diagnostics::new();
        check_config(&config(pairs), &mut diags);
        crate::diagnostics::attribute_paths(&diags)
    }

    /// A named case: the configuration and the paths of the problems it has.
    type Case = (&'static str, Vec<(&'static str, Value)>, Vec<&'static str>);

    #[test]
    fn each_problem_is_reported_at_its_attribute() {
        let s = |text: &str| Value::from(text);
        let ecr = || vec![("type", s("oci")), ("oci_provider", s("ecr"))];
        let cases: Vec<Case> = vec![
            (
                "a plain URL",
                vec![
                    ("type", s("helm")),
                    ("endpoint", s("https://c.example.com")),
                ],
                vec![],
            ),
            (
                "no scheme",
                vec![("endpoint", s("charts.example.com"))],
                vec!["endpoint"],
            ),
            (
                "ftp",
                vec![("endpoint", s("ftp://charts.example.com"))],
                vec!["endpoint"],
            ),
            (
                "no host",
                vec![("endpoint", s("https:///charts"))],
                vec!["endpoint"],
            ),
            (
                "unknown endpoint",
                vec![("endpoint", Value::unknown())],
                vec![],
            ),
            (
                "username alone",
                vec![("type", s("pack")), ("username", s("u"))],
                vec!["password"],
            ),
            (
                "password alone",
                vec![("type", s("helm")), ("password", s("p"))],
                vec!["username"],
            ),
            (
                "unknown password waits",
                vec![
                    ("type", s("helm")),
                    ("username", s("u")),
                    ("password", Value::unknown()),
                ],
                vec![],
            ),
            (
                "oci fields on helm",
                vec![("type", s("helm")), ("base_content_path", s("x"))],
                vec!["base_content_path"],
            ),
            (
                "aws keys on basic",
                vec![("type", s("oci")), ("access_key", s("A"))],
                vec!["access_key"],
            ),
            (
                "private basic",
                vec![("type", s("oci")), ("is_private", Value::from(true))],
                vec!["is_private"],
            ),
            (
                "version without secret",
                vec![
                    ("type", s("pack")),
                    ("password_wo_version", Value::from(1i64)),
                ],
                vec!["password"],
            ),
            (
                "unknown type waits",
                vec![("type", Value::unknown()), ("access_key", s("A"))],
                vec![],
            ),
        ];
        let mut ecr_cases: Vec<Case> = vec![
            (
                "ecr keys",
                vec![("access_key", s("A")), ("secret_key", s("S"))],
                vec![],
            ),
            (
                "ecr role",
                vec![("role_arn", s("arn")), ("external_id", s("x"))],
                vec![],
            ),
            (
                "ecr both",
                vec![
                    ("role_arn", s("arn")),
                    ("access_key", s("A")),
                    ("secret_key", s("S")),
                ],
                vec!["role_arn"],
            ),
            (
                "ecr half keys",
                vec![("access_key", s("A"))],
                vec!["secret_key"],
            ),
            (
                "private ecr without credentials",
                vec![("is_private", Value::from(true))],
                vec!["access_key"],
            ),
            (
                "external id alone",
                vec![("external_id", s("x"))],
                vec!["external_id"],
            ),
            ("ecr username", vec![("username", s("u"))], vec!["username"]),
        ];
        for (_, pairs, _) in &mut ecr_cases {
            pairs.extend(ecr());
        }
        for (name, pairs, want) in cases.into_iter().chain(ecr_cases) {
            assert_eq!(paths(&pairs), want, "{name}");
        }
    }
}
