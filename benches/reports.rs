//! Coordinator reports at scale, printed (not asserted): the app is built on a fresh database,
//! `demo --scale` data is generated (`BENCH_SCALE` participants, 100,000 by default), a
//! coordinator logs in, and every report URL below is requested once to warm up and seven
//! times timed. Pages print the median, fastest and slowest full response; exports (`.csv`,
//! `.xlsx`) print the time to the first body byte and to the last. A route that is missing
//! answers 404 and is reported as such.
//!
//! SQLite (a temporary file):
//!
//! ```sh
//! cargo bench --bench reports
//! BENCH_SCALE=20000 cargo bench --bench reports
//! ```
//!
//! PostgreSQL (an empty database made for the run):
//!
//! ```sh
//! psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS reports_bench' -c 'CREATE DATABASE reports_bench'
//! BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/reports_bench cargo bench --bench reports
//! ```
//!
//! Under `cargo test --all-targets` (no `--bench` argument) the same routes run once each on
//! 300 participants as a smoke check: every one must answer 200.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use rocket::figment::Figment;
use rocket::http::ContentType;
use rocket::local::asynchronous::Client;
use rocket::tokio::io::AsyncReadExt;
use wta_academy::config::Config;
use wta_academy::domain::email::Email;
use wta_academy::domain::role::Role;
use wta_academy::services::{accounts, demo, demo_scale};
use wta_academy::state::AppState;

/// The reports timed, in order; `{largest}` is the slug of the edition with the most
/// applications and `{alumnus}` the id of a person who applied to two editions.
const REPORTS: &[&str] = &[
    "/manage/reports",
    "/manage/reports?region=asia-pacific&org_type=stp",
    "/manage/reports?country=VN&from=2010-01-01&to=2020-12-31",
    "/manage/reports?state=completed&program=itw",
    "/manage/reports/editions/{largest}",
    "/manage/reports/editions/{largest}?region=africa",
    "/manage/reports/participants?edition={largest}",
    "/manage/reports/participants?region=asia-pacific&page=40",
    "/manage/reports/people?q=nguyen",
    "/manage/reports/people/{alumnus}",
    "/editions/{largest}/progress",
    "/editions/{largest}/participants",
    "/manage/audit",
    "/manage/reports.xlsx",
    "/manage/reports.csv?table=countries",
    "/manage/reports/editions/{largest}.xlsx",
    "/manage/reports/participants.csv?edition={largest}",
    "/manage/reports/participants.xlsx?edition={largest}",
    "/manage/reports/participants.csv",
    "/manage/audit.csv",
    "/manage/audit.xlsx",
];

const TIMED: usize = 7;
/// The targets the final line checks.
const PAGE_MS: f64 = 300.0;
const FIRST_BYTE_MS: f64 = 1000.0;
const PASSWORD: &str = "Daedeok-Innopolis-Reports";

async fn client(dir: &std::path::Path) -> (Client, &'static str) {
    let (url, backend) = match std::env::var("BENCH_DATABASE_URL") {
        Ok(url) if !url.is_empty() => (url, "postgres"),
        _ => (format!("sqlite://{}/bench.db?mode=rwc", dir.display()), "sqlite"),
    };
    let rocket_figment = Figment::from(rocket::Config::release_default())
        .merge(("secret_key", "hPRYyVRiMyxpw5sBB1XeCMN1kFsDCqKvBi2QJxBVHQk="))
        .merge(("log_level", "off"))
        .merge(("template_dir", concat!(env!("CARGO_MANIFEST_DIR"), "/templates")));
    let app = Figment::new()
        .merge(("database_url", url))
        .merge(("data_dir", dir.display().to_string()))
        .merge(("db_max_connections", 10));
    let mut config = Config::from_figment(app, rocket_figment).expect("configuration");
    config.run_background_jobs = false;
    config.import_content_at_start = false;
    let rocket = wta_academy::app::build(config).await.expect("app builds");
    (Client::tracked(rocket).await.expect("rocket ignites"), backend)
}

fn csrf(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("a CSRF field") + marker.len();
    let end = html[start..].find('"').expect("end of the token") + start;
    html[start..end].to_string()
}

async fn log_in(client: &Client, state: &AppState) {
    let email = Email::parse("reports.bench@wta-academy.org").unwrap();
    accounts::create_user(state, &email, "Report Reader", PASSWORD, Role::Coordinator, "en").await.unwrap();
    let page = client.get("/login").dispatch().await.into_string().await.unwrap();
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("csrf_token", csrf(&page).as_str()), ("email", email.as_str()), ("password", PASSWORD)])
        .finish();
    let r = client.post("/login").header(ContentType::Form).body(body).dispatch().await;
    assert_eq!(r.status().code, 303, "the coordinator logs in");
}

