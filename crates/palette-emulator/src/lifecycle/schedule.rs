//! Scheduled runs (backups, compliance scans): when a five-field cron expression fires, on the
//! emulator's scaled clock.
//!
//! Nothing runs in the background. A policy is anchored at the real time it was set (`since`);
//! from there the emulated clock runs `1 / time_scale` times as fast, so at time scale 0.01 an
//! hourly schedule fires every 36 real seconds. A read computes the firings between the anchor
//! and now ([`runs`]) and reports each at the real time it happened; the same times give the
//! same runs, so reads are deterministic and cost a walk over the days in between.

/// A parsed cron expression: minute, hour, day of month, month, day of week (UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cron {
    minutes: u64,
    hours: u32,
    days: u32,
    months: u16,
    weekdays: u8,
    /// Day of month and day of week both restricted: either may match (as cron reads it).
    either_day: bool,
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const WEEKDAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// The values of one field as a bit set; `None` when it does not parse.
fn field(text: &str, min: u32, max: u32, names: &[&str]) -> Option<u64> {
    let value = |s: &str| -> Option<u32> {
        if let Some(i) = names.iter().position(|n| n.eq_ignore_ascii_case(s)) {
            return Some(i as u32 + min);
        }
        s.parse().ok()
    };
    let mut bits = 0u64;
    for part in text.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => (r, s.parse::<u32>().ok().filter(|s| *s > 0)?),
            None => (part, 1),
        };
        let (lo, hi) = match range {
            "*" | "?" => (min, max),
            r => match r.split_once('-') {
                Some((a, b)) => (value(a)?, value(b)?),
                None if part.contains('/') => (value(r)?, max),
                None => (value(r)?, value(r)?),
            },
        };
        // Day of week 7 is Sunday too.
        let (lo, hi) = if max == 7 { (lo, hi.min(7)) } else { (lo, hi) };
        if lo < min || hi > max || lo > hi {
            return None;
        }
        let mut v = lo;
        while v <= hi {
            bits |= 1 << v;
            v += step;
        }
    }
    Some(bits)
}

impl Cron {
    /// Parses a five-field expression; `None` when it does not parse.
    pub fn parse(text: &str) -> Option<Cron> {
        let f: Vec<&str> = text.split_whitespace().collect();
        if f.len() != 5 {
            return None;
        }
        let mut weekdays = field(f[4], 0, 7, &WEEKDAYS)?;
        if weekdays & (1 << 7) != 0 {
            weekdays |= 1;
        }
        Some(Cron {
            minutes: field(f[0], 0, 59, &[])?,
            hours: field(f[1], 0, 23, &[])? as u32,
            days: field(f[2], 1, 31, &[])? as u32,
            months: field(f[3], 1, 12, &MONTHS)? as u16,
            weekdays: (weekdays & 0x7f) as u8,
            either_day: !matches!(f[2], "*" | "?") && !matches!(f[4], "*" | "?"),
        })
    }

    fn day_matches(&self, days_since_epoch: i64) -> bool {
        let (_, month, day) = crate::ids::civil_from_days(days_since_epoch);
        if self.months & (1 << month) == 0 {
            return false;
        }
        // 1970-01-01 was a Thursday.
        let weekday = (days_since_epoch + 4).rem_euclid(7) as u32;
        let dom = self.days & (1 << day) != 0;
        let dow = self.weekdays & (1 << weekday) != 0;
        if self.either_day {
            dom || dow
        } else {
            dom && dow
        }
    }

    /// The minutes since the epoch at which this fires, in `(after, until]`, newest last, at
    /// most `max` of them (the newest), looking back at most 400 days from `until`.
    pub fn firings(&self, after: i64, until: i64, max: usize) -> Vec<i64> {
        let mut out = Vec::new();
        let last_day = until.div_euclid(1440);
        let first_day = after.div_euclid(1440).max(last_day - 400);
        let mut day = last_day;
        'days: while day >= first_day && out.len() < max {
            if self.day_matches(day) {
                for hour in (0..24).rev() {
                    if self.hours & (1 << hour) == 0 {
                        continue;
                    }
                    for minute in (0..60).rev() {
                        if self.minutes & (1 << minute) == 0 {
                            continue;
                        }
                        let at = day * 1440 + hour * 60 + minute;
                        if at > until {
                            continue;
                        }
                        if at <= after || out.len() >= max {
                            break 'days;
                        }
                        out.push(at);
                    }
                }
            }
            day -= 1;
        }
        out.reverse();
        out
    }
}

/// The real times (ms) at which `cron` fired between `since` (the real time the schedule was
/// set) and `now`, with the emulated clock running `1 / scale` times as fast; the newest `max`.
pub fn runs(cron: &Cron, since: i64, now: i64, scale: f64, max: usize) -> Vec<i64> {
    if now <= since {
        return Vec::new();
    }
    // A scale of 0 (instant) would make every firing ever due: cap the speed-up.
    let scale = scale.max(1e-6);
    let virtual_now = since + ((now - since) as f64 / scale) as i64;
    cron.firings(
        since.div_euclid(60_000),
        virtual_now.div_euclid(60_000),
        max,
    )
    .into_iter()
    .map(|minute| {
        let virtual_at = minute * 60_000;
        since + ((virtual_at - since) as f64 * scale).ceil() as i64
    })
    .filter(|at| *at <= now)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_palette_takes() {
        for ok in [
            "* * * * *",
            "0 1 * * *",
            "*/15 * * * MON-FRI",
            "0 0 1,15 * ?",
            "5 4 * JAN 7",
        ] {
            assert!(Cron::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "",
            "0 1 * *",
            "61 * * * *",
            "* 24 * * *",
            "* * 0 * *",
            "* * * * 8",
            "*/0 * * * *",
        ] {
            assert!(Cron::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn firings_follow_the_calendar() {
        // 2026-01-01 (a Thursday) 00:00 UTC, in minutes.
        let jan1 = 20_454 * 1440;
        let daily = Cron::parse("30 2 * * *").unwrap();
        let got = daily.firings(jan1, jan1 + 3 * 1440, 10);
        assert_eq!(got, vec![jan1 + 150, jan1 + 1440 + 150, jan1 + 2880 + 150]);
        let sundays = Cron::parse("0 0 * * SUN").unwrap();
        // The first Sunday of 2026 is January 4.
        assert_eq!(
            sundays.firings(jan1, jan1 + 7 * 1440, 10),
            vec![jan1 + 3 * 1440]
        );
        let every = Cron::parse("* * * * *").unwrap();
        assert_eq!(
            every.firings(jan1, jan1 + 100, 3),
            vec![jan1 + 98, jan1 + 99, jan1 + 100]
        );
    }

    #[test]
    fn runs_come_on_the_scaled_clock() {
        let every_minute = Cron::parse("* * * * *").unwrap();
        let since = 1_767_225_600_000; // 2026-01-01T00:00:00Z
        // At scale 0.01 a minute takes 600 ms: by 2 s in, three runs.
        let got = runs(&every_minute, since, since + 2_000, 0.01, 10);
        assert_eq!(got, vec![since + 600, since + 1_200, since + 1_800]);
        assert!(runs(&every_minute, since, since + 500, 0.01, 10).is_empty());
        assert_eq!(runs(&every_minute, since, since + 2_000, 0.01, 2).len(), 2);
    }
}
