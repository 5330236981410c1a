//! Typed configuration: Rocket.toml plus `ROCKET_*` for the web server, `WTA_*` for the app.
//! Everything has a default, so a fresh checkout runs with no configuration at all.

use std::path::{Path, PathBuf};

use rocket::figment::Figment;
use rocket::figment::providers::{Env, Format, Toml};
use serde::Deserialize;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// The validated configuration of one app instance.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub data_dir: PathBuf,
    pub public_url: url::Url,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub session_idle_minutes: i64,
    pub session_max_days: i64,
    pub db_max_connections: u32,
    pub db_connect_timeout_secs: u64,
    /// Certificate verification lookups allowed per client address and minute.
    pub verify_per_minute: u32,
    pub log_format: LogFormat,
    pub metrics_token: Option<String>,
    /// The course content folder, imported at start when the database has no programs.
    pub content_dir: PathBuf,
    /// Import `content_dir` at start when the database has no programs yet.
    pub import_content_at_start: bool,
    /// Where uploaded files are kept.
    pub storage: StorageConfig,
    /// Largest upload accepted, in bytes.
    pub max_upload_bytes: u64,
    /// Run the mail sender loop in the background (off in tests, which deliver explicitly).
    pub run_background_jobs: bool,
    /// The figment Rocket itself is configured from (address, port, secret key, limits).
    pub rocket: Figment,
}

/// The raw keys as they arrive from Rocket.toml and the environment.
#[derive(Debug, Deserialize)]
#[serde(default)]
struct RawConfig {
    database_url: Option<String>,
    data_dir: String,
    public_url: Option<String>,
    smtp_url: Option<String>,
    mail_from: String,
    session_idle_minutes: i64,
    session_max_days: i64,
    db_max_connections: u32,
    db_connect_timeout_secs: u64,
    verify_per_minute: u32,
    log_format: String,
    metrics_token: Option<String>,
    port: u16,
    address: String,
    content_dir: Option<String>,
    import_content_at_start: bool,
    storage: String,
    storage_dir: Option<String>,
    s3_endpoint: Option<String>,
    s3_region: String,
    s3_bucket: Option<String>,
    s3_access_key: Option<String>,
    s3_secret_key: Option<String>,
    s3_path_style: bool,
    max_upload_mb: u64,
}

impl Default for RawConfig {
    fn default() -> Self {
        Self {
            database_url: None,
            data_dir: "data".into(),
            public_url: None,
            smtp_url: None,
            mail_from: "WTA Academy <no-reply@wta-academy.local>".into(),
            session_idle_minutes: 12 * 60,
            session_max_days: 14,
            db_max_connections: 10,
            // Under the 3 s in which a request should fail when the database is down: the pool
            // keeps retrying a refused connection until this ends.
            db_connect_timeout_secs: 2,
            verify_per_minute: crate::web::rate_limit::VERIFY_PER_MINUTE,
            log_format: "text".into(),
            metrics_token: None,
            port: 8000,
            address: "127.0.0.1".into(),
            content_dir: None,
            import_content_at_start: true,
            storage: "local".into(),
            storage_dir: None,
            s3_endpoint: None,
            s3_region: "us-east-1".into(),
            s3_bucket: None,
            s3_access_key: None,
            s3_secret_key: None,
            s3_path_style: true,
            max_upload_mb: 500,
        }
    }
}

/// A configuration problem, reported as one line naming the key.
#[derive(Debug, thiserror::Error)]
#[error("configuration error: {0}")]
pub struct ConfigError(pub String);

fn bad(key: &str, what: impl std::fmt::Display) -> ConfigError {
    ConfigError(format!("{key}: {what}"))
}

impl Config {
    /// Reads Rocket.toml, `ROCKET_*` and `WTA_*` variables.
    pub fn from_env() -> Result<Self, ConfigError> {
        // Rocket's console banner would duplicate the structured request log, so its default
        // level is lowered; ROCKET_LOG_LEVEL still overrides it.
        let quiet = rocket::Config { log_level: rocket::config::LogLevel::Critical, ..rocket::Config::default() };
        let rocket = Figment::from(quiet)
            .merge(Toml::file(Env::var_or("ROCKET_CONFIG", "Rocket.toml")).nested())
            .merge(Env::prefixed("ROCKET_").ignore(&["PROFILE"]).global());
        let app = rocket.clone().merge(Env::prefixed("WTA_").global());
        Self::from_figment(app, rocket)
    }

