//! cargo-fuzz target: see `palette_fuzz::checks::yaml_values`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| palette_fuzz::checks::yaml_values(data));
