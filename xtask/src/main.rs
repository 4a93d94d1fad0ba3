//! The build system of this workspace, run as `cargo xtask <task>`.

fn main() -> anyhow::Result<()> {
    Ok(())
}
