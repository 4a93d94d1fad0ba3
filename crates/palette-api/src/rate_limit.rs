//! A client-side rate limiter shaped like the API's documented limits, so large plans do not
//! trip 429.
//!
//! Palette counts requests per source IP and per parent resource prefix: 10 req/s by default and
//! 50 req/s on the heavy prefixes (`spectroclusters`, `clusterprofiles`, `cloudconfigs`,
//! `events/components`; `spectroclusters/{uid}/assets` stays at 10/s). This module keeps one
//! token bucket per prefix. Waiters queue on the bucket's async mutex, which is FIFO, and sleep
//! until their token is due: no busy-waiting, and first come, first served.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::time::{Duration, Instant};

/// Rates per bucket. The burst is kept below the server's (5) so that requests the client spaced
/// out but the network bunched up still fit the server's bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimits {
    /// Requests per second for ordinary prefixes.
    pub default_per_sec: f64,
    /// Requests per second for the heavy prefixes.
    pub heavy_per_sec: f64,
    /// Requests allowed back to back before pacing starts.
    pub burst: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            default_per_sec: 10.0,
            heavy_per_sec: 50.0,
            burst: 3,
        }
    }
}

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
    fn new(per_sec: f64, burst: u32) -> Self {
        let capacity = f64::from(burst.max(1));
        Bucket {
            per_sec: per_sec.max(0.001),
            capacity,
            tokens: capacity,
            updated: Instant::now(),
        }
    }

    /// Takes a token, returning how long the caller must wait before using it.
    fn take(&mut self, now: Instant) -> Duration {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
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

/// Token buckets keyed by resource prefix, shared by every clone of a client.
#[derive(Debug)]
pub struct RateLimiter {
    limits: RateLimits,
    buckets: Mutex<HashMap<String, Arc<tokio::sync::Mutex<Bucket>>>>,
}

impl RateLimiter {
    /// A limiter with the given rates.
    pub fn new(limits: RateLimits) -> Self {
        RateLimiter {
            limits,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Waits until a request to `path` may be sent.
    pub async fn acquire(&self, path: &str) {
        let (key, heavy) = bucket_for(path);
        let bucket = {
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
                    Arc::new(tokio::sync::Mutex::new(Bucket::new(
                        rate,
                        self.limits.burst,
                    )))
                })
                .clone()
        };
        // Holding the (FIFO) lock while sleeping keeps later callers queued behind this one.
        let mut guard = bucket.lock().await;
        let wait = guard.take(Instant::now());
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
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
        let start = Instant::now();
        for _ in 0..2 {
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
        // The heavy bucket is separate and five times faster.
        let heavy_start = Instant::now();
        for _ in 0..12 {
            limiter.acquire("/v1/spectroclusters/x").await;
        }
        let heavy = heavy_start.elapsed();
        assert!(
            heavy >= Duration::from_millis(199) && heavy <= Duration::from_millis(210),
            "ten paced requests at 50/s took {heavy:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn idle_time_refills_only_up_to_the_burst() {
        let limiter = RateLimiter::new(RateLimits {
            default_per_sec: 10.0,
            heavy_per_sec: 50.0,
            burst: 3,
        });
        tokio::time::sleep(Duration::from_secs(60)).await;
        let start = Instant::now();
        for _ in 0..4 {
            limiter.acquire("/v1/registries/metadata").await;
        }
        let elapsed = start.elapsed();
        assert!(
            elapsed >= Duration::from_millis(99) && elapsed <= Duration::from_millis(105),
            "fourth request after a long idle should wait one interval, took {elapsed:?}"
        );
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
