//! The generic search filter body used by `POST /v1/dashboard/.../search` routes.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{SortOrder, Time};
use serde::{Deserialize, Serialize};

/// The wire model `v1SearchFilterBoolCondition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterBoolCondition {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<bool>,
}

/// The wire model `v1SearchFilterCondition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterCondition {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bool: Option<SearchFilterBoolCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<SearchFilterDateCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub float: Option<SearchFilterFloatCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub int: Option<SearchFilterIntegerCondition>,
    #[serde(rename = "keyValue", skip_serializing_if = "Option::is_none")]
    pub key_value: Option<SearchFilterKeyValueCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub string: Option<SearchFilterStringCondition>,
}

/// The closed set of values of `v1SearchFilterConjunctionOperator`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum SearchFilterConjunctionOperator {
    #[default]
    /// `and`.
    #[serde(rename = "and")]
    And,
    /// `or`.
    #[serde(rename = "or")]
    Or,
}

impl SearchFilterConjunctionOperator {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::And => "and",
            Self::Or => "or",
        }
    }
}

impl std::str::FromStr for SearchFilterConjunctionOperator {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "and" => Ok(Self::And),
            "or" => Ok(Self::Or),
            other => Err(format!("unknown SearchFilterConjunctionOperator {other:?}")),
        }
    }
}

impl std::fmt::Display for SearchFilterConjunctionOperator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The wire model `v1SearchFilterDateCondition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterDateCondition {
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_: Option<SearchFilterDateConditionMatch>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<SearchFilterDateOperator>,
}

/// The wire model `v1SearchFilterDateConditionMatch`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterDateConditionMatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conjunction: Option<SearchFilterConjunctionOperator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<Time>>,
}

/// The closed set of values of `v1SearchFilterDateOperator`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum SearchFilterDateOperator {
    #[default]
    /// `eq`.
    #[serde(rename = "eq")]
    Eq,
    /// `gt`.
    #[serde(rename = "gt")]
    Gt,
    /// `gte`.
    #[serde(rename = "gte")]
    Gte,
    /// `lt`.
    #[serde(rename = "lt")]
    Lt,
    /// `lte`.
    #[serde(rename = "lte")]
    Lte,
    /// `range`.
    #[serde(rename = "range")]
    Range,
}

impl SearchFilterDateOperator {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Gt => "gt",
            Self::Gte => "gte",
            Self::Lt => "lt",
            Self::Lte => "lte",
            Self::Range => "range",
        }
    }
}

impl std::str::FromStr for SearchFilterDateOperator {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "eq" => Ok(Self::Eq),
            "gt" => Ok(Self::Gt),
            "gte" => Ok(Self::Gte),
            "lt" => Ok(Self::Lt),
            "lte" => Ok(Self::Lte),
            "range" => Ok(Self::Range),
            other => Err(format!("unknown SearchFilterDateOperator {other:?}")),
        }
    }
}

impl std::fmt::Display for SearchFilterDateOperator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The wire model `v1SearchFilterFloatCondition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterFloatCondition {
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_: Option<SearchFilterFloatConditionMatch>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<SearchFilterIntegerOperator>,
}

/// The wire model `v1SearchFilterFloatConditionMatch`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterFloatConditionMatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conjunction: Option<SearchFilterConjunctionOperator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<f64>>,
}

/// Filters joined by a conjunction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterGroup {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conjunction: Option<SearchFilterConjunctionOperator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<SearchFilterItem>>,
}

/// The wire model `v1SearchFilterIntegerCondition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterIntegerCondition {
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_: Option<SearchFilterIntegerConditionMatch>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<SearchFilterIntegerOperator>,
}

/// The wire model `v1SearchFilterIntegerConditionMatch`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterIntegerConditionMatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conjunction: Option<SearchFilterConjunctionOperator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<i64>>,
}

/// The closed set of values of `v1SearchFilterIntegerOperator`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum SearchFilterIntegerOperator {
    #[default]
    /// `eq`.
    #[serde(rename = "eq")]
    Eq,
    /// `gt`.
    #[serde(rename = "gt")]
    Gt,
    /// `gte`.
    #[serde(rename = "gte")]
    Gte,
    /// `lt`.
    #[serde(rename = "lt")]
    Lt,
    /// `lte`.
    #[serde(rename = "lte")]
    Lte,
}

