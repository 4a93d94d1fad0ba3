//! Bad input across every resource, data source and import: each invalid configuration fails
//! at plan (or import) with a diagnostic at the attribute at fault, and the provider sends no
//! write request while refusing it.
//!
//! The table runs on one emulator, in a few Terraform working directories at once (one per
//! thread, `terraform init` once each), and collects every mismatch before failing, so one run
//! shows them all. `BAD_INPUT_CASES=TEXT` runs only the cases whose name holds `TEXT` (such as
//! `BAD_INPUT_CASES="backup location"`).

use std::sync::Mutex;
use std::time::Instant;

use serde_json::json;

use crate::reliability::{HEADER, project_uid, scoped};
use crate::support::emulator::{API_KEY, PROJECT};
use crate::support::{Emulator, Terraform};

/// How many Terraform directories plan at once.
const THREADS: usize = 4;

/// A valid infra profile on AWS; cases replace parts of it.
const PROFILE: &str = r#"
resource "palette_cluster_profile" "x" {
  name        = "bad-input"
  version     = "1.0.0"
  type        = "infra"
  environment = "aws"
  pack {
    name = "ubuntu-aws"
    tag  = "22.04"
  }
  pack {
    name = "kubernetes"
    tag  = "1.33.10"
  }
  pack {
    name = "cni-calico"
    tag  = "3.31.4"
  }
  pack {
    name = "csi-aws-ebs"
    tag  = "1.59.0"
  }
}
"#;

/// A valid AWS cluster on the fixture profiles (`INFRA` and `ADDON` are replaced by their uids).
const CLUSTER: &str = r#"
data "palette_cloud_account" "aws" {
  name = "aws-dev"
}

resource "palette_cluster" "x" {
  name             = "bad-input"
  cloud_account_id = data.palette_cloud_account.aws.id
  aws {
    region = "us-east-1"
  }
  cluster_profile {
    id = "INFRA"
  }
  cluster_profile {
    id = "ADDON"
  }
  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "m5.large"
  }
  machine_pool {
    name          = "workers"
    count         = 2
    instance_type = "m5.large"
  }
}
"#;

/// A valid edge cluster on the fixture edge profile (`EDGE`).
const EDGE_CLUSTER: &str = r#"
resource "palette_cluster" "x" {
  name = "bad-input-edge"
  edge_native {
    vip = "10.10.0.10"
  }
  cluster_profile {
    id = "EDGE"
  }
  machine_pool {
    name          = "edge"
    control_plane = true
    edge_hosts    = ["edge-host-1"]
  }
}
"#;

/// A valid `palette_pack` on a cluster uid (`CLUSTER_UID`).
const PACK: &str = r#"
resource "palette_pack" "x" {
  cluster_id = "CLUSTER_UID"
  name       = "prometheus-operator"
  tag        = "83.5.0"
  values     = "replicas: 1"
}
"#;

/// A valid `palette_backup_storage_location` on MinIO; cases replace parts of it.
const LOCATION: &str = r#"
resource "palette_backup_storage_location" "x" {
  name = "bad-input"
  minio {
    bucket_name = "velero"
    region      = "us-east-1"
    s3_url      = "https://minio.example.com:9000"
    access_key  = "minio-user"
    secret_key  = "minio-secret"
  }
}
"#;

const IP_POOL: &str = r#"
resource "palette_ip_pool" "x" {
  private_cloud_gateway_id = "0123456789abcdef01234567"
  name                     = "bad-input"
  network_type             = "range"
  ip_start_range           = "10.10.1.10"
  ip_end_range             = "10.10.1.50"
  prefix                   = 24
  gateway                  = "10.10.1.1"
}
"#;

