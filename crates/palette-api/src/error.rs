//! The client's error type: one variant per way a call can fail, so callers can match on it.
//!
//! Non-2xx responses are parsed as the API's error body (`{code, message, ref, details}`); a body
//! that is not that JSON still yields a useful error. `404` and the code `ResourceNotFound` both
//! become [`Error::NotFound`], which a Terraform read turns into "gone from state".

use reqwest::StatusCode;
use serde_json::Value;

use crate::models::ApiErrorBody;

/// Longest slice of a non-JSON error body kept in an error message.
const MAX_RAW_BODY_CHARS: usize = 512;

/// Everything a Palette API call can fail with.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The object (or something it depends on) does not exist: HTTP 404 or code `ResourceNotFound`.
    #[error("not found: {method} {path}: {message}")]
    NotFound {
        /// HTTP method of the call.
        method: String,
        /// Request path of the call.
        path: String,
        /// The server's message, or what was being looked up.
        message: String,
    },
    /// Any other error response from the API.
    #[error("palette api error {status} {code} on {method} {path}: {message}")]
    Api {
        /// HTTP status.
        status: u16,
        /// The API's error code (the status text when the body had none).
        code: String,
        /// The API's message (or the start of a non-JSON body).
        message: String,
        /// The API's opaque reference, for support requests.
        ref_: Option<String>,
        /// Free-form details from the error body.
        details: Option<Value>,
        /// HTTP method of the call.
        method: String,
        /// Request path of the call.
        path: String,
    },
    /// HTTP 401: the API key is missing, wrong or expired.
    #[error("unauthorized: the palette api key was rejected ({message})")]
    Unauthorized {
        /// The server's message.
        message: String,
    },
    /// HTTP 403: the key may not do this (for example outside its project).
    #[error("forbidden: {method} {path}: {message}")]
    Forbidden {
        /// HTTP method of the call.
        method: String,
        /// Request path of the call.
        path: String,
        /// The server's message.
        message: String,
    },
    /// HTTP 429 after every retry was used up.
    #[error("rate limited: {method} {path} still got 429 after retrying")]
    RateLimited {
        /// HTTP method of the call.
        method: String,
        /// Request path of the call.
        path: String,
    },
    /// The request never got an HTTP response (connection refused, reset, TLS failure, ...).
    #[error("transport error: {0}")]
    Transport(TransportError),
    /// The request or the caller's deadline timed out.
    #[error("timed out: {method} {path}")]
    Timeout {
        /// HTTP method of the call.
        method: String,
        /// Request path of the call.
        path: String,
    },
    /// A 2xx response whose body did not decode as the expected model.
    #[error("cannot decode the response of {method} {path}: {message}")]
    Decode {
        /// HTTP method of the call.
        method: String,
        /// Request path of the call.
        path: String,
        /// What serde said.
        message: String,
    },
    /// The client configuration is unusable (bad host, bad CA bundle, bad header value).
    #[error("invalid client configuration: {0}")]
    Config(String),
}

/// A failure below HTTP: the connection, TLS or the socket.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TransportError {
    /// What failed, without any header or body content.
    pub message: String,
    /// Whether the request may have reached the server. `false` only when the connection was
    /// never established, so a retry cannot duplicate anything.
    pub request_sent: bool,
}

