//! Coordinators enroll a list of participants from a CSV file: a preview first (nothing
//! written but the upload itself), then one transaction that creates the missing accounts
//! (each gets a link to set a password), enrolls everyone not yet in the edition, and is
//! idempotent on email.

use serde::Serialize;

use super::learning::edition;
use super::{ServiceError, ServiceResult, tokens};
use crate::db::now;
use crate::domain::enrollment::{ACCEPTED, Application, SUBMITTED, WAITLISTED};
use crate::domain::role::Role;
use crate::domain::roster::{self, FileProblem, Row};
use crate::domain::user::{Profile, User};
use crate::i18n::t;
use crate::mail;
use crate::repo::enrollments::{self as repo, Transition};
use crate::repo::{Conn, password_resets, programs, users};
use crate::state::AppState;

/// Days an imported person's set-password link stays valid.
pub const SET_PASSWORD_DAYS: i64 = 14;

/// One row of the preview.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PreviewRow {
    pub line: usize,
    pub email: String,
    pub name: String,
    /// `new` (account created), `existing` (account exists), `enrolled` (already in the
    /// edition: skipped) or `invalid`.
    pub status: String,
    /// `column: message` for each problem.
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Preview {
    pub upload_id: i64,
    pub rows: Vec<PreviewRow>,
    pub new: usize,
    pub existing: usize,
    pub enrolled: usize,
    pub invalid: usize,
}

/// A whole-file problem as a message in `lang`.
pub fn file_message(lang: &str, p: &FileProblem) -> String {
    let detail = p.detail();
    if detail.is_empty() { t(lang, p.key()) } else { format!("{} ({detail})", t(lang, p.key())) }
}

fn read(bytes: &[u8]) -> Result<(String, Vec<Row>), FileProblem> {
    let text = roster::decode(bytes)?;
    let rows = roster::parse(&text)?;
    Ok((text, rows))
}

async fn classify(conn: &mut Conn, edition_id: i64, rows: &[Row], lang: &str) -> Result<Preview, sqlx::Error> {
    let enrolled: std::collections::HashSet<String> =
        repo::emails_in_edition(conn, edition_id).await?.into_iter().collect();
    let mut p = Preview::default();
    for r in rows {
        let (status, name) = match &r.person {
            None => ("invalid", String::new()),
            Some(person) if enrolled.contains(&person.email) => ("enrolled", person.name.clone()),
            Some(person) => {
                if users::by_email(conn, &person.email).await?.is_some() {
                    ("existing", person.name.clone())
                } else {
                    ("new", person.name.clone())
                }
            }
        };
        match status {
            "invalid" => p.invalid += 1,
            "enrolled" => p.enrolled += 1,
            "existing" => p.existing += 1,
            _ => p.new += 1,
        }
        p.rows.push(PreviewRow {
            line: r.line,
            email: r.email.clone(),
            name,
            status: status.into(),
            problems: r.problems.iter().map(|c| format!("{}: {}", c.column, t(lang, c.key))).collect(),
        });
    }
    Ok(p)
}

/// Checks a file and keeps it for confirmation; writes nothing else.
pub async fn preview(
    state: &AppState,
    coordinator: &User,
    slug: &str,
    bytes: &[u8],
    lang: &str,
) -> ServiceResult<Preview> {
    let (text, rows) = read(bytes).map_err(|p| ServiceError::Invalid(file_error(&p)))?;
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    let mut p = classify(&mut tx, ed.id, &rows, lang).await?;
    p.upload_id = repo::insert_upload(&mut tx, ed.id, coordinator.id, &text).await?;
    tx.commit().await?;
    Ok(p)
}

