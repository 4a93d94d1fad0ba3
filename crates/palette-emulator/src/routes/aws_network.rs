//! The AWS network an AWS cloud account sees, seeded per account (`awsVpcs`, kept in the
//! account's `_emu.vpcs`): `GET /v1/clouds/aws/regions/{region}/vpcs?cloudAccountUid=` and
//! `GET /v1/clouds/aws/securitygroups?cloudAccountUid=&region=&vpcId=`.
//!
//! AWS and EKS clusters are checked against it as Palette checks them before it provisions
//! anything: a pool's subnets (`cloudConfig.subnets`, stored as `subnetIds`, AZ to subnet) need
//! the cluster's `vpcId`, and each must be a subnet of that VPC in the AZ it is keyed by; a
//! pool's additional security groups (`additionalSecurityGroups`, and an EKS launch template's)
//! must be groups of that VPC; a Fargate profile's subnets must be subnets of that VPC.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use palette_api::models as m;
use serde_json::{Value, json};

use super::common::{Query, find};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::Kind;
use crate::wire;

/// The AWS network routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/clouds/aws/regions/{region}/vpcs", get(vpcs))
        .route("/v1/clouds/aws/securitygroups", get(security_groups))
}

/// The VPCs AWS account `account_uid` sees in `region`, as seeded.
fn inventory(
    state: &AppState,
    ctx: &Ctx,
    account_uid: &str,
    region: &str,
) -> ApiResult<Vec<Value>> {
    let account = find(state, ctx, Kind::CloudAccount, account_uid, "cloud account")?;
    if super::cloud_accounts::cloud_of(&account) != "aws" {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("cloud account '{}' is not an AWS account", account.name),
        ));
    }
    Ok(wire::array_at(&account.doc, "/_emu/vpcs")
        .iter()
        .filter(|v| v["region"] == region)
        .cloned()
        .collect())
}

async fn vpcs(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(region): Path<String>,
    q: Query,
) -> ApiResult<Response> {
    let account = q.get("cloudAccountUid").map(String::as_str).unwrap_or("");
    let account = wire::require(Some(account), "cloudAccountUid")?;
    let vpcs: Vec<Value> = inventory(&state, &ctx, account, &region)?
        .into_iter()
        .map(|v| {
            json!({
                "vpcId": v["vpcId"], "name": v["name"], "cidrBlock": v["cidrBlock"],
                "subnets": v.get("subnets").cloned().unwrap_or(json!([])),
            })
        })
        .collect();
    wire::ok::<m::AwsVpcs>(json!({ "vpcs": vpcs }))
}

async fn security_groups(State(state): State<AppState>, ctx: Ctx, q: Query) -> ApiResult<Response> {
    let get = |key: &str| q.get(key).map(String::as_str);
    let region = wire::require(get("region"), "region")?;
    let vpc_id = wire::require(get("vpcId"), "vpcId")?;
    let account = wire::require(get("cloudAccountUid"), "cloudAccountUid")?;
    let groups = inventory(&state, &ctx, account, region)?
        .into_iter()
        .find(|v| v["vpcId"] == vpc_id)
        .and_then(|v| v.get("securityGroups").cloned())
        .unwrap_or(json!([]));
    wire::ok::<m::AwsSecurityGroups>(json!({ "groups": groups }))
}

/// A 400 naming `field`.
fn refuse(field: &str, message: String) -> ApiError {
    ApiError::bad_request("InvalidRequest", format!("{field}: {message}"))
        .with_details(json!({ "field": field }))
}

/// The VPC `vpc_id` of the cluster's account and region, or `None` when the inventory lacks it.
fn cluster_vpc(
    state: &AppState,
    ctx: &Ctx,
    account_uid: Option<&str>,
    region: &str,
    vpc_id: &str,
) -> ApiResult<Option<Value>> {
    let Some(account) = account_uid else {
        return Ok(None);
    };
    Ok(inventory(state, ctx, account, region)?
        .into_iter()
        .find(|v| v["vpcId"] == vpc_id))
}

