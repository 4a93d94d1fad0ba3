//! Client capabilities, deferrals and timestamps.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::proto::tfplugin6 as pb;
use crate::resource::{ClientCapabilities, Deferred, DeferredReason};

/// Reads the client capabilities (all false when absent).
pub(crate) fn client_capabilities(caps: Option<&pb::ClientCapabilities>) -> ClientCapabilities {
    caps.map(|c| ClientCapabilities {
        deferral_allowed: c.deferral_allowed,
        write_only_attributes_allowed: c.write_only_attributes_allowed,
    })
    .unwrap_or_default()
}

/// Converts a deferral.
pub(crate) fn deferred(deferred: Option<Deferred>) -> Option<pb::Deferred> {
    deferred.map(|d| pb::Deferred {
        reason: match d.reason {
            DeferredReason::Unknown => pb::deferred::Reason::Unknown,
            DeferredReason::ResourceConfigUnknown => pb::deferred::Reason::ResourceConfigUnknown,
            DeferredReason::ProviderConfigUnknown => pb::deferred::Reason::ProviderConfigUnknown,
            DeferredReason::AbsentPrerequisite => pb::deferred::Reason::AbsentPrereq,
        } as i32,
    })
}

/// Converts a point in time (times before 1970 are clamped to it).
pub(crate) fn timestamp(at: SystemTime) -> prost_types::Timestamp {
    let since = at.duration_since(UNIX_EPOCH).unwrap_or_default();
    prost_types::Timestamp {
        seconds: i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        nanos: i32::try_from(since.subsec_nanos()).unwrap_or(0),
    }
}
