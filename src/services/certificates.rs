//! Certificates: the checklist of what is left, issuing (automatic when the rules are met, by
//! a coordinator in bulk or despite the rules with a reason), revoking, re-issuing after a name
//! correction, and looking a code up for the public verify page.

use serde::{Deserialize, Serialize};

use super::editions_admin::record;
use super::people_cache::{self, Person};
use super::read_together::{Found, Lookup};
use super::{ServiceError, ServiceResult};
use crate::db::{Timestamp, is_unique_violation, now};
use crate::domain::certificate::{self as rules_text, new_code};
use crate::domain::completion::{self, Checklist};
use crate::domain::names;
use crate::domain::user::User;
use crate::mail;
use crate::msg;
use crate::repo::certificates::{self as repo, Certificate, NewCertificate};
use crate::repo::enrollments::{self, Enrollment};
use crate::repo::learning::ACTIVE_STATES;
use crate::repo::programs::{self, Edition};
use crate::repo::{Conn, Reads};
use crate::state::AppState;

/// What a certificate prints besides the name, fixed when it is issued.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Snapshot {
    pub program: String,
    pub edition: String,
    pub theme: String,
    /// e.g. `11–15 October 2027`.
    pub dates: String,
    pub venue: String,
    pub hours: Option<i64>,
    /// The second language of a bilingual certificate, or empty.
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub signatories: Vec<SnapshotSignatory>,
    /// The issue date, `YYYY-MM-DD`.
    pub issued: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct SnapshotSignatory {
    pub name: String,
    pub title: String,
    #[serde(default)]
    pub signature_key: String,
}

impl Snapshot {
    pub fn parse(json: &str) -> ServiceResult<Snapshot> {
        serde_json::from_str(json).map_err(|e| ServiceError::Internal(format!("certificate snapshot: {e}")))
    }
}

/// What the edition's certificate prints today.
pub async fn snapshot_of(conn: &mut Conn, ed: &Edition, at: Timestamp) -> ServiceResult<Snapshot> {
    let settings = repo::settings(conn, ed.id).await?;
    let signatories = repo::signatories(conn, ed.id)
        .await?
        .into_iter()
        .map(|s| SnapshotSignatory { name: s.name, title: s.title, signature_key: s.signature_key })
        .collect();
    let venue = [ed.venue.as_str(), ed.city.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>();
    Ok(Snapshot {
        program: ed.program_name.clone(),
        edition: ed.title.clone(),
        theme: ed.theme.clone(),
        dates: rules_text::date_range(&ed.starts_on, &ed.ends_on),
        venue: venue.join(", "),
        hours: settings.learning_hours,
        language: settings.language,
        signatories,
        issued: at.db().get(..10).unwrap_or_default().to_string(),
    })
}

/// The checklist of one participant in an edition.
pub async fn checklist(conn: &mut Conn, edition_id: i64, user_id: i64) -> ServiceResult<Checklist> {
    let settings = repo::settings(conn, edition_id).await?;
    let done = repo::done(conn, edition_id, user_id).await?;
    Ok(completion::evaluate(&settings.rules, &done))
}

/// The reason an enrollment was declared complete despite the rules, if any.
async fn override_reason(conn: &mut Conn, enrollment_id: i64) -> ServiceResult<Option<String>> {
    let row: Option<(Option<String>,)> = sqlx::query_as("SELECT completion_override FROM enrollments WHERE id = $1")
        .bind(enrollment_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.and_then(|r| r.0).filter(|r| !r.is_empty()))
}

/// How an issue request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Issued {
    /// A new certificate.
    New,
    /// The enrollment already had a valid one (issuing is idempotent).
    Existing,
}

