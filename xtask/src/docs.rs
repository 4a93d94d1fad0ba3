//! `cargo xtask docs [--check]`: renders `docs/` in the Terraform registry's layout from the
//! provider's own schema and the files under `examples/`.
//!
//! The schema is the one Terraform sees: the task builds the provider, points a throw-away
//! working directory at it with `dev_overrides`, and reads `terraform providers schema -json`.
//! Each type gets a page with its description, its example (`examples/<kind>/<type>/*.tf`), every
//! attribute grouped as Required, Optional and Read-Only (nested blocks and attributes get their
//! own sections, linked by anchor), any notes beside the example (`machine_pools.md`,
//! `versions.md`, `changes.md`, `secrets.md`, in that order), and its import command (`import.sh`). With `--check` nothing is written: the task fails when a page would
//! change, or when `docs/` holds a page no type has.
//!
//! Actions (`docs/actions/`, examples `examples/actions/<type>/action.tf`) are in the schema of
//! Terraform 1.14 and later only, so the schema comes from the first Terraform that is new
//! enough: `TF_ACC_TERRAFORM_PATH`, then `terraform` on `PATH`, then the shim (Terraform 1.15,
//! installed on first use).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::Value;

use crate::install::dev_overrides_config;
use crate::util::{self, project_root, target_dir};

const ADDRESS: &str = "registry.terraform.io/palette-rs/palette";
const PROVIDER: &str = "palette";

pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    util::expect_flags(args, &["--check"])?;
    let check = util::has_flag(args, "--check");
    let schema = provider_schema()?;
    let pages = render_all(&schema, &project_root().join("examples"))?;
    sync(&project_root().join("docs"), &pages, check)
}

/// Builds the provider and asks Terraform for its schema.
fn provider_schema() -> anyhow::Result<Value> {
    util::build_bins(false)?;
    let terraform = terraform_with_actions()?;
    let work = target_dir().join("xtask-docs");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work)?;
    let config = work.join("cli.tfrc");
    fs::write(&config, dev_overrides_config(&target_dir().join("debug")))?;
    fs::write(
        work.join("main.tf"),
        "terraform {\n  required_providers {\n    palette = { source = \"palette-rs/palette\" }\n  }\n}\n",
    )?;
    let out = util::read(
        Command::new(&terraform.path)
            .args(["providers", "schema", "-json"])
            .current_dir(&work)
            .env("TF_CLI_CONFIG_FILE", &config)
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_IN_AUTOMATION", "1"),
    )?;
    let json: Value =
        serde_json::from_str(&out).context("reading `terraform providers schema -json`")?;
    json.pointer(&format!("/provider_schemas/{}", ADDRESS.replace('/', "~1")))
        .cloned()
        .with_context(|| format!("terraform reported no schema for {ADDRESS}"))
}

/// The first Terraform that reports list resources and actions in its schema (1.14 or later).
fn terraform_with_actions() -> anyhow::Result<crate::terraform::Terraform> {
    let new_enough = |t: &crate::terraform::Terraform| {
        let mut parts = t.version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0)) >= (1, 14)
    };
    if let Some(path) = std::env::var_os("TF_ACC_TERRAFORM_PATH") {
        let found = crate::terraform::Terraform::probe(Path::new(&path))?;
        if new_enough(&found) {
            return Ok(found);
        }
    }
    let any = crate::terraform::ensure_any()?;
    if new_enough(&any) {
        return Ok(any);
    }
    eprintln!(
        "Terraform {} does not report actions; reading the schema with Terraform {} instead",
        any.version,
        crate::terraform::SHIM_TERRAFORM_VERSION
    );
    crate::terraform::ensure_shim()
}

/// One kind of type and where its pages and examples live.
struct Kind {
    schema_key: &'static str,
    docs_dir: &'static str,
    examples_dir: &'static str,
    example_file: &'static str,
    label: &'static str,
}

const KINDS: &[Kind] = &[
    Kind {
        schema_key: "resource_schemas",
        docs_dir: "resources",
        examples_dir: "resources",
        example_file: "resource.tf",
        label: "Resource",
    },
    Kind {
        schema_key: "data_source_schemas",
        docs_dir: "data-sources",
        examples_dir: "data-sources",
        example_file: "data-source.tf",
        label: "Data Source",
    },
    Kind {
        schema_key: "ephemeral_resource_schemas",
        docs_dir: "ephemeral-resources",
        examples_dir: "ephemeral-resources",
        example_file: "ephemeral-resource.tf",
        label: "Ephemeral Resource",
    },
    Kind {
        schema_key: "list_resource_schemas",
        docs_dir: "list-resources",
        examples_dir: "list-resources",
        example_file: "list-resource.tfquery.hcl",
        label: "List Resource",
    },
    Kind {
        schema_key: "action_schemas",
        docs_dir: "actions",
        examples_dir: "actions",
        example_file: "action.tf",
        label: "Action",
    },
];

