//! The `terraform-provider-palette` plugin binary.

fn main() {}
