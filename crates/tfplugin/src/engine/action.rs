//! Planning and invoking actions.

use tokio::sync::mpsc::UnboundedSender;

use crate::action::{
    Action, InvokeEvent, InvokeRequest, InvokeResponse, PlanRequest, PlanResponse,
};
use crate::resource::Deferred;
use crate::{Context, Diagnostics};

use super::plan_resource_change::deferral;

/// Plans an invocation: the action's own checks.
pub(crate) async fn plan_action(
    ctx: &Context,
    action: &dyn Action,
    req: PlanRequest,
) -> (Diagnostics, Option<Deferred>) {
    let caps = req.client_capabilities;
    let mut resp = PlanResponse::default();
    action.plan(ctx, req, &mut resp).await;
    let mut diagnostics = resp.diagnostics;
    let deferred = deferral(resp.deferred, caps, &mut diagnostics);
    (diagnostics, deferred)
}

/// Invokes the action: its progress goes to `events` as it comes, then one completion with its
/// diagnostics, which is always the last event.
pub(crate) async fn invoke_action(
    ctx: &Context,
    action: &dyn Action,
    req: InvokeRequest,
    events: UnboundedSender<InvokeEvent>,
) {
    let mut resp = InvokeResponse::new(events.clone());
    action.invoke(ctx, req, &mut resp).await;
    let _ = events.send(InvokeEvent::Completed(resp.diagnostics));
}

#[cfg(test)]
mod tests {
    use async_trait::async_trait;
    use tokio::sync::mpsc;

    use super::*;
    use crate::provider::ProviderData;
    use crate::resource::ClientCapabilities;
    use crate::{Attribute, Block, Schema, Value, ValueExt};

    /// Counts down from `from`, reporting each step; fails at 0 when `fail` is set, and defers
    /// its plan when the configuration is unknown.
    struct Countdown;

    #[async_trait]
    impl Action for Countdown {
        fn type_name(&self) -> &str {
            "countdown"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                0,
                Block::new()
                    .attribute(Attribute::int64("from").required())
                    .attribute(Attribute::bool("fail").optional()),
            )
        }
        async fn plan(&self, _: &Context, req: PlanRequest, resp: &mut PlanResponse) {
            if req.config.get("from").is_some_and(Value::is_unknown) {
                resp.deferred = Some(Deferred {
                    reason: crate::resource::DeferredReason::ResourceConfigUnknown,
                });
            }
        }
        async fn invoke(&self, _: &Context, req: InvokeRequest, resp: &mut InvokeResponse) {
            for n in (1..=req.config.get_i64("from").unwrap_or(0)).rev() {
                resp.progress(format!("{n}"));
            }
            if req.config.get_bool("fail") == Some(true) {
                resp.diagnostics.error("Countdown Failed", "no lift-off");
            }
        }
    }

    fn config(from: Value, fail: bool) -> Value {
        let mut c = Value::Object(Default::default());
        c.set("from", from);
        c.set("fail", fail);
        c
    }

    async fn invoke(config: Value) -> Vec<InvokeEvent> {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let req = InvokeRequest {
            config,
            provider_data: ProviderData::default(),
            client_capabilities: ClientCapabilities::default(),
        };
        invoke_action(&Context::new(), &Countdown, req, tx).await;
        let mut events = Vec::new();
        while let Some(e) = rx.recv().await {
            events.push(e);
        }
        events
    }

    #[tokio::test]
    async fn progress_then_completion() {
        let events = invoke(config(Value::from(3i64), false)).await;
        assert_eq!(
            events,
            [
                InvokeEvent::Progress("3".into()),
                InvokeEvent::Progress("2".into()),
                InvokeEvent::Progress("1".into()),
                InvokeEvent::Completed(Diagnostics::new()),
            ]
        );
        let events = invoke(config(Value::from(1i64), true)).await;
        let InvokeEvent::Completed(diags) = events.last().unwrap() else {
            panic!("the completion comes last: {events:?}");
        };
        assert!(diags.has_errors());
    }

    #[tokio::test]
    async fn plan_deferral_needs_client_support() {
        let req = |caps| PlanRequest {
            config: config(Value::unknown(), false),
            provider_data: ProviderData::default(),
            client_capabilities: caps,
        };
        let ctx = Context::new();
        let (diags, deferred) =
            plan_action(&ctx, &Countdown, req(ClientCapabilities::default())).await;
        assert!(deferred.is_none());
        assert!(diags.has_errors());
        let allowed = ClientCapabilities {
            deferral_allowed: true,
            ..Default::default()
        };
        let (diags, deferred) = plan_action(&ctx, &Countdown, req(allowed)).await;
        assert!(deferred.is_some());
        assert!(diags.is_empty());
    }
}
