//! A SQLite [`Store`]: one table of JSON documents, WAL mode, a small pool of read connections
//! and one write connection.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::{Kind, Op, Record, Store, StoreError};

const READ_POOL: usize = 8;

/// Keeps records in a SQLite database file.
#[derive(Debug)]
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let writer = Connection::open(path)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        writer.pragma_update(None, "synchronous", "NORMAL")?;
        writer.busy_timeout(std::time::Duration::from_secs(5))?;
        writer.execute_batch(
            "CREATE TABLE IF NOT EXISTS objects (
                kind TEXT NOT NULL,
                uid TEXT NOT NULL,
                project TEXT NOT NULL,
                name TEXT NOT NULL,
                doc TEXT NOT NULL,
                PRIMARY KEY (kind, uid)
            );
            CREATE INDEX IF NOT EXISTS objects_kind ON objects (kind);",
        )?;
        Ok(Self {
            path: path.to_owned(),
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
        })
    }

    fn reader(&self) -> Result<Connection, StoreError> {
        let pooled = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        match pooled {
            Some(conn) => Ok(conn),
            None => {
                let conn = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                conn.busy_timeout(std::time::Duration::from_secs(5))?;
                Ok(conn)
            }
        }
    }

    fn give_back(&self, conn: Connection) {
        let mut pool = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < READ_POOL {
            pool.push(conn);
        }
    }

    fn with_reader<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let conn = self.reader()?;
        let result = f(&conn);
        self.give_back(conn);
        result
    }
}

fn kind_from(name: &str) -> Kind {
    match name {
        "project" => Kind::Project,
        "registry" => Kind::Registry,
        "pack" => Kind::Pack,
        "profile" => Kind::Profile,
        "cloudaccount" => Kind::CloudAccount,
        "cluster" => Kind::Cluster,
        "cloudconfig" => Kind::CloudConfig,
        "deployment" => Kind::Deployment,
        "edgehost" => Kind::EdgeHost,
        "sshkey" => Kind::SshKey,
        "location" => Kind::Location,
        "gateway" => Kind::Gateway,
        "clustertemplate" => Kind::ClusterTemplate,
        _ => Kind::Meta,
    }
}

fn row_to_record(
    row: &rusqlite::Row<'_>,
) -> rusqlite::Result<(String, String, String, String, String)> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn to_record(raw: (String, String, String, String, String)) -> Result<Record, StoreError> {
    let (kind, uid, project, name, doc) = raw;
    Ok(Record {
        kind: kind_from(&kind),
        uid,
        project,
        name,
        doc: serde_json::from_str(&doc)?,
    })
}

impl Store for SqliteStore {
    fn get(&self, kind: Kind, uid: &str) -> Result<Option<Record>, StoreError> {
        self.with_reader(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT kind, uid, project, name, doc FROM objects WHERE kind = ?1 AND uid = ?2",
            )?;
            let raw = stmt
                .query_row(params![kind.as_str(), uid], row_to_record)
                .optional()?;
            raw.map(to_record).transpose()
        })
    }

    fn list(&self, kind: Kind) -> Result<Vec<Record>, StoreError> {
        self.with_reader(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT kind, uid, project, name, doc FROM objects WHERE kind = ?1 ORDER BY rowid",
            )?;
            let rows = stmt.query_map(params![kind.as_str()], row_to_record)?;
            let mut out = Vec::new();
            for row in rows {
                out.push(to_record(row?)?);
            }
            Ok(out)
        })
    }

    fn apply(&self, ops: Vec<Op>) -> Result<(), StoreError> {
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let tx = conn.transaction()?;
        for op in ops {
            match op {
                Op::Put(r) => {
                    let doc = serde_json::to_string(&r.doc)?;
                    tx.execute(
                        "INSERT INTO objects (kind, uid, project, name, doc) VALUES (?1, ?2, ?3, ?4, ?5)
                         ON CONFLICT (kind, uid) DO UPDATE SET project = ?3, name = ?4, doc = ?5",
                        params![r.kind.as_str(), r.uid, r.project, r.name, doc],
                    )?;
                }
                Op::Delete(kind, uid) => {
                    tx.execute(
                        "DELETE FROM objects WHERE kind = ?1 AND uid = ?2",
                        params![kind.as_str(), uid],
                    )?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn records_survive_reopening() {
        let dir =
            std::env::temp_dir().join(format!("palette-emulator-store-{}", crate::ids::new_uid()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.db");
        {
            let store = SqliteStore::open(&path).unwrap();
            let rec = Record {
                kind: Kind::Project,
                uid: "a".into(),
                project: String::new(),
                name: "Default".into(),
                doc: json!({"x": 1}),
            };
            store.put(rec.clone()).unwrap();
            store
                .put(Record {
                    uid: "b".into(),
                    ..rec
                })
                .unwrap();
            store
                .apply(vec![Op::Delete(Kind::Project, "b".into())])
                .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        let all = store.list(Kind::Project).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].doc, json!({"x": 1}));
        assert!(store.get(Kind::Project, "b").unwrap().is_none());
        std::fs::remove_dir_all(&dir).ok();
    }
}
