//! OpenSSH public keys as Palette stores them: one line of `TYPE BASE64 [COMMENT]`.
//!
//! [`check_public_key`] is the form checked at plan; [`canonical_public_key`] is the text two
//! keys are compared by (and the text sent), so the newline `file()` reads, a Windows line end
//! or doubled spaces between the fields never show as a change. The comment is part of the key
//! as stored, so a different comment is a change.
//!
//! Messages never repeat the text given: a private key pasted by mistake must not reach the
//! logs through a diagnostic.

/// The key types Palette takes.
pub const KEY_TYPES: &[&str] = &[
    "ssh-rsa",
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
];

/// The fields of a public key line: type, key, and the comment (empty when there is none).
fn fields(text: &str) -> (&str, &str, &str) {
    let text = text.trim();
    let (kind, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let rest = rest.trim_start();
    let (key, comment) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    (kind, key, comment.trim())
}

/// The canonical text of a public key line: its fields joined by one space, without surrounding
/// white space (white space inside the comment is kept).
pub fn canonical_public_key(text: &str) -> String {
    let (kind, key, comment) = fields(text);
    [kind, key, comment]
        .into_iter()
        .filter(|f| !f.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two texts are the same public key line (see [`canonical_public_key`]).
pub fn same_public_key(a: &str, b: &str) -> bool {
    canonical_public_key(a) == canonical_public_key(b)
}

/// Checks that `text` is one OpenSSH public key line (surrounding white space allowed): a type
/// of [`KEY_TYPES`], then the key in base64, whose blob names that same type, then an optional
/// comment.
///
/// # Errors
///
/// A sentence fragment saying what is wrong, without quoting the text.
pub fn check_public_key(text: &str) -> Result<(), String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("the public key is empty".to_owned());
    }
    if trimmed.contains("PRIVATE KEY") {
        return Err(
            "this is a private key; give the public key (the `.pub` file, one line starting \
             with its type, such as ssh-ed25519)"
                .to_owned(),
        );
    }
    if trimmed.contains(['\n', '\r']) {
        return Err(
            "the public key holds more than one line; give one key per palette_ssh_key".to_owned(),
        );
    }
    let (kind, key, _) = fields(trimmed);
    if !KEY_TYPES.contains(&kind) {
        let shown = if kind.len() <= 32 && kind.chars().all(|c| c.is_ascii_graphic()) {
            format!("{kind:?}")
        } else {
            "something else".to_owned()
        };
        return Err(format!(
            "a public key starts with its type, one of {}; this one starts with {shown}",
            KEY_TYPES.join(", ")
        ));
    }
    if key.is_empty() {
        return Err(format!("the public key has no key after its type {kind}"));
    }
    let blob = decode_base64(key)
        .ok_or_else(|| format!("the key after the type {kind} is not valid base64"))?;
    let named = blob
        .get(..4)
        .map(|len| u32::from_be_bytes([len[0], len[1], len[2], len[3]]) as usize)
        .and_then(|len| blob.get(4..4 + len));
    match named {
        Some(named) if named == kind.as_bytes() => Ok(()),
        Some(named) if KEY_TYPES.iter().any(|t| t.as_bytes() == named) => Err(format!(
            "the key is of type {} but the line says {kind}; keep the line as the .pub file has it",
            String::from_utf8_lossy(named)
        )),
        _ => Err(format!(
            "the key after the type {kind} does not hold a {kind} key; it may be cut short"
        )),
    }
}

/// Decodes standard base64 with its padding; `None` for anything else.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || !bytes.len().is_multiple_of(4) {
        return None;
    }
    let padding = bytes.iter().rev().take_while(|&&b| b == b'=').count();
    if padding > 2 {
        return None;
    }
    let sextet = |b: u8| match b {
        b'A'..=b'Z' => Some(b - b'A'),
        b'a'..=b'z' => Some(b - b'a' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for chunk in bytes.chunks(4) {
        let mut word = 0u32;
        for &b in chunk {
            let value = if b == b'=' { 0 } else { sextet(b)? };
            word = word << 6 | u32::from(value);
        }
        out.extend_from_slice(&word.to_be_bytes()[1..]);
    }
    out.truncate(out.len() - padding);
    // A padding character anywhere but at the end is not base64.
    (!bytes[..bytes.len() - padding].contains(&b'=')).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED25519: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq";
    const ECDSA: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFxU92JuBdXSKzr6NByTWLGaB+EfxypOfQqNuEVehvQElT4DGGuUv89MIRQ/i+KxP/VpPOLikSK1wJm9/evt/eU=";

    #[test]
    fn keys_of_every_form_file_gives_pass() {
        let cases = [
            ("bare", ED25519.to_owned()),
            ("with a comment", format!("{ED25519} ops@example.com")),
            ("file() newline", format!("{ED25519} ops@example.com\n")),
            ("windows line end", format!("{ECDSA} ci\r\n")),
            ("padded", format!("  {ECDSA}\t two words  ")),
        ];
        for (what, text) in cases {
            assert_eq!(check_public_key(&text), Ok(()), "{what}");
        }
    }

    #[test]
    fn malformed_keys_say_why_without_quoting_the_key() {
        let body = ED25519.split_once(' ').unwrap().1;
        let cases = [
            ("empty", "  \n".to_owned(), "is empty"),
            (
                "private key",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----\n"
                    .to_owned(),
                "this is a private key",
            ),
            ("two keys", format!("{ED25519}\n{ECDSA}"), "more than one line"),
            ("dsa", format!("ssh-dss {body}"), "one of ssh-rsa"),
            ("no type", body.to_owned(), "starts with something else"),
            ("no key", "ssh-ed25519".to_owned(), "no key after its type"),
            ("not base64", "ssh-ed25519 AAAA*AAA".to_owned(), "not valid base64"),
            ("inner padding", "ssh-ed25519 AA=AAAAA".to_owned(), "not valid base64"),
            ("mislabelled", format!("ssh-rsa {body}"), "of type ssh-ed25519 but the line says ssh-rsa"),
            ("cut short", format!("ssh-ed25519 {}", &body[..16]), "does not hold a ssh-ed25519 key"),
        ];
        for (what, text, want) in cases {
            let err = check_public_key(&text).expect_err(what);
            assert!(err.contains(want), "{what}: {err}");
            assert!(!err.contains(body), "{what} quotes the key: {err}");
            assert!(
                !err.contains("b3Blbn"),
                "{what} quotes the private key: {err}"
            );
        }
    }

    #[test]
    fn keys_compare_by_meaning() {
        let same = [
            (format!("{ED25519} ops\n"), format!("{ED25519} ops")),
            (format!("  {ED25519}\t\tops  "), format!("{ED25519} ops")),
            (format!("{ECDSA}\r\n"), ECDSA.to_owned()),
        ];
        for (a, b) in same {
            assert!(same_public_key(&a, &b), "{a:?} = {b:?}");
        }
        let different = [
            (format!("{ED25519} ops"), format!("{ED25519} dev")),
            (format!("{ED25519} ops"), ED25519.to_owned()),
            (ED25519.to_owned(), ECDSA.to_owned()),
            (format!("{ED25519} a  b"), format!("{ED25519} a b")),
        ];
        for (a, b) in different {
            assert!(!same_public_key(&a, &b), "{a:?} != {b:?}");
        }
        assert_eq!(
            canonical_public_key(&format!(" {ED25519}  ops@example.com \n")),
            format!("{ED25519} ops@example.com")
        );
    }

    #[test]
    fn base64_decodes_as_the_standard_alphabet_with_padding() {
        let cases: [(&str, Option<&[u8]>); 7] = [
            ("aGk=", Some(b"hi")),
            ("aGkh", Some(b"hi!")),
            ("aA==", Some(b"h")),
            ("aGk", None),
            ("a===", None),
            ("aG=k", None),
            ("aG-_", None),
        ];
        for (text, want) in cases {
            assert_eq!(decode_base64(text).as_deref(), want, "{text}");
        }
    }
}