/// One invalid configuration.
struct Case {
    what: &'static str,
    /// The whole configuration after the provider block.
    hcl: String,
    /// `Some((address, id))` runs `terraform import` instead of a plan.
    import: Option<(&'static str, String)>,
    /// A regex the flattened output must match: summary, then where.
    expect: String,
}

/// The usual shape: `Error: SUMMARY`, then `with ADDRESS,`, then the source line naming the
/// attribute.
pub(crate) fn at(summary: &str, address: &str, attribute: &str) -> String {
    format!(
        r"Error: {summary} .*with {}, on main\.tf line \d+, in [a-z]+ .*\d+: .*{attribute}",
        regex::escape(address)
    )
}

/// Terraform's own checks (unknown arguments, types): `on main.tf line`, then the attribute.
fn hcl_error(summary: &str, attribute: &str) -> String {
    format!(r"Error: {summary} .*on main\.tf line \d+, in [a-z]+ .*\d+: .*{attribute}")
}

fn cases(
    infra: &str,
    addon: &str,
    edge: &str,
    eks: &str,
    oci_registry: &str,
    host_1: &str,
) -> Vec<Case> {
    let cluster = CLUSTER.replace("INFRA", infra).replace("ADDON", addon);
    let edge_cluster = EDGE_CLUSTER.replace("EDGE", edge);
    let pack = PACK.replace("CLUSTER_UID", "0123456789abcdef01234567");
    let p = "palette_cluster_profile.x";
    let c = "palette_cluster.x";
    let plan = |what, hcl: String, expect: String| Case {
        what,
        hcl,
        import: None,
        expect,
    };
    let profile = |from: &str, to: &str| {
        assert!(PROFILE.contains(from), "{from:?} is not in PROFILE");
        PROFILE.replacen(from, to, 1)
    };
    let cl = |from: &str, to: &str| {
        assert!(cluster.contains(from), "{from:?} is not in CLUSTER");
        cluster.replacen(from, to, 1)
    };
    let l = "palette_backup_storage_location.x";
    let location = |from: &str, to: &str| {
        assert!(LOCATION.contains(from), "{from:?} is not in LOCATION");
        LOCATION.replacen(from, to, 1)
    };
    let ip = "palette_ip_pool.x";
    let pool = |from: &str, to: &str| {
        assert!(IP_POOL.contains(from), "{from:?} is not in IP_POOL");
        IP_POOL.replacen(from, to, 1)
    };
    let import = |what, address: &'static str, hcl: &str, id: &str, expect: String| Case {
        what,
        hcl: hcl.to_string(),
        import: Some((address, id.to_string())),
        expect,
    };
    vec![
        // palette_cluster_profile: types, ranges, formats.
        plan(
            "profile type outside its set",
            profile("type        = \"infra\"", "type        = \"everything\""),
            at("Invalid Attribute Value", p, "type"),
        ),
        plan(
            "profile environment unknown",
            profile("environment = \"aws\"", "environment = \"mars\""),
            at("Invalid Attribute Value", p, "environment"),
        ),
        plan(
            "profile context unknown",
            profile("type        = \"infra\"", "type = \"infra\"\n  context = \"galaxy\""),
            at("Invalid Attribute Value", p, "context"),
        ),
        plan(
            "profile version not semantic",
            profile("version     = \"1.0.0\"", "version     = \"1.0\""),
            at("Invalid Profile Version", p, "version"),
        ),
        plan(
            "profile version with letters",
            profile("version     = \"1.0.0\"", "version     = \"v1.x.0\""),
            at("Invalid Profile Version", p, "version"),
        ),
        plan(
            "profile name empty",
            profile("name        = \"bad-input\"", "name        = \"\""),
            at("Invalid Attribute Value", p, "name"),
        ),
        plan(
            "profile tags not a map",
            profile("type        = \"infra\"", "type = \"infra\"\n  tags = \"team\""),
            hcl_error("Incorrect attribute value type", "tags"),
        ),
        plan(
            "profile unknown argument",
            profile("type        = \"infra\"", "type = \"infra\"\n  colour = \"red\""),
            hcl_error("Unsupported argument", "colour"),
        ),
        plan(
            "profile without packs",
            "resource \"palette_cluster_profile\" \"x\" {\n  name = \"bad-input\"\n}\n".into(),
            r"Error: (Insufficient pack blocks|Missing Pack|Invalid Stack).*pack".into(),
        ),
        // Packs: unknown names, tags, registries.
        plan(
            "pack tag not on offer",
            profile("tag  = \"22.04\"", "tag  = \"99.99.99\""),
            at("Unknown Pack Tag", p, "tag"),
        ),
        plan(
            "pack name unknown",
            profile("name = \"csi-aws-ebs\"", "name = \"no-such-pack\""),
            at("Unknown Pack", p, "name"),
        ),
        plan(
            "pack tag missing",
            profile("    tag  = \"22.04\"\n", ""),
            at("Missing Pack Tag", p, "pack"),
        ),
        plan(
            "pack registry name and uid together",
            profile(
                "tag  = \"1.59.0\"\n  }\n",
                &format!(
                    "tag  = \"1.59.0\"\n  }}\n  pack {{\n    name = \"falco\"\n    tag = \"2.0.18\"\n    type = \"oci\"\n    registry_name = \"Public Repo\"\n    registry_uid = \"{oci_registry}\"\n  }}\n"
                ),
            ),
            at("Conflicting Registry", p, "registry_"),
        ),
        plan(
            "pack registry unknown",
            profile(
                "tag  = \"3.31.4\"",
                "tag  = \"3.31.4\"\n    registry_name = \"No Such Registry\"",
            ),
            at("Unknown Registry", p, "registry_name"),
        ),
        plan(
            "pack type outside its set",
            profile(
                "tag  = \"3.31.4\"",
                "tag  = \"3.31.4\"\n    type = \"zip\"",
            ),
            at("Invalid Attribute Value", p, "type"),
        ),
        // YAML.
        plan(
            "pack values not YAML",
            profile("tag  = \"1.33.10\"", "tag  = \"1.33.10\"\n    values = \"a: [1, 2\""),
            at("Invalid Pack Values", p, "values"),
        ),
        plan(
            "pack values with a bad indent",
            profile(
                "tag  = \"1.33.10\"",
                "tag  = \"1.33.10\"\n    values = \"a:\\n  b: 1\\n c: 2\"",
            ),
            at("Invalid Pack Values", p, "values"),
        ),
        plan(
            "manifest content not YAML",
            profile(
                "    tag  = \"3.31.4\"\n",
                "    tag  = \"3.31.4\"\n    manifest {\n      name = \"m\"\n      content = \"kind: [\"\n    }\n",
            ),
            at("(Invalid Manifest YAML|Unexpected Manifest)", p, "(content|manifest)"),
        ),
        plan(
            "manifest pack without a manifest",
            profile(
                "    name = \"cni-calico\"\n    tag  = \"3.31.4\"\n",
                "    name = \"cni-calico\"\n    tag  = \"3.31.4\"\n  }\n  pack {\n    name = \"my-manifests\"\n    type = \"manifest\"\n",
            ),
            at("Missing Manifest", p, "pack"),
        ),
        // Layer rules and environment matches.
        plan(
            "infra profile without an OS",
            profile("  pack {\n    name = \"ubuntu-aws\"\n    tag  = \"22.04\"\n  }\n", ""),
            at("Invalid Stack", p, "pack"),
        ),
        plan(
            "the same pack twice",
            profile(
                "  pack {\n    name = \"csi-aws-ebs\"",
                "  pack {\n    name = \"cni-calico\"\n    tag = \"3.31.4\"\n  }\n  pack {\n    name = \"csi-aws-ebs\"",
            ),
            at("Duplicate Pack", p, "pack"),
        ),
        plan(
            "pack made for another environment",
            profile("environment = \"aws\"", "environment = \"azure\""),
            at(
                "Invalid Stack",
                p,
                r#"name = "ubuntu-aws" pack\[0\] "ubuntu-aws" is made for aws, not for azure"#,
            ),
        ),
        plan(
            "add-on profile holding an OS",
            profile("type        = \"infra\"", "type        = \"add-on\""),
            at("(Invalid Stack|Not An Add-On Pack)", p, "pack"),
        ),
        plan(
            "variable declared twice",
            profile(
                "  pack {\n    name = \"ubuntu-aws\"",
                "  variable {\n    name = \"v\"\n  }\n  variable {\n    name = \"v\"\n  }\n  pack {\n    name = \"ubuntu-aws\"",
            ),
            at("Duplicate Variable", p, "variable"),
        ),
        plan(
            "variable default that breaks its format",
            profile(
                "  pack {\n    name = \"ubuntu-aws\"",
                "  variable {\n    name = \"v\"\n    format = \"ipv4\"\n    default_value = \"ten\"\n  }\n  pack {\n    name = \"ubuntu-aws\"",
            ),
            at("Default Does Not Fit The Format", p, "default_value"),
        ),
        plan(
            "variable default that breaks its regex",
            profile(
                "  pack {\n    name = \"ubuntu-aws\"",
                "  variable {\n    name = \"v\"\n    regex = \"[0-9]+\"\n    default_value = \"12a\"\n  }\n  pack {\n    name = \"ubuntu-aws\"",
            ),
            at("Default Does Not Match The Regex", p, "default_value"),
        ),
        plan(
            "variable default that is not an option",
            profile(
                "  pack {\n    name = \"ubuntu-aws\"",
                "  variable {\n    name = \"v\"\n    input_type = \"dropdown\"\n    default_value = \"xl\"\n    option {\n      value = \"s\"\n    }\n  }\n  pack {\n    name = \"ubuntu-aws\"",
            ),
            at("Default Is Not An Option", p, "default_value"),
        ),
        plan(
            "variable regex that does not compile",
            profile(
                "  pack {\n    name = \"ubuntu-aws\"",
                "  variable {\n    name = \"v\"\n    regex = \"([\"\n  }\n  pack {\n    name = \"ubuntu-aws\"",
            ),
            at("Invalid Variable Regex", p, "regex"),
        ),
        plan(
            "pack values using an undeclared variable",
            profile(
                "    name = \"kubernetes\"\n    tag  = \"1.33.10\"",
                "    name = \"kubernetes\"\n    tag  = \"1.33.10\"\n    values = \"cluster:\\n  domain: '{{ .spectro.var.domain }}'\\n\"",
            ),
            at("Undefined Profile Variable", p, "values"),
        ),
        plan(
            "variable format outside its set",
            profile(
                "  pack {\n    name = \"ubuntu-aws\"",
                "  variable {\n    name = \"v\"\n    format = \"colour\"\n  }\n  pack {\n    name = \"ubuntu-aws\"",
            ),
            at("Invalid Attribute Value", p, "format"),
        ),
        // palette_cluster.
        plan(
            "cluster without an environment block",
            cl("  aws {\n    region = \"us-east-1\"\n  }\n", ""),
            at("Missing Environment Block", c, ""),
        ),
        plan(
            "cluster with two environment blocks",
            cl(
                "  aws {\n",
                "  gcp {\n    project = \"p\"\n    region = \"r\"\n  }\n  aws {\n",
            ),
            at("Conflicting Environment Blocks", c, "(aws|gcp)"),
        ),
        plan(
            "cluster on an account of another environment",
            cl("name = \"aws-dev\"", "name = \"azure-dev\""),
            at("Wrong Cloud Account", c, "cloud_account_id"),
        ),
        plan(
            "cluster without a control-plane pool",
            cl("    control_plane = true\n", ""),
            // At the first pool, where `control_plane = true` goes.
            at("Missing Control-Plane Pool", c, "machine_pool"),
        ),
        plan(
            "dedicated hosts without their host resource group",
            cl(
                "count         = 2",
                "count = 2\n    capacity_type = \"host-resource-group\"\n    \
                 license_configuration_arns = [\"arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0abc\"]",
            ),
            at("Missing Host Resource Group", c, "host_resource_group_arn"),
        ),
        plan(
            "a license configuration ARN that is a group's",
            cl(
                "count         = 2",
                "count = 2\n    capacity_type = \"host-resource-group\"\n    \
                 host_resource_group_arn = \"arn:aws:resource-groups:us-east-1:123456789012:group/hosts\"\n    \
                 license_configuration_arns = [\"arn:aws:resource-groups:us-east-1:123456789012:group/hosts\"]",
            ),
            at("Invalid ARN", c, "license_configuration_arns"),
        ),
        plan(
            "HyperShift on an AWS cluster",
            cl(
                "  cluster_profile {\n",
                "  hyper_shift_config {\n    cluster_deployment_type = \"hypershift\"\n  }\n  cluster_profile {\n",
            ),
            at("HyperShift Only On MAAS", c, "cluster_deployment_type"),
        ),
        plan(
            "pool count above its max",
            cl("count         = 2", "count = 5\n    max = 3"),
            at("Pool Size Out Of Range", c, "count"),
        ),
        plan(
            "pool sizing field the environment does not take",
            cl("count         = 2", "count = 2\n    memory_mb = 4096"),
            at("Unsupported Machine Pool Field", c, "memory_mb"),
        ),
        plan(
            "cloud account without its secret",
            "resource \"palette_cloud_account\" \"x\" {\n  name = \"bad\"\n  azure {\n    tenant_id = \"t\"\n    client_id = \"c\"\n  }\n}\n".to_string(),
            at("Missing Account Field", "palette_cloud_account.x", "client_secret"),
        ),
        plan(
            "AWS role account without its ARN",
            "resource \"palette_cloud_account\" \"x\" {\n  name = \"bad\"\n  aws {\n    credential_type = \"sts\"\n  }\n}\n".to_string(),
            at("Missing Account Field", "palette_cloud_account.x", "arn"),
        ),
        plan(
            "cloud account of two kinds",
            "resource \"palette_cloud_account\" \"x\" {\n  name = \"bad\"\n  gcp {\n    json_credentials = \"{}\"\n  }\n  tencent {\n    secret_id = \"i\"\n    secret_key = \"k\"\n  }\n}\n".to_string(),
            at("Conflicting Account Kinds", "palette_cloud_account.x", "tencent"),
        ),
        plan(
            "AWS partition outside its set",
            "resource \"palette_cloud_account\" \"x\" {\n  name = \"bad\"\n  aws {\n    access_key = \"a\"\n    secret_key = \"s\"\n    partition = \"moon\"\n  }\n}\n".to_string(),
            at("Invalid Attribute Value", "palette_cloud_account.x", "partition"),
        ),
        plan(
            "backup schedule not cron",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  backup_policy {\n    backup_storage_location_id = \"0123456789abcdef01234567\"\n    prefix = \"p\"\n    schedule = \"at midnight\"\n    expiry_in_hours = 24\n  }\n",
            ),
            at("Invalid Schedule", c, "schedule"),
        ),
        plan(
            "scan policy without any scan",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  scan_policy {\n  }\n",
            ),
            // An empty block has no source range of its own: Terraform points at the resource.
            r"Error: Empty Scan Policy .*with palette_cluster\.x".to_string(),
        ),
        plan(
            "namespace name Kubernetes refuses",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  namespace {\n    name = \"Team_A\"\n  }\n",
            ),
            at("Invalid Attribute Value", c, "name"),
        ),
        plan(
            "backup location without its secret",
            location("    secret_key  = \"minio-secret\"\n", ""),
            at("Missing Location Field", l, "secret_key"),
        ),
        plan(
            "backup location without a kind",
            "resource \"palette_backup_storage_location\" \"x\" {\n  name = \"bad\"\n}\n".to_string(),
            at("Missing Location Kind", l, "resource"),
        ),
        plan(
            "backup location of two kinds",
            location("  minio {", "  gcp {\n    bucket_name = \"b\"\n    json_credentials = \"{}\"\n  }\n  minio {"),
            at("Conflicting Location Kinds", l, "minio"),
        ),
        plan(
            "S3 role location without its ARN",
            "resource \"palette_backup_storage_location\" \"x\" {\n  name = \"bad\"\n  s3 {\n    bucket_name = \"b\"\n    region = \"r\"\n    credential_type = \"sts\"\n  }\n}\n".to_string(),
            at("Missing Location Field", l, "arn"),
        ),
        plan(
            "backup location endpoint not a URL",
            location("https://minio.example.com:9000", "minio.example.com:9000"),
            at("Invalid Endpoint URL", l, "s3_url"),
        ),
        plan(
            "backup location service account key not JSON",
            "resource \"palette_backup_storage_location\" \"x\" {\n  name = \"bad\"\n  gcp {\n    bucket_name = \"b\"\n    json_credentials = \"sa.json\"\n  }\n}\n".to_string(),
            at("Invalid JSON Credentials", l, "json_credentials"),
        ),
        plan(
            "backup location Azure cloud outside its set",
            "resource \"palette_backup_storage_location\" \"x\" {\n  name = \"bad\"\n  azure {\n    container_name = \"c\"\n    storage_account_name = \"s\"\n    resource_group = \"g\"\n    subscription_id = \"sub\"\n    tenant_id = \"t\"\n    client_id = \"c\"\n    client_secret = \"x\"\n    client_cloud = \"moon\"\n  }\n}\n".to_string(),
            at("Invalid Attribute Value", l, "client_cloud"),
        ),
        plan(
            "backup location name empty",
            location("name = \"bad-input\"", "name = \"\""),
            at("Invalid Attribute Value", l, "name"),
        ),
        plan(
            "IP pool range that ends before it starts",
            pool("\"10.10.1.50\"", "\"10.10.1.5\""),
            at("Invalid IP Pool", ip, "ip_end_range"),
        ),
        plan(
            "IP pool range with a subnet",
            pool("  prefix ", "  subnet_cidr = \"10.10.1.0/24\"\n  prefix "),
            at("Invalid IP Pool", ip, "subnet_cidr"),
        ),
        plan(
            "IP pool address outside the gateway's network",
            pool("\"10.10.1.10\"", "\"10.10.2.10\""),
            at("Invalid IP Pool", ip, "ip_start_range"),
        ),
        plan(
            "IP pool address that is not one",
            pool("gateway                  = \"10.10.1.1\"", "gateway = \"10.10.1\""),
            at("Invalid IP Pool", ip, "gateway"),
        ),
        plan(
            "upgrade skipped on the control plane",
            cl(
                "    control_plane = true\n",
                "    control_plane = true\n    skip_k8s_upgrade = true\n",
            ),
            at("Skip Upgrade Not Applicable", c, "skip_k8s_upgrade"),
        ),
        plan(
            "kubeadm override on the control plane",
            cl(
                "    control_plane = true\n",
                "    control_plane = true\n    override_kubeadm_configuration = \"kubeletExtraArgs: {}\"\n",
            ),
            at("Kubeadm Override Not Applicable", c, "override_kubeadm_configuration"),
        ),
        plan(
            "kubeadm override with a key Palette does not read",
            cl(
                "name          = \"workers\"",
                "name          = \"workers\"\n    override_kubeadm_configuration = \"kubeletArgs:\\n  a: b\\n\"",
            ),
            at("Invalid Kubeadm Override", c, "override_kubeadm_configuration"),
        ),
        plan(
            "node maintenance in a pool the cluster does not run yet",
            cl(
                "name          = \"workers\"",
                "name          = \"workers\"\n    node {\n      node_id = \"m-1\"\n      action  = \"cordon\"\n    }",
            ),
            at("Node Maintenance Before The Pool Runs", c, "node"),
        ),
        plan(
            "node maintenance action outside its set",
            cl(
                "name          = \"workers\"",
                "name          = \"workers\"\n    node {\n      node_id = \"m-1\"\n      action  = \"drain\"\n    }",
            ),
            at("Invalid Attribute Value", c, "action"),
        ),
        plan(
            "pool repave interval on the control plane",
            cl(
                "    control_plane = true\n",
                "    control_plane = true\n    node_repave_interval = 30\n",
            ),
            at("Node Repave Interval Not Applicable", c, "node_repave_interval"),
        ),
        plan(
            "pool update strategy outside its set",
            cl(
                "count         = 2",
                "count = 2\n    update_strategy = \"OverrideScaling\"",
            ),
            at("Invalid Attribute Value", c, "update_strategy"),
        ),
        plan(
            "OS patch schedule not cron",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  os_patch_schedule = \"every night\"\n",
            ),
            at("Invalid OS Patch Schedule", c, "os_patch_schedule"),
        ),
        plan(
            "OS patch time not RFC 3339",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  os_patch_after = \"2026-12-31\"\n",
            ),
            at("Invalid OS Patch Time", c, "os_patch_after"),
        ),
        plan(
            "time zone not IANA",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  cluster_timezone = \"CET+1\"\n",
            ),
            at("Invalid Time Zone", c, "cluster_timezone"),
        ),
        plan(
            "repave approval outside its set",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  repave_approval = \"never\"\n",
            ),
            at("Invalid Attribute Value", c, "repave_approval"),
        ),
        plan(
            "OS patching on Edge",
            edge_cluster.replacen(
                "  name = \"bad-input-edge\"\n",
                "  name = \"bad-input-edge\"\n  os_patch_on_boot = true\n",
                1,
            ),
            at("OS Patching Not On Edge", c, "os_patch_on_boot"),
        ),
        plan(
            "host config: a load balancer setting on an ingress",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  host_config {\n    external_traffic_policy = \"Local\"\n  }\n",
            ),
            at("Setting Of The Other Endpoint Type", c, "external_traffic_policy"),
        ),
        plan(
            "host config: a source range that is not a CIDR",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  host_config {\n    host_endpoint_type = \"LoadBalancer\"\n    load_balancer_source_ranges = [\"10.0.0.0/33\"]\n  }\n",
            ),
            at("Invalid CIDR", c, "load_balancer_source_ranges"),
        ),
        plan(
            "a location on a cloud cluster",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  location {\n    latitude = 40\n    longitude = -74\n  }\n",
            ),
            at("Location Of A Cloud Cluster", c, "location"),
        ),
        plan(
            "pool count not a number",
            cl("count         = 2", "count = \"many\""),
            hcl_error("Incorrect attribute value type", "count"),
        ),
        plan(
            "two pools with one name",
            cl("name          = \"workers\"", "name          = \"cp\""),
            at("Duplicate Machine Pool", c, "name"),
        ),
        plan(
            "wait_for outside its set",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  wait_for = \"forever\"\n",
            ),
            at("Invalid Attribute Value", c, "wait_for"),
        ),
        plan(
            "timeout not a duration",
            cl(
                "  name             = \"bad-input\"\n",
                "  name             = \"bad-input\"\n  timeouts {\n    create = \"soon\"\n  }\n",
            ),
            at("Invalid Timeout", c, "create"),
        ),
        plan(
            "profile uid that does not exist",
            cl(infra, "0123456789abcdef01234567"),
            at("Unknown Cluster Profile", c, "id"),
        ),
        plan(
            "only an add-on profile",
            cl(&format!("  cluster_profile {{\n    id = \"{infra}\"\n  }}\n"), ""),
            at("Missing Infrastructure Profile", c, "id"),
        ),
        plan(
            "override of a pack the profile lacks",
            cl(
                &format!("    id = \"{addon}\"\n"),
                &format!(
                    "    id = \"{addon}\"\n    pack {{\n      name = \"no-such-layer\"\n      values = \"a: 1\"\n    }}\n"
                ),
            ),
            at("Unknown Pack Override", c, "name"),
        ),
        plan(
            "a value for a variable the profile does not declare",
            cl(
                &format!("    id = \"{addon}\"\n"),
                &format!("    id = \"{addon}\"\n    variables = {{ nope = \"1\" }}\n"),
            ),
            at("Undefined Profile Variable", c, "variables"),
        ),
        plan(
            "override at another tag than the profile's",
            cl(
                &format!("    id = \"{addon}\"\n"),
                &format!(
                    "    id = \"{addon}\"\n    pack {{\n      name = \"nginx\"\n      tag = \"1.11.0\"\n      values = \"a: 1\"\n    }}\n"
                ),
            ),
            at("Pack Override Tag Differs", c, "tag"),
        ),
        plan(
            "unknown reference",
            cl(&format!("id = \"{infra}\""), "id = palette_cluster_profile.nope.id"),
            r"Error: Reference to undeclared resource .*on main\.tf line \d+.*palette_cluster_profile\.nope".into(),
        ),
        plan(
            "cloud account on an edge cluster",
            edge_cluster.replacen(
                "  name = \"bad-input-edge\"\n",
                "  name = \"bad-input-edge\"\n  cloud_account_id = \"0123456789abcdef01234567\"\n",
                1,
            ),
            at("Unexpected Cloud Account", c, "cloud_account_id"),
        ),
        plan(
            "an edge control plane without hosts",
            edge_cluster.replacen(
                "    edge_hosts    = [\"edge-host-1\"]",
                "    edge_hosts    = []",
                1,
            ),
            at("Empty Control Plane", c, "edge_hosts"),
        ),
        plan(
            "one edge host in two pools, by name and by uid",
            edge_cluster.replacen(
                "  }\n}\n",
                &format!(
                    "  }}\n  machine_pool {{\n    name = \"more\"\n    edge_hosts = [\"{host_1}\"]\n  }}\n}}\n"
                ),
                1,
            ),
            at("Edge Host Used Twice", c, "edge_hosts"),
        ),
        plan(
            "one edge host in two pools",
            edge_cluster.replacen(
                "  }\n}\n",
                "  }\n  machine_pool {\n    name = \"more\"\n    edge_hosts = [\"edge-host-1\"]\n  }\n}\n",
                1,
            ),
            at("Edge Host Used Twice", c, "edge_hosts"),
        ),
        plan(
            "control plane on a managed cloud",
            format!(
                r#"
data "palette_cloud_account" "aws" {{
  name = "aws-dev"
}}
resource "palette_cluster" "x" {{
  name             = "bad-input-eks"
  cloud_account_id = data.palette_cloud_account.aws.id
  eks {{
    region = "us-west-2"
  }}
  cluster_profile {{
    id = "{eks}"
  }}
  machine_pool {{
    name          = "workers"
    control_plane = true
    count         = 1
    instance_type = "m5.large"
  }}
}}
"#
            ),
            at("Managed Control Plane", c, "control_plane"),
        ),
        // AWS and EKS networks (the seeded `aws-dev` account's VPCs).
        plan(
            "pool subnets without a vpc_id",
            cl(
                "count         = 2\n    instance_type = \"m5.large\"",
                "count         = 2\n    instance_type = \"m5.large\"\n    az_subnets = { \"us-east-1a\" = \"subnet-0e110000000000001\" }",
            ),
            at("Subnets Without A VPC", c, "az_subnets"),
        ),
        plan(
            "pool subnets in a zone of another region",
            cl("region = \"us-east-1\"", "region = \"us-east-1\"\n    vpc_id = \"vpc-0e1a2b3c4d5e6f701\"")
                .replacen(
                    "count         = 2\n    instance_type = \"m5.large\"",
                    "count         = 2\n    instance_type = \"m5.large\"\n    az_subnets = { \"us-west-2a\" = \"subnet-0a110000000000001\" }",
                    1,
                ),
            at("Availability Zone Outside The Region", c, "az_subnets"),
        ),
        plan(
            "pool subnet outside the account's VPC",
            cl("region = \"us-east-1\"", "region = \"us-east-1\"\n    vpc_id = \"vpc-0e1a2b3c4d5e6f701\"")
                .replacen(
                    "count         = 2\n    instance_type = \"m5.large\"",
                    "count         = 2\n    instance_type = \"m5.large\"\n    az_subnets = { \"us-east-1a\" = \"subnet-0a110000000000001\" }",
                    1,
                ),
            at("Subnet Not In The VPC", c, "az_subnets"),
        ),
        plan(
            "pool security groups without a vpc_id",
            cl(
                "count         = 2\n    instance_type = \"m5.large\"",
                "count         = 2\n    instance_type = \"m5.large\"\n    additional_security_groups = [\"sg-0e1a000000000001a\"]",
            ),
            at("Security Groups Without A VPC", c, "additional_security_groups"),
        ),
        plan(
            "an EKS AMI type on an AWS pool",
            cl(
                "count         = 2\n    instance_type = \"m5.large\"",
                "count         = 2\n    instance_type = \"m5.large\"\n    ami_type = \"AL2023_x86_64_STANDARD\"",
            ),
            at("Unsupported Machine Pool Field", c, "ami_type"),
        ),
        plan(
            "an EKS AMI type outside its set",
            format!(
                r#"
data "palette_cloud_account" "aws" {{
  name = "aws-dev"
}}
resource "palette_cluster" "x" {{
  name             = "bad-input-eks"
  cloud_account_id = data.palette_cloud_account.aws.id
  eks {{
    region = "us-west-2"
  }}
  cluster_profile {{
    id = "{eks}"
  }}
  machine_pool {{
    name          = "workers"
    count         = 1
    instance_type = "m5.large"
    ami_type      = "AL2_x86_64"
  }}
}}
"#
            ),
            at("Invalid Attribute Value", c, "ami_type"),
        ),
        // palette_pack.
        plan(
            "pack resource with a malformed cluster id",
            pack.replacen("0123456789abcdef01234567", "not-a-uid", 1),
            at("Cluster Not Found", "palette_pack.x", "cluster_id = \"not-a-uid\""),
        ),
        plan(
            "pack resource with values that are not YAML",
            pack.replacen("\"replicas: 1\"", "\"replicas: [\"", 1),
            at("Invalid Pack Values", "palette_pack.x", "values"),
        ),
        plan(
            "pack resource with a type outside its set",
            pack.replacen("  tag ", "  type = \"zip\"\n  tag ", 1),
            at("Invalid Attribute Value", "palette_pack.x", "type"),
        ),
        // Data sources.
        plan(
            "pack data source for an unknown pack",
            "data \"palette_pack\" \"x\" {\n  name = \"no-such-pack\"\n}\n".into(),
            at("Unknown Pack", "data.palette_pack.x", "name"),
        ),
        plan(
            "pack data source for an unknown tag",
            "data \"palette_pack\" \"x\" {\n  name = \"nginx\"\n  tag = \"0.0.0-nope\"\n}\n".into(),
            at("Unknown Pack Tag", "data.palette_pack.x", "tag"),
        ),
        plan(
            "registry data source for an unknown registry",
            "data \"palette_registry\" \"x\" {\n  name = \"No Such Registry\"\n}\n".into(),
            at("Unknown Registry", "data.palette_registry.x", "name"),
        ),
        plan(
            "cloud account data source for an unknown account",
            "data \"palette_cloud_account\" \"x\" {\n  name = \"nope-dev\"\n}\n".into(),
            at("Unknown Cloud Account", "data.palette_cloud_account.x", "name"),
        ),
        plan(
            "cloud account data source with an unknown environment",
            "data \"palette_cloud_account\" \"x\" {\n  name = \"aws-dev\"\n  environment = \"mars\"\n}\n".into(),
            at("Invalid Attribute Value", "data.palette_cloud_account.x", "environment"),
        ),
        plan(
            "cluster profile data source for an unknown profile",
            "data \"palette_cluster_profile\" \"x\" {\n  name = \"nope\"\n}\n".into(),
            at("Cluster Profile Not Found", "data.palette_cluster_profile.x", "name"),
        ),
        plan(
            "cluster data source with both id and name",
            "data \"palette_cluster\" \"x\" {\n  id = \"0123456789abcdef01234567\"\n  name = \"x\"\n}\n".into(),
            at("Invalid Attribute Combination", "data.palette_cluster.x", "(id|name)"),
        ),
        plan(
            "cluster data source for an unknown cluster",
            "data \"palette_cluster\" \"x\" {\n  name = \"nope\"\n}\n".into(),
            at("(Unknown Cluster|Cluster Not Found)", "data.palette_cluster.x", "name"),
        ),
        plan(
            "kubeconfig with an unknown context",
            "ephemeral \"palette_kubeconfig\" \"x\" {\n  cluster_id = \"0123456789abcdef01234567\"\n  context = \"galaxy\"\n}\n".into(),
            at("Invalid Attribute Value", "ephemeral.palette_kubeconfig.x", "context"),
        ),
        // Import ids.
        import(
            "profile import id with two slashes",
            p,
            PROFILE,
            "tenant/a/b",
            r"Error: Invalid Import ID .*tenant/a/b".into(),
        ),
        import(
            "profile import id with a bad version",
            p,
            PROFILE,
            "bad-input@1.x",
            r"Error: Invalid Import ID .*1\.x".into(),
        ),
        import(
            "cluster import id with a slash in the name",
            c,
            &cluster,
            "project/a/b",
            r#"Error: Invalid Import ID .*got "project/a/b": the cluster name "a/b" contains '/'"#.into(),
        ),
        import(
            "pack import id without a cluster uid",
            "palette_pack.x",
            &pack,
            "not-a-uid/prometheus-operator",
            r"Error: Invalid Import ID .*not-a-uid".into(),
        ),
        import(
            "pack import id without a slash",
            "palette_pack.x",
            &pack,
            "prometheus-operator",
            r"Error: Invalid Import ID .*prometheus-operator".into(),
        ),
        import(
            "backup location import id without its kind",
            "palette_backup_storage_location.x",
            LOCATION,
            "team-backups",
            r"Error: Invalid Import ID .*the location kind is missing: one of s3, minio, gcp, azure".into(),
        ),
        import(
            "backup location import id of an account kind",
            "palette_backup_storage_location.x",
            LOCATION,
            "aws/team-backups",
            r#"Error: Invalid Import ID .*"aws" is not a location kind"#.into(),
        ),
    ]
}