/// Issues the certificate of an enrollment when the rules are met (or were overridden).
/// Concurrent requests give one certificate: the one-valid-per-enrollment index decides.
pub async fn issue(
    state: &AppState,
    actor: Option<&User>,
    ed: &Edition,
    enrollment_id: i64,
) -> ServiceResult<(Certificate, Issued)> {
    let mut tx = state.db.begin_write().await?;
    let e = enrollments::by_id(&mut tx, ed.id, enrollment_id).await?.ok_or(ServiceError::NotFound)?;
    if let Some(c) = repo::valid_of(&mut tx, e.id).await? {
        return Ok((c, Issued::Existing));
    }
    if !ACTIVE_STATES.contains(&e.state.as_str()) {
        return Err(ServiceError::Refused(msg!("err-certificate-not-participant")));
    }
    if override_reason(&mut tx, e.id).await?.is_none() && !checklist(&mut tx, ed.id, e.user_id).await?.complete {
        return Err(ServiceError::Refused(msg!("err-certificate-rules-not-met")));
    }
    if e.certificate_name_latin.trim().is_empty() {
        return Err(ServiceError::Refused(msg!("err-certificate-no-name")));
    }
    let snapshot = snapshot_of(&mut tx, ed, now()).await?;
    let snapshot_json = serde_json::to_string(&snapshot).map_err(|e| ServiceError::Internal(e.to_string()))?;
    let code = new_code();
    let new = NewCertificate {
        enrollment_id: e.id,
        edition_id: ed.id,
        user_id: e.user_id,
        code: &code,
        name_latin: e.certificate_name_latin.trim(),
        name_native: e.certificate_name_native.trim(),
        snapshot: &snapshot_json,
        issued_by: actor.map(|a| a.id),
    };
    let id = match repo::insert(&mut tx, &new).await {
        Ok(id) => id,
        Err(err) if is_unique_violation(&err) => {
            // Another request issued it first (PostgreSQL); answer with that one.
            drop(tx);
            let mut conn = state.db.pool.acquire().await?;
            let c = repo::valid_of(&mut conn, e.id).await?.ok_or(ServiceError::Internal(err.to_string()))?;
            return Ok((c, Issued::Existing));
        }
        Err(err) => return Err(err.into()),
    };
    sqlx::query(
        "UPDATE enrollments SET state = 'completed', completed_at = COALESCE(completed_at, $1), updated_at = $1 \
         WHERE id = $2",
    )
    .bind(now().db())
    .bind(e.id)
    .execute(&mut *tx)
    .await?;
    let after =
        serde_json::json!({ "certificate": id, "code": code, "enrollment": e.id, "name": e.certificate_name_latin });
    audit(&mut tx, actor, "certificate.issue", &ed.slug, serde_json::Value::Null, after).await?;
    notify(state, &mut tx, &e, ed).await?;
    let c = repo::by_id(&mut tx, id).await?.ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    state.mailer.wake();
    Ok((c, Issued::New))
}

/// An audit entry by a person, or by the system when certificates are issued automatically.
async fn audit(
    conn: &mut Conn,
    actor: Option<&User>,
    action: &str,
    slug: &str,
    before: serde_json::Value,
    after: serde_json::Value,
) -> Result<(), sqlx::Error> {
    match actor {
        Some(a) => record(conn, a, action, slug, before, after).await,
        None => {
            crate::repo::audit::record(
                conn,
                crate::repo::audit::AuditEntry {
                    actor_id: None,
                    action,
                    subject_type: "edition",
                    subject_id: slug.to_string(),
                    before,
                    after,
                    reason: "",
                },
            )
            .await
        }
    }
}

/// Queues the e-mail that tells a participant their certificate is ready.
async fn notify(state: &AppState, conn: &mut Conn, e: &Enrollment, ed: &Edition) -> ServiceResult<()> {
    let lang = if e.preferred_language.is_empty() { "en" } else { e.preferred_language.as_str() };
    let link = state.config.link("/my/certificates");
    let message = mail::compose::certificate_issued(lang, &e.display_name, &ed.title, &link);
    mail::queue(conn, &e.email, &e.display_name, &message).await?;
    Ok(())
}

/// What a participant's page shows of their certificate: the checklist, and their valid
/// certificate, issued on sight when it has just become due.
pub struct OnSight {
    pub checklist: Checklist,
    pub certificate: Option<Certificate>,
    /// Whether `certificate` was issued by this look.
    pub issued_now: bool,
}

