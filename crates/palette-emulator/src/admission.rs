//! The middleware every API request passes: counting, the request log, rate limits, auth and
//! injected faults.
//!
//! Order: count the request; enforce the rate limit (429 `TooManyRequests`); check the `ApiKey`
//! header (401); inject latency, throttles (429) and errors (5xx) before the handler runs; run
//! the handler; and for a `reset_rate` hit, drop the connection after the handler committed.
//! Requests under `/__emulator/` skip all of it.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::context::Caller;
use crate::error::ApiError;
use crate::ids;
use crate::server::ConnInfo;
use crate::state::{AppState, NextFault};

/// Runs the admission steps around one request.
pub async fn admission(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    if path.starts_with("/__emulator") {
        return next.run(req).await;
    }
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_else(|| "(unmatched)".to_owned());
    let conn = req.extensions().get::<ConnInfo>().cloned();
    let stats = state.stats();
    stats.requests_total.fetch_add(1, Ordering::Relaxed);
    *stats
        .by_route
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(format!("{method} {route}"))
        .or_default() += 1;
    let started = Instant::now();

    let ip = conn
        .as_ref()
        .map(|c| c.peer.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let response = 'gate: {
        if state.settings().rate_limit && !state.limiter().admit(ip, &path) {
            stats.throttled_total.fetch_add(1, Ordering::Relaxed);
            stats.rate_limited_total.fetch_add(1, Ordering::Relaxed);
            break 'gate ApiError::too_many_requests(method.as_str(), &path).into_response();
        }
        // Limitation: only the `ApiKey` header authenticates; the JWT `Authorization` header from
        // `/v1/auth/authenticate` is not emulated.
        let key = req
            .headers()
            .get("apikey")
            .and_then(|v| v.to_str().ok())
            .map(str::trim);
        let Some(limit) = key.and_then(|k| state.key_limit(k)) else {
            stats.unauthorized_total.fetch_add(1, Ordering::Relaxed);
            break 'gate ApiError::unauthorized().into_response();
        };
        req.extensions_mut().insert(Caller {
            project: limit.map(str::to_owned),
        });

        let faults = state.faults();
        if faults.latency_ms > 0 {
            tokio::time::sleep(Duration::from_millis(faults.latency_ms)).await;
        }
        let scheduled = state.take_next_fault(conn.is_some());
        if scheduled == Some(NextFault::Throttle)
            || faults.throttle_rate > 0.0 && ids::next_f64() < faults.throttle_rate
        {
            stats.throttled_total.fetch_add(1, Ordering::Relaxed);
            stats.faults_injected_total.fetch_add(1, Ordering::Relaxed);
            break 'gate ApiError::too_many_requests(method.as_str(), &path).into_response();
        }
        if scheduled == Some(NextFault::Error)
            || faults.error_rate > 0.0 && ids::next_f64() < faults.error_rate
        {
            stats.faults_injected_total.fetch_add(1, Ordering::Relaxed);
            let status = faults
                .error_status
                .and_then(|s| StatusCode::from_u16(s).ok())
                .filter(StatusCode::is_server_error)
                .unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            break 'gate ApiError::new(
                status,
                "ServiceUnavailable",
                "injected fault: the service is unavailable",
            )
            .into_response();
        }
        let req = match spec_gate(&state, req).await {
            Ok(req) => req,
            Err(refused) => break 'gate refused,
        };
        let reset = scheduled == Some(NextFault::Reset)
            || faults.reset_rate > 0.0 && conn.is_some() && ids::next_f64() < faults.reset_rate;

        let response = next.run(req).await;
        if is_write(&method, &path) && response.status().is_success() {
            stats.writes_total.fetch_add(1, Ordering::Relaxed);
        }
        if let (true, Some(conn)) = (reset, &conn) {
            stats.faults_injected_total.fetch_add(1, Ordering::Relaxed);
            record(&state, &method, &path, 0, started);
            conn.reset.notify_one();
            // The connection task drops the connection; this response is never written.
            std::future::pending::<()>().await;
        }
        response
    };
    record(&state, &method, &path, response.status().as_u16(), started);
    response
}

/// The most a request body may hold.
const BODY_LIMIT: usize = 16 << 20;