/// Every page, keyed by its path under `docs/`.
fn render_all(schema: &Value, examples: &Path) -> anyhow::Result<BTreeMap<PathBuf, String>> {
    let mut pages = BTreeMap::new();
    pages.insert(PathBuf::from("index.md"), render_index(schema, examples)?);
    for kind in KINDS {
        let Some(types) = schema.get(kind.schema_key).and_then(Value::as_object) else {
            continue;
        };
        for (name, type_schema) in types {
            let short = name.strip_prefix(&format!("{PROVIDER}_")).unwrap_or(name);
            let dir = examples.join(kind.examples_dir).join(name);
            let page = render_type(name, kind, type_schema, &dir)?;
            pages.insert(Path::new(kind.docs_dir).join(format!("{short}.md")), page);
        }
    }
    if let Some(functions) = schema.get("functions").and_then(Value::as_object) {
        for (name, function) in functions {
            let dir = examples.join("functions").join(name);
            pages.insert(
                Path::new("functions").join(format!("{name}.md")),
                render_function(name, function, &dir)?,
            );
        }
    }
    Ok(pages)
}

fn render_index(schema: &Value, examples: &Path) -> anyhow::Result<String> {
    let block = &schema["provider"]["block"];
    let mut out = String::new();
    let description = block["description"].as_str().unwrap_or_default();
    writeln!(
        out,
        "---\npage_title: \"{PROVIDER} Provider\"\ndescription: |-\n  {}\n---\n",
        one_line(description)
    )?;
    writeln!(out, "# {PROVIDER} Provider\n\n{description}\n")?;
    let example = examples.join("provider").join("provider.tf");
    if example.exists() {
        writeln!(
            out,
            "## Example Usage\n\n```terraform\n{}```\n",
            read_text(&example)?
        )?;
    }
    writeln!(out, "## Schema\n")?;
    render_block(&mut out, block, "");
    Ok(out)
}

fn render_type(name: &str, kind: &Kind, schema: &Value, examples: &Path) -> anyhow::Result<String> {
    let block = &schema["block"];
    let description = block["description"].as_str().unwrap_or_default();
    let mut out = String::new();
    writeln!(
        out,
        "---\npage_title: \"{name} {} - {PROVIDER}\"\nsubcategory: \"\"\ndescription: |-\n  {}\n---\n",
        kind.label,
        one_line(description)
    )?;
    writeln!(out, "# {name} ({})\n\n{description}\n", kind.label)?;
    let example = examples.join(kind.example_file);
    if example.exists() {
        writeln!(
            out,
            "## Example Usage\n\n```terraform\n{}```\n",
            read_text(&example)?
        )?;
    } else {
        bail!(
            "{} is missing: every type needs an example",
            example.display()
        );
    }
    // Prose the schema cannot carry (a resource's table of what each change does, say).
    for note in notes(examples)? {
        writeln!(out, "{}", read_text(&note)?)?;
    }
    if kind.schema_key == "action_schemas" {
        writeln!(
            out,
            "## Invoking\n\nActions need Terraform 1.14 or later. Run one with `terraform apply \
             -invoke=action.{name}.<name>`; its progress shows in Terraform's output as \
             `Action action.{name}.<name> (triggered by CLI): ...`. The configuration is checked \
             at plan, before anything is sent to Palette.\n"
        )?;
    }
    writeln!(out, "## Schema\n")?;
    render_block(&mut out, block, "");
    let import = examples.join("import.sh");
    if import.exists() {
        writeln!(
            out,
            "## Import\n\nImport is supported using the following syntax:\n\n```shell\n{}```",
            read_text(&import)?
        )?;
    }
    Ok(out)
}

/// The notes a type's page includes between its example and its schema, in page order.
const NOTES: &[&str] = &[
    "machine_pools.md",
    "versions.md",
    "changes.md",
    "secrets.md",
];

/// The notes beside a type's example, in [`NOTES`] order; a Markdown file not listed there is
/// an error rather than a page that silently leaves it out.
fn notes(examples: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !examples.exists() {
        return Ok(Vec::new());
    }
    for entry in fs::read_dir(examples)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.ends_with(".md") && !NOTES.contains(&name) {
            bail!(
                "{} is not a note the docs include ({}); rename it or add it to NOTES in \
                 xtask/src/docs.rs",
                path.display(),
                NOTES.join(", ")
            );
        }
    }
    Ok(NOTES
        .iter()
        .map(|name| examples.join(name))
        .filter(|path| path.exists())
        .collect())
}

