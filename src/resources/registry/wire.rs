//! The API side of a registry: the bodies a create and an update send for each kind, and what a
//! read gives back, as one [`Remote`] whatever the kind.

use palette_api::RegistryKind;
use palette_api::models::{
    AwsCloudAccount, AwsStsCredentials, BasicOciRegistry, BasicOciRegistrySpec, EcrRegistry,
    EcrRegistrySpec, HelmRegistry, HelmRegistryEntity, HelmRegistrySpec, HelmRegistrySpecEntity,
    ObjectMeta, PackRegistry, PackRegistrySpec, RegistryAuth, RegistrySyncStatus, TlsConfiguration,
};

use super::model::{RegistryPlan, SCOPE};

/// A registry as Palette has it, whatever its kind: what the state is read from.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Remote {
    pub(super) metadata: Option<ObjectMeta>,
    pub(super) endpoint: String,
    /// `None` for a kind without the setting (basic OCI).
    pub(super) is_private: Option<bool>,
    pub(super) auth: Option<RegistryAuth>,
    pub(super) credentials: Option<AwsCloudAccount>,
    pub(super) tls: Option<TlsConfiguration>,
    pub(super) provider_type: Option<String>,
    pub(super) base_content_path: Option<String>,
    pub(super) base_path: Option<String>,
    pub(super) scope: Option<String>,
    pub(super) sync: Option<RegistrySyncStatus>,
}

/// A registry model the resource writes and reads.
pub(super) trait Wire: RegistryKind {
    /// The body of a create.
    fn create_body(plan: &RegistryPlan) -> Self::Create;
    /// The body of an update of registry `uid`.
    fn update_body(plan: &RegistryPlan, uid: &str) -> Self;
    /// What a read tells.
    fn remote(self) -> Remote;
}

/// The metadata of a write: the name, and the uid on update.
fn metadata(plan: &RegistryPlan, uid: Option<&str>) -> Option<ObjectMeta> {
    Some(ObjectMeta {
        name: Some(plan.name.clone()),
        uid: uid.map(str::to_owned),
        ..ObjectMeta::default()
    })
}

/// TLS settings, when any is set.
fn tls(plan: &RegistryPlan) -> Option<TlsConfiguration> {
    (plan.ca_certificate.is_some() || plan.insecure_skip_verify).then(|| TlsConfiguration {
        ca: plan.ca_certificate.clone(),
        enabled: Some(true),
        insecure_skip_verify: Some(plan.insecure_skip_verify),
        ..TlsConfiguration::default()
    })
}

/// `v1RegistryAuth`: basic authentication with the username and secret, or none.
fn auth(plan: &RegistryPlan) -> RegistryAuth {
    let basic = plan.username.is_some();
    RegistryAuth {
        type_: Some(if basic { "basic" } else { "noAuth" }.to_owned()),
        username: plan.username.clone(),
        password: plan
            .secret
            .as_ref()
            .filter(|_| basic)
            .map(|s| s.expose().to_owned()),
        tls: tls(plan),
        token: None,
    }
}

/// The scope every registry is written in.
fn scope() -> Option<String> {
    Some(SCOPE.to_owned())
}

impl Wire for PackRegistry {
    fn create_body(plan: &RegistryPlan) -> PackRegistry {
        Self::update_body(plan, "")
    }

    fn update_body(plan: &RegistryPlan, uid: &str) -> PackRegistry {
        PackRegistry {
            metadata: metadata(plan, Some(uid).filter(|u| !u.is_empty())),
            spec: Some(PackRegistrySpec {
                auth: auth(plan),
                endpoint: plan.endpoint.clone(),
                name: Some(plan.name.clone()),
                private: Some(plan.is_private),
                registry_uid: None,
                scope: scope(),
            }),
            ..PackRegistry::default()
        }
    }

