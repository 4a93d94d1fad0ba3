//! The plan-time check of an AWS or EKS cluster's subnets and security groups against the VPCs
//! its cloud account sees (`GET /v1/clouds/aws/regions/{region}/vpcs`, and the VPC's
//! `GET /v1/clouds/aws/securitygroups`): each read once per scope, account, region (and VPC) for
//! a command's plan walk, never written. It runs where the account, region, `vpc_id` and the
//! subnets or groups are all known; otherwise Palette's answer at apply names the field.

use std::sync::Arc;
use std::time::Duration;

use palette_api::Scope;
use palette_api::models::AwsVpc;
use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::diagnostics;
use crate::environments::{Environment, get_string_map, get_strings};
use crate::provider_data::{PaletteData, scoped_key};

/// How long a VPC listing is reused: one command's plan walk, about.
const MEMO_AGE: Duration = Duration::from_secs(120);

/// One subnet the configuration names, where it names it, and the AZ it must be in (a pool's
/// map key; none for a Fargate profile).
struct Named {
    at: AttributePath,
    subnet: String,
    az: Option<String>,
}

/// Checks `az_subnets` and Fargate `subnets` against the VPC of the environment block.
pub(super) async fn check(
    data: &PaletteData,
    scope: &Scope,
    env: &dyn Environment,
    config: &Value,
    diags: &mut Diagnostics,
) {
    if env.key() != "aws" && env.key() != "eks" {
        return;
    }
    let Some(block) = config.get(env.key()).filter(|b| !b.is_null()) else {
        return;
    };
    let (Some(account), Some(region), Some(vpc_id)) = (
        config.get_str("cloud_account_id"),
        block.get_str("region"),
        block.get_str("vpc_id"),
    ) else {
        return;
    };
    let named = named_subnets(env, block, config);
    let groups = named_groups(config);
    if named.is_empty() && groups.is_empty() {
        return;
    }
    let key = scoped_key(scope, &format!("aws-vpcs/{account}/{region}"));
    let fetch = || async {
        let vpcs = data.client.list_aws_vpcs(scope, region, account).await?;
        Ok::<_, palette_api::Error>(Arc::new(vpcs))
    };
    let vpcs = match data.lookups.aws_vpcs.get(&key, MEMO_AGE, fetch).await {
        Ok(vpcs) => vpcs,
        Err(err) => {
            return diags.push(
                diagnostics::api_error(
                    "Plan Cluster Error",
                    &format!("listing the VPCs of region {region:?}"),
                    &err,
                )
                .with_attribute(AttributePath::root(env.key()).attr("vpc_id")),
            );
        }
    };
    let Some(vpc) = vpcs.iter().find(|v| v.vpc_id == vpc_id) else {
        let offered: Vec<&str> = vpcs.iter().map(|v| v.vpc_id.as_str()).collect();
        return diags.attribute_error(
            AttributePath::root(env.key()).attr("vpc_id"),
            "Unknown VPC",
            format!(
                "The cloud account sees no VPC {vpc_id:?} in region {region:?}; its VPCs there: {}.",
                if offered.is_empty() {
                    "none".to_string()
                } else {
                    offered.join(", ")
                }
            ),
        );
    };
    for name in named {
        check_subnet(vpc, &name, diags);
    }
    if groups.is_empty() {
        return;
    }
    let key = scoped_key(scope, &format!("aws-sgs/{account}/{region}/{vpc_id}"));
    let fetch = || async {
        let groups = data
            .client
            .list_aws_security_groups(scope, account, region, vpc_id)
            .await?;
        Ok::<_, palette_api::Error>(Arc::new(groups))
    };
    let known = match data
        .lookups
        .aws_security_groups
        .get(&key, MEMO_AGE, fetch)
        .await
    {
        Ok(known) => known,
        Err(err) => {
            return diags.push(
                diagnostics::api_error(
                    "Plan Cluster Error",
                    &format!("listing the security groups of VPC {vpc_id:?}"),
                    &err,
                )
                .with_attribute(AttributePath::root(env.key()).attr("vpc_id")),
            );
        }
    };
    for (at, id) in groups {
        if known
            .iter()
            .any(|g| g.group_id.as_deref() == Some(id.as_str()))
        {
            continue;
        }
        let offered: Vec<String> = known
            .iter()
            .filter_map(|g| {
                let id = g.group_id.clone()?;
                Some(match g.group_name.as_deref() {
                    Some(name) => format!("{id} ({name})"),
                    None => id,
                })
            })
            .collect();
        diags.attribute_error(
            at,
            "Security Group Not In The VPC",
            format!(
                "{id:?} is not a security group of VPC {vpc_id}; its groups: {}.",
                if offered.is_empty() {
                    "none".to_string()
                } else {
                    offered.join(", ")
                }
            ),
        );
    }
}

