//! The HTTP client: configuration, scope, the request loop (rate limiting, retries, tracing),
//! paging and project resolution. Typed calls live in [`crate::endpoints`].
//!
//! One [`Client`] serves a whole process: it is cheap to clone (an `Arc` inside) and every clone
//! shares the connection pool, the rate limiter's buckets and the memoised project list.
//!
//! Secrets never reach the logs: the `ApiKey` header is marked sensitive, request and response
//! bodies are never traced, and [`ClientConfig`]'s `Debug` redacts the key.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::sync::OnceCell;
use tokio::time::Instant;

use crate::error::Error;
use crate::models::{List, ListMetaData, ProjectMetadata, ProjectsMetadata, Uid};
use crate::rate_limit::{RateLimiter, RateLimits};
use crate::retry::{RetryPolicy, is_retryable};

/// Page size for every paged list (the API's maximum).
pub const PAGE_LIMIT: i64 = 50;
/// Longest wait a server's `Retry-After` header can ask for.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// Upper bound on pages fetched for one list, against servers that never stop paging.
const MAX_PAGES: usize = 10_000;

/// How to reach and talk to a Palette API endpoint.
#[derive(Clone)]
pub struct ClientConfig {
    /// `api.spectrocloud.com`, `https://palette.example.com`, or `http://127.0.0.1:7070`. A bare
    /// host means https.
    pub host: String,
    /// The API key sent as the `ApiKey` header. Never logged.
    pub api_key: String,
    /// Skip TLS certificate verification (self-hosted installs with self-signed certificates).
    /// The FIPS build refuses it.
    pub insecure: bool,
    /// Extra trusted CA certificates (PEM bundle), added to the platform's roots.
    pub ca_pem: Option<String>,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// Time limit of one HTTP attempt.
    pub timeout: Duration,
    /// How failed calls are retried.
    pub retry: RetryPolicy,
    /// Client-side rate limits; `None` turns limiting off.
    pub rate_limits: Option<RateLimits>,
}

impl ClientConfig {
    /// A configuration with the defaults: 30 s per attempt, the default retry policy and the
    /// documented rate limits.
    pub fn new(host: impl Into<String>, api_key: impl Into<String>) -> Self {
        ClientConfig {
            host: host.into(),
            api_key: api_key.into(),
            insecure: false,
            ca_pem: None,
            user_agent: concat!("palette-api-rs/", env!("CARGO_PKG_VERSION")).to_owned(),
            timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            rate_limits: Some(RateLimits::default()),
        }
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("host", &self.host)
            .field("api_key", &"<redacted>")
            .field("insecure", &self.insecure)
            .field("ca_pem", &self.ca_pem.as_ref().map(|_| "<pem>"))
            .field("user_agent", &self.user_agent)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("rate_limits", &self.rate_limits)
            .finish()
    }
}

/// Where a call runs: in one project (`ProjectUid` header) or at tenant level (no header).
/// Passed to every call; the client never stores one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Project scope, by project uid.
    Project(String),
    /// Tenant scope.
    Tenant,
}

impl Scope {
    /// The project uid, for project scope.
    pub fn project_uid(&self) -> Option<&str> {
        match self {
            Scope::Project(uid) => Some(uid),
            Scope::Tenant => None,
        }
    }
}

/// A Palette API client. Clone it freely.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    deadline: Option<Instant>,
}

struct Inner {
    http: reqwest::Client,
    base: String,
    api_key: HeaderValue,
    retry: RetryPolicy,
    attempt_timeout: Duration,
    limiter: Option<RateLimiter>,
    projects: OnceCell<Vec<ProjectMetadata>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.inner.base)
            .field("deadline", &self.deadline)
            .finish_non_exhaustive()
    }
}

