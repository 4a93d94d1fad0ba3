//! The sync simulation: a registry's sync is data, as a cluster's deployment is.
//!
//! Starting a sync stores when it started and when it ends (now plus [`SYNC_MS`] times the
//! `--time-scale`), and writes the registry's packs from its catalogue with that end time as
//! their `availableAt`: the pack routes show them from then on ([`AppState::packs`]). Every read
//! of the sync status compares the clock with those times: `InProgress` until the end, then
//! `Completed` (or `Failed`, with the catalogue's message, and no new packs). A sync asked for
//! while one runs changes nothing.

use serde_json::{Value, json};

use super::catalogue;
use super::kinds::RegistryKind;
use crate::error::ApiResult;
use crate::ids::{rfc3339, stable_uid};
use crate::seed::parent_tags;
use crate::state::AppState;
use crate::store::{Kind, Op, Record, SYSTEM};

/// How long a sync takes at time scale 1.0, in milliseconds.
pub const SYNC_MS: f64 = 5_000.0;

/// Whether the sync stored in `doc` is still running at `now`.
fn running(doc: &Value, now: i64) -> bool {
    doc["sync"]["readyAt"]
        .as_i64()
        .is_some_and(|ready| now < ready)
}

/// The `v1RegistrySyncStatus` of a stored registry at `now`. A registry stored without a sync
/// (a seeded one) synced when it was made.
pub(super) fn status(doc: &Value, now: i64) -> Value {
    let sync = &doc["sync"];
    let (Some(started), Some(ready)) = (sync["startedAt"].as_i64(), sync["readyAt"].as_i64())
    else {
        let made = &doc["creationTimestamp"];
        return json!({
            "isSyncSupported": true, "status": "Completed", "message": "",
            "lastRunTime": made, "lastSyncedTime": made,
        });
    };
    let mut status = json!({
        "isSyncSupported": true, "lastRunTime": rfc3339(started), "message": "",
    });
    if now < ready {
        status["status"] = json!("InProgress");
    } else if let Some(failure) = sync["failure"].as_str() {
        status["status"] = json!("Failed");
        status["message"] = json!(failure);
        if let Some(last) = sync["lastSyncedAt"].as_i64() {
            status["lastSyncedTime"] = json!(rfc3339(last));
        }
    } else {
        status["status"] = json!("Completed");
        status["lastSyncedTime"] = json!(rfc3339(ready));
    }
    status
}

/// Starts a sync of `record` (a registry of `kind`) at `now`, unless one is running: sets its
/// `sync` and returns the writes of its packs, which go in the same batch as the record.
pub(super) fn start(
    state: &AppState,
    kind: &RegistryKind,
    record: &mut Record,
    now: i64,
) -> ApiResult<Vec<Op>> {
    if running(&record.doc, now) {
        return Ok(Vec::new());
    }
    let scale = state.settings().time_scale;
    let ready = now + (SYNC_MS * scale).round() as i64;
    let endpoint = record.doc["endpoint"].as_str().unwrap_or("").to_owned();
    let catalogue = catalogue::for_endpoint(state, &endpoint, kind.pack_type)?;
    let previous = record.doc["sync"].clone();
    let last_synced = match previous["failure"].is_null() {
        true => previous["readyAt"].as_i64(),
        false => previous["lastSyncedAt"].as_i64(),
    };
    record.doc["sync"] = json!({
        "startedAt": now, "readyAt": ready, "failure": catalogue.fail, "lastSyncedAt": last_synced,
    });
    if catalogue.fail.is_some() {
        return Ok(Vec::new());
    }
    let existing = packs_of(state, &record.uid)?;
    let mut ops = Vec::new();
    let mut kept = Vec::new();
    for pack in &catalogue.packs {
        for tag in &pack.tags {
            let uid = stable_uid(&format!("pack/{}/{}/{tag}", record.uid, pack.name));
            // A pack already served stays visible while the sync runs.
            let available = existing
                .iter()
                .find(|p| p.uid == uid)
                .and_then(|p| p.doc["availableAt"].as_i64())
                .filter(|at| *at <= now)
                .unwrap_or(ready);
            ops.push(Op::Put(pack_record(
                record, kind, pack, tag, &uid, available,
            )));
            kept.push(uid);
        }
    }
    ops.extend(
        existing
            .into_iter()
            .filter(|p| !kept.contains(&p.uid))
            .map(|p| Op::Delete(Kind::Pack, p.uid)),
    );
    Ok(ops)
}

/// The deletes of every pack `registry_uid` serves.
pub(super) fn delete_packs(state: &AppState, registry_uid: &str) -> ApiResult<Vec<Op>> {
    Ok(packs_of(state, registry_uid)?
        .into_iter()
        .map(|p| Op::Delete(Kind::Pack, p.uid))
        .collect())
}

/// Every stored pack version of registry `registry_uid`, visible or not yet.
fn packs_of(state: &AppState, registry_uid: &str) -> ApiResult<Vec<Record>> {
    Ok(state
        .store()
        .list(Kind::Pack)?
        .into_iter()
        .filter(|p| p.doc["registryUid"] == registry_uid)
        .collect())
}

/// One pack version as the pack routes store it (the same shape as the seed's).
fn pack_record(
    registry: &Record,
    kind: &RegistryKind,
    pack: &catalogue::CataloguePack,
    tag: &str,
    uid: &str,
    available_at: i64,
) -> Record {
    let name = &pack.name;
    Record {
        kind: Kind::Pack,
        uid: uid.to_owned(),
        project: SYSTEM.to_owned(),
        name: name.clone(),
        doc: json!({
            "uid": uid, "name": name, "displayName": name, "layer": pack.layer,
            "type": kind.pack_type, "addonType": "", "cloudTypes": pack.clouds,
            "registryUid": registry.uid, "registryName": registry.name,
            "tag": tag, "version": tag, "parentTags": parent_tags(tag), "values": pack.values,
            "digest": format!("sha256:{}{}", stable_uid(uid), stable_uid(name)),
            "logoUrl": "", "creationTimestamp": rfc3339(available_at),
            "availableAt": available_at,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sync_runs_then_completes_or_fails() {
        let doc = json!({"sync": {"startedAt": 1000, "readyAt": 2000}});
        assert_eq!(status(&doc, 1500)["status"], "InProgress");
        assert!(running(&doc, 1500));
        let done = status(&doc, 2000);
        assert_eq!(done["status"], "Completed");
        assert_eq!(done["lastSyncedTime"], rfc3339(2000));
        let failed = json!({"sync": {"startedAt": 1000, "readyAt": 2000, "failure": "no route"}});
        assert_eq!(status(&failed, 2500)["status"], "Failed");
        assert_eq!(status(&failed, 2500)["message"], "no route");
        let seeded = json!({"creationTimestamp": "2024-01-01T00:00:00Z"});
        assert_eq!(status(&seeded, 0)["status"], "Completed");
    }
}
