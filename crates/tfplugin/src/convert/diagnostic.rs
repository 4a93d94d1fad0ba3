//! Diagnostics and attribute paths to and from the wire.

use crate::proto::tfplugin6 as pb;
use crate::proto::tfplugin6::attribute_path::step::Selector;
use crate::{AttributePath, Diagnostics, PathStep, Severity};

/// Converts diagnostics for a response.
pub(crate) fn diagnostics(diags: Diagnostics) -> Vec<pb::Diagnostic> {
    diags
        .into_vec()
        .into_iter()
        .map(|d| pb::Diagnostic {
            severity: match d.severity {
                Severity::Error => pb::diagnostic::Severity::Error as i32,
                Severity::Warning => pb::diagnostic::Severity::Warning as i32,
            },
            summary: d.summary,
            detail: d.detail,
            attribute: d
                .attribute
                .filter(|p| !p.is_empty())
                .map(|p| attribute_path_to_proto(&p)),
        })
        .collect()
}

/// Converts a native path.
pub(crate) fn attribute_path_to_proto(path: &AttributePath) -> pb::AttributePath {
    pb::AttributePath {
        steps: path
            .steps()
            .iter()
            .map(|step| pb::attribute_path::Step {
                selector: Some(match step {
                    PathStep::Attribute(name) => Selector::AttributeName(name.clone()),
                    PathStep::Key(key) => Selector::ElementKeyString(key.clone()),
                    PathStep::Index(i) => Selector::ElementKeyInt(*i),
                }),
            })
            .collect(),
    }
}

/// Converts a wire path (steps without a selector are skipped).
#[cfg(test)]
pub(crate) fn attribute_path_from_proto(path: &pb::AttributePath) -> AttributePath {
    let steps = path
        .steps
        .iter()
        .filter_map(|s| match s.selector.as_ref()? {
            Selector::AttributeName(name) => Some(PathStep::Attribute(name.clone())),
            Selector::ElementKeyString(key) => Some(PathStep::Key(key.clone())),
            Selector::ElementKeyInt(i) => Some(PathStep::Index(*i)),
        })
        .collect();
    AttributePath::from_steps(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip() {
        let path = AttributePath::root("block")
            .index(2)
            .attr("tags")
            .key("team");
        assert_eq!(
            attribute_path_from_proto(&attribute_path_to_proto(&path)),
            path
        );
    }

    #[test]
    fn diagnostics_keep_severity_and_path() {
        let mut diags = Diagnostics::new();
        diags.attribute_error(AttributePath::root("name"), "Bad Name", "detail");
        diags.warning("Careful", "");
        let wire = diagnostics(diags);
        assert_eq!(wire.len(), 2);
        assert_eq!(wire[0].severity, pb::diagnostic::Severity::Error as i32);
        assert_eq!(wire[0].summary, "Bad Name");
        assert_eq!(
            wire[0].attribute.as_ref().map(attribute_path_from_proto),
            Some(AttributePath::root("name"))
        );
        assert_eq!(wire[1].severity, pb::diagnostic::Severity::Warning as i32);
        assert!(wire[1].attribute.is_none());
    }
}
