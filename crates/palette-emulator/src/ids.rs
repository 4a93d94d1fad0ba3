//! Identifiers and timestamps: random and stable 24-hex uids, RFC 3339 times.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

static COUNTER: AtomicU64 = AtomicU64::new(0);
static SEED: OnceLock<u64> = OnceLock::new();

/// Returns the next pseudo-random 64-bit number (splitmix64 over a shared counter).
pub fn next_u64() -> u64 {
    let seed = *SEED.get_or_init(|| {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(1);
        (nanos as u64) ^ (u64::from(std::process::id()) << 32)
    });
    let step = COUNTER.fetch_add(1, Ordering::Relaxed).wrapping_add(1);
    let mut z = seed.wrapping_add(step.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A uniformly distributed number in `[0, 1)`.
pub fn next_f64() -> f64 {
    (next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// A fresh uid: 24 lowercase hex digits, like the real API's.
pub fn new_uid() -> String {
    let a = next_u64();
    let b = next_u64();
    format!("{a:016x}{:08x}", b >> 32)
}

/// A uid derived from `key`, the same on every start (used for seeded objects).
pub fn stable_uid(key: &str) -> String {
    let h1 = fnv1a(key.as_bytes(), 0xcbf2_9ce4_8422_2325);
    let h2 = fnv1a(key.as_bytes(), 0x8422_2325_cbf2_9ce4);
    format!("{h1:016x}{:08x}", h2 >> 32)
}

fn fnv1a(bytes: &[u8], basis: u64) -> u64 {
    let mut hash = basis;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Whether `uid` has the shape of a Palette uid.
pub fn is_uid(uid: &str) -> bool {
    uid.len() == 24
        && uid
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Now, in milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Formats milliseconds since the epoch as RFC 3339 in UTC with millisecond precision.
pub fn rfc3339(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// The RFC 3339 form of now.
pub fn now_rfc3339() -> String {
    rfc3339(now_ms())
}

// Converts days since 1970-01-01 to a civil date (proleptic Gregorian calendar).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_have_the_palette_shape() {
        let a = new_uid();
        let b = new_uid();
        assert!(is_uid(&a), "{a}");
        assert_ne!(a, b);
        assert!(is_uid(&stable_uid("project/Default")));
        assert_eq!(stable_uid("x"), stable_uid("x"));
        assert_ne!(stable_uid("x"), stable_uid("y"));
    }

    #[test]
    fn formats_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_709_251_200_123), "2024-03-01T00:00:00.123Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }
}
