# Secrets are write-only (Terraform 1.11 or later): Palette gets them, state and plan never do.
# Feed them from ephemeral variables (or an ephemeral resource, such as a secret manager's).
variable "backup_secret_access_key" {
  type      = string
  sensitive = true
  ephemeral = true
  # Only so the example applies as written; give it with TF_VAR_backup_secret_access_key.
  default = "example-backup-secret-access-key"
}

variable "backup_gcp_service_account_key" {
  type      = string
  sensitive = true
  ephemeral = true
  # A service account key is JSON; give it with TF_VAR_backup_gcp_service_account_key, or
  # read it with file("sa.json").
  default = "{\"type\": \"service_account\", \"project_id\": \"example-project\"}"
}

variable "backup_azure_client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = "example-azure-client-secret"
}

# An S3 bucket with an access key pair: the project's default location, where backups go when
# a cluster's backup policy names none.
resource "palette_backup_storage_location" "s3" {
  name       = "team-backups"
  is_default = true

  s3 {
    bucket_name = "team-cluster-backups"
    region      = "us-east-1"
    access_key  = "AKIAIOSFODNN7EXAMPLE"
    secret_key  = var.backup_secret_access_key
    # Change it (to any other number) to send a rotated secret_key.
    secret_key_wo_version = 1
  }
}

# An S3 bucket Palette reaches by assuming a role: no secret at all.
resource "palette_backup_storage_location" "s3_role" {
  name = "team-backups-role"

  s3 {
    bucket_name     = "team-cluster-backups"
    region          = "us-east-1"
    credential_type = "sts"
    arn             = "arn:aws:iam::123456789012:role/palette-backups"
    external_id     = "palette-example"
  }
}

# A MinIO bucket (another S3-compatible store would be an `s3` block with `s3_url`).
resource "palette_backup_storage_location" "minio" {
  name = "lab-backups"

  minio {
    bucket_name           = "velero"
    region                = "us-east-1"
    s3_url                = "https://minio.example.com:9000"
    access_key            = "minio-backup"
    secret_key            = var.backup_secret_access_key
    secret_key_wo_version = 1
  }
}

# A Google Cloud Storage bucket.
resource "palette_backup_storage_location" "gcp" {
  name = "gcp-backups"

  gcp {
    bucket_name                 = "team-cluster-backups"
    project_id                  = "example-project"
    json_credentials            = var.backup_gcp_service_account_key
    json_credentials_wo_version = 1
  }
}

# An Azure blob container, written with a service principal.
resource "palette_backup_storage_location" "azure" {
  name = "azure-backups"

  azure {
    container_name           = "cluster-backups"
    storage_account_name     = "teambackups"
    resource_group           = "backups-rg"
    subscription_id          = "00000000-0000-0000-0000-000000000000"
    tenant_id                = "11111111-1111-1111-1111-111111111111"
    client_id                = "22222222-2222-2222-2222-222222222222"
    client_secret            = var.backup_azure_client_secret
    client_secret_wo_version = 1
  }
}
