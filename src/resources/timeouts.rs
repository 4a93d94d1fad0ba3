//! The `timeouts` block resources that wait declare: how long create, update and delete may
//! take, as Terraform durations, each with a default of the resource's own.

use std::time::Duration;

use tfplugin::{Attribute, AttributePath, Block, NestedBlock, Nesting, Value, ValueExt};

use crate::wait;

/// Operation timeouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Timeouts {
    pub(crate) create: Duration,
    pub(crate) update: Duration,
    pub(crate) delete: Duration,
}

/// A resource's default timeouts, as Terraform duration strings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Defaults {
    pub(crate) create: &'static str,
    pub(crate) update: &'static str,
    pub(crate) delete: &'static str,
}

impl Defaults {
    /// The `timeouts` block. `create`, `update` and `delete` say what each timeout covers; the
    /// description adds the default.
    pub(crate) fn block(&self, create: &str, update: &str, delete: &str) -> NestedBlock {
        let attribute = |name: &str, covers: &str, default: &str| {
            Attribute::string(name)
                .optional()
                .description(format!("{covers} (default `{default}`)."))
        };
        let block = Block::new()
            .description(
                "How long each operation may wait, as durations such as `60m`, `1h30m` or `90s`.",
            )
            .attribute(attribute("create", create, self.create))
            .attribute(attribute("update", update, self.update))
            .attribute(attribute("delete", delete, self.delete));
        NestedBlock::new("timeouts", Nesting::Single, block)
    }

    /// Reads `timeouts` of `value` (these defaults for unset ones); an error names the
    /// attribute.
    pub(crate) fn read(&self, value: &Value) -> Result<Timeouts, (AttributePath, String)> {
        let block = value.get("timeouts").cloned().unwrap_or(Value::Null);
        let one = |name: &str, default: &str| {
            let text = block.get_str(name).unwrap_or(default);
            wait::parse_duration(text).map_err(|e| (AttributePath::root("timeouts").attr(name), e))
        };
        Ok(Timeouts {
            create: one("create", self.create)?,
            update: one("update", self.update)?,
            delete: one("delete", self.delete)?,
        })
    }
}

/// Whether `plan` differs from the state `prior` in its `timeouts` alone: an update then has
/// nothing to send to Palette.
pub(crate) fn only_timeouts_change(prior: &Value, plan: &Value) -> bool {
    let mut same = plan.clone();
    same.set(
        "timeouts",
        prior.get("timeouts").cloned().unwrap_or(Value::Null),
    );
    same == *prior
}
