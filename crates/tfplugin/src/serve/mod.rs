//! Serving a provider to Terraform: the go-plugin handshake, the listener, AutoMTLS, the go-plugin
//! side services and debug mode.
//!
//! [`serve`] does everything between `main` and the provider's RPC handlers:
//!
//! 0. in the FIPS build (the `fips` feature), checks that aws-lc is its FIPS module in FIPS mode
//!    and refuses to start otherwise ([`crate::fips::require_fips_mode`]);
//! 1. checks the magic cookie (so a person who runs the binary by hand gets an explanation, see
//!    [`exit_unless_launched_by_terraform`]) and negotiates protocol version 6;
//! 2. listens on a unix socket (TCP on 127.0.0.1 as a fallback, with `TCP_NODELAY`);
//! 3. when Terraform passed `PLUGIN_CLIENT_CERT`, serves TLS with a fresh server certificate and
//!    accepts only that exact client certificate;
//! 4. prints the handshake line to stdout;
//! 5. serves `tfplugin6.Provider`, `grpc.health.v1.Health` (service "plugin" is SERVING),
//!    `plugin.GRPCController`, `plugin.GRPCStdio` and `plugin.GRPCBroker`, each with 256 MiB
//!    message limits both ways;
//! 6. returns `Ok(())` once `GRPCController.Shutdown` or SIGTERM stopped the server, so `main`
//!    can return and the process exits 0. SIGINT is ignored (Terraform handles Ctrl-C and sends
//!    `StopProvider`), except in debug mode, where Ctrl-C is the way to stop.
//!
//! Nothing else may be written to stdout before the handshake line; logs go to stderr (see
//! [`crate::logging`]).
//!
//! # Example
//!
//! A provider binary's `main`. Every generated `Provider` method answers `Unimplemented` unless
//! implemented, so this empty provider already serves (and answers nothing useful).
//!
//! ```no_run
//! use tfplugin::proto::tfplugin6::provider_server::Provider;
//!
//! struct Empty;
//! impl Provider for Empty {}
//!
//! #[tokio::main]
//! async fn main() {
//!     let debug = std::env::args().any(|a| a == "--debug");
//!     if !debug {
//!         tfplugin::serve::exit_unless_launched_by_terraform();
//!     }
//!     tfplugin::logging::init();
//!     let opts = tfplugin::ServeOptions::new("registry.terraform.io/acme/empty").with_debug(debug);
//!     if let Err(err) = tfplugin::serve(opts, Empty).await {
//!         eprintln!("Error: {err}");
//!         std::process::exit(1);
//!     }
//! }
//! ```

mod debug;
mod goplugin;
mod handshake;
mod listener;
mod tls;

use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tonic::transport::Server;

use crate::proto::plugin::grpc_broker_server::GrpcBrokerServer;
use crate::proto::plugin::grpc_controller_server::GrpcControllerServer;
use crate::proto::plugin::grpc_stdio_server::GrpcStdioServer;
use crate::proto::tfplugin6::provider_server::{Provider, ProviderServer};

pub use handshake::{
    CORE_PROTOCOL_VERSION, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, NOT_LAUNCHED_EXPLANATION,
    PROTOCOL_VERSION, exit_unless_launched_by_terraform, launched_by_terraform,
};
pub use tls::{CLIENT_CERT_ENV, DISABLE_TLS_ENV};

/// The largest gRPC message accepted or sent, in bytes, on every service (as
/// terraform-plugin-go allows; tonic's default of 4 MiB is too small for large state).
pub const MAX_MESSAGE_SIZE: usize = 256 << 20;

/// The health-check service name go-plugin registers.
pub const HEALTH_SERVICE_NAME: &str = "plugin";

/// How long a stopping server waits for open connections before [`serve`] returns anyway.
/// Terraform kills the plugin 2 seconds after asking it to shut down.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(1500);

/// How [`serve`] runs.
#[derive(Clone, Debug, Default)]
pub struct ServeOptions {
    /// The provider's source address, such as `registry.terraform.io/acme/echo`. Used as the
    /// key of the `TF_REATTACH_PROVIDERS` entry printed in debug mode.
    pub provider_address: String,
    /// Debug mode: skip the cookie check, serve plaintext, print a `TF_REATTACH_PROVIDERS`
    /// value to paste into the shell that runs Terraform, and run until Ctrl-C.
    pub debug: bool,
}

