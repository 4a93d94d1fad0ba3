//! `cargo xtask install`: points a developer's Terraform at the provider they just built.
//!
//! Builds the provider and writes `.demo/dev-overrides.tfrc`, a CLI configuration whose
//! `dev_overrides` make Terraform run `target/<profile>/terraform-provider-palette` for
//! `palette-rs/palette` without `terraform init`. It changes nothing outside the checkout: the
//! developer opts in with `export TF_CLI_CONFIG_FILE=...`, as printed.

use std::fs;
use std::path::Path;

use anyhow::Context;

use crate::util::{self, project_root, target_dir};

pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    util::expect_flags(args, &["--release"])?;
    let release = util::has_flag(args, "--release");
    util::build_bins(release)?;

    let bin_dir = target_dir().join(if release { "release" } else { "debug" });
    let dir = project_root().join(".demo");
    fs::create_dir_all(&dir)?;
    let config = dir.join("dev-overrides.tfrc");
    fs::write(&config, dev_overrides_config(&bin_dir))
        .with_context(|| format!("writing {}", config.display()))?;
    println!("wrote {}", config.display());
    println!(
        "use it with:\n  export TF_CLI_CONFIG_FILE={}",
        config.display()
    );
    println!(
        "then `terraform plan` runs the provider from {}",
        bin_dir.display()
    );
    Ok(())
}

/// A CLI configuration that runs `palette-rs/palette` from `bin_dir`.
pub(crate) fn dev_overrides_config(bin_dir: &Path) -> String {
    format!(
        r#"# Written by `cargo xtask install`: palette-rs/palette from the local build.
provider_installation {{
  dev_overrides {{
    "registry.terraform.io/palette-rs/palette" = "{}"
  }}
  direct {{}}
}}
"#,
        bin_dir.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_point_at_the_build_directory() {
        let config = dev_overrides_config(Path::new("/w/target/debug"));
        assert!(
            config.contains(r#""registry.terraform.io/palette-rs/palette" = "/w/target/debug""#)
        );
        assert!(config.contains("direct {}"));
    }
}