/// Turns the configured host into a base URL without a trailing slash.
pub fn normalize_host(host: &str) -> Result<String, Error> {
    let host = host.trim();
    if host.is_empty() {
        return Err(Error::Config("the host is empty".to_owned()));
    }
    let with_scheme = if host.contains("://") {
        host.to_owned()
    } else {
        format!("https://{host}")
    };
    let url = Url::parse(&with_scheme)
        .map_err(|e| Error::Config(format!("the host {host:?} is not a valid url: {e}")))?;
    if url.scheme() != "https" && url.scheme() != "http" {
        return Err(Error::Config(format!(
            "the host {host:?} uses scheme {:?}; use https or http",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::Config(format!("the host {host:?} names no host")));
    }
    if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
        return Err(Error::Config(format!(
            "the host {host:?} must not carry credentials, a query or a fragment"
        )));
    }
    let mut base = url.as_str().trim_end_matches('/').to_owned();
    // Tolerate a host given with the API prefix: every path already starts with /v1.
    if let Some(stripped) = base.strip_suffix("/v1") {
        base = stripped.to_owned();
    }
    Ok(base)
}

/// Whether a base URL points at this machine (`localhost` or a loopback address).
fn is_loopback(base: &str) -> bool {
    let Some(host) = Url::parse(base)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
    else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Percent-encodes one path segment (everything but RFC 3986 unreserved characters).
pub fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Builds `/v1/<a>/<b>/...` from raw segments, encoding each one.
pub(crate) fn v1_path(segments: &[&str]) -> String {
    let mut path = String::from("/v1");
    for s in segments {
        path.push('/');
        path.push_str(&encode_segment(s));
    }
    path
}

/// One request, described independently of any attempt to send it. Its `Debug` shows the
/// body's length, never the body, which may carry credentials.
#[derive(Clone)]
pub(crate) struct Request<'a> {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) scope: &'a Scope,
    pub(crate) idempotent: bool,
}

impl fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("body_bytes", &self.body.as_ref().map(Vec::len))
            .field("scope", &self.scope)
            .field("idempotent", &self.idempotent)
            .finish()
    }
}

impl<'a> Request<'a> {
    /// A request; GET, PUT and DELETE count as idempotent, everything else does not.
    pub(crate) fn new(method: Method, scope: &'a Scope, path: String) -> Self {
        let idempotent = matches!(method, Method::GET | Method::PUT | Method::DELETE);
        Request {
            method,
            path,
            query: Vec::new(),
            body: None,
            scope,
            idempotent,
        }
    }

    pub(crate) fn query(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.query.push((key, value.into()));
        self
    }

    pub(crate) fn query_opt(self, key: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.query(key, v),
            None => self,
        }
    }

    pub(crate) fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Result<Self, Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Decode {
            method: self.method.to_string(),
            path: self.path.clone(),
            message: format!("cannot encode the request body: {e}"),
        })?;
        self.body = Some(bytes);
        Ok(self)
    }

    /// Marks the request safe to repeat (read-only POSTs, upsert-style PATCHes).
    pub(crate) fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }
}

/// A 2xx response.
#[derive(Debug, Clone)]
pub(crate) struct Response {
    pub(crate) body: Vec<u8>,
}

/// A failed attempt, with the server's `Retry-After` hint when it sent one.
#[derive(Debug)]
struct Failure {
    error: Error,
    retry_after: Option<Duration>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            error,
            retry_after: None,
        }
    }
}

/// Reads a `Retry-After` header given in seconds (the HTTP-date form is ignored).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

/// Where the next page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub(crate) token: String,
    pub(crate) offset: Option<i64>,
}

/// A paged list read one page at a time (`limit=50`, following `listmeta.continue`), each page
/// only when asked for: a caller that stops early sends no further request.
pub struct Pages<'a, T> {
    client: &'a Client,
    req: Request<'a>,
    cursor: Option<Cursor>,
    done: bool,
    fetched: usize,
    items: std::marker::PhantomData<fn() -> T>,
}

impl<'a, T: DeserializeOwned> Pages<'a, T> {
    pub(crate) fn new(client: &'a Client, req: Request<'a>) -> Self {
        Pages {
            client,
            req,
            cursor: None,
            done: false,
            fetched: 0,
            items: std::marker::PhantomData,
        }
    }