impl ServeOptions {
    /// Options for normal (Terraform-started) serving of the provider at `provider_address`.
    pub fn new(provider_address: impl Into<String>) -> ServeOptions {
        ServeOptions {
            provider_address: provider_address.into(),
            debug: false,
        }
    }

    /// Turns debug mode on or off.
    pub fn with_debug(mut self, debug: bool) -> ServeOptions {
        self.debug = debug;
        self
    }
}

/// Why [`serve`] could not start or keep serving.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The magic cookie is missing or wrong: a person ran the binary by hand.
    #[error("not started by terraform ({} is missing or wrong)", MAGIC_COOKIE_KEY)]
    NotLaunchedByTerraform,
    /// Terraform offered no protocol version this crate speaks.
    #[error(
        "terraform offered plugin protocol versions {offered}, but this provider speaks only \
         version {}; use terraform 1.0 or later",
        PROTOCOL_VERSION
    )]
    UnsupportedProtocol {
        /// The `PLUGIN_PROTOCOL_VERSIONS` value Terraform set.
        offered: String,
    },
    /// No socket could be bound.
    #[error("cannot listen for terraform: {0}")]
    Listen(#[source] std::io::Error),
    /// `PLUGIN_CLIENT_CERT` is not a PEM certificate.
    #[error("cannot read PLUGIN_CLIENT_CERT: {0}")]
    ClientCert(String),
    /// The TLS setup failed.
    #[error("cannot set up tls: {0}")]
    Tls(String),
    /// The FIPS build's cryptographic module is not in FIPS mode.
    #[error(transparent)]
    NotFipsMode(#[from] crate::fips::NotFipsMode),
    /// The handshake line could not be written.
    #[error("cannot write the handshake line to stdout: {0}")]
    Handshake(#[source] std::io::Error),
    /// Signal handlers could not be installed.
    #[error("cannot watch signals: {0}")]
    Signals(#[source] std::io::Error),
    /// The gRPC server failed.
    #[error("grpc server failed: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// Serves `provider` to Terraform until Terraform shuts it down (see the module docs).
///
/// `S` is the generated tonic service trait for `tfplugin6.Provider`.
///
/// # Errors
///
/// Fails before the handshake when the FIPS build's module is not in FIPS mode, when the process
/// was not started by Terraform (in normal mode), when Terraform does not offer protocol 6, when
/// `PLUGIN_CLIENT_CERT` is unreadable or no socket can be bound; afterwards only when the gRPC
/// server itself fails.
pub async fn serve<S>(opts: ServeOptions, provider: S) -> Result<(), ServeError>
where
    S: Provider,
{
    if crate::fips::ENABLED {
        let module = crate::fips::require_fips_mode()?;
        tracing::info!("FIPS build: TLS on {module}, FIPS-approved algorithms only");
    }
    let tls = if opts.debug {
        None
    } else {
        if !launched_by_terraform() {
            return Err(ServeError::NotLaunchedByTerraform);
        }
        let offered = std::env::var("PLUGIN_PROTOCOL_VERSIONS").ok();
        handshake::negotiate_version(offered.as_deref())?;
        tls::from_env()?
    };

    let listener = listener::Listener::bind()
        .await
        .map_err(ServeError::Listen)?;
    let network = listener.network();
    let address = listener.address().map_err(ServeError::Listen)?;

    let shutdown = CancellationToken::new();
    watch_signals(opts.debug, shutdown.clone())?;

    let (health, health_service) = tonic_health::server::health_reporter();
    health
        .set_service_status(HEALTH_SERVICE_NAME, tonic_health::ServingStatus::Serving)
        .await;

    let router = Server::builder()
        .add_service(
            health_service
                .max_decoding_message_size(MAX_MESSAGE_SIZE)
                .max_encoding_message_size(MAX_MESSAGE_SIZE),
        )
        .add_service(
            GrpcControllerServer::new(goplugin::Controller {
                shutdown: shutdown.clone(),
            })
            .max_decoding_message_size(MAX_MESSAGE_SIZE)
            .max_encoding_message_size(MAX_MESSAGE_SIZE),
        )
        .add_service(
            GrpcStdioServer::new(goplugin::Stdio {
                shutdown: shutdown.clone(),
            })
            .max_decoding_message_size(MAX_MESSAGE_SIZE)
            .max_encoding_message_size(MAX_MESSAGE_SIZE),
        )
        .add_service(
            GrpcBrokerServer::new(goplugin::Broker {
                shutdown: shutdown.clone(),
            })
            .max_decoding_message_size(MAX_MESSAGE_SIZE)
            .max_encoding_message_size(MAX_MESSAGE_SIZE),
        )
        .add_service(
            ProviderServer::new(provider)
                .max_decoding_message_size(MAX_MESSAGE_SIZE)
                .max_encoding_message_size(MAX_MESSAGE_SIZE),
        );

    let cert_der = tls.as_ref().map(|t| t.cert_der.clone());
    let (conn_tx, conn_rx) = tokio::sync::mpsc::channel(16);
    let acceptor = tokio::spawn(accept_loop(
        listener,
        tls.map(|t| t.acceptor),
        conn_tx,
        shutdown.clone(),
    ));

    if opts.debug {
        let reattach = debug::reattach_json(&opts.provider_address, network, &address);
        print!("{}", debug::banner(&reattach));
        std::io::Write::flush(&mut std::io::stdout()).map_err(ServeError::Handshake)?;
    } else {
        handshake::announce(&handshake::handshake_line(
            network,
            &address,
            cert_der.as_ref().map(|c| c.as_ref()),
        ))?;
    }
    tracing::debug!(
        network,
        address,
        tls = cert_der.is_some(),
        "plugin server listening"
    );

    let incoming = tokio_stream::wrappers::ReceiverStream::new(conn_rx);
    let server = router.serve_with_incoming_shutdown(incoming, shutdown.clone().cancelled_owned());
    let grace = async {
        shutdown.cancelled().await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    let result = tokio::select! {
        result = server => result.map_err(ServeError::Transport),
        () = grace => {
            tracing::debug!("connections still open after shutdown; stopping anyway");
            Ok(())
        }
    };
    shutdown.cancel();
    // Wait for the accept loop so the listener (and its socket file) is gone before we return.
    let _ = tokio::time::timeout(Duration::from_secs(1), acceptor).await;
    tracing::debug!("plugin server stopped");
    result
}

/// Accepts connections, runs the TLS handshake of each in its own task, and hands the finished
/// ones to tonic. A failed TLS handshake (a wrong or missing client certificate) only drops that
/// connection.
async fn accept_loop(
    listener: listener::Listener,
    tls: Option<tokio_rustls::TlsAcceptor>,
    conns: tokio::sync::mpsc::Sender<Result<listener::Conn, std::io::Error>>,
    shutdown: CancellationToken,
) {
    loop {
        let conn = tokio::select! {
            () = shutdown.cancelled() => break,
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                Err(err) => {
                    tracing::warn!(error = %err, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
        };
        match &tls {
            None => {
                if conns.send(Ok(conn)).await.is_err() {
                    break;
                }
            }
            Some(acceptor) => {
                let acceptor = acceptor.clone();
                let conns = conns.clone();
                tokio::spawn(async move {
                    let handshake = acceptor.accept(conn);
                    match tokio::time::timeout(Duration::from_secs(10), handshake).await {
                        Ok(Ok(stream)) => {
                            let _ = conns.send(Ok(listener::Conn::new(stream))).await;
                        }
                        Ok(Err(err)) => {
                            tracing::warn!(error = %err, "refused a connection: tls handshake failed");
                        }
                        Err(_) => tracing::warn!("refused a connection: tls handshake timed out"),
                    }
                });
            }
        }
    }
}

/// SIGTERM stops the server; SIGINT stops it only in debug mode and is otherwise ignored, since
/// Terraform forwards Ctrl-C as `StopProvider`.
fn watch_signals(debug: bool, shutdown: CancellationToken) -> Result<(), ServeError> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).map_err(ServeError::Signals)?;
        let mut int = signal(SignalKind::interrupt()).map_err(ServeError::Signals)?;
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    () = shutdown.cancelled() => break,
                    got = term.recv() => {
                        if got.is_some() {
                            tracing::info!("received SIGTERM, stopping");
                        }
                        shutdown.cancel();
                    }
                    got = int.recv() => {
                        if got.is_none() || debug {
                            shutdown.cancel();
                        } else {
                            tracing::debug!("ignoring SIGINT; terraform stops work with StopProvider");
                        }
                    }
                }
            }
        });
    }
    #[cfg(not(unix))]
    if debug {
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                shutdown.cancel();
            }
        });
    }
    Ok(())
}
