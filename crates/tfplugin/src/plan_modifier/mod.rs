//! Plan modifiers: composable adjustments of an attribute's planned value.
//!
//! A plan modifier is a value implementing [`PlanModifier`]; the schema holds them as
//! `Arc<dyn PlanModifier>` on attributes and nested blocks. During `PlanResourceChange` the
//! engine runs an attribute's modifiers in order, after defaults and the "computed becomes
//! unknown" rule. Each modifier receives the plan value left by the previous one and a fresh
//! response (so it cannot remove diagnostics reported by another); the engine keeps the new plan
//! value, collects the diagnostics and ORs `requires_replace` into the list of paths that force
//! replacement. Modifiers do not run when the resource is being destroyed.
//!
//! One file per implementation; the constructors are re-exported here:
//!
//! | constructor | effect |
//! |---|---|
//! | [`requires_replace`] | changing the value destroys and re-creates the resource |
//! | [`requires_replace_if`] | the same, when a function of the request says so |
//! | [`use_state_for_unknown`] | a computed value keeps its prior state instead of "(known after apply)" |

mod requires_replace;
mod use_state_for_unknown;

pub use requires_replace::{RequiresReplace, requires_replace, requires_replace_if};
pub use use_state_for_unknown::{UseStateForUnknown, use_state_for_unknown};

use crate::{AttributePath, Diagnostics, Value};

/// An adjustment of one attribute's planned value.
///
/// `description` starts with a lowercase letter and ends without punctuation;
/// `markdown_description` may use markdown and defaults to the plain description.
pub trait PlanModifier: Send + Sync {
    /// What the modifier does, in plain text.
    fn description(&self) -> String;

    /// What the modifier does, in markdown.
    fn markdown_description(&self) -> String {
        self.description()
    }

    /// Adjusts `resp.plan_value` (which starts as `req.plan_value`), may set
    /// `resp.requires_replace`, and reports problems into `resp.diagnostics`.
    fn modify_plan(&self, req: &PlanModifierRequest<'_>, resp: &mut PlanModifierResponse);
}

/// What a [`PlanModifier`] is given.
#[derive(Clone, Copy, Debug)]
pub struct PlanModifierRequest<'a> {
    /// Where the attribute sits in the resource.
    pub path: &'a AttributePath,
    /// The attribute's value in the configuration (may be null or unknown).
    pub config_value: &'a Value,
    /// The attribute's value in the prior state; null when the resource is being created.
    pub state_value: &'a Value,
    /// The attribute's planned value as left by the engine and the previous modifiers.
    pub plan_value: &'a Value,
    /// The whole configuration.
    pub config: &'a Value,
    /// The whole prior state; null when the resource is being created.
    pub state: &'a Value,
    /// The prior value of the object that holds the attribute (the resource itself, a nested
    /// block or a nested object): null when that object is new, because the resource is being
    /// created or the object is a block element the prior state lacks (see
    /// [`NestedBlock::key`](crate::NestedBlock::key)) or a block being added.
    pub parent_state: &'a Value,
    /// The whole plan as proposed by Terraform (before any modifier ran).
    pub plan: &'a Value,
}

impl PlanModifierRequest<'_> {
    /// Whether the resource is being created (there is no prior state).
    pub fn is_create(&self) -> bool {
        self.state.is_null()
    }

    /// Whether the object holding the attribute is being created: the resource, or a nested
    /// block or element that the prior state does not have. Its attributes then have no prior
    /// value to change from; whether adding the object forces replacement is for the plan
    /// modifiers of the block that holds it.
    pub fn is_new_object(&self) -> bool {
        self.parent_state.is_null()
    }
}

/// What a [`PlanModifier`] returns.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanModifierResponse {
    /// The planned value; starts as the request's `plan_value`.
    pub plan_value: Value,
    /// Set to `true` when the change of this attribute forces replacement.
    pub requires_replace: bool,
    /// Problems found by this modifier.
    pub diagnostics: Diagnostics,
}

impl PlanModifierResponse {
    /// A response that changes nothing.
    pub fn new(plan_value: Value) -> Self {
        Self {
            plan_value,
            requires_replace: false,
            diagnostics: Diagnostics::new(),
        }
    }
}

/// The result of running a list of modifiers on one attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct Modified {
    /// The final planned value.
    pub plan_value: Value,
    /// Whether any modifier asked for replacement.
    pub requires_replace: bool,
}

/// Runs `modifiers` in order on the attribute described by `req`, passing the plan value along,
/// giving each a fresh response, collecting diagnostics into `diags` and ORing replacement.
pub fn run_all(
    modifiers: &[std::sync::Arc<dyn PlanModifier>],
    req: &PlanModifierRequest<'_>,
    diags: &mut Diagnostics,
) -> Modified {
    let mut plan_value = req.plan_value.clone();
    let mut requires_replace = false;
    for modifier in modifiers {
        let step = PlanModifierRequest {
            plan_value: &plan_value,
            ..*req
        };
        let mut resp = PlanModifierResponse::new(plan_value.clone());
        modifier.modify_plan(&step, &mut resp);
        let failed = resp.diagnostics.has_errors();
        diags.extend(resp.diagnostics);
        requires_replace |= resp.requires_replace;
        if failed {
            break;
        }
        plan_value = resp.plan_value;
    }
    Modified {
        plan_value,
        requires_replace,
    }
}
