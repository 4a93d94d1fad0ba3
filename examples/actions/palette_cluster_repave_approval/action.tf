# Approves the repave a cluster holds (Terraform 1.14 and later), after printing which pools it
# replaces and why; with `repave_approval = "manual"` on the cluster, this is the person's step:
#
#   terraform apply -invoke=action.palette_cluster_repave_approval.prod
#
# It fails, approving nothing, when no repave is pending.
action "palette_cluster_repave_approval" "prod" {
  config {
    cluster_id = palette_cluster.prod.id
  }
}
