//! When to retry a failed call and how long to wait first.
//!
//! Backoff is exponential with "equal jitter": attempt `n` waits a random duration in
//! `[b/2, b]`, where `b = min(initial * 2^n, max)`. A server's `Retry-After` (in seconds; not
//! documented for Palette) can lengthen a wait, up to a minute. Retries stop when a budget runs
//! out or when the next wait would end past the caller's deadline, whichever comes first.
//!
//! There are two budgets. A 429 means the server refused the request without processing it and
//! asks the caller to come back later; it is not a sign that anything is wrong, so it has its own,
//! larger budget (`max_throttled`) and does not use up `max_retries`, which counts the failures
//! that are: 5xx, timeouts, broken connections. Counting both against one budget let a busy but
//! healthy server fail a plan: with a fifth of the requests throttled and a fifth failing, ten
//! misses in a row came once in a few thousand requests (RELIABILITY.md, bug 17).
//!
//! What is retried: 429 always (the request was refused, not processed); connection failures
//! that happened before the request was sent; and, for idempotent requests only, 502/503/504,
//! 500, timeouts and connections broken after sending. A non-idempotent POST that fails in a way
//! that may have committed is left to [`crate::Client::create_with_lookup`], which looks the
//! object up before posting again.

use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use crate::error::Error;

/// How many times and how patiently to retry.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Retries after failures other than 429 (0 disables them).
    pub max_retries: u32,
    /// Retries after 429 responses, counted apart from `max_retries` (0 disables them).
    pub max_throttled: u32,
    /// The first backoff's upper bound.
    pub initial_backoff: Duration,
    /// No backoff is longer than this.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// Ten retries after failures and thirty after 429s, waits starting at 250 ms and capped at
    /// 8 s: about a minute of patience for a failing server, a few minutes for a busy one.
    fn default() -> Self {
        RetryPolicy {
            max_retries: 10,
            max_throttled: 30,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            max_throttled: 0,
            ..RetryPolicy::default()
        }
    }

    /// Whether a failure that `is_retryable` allows may be retried, given the retries spent so
    /// far on 429s (`throttled`) and on other failures (`failed`).
    pub fn allows(&self, err: &Error, throttled: u32, failed: u32) -> bool {
        if matches!(err, Error::RateLimited { .. }) {
            throttled < self.max_throttled
        } else {
            failed < self.max_retries
        }
    }

    /// The upper bound of the wait before retry number `retry` (0-based).
    pub fn ceiling(&self, retry: u32) -> Duration {
        let factor = 1u32.checked_shl(retry.min(31)).unwrap_or(u32::MAX);
        self.initial_backoff
            .checked_mul(factor)
            .unwrap_or(self.max_backoff)
            .min(self.max_backoff)
    }

    /// The wait before retry number `retry`, with jitter drawn from `unit` (in `[0, 1)`).
    pub fn backoff_with(&self, retry: u32, unit: f64) -> Duration {
        let ceiling = self.ceiling(retry);
        let half = ceiling / 2;
        half + (ceiling - half).mul_f64(unit.clamp(0.0, 1.0))
    }

    /// The wait before retry number `retry`, with fresh jitter.
    pub fn backoff(&self, retry: u32) -> Duration {
        self.backoff_with(retry, jitter_unit())
    }
}

/// Whether a failed attempt should be retried, given whether the request is idempotent.
pub fn is_retryable(err: &Error, idempotent: bool) -> bool {
    match err {
        Error::RateLimited { .. } => true,
        Error::Transport(t) => !t.request_sent || idempotent,
        Error::Timeout { .. } => idempotent,
        Error::Api { status, .. } => idempotent && matches!(status, 500 | 502 | 503 | 504),
        _ => false,
    }
}

thread_local! {
    static JITTER_STATE: Cell<u64> = Cell::new(seed());
}

/// A per-thread random seed from the standard library's randomly keyed hasher.
fn seed() -> u64 {
    let mut h = RandomState::new().build_hasher();
    h.write_u64(0x9e37_79b9_7f4a_7c15);
    h.finish() | 1
}

