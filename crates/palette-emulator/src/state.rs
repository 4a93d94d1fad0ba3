//! Shared state of a running emulator: the store, keys, settings, faults and counters.

use std::collections::HashMap;
use std::fs::File;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::index::IndexedStore;
use crate::rate_limit::RateLimiter;
use crate::store::{Kind, Record, Store, StoreError};

/// Everything a handler needs; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: IndexedStore,
    write_lock: Mutex<()>,
    keys: HashMap<String, Option<String>>,
    tenant_uid: String,
    settings: RwLock<Settings>,
    faults: RwLock<Faults>,
    stats: Stats,
    limiter: RateLimiter,
    request_log: Option<Mutex<File>>,
    packs: RwLock<Option<PackCache>>,
    /// Counts [`AppState::invalidate_packs`] calls, so a list read before one is never kept.
    packs_generation: AtomicU64,
}

/// Every stored pack version, and the latest time one of them becomes visible (a synced
/// registry's packs are visible from the end of its sync, `availableAt`).
#[derive(Clone)]
struct PackCache {
    all: Arc<Vec<Record>>,
    latest_available_at: i64,
}

/// When a pack version becomes visible: its `availableAt`, or always when it has none (the seed).
fn available_at(pack: &Record) -> i64 {
    pack.doc["availableAt"].as_i64().unwrap_or(i64::MIN)
}

/// Settings that can change while the emulator runs (`PUT /__emulator/settings`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Whether rate limits are enforced.
    pub rate_limit: bool,
    /// Multiplies every simulated duration of deployments planned from now on.
    pub time_scale: f64,
    /// Whether a change that replaces nodes waits for `PATCH .../repave/approve` (the
    /// default).
    pub repave_approval: bool,
}

/// Injected faults (`PUT /__emulator/faults`); the default injects nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Fraction of API requests answered with a 5xx before they run.
    pub error_rate: f64,
    /// The status of injected errors (500, 502, 503 or 504; 503 when unset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_status: Option<u16>,
    /// Fraction of API requests answered with 429 before they run.
    pub throttle_rate: f64,
    /// Fraction of API requests whose connection is dropped after the handler ran (and any
    /// write committed), so the client never sees the response.
    pub reset_rate: f64,
    /// Extra latency added to every API request, in milliseconds.
    pub latency_ms: u64,
    /// The next this many API requests get a 429, whatever `throttle_rate` says.
    #[serde(skip_serializing_if = "is_zero")]
    pub throttle_next: u32,
    /// The next this many API requests get a 5xx, whatever `error_rate` says.
    #[serde(skip_serializing_if = "is_zero")]
    pub error_next: u32,
    /// The next this many API requests have their connection dropped after they ran.
    #[serde(skip_serializing_if = "is_zero")]
    pub reset_next: u32,
    /// Not a fault: when present, switches the rate limits on or off (as `PUT
    /// /__emulator/settings` does); it is applied and not kept.
    #[serde(skip_serializing)]
    pub rate_limit: Option<bool>,
    /// A pack name whose layer goes to `Error` when it is deployed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_pack: Option<String>,
    /// A cluster name whose deletion never finishes by itself: it stays `Deleting` until a
    /// force delete, which Palette allows only after the cluster has been deleting a while.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stuck_delete: Option<String>,
    /// Extra time, in milliseconds, the agent takes to download a profile change before it
    /// applies it; the layers show as they were until then.
    #[serde(skip_serializing_if = "is_zero_u64")]
    pub apply_delay_ms: u64,
}

