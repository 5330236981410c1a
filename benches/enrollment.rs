//! Enrollment figures, printed (not asserted): a 10,000-row participant list imported in one
//! transaction, and a drill of 1,000 concurrent applications for 30 places.
//!
//! `cargo bench --bench enrollment` uses a temporary SQLite file; with
//! `BENCH_DATABASE_URL=postgres://…/db` it runs against that (empty) PostgreSQL database.
//! The pool waits 3 s for a connection, as the server does by default; `BENCH_POOL_WAIT_SECS`
//! changes it (a burst of 1,000 simultaneous applications on one 10-connection pool is more
//! than one instance serves within 3 s: the drill then counts 503 answers as errors).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use rocket::figment::Figment;
use wta_academy::config::Config;
use wta_academy::db::now;
use wta_academy::domain::enrollment::ApplicationInput;
use wta_academy::domain::role::Role;
use wta_academy::services::{content_import, enrollment, roster};
use wta_academy::state::AppState;

async fn state(dir: &std::path::Path) -> AppState {
    let url =
        std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| format!("sqlite://{}/bench.db?mode=rwc", dir.display()));
    let rocket_figment = Figment::from(rocket::Config::release_default())
        .merge(("secret_key", "hPRYyVRiMyxpw5sBB1XeCMN1kFsDCqKvBi2QJxBVHQk="))
        .merge(("template_dir", concat!(env!("CARGO_MANIFEST_DIR"), "/templates")));
    let app = Figment::new()
        .merge(("database_url", url))
        .merge(("data_dir", dir.display().to_string()))
        .merge(("db_max_connections", 10))
        .merge((
            "db_connect_timeout_secs",
            std::env::var("BENCH_POOL_WAIT_SECS").ok().and_then(|v| v.parse::<u64>().ok()).unwrap_or(3),
        ));
    let mut config = Config::from_figment(app, rocket_figment).expect("configuration");
    config.run_background_jobs = false;
    config.import_content_at_start = false;
    let rocket = wta_academy::app::build(config).await.expect("app builds");
    let state = rocket.state::<AppState>().expect("state").clone();
    let catalog =
        wta_academy::content::read_all(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("course_content"))
            .expect("content");
    content_import::import(&state.db, &catalog).await.expect("import");
    state
}

async fn open(state: &AppState, admission: &str, capacity: i64) {
    sqlx::query(
        "UPDATE editions SET admission_mode = $1, capacity = $2, seats_taken = 0, applications_open_at = $3, \
         applications_close_at = $4 WHERE slug = 'itw-2027'",
    )
    .bind(admission)
    .bind(capacity)
    .bind(now().plus_minutes(-60).db())
    .bind(now().plus_minutes(60 * 24).db())
    .execute(&state.db.pool)
    .await
    .unwrap();
}

fn list(rows: usize, run: usize) -> String {
    let mut s = String::from(
        "email,name,certificate_name_latin,certificate_name_native,organisation,organisation_type,country,position\n",
    );
    for i in 0..rows {
        s.push_str(&format!(
            "run{run}-person{i}@example.org,Nguyễn Văn {i},Nguyen Van {i},Nguyễn Văn {i},Saigon Hi-Tech Park,stp,VN,Manager\n"
        ));
    }
    s
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// One import of a fresh 10,000-row list; returns the seconds the import took.
async fn csv_import(state: &AppState, run: usize) -> f64 {
    sqlx::query("DELETE FROM enrollments").execute(&state.db.pool).await.unwrap();
    open(state, "reviewed", 100_000).await;
    let text = list(10_000, run);
    let started = Instant::now();
    let preview = roster::dry_run(state, "itw-2027", text.as_bytes(), "en").await.unwrap();
    let checked = started.elapsed();
    let started = Instant::now();
    let done = roster::import_text(state, None, "itw-2027", &text).await.unwrap();
    let imported = started.elapsed();
    println!(
        "csv import: {} rows checked in {:.2} s; imported in {:.2} s ({} accounts, {} enrolled, {} mails queued)",
        preview.rows.len(),
        checked.as_secs_f64(),
        imported.as_secs_f64(),
        done.accounts_created,
        done.enrolled,
        done.accounts_created
    );
    imported.as_secs_f64()
}

async fn drill(state: &AppState, applicants: usize, seats: i64, run: usize) -> f64 {
    sqlx::query("DELETE FROM enrollments").execute(&state.db.pool).await.unwrap();
    open(state, "open", seats).await;
    let mut people = Vec::new();
    let mut conn = state.db.pool.acquire().await.unwrap();
    for i in 0..applicants {
        let email = format!("drill{run}-{i}@example.org");
        let id =
            wta_academy::repo::users::insert(&mut conn, &email, "!", "Drill", Role::Participant, "en").await.unwrap();
        people.push(wta_academy::repo::users::by_id(&mut conn, id).await.unwrap().unwrap());
    }
    drop(conn);
    let form = ApplicationInput {
        certificate_name_latin: "Drill Person".into(),
        organisation: "Park".into(),
        organisation_type: "stp".into(),
        country: "KR".into(),
        motivation: "Drill.".into(),
        ..ApplicationInput::default()
    };
    let started = Instant::now();
    let mut tasks = Vec::new();
    for p in people {
        let (state, form) = (state.clone(), form.clone());
        tasks.push(tokio::spawn(async move { enrollment::apply(&state, &p, "itw-2027", &form).await }));
    }
    let mut errors = 0;
    for t in tasks {
        if t.await.unwrap().is_err() {
            errors += 1;
        }
    }
    let took = started.elapsed();
    let count = |s: &'static str| {
        let pool = state.db.pool.clone();
        async move {
            let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM enrollments WHERE state = '{s}'"))
                .fetch_one(&pool)
                .await
                .unwrap();
            n
        }
    };
    let (seats_taken,): (i64,) = sqlx::query_as("SELECT seats_taken FROM editions WHERE slug = 'itw-2027'")
        .fetch_one(&state.db.pool)
        .await
        .unwrap();
    println!(
        "drill: {applicants} concurrent applications for {seats} places in {:.2} s: {} accepted, {} waitlisted, {errors} errors, seats_taken {seats_taken}",
        took.as_secs_f64(),
        count("accepted").await,
        count("waitlisted").await,
    );
    took.as_secs_f64()
}

#[rocket::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let state = state(dir.path()).await;
    let backend = if std::env::var("BENCH_DATABASE_URL").is_ok() { "postgres" } else { "sqlite" };
    println!("database: {backend}");
    let mut imports = Vec::new();
    let mut drills = Vec::new();
    for run in 0..3 {
        imports.push(csv_import(&state, run).await);
        drills.push(drill(&state, 1000, 30, run).await);
    }
    println!(
        "median of 3: csv import of 10,000 rows {:.2} s; drill of 1,000 applications {:.2} s",
        median(imports),
        median(drills)
    );
}
