# EKS clusters deploy with AWS accounts: `environment = "eks"` finds them.
data "palette_cloud_account" "aws" {
  name        = "aws-dev"
  environment = "eks"
}

output "aws_account_id" {
  value = data.palette_cloud_account.aws.id
}