/// The largest edition's slug and a person with two applications.
async fn subjects(state: &AppState) -> (String, i64) {
    let (largest,): (String,) = sqlx::query_as(
        "SELECT e.slug FROM enrollments n JOIN editions e ON e.id = n.edition_id GROUP BY e.slug \
         ORDER BY COUNT(*) DESC LIMIT 1",
    )
    .fetch_one(&state.db.pool)
    .await
    .unwrap();
    let (alumnus,): (i64,) = sqlx::query_as(
        "SELECT user_id FROM enrollments GROUP BY user_id HAVING COUNT(*) >= 2 ORDER BY user_id LIMIT 1",
    )
    .fetch_one(&state.db.pool)
    .await
    .unwrap();
    (largest, alumnus)
}

/// One request: status, bytes, time to the first body byte and to the last.
async fn fetch(client: &Client, url: &str) -> (u16, usize, Duration, Duration) {
    let started = Instant::now();
    let mut response = client.get(url.to_string()).dispatch().await;
    let status = response.status().code;
    let mut first = [0u8; 16];
    let n = response.read(&mut first).await.unwrap_or(0);
    let first_byte = started.elapsed();
    let mut rest = Vec::new();
    response.read_to_end(&mut rest).await.unwrap_or(0);
    (status, n + rest.len(), first_byte, started.elapsed())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[rocket::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (client, backend) = client(dir.path()).await;
    let state = client.rocket().state::<AppState>().expect("state").clone();
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this file without it.
    let benching = std::env::args().any(|a| a == "--bench");
    let default_scale = if benching { 100_000 } else { 300 };
    let timed = if benching { TIMED } else { 1 };
    let scale = std::env::var("BENCH_SCALE").ok().and_then(|v| v.parse().ok()).unwrap_or(default_scale);
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("course_content");
    println!("{}", demo::seed(&state, &content).await.unwrap());
    println!("{}", demo_scale::generate(&state, scale).await.unwrap());
    log_in(&client, &state).await;
    let (largest, alumnus) = subjects(&state).await;
    println!("largest edition: {largest}; person with two applications: {alumnus}\n");
    println!("| report | backend | median ms | min | max | status | bytes |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    let (mut pages_ok, mut exports_ok) = (true, true);
    let mut failed = Vec::new();
    for template in REPORTS {
        let url = template.replace("{largest}", &largest).replace("{alumnus}", &alumnus.to_string());
        let path = url.split('?').next().unwrap_or_default();
        let export = path.ends_with(".csv") || path.ends_with(".xlsx");
        if benching {
            fetch(&client, &url).await;
        }
        let (mut full, mut first) = (Vec::new(), Vec::new());
        let (mut status, mut bytes) = (0, 0);
        for _ in 0..timed {
            let (s, b, f, t) = fetch(&client, &url).await;
            (status, bytes) = (s, b);
            first.push(ms(f));
            full.push(ms(t));
        }
        let answered = status == 200;
        if !answered {
            failed.push(format!("{url} answered {status}"));
        }
        if export {
            let first_median = median(&mut first);
            exports_ok &= answered && first_median < FIRST_BYTE_MS;
            println!(
                "| {url} (first byte) | {backend} | {first_median:.1} | {:.1} | {:.1} | {status} | {bytes} |",
                first[0],
                first[timed - 1]
            );
            let full_median = median(&mut full);
            println!(
                "| {url} (all) | {backend} | {full_median:.1} | {:.1} | {:.1} | {status} | {bytes} |",
                full[0],
                full[timed - 1]
            );
        } else {
            let full_median = median(&mut full);
            pages_ok &= answered && full_median < PAGE_MS;
            println!(
                "| {url} | {backend} | {full_median:.1} | {:.1} | {:.1} | {status} | {bytes} |",
                full[0],
                full[timed - 1]
            );
        }
    }
    println!(
        "\n{backend}, {scale} participants: pages {} under {PAGE_MS} ms; exports' first byte {} under {FIRST_BYTE_MS} ms",
        if pages_ok { "all" } else { "NOT all" },
        if exports_ok { "all" } else { "NOT all" }
    );
    assert!(failed.is_empty(), "reports that did not answer 200: {failed:?}");
}
