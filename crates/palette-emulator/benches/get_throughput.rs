//! GET throughput of the emulator on loopback (placeholder until the benchmark lands).

fn main() {}
