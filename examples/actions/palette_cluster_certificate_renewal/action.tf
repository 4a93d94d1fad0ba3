# Renews the Kubernetes certificates of the cluster's control-plane nodes now (Terraform 1.14 and
# later), the official provider's `renew_k8s_certificates_now`:
#
#   terraform apply -invoke=action.palette_cluster_certificate_renewal.prod
#
# It prints when the certificates expire, then each node as Palette renews it.
action "palette_cluster_certificate_renewal" "prod" {
  config {
    cluster_id = palette_cluster.prod.id
    timeout    = "20m"
  }
}
