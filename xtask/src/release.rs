//! `cargo xtask release [--profile dev|release] [--out DIR] [--platform NAME]... [--fips]
//! [--install-deps] [--sign KEY] [--from DIR]`: packages the provider as the Terraform registry
//! expects, plus a mirror that `terraform init` can install from offline.
//!
//! For each platform it builds the provider and writes, under `dist/`:
//!
//! - `terraform-provider-palette_VERSION_OS_ARCH.zip`, holding the binary
//!   `terraform-provider-palette_vVERSION` (`.exe` on Windows);
//! - `terraform-provider-palette_VERSION_SHA256SUMS`, one `sha256  file` line per archive and for
//!   the manifest;
//! - `terraform-provider-palette_VERSION_manifest.json`, a copy of `registry-manifest.json`;
//! - with `--sign KEY`, `terraform-provider-palette_VERSION_SHA256SUMS.sig`: the binary detached
//!   signature of the SHA256SUMS file that the registry requires, made by `gpg` with `KEY` (from
//!   the keyring of `GNUPGHOME`) and verified at once;
//! - `mirror/registry.terraform.io/palette-rs/palette/`: the archives in the packed layout of a
//!   filesystem mirror, with the `index.json` and `VERSION.json` files of the network mirror
//!   protocol, so the same folder serves `filesystem_mirror` and, behind any static web server,
//!   `network_mirror`.
//!
//! With `--fips` it also builds the FIPS build (the root package's `fips` feature: TLS on
//! aws-lc's FIPS module, FIPS-approved algorithms only) for `linux_amd64`, as a provider of its
//! own name, `palette-rs/palette-fips`: `terraform-provider-palette-fips_VERSION_linux_amd64.zip`
//! holding `terraform-provider-palette-fips_vVERSION`, with its own SHA256SUMS (signed too with
//! `--sign`), manifest and `mirror/registry.terraform.io/palette-rs/palette-fips/`. A provider
//! name of its own, not a file name suffix, because the registry serves one archive per version
//! and platform: a lock file then records which build a configuration was planned with, and
//! neither build is installed in place of the other by accident. It is built with its own
//! `CARGO_TARGET_DIR` (`fips/` inside the target directory), so that it neither overwrites the
//! ordinary binary nor makes cargo rebuild the ordinary build's dependencies. Building
//! `aws-lc-fips-sys` needs CMake and Go (Debian's `cmake` and `golang-go`, which
//! `--install-deps` installs when missing).
//!
//! Which platforms: the `--platform` ones, else every one this machine can build: its own, and
//! on an x86_64 Linux machine `linux_arm64` too, plus any other whose Rust standard library
//! rustup has. `linux_arm64` is built with Debian's cross toolchain, not rustup's (rustup's
//! servers are out of reach here): bookworm-security's `rustc-web` and `cargo-web` with the arm64
//! standard library `libstd-rust-web-dev:arm64` (after `dpkg --add-architecture arm64`), linked
//! and with its C parts (aws-lc) compiled by `gcc-aarch64-linux-gnu`. When any of that is
//! missing the task names it and stops, or with `--install-deps` installs it with `apt-get`.
//! The darwin and Windows platforms are built on their own runners by
//! `.github/workflows/release.yml`, whose last job packages all the archives with `--from DIR`
//! (no build: the archives named as above in `DIR`) and `--sign`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::util::{self, cargo, project_root, target_dir};

/// One platform the registry archives are made for: Terraform's name and the Rust target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Platform {
    pub(crate) name: &'static str,
    pub(crate) target: &'static str,
}

/// Every platform a release may hold, in the order SHA256SUMS lists them.
pub(crate) const PLATFORMS: &[Platform] = &[
    Platform {
        name: "linux_amd64",
        target: "x86_64-unknown-linux-gnu",
    },
    Platform {
        name: "linux_arm64",
        target: "aarch64-unknown-linux-gnu",
    },
    Platform {
        name: "darwin_amd64",
        target: "x86_64-apple-darwin",
    },
    Platform {
        name: "darwin_arm64",
        target: "aarch64-apple-darwin",
    },
    Platform {
        name: "windows_amd64",
        target: "x86_64-pc-windows-msvc",
    },
];

