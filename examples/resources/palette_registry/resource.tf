# A private Helm chart registry that Palette signs in to with a robot account. The password is
# write-only: Terraform sends it to Palette and keeps it out of the plan and the state. To rotate
# it, change the password and bump password_wo_version; an unchanged version sends nothing.
variable "charts_password" {
  description = "Password of the chart registry's robot account."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "palette_registry" "charts" {
  name                = "team-charts"
  type                = "helm"
  endpoint            = "https://charts.example.com"
  is_private          = true
  username            = "robot"
  password            = var.charts_password
  password_wo_version = 1
}

# A chart from that registry in an add-on profile of the same configuration: creating the
# registry waits until Palette has synced it, so the chart is there when the profile is made.
resource "palette_cluster_profile" "charts" {
  name = "team-charts"
  type = "add-on"

  pack {
    name         = "podinfo"
    tag          = "6.7.1"
    type         = "helm"
    registry_uid = palette_registry.charts.id
  }
}

# Helm charts in Amazon ECR, reached through an IAM role Palette assumes: no secret to keep.
# With AWS keys instead, set access_key, secret_key (write-only) and secret_key_wo_version.
resource "palette_registry" "ecr" {
  name              = "team-ecr"
  type              = "oci"
  oci_provider      = "ecr"
  endpoint          = "https://123456789012.dkr.ecr.us-east-1.amazonaws.com"
  is_private        = true
  provider_type     = "helm"
  base_content_path = "charts"
  role_arn          = "arn:aws:iam::123456789012:role/palette-ecr-read"
  external_id       = "palette"
}
