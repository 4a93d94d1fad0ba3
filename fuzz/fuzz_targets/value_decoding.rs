//! cargo-fuzz target: see `palette_fuzz::checks::value_decoding`.

#![no_main]

libfuzzer_sys::fuzz_target!(
    init: palette_fuzz::write_seeds(palette_fuzz::checks::value_decoding_seeds()),
    |data: &[u8]| palette_fuzz::checks::value_decoding(data)
);