fn render_function(name: &str, function: &Value, examples: &Path) -> anyhow::Result<String> {
    let summary = function["summary"].as_str().unwrap_or_default();
    let description = function["description"].as_str().unwrap_or(summary);
    let mut out = String::new();
    writeln!(
        out,
        "---\npage_title: \"{name} function - {PROVIDER}\"\nsubcategory: \"\"\ndescription: |-\n  {}\n---\n",
        one_line(summary)
    )?;
    writeln!(out, "# function: {name}\n\n{description}\n")?;
    let example = examples.join("function.tf");
    if example.exists() {
        writeln!(
            out,
            "## Example Usage\n\n```terraform\n{}```\n",
            read_text(&example)?
        )?;
    }
    let params: Vec<&Value> = function["parameters"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let variadic = function.get("variadic_parameter");
    let mut signature: Vec<String> = params
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p["name"].as_str().unwrap_or("arg"),
                type_name(&p["type"])
            )
        })
        .collect();
    if let Some(v) = variadic {
        signature.push(format!(
            "{}... {}",
            v["name"].as_str().unwrap_or("args"),
            type_name(&v["type"])
        ));
    }
    writeln!(
        out,
        "## Signature\n\n```text\n{name}({}) {}\n```\n",
        signature.join(", "),
        type_name(&function["return_type"])
    )?;
    writeln!(out, "## Arguments\n")?;
    for (index, p) in params.iter().copied().chain(variadic).enumerate() {
        writeln!(
            out,
            "{}. `{}` ({}) {}",
            index + 1,
            p["name"].as_str().unwrap_or("arg"),
            type_name(&p["type"]),
            p["description"].as_str().unwrap_or_default()
        )?;
    }
    Ok(out)
}

