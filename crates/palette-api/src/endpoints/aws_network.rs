//! The AWS network an account sees (`GET /v1/clouds/aws/regions/{region}/vpcs` and
//! `GET /v1/clouds/aws/securitygroups`), which plans check machine-pool subnets and security
//! groups against, and the EKS Fargate profiles of a cluster
//! (`PUT /v1/cloudconfigs/eks/{configUid}/fargateProfiles`).

use reqwest::Method;

use crate::client::{Request, v1_path};
use crate::models::{AwsSecurityGroups, AwsSecuritygroup, AwsVpc, AwsVpcs, EksFargateProfiles};
use crate::{Client, Error, Scope};

impl Client {
    /// The VPCs, with their subnets, that AWS cloud account `account_uid` sees in `region`.
    pub async fn list_aws_vpcs(
        &self,
        scope: &Scope,
        region: &str,
        account_uid: &str,
    ) -> Result<Vec<AwsVpc>, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&["clouds", "aws", "regions", region, "vpcs"]),
        )
        .query("cloudAccountUid", account_uid);
        let list: AwsVpcs = self.fetch(&req).await?;
        Ok(list.vpcs)
    }

    /// The security groups of VPC `vpc_id` in `region`, as AWS cloud account `account_uid`
    /// sees them.
    pub async fn list_aws_security_groups(
        &self,
        scope: &Scope,
        account_uid: &str,
        region: &str,
        vpc_id: &str,
    ) -> Result<Vec<AwsSecuritygroup>, Error> {
        let req = Request::new(
            Method::GET,
            scope,
            v1_path(&["clouds", "aws", "securitygroups"]),
        )
        .query("cloudAccountUid", account_uid)
        .query("region", region)
        .query("vpcId", vpc_id);
        let list: AwsSecurityGroups = self.fetch(&req).await?;
        Ok(list.groups)
    }

    /// Replaces the Fargate profiles of EKS cloud config `config_uid` (a whole-list `PUT`).
    pub async fn update_eks_fargate_profiles(
        &self,
        scope: &Scope,
        config_uid: &str,
        body: &EksFargateProfiles,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PUT,
            scope,
            v1_path(&["cloudconfigs", "eks", config_uid, "fargateProfiles"]),
        )
        .json(body)?;
        self.run(&req).await
    }
}
