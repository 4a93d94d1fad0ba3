//! Backup storage locations: `/v1/users/assets/locations` and one path per type (`s3`,
//! `minio`, `gcp`, `azure`), in the caller's scope (a project, or the tenant).
//!
//! Location bodies carry credentials: they are never logged (the client traces no bodies) and
//! their `Debug` output is redacted.

use reqwest::Method;
use serde_json::Value;

use crate::client::{Request, v1_path};
use crate::models::{
    UserAssetsLocation, UserAssetsLocationAzure, UserAssetsLocationGcp, UserAssetsLocationS3,
    UserAssetsLocations,
};
use crate::{Client, Error, Scope};

/// The type of a backup storage location: its path segment under
/// `/v1/users/assets/locations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LocationKind {
    /// An AWS S3 bucket (or another S3-compatible store, through `s3Url`).
    S3,
    /// A MinIO bucket (the S3 model, its own path).
    Minio,
    /// A Google Cloud Storage bucket.
    Gcp,
    /// An Azure blob container.
    Azure,
}

impl LocationKind {
    /// Every type.
    pub const ALL: [LocationKind; 4] = [
        LocationKind::S3,
        LocationKind::Minio,
        LocationKind::Gcp,
        LocationKind::Azure,
    ];

    /// The path segment, which is also the type a listed location reports (`spec.type`).
    pub fn segment(self) -> &'static str {
        match self {
            LocationKind::S3 => "s3",
            LocationKind::Minio => "minio",
            LocationKind::Gcp => "gcp",
            LocationKind::Azure => "azure",
        }
    }

    /// The type whose segment is `segment`.
    pub fn parse(segment: &str) -> Option<LocationKind> {
        LocationKind::ALL
            .into_iter()
            .find(|k| k.segment() == segment)
    }
}

impl std::fmt::Display for LocationKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.segment())
    }
}

/// A location of any type, as written on create and update and as read back.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    /// An S3 location.
    S3(UserAssetsLocationS3),
    /// A MinIO location.
    Minio(UserAssetsLocationS3),
    /// A Google Cloud Storage location.
    Gcp(UserAssetsLocationGcp),
    /// An Azure location.
    Azure(UserAssetsLocationAzure),
}

impl Location {
    /// Its type.
    pub fn kind(&self) -> LocationKind {
        match self {
            Location::S3(_) => LocationKind::S3,
            Location::Minio(_) => LocationKind::Minio,
            Location::Gcp(_) => LocationKind::Gcp,
            Location::Azure(_) => LocationKind::Azure,
        }
    }

    /// Reads `value` as the model of `kind`.
    ///
    /// # Errors
    ///
    /// When `value` does not fit the model.
    pub fn from_json(kind: LocationKind, value: Value) -> Result<Location, serde_json::Error> {
        Ok(match kind {
            LocationKind::S3 => Location::S3(serde_json::from_value(value)?),
            LocationKind::Minio => Location::Minio(serde_json::from_value(value)?),
            LocationKind::Gcp => Location::Gcp(serde_json::from_value(value)?),
            LocationKind::Azure => Location::Azure(serde_json::from_value(value)?),
        })
    }

    /// The location as JSON, as its model writes it.
    ///
    /// # Errors
    ///
    /// Never in practice: the models are plain data.
    pub fn to_json(&self) -> Result<Value, serde_json::Error> {
        match self {
            Location::S3(l) | Location::Minio(l) => serde_json::to_value(l),
            Location::Gcp(l) => serde_json::to_value(l),
            Location::Azure(l) => serde_json::to_value(l),
        }
    }

    /// Its name (`metadata.name`).
    pub fn name(&self) -> Option<&str> {
        let metadata = match self {
            Location::S3(l) | Location::Minio(l) => l.metadata.as_ref(),
            Location::Gcp(l) => l.metadata.as_ref(),
            Location::Azure(l) => l.metadata.as_ref(),
        };
        metadata.and_then(|m| m.name.as_deref())
    }

    fn request<'a>(
        &self,
        method: Method,
        scope: &'a Scope,
        path: String,
    ) -> Result<Request<'a>, Error> {
        let req = Request::new(method, scope, path);
        match self {
            Location::S3(l) | Location::Minio(l) => req.json(l),
            Location::Gcp(l) => req.json(l),
            Location::Azure(l) => req.json(l),
        }
    }
}

impl Client {
    /// Every location in scope, of every type (one unpaged list).
    pub async fn list_locations(&self, scope: &Scope) -> Result<Vec<UserAssetsLocation>, Error> {
        let all: UserAssetsLocations = self
            .get_json(scope, &["users", "assets", "locations"])
            .await?;
        Ok(all.items)
    }

