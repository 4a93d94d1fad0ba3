//! A local, stateful Palette API.
//!
//! # Purpose
//!
//! `palette-emulator` serves the Palette v1 paths the provider uses, with the spec's field
//! names, status codes and error body, keeps its state in SQLite, and deploys clusters layer by
//! layer in simulation (see [`lifecycle`]). Tests start it in-process with [`start`]; the
//! `palette-emulator` binary starts it from flags.
//!
//! # Structure
//!
//! - [`app`] builds the axum [`Router`]: one file per API resource under `routes/` (clusters, the
//!   largest, a folder split by concern), wrapped by the [`admission`] middleware (counting,
//!   rate limits, auth, injected faults).
//! - [`store`] is the [`store::Store`] trait with a SQLite and an in-memory backend;
//!   [`index`] wraps either with the lookups a single GET needs (profiles by name, clusters by
//!   profile), so reading one object does not cost in proportion to everything stored.
//! - [`lifecycle`] turns a cluster's stored deployment plan and the clock into its state.
//! - [`wire`] is the boundary with `palette_api::models`: bodies are read and written through
//!   the shared model types.
//! - [`environments`] lists the twelve environments and what differs between them (paths,
//!   models, account family, required fields, pool particulars); adding one is one entry.
//! - [`seed`] writes projects, registries, packs, cloud accounts and edge hosts on first start
//!   from `seed/packs.json` and `seed/world.json`.
//! - Endpoints of the emulator itself live under `/__emulator/` ([`routes::admin`]): stats,
//!   faults and settings.
//!
//! **Architecture Invariant:** the emulator shares only `palette_api::models` with the client;
//! it never calls the client. **Architecture Invariant:** no lock is held across an `.await`;
//! store calls are short and synchronous, and a cluster's progress is computed from stored
//! timestamps, so there is no background task to stop or resume.
//!
//! # Example
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let handle = palette_emulator::start(palette_emulator::Config::for_tests()).await?;
//! println!("serving {} with key {}", handle.base_url(), handle.api_key());
//! handle.shutdown().await;
//! # Ok(())
//! # }
//! ```

pub mod admission;
pub mod bodies;
pub mod config;
pub mod content;
pub mod context;
pub mod environments;
pub mod error;
pub mod ids;
pub mod index;
pub mod lifecycle;
pub mod paging;
pub mod rate_limit;
pub mod routes;
pub mod seed;
pub mod server;
pub mod spec;
pub mod state;
pub mod store;
pub mod wire;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use config::{ApiKeySpec, Config};
pub use state::AppState;

use crate::state::Settings;
use crate::store::{Kind, Store};

/// The whole API as an axum router, ready for `oneshot` in tests or for [`start`].
pub fn app(state: AppState) -> Router {
    routes::router()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            admission::admission,
        ))
        .with_state(state)
}

/// Why an emulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// The seed could not be loaded.
    #[error(transparent)]
    Seed(#[from] seed::SeedError),
    /// The address could not be bound, or a file could not be opened.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A flag names something that does not exist.
    #[error("{0}")]
    Config(String),
}

/// A running emulator.
pub struct Handle {
    addr: SocketAddr,
    /// `http`, or `https` with `--tls-cert`.
    scheme: &'static str,
    api_key: String,
    generated_key: bool,
    state: AppState,
    shutdown: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Handle {
    /// The address it listens on (the real port when `--listen` asked for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR` (`https://ADDR` with `--tls-cert`), the value for the provider's `host`.
    pub fn base_url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    /// The first accepted key (the made-up one when none was configured).
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Whether [`Handle::api_key`] was made up because no key was configured.
    pub fn generated_key(&self) -> bool {
        self.generated_key
    }

    /// The shared state (stats, faults, settings, store).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Stops accepting, drops open connections and waits for the server task.
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        let _ = self.task.await;
    }
}

/// Opens the store, seeds it on first start, binds the address and serves in the background.
pub async fn start(config: Config) -> Result<Handle, StartError> {
    let store: Arc<dyn Store> = match &config.db {
        Some(path) => Arc::new(store::sqlite::SqliteStore::open(path)?),
        None => Arc::new(store::memory::MemoryStore::new()),
    };
    let custom = match &config.seed {
        Some(path) => Some(std::fs::read_to_string(path)?),
        None => None,
    };
    seed::seed(store.as_ref(), custom.as_deref())?;

    let mut keys = HashMap::new();
    let mut specs = config.api_keys.clone();
    let generated_key = specs.is_empty();
    if generated_key {
        specs.push(ApiKeySpec {
            key: format!("emu{}", ids::new_uid()),
            project: None,
        });
    }
    let projects = store.list(Kind::Project)?;
    for spec in &specs {
        let limit = match &spec.project {
            None => None,
            Some(wanted) => Some(
                projects
                    .iter()
                    .find(|p| &p.name == wanted || &p.uid == wanted)
                    .map(|p| p.uid.clone())
                    .ok_or_else(|| {
                        StartError::Config(format!("--api-key: no project named '{wanted}'"))
                    })?,
            ),
        };
        keys.insert(spec.key.clone(), limit);
    }
    let request_log = match &config.request_log {
        Some(path) => Some(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)?,
        ),
        None => None,
    };
    let state = AppState::new(
        store,
        keys,
        Settings {
            rate_limit: config.rate_limit,
            time_scale: config.time_scale,
            repave_approval: true,
        },
        request_log,
    )?;
    let tls = match &config.tls {
        Some(files) => Some(server::tls_acceptor(files).map_err(StartError::Config)?),
        None => None,
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let listener = TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    let (shutdown, receiver) = watch::channel(false);
    let task = tokio::spawn(server::serve(listener, app(state.clone()), tls, receiver));
    Ok(Handle {
        addr,
        scheme,
        api_key: specs[0].key.clone(),
        generated_key,
        state,
        shutdown,
        task,
    })
}
