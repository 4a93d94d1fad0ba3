//! `cargo xtask codegen`: the committed code and data generated from definitions kept outside
//! the Rust sources.
//!
//! - [`protocol`]: `proto/*.proto` into `crates/tfplugin/src/generated/`.
//! - [`spec`]: the official Palette API spec into the emulator's request facts
//!   (`crates/palette-emulator/src/spec/facts.json`).
//!
//! With `--check` nothing is written: the command fails when a committed file differs from what
//! would be generated, which is how CI notices an input that changed without a regeneration.

mod protocol;
mod spec;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// Regenerates everything, or with `check` only verifies that the committed output is current.
pub(crate) fn run(check: bool) -> anyhow::Result<()> {
    let root = workspace_root();
    let mut fresh = protocol::generate(&root)?;
    fresh.extend(spec::generate(&root)?);

    let mut stale = Vec::new();
    for (path, contents) in &fresh {
        let current = fs::read_to_string(path).unwrap_or_default();
        if current == *contents {
            continue;
        }
        if check {
            stale.push(path.display().to_string());
        } else {
            fs::write(path, contents).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("updated {}", path.display());
        }
    }
    if !stale.is_empty() {
        bail!(
            "generated files are stale ({}): run `cargo xtask codegen` and commit",
            stale.join(", ")
        );
    }
    Ok(())
}

/// The directory holding the workspace's `Cargo.toml`.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed output must match its inputs; this is the same check as `--check`.
    #[test]
    fn generated_files_are_fresh() {
        run(true).unwrap();
    }
}
