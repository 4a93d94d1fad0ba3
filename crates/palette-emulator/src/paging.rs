//! Paging of list responses: `limit`, `offset` and `continue`, answered with `listmeta`.
//!
//! The `continue` token is base64 of `{"offset":N,"count":C,"token":""}`, the shape the
//! documentation shows; it is empty on the last page.

use std::collections::HashMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

use crate::error::ApiError;

/// The largest page the API serves.
pub const MAX_LIMIT: usize = 50;

/// Which slice of a list to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Index of the first item.
    pub offset: usize,
    /// Number of items at most.
    pub limit: usize,
}

impl Page {
    /// Reads `limit`, `offset` and `continue` from query parameters.
    pub fn from_query(query: &HashMap<String, String>) -> Result<Self, ApiError> {
        let number = |name: &str| -> Result<Option<i64>, ApiError> {
            match query.get(name).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(text) => text.parse::<i64>().map(Some).map_err(|_| {
                    ApiError::bad_request(
                        "InvalidParameter",
                        format!("{name} '{text}' is not an integer"),
                    )
                }),
            }
        };
        let limit = match number("limit")? {
            None | Some(0) => MAX_LIMIT,
            Some(n) if n < 0 => {
                return Err(ApiError::bad_request(
                    "InvalidParameter",
                    "limit must not be negative",
                ));
            }
            Some(n) if n as usize > MAX_LIMIT => {
                return Err(ApiError::bad_request(
                    "InvalidParameter",
                    format!("limit {n} is more than the maximum of {MAX_LIMIT}"),
                ));
            }
            Some(n) => n as usize,
        };
        let mut offset = match number("offset")? {
            Some(n) if n < 0 => {
                return Err(ApiError::bad_request(
                    "InvalidParameter",
                    "offset must not be negative",
                ));
            }
            Some(n) => n as usize,
            None => 0,
        };
        if let Some(token) = query.get("continue").filter(|v| !v.is_empty()) {
            offset = decode_token(token).ok_or_else(|| {
                ApiError::bad_request(
                    "InvalidParameter",
                    format!("continue token '{token}' is not valid"),
                )
            })?;
        }
        Ok(Self { offset, limit })
    }

    /// Cuts `items` to this page and wraps it as `{"items", "listmeta"}`.
    pub fn apply(self, items: Vec<Value>) -> Value {
        self.apply_with(items, |v| v)
    }

    /// Like [`Page::apply`], rendering only the items on the page with `render`.
    pub fn apply_with<T>(self, items: Vec<T>, mut render: impl FnMut(T) -> Value) -> Value {
        self.try_apply_with(items, |item| {
            Ok::<_, std::convert::Infallible>(render(item))
        })
        .unwrap_or_else(|never| match never {})
    }

    /// Like [`Page::apply_with`], with a `render` that can fail: a search matches every object
    /// in scope, but reads the details of only the page it returns.
    pub fn try_apply_with<T, E>(
        self,
        items: Vec<T>,
        render: impl FnMut(T) -> Result<Value, E>,
    ) -> Result<Value, E> {
        let count = items.len();
        let page: Vec<Value> = items
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .map(render)
            .collect::<Result<_, E>>()?;
        let next = self.offset + page.len();
        let token = if next < count {
            encode_token(next, count)
        } else {
            String::new()
        };
        Ok(json!({
            "items": page,
            "listmeta": {"continue": token, "count": count, "limit": self.limit, "offset": next},
        }))
    }
}

fn encode_token(offset: usize, count: usize) -> String {
    STANDARD.encode(json!({"offset": offset, "count": count, "token": ""}).to_string())
}

fn decode_token(token: &str) -> Option<usize> {
    let bytes = STANDARD.decode(token.trim()).ok()?;
    let value: Value = serde_json::from_slice(&bytes).ok()?;
    value.get("offset")?.as_u64().map(|n| n as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn walks_pages_with_the_token() {
        let items: Vec<Value> = (0..7).map(|i| json!(i)).collect();
        let first = Page::from_query(&query(&[("limit", "3")]))
            .unwrap()
            .apply(items.clone());
        assert_eq!(first["items"], json!([0, 1, 2]));
        assert_eq!(first["listmeta"]["count"], 7);
        let token = first["listmeta"]["continue"].as_str().unwrap().to_owned();
        let second = Page::from_query(&query(&[("limit", "3"), ("continue", &token)]))
            .unwrap()
            .apply(items.clone());
        assert_eq!(second["items"], json!([3, 4, 5]));
        let token = second["listmeta"]["continue"].as_str().unwrap().to_owned();
        let last = Page::from_query(&query(&[("limit", "3"), ("continue", &token)]))
            .unwrap()
            .apply(items);
        assert_eq!(last["items"], json!([6]));
        assert_eq!(last["listmeta"]["continue"], "");
    }

    #[test]
    fn refuses_bad_parameters() {
        for (name, q) in [
            ("too large", vec![("limit", "51")]),
            ("not a number", vec![("offset", "x")]),
            ("bad token", vec![("continue", "%%%")]),
        ] {
            assert!(Page::from_query(&query(&q)).is_err(), "{name}");
        }
    }
}