impl SearchFilterIntegerOperator {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Gt => "gt",
            Self::Gte => "gte",
            Self::Lt => "lt",
            Self::Lte => "lte",
        }
    }
}

impl std::str::FromStr for SearchFilterIntegerOperator {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "eq" => Ok(Self::Eq),
            "gt" => Ok(Self::Gt),
            "gte" => Ok(Self::Gte),
            "lt" => Ok(Self::Lt),
            "lte" => Ok(Self::Lte),
            other => Err(format!("unknown SearchFilterIntegerOperator {other:?}")),
        }
    }
}

impl std::fmt::Display for SearchFilterIntegerOperator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One filter: a property, its type and a condition.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterItem {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<SearchFilterCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<SearchFilterPropertyType>,
}

/// The wire model `v1SearchFilterKeyValueCondition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterKeyValueCondition {
    #[serde(rename = "ignoreCase", skip_serializing_if = "Option::is_none")]
    pub ignore_case: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_: Option<SearchFilterKeyValueConditionMatch>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<SearchFilterStringOperator>,
}

/// The wire model `v1SearchFilterKeyValueConditionMatch`.
///
/// The spec defines it with the same fields as [`SearchFilterStringConditionMatch`] (`v1SearchFilterStringConditionMatch`).
pub type SearchFilterKeyValueConditionMatch = SearchFilterStringConditionMatch;

/// The closed set of values of `v1SearchFilterPropertyType`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum SearchFilterPropertyType {
    #[default]
    /// `string`.
    #[serde(rename = "string")]
    String,
    /// `int`.
    #[serde(rename = "int")]
    Int,
    /// `float`.
    #[serde(rename = "float")]
    Float,
    /// `bool`.
    #[serde(rename = "bool")]
    Bool,
    /// `date`.
    #[serde(rename = "date")]
    Date,
    /// `keyValue`.
    #[serde(rename = "keyValue")]
    KeyValue,
}

impl SearchFilterPropertyType {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Int => "int",
            Self::Float => "float",
            Self::Bool => "bool",
            Self::Date => "date",
            Self::KeyValue => "keyValue",
        }
    }
}

impl std::str::FromStr for SearchFilterPropertyType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "string" => Ok(Self::String),
            "int" => Ok(Self::Int),
            "float" => Ok(Self::Float),
            "bool" => Ok(Self::Bool),
            "date" => Ok(Self::Date),
            "keyValue" => Ok(Self::KeyValue),
            other => Err(format!("unknown SearchFilterPropertyType {other:?}")),
        }
    }
}

impl std::fmt::Display for SearchFilterPropertyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The wire model `v1SearchFilterSortSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterSortSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<SortOrder>,
}

/// Filter groups joined by a conjunction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conjunction: Option<SearchFilterConjunctionOperator>,
    #[serde(rename = "filterGroups", skip_serializing_if = "Option::is_none")]
    pub filter_groups: Option<Vec<SearchFilterGroup>>,
}

/// The wire model `v1SearchFilterStringCondition`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterStringCondition {
    #[serde(rename = "ignoreCase", skip_serializing_if = "Option::is_none")]
    pub ignore_case: Option<bool>,
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_: Option<SearchFilterStringConditionMatch>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<SearchFilterStringOperator>,
}

/// The wire model `v1SearchFilterStringConditionMatch`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterStringConditionMatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conjunction: Option<SearchFilterConjunctionOperator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

/// The closed set of values of `v1SearchFilterStringOperator`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum SearchFilterStringOperator {
    #[default]
    /// `eq`.
    #[serde(rename = "eq")]
    Eq,
    /// `contains`.
    #[serde(rename = "contains")]
    Contains,
    /// `beginsWith`.
    #[serde(rename = "beginsWith")]
    BeginsWith,
}

impl SearchFilterStringOperator {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Contains => "contains",
            Self::BeginsWith => "beginsWith",
        }
    }
}

impl std::str::FromStr for SearchFilterStringOperator {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "eq" => Ok(Self::Eq),
            "contains" => Ok(Self::Contains),
            "beginsWith" => Ok(Self::BeginsWith),
            other => Err(format!("unknown SearchFilterStringOperator {other:?}")),
        }
    }
}

impl std::fmt::Display for SearchFilterStringOperator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The body of a dashboard search: filter groups and a sort order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilterSummarySpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<SearchFilterSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<Vec<SearchFilterSortSpec>>,
}