fn file_error(p: &FileProblem) -> crate::domain::FieldErrors {
    let mut e = crate::domain::FieldErrors::new();
    e.add("file", p.key());
    e
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct ImportResult {
    pub accounts_created: usize,
    pub enrolled: usize,
    pub waitlisted: usize,
    pub skipped: usize,
}

/// Checks a file without keeping it (the command line's `--dry-run`).
pub async fn dry_run(state: &AppState, slug: &str, bytes: &[u8], lang: &str) -> ServiceResult<Preview> {
    let (_, rows) = read(bytes).map_err(|p| ServiceError::Invalid(file_error(&p)))?;
    let mut conn = state.db.pool.acquire().await?;
    let ed = edition(&mut conn, slug).await?;
    Ok(classify(&mut conn, ed.id, &rows, lang).await?)
}

/// Imports a file's text in one transaction. Refused whole when any row is invalid.
pub async fn import_text(
    state: &AppState,
    actor: Option<&User>,
    slug: &str,
    text: &str,
) -> ServiceResult<ImportResult> {
    let rows = roster::parse(text).map_err(|p| ServiceError::Invalid(file_error(&p)))?;
    if rows.iter().any(|r| r.person.is_none()) {
        return Err(ServiceError::Refused(crate::msg!("err-csv-has-invalid-rows")));
    }
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    repo::lock_edition(&mut tx, ed.id).await?;
    let result = import_rows(&mut tx, state, actor, ed.id, &rows).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(result)
}

/// Confirms a previewed upload (once).
pub async fn confirm(state: &AppState, coordinator: &User, slug: &str, upload_id: i64) -> ServiceResult<ImportResult> {
    let mut conn = state.db.pool.acquire().await?;
    let ed = edition(&mut conn, slug).await?;
    let text = repo::pending_upload(&mut conn, ed.id, upload_id).await?.ok_or(ServiceError::NotFound)?;
    drop(conn);
    let rows = roster::parse(&text).map_err(|p| ServiceError::Invalid(file_error(&p)))?;
    if rows.iter().any(|r| r.person.is_none()) {
        return Err(ServiceError::Refused(crate::msg!("err-csv-has-invalid-rows")));
    }
    let mut tx = state.db.begin_write().await?;
    repo::lock_edition(&mut tx, ed.id).await?;
    if !repo::confirm_upload(&mut tx, upload_id).await? {
        return Err(ServiceError::NotFound);
    }
    let result = import_rows(&mut tx, state, Some(coordinator), ed.id, &rows).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(result)
}

async fn import_rows(
    tx: &mut Conn,
    state: &AppState,
    actor: Option<&User>,
    edition_id: i64,
    rows: &[Row],
) -> ServiceResult<ImportResult> {
    let ed = programs::edition_by_id(tx, edition_id).await?.ok_or(ServiceError::NotFound)?;
    let already: std::collections::HashSet<String> = repo::emails_in_edition(tx, ed.id).await?.into_iter().collect();
    let mut out = ImportResult::default();
    let at = now();
    let newcomers: Vec<_> =
        rows.iter().filter_map(|r| r.person.as_ref()).filter(|p| !already.contains(&p.email)).collect();
    out.skipped = rows.len() - newcomers.len();
    // Places are counted once for the whole list (the edition is locked): the first ones
    // in the file are accepted, the rest waitlisted in file order.
    let mut seats = repo::take_seats(tx, ed.id, i64::try_from(newcomers.len()).unwrap_or(i64::MAX)).await?;
    let mut queue = repo::next_queue_number(tx, ed.id).await?;
    for person in newcomers {
        let user_id = match users::by_email(tx, &person.email).await? {
            Some(u) => u.id,
            None => {
                // No usable password: the person sets one through the emailed link.
                let id = users::insert(tx, &person.email, "!", &person.name, Role::Participant, "").await?;
                let profile = Profile {
                    certificate_name_latin: person.certificate_name_latin.clone(),
                    certificate_name_native: person.certificate_name_native.clone(),
                    organisation: person.organisation.clone(),
                    organisation_type: person.organisation_type.clone(),
                    country: person.country.clone(),
                    position: person.position.clone(),
                    preferred_language: String::new(),
                    time_zone: String::new(),
                };
                users::update_profile(tx, id, &person.name, &profile).await?;
                let token = tokens::random_token();
                password_resets::insert(
                    tx,
                    &tokens::token_hash(&token),
                    id,
                    at,
                    at.plus_minutes(SET_PASSWORD_DAYS * 24 * 60),
                )
                .await?;
                let link = state.config.link(&format!("/password/reset/{token}"));
                let message = mail::compose::account_created(
                    ed.languages().first().map_or("en", String::as_str),
                    &person.name,
                    &ed.title,
                    &link,
                    SET_PASSWORD_DAYS,
                );
                mail::queue(tx, &person.email, &person.name, &message).await?;
                out.accounts_created += 1;
                id
            }
        };
        let application = Application {
            certificate_name_latin: person.certificate_name_latin.clone(),
            certificate_name_native: person.certificate_name_native.clone(),
            organisation: person.organisation.clone(),
            organisation_type: person.organisation_type.clone(),
            country: person.country.clone(),
            position: person.position.clone(),
            motivation: String::new(),
            consent_listed: false,
            consent_photos: false,
            consent_contact: false,
        };
        let id = repo::insert(tx, ed.id, user_id, &application, "{}").await?;
        let t = if seats > 0 {
            seats -= 1;
            out.enrolled += 1;
            Transition {
                from: SUBMITTED,
                to: ACCEPTED,
                holds_seat: true,
                queue_number: None,
                waitlist_reason: "",
                offer_expires_at: None,
            }
        } else {
            out.waitlisted += 1;
            queue += 1;
            Transition {
                from: SUBMITTED,
                to: WAITLISTED,
                holds_seat: false,
                queue_number: Some(queue - 1),
                waitlist_reason: "capacity",
                offer_expires_at: None,
            }
        };
        repo::transition(tx, id, &t).await?;
    }
    let entry = crate::repo::audit::AuditEntry {
        actor_id: actor.map(|a| a.id),
        action: "enrollment.import",
        subject_type: "edition",
        subject_id: ed.slug.clone(),
        before: serde_json::Value::Null,
        after: serde_json::to_value(&out).unwrap_or_default(),
        reason: "",
    };
    crate::repo::audit::record(tx, entry).await?;
    Ok(out)
}
