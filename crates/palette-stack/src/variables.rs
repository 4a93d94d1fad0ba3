//! Profile variables: whether a value fits the variable's format and regex, as Palette checks
//! a variable's default when the profile is saved.

/// Whether `text` is a value of format `format` (`string` and unknown formats take anything).
pub fn fits_format(text: &str, format: &str) -> bool {
    match format {
        "number" => text.parse::<f64>().is_ok_and(f64::is_finite),
        "boolean" => matches!(text, "true" | "false"),
        "ipv4" => text.parse::<std::net::Ipv4Addr>().is_ok(),
        "ipv4cidr" => text.split_once('/').is_some_and(|(ip, bits)| {
            ip.parse::<std::net::Ipv4Addr>().is_ok() && bits.parse::<u8>().is_ok_and(|b| b <= 32)
        }),
        "ipv6" => text.parse::<std::net::Ipv6Addr>().is_ok(),
        "version" => is_version(text),
        "base64" => is_base64(text),
        _ => true,
    }
}

/// The regex a variable declares, anchored as Palette applies it (the whole value must match);
/// the compiler's message when it does not compile.
pub fn anchored_regex(pattern: &str) -> Result<regex::Regex, String> {
    regex::Regex::new(&format!("^(?:{pattern})$")).map_err(|err| err.to_string())
}

/// The names of the profile variables `text` uses (`{{ .spectro.var.NAME }}`), once each, in
/// order of first use.
pub fn references(text: &str) -> Vec<&str> {
    const MARK: &str = ".spectro.var.";
    let mut out: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        rest = &rest[at + MARK.len()..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        let name = &rest[..len];
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// A semantic version, with an optional `v`, pre-release and build: `1.2.3`, `v1.2.3-rc.1`.
fn is_version(text: &str) -> bool {
    let text = text.strip_prefix('v').unwrap_or(text);
    let core = text.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Standard base64 with padding.
fn is_base64(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    text.len().is_multiple_of(4)
        && text.len() - body.len() <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fit_their_format() {
        assert!(fits_format("3.5", "number"));
        assert!(!fits_format("three", "number"));
        assert!(fits_format("false", "boolean"));
        assert!(!fits_format("no", "boolean"));
        assert!(fits_format("10.0.0.1", "ipv4"));
        assert!(fits_format("10.0.0.0/16", "ipv4cidr"));
        assert!(!fits_format("10.0.0.0/33", "ipv4cidr"));
        assert!(fits_format("fd00::1", "ipv6"));
        assert!(fits_format("v1.2.3-rc.1", "version"));
        assert!(!fits_format("1.2", "version"));
        assert!(fits_format("aGVsbG8=", "base64"));
        assert!(!fits_format("hello!", "base64"));
        assert!(fits_format("anything", "string"));
    }

    #[test]
    fn references_are_found_once_each() {
        let text =
            "a: {{ .spectro.var.host }}\nb: \"{{.spectro.var.port}}\"\nc: {{ .spectro.var.host }}";
        assert_eq!(references(text), ["host", "port"]);
        assert!(references("a: {{ .spectro.system.cluster.name }}").is_empty());
    }

    #[test]
    fn regexes_match_the_whole_value() {
        let re = anchored_regex("[a-z]+").unwrap();
        assert!(re.is_match("abc"));
        assert!(!re.is_match("abc1"));
        assert!(anchored_regex("([").is_err());
    }
}
