//! Coordinators open and change editions, clone one into a new year, and assign trainers.

use serde::Deserialize;
use time::Duration;

use super::learning::edition;
use super::{ServiceError, ServiceResult};
use crate::domain::FieldErrors;
use crate::domain::edition::{EditionInput, EditionSpec, SessionSpec};
use crate::domain::email::Email;
use crate::domain::schedule::{self, date_text, parse_date};
use crate::domain::user::User;
use crate::msg;
use crate::repo::audit::{self, AuditEntry};
use crate::repo::programs::{self, Edition};
use crate::repo::{Conn, library, schedule as sessions, users};
use crate::state::AppState;

fn edition_json(e: &EditionSpec) -> serde_json::Value {
    serde_json::json!({
        "slug": e.slug, "number": e.number, "title": e.title, "starts_on": date_text(e.starts_on),
        "ends_on": date_text(e.ends_on), "time_zone": e.time_zone, "mode": e.mode, "capacity": e.capacity,
        "admission_mode": e.admission_mode, "sequential": e.sequential, "modules": e.modules,
        "offer_hours": e.offer_hours, "country_quota": e.country_quota,
    })
}

/// The form values of a stored edition (for editing).
pub async fn input_of(conn: &mut Conn, e: &Edition) -> Result<EditionInput, sqlx::Error> {
    let local = |t: Option<crate::db::Timestamp>| t.map(|t| schedule::local_text(t, &e.time_zone)).unwrap_or_default();
    Ok(EditionInput {
        program: e.program_slug.clone(),
        slug: e.slug.clone(),
        number: e.number.to_string(),
        title: e.title.clone(),
        theme: e.theme.clone(),
        summary: e.summary.clone(),
        starts_on: e.starts_on.clone(),
        ends_on: e.ends_on.clone(),
        venue: e.venue.clone(),
        city: e.city.clone(),
        country: e.country.clone(),
        time_zone: e.time_zone.clone(),
        mode: e.mode.clone(),
        capacity: e.capacity.to_string(),
        working_languages: e.languages(),
        applications_open: local(e.open_at()),
        applications_close: local(e.close_at()),
        admission_mode: e.admission_mode.clone(),
        sequential: if e.sequential != 0 { "1".into() } else { String::new() },
        modules: library::course_module_slugs(conn, e.id).await?,
        offer_hours: e.offer_hours.to_string(),
        country_quota: e.country_quota.map(|q| q.to_string()).unwrap_or_default(),
    })
}

/// Checks what needs the database: program, unique slug and number, known modules.
async fn check_against_db(
    conn: &mut Conn,
    except_id: i64,
    program_slug: &str,
    spec: &EditionSpec,
) -> ServiceResult<(i64, Vec<i64>)> {
    let mut e = FieldErrors::new();
    let program = programs::program_by_slug(conn, program_slug).await?;
    if program.is_none() {
        e.add("program", msg!("err-program-unknown"));
    }
    let program_id = program.map_or(0, |p| p.id);
    let (slug_taken, number_taken) =
        programs::slug_or_number_taken(conn, except_id, &spec.slug, program_id, spec.number).await?;
    if slug_taken {
        e.add("slug", msg!("err-slug-taken"));
    }
    if number_taken {
        e.add("number", msg!("err-number-taken"));
    }
    let library = library::library(conn, "en").await?;
    let mut module_ids = Vec::new();
    for m in &spec.modules {
        match library.iter().find(|(_, s, _)| s == m) {
            Some((id, _, _)) => module_ids.push(*id),
            None => e.add("modules", msg!("err-module-unknown")),
        }
    }
    e.into_result()?;
    Ok((program_id, module_ids))
}

/// Creates an edition from the form.
pub async fn create(state: &AppState, actor: &User, input: &EditionInput) -> ServiceResult<Edition> {
    let spec = input.validate()?;
    let mut tx = state.db.begin_write().await?;
    let (program_id, module_ids) = check_against_db(&mut tx, 0, input.program.trim(), &spec).await?;
    let id = programs::insert_edition(&mut tx, program_id, &spec, "").await?;
    library::set_course(&mut tx, id, &module_ids).await?;
    record(&mut tx, actor, "edition.create", &spec.slug, serde_json::Value::Null, edition_json(&spec)).await?;
    let created = programs::edition_by_id(&mut tx, id).await?.ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    Ok(created)
}

/// Changes an edition. Its sessions must still fall within the new dates.
pub async fn update(state: &AppState, actor: &User, slug_now: &str, input: &EditionInput) -> ServiceResult<Edition> {
    let spec = input.validate()?;
    let mut tx = state.db.begin_write().await?;
    let before = edition(&mut tx, slug_now).await?;
    let program = if input.program.trim().is_empty() { before.program_slug.clone() } else { input.program.clone() };
    let (program_id, module_ids) = check_against_db(&mut tx, before.id, program.trim(), &spec).await?;
    if let Some((first, after_last)) = schedule::day_bounds(spec.starts_on, spec.ends_on, &spec.time_zone) {
        let outside =
            sessions::of_edition(&mut tx, before.id).await?.iter().any(|s| s.start() < first || s.end() > after_last);
        if outside {
            return Err(ServiceError::field("starts_on", msg!("err-sessions-outside-dates")));
        }
    }
    let before_input = input_of(&mut tx, &before).await?;
    programs::update_edition(&mut tx, before.id, program_id, &spec, &before.source_checksum).await?;
    library::set_course(&mut tx, before.id, &module_ids).await?;
    let before_json = serde_json::to_value(&before_input).unwrap_or_default();
    record(&mut tx, actor, "edition.update", &spec.slug, before_json, edition_json(&spec)).await?;
    let after = programs::edition_by_id(&mut tx, before.id).await?.ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    if after.capacity > before.capacity {
        // A larger edition offers its new seats to the waiting list at once.
        super::enrollment::fill_free_seats(state, after.id).await?;
    }
    Ok(after)
}

