//! PlanAction and InvokeAction: check an action before the apply, then run it, streaming its
//! progress and ending with one completion event.

use std::sync::Arc;

use futures_util::StreamExt;
use tokio::sync::mpsc;
use tokio_stream::wrappers::UnboundedReceiverStream;
use tonic::codegen::BoxStream;
use tracing::Instrument;

use super::{Inner, guarded};
use crate::action::{InvokeEvent, InvokeRequest, PlanRequest};
use crate::convert;
use crate::engine::action::{invoke_action, plan_action};
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;
use crate::{Diagnostics, Value};

use pb::invoke_action::event::{Completed, Progress, Type as EventType};

impl<P: Provider> Inner<P> {
    pub(super) async fn plan_action(
        &self,
        req: pb::plan_action::Request,
    ) -> pb::plan_action::Response {
        let mut diags = Diagnostics::new();
        let Some(a) = self.action(&req.action_type, &mut diags) else {
            return pb::plan_action::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        };
        let config = convert::decode(req.config.as_ref(), &a.ty, "configuration", &mut diags);
        if diags.has_errors() {
            return pb::plan_action::Response {
                diagnostics: convert::diagnostics(diags),
                ..Default::default()
            };
        }
        let plan = PlanRequest {
            config,
            provider_data: self.provider_data(),
            client_capabilities: convert::client_capabilities(req.client_capabilities.as_ref()),
        };
        let (plan_diags, deferred) = plan_action(&self.context(), a.handler.as_ref(), plan).await;
        diags.extend(plan_diags);
        pb::plan_action::Response {
            diagnostics: convert::diagnostics(diags),
            deferred: convert::deferred(deferred),
        }
    }

    pub(super) fn invoke_action_stream(
        self: &Arc<Self>,
        req: pb::invoke_action::Request,
        span: tracing::Span,
    ) -> BoxStream<pb::invoke_action::Event> {
        let mut diags = Diagnostics::new();
        let config = match self.action(&req.action_type, &mut diags) {
            Some(a) => convert::decode(req.config.as_ref(), &a.ty, "configuration", &mut diags),
            None => Value::Null,
        };
        if diags.has_errors() {
            let event = completed(diags);
            return Box::pin(futures_util::stream::iter([Ok(event)]));
        }
        let (tx, rx) = mpsc::unbounded_channel();
        let inner = Arc::clone(self);
        let invoke = InvokeRequest {
            config,
            provider_data: self.provider_data(),
            client_capabilities: convert::client_capabilities(req.client_capabilities.as_ref()),
        };
        tokio::spawn(
            async move {
                let events = tx.clone();
                let running = async {
                    let a = &inner.actions[&req.action_type];
                    let ctx = inner.context();
                    tokio::select! {
                        () = invoke_action(&ctx, a.handler.as_ref(), invoke, events) => {}
                        // Terraform went away: nobody would see the rest.
                        () = tx.closed() => {}
                    }
                };
                if let Err(diagnostic) = guarded(tracing::Span::current(), running).await {
                    let mut diags = Diagnostics::new();
                    diags.error(diagnostic.summary, diagnostic.detail);
                    let _ = tx.send(InvokeEvent::Completed(diags));
                }
            }
            .instrument(span),
        );
        Box::pin(UnboundedReceiverStream::new(rx).map(|event| {
            Ok(match event {
                InvokeEvent::Progress(message) => pb::invoke_action::Event {
                    r#type: Some(EventType::Progress(Progress { message })),
                },
                InvokeEvent::Completed(diags) => completed(diags),
            })
        }))
    }
}

fn completed(diags: Diagnostics) -> pb::invoke_action::Event {
    pb::invoke_action::Event {
        r#type: Some(EventType::Completed(Completed {
            diagnostics: convert::diagnostics(diags),
        })),
    }
}
