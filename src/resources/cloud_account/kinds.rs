//! The account kinds, as data: each kind's block, its API segment, its fields with their place
//! in the account's `spec`, and its secrets. Schema, plan checks, the API body and the
//! read-back are all derived from this table, so a kind is one entry here. The field and
//! secret types are the shared kind table's (`resources::kind_table`).

use crate::resources::kind_table::{
    self, Field, FieldType, Kind, Secret, field, required, secret, sensitive, typed,
};

/// Where a kind's accounts live in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Segment {
    /// `/v1/cloudaccounts/{segment}`.
    Builtin(&'static str),
    /// `/v1/cloudaccounts/cloudTypes/{cloud_type}`.
    Custom(&'static str),
}

/// One account kind.
#[derive(Debug, Clone, Copy)]
pub(super) struct AccountKind {
    /// Its block in the resource.
    pub(super) block: &'static str,
    /// Who it is for, in the block's description.
    pub(super) display: &'static str,
    pub(super) segment: Segment,
    pub(super) fields: &'static [Field],
    pub(super) secrets: &'static [Secret],
    /// Whether Palette reaches the cloud through a private cloud gateway.
    pub(super) gateway: bool,
}

const INSECURE: Field = Field {
    default: Some("false"),
    ..typed(
        field(
            "insecure",
            "insecure",
            "Skip TLS verification of the endpoint.",
        ),
        FieldType::Bool,
    )
};

/// Every kind, in the order the docs list them.
pub(super) const KINDS: &[AccountKind] = &[
    AccountKind {
        block: "aws",
        display: "AWS (also used by EKS clusters)",
        segment: Segment::Builtin("aws"),
        fields: &[
            Field {
                default: Some("secret"),
                one_of: &["secret", "sts"],
                ..field(
                    "credential_type",
                    "credentialType",
                    "`secret` (an access key pair, the default) or `sts` (a role Palette assumes, \
                     given by `arn` and `external_id`).",
                )
            },
            sensitive(field(
                "access_key",
                "accessKey",
                "The access key id, with `secret_key` (`credential_type = \"secret\"`).",
            )),
            field(
                "arn",
                "sts/arn",
                "The ARN of the role Palette assumes (`credential_type = \"sts\"`).",
            ),
            field(
                "external_id",
                "sts/externalId",
                "The external id the role's trust policy requires (`sts`).",
            ),
            Field {
                default: Some("aws"),
                one_of: &["aws", "aws-us-gov", "aws-iso", "aws-iso-b"],
                ..field("partition", "partition", "The AWS partition.")
            },
            typed(
                field(
                    "policy_arns",
                    "policyARNs",
                    "Extra IAM policies attached to the nodes Palette creates.",
                ),
                FieldType::List,
            ),
        ],
        secrets: &[Secret {
            required: false,
            ..secret(
                "secret_key",
                "secretKey",
                "The secret access key (`credential_type = \"secret\"`).",
            )
        }],
        gateway: false,
    },
    AccountKind {
        block: "azure",
        display: "Azure (also used by AKS clusters)",
        segment: Segment::Builtin("azure"),
        fields: &[
            required(field("tenant_id", "tenantId", "The Azure AD tenant id.")),
            required(field(
                "client_id",
                "clientId",
                "The application (client) id of the service principal.",
            )),
            field(
                "tenant_name",
                "tenantName",
                "A display name for the tenant.",
            ),
            Field {
                default: Some("AzurePublicCloud"),
                one_of: &[
                    "AzurePublicCloud",
                    "AzureUSGovernmentCloud",
                    "AzureChinaCloud",
                ],
                ..field("azure_environment", "azureEnvironment", "The Azure cloud.")
            },
            Field {
                default: Some("false"),
                ..typed(
                    field(
                        "disable_properties_request",
                        "settings/disablePropertiesRequest",
                        "Keep Palette from listing the subscription's properties (for \
                         principals scoped to one resource group).",
                    ),
                    FieldType::Bool,
                )
            },
        ],
        secrets: &[secret(
            "client_secret",
            "clientSecret",
            "The service principal's client secret.",
        )],
        gateway: false,
    },
    AccountKind {
        block: "gcp",
        display: "Google Cloud (also used by GKE clusters)",
        segment: Segment::Builtin("gcp"),
        fields: &[],
        secrets: &[secret(
            "json_credentials",
            "jsonCredentials",
            "The service account key, as JSON (such as `file(\"sa.json\")`).",
        )],
        gateway: false,
    },
    AccountKind {
        block: "vsphere",
        display: "VMware vSphere, through a private cloud gateway",
        segment: Segment::Builtin("vsphere"),
        fields: &[
            required(field(
                "vcenter_server",
                "vcenterServer",
                "The vCenter host name or address.",
            )),
            required(field("username", "username", "The vCenter user.")),
            INSECURE,
        ],
        secrets: &[secret(
            "password",
            "password",
            "The vCenter user's password.",
        )],
        gateway: true,
    },
    AccountKind {
        block: "maas",
        display: "Canonical MAAS, through a private cloud gateway",
        segment: Segment::Builtin("maas"),
        fields: &[
            required(field(
                "api_endpoint",
                "apiEndpoint",
                "The MAAS API endpoint, such as `http://maas.example.com:5240/MAAS`.",
            )),
            typed(
                field(
                    "preferred_subnets",
                    "preferredSubnets",
                    "Subnets Palette prefers for the nodes.",
                ),
                FieldType::List,
            ),
        ],
        secrets: &[secret("api_key", "apiKey", "The MAAS API key.")],
        gateway: true,
    },
    AccountKind {
        block: "openstack",
        display: "OpenStack, through a private cloud gateway",
        segment: Segment::Builtin("openstack"),
        fields: &[
            required(field(
                "identity_endpoint",
                "identityEndpoint",
                "The Keystone endpoint.",
            )),
            required(field("username", "username", "The OpenStack user.")),
            field("default_domain", "defaultDomain", "The default domain."),
            field("default_project", "defaultProject", "The default project."),
            field("parent_region", "parentRegion", "The region."),
            field(
                "ca_certificate",
                "caCert",
                "A CA certificate (PEM) the endpoint's certificate chains to.",
            ),
            INSECURE,
        ],
        secrets: &[secret(
            "password",
            "password",
            "The OpenStack user's password.",
        )],
        gateway: true,
    },
    AccountKind {
        block: "tencent",
        display: "Tencent Cloud (TKE clusters)",
        segment: Segment::Builtin("tencent"),
        fields: &[sensitive(required(field(
            "secret_id",
            "secretId",
            "The API secret id.",
        )))],
        secrets: &[secret("secret_key", "secretKey", "The API secret key.")],
        gateway: false,
    },
    AccountKind {
        block: "nutanix",
        display: "Nutanix, through a private cloud gateway",
        segment: Segment::Custom("nutanix"),
        fields: &[typed(
            field(
                "credentials",
                "credentials",
                "The account's non-secret credentials (such as the endpoint and the user), by \
                 the key names of the Nutanix cloud type.",
            ),
            FieldType::Map,
        )],
        secrets: &[Secret {
            ty: FieldType::Map,
            ..secret(
                "secret_credentials",
                "credentials",
                "The account's secret credentials (such as the password), by key; merged with \
                 `credentials`.",
            )
        }],
        gateway: true,
    },
];

impl Kind for AccountKind {
    fn block(&self) -> &'static str {
        self.block
    }
    fn fields(&self) -> &'static [Field] {
        self.fields
    }
    fn secrets(&self) -> &'static [Secret] {
        self.secrets
    }
}

/// The kind whose block is `block`.
pub(super) fn by_block(block: &str) -> Option<&'static AccountKind> {
    kind_table::by_block(KINDS, block)
}

/// Whether Palette hides the value of a custom credential with this key (it answers with an
/// empty string): the keys that name a password, secret, token or key.
pub(super) fn secret_key_name(key: &str) -> bool {
    let upper = key.to_ascii_uppercase();
    ["PASSWORD", "SECRET", "TOKEN", "KEY"]
        .iter()
        .any(|s| upper.contains(s))
}
