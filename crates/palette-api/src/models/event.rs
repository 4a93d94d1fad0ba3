//! Component events: `GET /v1/events/components/{objectKind}/{objectUid}`.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::models::*;

/// Describes the component event details.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Event {
    /// Describes object involved in event generation.
    #[serde(rename = "involvedObject", skip_serializing_if = "Option::is_none")]
    pub involved_object: Option<ObjectReference>,
    /// Describes message associated with the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    /// Describes the reason for the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Describes object related to the event.
    #[serde(rename = "relatedObject", skip_serializing_if = "Option::is_none")]
    pub related_object: Option<EventRelatedObject>,
    /// Describes the gravitas for the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    /// Describes the origin for the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<EventSource>,
}

/// Object for which the event is related.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventRelatedObject {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// Describes the origin for the event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventSource {
    /// Describes the component where event originated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
    /// Describes the host where event originated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

/// An array of component events items.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Events {
    /// Describes a list of returned component events.
    pub items: Vec<Event>,
    /// Describes the meta information about the component event lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}
