//! The boundary with `palette_api::models`: request bodies are read as the shared model types
//! and responses are written through them, so the emulator cannot drift from the client.
//!
//! Handlers read a body as its model ([`body`]) and work on its typed fields; the spec gate
//! ([`crate::admission`]) has already refused a body that lacks a field the spec requires or has
//! one of the wrong type. What the store keeps stays `serde_json::Value` documents with the
//! spec's field names.

use axum::Json;
use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};

/// Reads a request body as the model `M`: 400 `InvalidRequest` when it is empty or does not fit.
pub fn body<M: DeserializeOwned>(body: &Bytes) -> ApiResult<M> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "the request body is empty",
        ));
    }
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request("InvalidRequest", format!("invalid request body: {e}")))
}

/// Like [`body`], but an empty body reads as the model's default (every field absent).
pub fn body_or_default<M: DeserializeOwned + Default>(bytes: &Bytes) -> ApiResult<M> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(M::default());
    }
    body::<M>(bytes)
}

/// A string field of a body, with `""` read as absent, as Palette reads it.
pub fn given(text: Option<&str>) -> Option<&str> {
    text.filter(|s| !s.is_empty())
}

/// A string field a rule of the emulator requires (one the spec leaves optional), or 400 naming
/// it (`field` is its dotted path, such as `metadata.name`).
pub fn require<'a>(text: Option<&'a str>, field: &str) -> ApiResult<&'a str> {
    given(text)
        .ok_or_else(|| ApiError::bad_request("InvalidRequest", format!("{field} is required")))
}

/// Passes `value` through the model `M`, failing loudly when it does not fit.
pub fn through<M: DeserializeOwned + Serialize>(value: Value) -> ApiResult<Value> {
    Ok(serde_json::to_value(fit::<M>(value)?)?)
}

/// 200 with `value` written through the model `M`: read into `M` (failing loudly when it does
/// not fit, as [`through`] does) and serialized from `M` straight into the body, without a
/// second `Value` on the way. Objects' keys come out in the model's field order.
pub fn ok<M: DeserializeOwned + Serialize>(value: Value) -> ApiResult<Response> {
    Ok((StatusCode::OK, Json(fit::<M>(value)?)).into_response())
}

/// 200 with a model built by the handler.
pub fn ok_model<M: Serialize>(model: M) -> Response {
    (StatusCode::OK, Json(model)).into_response()
}

/// Reads `value` as the model `M`, or fails naming the model.
pub fn fit<M: DeserializeOwned>(value: Value) -> ApiResult<M> {
    serde_json::from_value(value).map_err(|e| {
        ApiError::internal(format!(
            "emulator response does not fit {}: {e}",
            std::any::type_name::<M>()
        ))
    })
}

/// 201 `{"uid"}` with an `AuditUid` header.
pub fn created(uid: &str) -> Response {
    let body = through::<palette_api::models::Uid>(json!({"uid": uid}))
        .unwrap_or_else(|_| json!({"uid": uid}));
    with_audit((StatusCode::CREATED, Json(body)).into_response())
}

/// 204 with an `AuditUid` header.
pub fn no_content() -> Response {
    with_audit(StatusCode::NO_CONTENT.into_response())
}

fn with_audit(mut response: Response) -> Response {
    if let Ok(value) = HeaderValue::from_str(&crate::ids::new_uid()) {
        response.headers_mut().insert("AuditUid", value);
    }
    response
}

/// A string at a JSON pointer of a document (a stored one, or one a route merged), treating `""`
/// as absent.
pub fn str_at<'a>(value: &'a Value, pointer: &str) -> Option<&'a str> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// A required string at a JSON pointer of a document, or 400 naming the field.
pub fn required<'a>(value: &'a Value, pointer: &str) -> ApiResult<&'a str> {
    str_at(value, pointer).ok_or_else(|| {
        let field = pointer.trim_start_matches('/').replace('/', ".");
        ApiError::bad_request("InvalidRequest", format!("{field} is required"))
    })
}

/// An array at a JSON pointer of a document (empty when absent).
pub fn array_at<'a>(value: &'a Value, pointer: &str) -> &'a [Value] {
    value
        .pointer(pointer)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// 202 with an `AuditUid` header.
pub fn accepted() -> Response {
    with_audit(StatusCode::ACCEPTED.into_response())
}