    /// Builds the configuration from an app figment (`WTA_` keys) and Rocket's own figment.
    pub fn from_figment(app: Figment, rocket: Figment) -> Result<Self, ConfigError> {
        let raw: RawConfig = app.extract().map_err(|e| {
            let key = e.path.last().cloned().unwrap_or_default();
            let source = e.metadata.as_ref().map(|m| m.name.to_string()).unwrap_or_default();
            let name = if source.contains("ROCKET_") {
                format!("ROCKET_{}", key.to_uppercase())
            } else if source.contains("TOML") || source.contains("toml") {
                format!("{key} in Rocket.toml")
            } else {
                format!("WTA_{}", key.to_uppercase())
            };
            bad(&name, e.kind)
        })?;
        Self::validate(raw, rocket)
    }

    fn validate(raw: RawConfig, rocket: Figment) -> Result<Self, ConfigError> {
        if raw.data_dir.trim().is_empty() {
            return Err(bad("WTA_DATA_DIR", "must not be empty"));
        }
        let data_dir = PathBuf::from(&raw.data_dir);
        let storage = storage_config(&raw, &data_dir)?;
        let database_url = match raw.database_url {
            Some(url) => {
                check_database_url(&url)?;
                url
            }
            None => default_sqlite_url(&data_dir),
        };
        let public_url = match raw.public_url {
            Some(s) => parse_public_url(&s)?,
            None => {
                let host =
                    if raw.address == "0.0.0.0" || raw.address == "::" { "127.0.0.1" } else { raw.address.as_str() };
                parse_public_url(&format!("http://{host}:{}", raw.port))?
            }
        };
        if let Some(smtp) = &raw.smtp_url {
            if !(smtp.starts_with("smtp://") || smtp.starts_with("smtps://")) {
                return Err(bad("WTA_SMTP_URL", format!("{smtp:?} must start with smtp:// or smtps://")));
            }
        }
        if raw.mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(bad(
                "WTA_MAIL_FROM",
                format!("{:?} is not a mail address like \"Name <a@b.org>\"", raw.mail_from),
            ));
        }
        if !(5..=60 * 24 * 30).contains(&raw.session_idle_minutes) {
            return Err(bad("WTA_SESSION_IDLE_MINUTES", "must be between 5 and 43200"));
        }
        if !(1..=365).contains(&raw.session_max_days) {
            return Err(bad("WTA_SESSION_MAX_DAYS", "must be between 1 and 365"));
        }
        if !(1..=500).contains(&raw.db_max_connections) {
            return Err(bad("WTA_DB_MAX_CONNECTIONS", "must be between 1 and 500"));
        }
        if !(1..=60).contains(&raw.db_connect_timeout_secs) {
            return Err(bad("WTA_DB_CONNECT_TIMEOUT_SECS", "must be between 1 and 60"));
        }
        if !(1..=10_000_000).contains(&raw.verify_per_minute) {
            return Err(bad("WTA_VERIFY_PER_MINUTE", "must be between 1 and 10000000"));
        }
        let log_format = match raw.log_format.as_str() {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => return Err(bad("WTA_LOG_FORMAT", format!("{other:?} must be \"text\" or \"json\""))),
        };
        if !(1..=100_000).contains(&raw.max_upload_mb) {
            return Err(bad("WTA_MAX_UPLOAD_MB", "must be between 1 and 100000"));
        }
        Ok(Self {
            storage,
            max_upload_bytes: raw.max_upload_mb * 1024 * 1024,
            database_url,
            data_dir,
            public_url,
            smtp_url: raw.smtp_url.filter(|s| !s.is_empty()),
            mail_from: raw.mail_from,
            session_idle_minutes: raw.session_idle_minutes,
            session_max_days: raw.session_max_days,
            db_max_connections: raw.db_max_connections,
            db_connect_timeout_secs: raw.db_connect_timeout_secs,
            verify_per_minute: raw.verify_per_minute,
            log_format,
            metrics_token: raw.metrics_token.filter(|s| !s.is_empty()),
            content_dir: raw
                .content_dir
                .filter(|d| !d.trim().is_empty())
                .map_or_else(default_content_dir, PathBuf::from),
            import_content_at_start: raw.import_content_at_start,
            run_background_jobs: true,
            rocket,
        })
    }

    /// Where outgoing mail is written as `.eml` files when no SMTP server is configured.
    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }

    /// Cookies get the Secure flag when the public address is HTTPS (TLS ends at the proxy).
    pub fn cookies_secure(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// An absolute link to a path of this instance.
    pub fn link(&self, path: &str) -> String {
        let base = self.public_url.as_str().trim_end_matches('/');
        format!("{base}{path}")
    }
}

fn default_sqlite_url(data_dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", data_dir.join("wta-academy.db").display())
}

