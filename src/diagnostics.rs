//! Diagnostics shared by several resources, worded the same way everywhere.
//!
//! Summaries are Title Case and name the operation ("Create Cluster Error"); details say whose
//! fault it is and what to do, and end with `Original Error: ...` when the API refused.

use tfplugin::Diagnostic;

/// An API call failed while doing `what` (a sentence fragment such as "creating cluster \"prod\"").
pub(crate) fn api_error(summary: &str, what: &str, err: &palette_api::Error) -> Diagnostic {
    let advice = if err.is_not_found() {
        "Palette could not find the object, or something it refers to (a profile, cloud \
         account, pack or edge host): check the names and ids in the configuration. An object \
         deleted outside Terraform is planned again after `terraform refresh`."
    } else {
        match err {
            palette_api::Error::Unauthorized { .. } => {
                "Palette refused the API key: check `api_key` (or PALETTE_API_KEY) and that the \
                 key has not expired."
            }
            palette_api::Error::Forbidden { .. } => {
                "The API key may not act on this object: check that the key's user can reach the \
                 project named by `project` (or PALETTE_PROJECT)."
            }
            _ => {
                "If the problem persists, check Palette's status and the provider's debug log (TF_LOG=DEBUG)."
            }
        }
    };
    Diagnostic::error(
        summary,
        format!("Palette reported an error while {what}. {advice}\n\nOriginal Error: {err}"),
    )
}

/// The wait was cancelled by Terraform (Ctrl-C), while doing `what`.
pub(crate) fn interrupted(summary: &str, what: &str) -> Diagnostic {
    Diagnostic::error(
        summary,
        format!(
            "Terraform was interrupted while {what}. What exists in Palette is recorded in the \
             state; run apply again to resume."
        ),
    )
}

/// The attribute path of each diagnostic, `""` for one without: what tests compare.
#[cfg(test)]
pub(crate) fn attribute_paths(diags: &tfplugin::Diagnostics) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            d.attribute
                .as_ref()
                .map(|p| p.to_string())
                .unwrap_or_default()
        })
        .collect()
}
