//! cargo-fuzz target: see `palette_fuzz::checks::import_ids`.

#![no_main]

libfuzzer_sys::fuzz_target!(
    init: palette_fuzz::write_seeds(palette_fuzz::checks::import_ids_seeds()),
    |data: &[u8]| palette_fuzz::checks::import_ids(data)
);