/// The security groups the pools name with known values, where each is named.
fn named_groups(config: &Value) -> Vec<(AttributePath, String)> {
    let mut named = Vec::new();
    for (index, pool) in config.get_elements("machine_pool").iter().enumerate() {
        let base = AttributePath::root("machine_pool").index(index as i64);
        let template = pool.get("eks_launch_template").unwrap_or(&Value::Null);
        for (at, ids) in [
            (
                base.clone().attr("additional_security_groups"),
                get_strings(pool, "additional_security_groups"),
            ),
            (
                base.clone()
                    .attr("eks_launch_template")
                    .attr("additional_security_groups"),
                get_strings(template, "additional_security_groups"),
            ),
        ] {
            for id in ids.unwrap_or_default() {
                named.push((at.clone(), id));
            }
        }
    }
    named
}

/// The subnets the configuration names with known values: each pool's `az_subnets`, each
/// Fargate profile's `subnets`.
fn named_subnets(env: &dyn Environment, block: &Value, config: &Value) -> Vec<Named> {
    let mut named = Vec::new();
    for (index, pool) in config.get_elements("machine_pool").iter().enumerate() {
        for (az, subnet) in get_string_map(pool, "az_subnets").unwrap_or_default() {
            named.push(Named {
                at: AttributePath::root("machine_pool")
                    .index(index as i64)
                    .attr("az_subnets")
                    .key(az.as_str()),
                subnet,
                az: Some(az),
            });
        }
    }
    // The control plane's subnets (EKS).
    for (az, subnet) in get_string_map(block, "az_subnets").unwrap_or_default() {
        named.push(Named {
            at: AttributePath::root(env.key())
                .attr("az_subnets")
                .key(az.as_str()),
            subnet,
            az: Some(az),
        });
    }
    for (index, profile) in block.get_elements("fargate_profile").iter().enumerate() {
        for subnet in get_strings(profile, "subnets").unwrap_or_default() {
            named.push(Named {
                at: AttributePath::root(env.key())
                    .attr("fargate_profile")
                    .index(index as i64)
                    .attr("subnets"),
                subnet,
                az: None,
            });
        }
    }
    named
}

/// One named subnet: a subnet of `vpc`, in its AZ.
fn check_subnet(vpc: &AwsVpc, named: &Named, diags: &mut Diagnostics) {
    let subnets = vpc.subnets.as_deref().unwrap_or_default();
    let found = subnets
        .iter()
        .find(|s| s.subnet_id.as_deref() == Some(named.subnet.as_str()));
    let in_zone = |az: &str| -> String {
        let ids: Vec<String> = subnets
            .iter()
            .filter(|s| s.az.as_deref() == Some(az))
            .map(|s| {
                let id = s.subnet_id.clone().unwrap_or_default();
                match (s.name.as_deref(), s.is_private) {
                    (Some(name), Some(private)) => format!(
                        "{id} ({name}, {})",
                        if private { "private" } else { "public" }
                    ),
                    (Some(name), None) => format!("{id} ({name})"),
                    _ => id,
                }
            })
            .collect();
        if ids.is_empty() {
            format!("VPC {} has no subnet in {az}", vpc.vpc_id)
        } else {
            format!("VPC {}'s subnets in {az}: {}", vpc.vpc_id, ids.join(", "))
        }
    };
    match (found, &named.az) {
        (None, Some(az)) => diags.attribute_error(
            named.at.clone(),
            "Subnet Not In The VPC",
            format!(
                "{:?} is not a subnet of VPC {}. {}.",
                named.subnet,
                vpc.vpc_id,
                in_zone(az)
            ),
        ),
        (None, None) => {
            let all: Vec<String> = subnets.iter().filter_map(|s| s.subnet_id.clone()).collect();
            diags.attribute_error(
                named.at.clone(),
                "Subnet Not In The VPC",
                format!(
                    "{:?} is not a subnet of VPC {}; its subnets: {}.",
                    named.subnet,
                    vpc.vpc_id,
                    all.join(", ")
                ),
            )
        }
        (Some(subnet), Some(az)) if subnet.az.as_deref() != Some(az.as_str()) => diags
            .attribute_error(
                named.at.clone(),
                "Subnet In Another Availability Zone",
                format!(
                    "Subnet {:?} is in {}, not {az}. {}.",
                    named.subnet,
                    subnet.az.as_deref().unwrap_or("no availability zone"),
                    in_zone(az)
                ),
            ),
        _ => {}
    }
}