/// Checks the network of an AWS or EKS cluster: every pool's subnets and security groups, and
/// every Fargate profile's subnets, against the VPC of `cluster_config` (`vpcId`, `region`) as
/// account `account_uid` sees it. Other environments pass.
pub fn check(
    state: &AppState,
    ctx: &Ctx,
    env: &str,
    account_uid: Option<&str>,
    cluster_config: &Value,
    pools: &[Value],
    fargate_profiles: &[Value],
) -> ApiResult<()> {
    if env != "aws" && env != "eks" {
        return Ok(());
    }
    let region = cluster_config["region"].as_str().unwrap_or("");
    let vpc_id = wire::given(cluster_config["vpcId"].as_str());
    let uses_network = pools.iter().any(|p| {
        p["subnetIds"].as_object().is_some_and(|s| !s.is_empty())
            || !wire::array_at(p, "/additionalSecurityGroups").is_empty()
            || !wire::array_at(p, "/awsLaunchTemplate/additionalSecurityGroups").is_empty()
    }) || fargate_profiles
        .iter()
        .any(|f| !wire::array_at(f, "/subnetIds").is_empty());
    if !uses_network {
        return Ok(());
    }
    let Some(vpc_id) = vpc_id else {
        let pool = pools
            .iter()
            .find(|p| p["subnetIds"].as_object().is_some_and(|s| !s.is_empty()));
        let (field, what) = match pool {
            Some(p) => (
                "cloudConfig.subnets",
                format!(
                    "machine pool '{}' names subnets",
                    p["name"].as_str().unwrap_or("")
                ),
            ),
            None => (
                "cloudConfig.vpcId",
                "the cluster names subnets or security groups".to_string(),
            ),
        };
        return Err(refuse(
            field,
            format!("{what}, which need an existing VPC: set the cluster's cloudConfig.vpcId"),
        ));
    };
    let vpc = cluster_vpc(state, ctx, account_uid, region, vpc_id)?.ok_or_else(|| {
        refuse(
            "cloudConfig.vpcId",
            format!("VPC '{vpc_id}' is not a VPC of the cloud account in region '{region}'"),
        )
    })?;
    let subnets = wire::array_at(&vpc, "/subnets");
    let subnet = |id: &str| subnets.iter().find(|s| s["subnetId"] == id);
    let groups = wire::array_at(&vpc, "/securityGroups");
    for pool in pools {
        let name = pool["name"].as_str().unwrap_or("");
        for (az, id) in pool["subnetIds"].as_object().into_iter().flatten() {
            let id = id.as_str().unwrap_or("");
            match subnet(id) {
                None => {
                    return Err(refuse(
                        "cloudConfig.subnets",
                        format!(
                            "machine pool '{name}': subnet '{id}' is not a subnet of VPC '{vpc_id}'"
                        ),
                    ));
                }
                Some(s) if s["az"] != az.as_str() => {
                    return Err(refuse(
                        "cloudConfig.subnets",
                        format!(
                            "machine pool '{name}': subnet '{id}' is in availability zone '{}', \
                             not '{az}'",
                            s["az"].as_str().unwrap_or("")
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        for (field, pointer) in [
            (
                "cloudConfig.additionalSecurityGroups",
                "/additionalSecurityGroups",
            ),
            (
                "cloudConfig.awsLaunchTemplate.additionalSecurityGroups",
                "/awsLaunchTemplate/additionalSecurityGroups",
            ),
        ] {
            for group in wire::array_at(pool, pointer) {
                let id = group["id"].as_str().unwrap_or("");
                if !groups.iter().any(|g| g["groupId"] == id) {
                    return Err(refuse(
                        field,
                        format!(
                            "machine pool '{name}': security group '{id}' is not a security \
                             group of VPC '{vpc_id}'"
                        ),
                    ));
                }
            }
        }
    }
    for profile in fargate_profiles {
        let name = profile["name"].as_str().unwrap_or("");
        for id in wire::array_at(profile, "/subnetIds") {
            let id = id.as_str().unwrap_or("");
            if subnet(id).is_none() {
                return Err(refuse(
                    "fargateProfiles.subnetIds",
                    format!(
                        "fargate profile '{name}': subnet '{id}' is not a subnet of VPC '{vpc_id}'"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The AMI types an EKS pool may name (`v1EksMachineCloudConfigEntity.amiType`): the AL2023
/// types; AL2 types are disabled for new node pools.
pub const EKS_AMI_TYPES: [&str; 3] = [
    "AL2023_x86_64_STANDARD",
    "AL2023_x86_64_NEURON",
    "AL2023_x86_64_NVIDIA",
];

/// An EKS pool's `amiType`, if given, is one of [`EKS_AMI_TYPES`].
pub fn check_ami_type(pool: &Value) -> ApiResult<()> {
    match pool["amiType"].as_str() {
        Some(ami) if !EKS_AMI_TYPES.contains(&ami) => Err(refuse(
            "cloudConfig.amiType",
            format!(
                "machine pool '{}': amiType '{ami}' is not supported; use one of {}",
                pool["name"].as_str().unwrap_or(""),
                EKS_AMI_TYPES.join(", ")
            ),
        )),
        _ => Ok(()),
    }
}
