# Secrets are write-only (Terraform 1.11 or later): Palette gets them, state and plan never do.
# Feed them from an ephemeral variable (or an ephemeral resource, such as a secret manager's).
variable "aws_secret_access_key" {
  type      = string
  sensitive = true
  ephemeral = true
  # Only so the example applies as written; give it with TF_VAR_aws_secret_access_key.
  default = "example-secret-access-key"
}

# An AWS account with an access key pair; EKS clusters use AWS accounts too.
resource "palette_cloud_account" "aws" {
  name = "team-aws"

  aws {
    access_key = "AKIAIOSFODNN7EXAMPLE"
    secret_key = var.aws_secret_access_key
    # Change it (to any other number) to send a rotated secret_key.
    secret_key_wo_version = 1
  }
}

# An AWS account Palette reaches by assuming a role: no secret at all.
resource "palette_cloud_account" "aws_role" {
  name = "team-aws-role"

  aws {
    credential_type = "sts"
    arn             = "arn:aws:iam::123456789012:role/palette-deployer"
    external_id     = "palette-example"
  }
}
