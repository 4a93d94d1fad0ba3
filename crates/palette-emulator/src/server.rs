//! The HTTP/1.1 accept loop, over plain TCP or TLS.
//!
//! It is a small loop over hyper rather than `axum::serve` because one fault needs it: a
//! `reset_rate` fault drops the connection after the handler ran, and only the loop that owns
//! the connection can do that. Each connection gets a [`ConnInfo`] in its requests' extensions.
//!
//! With `--tls-cert` and `--tls-key` ([`tls_acceptor`]) every connection is TLS, made in the
//! connection's own task so that a slow or failed handshake never holds up the accept loop; a
//! failed handshake is logged at debug level and the connection dropped.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;
use tower_service::Service;

use crate::config::TlsFiles;

/// What a request knows about its connection.
#[derive(Debug, Clone)]
pub struct ConnInfo {
    /// The client's address.
    pub peer: SocketAddr,
    /// Notified to drop the connection without answering.
    pub reset: Arc<Notify>,
}

/// Serves `app` on `listener` until `shutdown` changes, over TLS when `tls` is given.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    tls: Option<TlsAcceptor>,
    shutdown: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    let mut stop = shutdown.clone();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let app = app.clone();
                let shutdown = shutdown.clone();
                let tls = tls.clone();
                connections.spawn(async move {
                    match tls {
                        None => serve_connection(stream, peer, app, shutdown).await,
                        Some(tls) => match tls.accept(stream).await {
                            Ok(stream) => serve_connection(stream, peer, app, shutdown).await,
                            Err(err) => tracing::debug!(%peer, "TLS handshake failed: {err}"),
                        },
                    }
                });
            }
            _ = stop.changed() => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.abort_all();
    while connections.join_next().await.is_some() {}
}

/// Serves HTTP/1.1 on one connection until the client closes it, a `reset_rate` fault drops it
/// or the emulator stops.
async fn serve_connection<S>(
    stream: S,
    peer: SocketAddr,
    app: Router,
    mut shutdown: watch::Receiver<bool>,
) where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let reset = Arc::new(Notify::new());
    let info = ConnInfo {
        peer,
        reset: reset.clone(),
    };
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
        _ = shutdown.changed() => {}
        _ = connection => {}
    }
}

/// The TLS side of `--tls-cert` and `--tls-key`: rustls' defaults (TLS 1.2 and 1.3, its default
/// cipher suites and key exchange groups), HTTP/1.1, no client certificate.
///
/// # Errors
///
/// A message naming the file that cannot be read or used.
pub(crate) fn tls_acceptor(files: &TlsFiles) -> Result<TlsAcceptor, String> {
    let cert_path = files.cert.display();
    let key_path = files.key.display();
    let chain = CertificateDer::pem_file_iter(&files.cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("--tls-cert {cert_path}: not a PEM certificate chain ({e})"))?;
    if chain.is_empty() {
        return Err(format!("--tls-cert {cert_path}: holds no certificate"));
    }
    let key = PrivateKeyDer::from_pem_file(&files.key)
        .map_err(|e| format!("--tls-key {key_path}: not a PEM private key ({e})"))?;
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| {
            format!("--tls-cert {cert_path} and --tls-key {key_path} do not go together ({e})")
        })?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}