/// The Debian packages that build `linux_arm64` on an x86_64 machine, as `apt-get` and
/// `dpkg-query` name them (the arm64 standard library is a foreign-architecture package).
pub(crate) const ARM64_BUILD_PACKAGES: &[&str] = &[
    "rustc-web",
    "cargo-web",
    "libstd-rust-web-dev:arm64",
    "gcc-aarch64-linux-gnu",
    "libc6-dev-arm64-cross",
];

/// What runs the `linux_arm64` build on an x86_64 machine, for its acceptance test.
pub(crate) const ARM64_RUN_PACKAGES: &[&str] = &["qemu-user"];

/// Debian's compiler and cargo from `rustc-web` and `cargo-web` (rustup's own shadow them on
/// `PATH`, so they are called by path).
const DEBIAN_RUSTC: &str = "/usr/bin/rustc";
const DEBIAN_RUSTDOC: &str = "/usr/bin/rustdoc";
const DEBIAN_CARGO: &str = "/usr/bin/cargo";

const NAME: &str = "terraform-provider-palette";

/// Which build of the provider an archive holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Flavor {
    /// The ordinary build: `palette-rs/palette`.
    Standard,
    /// The FIPS build (`--fips`): `palette-rs/palette-fips`.
    Fips,
}

impl Flavor {
    /// Every flavor, in the order archives are packaged.
    const ALL: [Flavor; 2] = [Flavor::Standard, Flavor::Fips];

    /// The provider's name as in its files: `terraform-provider-palette[-fips]`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Flavor::Standard => NAME,
            Flavor::Fips => "terraform-provider-palette-fips",
        }
    }

    /// The provider's address, as in a mirror's layout.
    pub(crate) fn address(self) -> &'static str {
        match self {
            Flavor::Standard => "registry.terraform.io/palette-rs/palette",
            Flavor::Fips => "registry.terraform.io/palette-rs/palette-fips",
        }
    }
}

/// The platforms the FIPS build is made for: this machine's own, built with rustup's toolchain.
/// aws-lc's FIPS module is not cross-built here (its build runs Go tools on the target's object
/// files), and the darwin and Windows runners build no FIPS archive.
const FIPS_PLATFORMS: &[&str] = &["linux_amd64"];

/// The programs `aws-lc-fips-sys` builds the FIPS module with, and the Debian packages that
/// have them.
pub(crate) const FIPS_BUILD_TOOLS: &[(&str, &str)] = &[("cmake", "cmake"), ("go", "golang-go")];

/// How one platform's binary is built on this machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Builder {
    /// rustup's toolchain, for its host or a target `rustup target add` installed.
    Rustup,
    /// Debian's `rustc-web` with the arm64 standard library and GCC's cross linker.
    DebianArm64,
}

/// What the command line asked for.
#[derive(Debug)]
struct Options {
    profile: String,
    out: PathBuf,
    platforms: Vec<Platform>,
    install_deps: bool,
    sign: Option<String>,
    from: Option<PathBuf>,
    fips: bool,
}

fn parse(args: &[String]) -> anyhow::Result<Options> {
    let mut options = Options {
        profile: "release".to_string(),
        out: project_root().join("dist"),
        platforms: Vec::new(),
        install_deps: false,
        sign: None,
        from: None,
        fips: false,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .with_context(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--profile" => options.profile = value()?,
            "--out" => options.out = PathBuf::from(value()?),
            "--platform" => {
                let name = value()?;
                let platform = PLATFORMS.iter().find(|p| p.name == name).with_context(|| {
                    let names: Vec<&str> = PLATFORMS.iter().map(|p| p.name).collect();
                    format!("unknown platform {name:?}; expected one of {names:?}")
                })?;
                if !options.platforms.contains(platform) {
                    options.platforms.push(*platform);
                }
            }
            "--install-deps" => options.install_deps = true,
            "--sign" => options.sign = Some(value()?),
            "--from" => options.from = Some(PathBuf::from(value()?)),
            "--fips" => options.fips = true,
            other => bail!(
                "unknown flag {other:?}; expected --profile, --out, --platform, --fips, \
                 --install-deps, --sign or --from"
            ),
        }
    }
    Ok(options)
}

pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    let options = parse(args)?;
    let version = util::provider_version()?;
    if let Some(from) = &options.from {
        return package_prebuilt(&options, from, &version);
    }
    let host = host_target()?;
    let installed = installed_targets();
    let plan = choose(&options.platforms, &host, &installed)?;

    if plan.iter().any(|(_, b)| *b == Builder::DebianArm64) {
        let missing = missing_debian_setup(ARM64_BUILD_PACKAGES);
        if !missing.is_empty() {
            if !options.install_deps {
                bail!(
                    "linux_arm64 is built with Debian's cross toolchain, and this machine lacks \
                     {}.\nRun `cargo xtask release --install-deps` (as root: it runs `dpkg \
                     --add-architecture arm64`, `apt-get update` and `apt-get install {}`), or \
                     leave linux_arm64 out with `--platform {}`",
                    missing.join(", "),
                    ARM64_BUILD_PACKAGES.join(" "),
                    platform_of(&host).map_or("linux_amd64", |p| p.name),
                );
            }
            install_debian_packages(ARM64_BUILD_PACKAGES)?;
        }
    }

    let fips_plan = if options.fips {
        let fips_plan = fips_platforms(&plan, &host)?;
        require_fips_build_tools(options.install_deps)?;
        fips_plan
    } else {
        Vec::new()
    };

    let _ = fs::remove_dir_all(&options.out);
    fs::create_dir_all(&options.out)
        .with_context(|| format!("creating {}", options.out.display()))?;
    let builds = plan.iter().map(|(p, b)| (Flavor::Standard, *p, *b)).chain(
        fips_plan
            .iter()
            .map(|p| (Flavor::Fips, *p, Builder::Rustup)),
    );
    let mut archives = Vec::new();
    for (flavor, platform, builder) in builds {
        util::section(&format!(
            "release: {} {} ({})",
            flavor.name(),
            platform.name,
            platform.target
        ));
        let binary = build(flavor, platform, builder, &host, &options.profile)?;
        if let Some(machine) = elf_machine_of(platform) {
            check_elf_machine(&binary, machine)?;
        }
        let archive = options.out.join(archive_name(flavor, &version, platform));
        write_zip(&archive, &entry_name(flavor, &version, platform), &binary)?;
        archives.push((flavor, platform, archive));
    }
    package(&options, &archives, &version)
}

/// The platforms of `plan` that get a FIPS archive too (see [`FIPS_PLATFORMS`]); fails when
/// there is none.
fn fips_platforms(plan: &[(Platform, Builder)], host: &str) -> anyhow::Result<Vec<Platform>> {
    let mut chosen = Vec::new();
    for (platform, builder) in plan {
        if FIPS_PLATFORMS.contains(&platform.name)
            && platform.target == host
            && *builder == Builder::Rustup
        {
            chosen.push(*platform);
        } else {
            eprintln!(
                "--fips: no FIPS archive for {}: the FIPS build is made for {} only, on a machine \
                 of that platform",
                platform.name,
                FIPS_PLATFORMS.join(", ")
            );
        }
    }
    if chosen.is_empty() {
        bail!(
            "--fips builds {} only, on a machine of that platform, and this {host} machine \
             builds none of them here",
            FIPS_PLATFORMS.join(", ")
        );
    }
    Ok(chosen)
}

/// Fails, naming what to install, unless CMake and Go are on `PATH`; with `install` it
/// installs the missing ones with `apt-get` first.
fn require_fips_build_tools(install: bool) -> anyhow::Result<()> {
    let missing = || -> Vec<(&str, &str)> {
        FIPS_BUILD_TOOLS
            .iter()
            .copied()
            .filter(|(program, _)| util::which(program).is_none())
            .collect()
    };
    let first = missing();
    if first.is_empty() {
        return Ok(());
    }
    let packages: Vec<&str> = first.iter().map(|(_, package)| *package).collect();
    if !install {
        let programs: Vec<&str> = first.iter().map(|(program, _)| *program).collect();
        bail!(
            "the FIPS build compiles aws-lc's FIPS module with CMake and Go, and this machine \
             lacks {} on PATH.\nRun `cargo xtask release --fips --install-deps` (as root: it runs \
             `apt-get install {}`), or install them another way",
            programs.join(" and "),
            packages.join(" ")
        );
    }
    install_debian_packages(&packages)?;
    let still: Vec<&str> = missing().iter().map(|(program, _)| *program).collect();
    if !still.is_empty() {
        bail!("{} still not on PATH after apt-get", still.join(" and "));
    }
    Ok(())
}

