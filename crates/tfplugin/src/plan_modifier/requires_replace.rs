//! [`requires_replace`] and [`requires_replace_if`]: a change forces replacement.

use std::fmt;
use std::sync::Arc;

use super::{PlanModifier, PlanModifierRequest, PlanModifierResponse};

type Condition = dyn Fn(&PlanModifierRequest<'_>) -> bool + Send + Sync;

/// Any change of the attribute's value (from the prior state to the plan) destroys and
/// re-creates the resource. Nothing happens on create, nor for an attribute of a nested object
/// that is new (a block added, or an element of a keyed block whose key the prior state lacks):
/// a new object has no prior value to change from.
pub fn requires_replace() -> RequiresReplace {
    requires_replace_if(
        |_| true,
        "If the value of this attribute changes, Terraform will destroy and recreate the resource.",
        "If the value of this attribute changes, Terraform will destroy and recreate the resource.",
    )
}

/// Like [`requires_replace`], but only when `condition` returns `true` for the change;
/// `description` and `markdown_description` explain the condition in the documentation.
pub fn requires_replace_if<F>(
    condition: F,
    description: impl Into<String>,
    markdown_description: impl Into<String>,
) -> RequiresReplace
where
    F: Fn(&PlanModifierRequest<'_>) -> bool + Send + Sync + 'static,
{
    RequiresReplace {
        condition: Arc::new(condition),
        description: description.into(),
        markdown_description: markdown_description.into(),
    }
}

/// The modifier built by [`requires_replace`] and [`requires_replace_if`].
#[derive(Clone)]
pub struct RequiresReplace {
    condition: Arc<Condition>,
    description: String,
    markdown_description: String,
}

impl fmt::Debug for RequiresReplace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequiresReplace")
            .field("description", &self.description)
            .finish_non_exhaustive()
    }
}

impl PlanModifier for RequiresReplace {
    fn description(&self) -> String {
        self.description.clone()
    }

    fn markdown_description(&self) -> String {
        self.markdown_description.clone()
    }

    fn modify_plan(&self, req: &PlanModifierRequest<'_>, resp: &mut PlanModifierResponse) {
        // Creation and destruction never "replace"; an unchanged value does not either, nor
        // does a value in an object that is new.
        if req.is_create() || req.is_new_object() || req.plan.is_null() {
            return;
        }
        if req.plan_value == req.state_value {
            return;
        }
        if (self.condition)(req) {
            resp.requires_replace = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AttributePath, Value};

    fn run(m: &RequiresReplace, state: Value, state_value: Value, plan_value: Value) -> bool {
        let path = AttributePath::root("a");
        let req = PlanModifierRequest {
            path: &path,
            config_value: &plan_value,
            state_value: &state_value,
            plan_value: &plan_value,
            config: &Value::Null,
            state: &state,
            plan: &Value::Object(Default::default()),
            parent_state: &state,
        };
        let mut resp = PlanModifierResponse::new(plan_value.clone());
        m.modify_plan(&req, &mut resp);
        assert_eq!(resp.plan_value, plan_value, "the value is never changed");
        resp.requires_replace
    }

    #[test]
    fn cases() {
        let existing = Value::Object(Default::default());
        let always = requires_replace();
        let only_growing = requires_replace_if(
            |req| req.plan_value.as_i64() > req.state_value.as_i64(),
            "replaced when the value grows",
            "replaced when the value grows",
        );
        let cases: [(&str, &RequiresReplace, Value, Value, Value, bool); 6] = [
            (
                "changed",
                &always,
                existing.clone(),
                Value::from("x"),
                Value::from("y"),
                true,
            ),
            (
                "unchanged",
                &always,
                existing.clone(),
                Value::from("x"),
                Value::from("x"),
                false,
            ),
            (
                "create",
                &always,
                Value::Null,
                Value::Null,
                Value::from("y"),
                false,
            ),
            (
                "unknown plan",
                &always,
                existing.clone(),
                Value::from("x"),
                Value::unknown(),
                true,
            ),
            (
                "condition true",
                &only_growing,
                existing.clone(),
                Value::from(1),
                Value::from(2),
                true,
            ),
            (
                "condition false",
                &only_growing,
                existing,
                Value::from(2),
                Value::from(1),
                false,
            ),
        ];
        for (name, m, state, state_value, plan_value, want) in cases {
            assert_eq!(run(m, state, state_value, plan_value), want, "{name}");
        }
    }
}
