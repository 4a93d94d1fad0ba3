//! The emulator's error type and its rendering as the Palette error body.
//!
//! Every failure a handler can produce is an [`ApiError`]: an HTTP status plus the spec's
//! `v1Error` body (`code`, `message`, `ref`, `details`).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// A failed request: the status and the error body the real API would send.
#[derive(Debug, Clone, thiserror::Error)]
#[error("api error {} {code}: {message}", status.as_u16())]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The machine-readable code, such as `ResourceNotFound`.
    pub code: String,
    /// The human-readable message.
    pub message: String,
    /// Free-form details; an empty object when there are none.
    pub details: Value,
}

impl ApiError {
    /// An error with the given status, code and message.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code.to_owned(),
            message: message.into(),
            details: json!({}),
        }
    }

    /// Adds details to the error body.
    pub fn with_details(mut self, details: Value) -> Self {
        self.details = details;
        self
    }

    /// 404 `ResourceNotFound` for an object of `kind` with `uid`.
    pub fn not_found(kind: &str, uid: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "ResourceNotFound",
            format!("{kind} '{uid}' is not found"),
        )
    }

    /// 400 for a request body or parameter that breaks the schema or a rule.
    pub fn bad_request(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 409 for an object that already exists.
    pub fn conflict(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// 401 for a missing or unknown API key.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "the request carries no valid ApiKey header",
        )
    }

    /// 403 for a key that may not act in the requested scope.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "Forbidden", message)
    }

    /// 429 over the rate limit.
    pub fn too_many_requests(method: &str, path: &str) -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "TooManyRequests",
            format!("Too Many Requests, [{method}] {path}"),
        )
    }

    /// 500 for a storage failure.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "InternalError", message)
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(err: crate::store::StoreError) -> Self {
        Self::internal(err.to_string())
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(err: serde_json::Error) -> Self {
        Self::bad_request("InvalidRequest", format!("invalid request body: {err}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({
            "code": self.code,
            "message": self.message,
            "ref": crate::ids::new_uid(),
            "details": self.details,
        });
        (self.status, axum::Json(body)).into_response()
    }
}

/// The result of a handler.
pub type ApiResult<T> = Result<T, ApiError>;
