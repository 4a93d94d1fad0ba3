//! The plan: the settings whose default depends on the kind of registry (`oci_provider`,
//! `provider_type`), where it lives (`scope`), and the replacement a change of OCI provider
//! forces. The plan reads nothing from Palette and writes nothing.

use tfplugin::resource::{ModifyPlanRequest, ModifyPlanResponse};
use tfplugin::{AttributePath, Value, ValueExt};

use super::model::{DEFAULT_PROVIDER_TYPE, SCOPE};

/// The `modify_plan` handler for a registry that is created or kept.
pub(super) fn plan_registry(req: &ModifyPlanRequest, resp: &mut ModifyPlanResponse) {
    let plan = &mut resp.plan;
    plan.set("scope", SCOPE);
    let is_oci = req.config.get_str("type").map(|t| t == "oci");
    plan_default(&req.config, plan, "oci_provider", is_oci, "basic");
    plan_default(
        &req.config,
        plan,
        "provider_type",
        is_oci,
        DEFAULT_PROVIDER_TYPE,
    );
    // Palette has separate calls for each OCI provider: changing it (or making it unknown until
    // apply) makes a new registry.
    let prior = &req.state;
    if !prior.is_null()
        && let (Some(before), Some(after)) = (prior.get("oci_provider"), plan.get("oci_provider"))
        && before != after
    {
        resp.requires_replace
            .push(AttributePath::root("oci_provider"));
    }
}

/// Plans an OCI setting: as configured; else, for an OCI registry, `default`; else null
/// (unknown while the registry's type is).
fn plan_default(config: &Value, plan: &mut Value, name: &str, is_oci: Option<bool>, default: &str) {
    let configured = config.get(name).filter(|v| !v.is_null()).cloned();
    let value = match (configured, is_oci) {
        (Some(value), _) => value,
        (None, Some(true)) => Value::from(default),
        (None, Some(false)) => Value::Null,
        (None, None) => Value::unknown(),
    };
    plan.set(name, value);
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn planned(config: &[(&str, Value)]) -> Value {
        let config = Value::Object(
            config
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect::<BTreeMap<_, _>>(),
        );
        let mut plan = config.clone();
        for name in ["oci_provider", "provider_type"] {
            plan_default(
                &config,
                &mut plan,
                name,
                config.get_str("type").map(|t| t == "oci"),
                "d",
            );
        }
        plan
    }

    #[test]
    fn oci_settings_default_only_for_oci_registries() {
        let oci = planned(&[("type", Value::from("oci"))]);
        assert_eq!(oci.get_str("oci_provider"), Some("d"));
        let ecr = planned(&[
            ("type", Value::from("oci")),
            ("oci_provider", Value::from("ecr")),
        ]);
        assert_eq!(ecr.get_str("oci_provider"), Some("ecr"));
        let helm = planned(&[("type", Value::from("helm"))]);
        assert!(helm.get("provider_type").is_some_and(Value::is_null));
        let unknown = planned(&[("type", Value::unknown())]);
        assert!(unknown.get("oci_provider").is_some_and(Value::is_unknown));
    }
}
