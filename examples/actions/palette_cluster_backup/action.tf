# Takes a backup of a cluster now, before an upgrade say (Terraform 1.14 and later), and waits
# until it completes:
#
#   terraform apply -invoke=action.palette_cluster_backup.before_upgrade
#
# The storage location, expiry and namespaces default to the cluster's `backup_policy`.
action "palette_cluster_backup" "before_upgrade" {
  config {
    cluster_id      = palette_cluster.prod.id
    name            = "before-upgrade"
    expiry_in_hours = 168
  }
}
