# A kubeconfig that feeds other tools and providers without ever entering the state or a plan
# file (Terraform 1.10 and later). With the kubernetes provider it reads, for example:
#
#   locals {
#     kubeconfig = yamldecode(ephemeral.palette_kubeconfig.prod.content)
#   }
#   provider "kubernetes" {
#     host                   = local.kubeconfig.clusters[0].cluster.server
#     cluster_ca_certificate = base64decode(local.kubeconfig.clusters[0].cluster["certificate-authority-data"])
#     token                  = local.kubeconfig.users[0].user.token
#   }
ephemeral "palette_kubeconfig" "prod" {
  cluster_id = palette_cluster.prod.id
}

# A smoke test run once per cluster: the kubeconfig reaches the command through its environment.
resource "terraform_data" "smoke_test" {
  triggers_replace = [palette_cluster.prod.id]

  provisioner "local-exec" {
    command     = "printf '%s' \"$KUBECONFIG_YAML\" | grep -q '^current-context:'"
    environment = { KUBECONFIG_YAML = ephemeral.palette_kubeconfig.prod.content }
  }
}