/// The clone form: the new edition's identity and first day.
#[derive(Debug, Default, Clone, Deserialize, serde::Serialize)]
#[serde(default)]
pub struct CloneInput {
    pub slug: String,
    pub number: String,
    pub title: String,
    pub starts_on: String,
}

/// Copies an edition (course, sessions, settings) to a new start date; every date moves by
/// the same number of days and sessions keep their wall-clock times. The application
/// window is left empty for the coordinator to open; trainers are assigned anew.
pub async fn clone(state: &AppState, actor: &User, source_slug: &str, input: &CloneInput) -> ServiceResult<Edition> {
    let mut tx = state.db.begin_write().await?;
    let source = edition(&mut tx, source_slug).await?;
    let mut form = input_of(&mut tx, &source).await?;
    let mut e = FieldErrors::new();
    let new_start = e.check("starts_on", parse_date(&input.starts_on).ok_or(msg!("err-date-invalid")));
    let old_start = parse_date(&source.starts_on);
    let old_end = parse_date(&source.ends_on);
    let shift = match (new_start, old_start) {
        (Some(n), Some(o)) => n - o,
        _ => Duration::ZERO,
    };
    if let Some(end) = old_end {
        form.ends_on = date_text(end + shift);
    }
    form.starts_on = input.starts_on.trim().to_string();
    form.slug = input.slug.clone();
    form.number = input.number.clone();
    form.title = input.title.clone();
    form.applications_open = String::new();
    form.applications_close = String::new();
    let spec = match form.validate() {
        Ok(s) if e.is_empty() => s,
        Ok(_) => return Err(e.into()),
        Err(more) => {
            e.0.extend(more.0);
            return Err(e.into());
        }
    };
    let (program_id, module_ids) = check_against_db(&mut tx, 0, &source.program_slug, &spec).await?;
    let id = programs::insert_edition(&mut tx, program_id, &spec, "").await?;
    library::set_course(&mut tx, id, &module_ids).await?;
    for s in sessions::of_edition(&mut tx, source.id).await? {
        let moved = |t: crate::db::Timestamp| {
            let local = schedule::in_zone(t, &source.time_zone)
                .map(|(l, _)| time::PrimitiveDateTime::new(l.date(), l.time()) + shift);
            local.and_then(|l| schedule::to_utc(l, &spec.time_zone)).unwrap_or(t)
        };
        let copy = SessionSpec {
            title: s.title.clone(),
            kind: crate::domain::edition::SESSION_KINDS.iter().copied().find(|k| *k == s.kind).unwrap_or("lecture"),
            starts_at: moved(s.start()),
            ends_at: moved(s.end()),
            room: s.room.clone(),
            online_url: s.online_url.clone(),
            module: s.module_slug.clone(),
        };
        sessions::insert(&mut tx, id, "", &copy, s.module_id).await?;
    }
    let after = serde_json::json!({ "from": source.slug, "edition": edition_json(&spec) });
    record(&mut tx, actor, "edition.clone", &spec.slug, serde_json::Value::Null, after).await?;
    let created = programs::edition_by_id(&mut tx, id).await?.ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    Ok(created)
}

/// Makes the account with `email` a trainer of the edition (that edition only).
pub async fn add_trainer(state: &AppState, actor: &User, edition_slug: &str, email: &str) -> ServiceResult<()> {
    let email = Email::parse(email).map_err(|k| ServiceError::field("email", k))?;
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, edition_slug).await?;
    let user = users::by_email(&mut tx, email.as_str())
        .await?
        .ok_or_else(|| ServiceError::field("email", msg!("err-trainer-no-account")))?;
    if sessions::add_trainer(&mut tx, ed.id, user.id).await? {
        let after = serde_json::json!({ "trainer": user.email });
        record(&mut tx, actor, "edition.trainer.add", &ed.slug, serde_json::Value::Null, after).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn remove_trainer(state: &AppState, actor: &User, edition_slug: &str, user_id: i64) -> ServiceResult<()> {
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, edition_slug).await?;
    if !sessions::remove_trainer(&mut tx, ed.id, user_id).await? {
        return Err(ServiceError::NotFound);
    }
    let before = serde_json::json!({ "trainer_id": user_id });
    record(&mut tx, actor, "edition.trainer.remove", &ed.slug, before, serde_json::Value::Null).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn record(
    conn: &mut Conn,
    actor: &User,
    action: &str,
    edition_slug: &str,
    before: serde_json::Value,
    after: serde_json::Value,
) -> Result<(), sqlx::Error> {
    audit::record(
        conn,
        AuditEntry {
            actor_id: Some(actor.id),
            action,
            subject_type: "edition",
            subject_id: edition_slug.to_string(),
            before,
            after,
            reason: "",
        },
    )
    .await
}