/// A pseudo-random number in `[0, 1)` (xorshift64*; plenty for jitter, never for secrets).
pub(crate) fn jitter_unit() -> f64 {
    JITTER_STATE.with(|state| {
        let mut x = state.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state.set(x);
        let r = x.wrapping_mul(0x2545_f491_4f6c_dd1d);
        (r >> 11) as f64 / (1u64 << 53) as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::TransportError;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_retries: 5,
            max_throttled: 5,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(2),
        }
    }

    #[test]
    fn ceilings_double_then_cap() {
        let p = policy();
        let got: Vec<u128> = (0..6).map(|n| p.ceiling(n).as_millis()).collect();
        assert_eq!(got, vec![250, 500, 1000, 2000, 2000, 2000]);
        assert_eq!(p.ceiling(200), Duration::from_secs(2));
    }

    #[test]
    fn jittered_backoff_stays_within_half_and_full_ceiling() {
        let p = policy();
        assert_eq!(p.backoff_with(1, 0.0), Duration::from_millis(250));
        assert_eq!(p.backoff_with(1, 1.0), Duration::from_millis(500));
        for retry in 0..8 {
            for _ in 0..200 {
                let b = p.backoff(retry);
                let c = p.ceiling(retry);
                assert!(
                    b >= c / 2 && b <= c,
                    "retry {retry}: {b:?} outside [{:?}, {c:?}]",
                    c / 2
                );
            }
        }
    }

    #[test]
    fn jitter_varies() {
        let draws: Vec<f64> = (0..64).map(|_| jitter_unit()).collect();
        assert!(draws.iter().all(|d| (0.0..1.0).contains(d)));
        let first = draws[0];
        assert!(draws.iter().any(|d| (d - first).abs() > 1e-9));
    }

    #[test]
    fn retry_decisions() {
        let api = |status| Error::Api {
            status,
            code: String::new(),
            message: String::new(),
            ref_: None,
            details: None,
            method: "GET".into(),
            path: "/v1/x".into(),
        };
        let sent = Error::Transport(TransportError {
            message: "reset".into(),
            request_sent: true,
        });
        let refused = Error::Transport(TransportError {
            message: "refused".into(),
            request_sent: false,
        });
        let timeout = Error::Timeout {
            method: "GET".into(),
            path: "/v1/x".into(),
        };
        let limited = Error::RateLimited {
            method: "POST".into(),
            path: "/v1/x".into(),
        };
        let cases: Vec<(&str, Error, bool, bool)> = vec![
            ("429 idempotent", limited.clone(), true, true),
            ("429 post", limited, false, true),
            ("503 get", api(503), true, true),
            ("503 post", api(503), false, false),
            ("502 get", api(502), true, true),
            ("504 get", api(504), true, true),
            ("500 get", api(500), true, true),
            ("500 post", api(500), false, false),
            ("501 get", api(501), true, false),
            ("400 get", api(400), true, false),
            ("409 post", api(409), false, false),
            ("reset get", sent.clone(), true, true),
            ("reset post", sent, false, false),
            ("refused post", refused, false, true),
            ("timeout get", timeout.clone(), true, true),
            ("timeout post", timeout, false, false),
        ];
        for (name, err, idempotent, want) in cases {
            assert_eq!(is_retryable(&err, idempotent), want, "case {name}");
        }
    }

    #[test]
    fn throttling_and_failures_spend_separate_budgets() {
        let p = RetryPolicy {
            max_retries: 2,
            max_throttled: 4,
            ..policy()
        };
        let limited = Error::RateLimited {
            method: "GET".into(),
            path: "/v1/x".into(),
        };
        let timeout = Error::Timeout {
            method: "GET".into(),
            path: "/v1/x".into(),
        };
        // (throttled so far, failed so far) -> (429 allowed, timeout allowed)
        let cases = [
            ((0, 0), (true, true)),
            ((3, 1), (true, true)),
            ((4, 1), (false, true)),
            ((3, 2), (true, false)),
            ((9, 0), (false, true)),
            ((0, 9), (true, false)),
        ];
        for ((throttled, failed), (want_429, want_timeout)) in cases {
            assert_eq!(
                p.allows(&limited, throttled, failed),
                want_429,
                "429 after {throttled} throttled, {failed} failed"
            );
            assert_eq!(
                p.allows(&timeout, throttled, failed),
                want_timeout,
                "timeout after {throttled} throttled, {failed} failed"
            );
        }
        assert!(!RetryPolicy::none().allows(&limited, 0, 0));
        assert!(!RetryPolicy::none().allows(&timeout, 0, 0));
    }
}
