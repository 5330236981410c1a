//! The SQLite and PostgreSQL migration folders must give the same tables and columns.
//! Runs where both engines are at hand: in the PostgreSQL pass of the suite
//! (`TEST_DATABASE_URL` set), which `.ci/run` always runs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use crate::support::TestApp;

type Schema = BTreeMap<String, Vec<(String, &'static str, bool)>>;

/// Collapses engine types into the portable families of ARCHITECTURE §4.
fn family(t: &str) -> &'static str {
    let t = t.to_lowercase();
    if t.contains("int") {
        "integer"
    } else if t.contains("char") || t.contains("text") {
        "text"
    } else if t.contains("real") || t.contains("double") || t.contains("float") || t.contains("numeric") {
        "real"
    } else if t.contains("blob") || t.contains("bytea") {
        "blob"
    } else {
        "other"
    }
}

async fn sqlite_schema() -> Schema {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("s.db").display());
    let db = wta_academy::db::Db::connect(&url, 1, std::time::Duration::from_secs(3)).await.unwrap();
    db.migrate().await.unwrap();
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let mut schema = Schema::new();
    for (table,) in tables {
        let cols: Vec<(String, String, i64)> =
            sqlx::query_as(&format!("SELECT name, type, \"notnull\" FROM pragma_table_info('{table}')"))
                .fetch_all(&db.pool)
                .await
                .unwrap();
        let mut cols: Vec<_> = cols.into_iter().map(|(n, t, nn)| (n, family(&t), nn != 0)).collect();
        cols.sort();
        schema.insert(table, cols);
    }
    schema
}

async fn postgres_schema(app: &TestApp) -> Schema {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let mut schema = Schema::new();
    for (table, col, ty, nullable) in rows {
        // PostgreSQL reports primary keys as NOT NULL; SQLite's pragma does not for INTEGER
        // PRIMARY KEY, so `id` columns compare on name and type only.
        let not_null = nullable == "NO";
        schema.entry(table).or_default().push((col, family(&ty), not_null));
    }
    for cols in schema.values_mut() {
        cols.sort();
    }
    schema
}

fn without_pk_nullability(mut s: Schema) -> Schema {
    for cols in s.values_mut() {
        for c in cols.iter_mut() {
            if c.0 == "id" || c.0 == "id_hash" || c.0 == "token_hash" {
                c.2 = true;
            }
        }
    }
    s
}

#[rocket::async_test]
async fn sqlite_and_postgres_migrations_match() {
    if crate::support::backend_name() != "postgres" {
        eprintln!("schema parity is checked in the PostgreSQL pass (TEST_DATABASE_URL); this is the SQLite pass");
        return;
    }
    let app = TestApp::new().await;
    let pg = without_pk_nullability(postgres_schema(&app).await);
    let lite = without_pk_nullability(sqlite_schema().await);
    assert!(lite.contains_key("users") && pg.contains_key("users"));
    assert_eq!(lite.keys().collect::<Vec<_>>(), pg.keys().collect::<Vec<_>>(), "same tables");
    for (table, cols) in &lite {
        assert_eq!(Some(cols), pg.get(table), "columns of {table}");
    }
}

#[rocket::async_test]
async fn migration_folders_have_the_same_file_names() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let names = |d: &str| {
        let mut v: Vec<String> = std::fs::read_dir(root.join(d))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert!(!names("sqlite").is_empty());
    assert_eq!(names("sqlite"), names("postgres"));
}