/// A valid cluster template on the fixture profiles (`INFRA` and `ADDON`).
const TEMPLATE: &str = r#"
resource "palette_cluster_template" "x" {
  name        = "bad-input"
  environment = "aws"
  cluster_profile {
    id = "INFRA"
  }
  cluster_profile {
    id = "ADDON"
  }
}
"#;

/// Bad `palette_cluster_template` configurations, and bad `cluster_template` blocks of a
/// cluster (`aws_template` holds `infra` alone; `edge_template` is an Edge template).
fn template_cases(
    infra: &str,
    addon: &str,
    eks: &str,
    aws_template: &str,
    edge_template: &str,
) -> Vec<Case> {
    let template = TEMPLATE.replace("INFRA", infra).replace("ADDON", addon);
    let t = "palette_cluster_template.x";
    let c = "palette_cluster.x";
    let plan = |what, hcl: String, expect: String| Case {
        what,
        hcl,
        import: None,
        expect,
    };
    let tp = |from: &str, to: &str| {
        assert!(template.contains(from), "{from:?} is not in TEMPLATE");
        template.replacen(from, to, 1)
    };
    let cluster = CLUSTER.replace("INFRA", infra).replace("ADDON", addon);
    let profiles = format!(
        "  cluster_profile {{\n    id = \"{infra}\"\n  }}\n  cluster_profile {{\n    id = \"{addon}\"\n  }}\n"
    );
    assert!(
        cluster.contains(&profiles),
        "the profiles are not in CLUSTER"
    );
    // The cluster with `block` instead of its profile blocks.
    let from_template = |block: &str| cluster.replacen(&profiles, block, 1);
    let block =
        |id: &str, inner: &str| format!("  cluster_template {{\n    id = \"{id}\"\n{inner}  }}\n");
    vec![
        plan(
            "template profile of another environment",
            tp(&format!("id = \"{infra}\""), &format!("id = \"{eks}\"")),
            at("Profile Of Another Environment", t, "id"),
        ),
        plan(
            "template value for a variable the profile does not declare",
            tp(
                &format!("id = \"{addon}\"\n"),
                &format!("id = \"{addon}\"\n    variables = {{ nope = \"1\" }}\n"),
            ),
            at("Undefined Profile Variable", t, "variables"),
        ),
        plan(
            "template without an infra or full profile",
            tp(
                &format!("  cluster_profile {{\n    id = \"{infra}\"\n  }}\n"),
                "",
            ),
            at("One Infra Or Full Profile Needed", t, "id"),
        ),
        plan(
            "template profile uid that does not exist",
            tp(
                &format!("id = \"{addon}\""),
                "id = \"0123456789abcdef01234567\"",
            ),
            at("Unknown Cluster Profile", t, "id"),
        ),
        plan(
            "template profile named twice",
            tp(&format!("id = \"{addon}\""), &format!("id = \"{infra}\"")),
            at("Duplicate Cluster Profile", t, "id"),
        ),
        plan(
            "template environment that is not one",
            tp("environment = \"aws\"", "environment = \"mars\""),
            at("Invalid Attribute Value", t, "environment"),
        ),
        Case {
            what: "template import id of an unknown context",
            hcl: template.clone(),
            import: Some((t, "team/0123456789abcdef01234567".to_owned())),
            expect: r"Error: Invalid Import ID .*team/0123456789abcdef01234567".into(),
        },
        plan(
            "cluster with both profiles and a template",
            cluster.replacen(
                "  machine_pool {",
                &format!("{}  machine_pool {{", block(aws_template, "")),
                1,
            ),
            at("Profiles And Template Both Set", c, "id"),
        ),
        plan(
            "cluster with neither profiles nor a template",
            from_template(""),
            r"Error: No Cluster Profiles .*with palette_cluster\.x".into(),
        ),
        plan(
            "cluster template that does not exist",
            from_template(&block("0123456789abcdef01234567", "")),
            at("Unknown Cluster Template", c, "id"),
        ),
        plan(
            "cluster template of another environment",
            from_template(&block(edge_template, "")),
            at("Cluster Template Of Another Environment", c, "id"),
        ),
        plan(
            "cluster template values for a profile not in the template",
            from_template(&block(
                aws_template,
                &format!("    cluster_profile {{\n      id = \"{addon}\"\n    }}\n"),
            )),
            at("Profile Not In Template", c, "id"),
        ),
        plan(
            "cluster template value for a variable the profile does not declare",
            from_template(&block(
                aws_template,
                &format!(
                    "    cluster_profile {{\n      id = \"{infra}\"\n      variables = {{ nope = \"1\" }}\n    }}\n"
                ),
            )),
            at("Undefined Profile Variable", c, "variables"),
        ),
    ]
}

