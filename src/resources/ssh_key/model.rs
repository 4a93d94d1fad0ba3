//! The planned key as plain Rust, and the API bodies made from it.

use palette_api::models::{
    ObjectMeta, ObjectMetaInputEntity, UserAssetSsh, UserAssetSshEntity, UserAssetSshSpec,
};
use tfplugin::{Value, ValueExt};

use palette_stack::ssh_key::canonical_public_key;

/// A `palette_ssh_key` as planned (or as in state).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SshKeyPlan {
    pub(super) name: String,
    /// The public key as configured; Palette is sent its canonical text.
    pub(super) public_key: String,
    pub(super) context: String,
}

impl SshKeyPlan {
    pub(super) fn from_value(plan: &Value) -> SshKeyPlan {
        let text = |name: &str| plan.get_str(name).unwrap_or_default().to_owned();
        SshKeyPlan {
            name: text("name"),
            public_key: text("public_key"),
            context: plan.get_str("context").unwrap_or("project").to_owned(),
        }
    }

    /// The prefix of an import ID in this key's context.
    pub(super) fn import_prefix(&self) -> &'static str {
        if self.context == "tenant" {
            "tenant/"
        } else {
            ""
        }
    }

    fn spec(&self) -> UserAssetSshSpec {
        UserAssetSshSpec {
            public_key: Some(canonical_public_key(&self.public_key)),
        }
    }

    /// The create body.
    pub(super) fn create_entity(&self) -> UserAssetSshEntity {
        UserAssetSshEntity {
            metadata: Some(ObjectMetaInputEntity {
                name: Some(self.name.clone()),
                ..ObjectMetaInputEntity::default()
            }),
            spec: Some(self.spec()),
        }
    }

    /// The update body: the name (a rename when it changed) and the key.
    pub(super) fn update_body(&self) -> UserAssetSsh {
        UserAssetSsh {
            metadata: Some(ObjectMeta {
                name: Some(self.name.clone()),
                ..ObjectMeta::default()
            }),
            spec: Some(self.spec()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn bodies_carry_the_canonical_key() {
        let mut plan = Value::Object(BTreeMap::new());
        plan.set("name", "ops");
        plan.set("public_key", "ssh-ed25519  AAAA  ops@example.com\n");
        let plan = SshKeyPlan::from_value(&plan);
        assert_eq!(plan.context, "project");
        assert_eq!(plan.import_prefix(), "");
        let key = Some("ssh-ed25519 AAAA ops@example.com");
        let created = plan.create_entity();
        assert_eq!(
            created.metadata.and_then(|m| m.name).as_deref(),
            Some("ops")
        );
        assert_eq!(created.spec.and_then(|s| s.public_key).as_deref(), key);
        let updated = plan.update_body();
        assert_eq!(
            updated.metadata.and_then(|m| m.name).as_deref(),
            Some("ops")
        );
        assert_eq!(updated.spec.and_then(|s| s.public_key).as_deref(), key);
    }
}
