//! `cargo xtask tidy`, also run as a `#[test]`: repository rules no compiler checks.
//!
//! - Every Rust file (outside `target/` and `generated/`) starts with a `//!` module doc.
//! - The `tfplugin` crate stays free of domain words: palette, cluster, pack, http, sqlite
//!   (whole words, any case). Generated code is exempt, since tonic's output names its `http`
//!   dependency.
//! - No file of the shared reference material (the API spec, the notes) is committed: its facts
//!   carry over, its text does not.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::util::{self, project_root};

/// Words the protocol crate must not use.
const DOMAIN_WORDS: &[&str] = &["palette", "cluster", "pack", "http", "sqlite"];

pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    util::expect_flags(args, &[])?;
    let problems = check(&project_root())?;
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("tidy: {p}");
        }
        bail!("{} tidy problem(s)", problems.len());
    }
    eprintln!("tidy: ok");
    Ok(())
}

/// Every rule, as a list of problems (empty when all is well).
fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let files = repository_files(root)?;
    let mut problems = Vec::new();
    for rel in &files {
        if rel.extension().is_some_and(|e| e == "rs") && !is_exempt(rel) {
            let text = fs::read_to_string(root.join(rel)).unwrap_or_default();
            if !text.starts_with("//!") {
                problems.push(format!(
                    "{} does not start with a `//!` module doc comment",
                    rel.display()
                ));
            }
            if rel.starts_with("crates/tfplugin") {
                for (line_no, word) in domain_words(&text) {
                    problems.push(format!(
                        "{}:{line_no}: the protocol crate says `{word}`, a domain word",
                        rel.display()
                    ));
                }
            }
        }
    }
    problems.extend(reference_copies(root, &files)?);
    Ok(problems)
}

/// Paths the module-doc and domain-word rules skip: build output and generated code.
fn is_exempt(rel: &Path) -> bool {
    rel.components().any(|c| {
        matches!(
            c.as_os_str().to_str(),
            Some("target" | "generated" | ".tools" | ".demo")
        )
    })
}

/// Files git tracks or would track (untracked but not ignored), relative to `root`.
fn repository_files(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let out = util::read(Command::new("git").current_dir(root).args([
        "ls-files",
        "-z",
        "--cached",
        "--others",
        "--exclude-standard",
    ]))
    .context("listing the repository's files with git")?;
    Ok(out
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .filter(|p| root.join(p).is_file())
        .collect())
}

/// `(line number, word)` for each domain word in `text`, matched as a whole word in any case.
fn domain_words(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let lower = line.to_ascii_lowercase();
        let words = lower.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
        for word in words {
            if DOMAIN_WORDS.contains(&word) {
                found.push((i + 1, word.to_string()));
            }
        }
    }
    found
}

/// Committed files whose bytes equal a file of the shared reference material.
///
/// The material sits beside the checkout (`../shared/reference`) on CI and at
/// `/work/shared/reference` on the developers' machines; without either, nothing is checked.
fn reference_copies(root: &Path, files: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let candidates = [
        root.join("../shared/reference"),
        PathBuf::from("/work/shared/reference"),
    ];
    let Some(reference) = candidates.iter().find(|d| d.is_dir()) else {
        eprintln!("tidy: no shared reference directory found; skipping the copy check");
        return Ok(Vec::new());
    };
    let mut by_size: HashMap<u64, Vec<PathBuf>> = HashMap::new();
    for entry in walk(reference)? {
        let size = entry.metadata()?.len();
        by_size.entry(size).or_default().push(entry);
    }
    let mut problems = Vec::new();
    for rel in files {
        let path = root.join(rel);
        let Ok(meta) = path.metadata() else { continue };
        let Some(same_size) = by_size.get(&meta.len()) else {
            continue;
        };
        let bytes = fs::read(&path)?;
        for original in same_size {
            if fs::read(original)? == bytes {
                problems.push(format!(
                    "{} is a copy of the reference file {}; reference material is never committed",
                    rel.display(),
                    original.display()
                ));
            }
        }
    }
    Ok(problems)
}

/// Every file under `dir`, recursively.
fn walk(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.is_file() {
                out.push(path);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repository itself obeys every rule.
    #[test]
    fn tidy() {
        let problems = check(&project_root()).unwrap();
        assert!(
            problems.is_empty(),
            "tidy problems:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn domain_words_match_whole_words_in_any_case() {
        let cases: &[(&str, &[&str])] = &[
            ("let cluster = 1;", &["cluster"]),
            ("// Palette and SQLite", &["palette", "sqlite"]),
            ("use http::Request;", &["http"]),
            ("msgpack unpack package packed", &[]),
            ("https clusters pack_value", &[]),
            ("a PACK of words", &["pack"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = domain_words(text).into_iter().map(|(_, w)| w).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn generated_and_build_output_are_exempt() {
        assert!(is_exempt(Path::new(
            "crates/tfplugin/src/generated/tfplugin6.rs"
        )));
        assert!(is_exempt(Path::new("target/debug/build/x/out/a.rs")));
        assert!(!is_exempt(Path::new("crates/tfplugin/src/lib.rs")));
    }
}