impl Error {
    /// Whether this is [`Error::NotFound`].
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. })
    }

    /// The HTTP status the server answered with, if it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::NotFound { .. } => Some(404),
            Error::Api { status, .. } => Some(*status),
            Error::Unauthorized { .. } => Some(401),
            Error::Forbidden { .. } => Some(403),
            Error::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    /// The API error code, when the server sent one (`ResourceNotFound`, ...).
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api { code, .. } => Some(code),
            Error::NotFound { .. } => Some("ResourceNotFound"),
            _ => None,
        }
    }

    /// Whether the server reported that the object already exists (a duplicate create).
    pub fn is_conflict(&self) -> bool {
        match self {
            Error::Api { status, code, .. } => {
                *status == 409
                    || code.contains("AlreadyExist")
                    || code.contains("Duplicate")
                    || code.contains("Conflict")
            }
            _ => false,
        }
    }

    /// Whether a non-idempotent request that failed this way may nevertheless have been applied:
    /// the connection broke after sending, the request timed out, or a gateway answered 5xx.
    pub fn may_have_committed(&self) -> bool {
        match self {
            Error::Transport(t) => t.request_sent,
            Error::Timeout { .. } => true,
            Error::Api { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// Builds the error for a non-2xx response from its status and raw body.
    pub fn from_response(status: StatusCode, method: &str, path: &str, body: &[u8]) -> Error {
        let parsed: Option<ApiErrorBody> = serde_json::from_slice(body)
            .ok()
            .filter(|b: &ApiErrorBody| b.code.is_some() || b.message.is_some());
        let reason = status.canonical_reason().unwrap_or("Unknown Status");
        let raw_message = || {
            let text = String::from_utf8_lossy(body);
            let text = text.trim();
            if text.is_empty() {
                reason.to_owned()
            } else {
                text.chars().take(MAX_RAW_BODY_CHARS).collect()
            }
        };
        let message = parsed
            .as_ref()
            .and_then(|b| b.message.clone())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(raw_message);
        let code = parsed
            .as_ref()
            .and_then(|b| b.code.clone())
            .filter(|c| !c.is_empty());
        let method = method.to_owned();
        let path = path.to_owned();
        if status == StatusCode::NOT_FOUND || code.as_deref() == Some("ResourceNotFound") {
            return Error::NotFound {
                method,
                path,
                message,
            };
        }
        match status {
            StatusCode::UNAUTHORIZED => Error::Unauthorized { message },
            StatusCode::FORBIDDEN => Error::Forbidden {
                method,
                path,
                message,
            },
            StatusCode::TOO_MANY_REQUESTS => Error::RateLimited { method, path },
            _ => Error::Api {
                status: status.as_u16(),
                code: code.unwrap_or_else(|| reason.to_owned()),
                message,
                ref_: parsed.as_ref().and_then(|b| b.ref_.clone()),
                details: parsed.and_then(|b| b.details),
                method,
                path,
            },
        }
    }

    /// Maps a reqwest failure (no HTTP response) to [`Error::Timeout`] or [`Error::Transport`].
    pub(crate) fn from_reqwest(err: &reqwest::Error, method: &str, path: &str) -> Error {
        if err.is_timeout() {
            return Error::Timeout {
                method: method.to_owned(),
                path: path.to_owned(),
            };
        }
        if err.is_builder() {
            return Error::Config(describe(err));
        }
        Error::Transport(TransportError {
            message: describe(err),
            request_sent: !err.is_connect(),
        })
    }
}

/// A reqwest error with its source chain, without the URL's query (which may hold names).
fn describe(err: &reqwest::Error) -> String {
    use std::error::Error as _;
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(status: u16, body: &str) -> Error {
        Error::from_response(
            StatusCode::from_u16(status).expect("valid status"),
            "GET",
            "/v1/x",
            body.as_bytes(),
        )
    }

    #[test]
    fn error_bodies_map_to_variants() {
        let cases: Vec<(&str, u16, &str, Error)> = vec![
            (
                "404 with body",
                404,
                r#"{"code":"ResourceNotFound","message":"cluster missing","ref":"r1"}"#,
                Error::NotFound {
                    method: "GET".into(),
                    path: "/v1/x".into(),
                    message: "cluster missing".into(),
                },
            ),
            (
                "ResourceNotFound code on another status",
                400,
                r#"{"code":"ResourceNotFound","message":"dependency missing"}"#,
                Error::NotFound {
                    method: "GET".into(),
                    path: "/v1/x".into(),
                    message: "dependency missing".into(),
                },
            ),
            (
                "404 with a plain text body",
                404,
                "404 page not found",
                Error::NotFound {
                    method: "GET".into(),
                    path: "/v1/x".into(),
                    message: "404 page not found".into(),
                },
            ),
            (
                "401",
                401,
                r#"{"code":"Unauthorized","message":"invalid key"}"#,
                Error::Unauthorized {
                    message: "invalid key".into(),
                },
            ),
            (
                "403 plain",
                403,
                "Forbidden",
                Error::Forbidden {
                    method: "GET".into(),
                    path: "/v1/x".into(),
                    message: "Forbidden".into(),
                },
            ),
            (
                "429 ignores the body",
                429,
                "slow down",
                Error::RateLimited {
                    method: "GET".into(),
                    path: "/v1/x".into(),
                },
            ),
            (
                "409 full body",
                409,
                r#"{"code":"ClusterProfileAlreadyExists","message":"dup","ref":"abc","details":{"name":"p"}}"#,
                Error::Api {
                    status: 409,
                    code: "ClusterProfileAlreadyExists".into(),
                    message: "dup".into(),
                    ref_: Some("abc".into()),
                    details: Some(serde_json::json!({"name": "p"})),
                    method: "GET".into(),
                    path: "/v1/x".into(),
                },
            ),
            (
                "500 html body",
                500,
                "<html>oops</html>",
                Error::Api {
                    status: 500,
                    code: "Internal Server Error".into(),
                    message: "<html>oops</html>".into(),
                    ref_: None,
                    details: None,
                    method: "GET".into(),
                    path: "/v1/x".into(),
                },
            ),
            (
                "502 empty body",
                502,
                "",
                Error::Api {
                    status: 502,
                    code: "Bad Gateway".into(),
                    message: "Bad Gateway".into(),
                    ref_: None,
                    details: None,
                    method: "GET".into(),
                    path: "/v1/x".into(),
                },
            ),
            (
                "JSON without code or message is treated as raw",
                400,
                r#"{"error":"bad"}"#,
                Error::Api {
                    status: 400,
                    code: "Bad Request".into(),
                    message: r#"{"error":"bad"}"#.into(),
                    ref_: None,
                    details: None,
                    method: "GET".into(),
                    path: "/v1/x".into(),
                },
            ),
        ];
        for (name, status, body, want) in cases {
            assert_eq!(parse(status, body), want, "case {name}");
        }
    }

    #[test]
    fn long_raw_bodies_are_truncated() {
        let body = "x".repeat(5000);
        match parse(500, &body) {
            Error::Api { message, .. } => assert_eq!(message.len(), MAX_RAW_BODY_CHARS),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn classification_helpers() {
        assert!(parse(404, "").is_not_found());
        assert!(!parse(500, "").is_not_found());
        assert!(parse(409, "").is_conflict());
        assert!(parse(400, r#"{"code":"ProfileAlreadyExists","message":"x"}"#).is_conflict());
        assert!(parse(503, "").may_have_committed());
        assert!(!parse(400, "").may_have_committed());
        assert!(!parse(429, "").may_have_committed());
        let not_sent = Error::Transport(TransportError {
            message: "refused".into(),
            request_sent: false,
        });
        assert!(!not_sent.may_have_committed());
        let reset = Error::Transport(TransportError {
            message: "reset".into(),
            request_sent: true,
        });
        assert!(reset.may_have_committed());
        assert_eq!(parse(403, "").status(), Some(403));
        assert_eq!(
            format!("{}", parse(404, "")),
            "not found: GET /v1/x: Not Found"
        );
    }
}
