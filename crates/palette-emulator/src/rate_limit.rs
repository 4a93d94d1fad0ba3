//! The documented rate limits: a token bucket per source IP and resource prefix.
//!
//! Palette counts requests per source IP and per parent resource prefix (`/v1/clusterprofiles`
//! and `/v1/clusterprofiles/macros` share a bucket). The default is 10 requests per second;
//! the heavy prefixes (`spectroclusters`, `clusterprofiles`, `cloudconfigs`,
//! `events/components`) allow 50 per second; cluster assets stay at 10. Each bucket holds
//! five seconds' worth of tokens, the documented "max with burst".

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// Seconds of refill a full bucket holds.
const BURST_SECONDS: f64 = 5.0;

/// Token buckets keyed by source IP and prefix.
#[derive(Debug, Default)]
pub struct RateLimiter {
    buckets: Mutex<HashMap<(IpAddr, &'static str), Bucket>>,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// The bucket a path counts against and its rate in requests per second.
pub fn classify(path: &str) -> (&'static str, f64) {
    let mut parts = path.trim_start_matches('/').split('/');
    let _v1 = parts.next();
    let first = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    let third = parts.next().unwrap_or("");
    match first {
        "spectroclusters" if third == "assets" => ("spectroclusters/assets", 10.0),
        "spectroclusters" => ("spectroclusters", 50.0),
        "clusterprofiles" => ("clusterprofiles", 50.0),
        "cloudconfigs" => ("cloudconfigs", 50.0),
        "events" if second == "components" => ("events/components", 50.0),
        "events" => ("events", 10.0),
        "packs" => ("packs", 10.0),
        "registries" => ("registries", 10.0),
        "cloudaccounts" => ("cloudaccounts", 10.0),
        "edgehosts" => ("edgehosts", 10.0),
        "projects" => ("projects", 10.0),
        "users" => ("users", 10.0),
        "dashboard" => match second {
            "spectroclusters" => ("dashboard/spectroclusters", 10.0),
            "clusterprofiles" => ("dashboard/clusterprofiles", 10.0),
            "projects" => ("dashboard/projects", 10.0),
            _ => ("dashboard", 10.0),
        },
        _ => ("other", 10.0),
    }
}

impl RateLimiter {
    /// Takes one token for a request from `ip` to `path`; `false` means over the limit.
    pub fn admit(&self, ip: IpAddr, path: &str) -> bool {
        let (prefix, rate) = classify(path);
        let now = Instant::now();
        let capacity = rate * BURST_SECONDS;
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let bucket = buckets.entry((ip, prefix)).or_insert(Bucket {
            tokens: capacity,
            last: now,
        });
        let elapsed = now.duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(capacity);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Forgets every bucket.
    pub fn clear(&self) {
        self.buckets
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_prefixes() {
        let cases = [
            ("/v1/clusterprofiles/abc/packs", "clusterprofiles", 50.0),
            (
                "/v1/spectroclusters/abc/assets/kubeconfig",
                "spectroclusters/assets",
                10.0,
            ),
            ("/v1/spectroclusters/aws", "spectroclusters", 50.0),
            ("/v1/packs/search", "packs", 10.0),
            (
                "/v1/dashboard/spectroclusters/search",
                "dashboard/spectroclusters",
                10.0,
            ),
            (
                "/v1/events/components/spectrocluster/x",
                "events/components",
                50.0,
            ),
        ];
        for (path, prefix, rate) in cases {
            assert_eq!(classify(path), (prefix, rate), "{path}");
        }
    }

    #[test]
    fn refuses_past_the_burst() {
        let limiter = RateLimiter::default();
        let ip = IpAddr::from([127, 0, 0, 1]);
        let admitted = (0..200).filter(|_| limiter.admit(ip, "/v1/packs")).count();
        assert!((50..=52).contains(&admitted), "admitted {admitted}");
        assert!(limiter.admit(IpAddr::from([127, 0, 0, 2]), "/v1/packs"));
        assert!(limiter.admit(ip, "/v1/registries/metadata"));
    }
}
