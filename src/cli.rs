//! Command-line interface: `serve` (the default), `migrate`, `user add`, `user set-role`.

use std::io::{IsTerminal, Read};

use clap::{Args, Parser, Subcommand};

use crate::config::Config;
use crate::db::Db;
use crate::domain::email::Email;
use crate::domain::role::Role;
use crate::domain::{names, password};
use crate::services::{ServiceError, accounts, tokens, users_admin};

#[derive(Parser)]
#[command(name = "wta-academy", version, about = "Training workshops and e-learning for the UNESCO-WTA programs")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the web server (the default).
    Serve {
        /// First add the demo people and enrollments (as `demo` does), then serve.
        #[arg(long)]
        demo: bool,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Course content in `course_content/`.
    #[command(subcommand)]
    Content(ContentCommand),
    /// Enroll participants.
    #[command(subcommand)]
    Enroll(EnrollCommand),
    /// Check and clean the file store.
    #[command(subcommand)]
    Storage(StorageCommand),
    /// Add the demo people (a coordinator, two trainers, a dozen participants) and their
    /// enrollments, importing the content first when the database has none. Safe to repeat.
    Demo {
        /// Then also generate benchmark data: this many participants over twenty editions,
        /// with their applications, lessons, attendance and certificates.
        #[arg(long)]
        scale: Option<u64>,
    },
    /// Certificates.
    #[command(subcommand)]
    Certificate(CertificateCommand),
}

#[derive(Subcommand)]
pub enum CertificateCommand {
    /// Render an edition's certificate with any name, exactly as issuing would but marked as a
    /// specimen, and print any font warning.
    Preview(PreviewArgs),
}

#[derive(Args)]
pub struct PreviewArgs {
    /// The edition's id or short name (e.g. itw-2027); the latest edition when left out.
    #[arg(long)]
    pub edition: Option<String>,
    /// The name in Latin script.
    #[arg(long)]
    pub name: String,
    /// The name in the person's own script.
    #[arg(long, default_value = "")]
    pub native_name: String,
    /// Where to write the PDF.
    #[arg(long)]
    pub out: std::path::PathBuf,
}

#[derive(Subcommand)]
pub enum ContentCommand {
    /// Validate the content files without writing anything; prints file:line for each problem.
    Check {
        /// The content folder.
        #[arg(default_value = "course_content")]
        dir: std::path::PathBuf,
    },
    /// Import the content folder into the database: all of it or, when any file is invalid,
    /// nothing. A second import of the same files changes nothing.
    Import {
        /// The content folder.
        #[arg(default_value = "course_content")]
        dir: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
pub enum StorageCommand {
    /// List material files whose object is missing or whose size or SHA-256 differ; exit 1
    /// when there is any.
    Verify,
    /// Remove objects no material points to (older than an hour) and the files of
    /// materials deleted more than 30 days ago.
    Gc,
}

#[derive(Subcommand)]
pub enum EnrollCommand {
    /// Enroll the participants listed in a CSV file (columns as in the template at
    /// /manage/editions/<slug>/import/template.csv): all rows or, when any is invalid, none.
    Import {
        /// The edition's short name, e.g. itw-2027.
        edition: String,
        /// The CSV file.
        file: std::path::PathBuf,
        /// Check and list every row without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from standard input; when standard input is a
    /// terminal or empty, a password is generated and printed once.
    Add(UserAdd),
    /// Change the role of an existing account.
    SetRole(UserSetRole),
}

#[derive(Args)]
pub struct UserAdd {
    /// Email address (the login).
    #[arg(long)]
    pub email: String,
    /// Display name.
    #[arg(long)]
    pub name: String,
    /// participant, coordinator or admin.
    #[arg(long, default_value = "participant")]
    pub role: String,
}

#[derive(Args)]
pub struct UserSetRole {
    #[arg(long)]
    pub email: String,
    /// participant, coordinator or admin.
    #[arg(long)]
    pub role: String,
}

/// A failure reported on one line, with exit code 1 (2 for configuration errors).
pub struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError(e.to_string())
    }
}

async fn open_db(config: &Config) -> Result<Db, CliError> {
    std::fs::create_dir_all(&config.data_dir)?;
    let db =
        Db::connect(&config.database_url, 2, std::time::Duration::from_secs(config.db_connect_timeout_secs)).await?;
    db.migrate().await?;
    Ok(db)
}

pub async fn migrate(config: &Config) -> Result<(), CliError> {
    open_db(config).await?;
    println!("migrations applied to {}", redact(&config.database_url));
    Ok(())
}

/// Hides a password in a database URL before printing it.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

fn read_password_from_stdin() -> Result<Option<String>, CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Ok(None);
    }
    let mut s = String::new();
    stdin.lock().read_to_string(&mut s)?;
    let p = s.trim_end_matches(['\n', '\r']).to_string();
    Ok((!p.is_empty()).then_some(p))
}