/// The participant's checklist and certificate, issuing it on their own once the rules are
/// met: only in an edition with rules, and never again after a certificate was revoked or
/// superseded. One read of each fact, since every participant page asks this.
pub async fn on_sight(state: &AppState, ed: &Edition, user_id: i64) -> ServiceResult<OnSight> {
    let mut conn = state.db.pool.acquire().await?;
    let settings = repo::settings(&mut conn, ed.id).await?;
    let sight = look(&mut conn, None, &settings, ed, user_id).await?;
    drop(conn);
    settle(state, ed, sight).await
}

/// What `look` found: the checklist and the valid certificate, or the enrollment whose
/// certificate has just become due.
pub struct Sight {
    checklist: Checklist,
    certificate: Option<Certificate>,
    due: Option<i64>,
}

/// The reading half of `on_sight`, on the page's own connection with the edition's
/// settings as the page already has them (and the person's copy in memory, when it has one);
/// `settle` then issues what is due.
pub async fn look(
    conn: &mut impl crate::repo::Reads,
    person: Option<Person<'_>>,
    settings: &repo::Settings,
    ed: &Edition,
    user_id: i64,
) -> ServiceResult<Sight> {
    // Without rules the checklist is empty whatever was done: progress is not read.
    let done =
        if settings.rules.any() { people_cache::done(conn, person, ed.id, user_id).await? } else { Default::default() };
    let checklist = completion::evaluate(&settings.rules, &done);
    let certificates = people_cache::certificates(conn, person, ed.id, user_id).await?;
    let valid = certificates.iter().find(|c| c.state == "valid").cloned();
    // The enrollment is read only when a certificate may be due.
    if !(settings.rules.any() && certificates.is_empty() && checklist.complete) {
        return Ok(Sight { checklist, certificate: valid, due: None });
    }
    let due = enrollments::by_user(conn.conn().await?, ed.id, user_id)
        .await?
        .filter(|e| ACTIVE_STATES.contains(&e.state.as_str()) && !e.certificate_name_latin.trim().is_empty())
        .map(|e| e.id);
    Ok(Sight { checklist, certificate: None, due })
}

/// Issues the certificate `look` found due (in a transaction of its own: call it after the
/// page's connection is released, so that a page never holds two).
pub async fn settle(state: &AppState, ed: &Edition, sight: Sight) -> ServiceResult<OnSight> {
    let Sight { checklist, certificate, due } = sight;
    let Some(enrollment_id) = due else { return Ok(OnSight { checklist, certificate, issued_now: false }) };
    let (certificate, issued) = issue(state, None, ed, enrollment_id).await?;
    Ok(OnSight { checklist, certificate: Some(certificate), issued_now: issued == Issued::New })
}

/// Issues the participant's certificate on their own once the rules are met (see `on_sight`);
/// the certificate when this call issued it.
pub async fn issue_if_due(state: &AppState, ed: &Edition, user_id: i64) -> ServiceResult<Option<Certificate>> {
    let seen = on_sight(state, ed, user_id).await?;
    Ok(seen.certificate.filter(|_| seen.issued_now))
}

/// Issues every certificate that became due in editions with rules that are running or ended
/// in the last 60 days (the background sweep; pages also issue on sight). Returns how many.
pub async fn issue_due_everywhere(state: &AppState, at: Timestamp) -> ServiceResult<u32> {
    let mut conn = state.db.pool.acquire().await?;
    let today = at.db().get(..10).unwrap_or_default().to_string();
    let since = at.plus_minutes(-60 * 24 * 60).db().get(..10).unwrap_or_default().to_string();
    let due: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT n.edition_id, n.user_id FROM enrollments n JOIN editions e ON e.id = n.edition_id \
         WHERE n.state IN ('accepted', 'completed') AND e.starts_on <= $1 AND e.ends_on >= $2 \
           AND (e.rule_lessons_pct IS NOT NULL OR e.rule_attendance_pct IS NOT NULL OR e.rule_survey = 1) \
           AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrollment_id = n.id)",
    )
    .bind(&today)
    .bind(&since)
    .fetch_all(&mut *conn)
    .await?;
    let mut issued = 0;
    let mut editions: std::collections::HashMap<i64, Edition> = std::collections::HashMap::new();
    for (edition_id, user_id) in due {
        if let std::collections::hash_map::Entry::Vacant(slot) = editions.entry(edition_id) {
            let Some(ed) = programs::edition_by_id(&mut conn, edition_id).await? else { continue };
            slot.insert(ed);
        }
        let Some(ed) = editions.get(&edition_id) else { continue };
        if issue_if_due(state, ed, user_id).await?.is_some() {
            issued += 1;
        }
    }
    Ok(issued)
}