/// Checks the request against the spec's facts ([`crate::spec`]): its query parameters must be
/// ones the operation defines, and its JSON body must satisfy the operation's body schema.
/// Answers 400, naming the field, when it does not; a path the spec does not define passes to
/// the router (which answers 501 for what the emulator does not serve either).
async fn spec_gate(state: &AppState, req: Request) -> Result<Request, Response> {
    let facts = crate::spec::Facts::get();
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let Some(op) = facts.operation(&method, &path) else {
        return Ok(req);
    };
    // A route that reads as a parameter what the spec names as a fixed segment (`/v1/x/{uid}`
    // for `/v1/x/tags`) would answer for the wrong operation: the emulator does not serve it.
    if let Some(route) = req.extensions().get::<MatchedPath>() {
        let fixed_read_as_parameter = route
            .as_str()
            .split('/')
            .zip(op.path.split('/'))
            .any(|(ours, spec)| ours.starts_with('{') && !spec.starts_with('{'));
        if fixed_read_as_parameter {
            return Err(ApiError::new(
                StatusCode::NOT_IMPLEMENTED,
                "NotImplemented",
                format!("the emulator does not serve {method} {}", op.path),
            )
            .into_response());
        }
    }
    let stats = state.stats();
    stats.validated_total.fetch_add(1, Ordering::Relaxed);
    let refuse = |field: &str, message: String| {
        stats.violations_total.fetch_add(1, Ordering::Relaxed);
        let mut recent = stats.violations.lock().unwrap_or_else(|e| e.into_inner());
        if recent.len() == 20 {
            recent.remove(0);
        }
        recent.push(format!("{method} {path}: {message}"));
        ApiError::bad_request("InvalidRequest", message)
            .with_details(json!({ "field": field }))
            .into_response()
    };

    let query = req.uri().query().unwrap_or("");
    let names = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').map_or(pair, |(name, _)| name));
    if let Some(unknown) = op.unknown_query(names).first() {
        return Err(refuse(
            unknown,
            format!(
                "{unknown} in query is not a parameter of {method} {}",
                op.path
            ),
        ));
    }

    let Some(schema) = &op.body else {
        return Ok(req);
    };
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(err) => return Err(refuse("body", format!("body could not be read: {err}"))),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        if op.body_required {
            return Err(refuse("body", "body in body is required".to_owned()));
        }
    } else {
        let value: serde_json::Value = match serde_json::from_slice(&bytes) {
            Ok(value) => value,
            Err(err) => return Err(refuse("body", format!("body is not JSON: {err}"))),
        };
        if let Some(first) = crate::spec::validate(facts, schema, &value)
            .into_iter()
            .next()
        {
            return Err(refuse(&first.field, first.message));
        }
    }
    Ok(Request::from_parts(parts, axum::body::Body::from(bytes)))
}

/// Whether a request changes state: any method but GET and HEAD, except the POSTs that only
/// search (`/v1/dashboard/...`, `.../search`).
fn is_write(method: &Method, path: &str) -> bool {
    match *method {
        Method::GET | Method::HEAD => false,
        Method::POST => !(path.starts_with("/v1/dashboard/") || path.ends_with("/search")),
        _ => true,
    }
}

fn record(state: &AppState, method: &Method, path: &str, status: u16, started: Instant) {
    *state
        .stats()
        .by_status
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(status)
        .or_default() += 1;
    state.log_request(&json!({
        "time": ids::now_rfc3339(),
        "method": method.as_str(),
        "path": path,
        "status": status,
        "ms": started.elapsed().as_secs_f64() * 1000.0,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_are_not_writes() {
        let cases = [
            (Method::GET, "/v1/clusterprofiles/x", false),
            (Method::POST, "/v1/packs/search", false),
            (Method::POST, "/v1/dashboard/clusterprofiles", false),
            (Method::POST, "/v1/dashboard/spectroclusters/search", false),
            (Method::POST, "/v1/clusterprofiles", true),
            (Method::PATCH, "/v1/clusterprofiles/x/publish", true),
            (Method::DELETE, "/v1/spectroclusters/x", true),
        ];
        for (method, path, want) in cases {
            assert_eq!(is_write(&method, path), want, "{method} {path}");
        }
    }
}
