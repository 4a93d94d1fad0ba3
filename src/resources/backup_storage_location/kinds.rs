//! The location kinds, as data: each kind's block, its API type, its fields with their place in
//! the location's `spec.config`, and its secrets. Schema, plan checks, the API body and the
//! read-back all walk this table (through `resources::kind_table`), so a kind is one entry here.

use palette_api::LocationKind as Api;

use crate::resources::kind_table::{
    self, Field, FieldType, Kind, Secret, field, required, secret, sensitive, typed,
};

/// One location kind.
#[derive(Debug, Clone, Copy)]
pub(super) struct LocationKind {
    /// Its block in the resource.
    pub(super) block: &'static str,
    /// What it stores backups in, for the block's description.
    pub(super) display: &'static str,
    /// Its type in the API (`/v1/users/assets/locations/{type}`).
    pub(super) api: Api,
    pub(super) fields: &'static [Field],
    pub(super) secrets: &'static [Secret],
}

impl Kind for LocationKind {
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

const BUCKET: Field = required(field(
    "bucket_name",
    "bucketName",
    "The bucket backups are written to.",
));

const REGION: Field = required(field("region", "region", "The bucket's region."));

const PATH_STYLE: Field = Field {
    default: Some("true"),
    ..typed(
        field(
            "force_path_style",
            "s3ForcePathStyle",
            "Address the bucket in the path (`https://host/bucket`) rather than in the host name \
             (`https://bucket.host`), as most S3-compatible stores need; `true` unless set, as \
             in Palette.",
        ),
        FieldType::Bool,
    )
};

const CA_CERTIFICATE: Field = field(
    "ca_certificate",
    "caCert",
    "A CA certificate (PEM) the endpoint's certificate chains to, for a store with a private CA.",
);

const ACCESS_KEY: Field = sensitive(field(
    "access_key",
    "credentials/accessKey",
    "The access key id, with `secret_key`.",
));

const SECRET_KEY: Secret = secret(
    "secret_key",
    "credentials/secretKey",
    "The secret access key.",
);

/// Every kind, in the order the docs list them.
pub(super) const KINDS: &[LocationKind] = &[
    LocationKind {
        block: "s3",
        display: "an AWS S3 bucket, or a bucket of another S3-compatible store (`s3_url`)",
        api: Api::S3,
        fields: &[
            BUCKET,
            REGION,
            field(
                "s3_url",
                "s3Url",
                "The endpoint of an S3-compatible store, such as `https://s3.example.com`; left \
                 out for AWS S3.",
            ),
            PATH_STYLE,
            CA_CERTIFICATE,
            Field {
                default: Some("secret"),
                one_of: &["secret", "sts"],
                ..field(
                    "credential_type",
                    "credentials/credentialType",
                    "`secret` (an access key pair, the default) or `sts` (a role Palette assumes, \
                     given by `arn` and `external_id`).",
                )
            },
            Field {
                description: "The access key id, with `secret_key` (`credential_type = \
                              \"secret\"`).",
                ..ACCESS_KEY
            },
            field(
                "arn",
                "credentials/sts/arn",
                "The ARN of the role Palette assumes (`credential_type = \"sts\"`).",
            ),
            field(
                "external_id",
                "credentials/sts/externalId",
                "The external id the role's trust policy requires (`sts`).",
            ),
        ],
        secrets: &[Secret {
            required: false,
            description: "The secret access key (`credential_type = \"secret\"`).",
            ..SECRET_KEY
        }],
    },
    LocationKind {
        block: "minio",
        display: "a MinIO bucket",
        api: Api::Minio,
        fields: &[
            BUCKET,
            REGION,
            required(field(
                "s3_url",
                "s3Url",
                "The MinIO endpoint, such as `https://minio.example.com:9000`.",
            )),
            PATH_STYLE,
            CA_CERTIFICATE,
            required(ACCESS_KEY),
        ],
        secrets: &[SECRET_KEY],
    },
    LocationKind {
        block: "gcp",
        display: "a Google Cloud Storage bucket",
        api: Api::Gcp,
        fields: &[
            BUCKET,
            field(
                "project_id",
                "projectId",
                "The Google Cloud project of the bucket.",
            ),
        ],
        secrets: &[secret(
            "json_credentials",
            "credentials/jsonCredentials",
            "The service account key, as JSON (such as `file(\"sa.json\")`).",
        )],
    },
    LocationKind {
        block: "azure",
        display: "an Azure blob container",
        api: Api::Azure,
        fields: &[
            required(field(
                "container_name",
                "containerName",
                "The blob container backups are written to.",
            )),
            required(field(
                "storage_account_name",
                "storageName",
                "The storage account holding the container.",
            )),
            required(field(
                "resource_group",
                "resourceGroup",
                "The resource group of the storage account.",
            )),
            field(
                "sku",
                "sku",
                "The storage account's SKU, such as `Standard_LRS`.",
            ),
            required(field(
                "subscription_id",
                "credentials/subscriptionId",
                "The subscription of the storage account.",
            )),
            required(field(
                "tenant_id",
                "credentials/tenantId",
                "The Azure AD tenant id of the service principal.",
            )),
            required(field(
                "client_id",
                "credentials/clientId",
                "The application (client) id of the service principal.",
            )),
            Field {
                default: Some("public"),
                one_of: &["public", "azure-china", "azure-government"],
                ..field(
                    "client_cloud",
                    "credentials/clientCloud",
                    "The Azure cloud: `public` (the default), `azure-china` or \
                     `azure-government`.",
                )
            },
        ],
        secrets: &[secret(
            "client_secret",
            "credentials/clientSecret",
            "The service principal's client secret.",
        )],
    },
];

/// The kind whose block is `block`.
pub(super) fn by_block(block: &str) -> Option<&'static LocationKind> {
    kind_table::by_block(KINDS, block)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_api_type_has_one_block() {
        for api in Api::ALL {
            let blocks: Vec<&str> = KINDS
                .iter()
                .filter(|k| k.api == api)
                .map(|k| k.block)
                .collect();
            assert_eq!(blocks.len(), 1, "{api}: {blocks:?}");
            assert_eq!(by_block(blocks[0]).map(|k| k.api), Some(api));
        }
    }
}