pub async fn user_add(config: Config, args: UserAdd) -> Result<(), CliError> {
    let email = Email::parse(&args.email).map_err(|k| CliError(crate::i18n::t("en", k)))?;
    let name = names::person_name(&args.name).map_err(|k| CliError(crate::i18n::t("en", k)))?;
    let role = Role::parse(&args.role)
        .map_err(|_| CliError(format!("unknown role {:?}: use participant, coordinator or admin", args.role)))?;
    let (password, generated) = match read_password_from_stdin()? {
        Some(p) => (p, false),
        None => (tokens::random_token().chars().take(20).collect::<String>(), true),
    };
    password::check_new(&password, email.as_str()).map_err(|k| CliError(crate::i18n::t("en", k)))?;
    let state = cli_state(config).await?;
    match accounts::create_user(&state, &email, &name, &password, role, "").await {
        Ok(user) => {
            println!("created {} ({}) with role {}", user.email, user.display_name, user.role.as_str());
            if generated {
                println!("password (shown once): {password}");
            }
            Ok(())
        }
        Err(ServiceError::Invalid(_)) => {
            Err(CliError(format!("an account with the email {} already exists", email.as_str())))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn user_set_role(config: Config, args: UserSetRole) -> Result<(), CliError> {
    let role = Role::parse(&args.role)
        .map_err(|_| CliError(format!("unknown role {:?}: use participant, coordinator or admin", args.role)))?;
    let email = Email::parse(&args.email).map_err(|k| CliError(crate::i18n::t("en", k)))?;
    let state = cli_state(config).await?;
    let mut conn = state.db.pool.acquire().await?;
    let Some(user) = crate::repo::users::by_email(&mut conn, email.as_str()).await? else {
        return Err(CliError(format!("no account with the email {}", email.as_str())));
    };
    drop(conn);
    match users_admin::set_role(&state, None, user.id, role).await {
        Ok(u) => {
            println!("{} is now {}", u.email, u.role.as_str());
            Ok(())
        }
        Err(ServiceError::Refused(k)) => Err(CliError(crate::i18n::t("en", k))),
        Err(e) => Err(e.into()),
    }
}

/// The services' state for a one-off command (no web server, mail queued for the server).
async fn cli_state(config: Config) -> Result<crate::state::AppState, CliError> {
    let db = open_db(&config).await?;
    let mailer = crate::mail::Mailer::new(config.smtp_url.as_deref(), &config.mail_from, &config.mail_dir())?;
    let storage = crate::storage::Storage::from_config(&config.storage)?;
    Ok(crate::state::AppState {
        storage,
        db,
        config: std::sync::Arc::new(config),
        mailer,
        metrics: std::sync::Arc::new(crate::web::metrics::Metrics::default()),
        content: std::sync::Arc::default(),
        people: std::sync::Arc::default(),
        session_reads: std::sync::Arc::default(),
        certificate_reads: std::sync::Arc::default(),
        fonts: crate::app::fonts(),
    })
}

/// Validates a content folder: a summary when valid, every problem as `file:line: message`
/// otherwise.
pub fn content_check(dir: &std::path::Path) -> Result<(), CliError> {
    match crate::content::read_all(dir) {
        Ok(catalog) => {
            for m in &catalog.modules {
                let words: usize = m.lessons.iter().map(|l| l.words).sum();
                println!(
                    "{:02} {} [{}] {} lessons, {words} words: {}",
                    m.order,
                    m.slug,
                    m.language,
                    m.lessons.len(),
                    m.title
                );
            }
            for p in &catalog.programs {
                for e in &p.editions {
                    println!(
                        "{} #{} {} ({} to {}), {} sessions",
                        p.short_name,
                        e.spec.number,
                        e.spec.slug,
                        e.spec.starts_on,
                        e.spec.ends_on,
                        e.sessions.len()
                    );
                }
            }
            println!(
                "ok: {} modules, {} lessons, {} programs, {} editions",
                catalog.modules.len(),
                catalog.modules.iter().map(|m| m.lessons.len()).sum::<usize>(),
                catalog.programs.len(),
                catalog.programs.iter().map(|p| p.editions.len()).sum::<usize>()
            );
            Ok(())
        }
        Err(problems) => Err(report_problems(dir, &problems)),
    }
}

fn report_problems(dir: &std::path::Path, problems: &[crate::content::Problem]) -> CliError {
    for p in problems {
        eprintln!("{p}");
    }
    CliError(format!("{} problem(s) in {}; nothing was imported", problems.len(), dir.display()))
}

/// Imports a content folder: all of it, or nothing when any file is invalid.
pub async fn content_import(config: &Config, dir: &std::path::Path) -> Result<(), CliError> {
    let catalog = crate::content::read_all(dir).map_err(|p| report_problems(dir, &p))?;
    let db = open_db(config).await?;
    let report = crate::services::content_import::import(&db, &catalog).await?;
    println!("{report}");
    Ok(())
}

/// Adds the demo people and enrollments (importing the content first when there is none),
/// then with `scale` the generated benchmark data.
pub async fn demo(config: Config, scale: Option<u64>) -> Result<(), CliError> {
    let dir = config.content_dir.clone();
    let state = cli_state(config).await?;
    let report = crate::services::demo::seed(&state, &dir).await?;
    println!("{report}");
    if let Some(participants) = scale {
        println!("generating {participants} participants…");
        let report = crate::services::demo_scale::generate(&state, participants).await?;
        println!("{report}");
    }
    Ok(())
}

/// `enroll import EDITION FILE [--dry-run]`.
pub async fn enroll_import(
    config: Config,
    edition: &str,
    file: &std::path::Path,
    dry_run: bool,
) -> Result<(), CliError> {
    use crate::services::roster;
    let bytes = std::fs::read(file).map_err(|e| CliError(format!("cannot read {}: {e}", file.display())))?;
    let state = cli_state(config).await?;
    let text = match crate::domain::roster::decode(&bytes) {
        Ok(t) => t,
        Err(p) => return Err(CliError(format!("{}: {}", file.display(), roster::file_message("en", &p)))),
    };
    let preview = match roster::dry_run(&state, edition, text.as_bytes(), "en").await {
        Ok(p) => p,
        Err(ServiceError::Invalid(e)) => {
            let key = e.0.first().map_or("err-invalid-input", |f| f.key);
            return Err(CliError(format!("{}: {}", file.display(), crate::i18n::t("en", key))));
        }
        Err(ServiceError::NotFound) => return Err(CliError(format!("no edition {edition:?}"))),
        Err(e) => return Err(e.into()),
    };
    for r in preview.rows.iter().filter(|r| r.status == "invalid") {
        eprintln!("{}:{}: {}", file.display(), r.line, r.problems.join("; "));
    }
    println!(
        "{} rows: {} new accounts, {} existing accounts, {} already enrolled, {} invalid",
        preview.rows.len(),
        preview.new,
        preview.existing,
        preview.enrolled,
        preview.invalid
    );
    if preview.invalid > 0 {
        return Err(CliError(format!("{} invalid row(s); nothing was imported", preview.invalid)));
    }
    if dry_run {
        println!("dry run: nothing was written");
        return Ok(());
    }
    let started = std::time::Instant::now();
    let done = roster::import_text(&state, None, edition, &text).await?;
    println!(
        "imported in {:.2} s: {} accounts created, {} enrolled, {} waitlisted, {} already enrolled",
        started.elapsed().as_secs_f64(),
        done.accounts_created,
        done.enrolled,
        done.waitlisted,
        done.skipped
    );
    Ok(())
}

/// `storage verify`: a summary, each problem on its own line, exit 1 on any.
pub async fn storage_verify(config: Config) -> Result<(), CliError> {
    let state = cli_state(config).await?;
    let (checked, findings) = crate::services::storage_check::verify(&state).await?;
    for f in &findings {
        println!("{f}");
    }
    println!("verified {checked} stored files in the {} store: {} problem(s)", state.storage.backend(), findings.len());
    if findings.is_empty() { Ok(()) } else { Err(CliError(format!("{} problem(s) found", findings.len()))) }
}

/// `certificate preview`: writes a specimen PDF; font warnings go to standard error.
pub async fn certificate_preview(config: Config, a: PreviewArgs) -> Result<(), CliError> {
    let state = cli_state(config).await?;
    let mut conn = state.db.pool.acquire().await?;
    let edition = match a.edition.as_deref() {
        Some(key) => match key.parse::<i64>() {
            Ok(id) => crate::repo::programs::edition_by_id(&mut conn, id).await?,
            Err(_) => crate::repo::programs::edition_by_slug(&mut conn, key).await?,
        },
        None => {
            let latest: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM editions ORDER BY starts_on DESC, id DESC LIMIT 1")
                    .fetch_optional(&mut *conn)
                    .await?;
            match latest {
                Some((id,)) => crate::repo::programs::edition_by_id(&mut conn, id).await?,
                None => None,
            }
        }
    };
    drop(conn);
    let Some(ed) = edition else {
        return Err(CliError(format!("no edition {}", a.edition.as_deref().unwrap_or("in the database"))));
    };
    let (bytes, missing) = match crate::services::certificate_pdf::specimen(&state, &ed, &a.name, &a.native_name).await
    {
        Ok(r) => r,
        Err(ServiceError::Invalid(f)) => {
            let lines: Vec<String> =
                f.0.iter().map(|e| format!("{}: {}", e.field, crate::i18n::t("en", e.key))).collect();
            return Err(CliError(lines.join("; ")));
        }
        Err(e) => return Err(e.into()),
    };
    if !missing.is_empty() {
        eprintln!("warning: no font on this machine can print: {}", missing.iter().collect::<String>());
    }
    std::fs::write(&a.out, &bytes).map_err(|e| CliError(format!("{}: {e}", a.out.display())))?;
    println!("wrote a specimen of {} ({} bytes) to {}", ed.title, bytes.len(), a.out.display());
    Ok(())
}

/// `storage gc`: what was removed; exit 1 when orphan objects were found.
pub async fn storage_gc(config: Config) -> Result<(), CliError> {
    let state = cli_state(config).await?;
    let done = crate::services::storage_check::gc(&state).await?;
    for key in &done.orphans {
        println!("removed orphan object: {key}");
    }
    println!(
        "removed {} orphan object(s), {} file(s) of {} material(s) deleted more than 30 days ago",
        done.orphans.len(),
        done.expired_objects,
        done.expired_materials
    );
    if done.orphans.is_empty() {
        Ok(())
    } else {
        Err(CliError(format!("{} orphan object(s) found and removed", done.orphans.len())))
    }
}
