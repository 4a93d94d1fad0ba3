//! Who is calling and in which scope: the [`Ctx`] extractor.
//!
//! The scope is the `ProjectUid` header (any case; the `projectUid` query parameter is accepted
//! too), tenant scope when it is absent. A key given as `KEY:PROJECT` is limited to that project:
//! naming another project in `ProjectUid` is refused with 403, and tenant scope is refused with
//! 403 except for the read-only discovery routes (projects, registries, packs).
//! Objects of another project are simply invisible from a project scope, so asking for one by
//! uid gives 404 `ResourceNotFound`, as the real API does.

use axum::extract::FromRequestParts;
use axum::http::Method;
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{Kind, SYSTEM, TENANT};

/// The key's project limit, put into the request by the admission middleware.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The uid of the project the key is limited to, if any.
    pub project: Option<String>,
}

/// The scope of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// No `ProjectUid` header.
    Tenant,
    /// The project with this uid.
    Project(String),
}

/// The request's scope and caller.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The scope.
    pub scope: Scope,
    /// The project the key is limited to, if any.
    pub key_project: Option<String>,
}

impl Ctx {
    /// The owner recorded on objects created in this scope.
    pub fn owner(&self) -> String {
        match &self.scope {
            Scope::Tenant => TENANT.to_owned(),
            Scope::Project(uid) => uid.clone(),
        }
    }

    /// The scope name echoed in `metadata.annotations.scope`.
    pub fn scope_name(&self) -> &'static str {
        match self.scope {
            Scope::Tenant => "tenant",
            Scope::Project(_) => "project",
        }
    }

    /// Whether an object owned by `owner` is visible from this scope: system and tenant objects
    /// are visible everywhere, project objects only from their project.
    pub fn sees(&self, owner: &str) -> bool {
        match &self.scope {
            _ if owner == SYSTEM || owner == TENANT => true,
            Scope::Tenant => false,
            Scope::Project(uid) => uid == owner,
        }
    }
}

fn discovery_route(method: &Method, path: &str) -> bool {
    method == Method::GET && path == "/v1/dashboard/projects/metadata"
        || path.starts_with("/v1/registries")
        || path.starts_with("/v1/packs")
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let key_project = parts
            .extensions
            .get::<Caller>()
            .and_then(|c| c.project.clone());
        let header = parts
            .headers
            .get("projectuid")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned);
        let query = parts.uri.query().and_then(|q| {
            q.split('&').find_map(|kv| {
                let (k, v) = kv.split_once('=')?;
                (k == "projectUid" && !v.is_empty()).then(|| v.to_owned())
            })
        });
        let scope = match header.or(query) {
            Some(uid) => Scope::Project(uid),
            None => Scope::Tenant,
        };
        if let Some(limit) = &key_project {
            match &scope {
                Scope::Project(uid) if uid != limit => {
                    return Err(ApiError::forbidden(format!(
                        "the api key is limited to project '{limit}' and may not act in project '{uid}'"
                    )));
                }
                Scope::Tenant if !discovery_route(&parts.method, parts.uri.path()) => {
                    return Err(ApiError::forbidden(format!(
                        "the api key is limited to project '{limit}'; send the ProjectUid header"
                    )));
                }
                _ => {}
            }
        }
        if let Scope::Project(uid) = &scope
            && state.store().get(Kind::Project, uid)?.is_none()
        {
            return Err(ApiError::not_found("project", uid));
        }
        Ok(Ctx { scope, key_project })
    }
}
