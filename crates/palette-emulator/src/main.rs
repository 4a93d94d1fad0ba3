//! The `palette-emulator` binary.

fn main() {}