fn check_database_url(url: &str) -> Result<(), ConfigError> {
    let ok = url.starts_with("sqlite:") || url.starts_with("postgres://") || url.starts_with("postgresql://");
    if ok { Ok(()) } else { Err(bad("WTA_DATABASE_URL", "must start with sqlite: or postgres://")) }
}

fn parse_public_url(s: &str) -> Result<url::Url, ConfigError> {
    let url = url::Url::parse(s).map_err(|e| bad("WTA_PUBLIC_URL", format!("{s:?} is not a URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(bad("WTA_PUBLIC_URL", format!("{s:?} must be an http:// or https:// address")));
    }
    Ok(url)
}

/// Where uploaded files go: a folder, or an S3-compatible bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageConfig {
    Local(PathBuf),
    S3(crate::storage::S3Settings),
}

fn storage_config(raw: &RawConfig, data_dir: &Path) -> Result<StorageConfig, ConfigError> {
    let non_empty = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    match raw.storage.as_str() {
        "local" => Ok(StorageConfig::Local(
            non_empty(&raw.storage_dir).map_or_else(|| data_dir.join("objects"), PathBuf::from),
        )),
        "s3" => {
            let need =
                |key: &str, v: &Option<String>| non_empty(v).ok_or_else(|| bad(key, "is required when WTA_STORAGE=s3"));
            let endpoint = need("WTA_S3_ENDPOINT", &raw.s3_endpoint)?;
            if url::Url::parse(&endpoint).map_or(true, |u| !matches!(u.scheme(), "http" | "https")) {
                return Err(bad("WTA_S3_ENDPOINT", format!("{endpoint:?} must be an http:// or https:// address")));
            }
            Ok(StorageConfig::S3(crate::storage::S3Settings {
                endpoint,
                region: raw.s3_region.clone(),
                bucket: need("WTA_S3_BUCKET", &raw.s3_bucket)?,
                access_key: need("WTA_S3_ACCESS_KEY", &raw.s3_access_key)?,
                secret_key: need("WTA_S3_SECRET_KEY", &raw.s3_secret_key)?,
                path_style: raw.s3_path_style,
            }))
        }
        other => Err(bad("WTA_STORAGE", format!("{other:?} must be \"local\" or \"s3\""))),
    }
}

/// `course_content/` in the working directory, else the one beside the sources.
fn default_content_dir() -> PathBuf {
    let here = PathBuf::from("course_content");
    if here.is_dir() { here } else { PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("course_content") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut app = Figment::new();
        for (k, v) in pairs {
            app = app.merge((*k, *v));
        }
        Config::from_figment(app, Figment::new())
    }

    #[test]
    fn defaults_need_nothing() {
        let c = load(&[]).expect("defaults are valid");
        assert_eq!(c.database_url, "sqlite://data/wta-academy.db?mode=rwc");
        assert_eq!(c.public_url.as_str(), "http://127.0.0.1:8000/");
        assert!(!c.cookies_secure());
        assert_eq!((c.db_connect_timeout_secs, c.verify_per_minute), (2, 30));
    }

    #[test]
    fn bad_values_name_the_key() {
        let e = load(&[("database_url", "mysql://x")]).expect_err("mysql is refused");
        assert!(e.to_string().contains("WTA_DATABASE_URL"), "{e}");
        let e = load(&[("public_url", "ftp://x")]).expect_err("ftp is refused");
        assert!(e.to_string().contains("WTA_PUBLIC_URL"), "{e}");
        let e = load(&[("log_format", "xml")]).expect_err("xml is refused");
        assert!(e.to_string().contains("WTA_LOG_FORMAT"), "{e}");
        let e = load(&[("session_idle_minutes", "abc")]).expect_err("not a number");
        assert!(e.to_string().contains("WTA_SESSION_IDLE_MINUTES"), "{e}");
        let zero = Figment::new().merge(("verify_per_minute", 0));
        let e = Config::from_figment(zero, Figment::new()).expect_err("no lookups at all is refused");
        assert!(e.to_string().contains("WTA_VERIFY_PER_MINUTE: must be between"), "{e}");
        let many = Figment::new().merge(("verify_per_minute", 100_000));
        assert_eq!(Config::from_figment(many, Figment::new()).expect("valid").verify_per_minute, 100_000);
    }

    #[test]
    fn https_public_url_makes_cookies_secure() {
        let c = load(&[("public_url", "https://academy.example.org")]).expect("valid");
        assert!(c.cookies_secure());
        assert_eq!(c.link("/verify/x"), "https://academy.example.org/verify/x");
    }
}
