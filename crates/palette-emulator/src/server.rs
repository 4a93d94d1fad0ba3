//! The HTTP/1.1 accept loop.
//!
//! It is a small loop over hyper rather than `axum::serve` because one fault needs it: a
//! `reset_rate` fault drops the connection after the handler ran, and only the loop that owns
//! the connection can do that. Each connection gets a [`ConnInfo`] in its requests' extensions.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;
use tower_service::Service;

/// What a request knows about its connection.
#[derive(Debug, Clone)]
pub struct ConnInfo {
    /// The client's address.
    pub peer: SocketAddr,
    /// Notified to drop the connection without answering.
    pub reset: Arc<Notify>,
}

/// Serves `app` on `listener` until `shutdown` changes.
pub(crate) async fn serve(listener: TcpListener, app: Router, mut shutdown: watch::Receiver<bool>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let app = app.clone();
                let mut conn_shutdown = shutdown.clone();
                connections.spawn(async move {
                    let reset = Arc::new(Notify::new());
                    let info = ConnInfo { peer, reset: reset.clone() };
                    let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
                        req.extensions_mut().insert(info.clone());
                        let mut app = app.clone();
                        async move {
                            let response: Result<_, Infallible> = app.call(req.map(Body::new)).await;
                            response
                        }
                    });
                    let connection = http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(TokioIo::new(stream), service);
                    tokio::select! {
                        biased;
                        _ = reset.notified() => {}
                        _ = conn_shutdown.changed() => {}
                        _ = connection => {}
                    }
                });
            }
            _ = shutdown.changed() => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.abort_all();
    while connections.join_next().await.is_some() {}
}