    /// The next page's items; `None` once the list is exhausted.
    ///
    /// # Errors
    ///
    /// As the request's, or a decode error for a server that never stops paging.
    pub async fn next_page(&mut self) -> Result<Option<Vec<T>>, Error> {
        if self.done {
            return Ok(None);
        }
        if self.fetched >= MAX_PAGES {
            return Err(Error::Decode {
                method: self.req.method.to_string(),
                path: self.req.path.clone(),
                message: format!("more than {MAX_PAGES} pages"),
            });
        }
        let mut page_req = self.req.clone().query("limit", PAGE_LIMIT.to_string());
        if let Some(c) = &self.cursor {
            page_req = page_req.query("continue", c.token.clone());
            if let Some(offset) = c.offset {
                page_req = page_req.query("offset", offset.to_string());
            }
        }
        let page: List<T> = self.client.fetch(&page_req).await?;
        self.fetched += 1;
        let next = next_cursor(
            page.listmeta.as_ref(),
            page.items.len(),
            self.cursor.as_ref(),
        )
        .map_err(|m| Error::Decode {
            method: self.req.method.to_string(),
            path: self.req.path.clone(),
            message: m.to_owned(),
        })?;
        match next {
            Some(n) => self.cursor = Some(n),
            None => self.done = true,
        }
        Ok(Some(page.items))
    }
}

/// Decides whether another page follows, from the page's `listmeta`.
pub(crate) fn next_cursor(
    meta: Option<&ListMetaData>,
    page_len: usize,
    previous: Option<&Cursor>,
) -> Result<Option<Cursor>, &'static str> {
    let Some(meta) = meta else { return Ok(None) };
    let token = meta.continue_.as_deref().unwrap_or_default();
    if token.is_empty() || page_len == 0 {
        return Ok(None);
    }
    let next = Cursor {
        token: token.to_owned(),
        offset: meta.offset,
    };
    if previous == Some(&next) {
        return Err("the server returned the same continue token twice");
    }
    Ok(Some(next))
}

