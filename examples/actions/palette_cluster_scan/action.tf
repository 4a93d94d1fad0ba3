# Runs compliance scans of a cluster now (Terraform 1.14 and later), with each scan's progress
# and summary in Terraform's output:
#
#   terraform apply -invoke=action.palette_cluster_scan.audit
#
# Findings are warnings; `fail_on_findings = true` makes them fail the run (in a pipeline gate).
action "palette_cluster_scan" "audit" {
  config {
    cluster_id = palette_cluster.prod.id
    scans      = ["configuration", "penetration", "conformance"]
    timeout    = "90m"
  }
}
