//! ListResource: stream the objects of a managed resource type (`terraform query`).
//!
//! The listing runs in its own task, feeding a channel of one event that the response stream
//! drains as Terraform reads: the handler is pulled no faster than Terraform reads, and no
//! further than the limit. A panic in the handler becomes a final event with the error.

use std::sync::Arc;

use futures_util::StreamExt;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::codegen::BoxStream;
use tracing::Instrument;

use super::{Inner, guarded};
use crate::Diagnostics;
use crate::convert;
use crate::engine::list_resource::{ListEvent, list_resource};
use crate::list::ListRequest;
use crate::proto::tfplugin6 as pb;
use crate::provider::Provider;

impl<P: Provider> Inner<P> {
    pub(super) fn list_resource_stream(
        self: &Arc<Self>,
        req: pb::list_resource::Request,
        span: tracing::Span,
    ) -> BoxStream<pb::list_resource::Event> {
        let mut diags = Diagnostics::new();
        let found = self.list_resource(&req.type_name, &mut diags).is_some()
            && self.resource(&req.type_name, &mut diags).is_some();
        let config = match self.list_resources.get(&req.type_name) {
            Some(l) if found => {
                convert::decode(req.config.as_ref(), &l.ty, "configuration", &mut diags)
            }
            _ => crate::Value::Null,
        };
        if diags.has_errors() {
            let event = pb::list_resource::Event {
                diagnostic: convert::diagnostics(diags),
                ..Default::default()
            };
            return Box::pin(futures_util::stream::iter([Ok(event)]));
        }
        let (tx, rx) = mpsc::channel::<ListEvent>(1);
        let inner = Arc::clone(self);
        let type_name = req.type_name.clone();
        let request = ListRequest {
            config,
            include_resource: req.include_resource_object,
            limit: req.limit,
            provider_data: self.provider_data(),
        };
        let failure = tx.clone();
        tokio::spawn(
            async move {
                let listing = async {
                    let l = &inner.list_resources[&type_name];
                    let r = &inner.resources[&type_name];
                    let ctx = inner.context();
                    list_resource(&ctx, l.handler.as_ref(), &r.schema, request, tx).await;
                };
                if let Err(diagnostic) = guarded(tracing::Span::current(), listing).await {
                    let mut event = ListEvent {
                        identity: None,
                        display_name: String::new(),
                        resource: None,
                        diagnostics: Diagnostics::new(),
                    };
                    event
                        .diagnostics
                        .error(diagnostic.summary, diagnostic.detail);
                    let _ = failure.send(event).await;
                }
            }
            .instrument(span),
        );
        let inner = Arc::clone(self);
        Box::pin(ReceiverStream::new(rx).map(move |event| {
            let r = &inner.resources[&req.type_name];
            let mut diags = event.diagnostics;
            let identity =
                r.encode_identity(event.identity.as_ref(), "listed identity", &mut diags);
            let resource_object = event
                .resource
                .and_then(|v| convert::encode(&v, &r.ty, "listed resource object", &mut diags));
            Ok(pb::list_resource::Event {
                identity,
                display_name: event.display_name,
                resource_object,
                diagnostic: convert::diagnostics(diags),
            })
        }))
    }
}