/// Declares an enrollment complete despite the rules (the reason is kept and audited), then
/// issues its certificate.
pub async fn complete_despite_rules(
    state: &AppState,
    coordinator: &User,
    ed: &Edition,
    enrollment_id: i64,
    reason: &str,
) -> ServiceResult<(Certificate, Issued)> {
    let reason = rules_text::reason(reason).map_err(|k| ServiceError::field("reason", k))?;
    let mut tx = state.db.begin_write().await?;
    let e = enrollments::by_id(&mut tx, ed.id, enrollment_id).await?.ok_or(ServiceError::NotFound)?;
    if !ACTIVE_STATES.contains(&e.state.as_str()) {
        return Err(ServiceError::Refused(msg!("err-certificate-not-participant")));
    }
    sqlx::query("UPDATE enrollments SET completion_override = $1, completion_override_by = $2 WHERE id = $3")
        .bind(&reason)
        .bind(coordinator.id)
        .bind(e.id)
        .execute(&mut *tx)
        .await?;
    let after = serde_json::json!({ "enrollment": e.id, "reason": reason });
    record(&mut tx, coordinator, "enrollment.complete_override", &ed.slug, serde_json::Value::Null, after).await?;
    tx.commit().await?;
    issue(state, Some(coordinator), ed, e.id).await
}

/// Adds a signatory to an edition's certificate (at most three), with an optional signature
/// image (PNG or JPEG, judged from its bytes) kept in the file store.
pub async fn add_signatory<R: tokio::io::AsyncRead + Unpin + Send>(
    state: &AppState,
    coordinator: &User,
    slug: &str,
    name: &str,
    title: &str,
    image: Option<R>,
    max_bytes: u64,
) -> ServiceResult<()> {
    use tokio::io::AsyncReadExt;
    let mut e = crate::domain::FieldErrors::new();
    let name = e.check("name", names::person_name(name));
    let title = e.check("title", names::short_text(title));
    e.clone().into_result()?;
    let (Some(name), Some(title)) = (name, title) else { return Err(e.into()) };
    let mut conn = state.db.pool.acquire().await?;
    let ed = programs::edition_by_slug(&mut conn, slug).await?.ok_or(ServiceError::NotFound)?;
    if repo::signatories(&mut conn, ed.id).await?.len() >= 3 {
        return Err(ServiceError::Refused(msg!("err-signatory-limit")));
    }
    drop(conn);
    let mut key = String::new();
    if let Some(reader) = image {
        let mut bytes = Vec::new();
        reader
            .take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .await
            .map_err(|_| ServiceError::field("image", msg!("err-file-unreadable")))?;
        if bytes.len() as u64 > max_bytes {
            return Err(ServiceError::field("image", msg!("err-file-too-large")));
        }
        let kind = crate::domain::material::sniff(&bytes, "signature");
        if !matches!(kind, Some("image/png" | "image/jpeg")) {
            return Err(ServiceError::field("image", msg!("err-signature-type")));
        }
        let new_key = crate::storage::new_key(&format!("signatures/{}", ed.id));
        let kind = kind.unwrap_or("image/png");
        state.storage.put(&new_key, &bytes[..], max_bytes, kind).await.map_err(|err| match err {
            crate::storage::StorageError::Unavailable(_) => ServiceError::Unavailable(msg!("err-storage-unavailable")),
            _ => ServiceError::field("image", msg!("err-file-unreadable")),
        })?;
        key = new_key;
    }
    let written = async {
        let mut tx = state.db.begin_write().await?;
        repo::add_signatory(&mut tx, ed.id, &name, &title, &key).await?;
        let after = serde_json::json!({ "signatory": name, "title": title, "image": !key.is_empty() });
        record(&mut tx, coordinator, "certificate.signatory_add", &ed.slug, serde_json::Value::Null, after).await?;
        tx.commit().await?;
        Ok::<_, ServiceError>(())
    }
    .await;
    if written.is_err() && !key.is_empty() {
        let _ = state.storage.delete(&key).await;
    }
    written
}

