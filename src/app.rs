//! The one place the application is assembled, used by `main` and by the tests.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rocket::fairing::AdHoc;
use rocket::figment::Figment;
use rocket::shield::{Hsts, Shield};
use rocket::{Build, Rocket};
use rocket_dyn_templates::Template;

use crate::config::Config;
use crate::db::{Db, DbError};
use crate::mail::{Mailer, MailerError};
use crate::state::AppState;
use crate::web::fairings::RequestLog;
use crate::web::metrics::Metrics;

/// Why the app could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Mail(#[from] MailerError),
    #[error("cannot use the data directory {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
    #[error("database error at start: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("the course content in {0} is invalid:\n{1}")]
    Content(String, String),
}

/// A fresh database gets the course content so the catalogue is never empty; later
/// changes are imported on purpose with `content import`.
async fn import_when_empty(db: &Db, dir: &Path) -> Result<(), StartError> {
    let mut conn = db.pool.acquire().await?;
    let programs = crate::repo::programs::count_programs(&mut conn).await?;
    drop(conn);
    if programs > 0 {
        return Ok(());
    }
    let catalog = crate::content::read_all(dir).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        StartError::Content(dir.display().to_string(), lines.join("\n"))
    })?;
    let report = crate::services::content_import::import(db, &catalog).await?;
    tracing::info!(dir = %dir.display(), %report, "imported the course content into an empty database");
    Ok(())
}

/// The certificate fonts of this machine, found once per process (every app built in it
/// shares them).
pub fn fonts() -> crate::pdf::FontBook {
    static FONTS: std::sync::OnceLock<crate::pdf::FontBook> = std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let book = crate::pdf::FontBook::system();
            tracing::info!(families = ?book.families(), "certificate fonts");
            book
        })
        .clone()
}

/// Opens the database (running migrations), prepares mail, and builds the Rocket instance.
pub async fn build(config: Config) -> Result<Rocket<Build>, StartError> {
    std::fs::create_dir_all(&config.data_dir)
        .map_err(|e| StartError::DataDir(config.data_dir.display().to_string(), e))?;
    let db = Db::connect(
        &config.database_url,
        config.db_max_connections,
        Duration::from_secs(config.db_connect_timeout_secs),
    )
    .await?;
    db.migrate().await?;
    if config.import_content_at_start {
        import_when_empty(&db, &config.content_dir).await?;
    }
    let mailer = Mailer::new(config.smtp_url.as_deref(), &config.mail_from, &config.mail_dir())?;
    let figment = rocket_figment(&config)?;
    let storage = crate::storage::Storage::from_config(&config.storage)?;
    let state = AppState {
        db,
        config: Arc::new(config),
        mailer,
        metrics: Arc::new(Metrics::default()),
        storage,
        content: Arc::default(),
        people: Arc::default(),
        session_reads: Arc::default(),
        certificate_reads: Arc::default(),
        fonts: fonts(),
    };
    Ok(assemble(figment, state))
}

fn assemble(figment: Figment, state: AppState) -> Rocket<Build> {
    let shield =
        if state.config.cookies_secure() { Shield::default().enable(Hsts::default()) } else { Shield::default() };
    let background = state.config.run_background_jobs;
    let verify_limiter = crate::web::rate_limit::VerifyLimiter::per_minute(state.config.verify_per_minute);
    let templates = crate::web::page::Templates::default();
    let loaded = templates.clone();
    rocket::custom(figment)
        .manage(state)
        .manage(templates)
        .manage(verify_limiter)
        .attach(shield)
        .attach(RequestLog)
        .attach(Template::custom(move |engines| {
            let hb = &mut engines.handlebars;
            hb.set_strict_mode(true);
            hb.register_helper("t", Box::new(crate::i18n::t_helper));
            hb.register_helper("concat", Box::new(crate::web::view::concat_helper));
            hb.register_helper("frame", Box::new(crate::web::frame::FrameHelper::default()));
            loaded.set(hb);
        }))
        .attach(AdHoc::on_liftoff("background jobs", move |rocket| {
            Box::pin(async move {
                if !background {
                    return;
                }
                let Some(state) = rocket.state::<AppState>().cloned() else { return };
                let shutdown = rocket.shutdown();
                tokio::spawn(state.mailer.clone().run(state.db.clone(), shutdown.clone()));
                tokio::spawn(crate::jobs::enrollment(state.clone(), shutdown.clone()));
                tokio::spawn(crate::jobs::certificates(state.clone(), shutdown.clone()));
                tokio::spawn(crate::jobs::housekeeping(state, shutdown));
            })
        }))
        .mount("/", crate::web::routes())
        .register("/", crate::web::catchers())
}

/// Rocket's configuration plus what the app decides: the secret key (from configuration,
/// else generated once into the data directory so restarts keep sessions) and the
/// template folder.
fn rocket_figment(config: &Config) -> Result<Figment, StartError> {
    let mut figment = config.rocket.clone();
    let has_key = figment.extract_inner::<String>("secret_key").is_ok_and(|k| !k.is_empty());
    if !has_key {
        let key = secret_key_from_data_dir(&config.data_dir)?;
        figment = figment.merge(("secret_key", key));
    }
    if figment.extract_inner::<PathBuf>("template_dir").is_err() {
        figment = figment.merge(("template_dir", default_template_dir()));
    }
    // Form bodies larger than this are refused with a clear message rather than read.
    if figment.extract_inner::<String>("limits.form").is_err() {
        figment = figment.merge(("limits.form", "64 KiB"));
    }
    // Uploaded files (materials, participant lists) are written to a temporary file while
    // they arrive, up to the upload limit; the services apply their own, smaller limits.
    if figment.extract_inner::<String>("limits.file").is_err() {
        figment = figment.merge(("limits.file", format!("{} B", config.max_upload_bytes)));
    }
    if figment.extract_inner::<String>("limits.data-form").is_err() {
        figment = figment.merge(("limits.data-form", format!("{} B", config.max_upload_bytes + 1024 * 1024)));
    }
    Ok(figment)
}

/// `templates/` in the working directory, else the one beside the sources.
fn default_template_dir() -> PathBuf {
    let here = PathBuf::from("templates");
    if here.is_dir() { here } else { PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates") }
}

fn secret_key_from_data_dir(dir: &Path) -> Result<String, StartError> {
    use base64::Engine;
    let path = dir.join("secret_key");
    let io = |e| StartError::DataDir(path.display().to_string(), e);
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let existing = existing.trim().to_string();
        if !existing.is_empty() {
            return Ok(existing);
        }
    }
    let mut bytes = [0u8; 64];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    let key = base64::engine::general_purpose::STANDARD.encode(bytes);
    write_private(&path, &key).map_err(io)?;
    tracing::info!(path = %path.display(), "generated a new secret key; set ROCKET_SECRET_KEY to share one between instances");
    Ok(key)
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path)?;
    f.write_all(text.as_bytes())
}
