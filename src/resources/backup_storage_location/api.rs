//! The location calls: the typed palette-api calls, with the body and the answer as JSON (the
//! kind table works on JSON; the kind's model checks the shape on the way).

use palette_api::{Client, Location, Scope};
use serde_json::Value as Json;

use super::kinds::LocationKind;
use crate::resources::kind_table::CallError;

/// Creates the location (never twice: a retried create finds the one it made) and returns its
/// uid.
pub(super) async fn create(
    client: &Client,
    scope: &Scope,
    kind: &LocationKind,
    body: Json,
) -> Result<String, CallError> {
    let location = Location::from_json(kind.api, body)?;
    Ok(client.create_location_idempotent(scope, &location).await?)
}

/// The location as Palette reports it.
pub(super) async fn read(
    client: &Client,
    scope: &Scope,
    kind: &LocationKind,
    uid: &str,
) -> Result<Json, CallError> {
    Ok(client.get_location(scope, kind.api, uid).await?.to_json()?)
}

/// Replaces the location.
pub(super) async fn update(
    client: &Client,
    scope: &Scope,
    kind: &LocationKind,
    uid: &str,
    body: Json,
) -> Result<(), CallError> {
    let location = Location::from_json(kind.api, body)?;
    Ok(client.update_location(scope, uid, &location).await?)
}

/// Makes the location its scope's default.
pub(super) async fn make_default(
    client: &Client,
    scope: &Scope,
    kind: &LocationKind,
    uid: &str,
) -> Result<(), CallError> {
    Ok(client.set_default_location(scope, kind.api, uid).await?)
}

/// Deletes the location.
pub(super) async fn delete(client: &Client, scope: &Scope, uid: &str) -> Result<(), CallError> {
    Ok(client.delete_location(scope, uid).await?)
}

/// The uid of the location of this kind named `name`.
pub(super) async fn find(
    client: &Client,
    scope: &Scope,
    kind: &LocationKind,
    name: &str,
) -> Result<Option<String>, CallError> {
    Ok(client.find_location(scope, kind.api, name).await?)
}
