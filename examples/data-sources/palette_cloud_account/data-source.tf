# EKS clusters deploy with AWS accounts: `environment = "eks"` finds them.
data "palette_cloud_account" "eks" {
  name        = "aws-dev"
  environment = "eks"
}

output "eks_account_id" {
  value = data.palette_cloud_account.eks.id
}
