//! cargo-fuzz target: see `palette_fuzz::checks::value_decoding`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| palette_fuzz::checks::value_decoding(data));