/// The platforms to build and how: the ones asked for, else all this machine can build.
fn choose(
    asked: &[Platform],
    host: &str,
    installed: &[String],
) -> anyhow::Result<Vec<(Platform, Builder)>> {
    let builder = |p: &Platform| -> Option<Builder> {
        if p.target == host || installed.iter().any(|t| t == p.target) {
            Some(Builder::Rustup)
        } else if p.name == "linux_arm64" && host == "x86_64-unknown-linux-gnu" {
            Some(Builder::DebianArm64)
        } else {
            None
        }
    };
    if !asked.is_empty() {
        return asked
            .iter()
            .map(|p| match builder(p) {
                Some(b) => Ok((*p, b)),
                None => bail!(
                    "{} cannot be built on this {host} machine (rustup has no {} standard \
                     library); .github/workflows/release.yml builds it on its own runner",
                    p.name,
                    p.target
                ),
            })
            .collect();
    }
    let mut plan = Vec::new();
    for p in PLATFORMS {
        match builder(p) {
            Some(b) => plan.push((*p, b)),
            None => eprintln!(
                "skipping {}: the {} standard library is not installed here; \
                 .github/workflows/release.yml builds it on its own runner",
                p.name, p.target
            ),
        }
    }
    Ok(plan)
}

/// Writes, for each flavor among `archives`, the manifest, SHA256SUMS, its signature when
/// asked, and the mirror, next to the archives in `options.out`.
fn package(
    options: &Options,
    archives: &[(Flavor, Platform, PathBuf)],
    version: &str,
) -> anyhow::Result<()> {
    if archives.is_empty() {
        bail!("no platform could be built");
    }
    for flavor in Flavor::ALL {
        let of_flavor: Vec<(Platform, PathBuf)> = archives
            .iter()
            .filter(|(f, _, _)| *f == flavor)
            .map(|(_, p, a)| (*p, a.clone()))
            .collect();
        if !of_flavor.is_empty() {
            package_flavor(options, flavor, &of_flavor, version)?;
        }
    }
    Ok(())
}

/// The manifest, SHA256SUMS, signature and mirror of one flavor's `archives`.
fn package_flavor(
    options: &Options,
    flavor: Flavor,
    archives: &[(Platform, PathBuf)],
    version: &str,
) -> anyhow::Result<()> {
    let name = flavor.name();
    let out = &options.out;
    let manifest = out.join(format!("{name}_{version}_manifest.json"));
    fs::copy(project_root().join("registry-manifest.json"), &manifest)?;
    let mut sums = String::new();
    for file in archives.iter().map(|(_, a)| a).chain([&manifest]) {
        sums.push_str(&format!("{}  {}\n", sha256_hex(file)?, file_name(file)));
    }
    let sums_path = out.join(format!("{name}_{version}_SHA256SUMS"));
    fs::write(&sums_path, sums)?;
    if let Some(key) = &options.sign {
        sign(&sums_path, key)?;
    }

    let mirror = out.join("mirror").join(flavor.address());
    fs::create_dir_all(&mirror)?;
    let mut entries = Vec::new();
    for (platform, archive) in archives {
        fs::copy(archive, mirror.join(file_name(archive)))?;
        entries.push(format!(
            "    \"{}\": {{\"url\": \"{}\", \"hashes\": [\"zh:{}\"]}}",
            platform.name,
            file_name(archive),
            sha256_hex(archive)?
        ));
    }
    fs::write(
        mirror.join("index.json"),
        format!("{{\"versions\": {{\"{version}\": {{}}}}}}\n"),
    )?;
    fs::write(
        mirror.join(format!("{version}.json")),
        format!(
            "{{\n  \"archives\": {{\n{}\n  }}\n}}\n",
            entries.join(",\n")
        ),
    )?;
    let names: Vec<&str> = archives.iter().map(|(p, _)| p.name).collect();
    println!(
        "wrote {} {name} archive(s) ({}), SHA256SUMS{}, manifest and mirror to {}",
        archives.len(),
        names.join(", "),
        if options.sign.is_some() {
            " and its signature"
        } else {
            ""
        },
        out.display()
    );
    Ok(())
}