impl Client {
    /// Builds a client. Fails on an unusable host, CA bundle or API key (and in the FIPS build,
    /// on `insecure`, or when the TLS configuration is not FIPS).
    pub fn new(config: ClientConfig) -> Result<Client, Error> {
        let base = normalize_host(&config.host)?;
        let mut api_key = HeaderValue::from_str(config.api_key.trim()).map_err(|_| {
            Error::Config("the api key contains characters not allowed in a header".to_owned())
        })?;
        api_key.set_sensitive(true);
        let mut builder = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)));
        // Environment proxies (HTTPS_PROXY, ...) apply to real endpoints, never to a local
        // emulator on the loopback interface.
        if is_loopback(&base) {
            builder = builder.no_proxy();
        }
        builder = crate::tls::configure(builder, &config)?;
        let http = builder
            .build()
            .map_err(|e| Error::Config(format!("cannot build the http client: {e}")))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                api_key,
                retry: config.retry,
                attempt_timeout: config.timeout,
                limiter: config.rate_limits.map(RateLimiter::new),
                projects: OnceCell::new(),
            }),
            deadline: None,
        })
    }

    /// The base URL every path is appended to (no trailing slash).
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// A clone whose calls give up (retries included) at `deadline`. `None` removes it.
    pub fn with_deadline(&self, deadline: Option<Instant>) -> Client {
        Client {
            inner: self.inner.clone(),
            deadline,
        }
    }

    /// A clone whose calls give up after `timeout` from now.
    pub fn with_timeout(&self, timeout: Duration) -> Client {
        self.with_deadline(Some(Instant::now() + timeout))
    }

    /// The deadline set with [`Client::with_deadline`].
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Sends a request, retrying per the policy, and returns the 2xx response.
    pub(crate) async fn execute(&self, req: &Request<'_>) -> Result<Response, Error> {
        // Retries so far after 429s and after other failures; they have separate budgets.
        let (mut throttled, mut failed) = (0u32, 0u32);
        let mut ambiguous_before = false;
        let mut previous: Option<Error> = None;
        loop {
            let retry = throttled + failed;
            let result = self.attempt(req, retry + 1).await;
            let (err, retry_after) = match result {
                Ok(resp) => return Ok(resp),
                Err(f) => (f.error, f.retry_after),
            };
            // When the caller's deadline cuts a retry short, the earlier failure says why the
            // call did not succeed; "timed out" alone would hide it.
            if matches!(err, Error::Timeout { .. })
                && self.deadline.is_some_and(|d| Instant::now() >= d)
                && let Some(previous) = previous.take()
            {
                return Err(previous);
            }
            // A DELETE whose earlier attempt may have gone through and now finds nothing to
            // delete has succeeded.
            if ambiguous_before && req.method == Method::DELETE && err.is_not_found() {
                return Ok(Response { body: Vec::new() });
            }
            if !is_retryable(&err, req.idempotent)
                || !self.inner.retry.allows(&err, throttled, failed)
            {
                return Err(err);
            }
            // A server's Retry-After (not documented for Palette, but honoured) can lengthen the
            // wait, up to a bound.
            let hinted = retry_after.map_or(Duration::ZERO, |d| d.min(MAX_RETRY_AFTER));
            let wait = self.inner.retry.backoff(retry).max(hinted);
            if let Some(deadline) = self.deadline
                && Instant::now() + wait >= deadline
            {
                return Err(err);
            }
            ambiguous_before |= err.may_have_committed();
            tracing::debug!(
                method = %req.method,
                path = %req.path,
                retry = retry + 1,
                wait_ms = wait.as_millis() as u64,
                error = %short_kind(&err),
                "palette api retry"
            );
            tokio::time::sleep(wait).await;
            if matches!(err, Error::RateLimited { .. }) {
                throttled += 1;
            } else {
                failed += 1;
            }
            previous = Some(err);
        }
    }

    /// One attempt: rate limit, send, read the body, classify.
    async fn attempt(&self, req: &Request<'_>, attempt: u32) -> Result<Response, Failure> {
        let method_s = req.method.as_str();
        let timed_out = || Error::Timeout {
            method: method_s.to_owned(),
            path: req.path.clone(),
        };
        if let Some(limiter) = &self.inner.limiter {
            match self.deadline {
                Some(deadline) => tokio::time::timeout_at(deadline, limiter.acquire(&req.path))
                    .await
                    .map_err(|_| Failure::from(timed_out()))?,
                None => limiter.acquire(&req.path).await,
            }
        }
        // The request-level timeout replaces the client's, so it is the smaller of the
        // per-attempt limit and the time left before the deadline.
        let timeout = match self.deadline {
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(timed_out().into());
                }
                left.min(self.inner.attempt_timeout)
            }
            None => self.inner.attempt_timeout,
        };
        let mut url = Url::parse(&format!("{}{}", self.inner.base, req.path))
            .map_err(|e| Error::Config(format!("cannot build a url for {}: {e}", req.path)))?;
        if !req.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in &req.query {
                pairs.append_pair(k, v);
            }
        }
        let mut headers = HeaderMap::new();
        // `ApiKey` and `ProjectUid` on the wire; header names are case-insensitive.
        headers.insert(
            HeaderName::from_static("apikey"),
            self.inner.api_key.clone(),
        );
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        if let Scope::Project(uid) = req.scope {
            let value = HeaderValue::from_str(uid)
                .map_err(|_| Error::Config(format!("invalid project uid {uid:?}")))?;
            headers.insert(HeaderName::from_static("projectuid"), value);
        }
        let mut builder = self
            .inner
            .http
            .request(req.method.clone(), url)
            .headers(headers);
        builder = builder.timeout(timeout);
        if let Some(body) = &req.body {
            builder = builder
                .header(CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        let started = Instant::now();
        let outcome = async {
            let resp = builder
                .send()
                .await
                .map_err(|e| Error::from_reqwest(&e, method_s, &req.path))?;
            let status = resp.status();
            let retry_after = retry_after(resp.headers());
            let body = resp
                .bytes()
                .await
                .map_err(|e| Error::from_reqwest(&e, method_s, &req.path))?
                .to_vec();
            Ok::<_, Error>((status, retry_after, body))
        }
        .await;
        let duration_ms = started.elapsed().as_millis() as u64;
        match outcome {
            Ok((status, retry_after, body)) => {
                tracing::debug!(
                    method = %req.method,
                    path = %req.path,
                    status = status.as_u16(),
                    duration_ms,
                    attempt,
                    "palette api request"
                );
                if status.is_success() {
                    Ok(Response { body })
                } else {
                    if status == reqwest::StatusCode::TOO_MANY_REQUESTS
                        && let Some(limiter) = &self.inner.limiter
                    {
                        limiter.throttled(&req.path);
                    }
                    Err(Failure {
                        error: Error::from_response(status, method_s, &req.path, &body),
                        retry_after,
                    })
                }
            }
            Err(err) => {
                tracing::debug!(
                    method = %req.method,
                    path = %req.path,
                    duration_ms,
                    attempt,
                    error = %short_kind(&err),
                    "palette api request failed"
                );
                Err(err.into())
            }
        }
    }

    /// Sends and decodes a JSON response body.
    pub(crate) async fn fetch<T: DeserializeOwned>(&self, req: &Request<'_>) -> Result<T, Error> {
        let resp = self.execute(req).await?;
        decode(&resp.body, req)
    }

    /// `GET /v1/<segments>` decoded as `T`.
    pub(crate) async fn get_json<T: DeserializeOwned>(
        &self,
        scope: &Scope,
        segments: &[&str],
    ) -> Result<T, Error> {
        self.fetch(&Request::new(Method::GET, scope, v1_path(segments)))
            .await
    }

    /// Every page of `GET /v1/<segments>`.
    pub(crate) async fn get_all<T: DeserializeOwned>(
        &self,
        scope: &Scope,
        segments: &[&str],
    ) -> Result<Vec<T>, Error> {
        self.fetch_all(&Request::new(Method::GET, scope, v1_path(segments)))
            .await
    }

    /// Sends and ignores any response body.
    pub(crate) async fn run(&self, req: &Request<'_>) -> Result<(), Error> {
        self.execute(req).await.map(|_| ())
    }

    /// Sends a create (POST answering 201 `{"uid"}`) and returns the new uid.
    pub(crate) async fn create_uid(&self, req: &Request<'_>) -> Result<String, Error> {
        let uid: Uid = self.fetch(req).await?;
        Ok(uid.uid)
    }

    /// Fetches every page of a paged list (`limit=50`, following `listmeta.continue`).
    pub(crate) async fn fetch_all<T: DeserializeOwned>(
        &self,
        req: &Request<'_>,
    ) -> Result<Vec<T>, Error> {
        let mut pages = Pages::new(self, req.clone());
        let mut items = Vec::new();
        while let Some(page) = pages.next_page().await? {
            items.extend(page);
        }
        Ok(items)
    }

    /// Creates an object without ever duplicating it.
    ///
    /// `post` sends the create and returns the new uid; `lookup` finds the object by its natural
    /// key (profile name and version, cluster name, account name). When a POST fails in a way
    /// that may have committed (connection broken after sending, timeout, 5xx), or the server
    /// reports a conflict after such a failure, the object is looked up before posting again,
    /// and the uid found is returned. Other failures are returned as they are: `post` is expected
    /// to go through this client, whose request loop already retried 429s and refused
    /// connections.
    pub async fn create_with_lookup<P, PF, L, LF>(
        &self,
        post: P,
        lookup: L,
    ) -> Result<String, Error>
    where
        P: Fn() -> PF,
        PF: Future<Output = Result<String, Error>>,
        L: Fn() -> LF,
        LF: Future<Output = Result<Option<String>, Error>>,
    {
        let mut retry: u32 = 0;
        let mut maybe_committed = false;
        loop {
            let err = match post().await {
                Ok(uid) => return Ok(uid),
                Err(e) => e,
            };
            let ambiguous = err.may_have_committed();
            if ambiguous || (maybe_committed && err.is_conflict()) {
                maybe_committed = true;
                if let Some(uid) = lookup().await? {
                    tracing::debug!(
                        "palette api create found its object after an ambiguous failure"
                    );
                    return Ok(uid);
                }
            } else {
                return Err(err);
            }
            if retry >= self.inner.retry.max_retries {
                return Err(err);
            }
            let wait = self.inner.retry.backoff(retry);
            if let Some(deadline) = self.deadline
                && Instant::now() + wait >= deadline
            {
                return Err(err);
            }
            tokio::time::sleep(wait).await;
            retry += 1;
        }
    }

    /// Every project the key can see (`GET /v1/dashboard/projects/metadata`, tenant scope),
    /// fetched once per client and shared by its clones.
    pub async fn projects(&self) -> Result<&[ProjectMetadata], Error> {
        let list = self
            .inner
            .projects
            .get_or_try_init(|| async {
                let path = v1_path(&["dashboard", "projects", "metadata"]);
                let req = Request::new(Method::GET, &Scope::Tenant, path);
                let list: ProjectsMetadata = self.fetch(&req).await?;
                Ok::<_, Error>(list.items)
            })
            .await?;
        Ok(list.as_slice())
    }

    /// The uid of the project named `name` (a project uid is accepted as is).
    pub async fn resolve_project(&self, name: &str) -> Result<String, Error> {
        let projects = self.projects().await?;
        let meta = |p: &ProjectMetadata| {
            p.metadata
                .as_ref()
                .map(|m| {
                    (
                        m.name.clone().unwrap_or_default(),
                        m.uid.clone().unwrap_or_default(),
                    )
                })
                .unwrap_or_default()
        };
        let all: Vec<(String, String)> = projects.iter().map(meta).collect();
        if let Some((_, uid)) = all.iter().find(|(n, _)| n == name) {
            return Ok(uid.clone());
        }
        if let Some((_, uid)) = all.iter().find(|(_, u)| u == name) {
            return Ok(uid.clone());
        }
        let known: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        Err(Error::NotFound {
            method: "GET".to_owned(),
            path: "/v1/dashboard/projects/metadata".to_owned(),
            message: format!("no project named {name:?} (known: {})", known.join(", ")),
        })
    }

    /// The project scope for the project named `name`.
    pub async fn project_scope(&self, name: &str) -> Result<Scope, Error> {
        Ok(Scope::Project(self.resolve_project(name).await?))
    }
}