/// What a bulk issue did.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct BulkReport {
    pub issued: u32,
    pub already: u32,
    /// Participants who have not met the rules (and have no override).
    pub not_met: u32,
    /// Participants whose certificate was revoked: not issued again in bulk.
    pub revoked: u32,
    /// Participants without a certificate name.
    pub no_name: u32,
}

/// Issues every participant's certificate that is due in an edition.
pub async fn issue_all(state: &AppState, coordinator: &User, ed: &Edition) -> ServiceResult<BulkReport> {
    let mut conn = state.db.pool.acquire().await?;
    let list = enrollments::of_edition(&mut conn, ed.id).await?;
    drop(conn);
    let mut report = BulkReport::default();
    for e in list.iter().filter(|e| ACTIVE_STATES.contains(&e.state.as_str())) {
        let mut conn = state.db.pool.acquire().await?;
        let certs = repo::of_enrollment(&mut conn, e.id).await?;
        drop(conn);
        if certs.iter().any(|c| c.state == "valid") {
            report.already += 1;
            continue;
        }
        if certs.iter().any(|c| c.state == "revoked") {
            report.revoked += 1;
            continue;
        }
        match issue(state, Some(coordinator), ed, e.id).await {
            Ok((_, Issued::New)) => report.issued += 1,
            Ok((_, Issued::Existing)) => report.already += 1,
            Err(ServiceError::Refused("err-certificate-no-name")) => report.no_name += 1,
            Err(ServiceError::Refused(_)) => report.not_met += 1,
            Err(e) => return Err(e),
        }
    }
    Ok(report)
}

/// A certificate with its edition, for someone allowed to act on it (coordinators).
async fn coordinated(conn: &mut Conn, user: &User, id: i64) -> ServiceResult<(Certificate, Edition)> {
    if !user.role.is_coordinator() {
        return Err(ServiceError::NotFound);
    }
    let c = repo::by_id(conn, id).await?.ok_or(ServiceError::NotFound)?;
    let ed = programs::edition_by_id(conn, c.edition_id).await?.ok_or(ServiceError::NotFound)?;
    Ok((c, ed))
}

/// Revokes a valid certificate; the reason is shown on the verify page.
pub async fn revoke(state: &AppState, coordinator: &User, id: i64, reason: &str) -> ServiceResult<Certificate> {
    let reason = rules_text::reason(reason).map_err(|k| ServiceError::field("reason", k))?;
    let mut tx = state.db.begin_write().await?;
    let (c, ed) = coordinated(&mut tx, coordinator, id).await?;
    if !repo::revoke(&mut tx, c.id, &reason, coordinator.id).await? {
        return Err(ServiceError::Refused(msg!("err-certificate-not-valid")));
    }
    let before = serde_json::json!({ "certificate": c.id, "code": c.code, "state": c.state });
    let after = serde_json::json!({ "certificate": c.id, "state": "revoked", "reason": reason });
    record(&mut tx, coordinator, "certificate.revoke", &ed.slug, before, after).await?;
    let c = repo::by_id(&mut tx, c.id).await?.ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    Ok(c)
}

/// Issues a new certificate in place of `id` with the enrollment's current name: the old one
/// becomes superseded (a revoked one stays revoked), never deleted, and points to the new one.
pub async fn reissue(state: &AppState, coordinator: &User, id: i64) -> ServiceResult<Certificate> {
    let mut tx = state.db.begin_write().await?;
    let (old, ed) = coordinated(&mut tx, coordinator, id).await?;
    let fresh = reissue_in(state, &mut tx, Some(coordinator), &old, &ed).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(fresh)
}