    fn remote(self) -> Remote {
        let spec = self.spec.unwrap_or_default();
        Remote {
            metadata: self.metadata,
            endpoint: spec.endpoint,
            is_private: Some(spec.private.unwrap_or(false)),
            tls: spec.auth.tls.clone(),
            auth: Some(spec.auth),
            scope: spec.scope,
            sync: self.status.and_then(|s| s.pack_sync_status),
            ..Remote::default()
        }
    }
}

impl Wire for HelmRegistry {
    fn create_body(plan: &RegistryPlan) -> HelmRegistryEntity {
        HelmRegistryEntity {
            metadata: metadata(plan, None),
            spec: Some(HelmRegistrySpecEntity {
                auth: auth(plan),
                create_option: None,
                endpoint: plan.endpoint.clone(),
                is_private: Some(plan.is_private),
                name: Some(plan.name.clone()),
                scope: scope(),
            }),
        }
    }

    fn update_body(plan: &RegistryPlan, uid: &str) -> HelmRegistry {
        HelmRegistry {
            metadata: metadata(plan, Some(uid)),
            spec: Some(HelmRegistrySpec {
                auth: auth(plan),
                endpoint: plan.endpoint.clone(),
                is_private: Some(plan.is_private),
                name: Some(plan.name.clone()),
                registry_uid: None,
                scope: scope(),
            }),
            ..HelmRegistry::default()
        }
    }

    fn remote(self) -> Remote {
        let spec = self.spec.unwrap_or_default();
        Remote {
            metadata: self.metadata,
            endpoint: spec.endpoint,
            is_private: Some(spec.is_private.unwrap_or(false)),
            tls: spec.auth.tls.clone(),
            auth: Some(spec.auth),
            scope: spec.scope,
            sync: self.status.and_then(|s| s.helm_sync_status),
            ..Remote::default()
        }
    }
}

impl Wire for BasicOciRegistry {
    fn create_body(plan: &RegistryPlan) -> BasicOciRegistry {
        Self::update_body(plan, "")
    }

    fn update_body(plan: &RegistryPlan, uid: &str) -> BasicOciRegistry {
        BasicOciRegistry {
            metadata: metadata(plan, Some(uid).filter(|u| !u.is_empty())),
            spec: Some(BasicOciRegistrySpec {
                auth: auth(plan),
                base_content_path: plan.base_content_path.clone(),
                base_path: plan.base_path.clone(),
                endpoint: plan.endpoint.clone(),
                // Palette syncs an OCI registry only when asked to; its packs are listed (and
                // a profile can resolve them) only once synced.
                is_sync_supported: Some(true),
                provider_type: plan.provider_type.clone(),
                scope: scope(),
                ..BasicOciRegistrySpec::default()
            }),
            ..BasicOciRegistry::default()
        }
    }

    fn remote(self) -> Remote {
        let spec = self.spec.unwrap_or_default();
        Remote {
            metadata: self.metadata,
            endpoint: spec.endpoint,
            tls: spec.auth.tls.clone(),
            auth: Some(spec.auth),
            provider_type: spec.provider_type,
            base_content_path: spec.base_content_path,
            base_path: spec.base_path,
            scope: spec.scope,
            sync: self.status.and_then(|s| s.sync_status),
            ..Remote::default()
        }
    }
}

/// An ECR registry's AWS credentials: keys, or a role to assume; none for a public registry.
fn credentials(plan: &RegistryPlan) -> Option<AwsCloudAccount> {
    if let Some(arn) = &plan.role_arn {
        return Some(AwsCloudAccount {
            credential_type: Some("sts".to_owned()),
            sts: Some(AwsStsCredentials {
                arn: Some(arn.clone()),
                external_id: plan.external_id.clone(),
            }),
            ..AwsCloudAccount::default()
        });
    }
    plan.access_key.as_ref().map(|key| AwsCloudAccount {
        credential_type: Some("secret".to_owned()),
        access_key: Some(key.clone()),
        secret_key: plan.secret.as_ref().map(|s| s.expose().to_owned()),
        ..AwsCloudAccount::default()
    })
}

