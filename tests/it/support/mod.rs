//! `TestApp`: the real application built with `app::build`, a fresh database per test
//! (a temporary SQLite file, or a fresh PostgreSQL database when `TEST_DATABASE_URL` is
//! set), temporary storage, and mail written to files unless a test points it at the SMTP
//! sink.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod s3_server;
pub mod smtp_sink;

use rocket::figment::Figment;
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::{Client, LocalResponse};
use sqlx::Connection;
use tempfile::TempDir;
use wta_academy::config::Config;
use wta_academy::domain::email::Email;
use wta_academy::domain::role::Role;
use wta_academy::services::accounts;
use wta_academy::state::AppState;

pub const PASSWORD: &str = "Daedeok-Innopolis-2027";

/// A PostgreSQL database made for one test and dropped after it.
struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        // Drop runs outside async context: a short-lived runtime on its own thread.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            rt.block_on(async {
                if let Ok(mut c) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::query(&sql).execute(&mut c).await;
                }
            });
        })
        .join();
    }
}

pub struct TestApp {
    pub client: Client,
    pub state: AppState,
    pub dir: TempDir,
    _pg: Option<PgDatabase>,
}

/// The database URL for a new test: a fresh PostgreSQL database or a temp SQLite file.
async fn fresh_database(dir: &TempDir) -> (String, Option<PgDatabase>) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let random = wta_academy::services::tokens::token_hash(&wta_academy::services::tokens::random_token());
            let name = format!("wta_t_{}", &random[..16]);
            let mut c = sqlx::PgConnection::connect(&admin_url).await.expect("TEST_DATABASE_URL answers");
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut c).await.expect("create test database");
            let mut url = url::Url::parse(&admin_url).expect("TEST_DATABASE_URL is a URL");
            url.set_path(&format!("/{name}"));
            (url.to_string(), Some(PgDatabase { admin_url, name }))
        }
        _ => (format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display()), None),
    }
}

pub fn backend_name() -> &'static str {
    if std::env::var("TEST_DATABASE_URL").is_ok_and(|s| !s.is_empty()) { "postgres" } else { "sqlite" }
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with(|_| {}).await
    }

    /// A test app whose configuration `adjust` may change first.
    pub async fn with(adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let (database_url, pg) = fresh_database(&dir).await;
        let rocket_figment = Figment::from(rocket::Config::debug_default())
            .merge(("secret_key", "hPRYyVRiMyxpw5sBB1XeCMN1kFsDCqKvBi2QJxBVHQk="))
            .merge(("log_level", "off"))
            .merge(("template_dir", concat!(env!("CARGO_MANIFEST_DIR"), "/templates")));
        let app_figment = Figment::new()
            .merge(("database_url", database_url))
            .merge(("data_dir", dir.path().display().to_string()))
            .merge(("public_url", "http://academy.test"));
        let mut config = Config::from_figment(app_figment, rocket_figment).expect("test configuration is valid");
        config.run_background_jobs = false;
        config.import_content_at_start = false;
        adjust(&mut config);
        let rocket = wta_academy::app::build(config).await.expect("app builds");
        let client = Client::tracked(rocket).await.expect("rocket ignites");
        let state = client.rocket().state::<AppState>().expect("state is managed").clone();
        TestApp { client, state, dir, _pg: pg }
    }

    pub async fn get(&self, path: &str) -> LocalResponse<'_> {
        self.client.get(path.to_string()).dispatch().await
    }

    /// The CSRF token of this client's browser (read from a rendered form).
    pub async fn csrf(&self) -> String {
        let page = self.get("/login").await.into_string().await.expect("login page");
        extract_csrf(&page).expect("login page has a CSRF token")
    }

    /// Posts a form with this browser's CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> LocalResponse<'_> {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Posts exactly these fields (no token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> LocalResponse<'_> {
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        self.client.post(path.to_string()).header(ContentType::Form).body(body).dispatch().await
    }

    pub async fn post_json(&self, path: &str, json: serde_json::Value) -> LocalResponse<'_> {
        self.client.post(path.to_string()).header(ContentType::JSON).body(json.to_string()).dispatch().await
    }

    /// Creates an account directly through the service.
    pub async fn create_user(&self, email: &str, name: &str, role: Role) -> i64 {
        let email = Email::parse(email).expect("valid email");
        accounts::create_user(&self.state, &email, name, PASSWORD, role, "").await.expect("user created").id
    }

    /// Logs this client in through the login form.
    pub async fn login(&self, email: &str, password: &str) -> Status {
        self.post_form("/login", &[("email", email), ("password", password)]).await.status()
    }

    pub async fn logout(&self) {
        self.post_form("/logout", &[]).await;
    }

    /// Logs in as a fresh user of `role` (creating it); returns its id.
    pub async fn login_as(&self, role: Role) -> i64 {
        let email = format!(
            "{}-{}@example.org",
            role.as_str(),
            wta_academy::services::tokens::random_token()[..8].to_lowercase()
        );
        let id = self.create_user(&email, "Test Person", role).await;
        self.logout().await;
        assert_eq!(self.login(&email, PASSWORD).await, Status::SeeOther, "login as {role:?}");
        id
    }

    pub async fn conn(&self) -> sqlx::pool::PoolConnection<sqlx::Any> {
        self.state.db.pool.acquire().await.expect("connection")
    }

    pub async fn count(&self, sql: &str) -> i64 {
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&self.state.db.pool).await.expect("count query");
        n
    }

    /// Imports the real `course_content/` (programs, editions, modules, lessons).
    pub async fn import_content(&self) -> wta_academy::services::content_import::ImportReport {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("course_content");
        let catalog = wta_academy::content::read_all(&dir).expect("course_content is valid");
        wta_academy::services::content_import::import(&self.state.db, &catalog).await.expect("import")
    }

    pub async fn edition_id(&self, slug: &str) -> i64 {
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM editions WHERE slug = $1")
            .bind(slug)
            .fetch_one(&self.state.db.pool)
            .await
            .expect("edition exists");
        id
    }

    /// Accepts `user` into the edition `slug`.
    pub async fn enroll(&self, slug: &str, user: i64) {
        let id = self.edition_id(slug).await;
        let mut conn = self.conn().await;
        wta_academy::repo::learning::accept(&mut conn, id, user).await.expect("enrolled");
    }

    /// Makes `user` a trainer of the edition `slug`.
    pub async fn assign_trainer(&self, slug: &str, user: i64) {
        let id = self.edition_id(slug).await;
        let mut conn = self.conn().await;
        wta_academy::repo::schedule::add_trainer(&mut conn, id, user).await.expect("trainer assigned");
    }

    /// The id of the first session of the edition `slug`.
    pub async fn first_session(&self, slug: &str) -> i64 {
        let id = self.edition_id(slug).await;
        let (s,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM edition_sessions WHERE edition_id = $1")
            .bind(id)
            .fetch_one(&self.state.db.pool)
            .await
            .expect("a session");
        s
    }

    pub async fn put_json(&self, path: &str, json: serde_json::Value) -> LocalResponse<'_> {
        self.client.put(path.to_string()).header(ContentType::JSON).body(json.to_string()).dispatch().await
    }
}

pub fn extract_csrf(html: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

pub fn accept_language(lang: &str) -> Header<'static> {
    Header::new("Accept-Language", lang.to_string())
}
