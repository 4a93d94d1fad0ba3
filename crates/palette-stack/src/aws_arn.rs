//! AWS ARNs of the resources a machine pool names: a host resource group (dedicated hosts) and
//! License Manager license configurations. An ARN is
//! `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`; each kind fixes the service and the
//! resource's form.

/// The partitions a Palette AWS account can be in.
const PARTITIONS: [&str; 3] = ["aws", "aws-us-gov", "aws-cn"];

/// A kind of ARN a pool takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArnKind {
    /// `arn:aws:resource-groups:REGION:ACCOUNT:group/NAME`.
    HostResourceGroup,
    /// `arn:aws:license-manager:REGION:ACCOUNT:license-configuration:lic-HEX`.
    LicenseConfiguration,
}

impl ArnKind {
    /// The form, for messages.
    pub fn form(self) -> &'static str {
        match self {
            ArnKind::HostResourceGroup => "arn:aws:resource-groups:REGION:ACCOUNT:group/NAME",
            ArnKind::LicenseConfiguration => {
                "arn:aws:license-manager:REGION:ACCOUNT:license-configuration:lic-HEX"
            }
        }
    }
}

/// The parts of an ARN of `kind`, or what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arn<'a> {
    /// `aws`, `aws-us-gov` or `aws-cn`.
    pub partition: &'a str,
    /// The region, such as `us-east-1`.
    pub region: &'a str,
    /// The 12-digit account id.
    pub account: &'a str,
    /// What follows the account: `group/NAME`, `license-configuration:lic-HEX`.
    pub resource: &'a str,
}

/// Parses `text` as an ARN of `kind`.
pub fn parse(text: &str, kind: ArnKind) -> Result<Arn<'_>, String> {
    let mut parts = text.splitn(6, ':');
    let (Some("arn"), Some(partition), Some(service), Some(region), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(format!(
            "{text:?} is not an ARN of the form {}",
            kind.form()
        ));
    };
    if !PARTITIONS.contains(&partition) {
        return Err(format!(
            "{text:?} names partition {partition:?}; AWS partitions are {}",
            PARTITIONS.join(", ")
        ));
    }
    let (want_service, what) = match kind {
        ArnKind::HostResourceGroup => ("resource-groups", "a host resource group"),
        ArnKind::LicenseConfiguration => ("license-manager", "a license configuration"),
    };
    if service != want_service {
        return Err(format!(
            "{text:?} is an ARN of service {service:?}; {what} is an ARN of {want_service:?} ({})",
            kind.form()
        ));
    }
    let region_ok = !region.is_empty()
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && region.contains('-');
    if !region_ok {
        return Err(format!("{text:?} names no region (such as us-east-1)"));
    }
    if account.len() != 12 || !account.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "{text:?} names account {account:?}; an AWS account id is 12 digits"
        ));
    }
    let resource_ok = match kind {
        ArnKind::HostResourceGroup => resource.strip_prefix("group/").is_some_and(|name| {
            (1..=300).contains(&name.len())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        }),
        ArnKind::LicenseConfiguration => resource
            .strip_prefix("license-configuration:lic-")
            .is_some_and(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_hexdigit())),
    };
    if !resource_ok {
        return Err(format!(
            "{text:?} does not end in {what}'s resource ({})",
            kind.form()
        ));
    }
    Ok(Arn {
        partition,
        region,
        account,
        resource,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_resource_groups() {
        let ok = "arn:aws:resource-groups:us-east-1:123456789012:group/mac-hosts";
        let arn = parse(ok, ArnKind::HostResourceGroup).unwrap();
        assert_eq!((arn.region, arn.account), ("us-east-1", "123456789012"));
        assert!(
            parse(
                "arn:aws-us-gov:resource-groups:us-gov-west-1:123456789012:group/a_b.c-d",
                ArnKind::HostResourceGroup
            )
            .is_ok()
        );
        for bad in [
            "mac-hosts",
            "arn:aws:ec2:us-east-1:123456789012:group/mac-hosts",
            "arn:aws:resource-groups:us-east-1:1234:group/mac-hosts",
            "arn:aws:resource-groups::123456789012:group/mac-hosts",
            "arn:aws:resource-groups:us-east-1:123456789012:mac-hosts",
            "arn:aws:resource-groups:us-east-1:123456789012:group/",
            "arn:aws:resource-groups:us-east-1:123456789012:group/a b",
            "arn:azure:resource-groups:us-east-1:123456789012:group/a",
        ] {
            assert!(parse(bad, ArnKind::HostResourceGroup).is_err(), "{bad}");
        }
    }

    #[test]
    fn license_configurations() {
        let ok = "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcdef";
        assert!(parse(ok, ArnKind::LicenseConfiguration).is_ok());
        for bad in [
            "arn:aws:license-manager:us-east-1:123456789012:license-configuration:0123",
            "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-xyz",
            "arn:aws:resource-groups:us-east-1:123456789012:group/a",
        ] {
            assert!(parse(bad, ArnKind::LicenseConfiguration).is_err(), "{bad}");
        }
    }
}
