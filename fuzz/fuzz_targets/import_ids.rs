//! cargo-fuzz target: see `palette_fuzz::checks::import_ids`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| palette_fuzz::checks::import_ids(data));
