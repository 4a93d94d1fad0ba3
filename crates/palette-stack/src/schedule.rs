//! The forms of a cluster's day-2 settings: a cron schedule, an RFC 3339 time, an IANA time
//! zone name.

/// Checks a five-field cron expression (minute, hour, day of month, month, day of week), each
/// field a `*`, numbers or names, lists (`,`), ranges (`-`) and steps (`/`).
pub fn check_cron(text: &str) -> Result<(), String> {
    let fields: Vec<&str> = text.split_whitespace().collect();
    if fields.len() != 5 {
        return Err(format!(
            "a cron schedule has five fields (minute hour day-of-month month day-of-week), this one has {}",
            fields.len()
        ));
    }
    for field in fields {
        let ok = field.split(',').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "*-/?".contains(c))
        });
        if !ok {
            return Err(format!("{field:?} is not a cron field"));
        }
    }
    Ok(())
}

/// Checks an RFC 3339 time such as `2026-12-31T23:00:00Z` or `2026-12-31T23:00:00+01:00`.
pub fn check_rfc3339(text: &str) -> Result<(), String> {
    let bad = || format!("{text:?} is not an RFC 3339 time such as 2026-12-31T23:00:00Z");
    let (date, rest) = text.split_once(['T', 't']).ok_or_else(bad)?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = date.split('-').collect();
    if parts.len() != 3 || !digits(parts[0], 4) || !digits(parts[1], 2) || !digits(parts[2], 2) {
        return Err(bad());
    }
    let (month, day): (u32, u32) = (parts[1].parse().unwrap_or(0), parts[2].parse().unwrap_or(0));
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(bad());
    }
    let (clock, offset) = match rest.find(['Z', 'z', '+', '-']) {
        Some(at) => rest.split_at(at),
        None => return Err(bad()),
    };
    let clock = clock.split_once('.').map_or(clock, |(whole, fraction)| {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            ""
        } else {
            whole
        }
    });
    let hms: Vec<&str> = clock.split(':').collect();
    let in_range = |s: &str, max: u32| digits(s, 2) && s.parse::<u32>().is_ok_and(|v| v <= max);
    if hms.len() != 3 || !in_range(hms[0], 23) || !in_range(hms[1], 59) || !in_range(hms[2], 60) {
        return Err(bad());
    }
    let offset_ok = matches!(offset, "Z" | "z")
        || (offset.len() == 6
            && offset[1..]
                .split_once(':')
                .is_some_and(|(h, m)| in_range(h, 23) && in_range(m, 59)));
    if !offset_ok {
        return Err(bad());
    }
    Ok(())
}

/// The IANA areas a zone name starts with.
const AREAS: &[&str] = &[
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
    "Etc",
];

/// Checks an IANA time zone name: `UTC`, or `Area/Location` such as `America/New_York`.
pub fn check_timezone(text: &str) -> Result<(), String> {
    let valid = text == "UTC"
        || text.split_once('/').is_some_and(|(area, rest)| {
            AREAS.contains(&area)
                && rest.split('/').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c))
                })
        });
    if valid {
        Ok(())
    } else {
        Err(format!(
            "{text:?} is not an IANA time zone name such as UTC, Europe/Paris or America/New_York"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cron() {
        for ok in ["0 2 * * *", "*/15 * * * MON-FRI", "0 0 1,15 * ?"] {
            assert!(check_cron(ok).is_ok(), "{ok}");
        }
        for bad in ["", "0 2 * *", "0 2 * * * *", "0 2 * * $", "0 2 ,, * *"] {
            assert!(check_cron(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rfc3339() {
        for ok in [
            "2026-12-31T23:00:00Z",
            "2026-12-31T23:00:00.123Z",
            "2026-01-01T00:00:00+01:00",
            "2026-01-01T00:00:00-05:30",
        ] {
            assert!(check_rfc3339(ok).is_ok(), "{ok}");
        }
        for bad in [
            "2026-12-31",
            "2026-13-01T00:00:00Z",
            "2026-12-31T24:00:00Z",
            "2026-12-31T23:00:00",
            "2026-12-31 23:00:00Z",
            "2026-12-31T23:00:00.Z",
            "tomorrow",
        ] {
            assert!(check_rfc3339(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn timezone() {
        for ok in [
            "UTC",
            "Europe/Paris",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
        ] {
            assert!(check_timezone(ok).is_ok(), "{ok}");
        }
        for bad in ["", "Paris", "Mars/Olympus", "Europe/", "Europe/Par is"] {
            assert!(check_timezone(bad).is_err(), "{bad}");
        }
    }
}
