//! A client-side rate limiter shaped like the API's documented limits, so large plans do not
//! trip 429.
//!
//! Palette counts requests per source IP and per parent resource prefix: 10 req/s by default and
//! 50 req/s on the heavy prefixes (`spectroclusters`, `clusterprofiles`, `cloudconfigs`,
//! `events/components`; `spectroclusters/{uid}/assets` stays at 10/s), each with a burst of five
//! seconds of tokens. This module keeps one token bucket per prefix. A fresh bucket holds most of
//! the server's burst, so a new process (every Terraform command starts one) sends its first
//! requests at once instead of pacing from the first; after the server refuses one request
//! (429) the bucket keeps only a small burst for the rest of the process, since something else
//! is spending the same server-side tokens. Waiters queue on the bucket's async mutex, which is
//! FIFO, and sleep until their token is due: no busy-waiting, and first come, first served.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::time::{Duration, Instant};

/// Rates and burst per bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimits {
    /// Requests per second for ordinary prefixes.
    pub default_per_sec: f64,
    /// Requests per second for the heavy prefixes.
    pub heavy_per_sec: f64,
    /// Seconds of tokens a bucket holds until the server refuses a request: a bucket at rate r
    /// sends `burst × r` requests back to back (at least one) before pacing starts. The server's
    /// documented burst is five seconds; the default, four, keeps one second of the server's
    /// tokens for requests the client spaced out but the network bunched up.
    pub burst: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            default_per_sec: 10.0,
            heavy_per_sec: 50.0,
            burst: 4,
        }
    }
}

/// The burst (requests) a bucket keeps after the server refused a request on it.
const THROTTLED_BURST: f64 = 3.0;

/// The bucket a request path counts against, and whether it is a heavy one.
pub fn bucket_for(path: &str) -> (String, bool) {
    let rest = path
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_start_matches('/');
    let rest = rest.strip_prefix("v1/").unwrap_or(rest);
    let segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    let first = segs.first().copied().unwrap_or_default();
    let second = segs.get(1).copied().unwrap_or_default();
    match first {
        "spectroclusters" if segs.get(2) == Some(&"assets") => {
            ("spectroclusters/assets".to_owned(), false)
        }
        "spectroclusters" | "clusterprofiles" | "cloudconfigs" => (first.to_owned(), true),
        "events" if second == "components" => ("events/components".to_owned(), true),
        "dashboard" | "events" => (format!("{first}/{second}"), false),
        _ => (first.to_owned(), false),
    }
}

/// One token bucket.
#[derive(Debug)]
struct Bucket {
    per_sec: f64,
    capacity: f64,
    tokens: f64,
    updated: Instant,
}

impl Bucket {
    fn new(per_sec: f64, burst_secs: u32) -> Self {
        let per_sec = per_sec.max(0.001);
        let capacity = (f64::from(burst_secs) * per_sec).floor().max(1.0);
        Bucket {
            per_sec,
            capacity,
            tokens: capacity,
            updated: Instant::now(),
        }
    }

    /// Takes a token, returning how long the caller must wait before using it. `throttled`
    /// says the server refused a request on this bucket since the last take: the burst shrinks
    /// and the tokens left are dropped.
    fn take(&mut self, now: Instant, throttled: bool) -> Duration {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
        if throttled {
            self.capacity = self.capacity.min(THROTTLED_BURST);
            self.tokens = self.tokens.min(0.0);
        }
        self.tokens = (self.tokens + elapsed * self.per_sec).min(self.capacity);
        self.updated = now;
        self.tokens -= 1.0;
        if self.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-self.tokens / self.per_sec)
        }
    }
}

/// One prefix's bucket and whether the server refused a request on it since the last take.
#[derive(Debug)]
struct Entry {
    bucket: tokio::sync::Mutex<Bucket>,
    throttled: AtomicBool,
}

/// Token buckets keyed by resource prefix, shared by every clone of a client.
#[derive(Debug)]
pub struct RateLimiter {
    limits: RateLimits,
    buckets: Mutex<HashMap<String, Arc<Entry>>>,
}

