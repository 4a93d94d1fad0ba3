//! [`use_state_for_unknown`]: a computed value that does not change keeps its prior state.

use super::{PlanModifier, PlanModifierRequest, PlanModifierResponse};

/// On update, plans the prior state's value instead of unknown for a computed attribute that
/// the configuration leaves unset, so the plan does not show "(known after apply)" for values
/// such as identifiers that never change after creation.
pub fn use_state_for_unknown() -> UseStateForUnknown {
    UseStateForUnknown
}

/// The modifier built by [`use_state_for_unknown`].
#[derive(Clone, Copy, Debug, Default)]
pub struct UseStateForUnknown;

impl PlanModifier for UseStateForUnknown {
    fn description(&self) -> String {
        "once set, the value of this attribute in state will not change".to_string()
    }

    fn modify_plan(&self, req: &PlanModifierRequest<'_>, resp: &mut PlanModifierResponse) {
        if req.is_create() || req.state_value.is_null() {
            return;
        }
        if !req.plan_value.is_unknown() || req.config_value.is_unknown() {
            return;
        }
        resp.plan_value = req.state_value.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AttributePath, Value};

    #[test]
    fn cases() {
        let existing = Value::Object(Default::default());
        // (name, state, state value, config value, plan value, expected plan value)
        let cases: [(&str, Value, Value, Value, Value, Value); 5] = [
            (
                "update keeps state",
                existing.clone(),
                Value::from("id-1"),
                Value::Null,
                Value::unknown(),
                Value::from("id-1"),
            ),
            (
                "create stays unknown",
                Value::Null,
                Value::Null,
                Value::Null,
                Value::unknown(),
                Value::unknown(),
            ),
            (
                "known plan wins",
                existing.clone(),
                Value::from("id-1"),
                Value::from("id-2"),
                Value::from("id-2"),
                Value::from("id-2"),
            ),
            (
                "unknown config stays unknown",
                existing.clone(),
                Value::from("id-1"),
                Value::unknown(),
                Value::unknown(),
                Value::unknown(),
            ),
            (
                "null state stays unknown",
                existing,
                Value::Null,
                Value::Null,
                Value::unknown(),
                Value::unknown(),
            ),
        ];
        for (name, state, state_value, config_value, plan_value, want) in cases {
            let path = AttributePath::root("id");
            let req = PlanModifierRequest {
                path: &path,
                config_value: &config_value,
                state_value: &state_value,
                plan_value: &plan_value,
                config: &Value::Null,
                state: &state,
                plan: &Value::Null,
                parent_state: &state,
            };
            let mut resp = PlanModifierResponse::new(plan_value.clone());
            UseStateForUnknown.modify_plan(&req, &mut resp);
            assert_eq!(resp.plan_value, want, "{name}");
            assert!(!resp.requires_replace, "{name}");
        }
    }
}