fn is_zero_u64(n: &u64) -> bool {
    *n == 0
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A fault scheduled with one of the `*_next` counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextFault {
    /// Answer 429.
    Throttle,
    /// Answer 5xx.
    Error,
    /// Drop the connection after the handler ran.
    Reset,
}

/// Request counters.
#[derive(Default)]
pub struct Stats {
    /// Every API request (admin endpoints excluded).
    pub requests_total: AtomicU64,
    /// Requests answered 429 (rate limit or throttle fault).
    pub throttled_total: AtomicU64,
    /// Requests answered 429 by the rate limiter alone.
    pub rate_limited_total: AtomicU64,
    /// Faults injected (errors, throttles, resets, failed packs).
    pub faults_injected_total: AtomicU64,
    /// Mutating requests that succeeded.
    pub writes_total: AtomicU64,
    /// Requests answered 401.
    pub unauthorized_total: AtomicU64,
    /// Requests checked against the spec's facts (query parameters and body). This and the
    /// two below count for the emulator's whole life: a stats reset keeps them, so a test
    /// cannot hide a violation by resetting.
    pub validated_total: AtomicU64,
    /// Requests refused with 400 because they broke the spec.
    pub violations_total: AtomicU64,
    /// The latest refused requests, as `"METHOD /path: message"`, newest last (at most 20).
    pub violations: Mutex<Vec<String>>,
    /// Requests per `"METHOD /route/template"`.
    pub by_route: Mutex<HashMap<String, u64>>,
    /// Requests per response status.
    pub by_status: Mutex<HashMap<u16, u64>>,
}

impl Stats {
    fn snapshot(&self) -> Value {
        let by_route = self
            .by_route
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let by_status: HashMap<String, u64> = self
            .by_status
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        json!({
            "requests_total": self.requests_total.load(Ordering::Relaxed),
            "requests_by_route": by_route,
            "requests_by_status": by_status,
            "throttled_total": self.throttled_total.load(Ordering::Relaxed),
            "rate_limited_total": self.rate_limited_total.load(Ordering::Relaxed),
            "faults_injected_total": self.faults_injected_total.load(Ordering::Relaxed),
            "writes_total": self.writes_total.load(Ordering::Relaxed),
            "unauthorized_total": self.unauthorized_total.load(Ordering::Relaxed),
            "validated_total": self.validated_total.load(Ordering::Relaxed),
            "violations_total": self.violations_total.load(Ordering::Relaxed),
            "violations": self.violations.lock().unwrap_or_else(|e| e.into_inner()).clone(),
        })
    }

    fn reset(&self) {
        for counter in [
            &self.requests_total,
            &self.throttled_total,
            &self.rate_limited_total,
            &self.faults_injected_total,
            &self.writes_total,
            &self.unauthorized_total,
        ] {
            counter.store(0, Ordering::Relaxed);
        }
        self.by_route
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.by_status
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

impl AppState {
    /// Builds the state, indexing what `store` already holds (see [`crate::index`]). `keys` maps
    /// each accepted key to the uid of the project it is limited to, if any.
    pub fn new(
        store: Arc<dyn Store>,
        keys: HashMap<String, Option<String>>,
        settings: Settings,
        request_log: Option<File>,
    ) -> Result<Self, StoreError> {
        Ok(Self {
            inner: Arc::new(Inner {
                store: IndexedStore::new(store)?,
                write_lock: Mutex::new(()),
                keys,
                tenant_uid: crate::ids::stable_uid("tenant/emulator"),
                settings: RwLock::new(settings),
                faults: RwLock::new(Faults::default()),
                stats: Stats::default(),
                limiter: RateLimiter::default(),
                request_log: request_log.map(Mutex::new),
                packs: RwLock::new(None),
                packs_generation: AtomicU64::new(0),
            }),
        })
    }

    /// The store. Every write goes through here, which keeps [`AppState::index`] up to date.
    pub fn store(&self) -> &dyn Store {
        &self.inner.store
    }

    /// The same store, for the lookups its indexes answer without listing.
    pub fn index(&self) -> &IndexedStore {
        &self.inner.store
    }

    /// Every pack version visible now, oldest first: the seed's, and those of every registry
    /// whose sync has completed. Packs are read from the store once and kept until a registry
    /// route writes packs ([`AppState::invalidate_packs`]).
    pub fn packs(&self) -> Result<Arc<Vec<Record>>, StoreError> {
        let cached = self
            .inner
            .packs
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let cache = match cached {
            Some(cache) => cache,
            None => {
                let generation = self.inner.packs_generation.load(Ordering::SeqCst);
                let all = self.inner.store.list(Kind::Pack)?;
                let cache = PackCache {
                    latest_available_at: all.iter().map(available_at).max().unwrap_or(i64::MIN),
                    all: Arc::new(all),
                };
                let mut kept = self.inner.packs.write().unwrap_or_else(|e| e.into_inner());
                if self.inner.packs_generation.load(Ordering::SeqCst) == generation {
                    *kept = Some(cache.clone());
                }
                cache
            }
        };
        let now = crate::ids::now_ms();
        if now >= cache.latest_available_at {
            return Ok(cache.all);
        }
        Ok(Arc::new(
            cache
                .all
                .iter()
                .filter(|p| available_at(p) <= now)
                .cloned()
                .collect(),
        ))
    }

    /// Drops the kept packs, after a write of pack records.
    pub fn invalidate_packs(&self) {
        let mut kept = self.inner.packs.write().unwrap_or_else(|e| e.into_inner());
        self.inner.packs_generation.fetch_add(1, Ordering::SeqCst);
        *kept = None;
    }

    /// Serializes read-modify-write sequences. Never hold the guard across an `.await`.
    pub fn write_guard(&self) -> MutexGuard<'_, ()> {
        self.inner
            .write_lock
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// The project a key is limited to: `None` for an unknown key, `Some(None)` for a key
    /// without limit.
    pub fn key_limit(&self, key: &str) -> Option<Option<&str>> {
        self.inner.keys.get(key).map(|p| p.as_deref())
    }

    /// The uid of the (single) tenant.
    pub fn tenant_uid(&self) -> &str {
        &self.inner.tenant_uid
    }

    /// The current settings.
    pub fn settings(&self) -> Settings {
        *self
            .inner
            .settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// Replaces the settings.
    pub fn set_settings(&self, settings: Settings) {
        *self
            .inner
            .settings
            .write()
            .unwrap_or_else(|e| e.into_inner()) = settings;
    }

    /// The current faults.
    pub fn faults(&self) -> Faults {
        self.inner
            .faults
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Takes one scheduled fault (`throttle_next`, then `error_next`, then `reset_next`), if
    /// any; `can_reset` says whether this request's connection can be dropped.
    pub fn take_next_fault(&self, can_reset: bool) -> Option<NextFault> {
        {
            let faults = self.inner.faults.read().unwrap_or_else(|e| e.into_inner());
            if faults.throttle_next == 0
                && faults.error_next == 0
                && (faults.reset_next == 0 || !can_reset)
            {
                return None;
            }
        }
        let mut faults = self.inner.faults.write().unwrap_or_else(|e| e.into_inner());
        if faults.throttle_next > 0 {
            faults.throttle_next -= 1;
            Some(NextFault::Throttle)
        } else if faults.error_next > 0 {
            faults.error_next -= 1;
            Some(NextFault::Error)
        } else if faults.reset_next > 0 && can_reset {
            faults.reset_next -= 1;
            Some(NextFault::Reset)
        } else {
            None
        }
    }

    /// Replaces the faults.
    pub fn set_faults(&self, faults: Faults) {
        *self.inner.faults.write().unwrap_or_else(|e| e.into_inner()) = faults;
    }

    /// The counters.
    pub fn stats(&self) -> &Stats {
        &self.inner.stats
    }

    /// The counters as the JSON of `GET /__emulator/stats`.
    pub fn stats_json(&self) -> Value {
        self.inner.stats.snapshot()
    }

    /// Zeroes every counter.
    pub fn reset_stats(&self) {
        self.inner.stats.reset();
    }

    /// The rate limiter.
    pub fn limiter(&self) -> &RateLimiter {
        &self.inner.limiter
    }

    /// Appends one line to the request log, if there is one.
    pub fn log_request(&self, line: &Value) {
        if let Some(file) = &self.inner.request_log {
            use std::io::Write;
            let mut file = file.lock().unwrap_or_else(|e| e.into_inner());
            let _ = writeln!(file, "{line}");
        }
    }
}