    /// The uid of the location of type `kind` named `name`.
    pub async fn find_location(
        &self,
        scope: &Scope,
        kind: LocationKind,
        name: &str,
    ) -> Result<Option<String>, Error> {
        Ok(self.list_locations(scope).await?.into_iter().find_map(|l| {
            let meta = l.metadata?;
            let spec = l.spec?;
            (meta.name.as_deref() == Some(name) && spec.type_.as_deref() == Some(kind.segment()))
                .then_some(meta.uid)
                .flatten()
        }))
    }

    /// One location of type `kind`.
    pub async fn get_location(
        &self,
        scope: &Scope,
        kind: LocationKind,
        uid: &str,
    ) -> Result<Location, Error> {
        let segments = ["users", "assets", "locations", kind.segment(), uid];
        Ok(match kind {
            LocationKind::S3 => Location::S3(self.get_json(scope, &segments).await?),
            LocationKind::Minio => Location::Minio(self.get_json(scope, &segments).await?),
            LocationKind::Gcp => Location::Gcp(self.get_json(scope, &segments).await?),
            LocationKind::Azure => Location::Azure(self.get_json(scope, &segments).await?),
        })
    }

    /// Creates a location and returns its uid.
    pub async fn create_location(
        &self,
        scope: &Scope,
        location: &Location,
    ) -> Result<String, Error> {
        let path = v1_path(&["users", "assets", "locations", location.kind().segment()]);
        let req = location.request(Method::POST, scope, path)?;
        self.create_uid(&req).await
    }

    /// Creates a location without ever making a duplicate: after a failure that may have
    /// committed, the location of its type and name is looked up before posting again.
    pub async fn create_location_idempotent(
        &self,
        scope: &Scope,
        location: &Location,
    ) -> Result<String, Error> {
        let name = location.name().unwrap_or_default();
        self.create_with_lookup(
            || self.create_location(scope, location),
            || self.find_location(scope, location.kind(), name),
        )
        .await
    }

    /// Replaces a location (a secret left out keeps its stored value).
    pub async fn update_location(
        &self,
        scope: &Scope,
        uid: &str,
        location: &Location,
    ) -> Result<(), Error> {
        let path = v1_path(&[
            "users",
            "assets",
            "locations",
            location.kind().segment(),
            uid,
        ]);
        self.run(&location.request(Method::PUT, scope, path)?).await
    }

    /// Makes a location the scope's default, where backups go when a policy names none.
    pub async fn set_default_location(
        &self,
        scope: &Scope,
        kind: LocationKind,
        uid: &str,
    ) -> Result<(), Error> {
        let path = v1_path(&[
            "users",
            "assets",
            "locations",
            kind.segment(),
            uid,
            "default",
        ]);
        let req = Request::new(Method::PATCH, scope, path).idempotent(true);
        self.run(&req).await
    }

    /// Deletes a location of any type.
    pub async fn delete_location(&self, scope: &Scope, uid: &str) -> Result<(), Error> {
        let path = v1_path(&["users", "assets", "locations", uid]);
        self.run(&Request::new(Method::DELETE, scope, path)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{AwsCloudAccount, S3StorageConfig, UserAssetsLocationS3Spec};

    #[test]
    fn kinds_round_trip_their_segments() {
        for kind in LocationKind::ALL {
            assert_eq!(LocationKind::parse(kind.segment()), Some(kind));
        }
        assert_eq!(LocationKind::parse("aws"), None);
    }

    #[test]
    fn a_location_reads_as_its_kind_and_hides_its_secret_from_debug() {
        let location = Location::Minio(UserAssetsLocationS3 {
            metadata: None,
            spec: Some(UserAssetsLocationS3Spec {
                config: S3StorageConfig {
                    bucket_name: "b".into(),
                    region: "r".into(),
                    credentials: AwsCloudAccount {
                        secret_key: Some("minio-secret-value".into()),
                        ..Default::default()
                    },
                    ..Default::default()
                },
                ..Default::default()
            }),
        });
        let json = location.to_json().unwrap();
        assert_eq!(
            json["spec"]["config"]["credentials"]["secretKey"],
            "minio-secret-value"
        );
        assert_eq!(
            Location::from_json(LocationKind::Minio, json).unwrap(),
            location
        );
        assert!(!format!("{location:?}").contains("minio-secret-value"));

        let azure = Location::from_json(
            LocationKind::Azure,
            serde_json::json!({"spec": {"config": {"credentials": {"clientSecret": "azure-secret-value"}}}}),
        )
        .unwrap();
        let gcp = Location::from_json(
            LocationKind::Gcp,
            serde_json::json!({"spec": {"config": {"credentials": {"jsonCredentials": "gcp-secret-value"}}}}),
        )
        .unwrap();
        for (shown, secret) in [
            (format!("{azure:?}"), "azure-secret-value"),
            (format!("{gcp:?}"), "gcp-secret-value"),
        ] {
            assert!(!shown.contains(secret), "{shown}");
            assert!(shown.contains("<redacted>"), "{shown}");
        }
    }
}