/// Makes a cluster template of `cloud` on `profile` through the API in the Default project;
/// returns its uid.
fn fixture_template(
    emu: &Emulator,
    project: &str,
    name: &str,
    cloud: &str,
    profile: &str,
) -> String {
    let body = json!({
        "metadata": {"name": name},
        "spec": {"cloudType": cloud, "profiles": [{"uid": profile}]},
    });
    let (status, created) = scoped(
        emu,
        API_KEY,
        Some(project),
        "POST",
        "/v1/clusterTemplates",
        Some(&body),
    );
    assert_eq!(status, 201, "creating template {name}: {created}");
    created["uid"].as_str().expect("a uid").to_string()
}

/// Makes and publishes a profile through the API in the Default project; returns its uid.
fn fixture_profile(
    emu: &Emulator,
    project: &str,
    name: &str,
    cloud: &str,
    kind: &str,
    packs: &[(&str, &str)],
) -> String {
    let body = json!({
        "metadata": {"name": name},
        "spec": {"version": "1.0.0", "template": {
            "cloudType": cloud,
            "type": kind,
            "packs": packs.iter().map(|(n, t)| json!({"name": n, "tag": t, "type": "spectro"})).collect::<Vec<_>>(),
        }},
    });
    let (status, created) = scoped(
        emu,
        API_KEY,
        Some(project),
        "POST",
        "/v1/clusterprofiles",
        Some(&body),
    );
    assert_eq!(status, 201, "creating {name}: {created}");
    let uid = created["uid"].as_str().expect("a uid").to_string();
    let (status, published) = scoped(
        emu,
        API_KEY,
        Some(project),
        "PATCH",
        &format!("/v1/clusterprofiles/{uid}/publish"),
        None,
    );
    assert!(
        (200..300).contains(&status),
        "publishing {name}: {published}"
    );
    uid
}

