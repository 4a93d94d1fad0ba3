//! Create, update and delete. Create and update send the write-only secret from the
//! configuration, then wait for the registry's sync; every write drops what the pack resolver
//! keeps about registries, so a profile planned or applied later in this process finds the
//! registry and its packs.

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, UpdateRequest, UpdateResponse,
};
use tfplugin::{Context, Diagnostic, Value, ValueExt};
use tokio::time::Instant;

use crate::diagnostics;
use crate::provider_data::PaletteData;

use super::model::{Kind, RegistryPlan, SCOPE};
use super::{DEFAULT_TIMEOUTS, api, waiting};
use crate::resources::timeouts::only_timeouts_change;

/// The `create` handler: creates the registry (never twice), records its uid, and waits until
/// Palette has synced it.
pub(super) async fn create(ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
    const SUMMARY: &str = "Create Registry Error";
    let started = Instant::now();
    let fail = |resp: &mut CreateResponse, diag: Diagnostic| {
        resp.diagnostics.push(diag);
        resp.state = Value::Null;
    };
    let plan = match RegistryPlan::from_values(&req.plan, &req.config) {
        Ok(plan) => plan,
        Err(diag) => return fail(resp, diag),
    };
    let (data, _) = match PaletteData::connect(&req.provider_data, SCOPE, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return fail(resp, diag),
    };
    let (name, label) = (&plan.name, plan.kind.label());
    let uid = match ctx.run(api::create(&data.client, &plan)).await {
        Ok(Ok(uid)) => uid,
        Err(why) => {
            let detail = format!(
                "Creating {label} {name:?} was interrupted ({why}) before Palette answered. If \
                 Palette created it, import it with `{}`.",
                plan.import_hint()
            );
            return fail(resp, Diagnostic::error(SUMMARY, detail));
        }
        Ok(Err(err)) if err.is_conflict() => {
            let detail = format!(
                "A {label} named {name:?} already exists in Palette, made outside this \
                 configuration. Import it with `{}`, or choose another name.\n\nOriginal \
                 Error: {err}",
                plan.import_hint()
            );
            return fail(resp, Diagnostic::error("Registry Exists", detail));
        }
        Ok(Err(err)) => {
            let what = format!("creating {label} {name:?}");
            return fail(resp, diagnostics::api_error(SUMMARY, &what, &err));
        }
    };
    tracing::info!(registry = %name, uid = %uid, "created {label} {name:?} ({uid})");
    // Recorded before the wait, so a failed sync leaves the registry in state.
    resp.state.set("id", uid.clone());
    data.resolver.forget_registry(&uid);
    let limit = plan.timeouts.create;
    let synced =
        waiting::until_synced(ctx, &data.client, plan.kind, &uid, name, limit, started).await;
    // The packs the sync brought, for a profile resolved later in this process.
    data.resolver.forget_registry(&uid);
    if let Err(err) = synced {
        resp.diagnostics.push(err.diagnostic(SUMMARY, name));
    }
}

/// The `update` handler: sends the whole registry, secret included, then syncs it again and
/// waits. A change of `timeouts` alone only updates the state.
pub(super) async fn update(ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
    const SUMMARY: &str = "Update Registry Error";
    let started = Instant::now();
    let prior = &req.state;
    if only_timeouts_change(prior, &req.plan) {
        return;
    }
    let plan = match RegistryPlan::from_values(&req.plan, &req.config) {
        Ok(plan) => plan,
        Err(diag) => {
            resp.diagnostics.push(diag);
            resp.state = prior.clone();
            return;
        }
    };
    let (data, _) = match PaletteData::connect(&req.provider_data, SCOPE, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => {
            resp.diagnostics.push(diag);
            resp.state = prior.clone();
            return;
        }
    };
    let uid = prior.get_str("id").unwrap_or_default().to_owned();
    let (name, label) = (&plan.name, plan.kind.label());
    let written = match ctx.run(api::update(&data.client, &uid, &plan)).await {
        Ok(written) => written,
        Err(why) => {
            resp.diagnostics.push(diagnostics::interrupted(
                SUMMARY,
                &format!("updating {label} {name:?} ({why})"),
            ));
            resp.state = prior.clone();
            return;
        }
    };
    data.resolver.forget_registry(&uid);
    if let Err(err) = written {
        let what = format!("updating {label} {name:?}");
        resp.diagnostics
            .push(diagnostics::api_error(SUMMARY, &what, &err));
        resp.state = prior.clone();
        return;
    }
    tracing::info!(registry = %name, uid = %uid, "updated {label} {name:?}; syncing it again");
    // The registry is written: from here on the state is the plan.
    if let Err(err) = api::sync(&data.client, plan.kind, &uid).await {
        let what = format!("asking Palette to sync {label} {name:?}");
        return resp
            .diagnostics
            .push(diagnostics::api_error(SUMMARY, &what, &err));
    }
    let limit = plan.timeouts.update;
    let synced =
        waiting::until_synced(ctx, &data.client, plan.kind, &uid, name, limit, started).await;
    data.resolver.forget_registry(&uid);
    if let Err(err) = synced {
        resp.diagnostics.push(err.diagnostic(SUMMARY, name));
    }
}

/// The `delete` handler. A registry whose packs a cluster profile uses stays: the error says
/// which profiles.
pub(super) async fn delete(ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
    const SUMMARY: &str = "Delete Registry Error";
    let state = &req.state;
    let (Some(uid), Some(kind)) = (state.get_str("id"), Kind::of_value(state)) else {
        return;
    };
    let name = state.get_str("name").unwrap_or_default();
    let limit = DEFAULT_TIMEOUTS
        .read(state)
        .map(|t| t.delete)
        .unwrap_or_else(|_| std::time::Duration::from_secs(600));
    let (data, _) = match PaletteData::connect(&req.provider_data, SCOPE, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    let ctx = ctx.clone().with_timeout(limit);
    let deleted = ctx.run(api::delete(&data.client, kind, uid)).await;
    data.resolver.forget_registry(uid);
    let err = match deleted {
        Ok(Ok(())) => return,
        Ok(Err(err)) if err.is_not_found() => return,
        Ok(Err(err)) => err,
        Err(why) => {
            return resp.diagnostics.push(diagnostics::interrupted(
                SUMMARY,
                &format!("deleting {} {name:?} ({why})", kind.label()),
            ));
        }
    };
    let diag = if err.is_conflict() {
        Diagnostic::error(
            "Registry In Use",
            format!(
                "Palette keeps {} {name:?} while cluster profiles use its packs. Move those \
                 profiles to packs of another registry (or delete them) first.\n\nOriginal \
                 Error: {err}",
                kind.label()
            ),
        )
    } else {
        diagnostics::api_error(
            SUMMARY,
            &format!("deleting {} {name:?}", kind.label()),
            &err,
        )
    };
    resp.diagnostics.push(diag);
}
