//! The fuzz targets' bodies and the provider code they reach.
//!
//! The provider is a binary crate, so its pure modules are included by path rather than
//! linked: `stack` (YAML values by meaning, layer rules, versions) and `import_id`. The targets
//! in `fuzz_targets/` call [`checks`]; the acceptance tests include the same files to run the
//! targets on stable Rust.

#![allow(dead_code, unreachable_pub, clippy::all)]

#[path = "../../src/stack/mod.rs"]
pub mod stack;

#[path = "../../src/import_id.rs"]
pub mod import_id;

pub mod checks;

/// The variable naming the directory a target writes its seed inputs into when it starts.
pub const SEED_DIR_VARIABLE: &str = "PALETTE_FUZZ_SEED_DIR";

/// Writes `seeds` into the directory named by [`SEED_DIR_VARIABLE`], when it is set, as
/// `seed-NN` files (an existing file is left alone).
///
/// The targets call this from their libFuzzer init block, which runs before libFuzzer reads
/// its corpus directories, so `cargo xtask fuzz` starts every run from the seeds in
/// [`checks`] without committing them as files.
pub fn write_seeds(seeds: Vec<Vec<u8>>) {
    let Some(dir) = std::env::var_os(SEED_DIR_VARIABLE) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    if let Err(err) = std::fs::create_dir_all(&dir) {
        panic!("cannot create the seed directory {}: {err}", dir.display());
    }
    for (i, seed) in seeds.iter().enumerate() {
        let path = dir.join(format!("seed-{i:02}"));
        if !path.exists() {
            if let Err(err) = std::fs::write(&path, seed) {
                panic!("cannot write the seed {}: {err}", path.display());
            }
        }
    }
}