/// `--from DIR`: packages archives built elsewhere (one runner per platform) without building;
/// FIPS archives among them are packaged as their own provider.
fn package_prebuilt(options: &Options, from: &Path, version: &str) -> anyhow::Result<()> {
    if !options.platforms.is_empty() || options.install_deps || options.fips {
        bail!(
            "--from packages archives already built: it takes no --platform, --fips or \
             --install-deps"
        );
    }
    let found: Vec<(Flavor, Platform, PathBuf)> = Flavor::ALL
        .iter()
        .flat_map(|f| PLATFORMS.iter().map(move |p| (*f, *p)))
        .map(|(f, p)| (f, p, from.join(archive_name(f, version, p))))
        .filter(|(_, _, a)| a.is_file())
        .collect();
    if found.is_empty() {
        bail!(
            "no {NAME}_{version}_OS_ARCH.zip archive in {}",
            from.display()
        );
    }
    let out = &options.out;
    if fs::canonicalize(from).ok() == fs::canonicalize(out).ok() {
        bail!("--out must be another directory than --from (it is emptied first)");
    }
    let _ = fs::remove_dir_all(out);
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut archives = Vec::new();
    for (flavor, platform, archive) in found {
        let copy = out.join(file_name(&archive));
        fs::copy(&archive, &copy)
            .with_context(|| format!("copying {} to {}", archive.display(), out.display()))?;
        archives.push((flavor, platform, copy));
    }
    package(options, &archives, version)
}

/// `terraform-provider-palette[-fips]_VERSION_OS_ARCH.zip`.
pub(crate) fn archive_name(flavor: Flavor, version: &str, platform: Platform) -> String {
    format!("{}_{version}_{}.zip", flavor.name(), platform.name)
}

/// The binary's name inside the archive, as Terraform looks for it.
fn entry_name(flavor: Flavor, version: &str, platform: Platform) -> String {
    let exe = if platform.name.starts_with("windows") {
        ".exe"
    } else {
        ""
    };
    format!("{}_v{version}{exe}", flavor.name())
}

fn platform_of(target: &str) -> Option<&'static Platform> {
    PLATFORMS.iter().find(|p| p.target == target)
}

fn installed_targets() -> Vec<String> {
    Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .ok()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn host_target() -> anyhow::Result<String> {
    let info = util::read(Command::new("rustc").arg("-vV"))?;
    info.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_string)
        .context("rustc -vV printed no host")
}

/// Builds the provider for `platform` and returns the binary's path. The FIPS build has a
/// target directory of its own (see the module docs).
fn build(
    flavor: Flavor,
    platform: Platform,
    builder: Builder,
    host: &str,
    profile: &str,
) -> anyhow::Result<PathBuf> {
    let dir_profile = if profile == "dev" { "debug" } else { profile };
    let exe = if platform.name.starts_with("windows") {
        ".exe"
    } else {
        ""
    };
    let mut cmd = match builder {
        Builder::Rustup => cargo(),
        Builder::DebianArm64 => debian_cross_cargo(platform.target),
    };
    cmd.args(["build", "--locked", "--bin", NAME, "--profile", profile]);
    let mut out = target_dir();
    if flavor == Flavor::Fips {
        out = fips_target_dir();
        cmd.args(["--features", "fips"])
            .env("CARGO_TARGET_DIR", &out);
    }
    if platform.target == host && builder == Builder::Rustup {
        util::run(&mut cmd)?;
        return Ok(out.join(dir_profile).join(format!("{NAME}{exe}")));
    }
    util::run(cmd.args(["--target", platform.target]))?;
    Ok(out
        .join(platform.target)
        .join(dir_profile)
        .join(format!("{NAME}{exe}")))
}

/// The FIPS build's own target directory: `fips/` inside cargo's.
pub(crate) fn fips_target_dir() -> PathBuf {
    target_dir().join("fips")
}

/// Debian's cargo with Debian's compiler, linking with GCC's cross linker and compiling C (aws-lc)
/// with GCC's cross compiler and archiver for `target`.
fn debian_cross_cargo(target: &str) -> Command {
    let env_target = target.replace('-', "_");
    let mut cmd = Command::new(DEBIAN_CARGO);
    cmd.current_dir(project_root())
        // rustup's proxies set these for the `cargo xtask` that runs this; Debian's cargo must
        // not take rustup's compiler or toolchain.
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env("RUSTC", DEBIAN_RUSTC)
        .env("RUSTDOC", DEBIAN_RUSTDOC)
        .env(
            format!("CARGO_TARGET_{}_LINKER", env_target.to_uppercase()),
            "aarch64-linux-gnu-gcc",
        )
        .env(format!("CC_{env_target}"), "aarch64-linux-gnu-gcc")
        .env(format!("AR_{env_target}"), "aarch64-linux-gnu-ar");
    cmd
}