async fn reissue_in(
    state: &AppState,
    tx: &mut Conn,
    actor: Option<&User>,
    old: &Certificate,
    ed: &Edition,
) -> ServiceResult<Certificate> {
    if old.state == "superseded" {
        return Err(ServiceError::Refused(msg!("err-certificate-superseded")));
    }
    let e = enrollments::by_id(tx, ed.id, old.enrollment_id).await?.ok_or(ServiceError::NotFound)?;
    if old.state == "valid" {
        repo::supersede(tx, old.id).await?;
    } else if repo::valid_of(tx, e.id).await?.is_some() {
        return Err(ServiceError::Refused(msg!("err-certificate-superseded")));
    }
    let snapshot = snapshot_of(tx, ed, now()).await?;
    let snapshot_json = serde_json::to_string(&snapshot).map_err(|e| ServiceError::Internal(e.to_string()))?;
    let code = new_code();
    let new = NewCertificate {
        enrollment_id: e.id,
        edition_id: ed.id,
        user_id: e.user_id,
        code: &code,
        name_latin: e.certificate_name_latin.trim(),
        name_native: e.certificate_name_native.trim(),
        snapshot: &snapshot_json,
        issued_by: actor.map(|a| a.id),
    };
    let id = repo::insert(tx, &new).await?;
    repo::set_successor(tx, old.id, id).await?;
    let before = serde_json::json!({ "certificate": old.id, "code": old.code, "name": old.name_latin });
    let after = serde_json::json!({ "certificate": id, "code": code, "name": e.certificate_name_latin });
    audit(tx, actor, "certificate.reissue", &ed.slug, before, after).await?;
    notify(state, tx, &e, ed).await?;
    repo::by_id(tx, id).await?.ok_or(ServiceError::NotFound)
}

/// A participant asks for their certificate name to be corrected.
pub async fn request_correction(
    state: &AppState,
    user: &User,
    ed: &Edition,
    latin: &str,
    native: &str,
    reason: &str,
) -> ServiceResult<i64> {
    let mut e = crate::domain::FieldErrors::new();
    let latin = e.check("name_latin", names::latin_name(latin).and_then(|n| n.ok_or(msg!("err-name-required"))));
    let native = e.check("name_native", names::optional_person_name(native));
    let reason = e.check("reason", names::short_text(reason));
    e.clone().into_result()?;
    let (Some(latin), Some(native), Some(reason)) = (latin, native, reason) else { return Err(e.into()) };
    let mut tx = state.db.begin_write().await?;
    let enrollment = enrollments::by_user(&mut tx, ed.id, user.id).await?.ok_or(ServiceError::NotFound)?;
    if !ACTIVE_STATES.contains(&enrollment.state.as_str()) {
        return Err(ServiceError::NotFound);
    }
    let pending = repo::corrections_of(&mut tx, enrollment.id).await?.iter().any(|c| c.state == "pending");
    if pending {
        return Err(ServiceError::Refused(msg!("err-correction-pending")));
    }
    let native = native.unwrap_or_default();
    if latin == enrollment.certificate_name_latin && native == enrollment.certificate_name_native {
        return Err(ServiceError::Refused(msg!("err-correction-same")));
    }
    let id = repo::add_correction(&mut tx, enrollment.id, &latin, &native, &reason).await?;
    tx.commit().await?;
    Ok(id)
}