impl Wire for EcrRegistry {
    fn create_body(plan: &RegistryPlan) -> EcrRegistry {
        Self::update_body(plan, "")
    }

    fn update_body(plan: &RegistryPlan, uid: &str) -> EcrRegistry {
        EcrRegistry {
            metadata: metadata(plan, Some(uid).filter(|u| !u.is_empty())),
            spec: Some(EcrRegistrySpec {
                base_content_path: plan.base_content_path.clone(),
                credentials: credentials(plan),
                endpoint: plan.endpoint.clone(),
                is_private: plan.is_private,
                is_sync_supported: Some(true),
                provider_type: plan.provider_type.clone(),
                scope: scope(),
                tls: tls(plan),
                ..EcrRegistrySpec::default()
            }),
            ..EcrRegistry::default()
        }
    }

    fn remote(self) -> Remote {
        let spec = self.spec.unwrap_or_default();
        Remote {
            metadata: self.metadata,
            endpoint: spec.endpoint,
            is_private: Some(spec.is_private),
            credentials: spec.credentials,
            tls: spec.tls,
            provider_type: spec.provider_type,
            base_content_path: spec.base_content_path,
            scope: spec.scope,
            sync: self.status.and_then(|s| s.sync_status),
            ..Remote::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::registry::model::{Kind, Secret};
    use crate::resources::timeouts::Timeouts;
    use std::time::Duration;

    fn plan(kind: Kind) -> RegistryPlan {
        let minute = Duration::from_secs(60);
        RegistryPlan {
            kind,
            name: "r1".into(),
            endpoint: "https://r.example.com".into(),
            is_private: true,
            provider_type: Some("helm".into()),
            base_content_path: Some("charts".into()),
            base_path: None,
            username: Some("robot".into()),
            access_key: Some("AKIA1".into()),
            role_arn: None,
            external_id: None,
            ca_certificate: None,
            insecure_skip_verify: false,
            secret: Some(Secret::new("s3cret")),
            timeouts: Timeouts {
                create: minute,
                update: minute,
                delete: minute,
            },
        }
    }

    #[test]
    fn bodies_carry_the_secret_where_each_kind_wants_it() {
        let pack = PackRegistry::create_body(&plan(Kind::Pack));
        let spec = pack.spec.expect("a spec");
        assert_eq!(spec.auth.password.as_deref(), Some("s3cret"));
        assert_eq!(spec.auth.type_.as_deref(), Some("basic"));
        assert_eq!(spec.private, Some(true));
        let helm = HelmRegistry::update_body(&plan(Kind::Helm), "u1");
        assert_eq!(helm.metadata.and_then(|m| m.uid).as_deref(), Some("u1"));
        let ecr = EcrRegistry::create_body(&plan(Kind::OciEcr))
            .spec
            .expect("a spec");
        let creds = ecr.credentials.expect("credentials");
        assert_eq!(creds.secret_key.as_deref(), Some("s3cret"));
        assert_eq!(creds.credential_type.as_deref(), Some("secret"));
        let mut role = plan(Kind::OciEcr);
        role.role_arn = Some("arn:aws:iam::1:role/r".into());
        let creds = credentials(&role).expect("credentials");
        assert_eq!(creds.credential_type.as_deref(), Some("sts"));
        assert!(creds.secret_key.is_none());
    }

    #[test]
    fn without_a_username_no_password_is_sent() {
        let mut open = plan(Kind::OciBasic);
        open.username = None;
        let spec = BasicOciRegistry::create_body(&open).spec.expect("a spec");
        assert_eq!(spec.auth.type_.as_deref(), Some("noAuth"));
        assert!(spec.auth.password.is_none());
        assert_eq!(spec.base_content_path.as_deref(), Some("charts"));
    }
}