/// What of Debian's arm64 cross set-up is missing: the foreign architecture and each package of
/// `packages` that `dpkg-query` does not report installed.
pub(crate) fn missing_debian_setup(packages: &[&str]) -> Vec<String> {
    let mut missing = Vec::new();
    let architectures = Command::new("dpkg")
        .arg("--print-foreign-architectures")
        .output();
    match architectures {
        Err(_) => return vec!["dpkg (this is not a Debian machine)".to_string()],
        Ok(out) => {
            let needs_arm64 = packages.iter().any(|p| p.ends_with(":arm64"));
            if needs_arm64 && !String::from_utf8_lossy(&out.stdout).contains("arm64") {
                missing.push("the arm64 architecture in dpkg".to_string());
            }
        }
    }
    for package in packages {
        let status = Command::new("dpkg-query")
            .args(["--show", "--showformat=${Status}", package])
            .output();
        let installed = status.is_ok_and(|o| {
            o.status.success() && String::from_utf8_lossy(&o.stdout) == "install ok installed"
        });
        if !installed {
            missing.push(format!("the package {package}"));
        }
    }
    missing
}

/// What this machine lacks to build the `linux_arm64` archive and run it under qemu (empty
/// when it has it all).
pub(crate) fn arm64_test_missing() -> Vec<String> {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return vec!["an x86_64 Linux machine".to_string()];
    }
    let mut missing = missing_debian_setup(ARM64_BUILD_PACKAGES);
    if util::which("qemu-aarch64").is_none() {
        missing.push("qemu-aarch64 (the package qemu-user)".to_string());
    }
    missing
}

/// What this machine lacks to build the FIPS archive (empty when it has it all): an x86_64
/// Linux machine with CMake and Go.
pub(crate) fn fips_test_missing() -> Vec<String> {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return vec!["an x86_64 Linux machine".to_string()];
    }
    FIPS_BUILD_TOOLS
        .iter()
        .filter(|(program, _)| util::which(program).is_none())
        .map(|(program, package)| format!("{program} (the package {package})"))
        .collect()
}

/// Adds the arm64 architecture when a package needs it, then installs `packages` with
/// `apt-get` (never removing one), as root.
pub(crate) fn install_debian_packages(packages: &[&str]) -> anyhow::Result<()> {
    util::section(&format!("installing {}", packages.join(" ")));
    if packages.iter().any(|p| p.ends_with(":arm64")) {
        util::run(Command::new("dpkg").args(["--add-architecture", "arm64"]))?;
    }
    util::run(Command::new("apt-get").args(["update", "-qq"]))?;
    util::run(
        Command::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args([
                "install",
                "-y",
                "-qq",
                "--no-install-recommends",
                "--no-remove",
            ])
            .args(packages),
    )
    .context("installing with apt-get (it needs root)")?;
    let missing = missing_debian_setup(packages);
    if !missing.is_empty() {
        bail!("still missing after apt-get: {}", missing.join(", "));
    }
    Ok(())
}

/// The ELF machine number a Linux platform's binary must carry.
fn elf_machine_of(platform: Platform) -> Option<u16> {
    match platform.name {
        "linux_amd64" => Some(62),
        "linux_arm64" => Some(183),
        _ => None,
    }
}

/// Fails unless `binary` is a 64-bit little-endian ELF file for `machine`, so an archive can
/// never hold a binary of the wrong platform.
fn check_elf_machine(binary: &Path, machine: u16) -> anyhow::Result<()> {
    let bytes = fs::read(binary).with_context(|| format!("reading {}", binary.display()))?;
    let found = (bytes.len() > 20 && bytes.starts_with(b"\x7fELF\x02\x01"))
        .then(|| u16::from_le_bytes([bytes[18], bytes[19]]));
    if found != Some(machine) {
        bail!(
            "{} is not an ELF binary for machine {machine} (found {found:?})",
            binary.display()
        );
    }
    Ok(())
}

