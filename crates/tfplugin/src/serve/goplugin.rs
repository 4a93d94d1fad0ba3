//! The go-plugin services served next to the provider: the controller (shutdown), stdio and the
//! broker.
//!
//! Stdio: go-plugin plugins redirect their own stdout and stderr into `GRPCStdio` after the
//! handshake. We do not: our logs go straight to stderr, which Terraform reads line by line
//! anyway, and Terraform drains (and logs at debug) whatever reaches stdout after the handshake
//! line. So `StreamStdio` answers with a stream that stays open and sends nothing until the
//! server stops.
//!
//! Broker: Terraform providers never broker extra connections. `StartStream` is accepted, its
//! incoming messages are read and dropped, and the reply stream stays empty until either side
//! ends.

use futures_util::StreamExt as _;
use tokio_util::sync::CancellationToken;
use tonic::codegen::BoxStream;
use tonic::{Request, Response, Status, Streaming};

use crate::proto::plugin::{
    ConnInfo, Empty, StdioData, grpc_broker_server::GrpcBroker,
    grpc_controller_server::GrpcController, grpc_stdio_server::GrpcStdio,
};

/// `plugin.GRPCController`: `Shutdown` stops the whole server gracefully.
pub(crate) struct Controller {
    pub(crate) shutdown: CancellationToken,
}

#[tonic::async_trait]
impl GrpcController for Controller {
    async fn shutdown(&self, _request: Request<Empty>) -> Result<Response<Empty>, Status> {
        tracing::debug!("shutdown requested through the go-plugin controller");
        self.shutdown.cancel();
        Ok(Response::new(Empty {}))
    }
}

/// `plugin.GRPCStdio`: an open, silent stream (see the module docs).
pub(crate) struct Stdio {
    pub(crate) shutdown: CancellationToken,
}

#[tonic::async_trait]
impl GrpcStdio for Stdio {
    async fn stream_stdio(
        &self,
        _request: Request<()>,
    ) -> Result<Response<BoxStream<StdioData>>, Status> {
        let stopped = self.shutdown.clone().cancelled_owned();
        let stream = futures_util::stream::once(stopped)
            .filter_map(|()| std::future::ready(None::<Result<StdioData, Status>>));
        Ok(Response::new(Box::pin(stream)))
    }
}

/// `plugin.GRPCBroker`: accepted and kept open, never used (see the module docs).
pub(crate) struct Broker {
    pub(crate) shutdown: CancellationToken,
}

#[tonic::async_trait]
impl GrpcBroker for Broker {
    async fn start_stream(
        &self,
        request: Request<Streaming<ConnInfo>>,
    ) -> Result<Response<BoxStream<ConnInfo>>, Status> {
        let mut incoming = request.into_inner();
        let shutdown = self.shutdown.clone();
        let (tx, rx) = tokio::sync::mpsc::channel::<Result<ConnInfo, Status>>(1);
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    () = shutdown.cancelled() => break,
                    msg = incoming.message() => match msg {
                        Ok(Some(info)) => {
                            tracing::debug!(service_id = info.service_id, "ignoring a broker message");
                        }
                        Ok(None) | Err(_) => break,
                    },
                }
            }
            // Dropping the sender ends the reply stream.
            drop(tx);
        });
        Ok(Response::new(Box::pin(
            tokio_stream::wrappers::ReceiverStream::new(rx),
        )))
    }
}