/// Renders a block's attributes by group, then one section per nested block or nested
/// attribute, depth first.
fn render_block(out: &mut String, block: &Value, prefix: &str) {
    let mut nested: Vec<(String, &Value, bool)> = Vec::new();
    let attributes = block["attributes"].as_object();
    let blocks = block["block_types"].as_object();
    for (title, wanted) in [
        ("Required", Group::Required),
        ("Optional", Group::Optional),
        ("Read-Only", Group::ReadOnly),
    ] {
        let mut lines = Vec::new();
        for (name, attr) in attributes.into_iter().flatten() {
            if group_of(attr) != wanted {
                continue;
            }
            let anchor = format!("{prefix}{name}");
            let mut line = format!("- `{name}` ({}", attribute_type(attr));
            if attr["sensitive"].as_bool() == Some(true) {
                line.push_str(", Sensitive");
            }
            if attr["write_only"].as_bool() == Some(true) {
                line.push_str(", Write-only");
            }
            if attr["deprecated"].as_bool() == Some(true) {
                line.push_str(", Deprecated");
            }
            line.push(')');
            let description = attr["description"].as_str().unwrap_or_default();
            if !description.is_empty() {
                line.push(' ');
                line.push_str(description);
            }
            if attr.get("nested_type").is_some() {
                let _ = write!(
                    line,
                    " (see [below for nested schema](#nestedatt--{anchor}))"
                );
                nested.push((anchor, &attr["nested_type"], false));
            }
            lines.push(line);
        }
        for (name, nested_block) in blocks.into_iter().flatten() {
            if block_group(nested_block) != wanted {
                continue;
            }
            let anchor = format!("{prefix}{name}");
            let mode = nested_block["nesting_mode"].as_str().unwrap_or("list");
            let mut line = format!("- `{name}` (Block {}", block_mode_name(mode));
            if let Some(max) = nested_block["max_items"]
                .as_u64()
                .filter(|_| mode != "single")
            {
                let _ = write!(line, ", Max: {max}");
            }
            line.push(')');
            let description = nested_block["block"]["description"]
                .as_str()
                .unwrap_or_default();
            if !description.is_empty() {
                line.push(' ');
                line.push_str(description);
            }
            let _ = write!(
                line,
                " (see [below for nested schema](#nestedblock--{anchor}))"
            );
            nested.push((anchor, &nested_block["block"], true));
            lines.push(line);
        }
        if !lines.is_empty() {
            let _ = writeln!(out, "### {title}\n\n{}\n", lines.join("\n"));
        }
    }
    for (anchor, inner, is_block) in nested {
        let kind = if is_block { "nestedblock" } else { "nestedatt" };
        let path = anchor.replace("--", ".");
        let _ = writeln!(
            out,
            "<a id=\"{kind}--{anchor}\"></a>\n### Nested Schema for `{path}`\n"
        );
        render_block(out, inner, &format!("{anchor}--"));
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Group {
    Required,
    Optional,
    ReadOnly,
}

fn group_of(attr: &Value) -> Group {
    if attr["required"].as_bool() == Some(true) {
        Group::Required
    } else if attr["optional"].as_bool() == Some(true) {
        Group::Optional
    } else {
        Group::ReadOnly
    }
}

fn block_group(block: &Value) -> Group {
    if block["min_items"].as_u64().unwrap_or(0) > 0 {
        Group::Required
    } else {
        Group::Optional
    }
}

fn block_mode_name(mode: &str) -> &'static str {
    match mode {
        "single" | "group" => "Single",
        "set" => "Set",
        "map" => "Map",
        _ => "List",
    }
}

fn attribute_type(attr: &Value) -> String {
    if let Some(nested) = attr.get("nested_type") {
        let mode = nested["nesting_mode"].as_str().unwrap_or("single");
        return format!("Attributes {}", block_mode_name(mode));
    }
    type_name(&attr["type"])
}

/// A cty type from its JSON form, as the registry docs spell it.
fn type_name(ty: &Value) -> String {
    match ty {
        Value::String(s) => capitalize(s),
        Value::Array(parts) => match parts.first().and_then(Value::as_str) {
            Some(kind @ ("list" | "set" | "map")) => {
                format!("{} of {}", capitalize(kind), type_name(&parts[1]))
            }
            Some("object") => "Object".to_string(),
            Some("tuple") => "Tuple".to_string(),
            _ => "Dynamic".to_string(),
        },
        _ => "Dynamic".to_string(),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_text(path: &Path) -> anyhow::Result<String> {
    let mut text =
        fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// Writes the pages (or, with `check`, compares them) and removes pages no type has.
fn sync(docs: &Path, pages: &BTreeMap<PathBuf, String>, check: bool) -> anyhow::Result<()> {
    let mut stale = Vec::new();
    for (path, text) in pages {
        let file = docs.join(path);
        if fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
            if !check {
                fs::create_dir_all(file.parent().unwrap_or(docs))?;
                fs::write(&file, text)?;
            }
        }
    }
    for existing in markdown_files(docs)? {
        let relative = existing.strip_prefix(docs)?.to_path_buf();
        if !pages.contains_key(&relative) {
            stale.push(format!("{} (no such type)", relative.display()));
            if !check {
                fs::remove_file(&existing)?;
            }
        }
    }
    if stale.is_empty() {
        println!("docs are current ({} pages)", pages.len());
        Ok(())
    } else if check {
        bail!(
            "docs/ is stale: {}; run `cargo xtask docs` and commit",
            stale.join(", ")
        )
    } else {
        println!("updated {} page(s): {}", stale.len(), stale.join(", "));
        Ok(())
    }
}

fn markdown_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    if !dir.exists() {
        return Ok(files);
    }
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(markdown_files(&path)?);
        } else if path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn types_read_like_the_registry() {
        let cases = [
            (json!("string"), "String"),
            (json!(["list", "string"]), "List of String"),
            (json!(["map", ["list", "number"]]), "Map of List of Number"),
            (json!(["object", {"a": "string"}]), "Object"),
        ];
        for (ty, want) in cases {
            assert_eq!(type_name(&ty), want);
        }
    }

    #[test]
    fn notes_come_in_page_order_and_unknown_ones_are_refused() {
        let dir = std::env::temp_dir().join(format!("xtask-docs-notes-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for name in ["changes.md", "machine_pools.md", "resource.tf"] {
            fs::write(dir.join(name), name).unwrap();
        }
        let names: Vec<String> = notes(&dir)
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["machine_pools.md", "changes.md"]);
        fs::write(dir.join("stray.md"), "").unwrap();
        assert!(notes(&dir).is_err());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn blocks_group_attributes_and_link_nested_schemas() {
        let block = json!({
            "attributes": {
                "name": {"type": "string", "required": true, "description": "The name."},
                "id": {"type": "string", "computed": true, "description": "The uid."},
                "secret": {"type": "string", "optional": true, "sensitive": true}
            },
            "block_types": {
                "pack": {"nesting_mode": "list", "min_items": 1, "block": {
                    "attributes": {"tag": {"type": "string", "optional": true}}
                }}
            }
        });
        let mut out = String::new();
        render_block(&mut out, &block, "");
        assert!(
            out.contains("### Required\n\n- `name` (String) The name."),
            "{out}"
        );
        assert!(out.contains("- `pack` (Block List)"), "{out}");
        assert!(out.contains("- `secret` (String, Sensitive)"), "{out}");
        assert!(
            out.contains("### Read-Only\n\n- `id` (String) The uid."),
            "{out}"
        );
        assert!(
            out.contains("<a id=\"nestedblock--pack\"></a>\n### Nested Schema for `pack`"),
            "{out}"
        );
        assert!(out.contains("- `tag` (String)"), "{out}");
    }
}