/// Decodes a JSON body; an empty body reads as `{}` (or `[]`), so "nothing" decodes to defaults.
pub(crate) fn decode<T: DeserializeOwned>(body: &[u8], req: &Request<'_>) -> Result<T, Error> {
    let decode_err = |e: serde_json::Error| Error::Decode {
        method: req.method.to_string(),
        path: req.path.clone(),
        message: e.to_string(),
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return serde_json::from_slice(b"{}")
            .or_else(|_| serde_json::from_slice(b"[]"))
            .map_err(decode_err);
    }
    serde_json::from_slice(body).map_err(decode_err)
}

/// A log-safe one-word description of an error.
fn short_kind(err: &Error) -> String {
    match err {
        Error::Api { status, code, .. } => format!("{status} {code}"),
        Error::Transport(t) if t.request_sent => "connection broken".to_owned(),
        Error::Transport(_) => "connect failed".to_owned(),
        Error::Timeout { .. } => "timeout".to_owned(),
        Error::RateLimited { .. } => "429".to_owned(),
        other => other
            .status()
            .map_or_else(|| "error".to_owned(), |s| s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_normalise_to_a_base_url() {
        let ok = [
            ("api.spectrocloud.com", "https://api.spectrocloud.com"),
            ("  api.spectrocloud.com/ ", "https://api.spectrocloud.com"),
            (
                "https://palette.example.com/",
                "https://palette.example.com",
            ),
            ("http://127.0.0.1:7070", "http://127.0.0.1:7070"),
            ("127.0.0.1:7070", "https://127.0.0.1:7070"),
            (
                "https://palette.example.com/v1",
                "https://palette.example.com",
            ),
            (
                "https://example.com/palette/",
                "https://example.com/palette",
            ),
        ];
        for (input, want) in ok {
            assert_eq!(normalize_host(input).as_deref(), Ok(want), "{input}");
        }
        for bad in ["", "ftp://x", "https://", "https://u:p@x", "https://x/?a=b"] {
            assert!(
                matches!(normalize_host(bad), Err(Error::Config(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn retry_after_reads_seconds_only() {
        let mut h = HeaderMap::new();
        assert_eq!(retry_after(&h), None);
        h.insert(
            reqwest::header::RETRY_AFTER,
            HeaderValue::from_static(" 3 "),
        );
        assert_eq!(retry_after(&h), Some(Duration::from_secs(3)));
        h.insert(
            reqwest::header::RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn loopback_hosts_are_recognised() {
        assert!(is_loopback("http://127.0.0.1:7070"));
        assert!(is_loopback("http://localhost:7070"));
        assert!(is_loopback("http://[::1]:7070"));
        assert!(!is_loopback("https://api.spectrocloud.com"));
        assert!(!is_loopback("https://10.0.0.1"));
    }

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(
            v1_path(&["packs", "my pack/1", "registries", "r1"]),
            "/v1/packs/my%20pack%2F1/registries/r1"
        );
        assert_eq!(encode_segment("edge-native"), "edge-native");
    }

    #[test]
    fn paging_follows_tokens_and_stops() {
        let meta = |token: &str, offset: Option<i64>| ListMetaData {
            continue_: Some(token.to_owned()),
            offset,
            ..Default::default()
        };
        assert_eq!(next_cursor(None, 10, None), Ok(None));
        assert_eq!(next_cursor(Some(&meta("", Some(50))), 50, None), Ok(None));
        assert_eq!(
            next_cursor(Some(&ListMetaData::default()), 50, None),
            Ok(None)
        );
        let first = next_cursor(Some(&meta("t1", Some(50))), 50, None).expect("no loop");
        assert_eq!(
            first,
            Some(Cursor {
                token: "t1".into(),
                offset: Some(50)
            })
        );
        // An empty page ends paging even if a token came back.
        assert_eq!(
            next_cursor(Some(&meta("t2", Some(100))), 0, first.as_ref()),
            Ok(None)
        );
        // The same cursor twice is a server bug, not an endless loop.
        assert!(next_cursor(Some(&meta("t1", Some(50))), 50, first.as_ref()).is_err());
        // Same token but a moving offset is progress.
        assert!(
            next_cursor(Some(&meta("t1", Some(100))), 50, first.as_ref())
                .expect("progress")
                .is_some()
        );
    }

    #[test]
    fn config_debug_hides_the_key() {
        let mut cfg = ClientConfig::new("h", "super-secret-key");
        cfg.ca_pem = Some("-----BEGIN CERTIFICATE-----".into());
        let shown = format!("{cfg:?}");
        assert!(!shown.contains("super-secret-key"), "{shown}");
        assert!(!shown.contains("BEGIN"), "{shown}");
    }

    #[test]
    fn request_debug_hides_the_body() {
        let scope = Scope::Tenant;
        let req = Request::new(Method::POST, &scope, "/v1/registries/helm".into())
            .json(&serde_json::json!({"spec": {"auth": {"password": "hunter2-secret"}}}))
            .expect("a body");
        let shown = format!("{req:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("body_bytes"), "{shown}");
    }

    #[test]
    fn bad_configuration_is_reported() {
        assert!(matches!(
            Client::new(ClientConfig::new("h", "bad\nkey")),
            Err(Error::Config(_))
        ));
        let mut cfg = ClientConfig::new("h", "k");
        cfg.ca_pem = Some("not pem".into());
        assert!(matches!(Client::new(cfg), Err(Error::Config(_))));
    }

    #[test]
    fn empty_bodies_decode_to_defaults() {
        let scope = Scope::Tenant;
        let req = Request::new(Method::GET, &scope, "/v1/x".into());
        let v: crate::models::Variables = decode(b"", &req).expect("empty object");
        assert_eq!(v, crate::models::Variables::default());
        let list: Vec<crate::models::SpectroClusterVariables> =
            decode(b" ", &req).expect("empty list");
        assert!(list.is_empty());
        assert!(matches!(
            decode::<crate::models::Uid>(b"[1]", &req),
            Err(Error::Decode { .. })
        ));
    }
}