/// At least forty invalid configurations, each refused before any write, at the attribute.
#[test]
fn invalid_configurations_are_refused_at_plan_without_writes() {
    let emu = Emulator::start();
    let project = project_uid(&emu, API_KEY, PROJECT);
    let infra = fixture_profile(
        &emu,
        &project,
        "bad-input-infra",
        "aws",
        "infra",
        &[
            ("ubuntu-aws", "22.04"),
            ("kubernetes", "1.33.10"),
            ("cni-calico", "3.31.4"),
            ("csi-aws-ebs", "1.41.0"),
        ],
    );
    let addon = fixture_profile(
        &emu,
        &project,
        "bad-input-addon",
        "all",
        "add-on",
        &[("nginx", "1.10.0")],
    );
    let edge = fixture_profile(
        &emu,
        &project,
        "bad-input-edge",
        "edge-native",
        "infra",
        &[
            ("edge-native-byoi", "2.0.0"),
            ("edge-k8s", "1.35.6"),
            ("cni-calico", "3.31.4"),
            ("piraeus-operator", "2.10.7"),
        ],
    );
    let eks = fixture_profile(
        &emu,
        &project,
        "bad-input-eks",
        "eks",
        "infra",
        &[
            ("amazon-linux-eks", "1.0.0"),
            ("kubernetes-eks", "1.29"),
            ("cni-aws-vpc-eks", "1.0"),
            ("csi-aws-ebs", "1.41.0"),
        ],
    );
    let (status, registries) = scoped(&emu, API_KEY, None, "GET", "/v1/registries/metadata", None);
    assert_eq!(status, 200, "{registries}");
    let oci_registry = registries["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["name"] == "Palette Registry")
        .and_then(|r| r["uid"].as_str())
        .unwrap_or_else(|| panic!("no Palette Registry in {registries}"))
        .to_string();
    let (status, hosts) = scoped(
        &emu,
        API_KEY,
        Some(&project),
        "GET",
        "/v1/edgehosts/metadata",
        None,
    );
    assert_eq!(status, 200, "{hosts}");
    let host_1 = hosts["edgeHosts"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|h| h["name"] == "edge-host-1")
        .and_then(|h| h["uid"].as_str())
        .unwrap_or_else(|| panic!("no edge-host-1 in {hosts}"))
        .to_string();
    let aws_template = fixture_template(&emu, &project, "bad-input-aws", "aws", &infra);
    let edge_template = fixture_template(&emu, &project, "bad-input-edge", "edge-native", &edge);
    let mut table = cases(&infra, &addon, &edge, &eks, &oci_registry, &host_1);
    table.extend(template_cases(
        &infra,
        &addon,
        &eks,
        &aws_template,
        &edge_template,
    ));
    assert!(table.len() >= 40, "only {} cases", table.len());
    if let Ok(only) = std::env::var("BAD_INPUT_CASES") {
        table.retain(|case| case.what.contains(only.as_str()));
        assert!(!table.is_empty(), "no case's name holds {only:?}");
    }
    let total = table.len();

    emu.reset_stats();
    let started = Instant::now();
    let queue = Mutex::new(table.into_iter());
    let failures = Mutex::new(Vec::<String>::new());
    std::thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                let tf = Terraform::new(&emu);
                tf.write_config(HEADER);
                tf.init();
                loop {
                    let Some(case) = queue.lock().unwrap().next() else {
                        break;
                    };
                    tf.write_config(&format!("{HEADER}{}", case.hcl));
                    let out = match &case.import {
                        None => tf.try_plan(),
                        Some((address, id)) => {
                            tf.run(&["import", "-no-color", "-input=false", address, id])
                        }
                    };
                    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        out.expect_error(&case.expect);
                    }));
                    if checked.is_err() {
                        let flat: String = format!("{}\n{}", out.stdout, out.stderr)
                            .replace(['│', '╷', '╵'], " ")
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ");
                        failures.lock().unwrap().push(format!(
                            "- {}: expected /{}/\n  got: {}",
                            case.what, case.expect, flat
                        ));
                    }
                }
            });
        }
    });
    let elapsed = started.elapsed();
    let stats = emu.stats();
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {total} cases did not fail as expected:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        stats.writes().is_empty(),
        "refusing bad input sent writes: {:?}",
        stats.writes()
    );
    let reads: u64 = stats.requests_total;
    println!(
        "RELIABILITY invalid_configurations_are_refused_at_plan_without_writes: {total} cases in \
         {:.1}s on {THREADS} threads, {reads} read requests, 0 writes",
        elapsed.as_secs_f64()
    );
}