impl RateLimiter {
    /// A limiter with the given rates.
    pub fn new(limits: RateLimits) -> Self {
        RateLimiter {
            limits,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// The bucket of `path`, made on first use.
    fn entry(&self, path: &str) -> Arc<Entry> {
        let (key, heavy) = bucket_for(path);
        let mut map = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.entry(key)
            .or_insert_with(|| {
                let rate = if heavy {
                    self.limits.heavy_per_sec
                } else {
                    self.limits.default_per_sec
                };
                Arc::new(Entry {
                    bucket: tokio::sync::Mutex::new(Bucket::new(rate, self.limits.burst)),
                    throttled: AtomicBool::new(false),
                })
            })
            .clone()
    }

    /// Waits until a request to `path` may be sent.
    pub async fn acquire(&self, path: &str) {
        let entry = self.entry(path);
        // Holding the (FIFO) lock while sleeping keeps later callers queued behind this one.
        let mut guard = entry.bucket.lock().await;
        let throttled = entry.throttled.swap(false, Ordering::AcqRel);
        let wait = guard.take(Instant::now(), throttled);
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }

    /// Records that the server refused a request to `path` (429): from the next request on,
    /// its bucket keeps only a small burst.
    pub fn throttled(&self, path: &str) {
        self.entry(path).throttled.store(true, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_documented_buckets() {
        let cases = [
            ("/v1/clusterprofiles", "clusterprofiles", true),
            ("/v1/clusterprofiles/macros", "clusterprofiles", true),
            (
                "/v1/clusterprofiles/abc/packs/x/manifests",
                "clusterprofiles",
                true,
            ),
            ("/v1/spectroclusters/aws", "spectroclusters", true),
            ("/v1/spectroclusters/abc/profiles", "spectroclusters", true),
            (
                "/v1/spectroclusters/abc/assets/kubeconfigclient",
                "spectroclusters/assets",
                false,
            ),
            ("/v1/cloudconfigs/aws/u/machinePools", "cloudconfigs", true),
            (
                "/v1/events/components/spectrocluster/u",
                "events/components",
                true,
            ),
            ("/v1/packs?limit=50", "packs", false),
            (
                "/v1/dashboard/projects/metadata",
                "dashboard/projects",
                false,
            ),
            (
                "/v1/dashboard/spectroclusters/search",
                "dashboard/spectroclusters",
                false,
            ),
            ("/v1/cloudaccounts/aws/u", "cloudaccounts", false),
        ];
        for (path, key, heavy) in cases {
            assert_eq!(bucket_for(path), (key.to_owned(), heavy), "{path}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn paces_to_the_rate_after_the_burst() {
        let limiter = RateLimiter::new(RateLimits {
            default_per_sec: 10.0,
            heavy_per_sec: 50.0,
            burst: 2,
        });
        // Two seconds of tokens at 10/s: twenty requests at once.
        let start = Instant::now();
        for _ in 0..20 {
            limiter.acquire("/v1/packs").await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO, "the burst is immediate");
        for _ in 0..10 {
            limiter.acquire("/v1/packs").await;
        }
        let elapsed = start.elapsed();
        assert!(
            elapsed >= Duration::from_millis(999) && elapsed <= Duration::from_millis(1010),
            "ten paced requests at 10/s took {elapsed:?}"
        );
        // The heavy bucket is separate, five times faster and holds five times the tokens.
        let heavy_start = Instant::now();
        for _ in 0..100 {
            limiter.acquire("/v1/spectroclusters/x").await;
        }
        assert_eq!(
            heavy_start.elapsed(),
            Duration::ZERO,
            "the heavy burst is 100"
        );
        for _ in 0..10 {
            limiter.acquire("/v1/spectroclusters/x").await;
        }
        let heavy = heavy_start.elapsed();
        assert!(
            heavy >= Duration::from_millis(199) && heavy <= Duration::from_millis(210),
            "ten paced requests at 50/s took {heavy:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn the_default_burst_stays_under_the_servers() {
        let limits = RateLimits::default();
        // The server allows five seconds of tokens; the client uses at most four of them.
        assert!(limits.burst >= 1 && limits.burst < 5, "{limits:?}");
        let limiter = RateLimiter::new(limits);
        let start = Instant::now();
        for _ in 0..200 {
            limiter.acquire("/v1/clusterprofiles/x").await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO, "a fresh process bursts");
        limiter.acquire("/v1/clusterprofiles/x").await;
        assert_eq!(
            start.elapsed(),
            Duration::from_millis(20),
            "then paces at 50/s"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn idle_time_refills_only_up_to_the_burst() {
        let limiter = RateLimiter::new(RateLimits {
            default_per_sec: 10.0,
            heavy_per_sec: 50.0,
            burst: 1,
        });
        tokio::time::sleep(Duration::from_secs(60)).await;
        let start = Instant::now();
        for _ in 0..11 {
            limiter.acquire("/v1/registries/metadata").await;
        }
        let elapsed = start.elapsed();
        assert!(
            elapsed >= Duration::from_millis(99) && elapsed <= Duration::from_millis(105),
            "the eleventh request after a long idle should wait one interval, took {elapsed:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_shrinks_the_burst_of_its_bucket_only() {
        let limiter = RateLimiter::new(RateLimits {
            default_per_sec: 10.0,
            heavy_per_sec: 50.0,
            burst: 4,
        });
        limiter.acquire("/v1/packs").await;
        limiter.acquire("/v1/registries").await;
        limiter.throttled("/v1/packs?limit=50");
        // The tokens left are dropped: the next request waits one interval.
        let start = Instant::now();
        limiter.acquire("/v1/packs").await;
        assert_eq!(start.elapsed(), Duration::from_millis(100));
        // After a long idle the bucket refills to the small burst only.
        tokio::time::sleep(Duration::from_secs(60)).await;
        let start = Instant::now();
        for _ in 0..4 {
            limiter.acquire("/v1/packs").await;
        }
        assert_eq!(
            start.elapsed(),
            Duration::from_millis(100),
            "three at once, then paced"
        );
        // Another bucket keeps its full burst.
        let start = Instant::now();
        for _ in 0..39 {
            limiter.acquire("/v1/registries").await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn waiters_are_served_in_arrival_order() {
        let limiter = Arc::new(RateLimiter::new(RateLimits {
            default_per_sec: 10.0,
            heavy_per_sec: 50.0,
            burst: 1,
        }));
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut tasks = Vec::new();
        for i in 0..6 {
            let limiter = limiter.clone();
            let order = order.clone();
            tasks.push(tokio::spawn(async move {
                limiter.acquire("/v1/packs").await;
                order.lock().expect("not poisoned").push(i);
            }));
            // Let each task reach the queue before spawning the next one.
            tokio::task::yield_now().await;
        }
        for t in tasks {
            t.await.expect("task ran");
        }
        assert_eq!(*order.lock().expect("not poisoned"), vec![0, 1, 2, 3, 4, 5]);
    }
}