/// Makes the binary detached signature `SUMS.sig` of `sums` with the secret key `key`, and
/// checks it with `gpg --verify`.
fn sign(sums: &Path, key: &str) -> anyhow::Result<()> {
    let signature = PathBuf::from(format!("{}.sig", sums.display()));
    util::run(
        Command::new("gpg")
            .args(["--batch", "--yes", "--local-user", key, "--output"])
            .arg(&signature)
            .arg("--detach-sign")
            .arg(sums),
    )
    .context("signing with gpg (is the key in the keyring of GNUPGHOME?)")?;
    util::run(
        Command::new("gpg")
            .args(["--batch", "--verify"])
            .arg(&signature)
            .arg(sums),
    )
    .context("checking the signature just made")
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Python 3: `PYTHON`, else `python3` (every machine that runs the tests has it, since
/// Terraform itself may come from PyPI; the workflow sets `PYTHON` where it is `python`).
fn python() -> Command {
    Command::new(std::env::var_os("PYTHON").unwrap_or_else(|| "python3".into()))
}

fn sha256_hex(path: &Path) -> anyhow::Result<String> {
    const SCRIPT: &str = "\
import hashlib, sys
with open(sys.argv[1], 'rb') as f:
    print(hashlib.sha256(f.read()).hexdigest())
";
    let out = util::read(python().arg("-c").arg(SCRIPT).arg(path))?;
    let hex = out.trim();
    if hex.len() != 64 {
        bail!("hashing {} printed {hex:?}", path.display());
    }
    Ok(hex.to_string())
}

/// Writes a zip holding one executable file, with Python's `zipfile`, keeping the executable
/// bit.
fn write_zip(archive: &Path, entry_name: &str, binary: &Path) -> anyhow::Result<()> {
    const SCRIPT: &str = "\
import sys, zipfile
archive, name, source = sys.argv[1:4]
with zipfile.ZipFile(archive, 'w', zipfile.ZIP_DEFLATED) as z:
    info = zipfile.ZipInfo.from_file(source, arcname=name)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100755 << 16)
    with open(source, 'rb') as f:
        z.writestr(info, f.read())
";
    util::run(
        python()
            .arg("-c")
            .arg(SCRIPT)
            .arg(archive)
            .arg(entry_name)
            .arg(binary),
    )
    .with_context(|| format!("writing {}", archive.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform(name: &str) -> Platform {
        *PLATFORMS.iter().find(|p| p.name == name).unwrap()
    }

    #[test]
    fn an_x86_64_linux_machine_builds_both_linux_platforms_by_default() {
        let plan = choose(&[], "x86_64-unknown-linux-gnu", &[]).unwrap();
        assert_eq!(
            plan,
            vec![
                (platform("linux_amd64"), Builder::Rustup),
                (platform("linux_arm64"), Builder::DebianArm64),
            ]
        );
    }

    #[test]
    fn a_rustup_target_is_built_with_rustup_and_others_are_refused_when_asked() {
        let installed = vec!["aarch64-apple-darwin".to_string()];
        let plan = choose(
            &[platform("darwin_arm64")],
            "x86_64-unknown-linux-gnu",
            &installed,
        )
        .unwrap();
        assert_eq!(plan, vec![(platform("darwin_arm64"), Builder::Rustup)]);
        let err = choose(
            &[platform("windows_amd64")],
            "x86_64-unknown-linux-gnu",
            &[],
        )
        .unwrap_err();
        assert!(err.to_string().contains("release.yml"), "{err}");
        // A macOS runner builds its own platform with rustup.
        let plan = choose(&[], "aarch64-apple-darwin", &[]).unwrap();
        assert_eq!(plan, vec![(platform("darwin_arm64"), Builder::Rustup)]);
    }

    #[test]
    fn names_follow_the_registry() {
        assert_eq!(
            archive_name(Flavor::Standard, "0.1.0", platform("linux_arm64")),
            "terraform-provider-palette_0.1.0_linux_arm64.zip"
        );
        assert_eq!(
            entry_name(Flavor::Standard, "0.1.0", platform("windows_amd64")),
            "terraform-provider-palette_v0.1.0.exe"
        );
        assert_eq!(
            entry_name(Flavor::Standard, "0.1.0", platform("darwin_amd64")),
            "terraform-provider-palette_v0.1.0"
        );
        // The FIPS build is the provider palette-rs/palette-fips.
        assert_eq!(
            archive_name(Flavor::Fips, "0.1.0", platform("linux_amd64")),
            "terraform-provider-palette-fips_0.1.0_linux_amd64.zip"
        );
        assert_eq!(
            entry_name(Flavor::Fips, "0.1.0", platform("linux_amd64")),
            "terraform-provider-palette-fips_v0.1.0"
        );
        assert_eq!(
            Flavor::Fips.address(),
            "registry.terraform.io/palette-rs/palette-fips"
        );
    }

    #[test]
    fn fips_archives_are_made_for_linux_amd64_on_such_a_machine_only() {
        let host = "x86_64-unknown-linux-gnu";
        let plan = choose(&[], host, &[]).unwrap();
        assert_eq!(
            fips_platforms(&plan, host).unwrap(),
            vec![platform("linux_amd64")]
        );
        let arm64_only = choose(&[platform("linux_arm64")], host, &[]).unwrap();
        let err = fips_platforms(&arm64_only, host).unwrap_err();
        assert!(err.to_string().contains("linux_amd64 only"), "{err}");
        let mac = choose(&[], "aarch64-apple-darwin", &[]).unwrap();
        assert!(fips_platforms(&mac, "aarch64-apple-darwin").is_err());
    }

    #[test]
    fn from_packages_archives_built_elsewhere_without_building() {
        let base = std::env::temp_dir().join(format!("xtask-release-from-{}", std::process::id()));
        let (from, out) = (base.join("archives"), base.join("dist"));
        fs::create_dir_all(&from).unwrap();
        for name in ["linux_arm64", "darwin_arm64", "windows_amd64"] {
            fs::write(
                from.join(archive_name(Flavor::Standard, "0.1.0", platform(name))),
                name,
            )
            .unwrap();
        }
        let fips_archive = archive_name(Flavor::Fips, "0.1.0", platform("linux_amd64"));
        fs::write(from.join(&fips_archive), "fips").unwrap();
        fs::write(from.join("unrelated.zip"), "x").unwrap();
        let args: Vec<String> = [
            "--from",
            from.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]
        .map(String::from)
        .to_vec();
        let options = parse(&args).unwrap();
        package_prebuilt(&options, &from, "0.1.0").unwrap();

        let sums = fs::read_to_string(out.join(format!("{NAME}_0.1.0_SHA256SUMS"))).unwrap();
        let files: Vec<&str> = sums.lines().map(|l| &l[66..]).collect();
        assert_eq!(
            files,
            [
                "terraform-provider-palette_0.1.0_linux_arm64.zip",
                "terraform-provider-palette_0.1.0_darwin_arm64.zip",
                "terraform-provider-palette_0.1.0_windows_amd64.zip",
                "terraform-provider-palette_0.1.0_manifest.json",
            ]
        );
        // sha256("linux_arm64"), as any other tool computes it.
        assert!(
            sums.starts_with(
                "3e7bc88399e82c32121d04157cfc7a33801c09a60bd0f8c6478adb1829af3937  \
                 terraform-provider-palette_0.1.0_linux_arm64.zip\n"
            ),
            "{sums}"
        );
        // The FIPS archive is its own provider's: its own SHA256SUMS and mirror.
        let fips_sums =
            fs::read_to_string(out.join("terraform-provider-palette-fips_0.1.0_SHA256SUMS"))
                .unwrap();
        let files: Vec<&str> = fips_sums.lines().map(|l| &l[66..]).collect();
        assert_eq!(
            files,
            [
                fips_archive.as_str(),
                "terraform-provider-palette-fips_0.1.0_manifest.json"
            ]
        );
        assert!(
            out.join("mirror")
                .join(Flavor::Fips.address())
                .join(&fips_archive)
                .is_file()
        );
        let mirror = fs::read_to_string(
            out.join("mirror")
                .join(Flavor::Standard.address())
                .join("0.1.0.json"),
        )
        .unwrap();
        assert!(mirror.contains("\"windows_amd64\": {\"url\": \"terraform-provider-palette_0.1.0_windows_amd64.zip\""), "{mirror}");
        assert!(
            package_prebuilt(&options, &base.join("empty"), "0.1.0").is_err(),
            "nothing to package"
        );
        let _ = fs::remove_dir_all(&base);
    }

    #[test]
    fn flags_are_parsed() {
        let args: Vec<String> = [
            "--platform",
            "linux_arm64",
            "--install-deps",
            "--sign",
            "ABC",
            "--fips",
        ]
        .map(String::from)
        .to_vec();
        let options = parse(&args).unwrap();
        assert_eq!(options.platforms, vec![platform("linux_arm64")]);
        assert!(options.install_deps);
        assert!(options.fips);
        assert!(!parse(&[]).unwrap().fips, "no FIPS build unless asked");
        assert_eq!(options.sign.as_deref(), Some("ABC"));
        assert!(parse(&["--platform".to_string(), "linux_386".to_string()]).is_err());
        assert!(parse(&["--sign".to_string()]).is_err());
    }
}
