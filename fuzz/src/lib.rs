//! The fuzz targets' seed writer; their bodies live in `palette-test-support`
//! ([`checks`]), which the acceptance tests also call to run every target on stable Rust.
//!
//! The targets link the provider's pure crate (`palette-stack`) and `tfplugin`'s value codecs
//! without its gRPC and TLS stack, which under the sanitizer takes minutes to compile.

pub use palette_test_support::fuzz_checks as checks;

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
