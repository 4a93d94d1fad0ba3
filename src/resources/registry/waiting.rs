//! Waiting for a registry's sync, the step after a create or an update: until it ends, Palette
//! lists none of the packs the registry brings, and a profile in the same apply could not use
//! them.
//!
//! The status is polled, from a quarter of a second up to five seconds apart while nothing
//! changes, and each change is logged at INFO. `Completed` (or `Success`) ends the wait, as does
//! a registry Palette does not sync; `Failed` (or `Error`) fails it with Palette's message; any
//! other status (`InProgress`, `Pending`, none yet) keeps it going until the timeout.

use std::fmt;
use std::time::Duration;

use palette_api::Client;
use palette_api::models::RegistrySyncStatus;
use tfplugin::{Cancelled, Context, Diagnostic};
use tokio::time::Instant;

use super::api;
use super::model::Kind;
use crate::diagnostics;
use crate::wait::{MIN_INTERVAL, format_duration, next_interval};

/// Why a wait for a sync did not end in a completed sync.
#[derive(Debug)]
pub(super) enum SyncError {
    /// Palette reports the sync failed.
    Failed { message: String },
    /// The timeout passed first; the last status seen.
    TimedOut { limit: Duration, last: String },
    /// Terraform was interrupted.
    Interrupted,
    /// Reading the status failed.
    Api(palette_api::Error),
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::Failed { message } if message.is_empty() => {
                f.write_str("Palette reports the sync failed")
            }
            SyncError::Failed { message } => {
                write!(f, "Palette reports the sync failed: {message}")
            }
            SyncError::TimedOut { limit, last } => write!(
                f,
                "the sync did not end within {} (last status: {last})",
                format_duration(*limit)
            ),
            SyncError::Interrupted => f.write_str("the wait was interrupted"),
            SyncError::Api(err) => write!(f, "{err}"),
        }
    }
}

impl SyncError {
    /// The diagnostic of this failure for registry `name`, under `summary`.
    pub(super) fn diagnostic(&self, summary: &str, name: &str) -> Diagnostic {
        match self {
            SyncError::Api(err) => diagnostics::api_error(
                summary,
                &format!("reading the sync status of registry {name:?}"),
                err,
            ),
            SyncError::Interrupted => {
                diagnostics::interrupted(summary, &format!("waiting for registry {name:?} to sync"))
            }
            SyncError::Failed { .. } => Diagnostic::error(
                "Registry Sync Failed",
                format!(
                    "Registry {name:?} is saved in Palette, but {self}. Check the endpoint and \
                     the credentials (the write-only secret is sent again when its \
                     `_wo_version` changes), then apply again; {AFTER_CREATE}"
                ),
            ),
            SyncError::TimedOut { .. } => Diagnostic::error(
                "Registry Sync Timed Out",
                format!(
                    "Registry {name:?} is saved in Palette, but {self}. A large registry can \
                     take long to sync: raise `timeouts`, then apply again; {AFTER_CREATE}"
                ),
            ),
        }
    }
}

/// What becomes of a registry whose first sync failed.
const AFTER_CREATE: &str =
    "after a failed create, Terraform marks the registry tainted and the next apply replaces it.";

/// What a sync status says.
#[derive(Debug, PartialEq, Eq)]
enum Reading {
    Done,
    Failed,
    Running,
}

/// Reads a sync status.
fn reading(status: &RegistrySyncStatus) -> Reading {
    if status.is_sync_supported == Some(false) {
        return Reading::Done;
    }
    match status.status.as_deref().unwrap_or("") {
        s if s.eq_ignore_ascii_case("completed") || s.eq_ignore_ascii_case("success") => {
            Reading::Done
        }
        s if s.eq_ignore_ascii_case("failed") || s.eq_ignore_ascii_case("error") => Reading::Failed,
        _ => Reading::Running,
    }
}

/// The status in a log line.
fn shown(status: &RegistrySyncStatus) -> String {
    match status.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => s.to_owned(),
        None => "not started".to_owned(),
    }
}

/// Waits until registry `uid` (`name`, of `kind`) has synced, at most `limit` from `started`.
pub(super) async fn until_synced(
    ctx: &Context,
    client: &Client,
    kind: Kind,
    uid: &str,
    name: &str,
    limit: Duration,
    started: Instant,
) -> Result<(), SyncError> {
    let ctx = ctx.clone().with_deadline(started + limit);
    let stopped = |why: Cancelled, last: &str| match why {
        Cancelled::Stopped => SyncError::Interrupted,
        Cancelled::DeadlineExceeded => SyncError::TimedOut {
            limit,
            last: last.to_owned(),
        },
    };
    tracing::info!(
        registry = name,
        uid,
        "waiting for registry {name:?} to sync"
    );
    let mut interval = MIN_INTERVAL;
    let mut last = String::from("not read yet");
    loop {
        let status = match ctx.run(api::sync_status(client, kind, uid)).await {
            Err(why) => return Err(stopped(why, &last)),
            Ok(Err(err)) => return Err(SyncError::Api(err)),
            Ok(Ok(status)) => status,
        };
        let now = shown(&status);
        let moved = now != last;
        if moved {
            tracing::info!(registry = name, uid, status = %now, "registry {name:?}: sync {now}");
            last = now;
        }
        match reading(&status) {
            Reading::Done => {
                tracing::info!(registry = name, uid, "registry {name:?} is synced");
                return Ok(());
            }
            Reading::Failed => {
                return Err(SyncError::Failed {
                    message: status.message.unwrap_or_default(),
                });
            }
            Reading::Running => {}
        }
        interval = next_interval(interval, moved);
        if let Err(why) = ctx.sleep(interval).await {
            return Err(stopped(why, &last));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(text: &str, supported: Option<bool>) -> RegistrySyncStatus {
        RegistrySyncStatus {
            status: Some(text.to_owned()),
            is_sync_supported: supported,
            ..RegistrySyncStatus::default()
        }
    }

    #[test]
    fn statuses_read_as_palette_reports_them() {
        let cases = [
            ("Completed", None, Reading::Done),
            ("Success", Some(true), Reading::Done),
            ("Failed", Some(true), Reading::Failed),
            ("error", None, Reading::Failed),
            ("InProgress", Some(true), Reading::Running),
            ("", None, Reading::Running),
            ("InProgress", Some(false), Reading::Done),
        ];
        for (text, supported, want) in cases {
            assert_eq!(
                reading(&status(text, supported)),
                want,
                "{text} {supported:?}"
            );
        }
        assert_eq!(shown(&status("", None)), "not started");
    }
}