/// A coordinator approves (the name changes and a valid certificate is re-issued) or rejects
/// a correction.
pub async fn decide_correction(
    state: &AppState,
    coordinator: &User,
    id: i64,
    approve: bool,
    note: &str,
) -> ServiceResult<Option<Certificate>> {
    if !coordinator.role.is_coordinator() {
        return Err(ServiceError::NotFound);
    }
    let note = names::short_text(note).map_err(|k| ServiceError::field("note", k))?;
    if !approve && note.is_empty() {
        return Err(ServiceError::field("note", msg!("err-reason-required")));
    }
    let mut tx = state.db.begin_write().await?;
    let c = repo::correction(&mut tx, id).await?.ok_or(ServiceError::NotFound)?;
    let (edition_id,): (i64,) = sqlx::query_as("SELECT edition_id FROM enrollments WHERE id = $1")
        .bind(c.enrollment_id)
        .fetch_one(&mut *tx)
        .await?;
    let ed = programs::edition_by_id(&mut tx, edition_id).await?.ok_or(ServiceError::NotFound)?;
    let state_name = if approve { "approved" } else { "rejected" };
    if !repo::decide_correction(&mut tx, c.id, state_name, coordinator.id, &note).await? {
        return Err(ServiceError::Refused(msg!("err-correction-decided")));
    }
    let e = enrollments::by_id(&mut tx, ed.id, c.enrollment_id).await?.ok_or(ServiceError::NotFound)?;
    let before = serde_json::json!({ "latin": e.certificate_name_latin, "native": e.certificate_name_native });
    let after = serde_json::json!({ "correction": c.id, "decision": state_name, "latin": c.name_latin, "native": c.name_native, "note": note });
    record(&mut tx, coordinator, "certificate.name_correction", &ed.slug, before, after).await?;
    let mut fresh = None;
    if approve {
        sqlx::query("UPDATE enrollments SET certificate_name_latin = $1, certificate_name_native = $2 WHERE id = $3")
            .bind(&c.name_latin)
            .bind(&c.name_native)
            .bind(e.id)
            .execute(&mut *tx)
            .await?;
        if let Some(old) = repo::valid_of(&mut tx, e.id).await? {
            fresh = Some(reissue_in(state, &mut tx, Some(coordinator), &old, &ed).await?);
        }
    }
    tx.commit().await?;
    state.mailer.wake();
    Ok(fresh)
}

/// What the public verify page says about a code.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Verification {
    /// `valid`, `revoked` or `superseded`.
    pub status: String,
    pub code: String,
    pub name_latin: String,
    pub name_native: String,
    #[serde(flatten)]
    pub shows: Snapshot,
    pub revoked_at: Option<String>,
    pub revoke_reason: Option<String>,
    /// The code of the certificate that replaced this one.
    pub superseded_by: Option<String>,
}

/// Certificates by their code, read together with those of concurrent verifications.
pub struct CertificatesByCode;

impl Lookup for CertificatesByCode {
    type Row = Certificate;
    const WHAT: &'static str = "certificate";
    fn read<'c>(conn: &'c mut Conn, keys: &'c [&'c str]) -> Found<'c, Certificate> {
        Box::pin(repo::by_codes(conn, keys))
    }
}

/// Looks a typed code up. Unknown and malformed codes are simply not found.
pub async fn verify(state: &AppState, conn: &mut impl Reads, typed: &str) -> ServiceResult<Verification> {
    let code = rules_text::normalise(typed).ok_or(ServiceError::NotFound)?;
    let c = state.certificate_reads.read(&state.db.pool, code).await?.ok_or(ServiceError::NotFound)?;
    let successor = match c.superseded_by {
        Some(id) => repo::by_id(conn.conn().await?, id).await?.map(|s| s.code),
        None => None,
    };
    Ok(Verification {
        status: c.state.clone(),
        code: c.code.clone(),
        name_latin: c.name_latin.clone(),
        name_native: c.name_native.clone(),
        shows: Snapshot::parse(&c.snapshot)?,
        revoked_at: c.revoked_at.as_deref().and_then(|d| d.get(..10)).map(str::to_string),
        revoke_reason: c.revoke_reason.clone(),
        superseded_by: successor,
    })
}

/// A certificate its owner or a coordinator may download.
pub async fn downloadable(conn: &mut Conn, user: &User, id: i64) -> ServiceResult<Certificate> {
    let c = repo::by_id(conn, id).await?.ok_or(ServiceError::NotFound)?;
    if c.user_id == user.id || user.role.is_coordinator() { Ok(c) } else { Err(ServiceError::NotFound) }
}
