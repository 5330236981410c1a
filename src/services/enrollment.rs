//! Applying to an edition and every change of an application's state. Each change runs in
//! one write transaction that first locks the edition, takes or frees seats with conditional
//! updates, queues the applicant's email and records the decision in the audit log. When a
//! seat frees, the first waitlisted person who fits the quota is offered it in the same
//! transaction.

use serde::Serialize;

use super::editions_admin::record;
use super::learning::edition;
use super::{ServiceError, ServiceResult, tokens};
use crate::db::{Timestamp, now};
use crate::domain::enrollment::{
    self as rules, ACCEPTED, ApplicationInput, EXPIRED, OFFERED, REJECTED, SUBMITTED, WAITLISTED, WITHDRAWN,
};
use crate::domain::schedule;
use crate::domain::user::User;
use crate::mail::{self, compose::EnrollmentNews};
use crate::msg;
use crate::repo::enrollments::{self as repo, Enrollment, Transition};
use crate::repo::programs::{self, Edition};
use crate::repo::{Conn, users};
use crate::state::AppState;

/// Why a waitlisted person is waiting.
pub const REASON_CAPACITY: &str = "capacity";
pub const REASON_QUOTA: &str = "quota";
pub const REASON_COORDINATOR: &str = "coordinator";

/// What an applicant sees of their application.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Status {
    pub edition: String,
    pub state: String,
    /// 1 for the first in line, while waitlisted.
    pub waitlist_position: Option<i64>,
    /// RFC 3339, while a seat is offered.
    pub offer_expires_at: Option<String>,
    pub may_edit: bool,
    pub may_withdraw: bool,
}

pub async fn status_of(conn: &mut Conn, ed: &Edition, e: &Enrollment) -> Result<Status, sqlx::Error> {
    let position = match (e.state.as_str(), e.queue_number) {
        (WAITLISTED, Some(q)) => Some(repo::waitlist_position(conn, ed.id, q).await?),
        _ => None,
    };
    Ok(Status {
        edition: ed.slug.clone(),
        state: e.state.clone(),
        waitlist_position: position,
        offer_expires_at: e.offer_expires_at.as_deref().and_then(Timestamp::parse).map(|t| t.rfc3339()),
        may_edit: rules::may_edit(&e.state) && ed.is_open(now()),
        may_withdraw: rules::may_withdraw(&e.state),
    })
}

fn link(state: &AppState, ed: &Edition) -> String {
    state.config.link(&format!("/editions/{}/application", ed.slug))
}

/// Queues the applicant's message about `news`.
async fn tell(
    conn: &mut Conn,
    state: &AppState,
    ed: &Edition,
    e: &Enrollment,
    news: &EnrollmentNews<'_>,
    note: &str,
) -> Result<(), sqlx::Error> {
    let lang = if e.preferred_language.is_empty() { "en" } else { e.preferred_language.as_str() };
    let message = mail::compose::enrollment(lang, &e.display_name, &ed.title, &link(state, ed), news, note);
    mail::queue(conn, &e.email, &e.display_name, &message).await?;
    Ok(())
}

/// Takes a seat (and a country seat under a quota). `None` when taken; else why not.
async fn take_seat(
    conn: &mut Conn,
    ed: &Edition,
    country: &str,
    force: bool,
) -> Result<Option<&'static str>, sqlx::Error> {
    if !repo::take_seat(conn, ed.id, force).await? {
        return Ok(Some(REASON_CAPACITY));
    }
    if let Some(quota) = ed.country_quota {
        if !repo::take_country_seat(conn, ed.id, country, quota, force).await? {
            repo::release_seat(conn, ed.id).await?;
            return Ok(Some(REASON_QUOTA));
        }
    }
    Ok(None)
}

async fn free_seat(conn: &mut Conn, ed: &Edition, country: &str) -> Result<(), sqlx::Error> {
    repo::release_seat(conn, ed.id).await?;
    if ed.country_quota.is_some() {
        repo::release_country_seat(conn, ed.id, country).await?;
    }
    Ok(())
}

/// Offers free seats to the waitlist, in order, skipping people whose country is at its
/// quota. Returns how many offers were made.
async fn offer_free_seats(conn: &mut Conn, state: &AppState, ed: &Edition) -> Result<u32, sqlx::Error> {
    let mut made = 0;
    for candidate in repo::waitlist(conn, ed.id).await? {
        match take_seat(conn, ed, &candidate.country, false).await? {
            Some(REASON_CAPACITY) => break,
            Some(_) => continue,
            None => {}
        }
        let expires = now().plus_minutes(ed.offer_hours * 60);
        let t = Transition {
            from: WAITLISTED,
            to: OFFERED,
            holds_seat: true,
            queue_number: candidate.queue_number,
            waitlist_reason: "",
            offer_expires_at: Some(expires),
        };
        if repo::transition(conn, candidate.id, &t).await? {
            let deadline = schedule::display(expires, &ed.time_zone);
            tell(conn, state, ed, &candidate, &EnrollmentNews::Offered { deadline: &deadline }, "").await?;
            audit(conn, None, ed, &candidate, WAITLISTED, OFFERED, "").await?;
            made += 1;
        } else {
            free_seat(conn, ed, &candidate.country).await?;
        }
    }
    Ok(made)
}

async fn audit(
    conn: &mut Conn,
    actor: Option<&User>,
    ed: &Edition,
    e: &Enrollment,
    from: &str,
    to: &str,
    reason: &str,
) -> Result<(), sqlx::Error> {
    let entry = crate::repo::audit::AuditEntry {
        actor_id: actor.map(|a| a.id),
        action: "enrollment.state",
        subject_type: "enrollment",
        subject_id: e.id.to_string(),
        before: serde_json::json!({ "state": from }),
        after: serde_json::json!({ "state": to, "edition": ed.slug, "user": e.user_id }),
        reason,
    };
    crate::repo::audit::record(conn, entry).await
}

/// Waitlists `e` (coming from `from`) at the end of the queue; returns its position.
async fn put_on_waitlist(
    conn: &mut Conn,
    ed: &Edition,
    e: &Enrollment,
    from: &str,
    reason: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let queue = repo::next_queue_number(conn, ed.id).await?;
    let t = Transition {
        from,
        to: WAITLISTED,
        holds_seat: false,
        queue_number: Some(queue),
        waitlist_reason: reason,
        offer_expires_at: None,
    };
    if !repo::transition(conn, e.id, &t).await? {
        return Ok(None);
    }
    Ok(Some(repo::waitlist_position(conn, ed.id, queue).await?))
}

/// Checks an invitation token for `user` and this edition; marks it used.
async fn redeem_invitation(conn: &mut Conn, ed: &Edition, user: &User, token: &str) -> ServiceResult<bool> {
    let invitation = repo::invitation_by_hash(conn, &tokens::token_hash(token))
        .await?
        .filter(|i| i.edition_id == ed.id)
        .ok_or(ServiceError::Refused(msg!("err-invitation-invalid")))?;
    if !invitation.email.eq_ignore_ascii_case(&user.email) {
        return Err(ServiceError::Refused(msg!("err-invitation-other-email")));
    }
    let expired = Timestamp::parse(&invitation.expires_at).is_none_or(|t| t < now());
    if invitation.used_at.is_some() || expired {
        return Err(ServiceError::Refused(msg!("err-invitation-expired")));
    }
    if !repo::use_invitation(conn, invitation.id).await? {
        return Err(ServiceError::Refused(msg!("err-invitation-expired")));
    }
    Ok(invitation.skip_review != 0)
}

/// Submits `user`'s application. "Open" admission (or an invitation that skips review)
/// takes a seat at once when one is free and waitlists otherwise.
/// The answers to the edition's extra questions, as stored JSON; a problem is reported on
/// the `answers` field (the page marks each question itself).
async fn answers(conn: &mut Conn, edition_id: i64, input: &ApplicationInput) -> ServiceResult<String> {
    let questions = repo::questions_of(conn, edition_id).await?;
    match crate::domain::questions::check_answers(&questions, &input.answers) {
        Ok(a) => Ok(serde_json::to_string(&a).unwrap_or_else(|_| "{}".into())),
        Err(problems) => {
            Err(ServiceError::field("answers", problems.first().map_or(msg!("err-invalid-input"), |p| p.1)))
        }
    }
}

pub async fn apply(state: &AppState, user: &User, slug: &str, input: &ApplicationInput) -> ServiceResult<Status> {
    let application = input.validate()?;
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    let answers = answers(&mut tx, ed.id, input).await?;
    if repo::by_user(&mut tx, ed.id, user.id).await?.is_some() {
        return Err(ServiceError::Refused(msg!("err-already-applied")));
    }
    let invited = input.invitation.trim();
    let skip_review = if invited.is_empty() {
        if !ed.is_open(now()) {
            return Err(ServiceError::Refused(msg!("err-applications-closed")));
        }
        false
    } else {
        redeem_invitation(&mut tx, &ed, user, invited).await?
    };
    let auto = ed.admission_mode == "open" || skip_review;
    if !auto && ed.seats_taken >= ed.capacity {
        return Err(ServiceError::Refused(msg!("err-edition-full")));
    }
    let id = match repo::insert(&mut tx, ed.id, user.id, &application, &answers).await {
        Ok(id) => id,
        Err(e) if crate::db::is_unique_violation(&e) => return Err(ServiceError::Refused(msg!("err-already-applied"))),
        Err(e) => return Err(e.into()),
    };
    let e = repo::by_id(&mut tx, ed.id, id).await?.ok_or(ServiceError::NotFound)?;
    audit(&mut tx, Some(user), &ed, &e, "", SUBMITTED, "").await?;
    if auto {
        // Only the place-taking part runs under the edition's lock: the unique (edition,
        // person) constraint already guards the insert above.
        repo::lock_edition(&mut tx, ed.id).await?;
        match take_seat(&mut tx, &ed, &application.country, false).await? {
            None => {
                let t = Transition {
                    from: SUBMITTED,
                    to: ACCEPTED,
                    holds_seat: true,
                    queue_number: None,
                    waitlist_reason: "",
                    offer_expires_at: None,
                };
                repo::transition(&mut tx, id, &t).await?;
                audit(&mut tx, None, &ed, &e, SUBMITTED, ACCEPTED, "").await?;
                tell(&mut tx, state, &ed, &e, &EnrollmentNews::Accepted, "").await?;
            }
            Some(reason) => {
                let position = put_on_waitlist(&mut tx, &ed, &e, SUBMITTED, reason).await?.unwrap_or(0);
                audit(&mut tx, None, &ed, &e, SUBMITTED, WAITLISTED, reason).await?;
                tell(&mut tx, state, &ed, &e, &EnrollmentNews::Waitlisted { position }, "").await?;
            }
        }
    } else {
        tell(&mut tx, state, &ed, &e, &EnrollmentNews::Received, "").await?;
    }
    let after = repo::by_id(&mut tx, ed.id, id).await?.ok_or(ServiceError::NotFound)?;
    let status = status_of(&mut tx, &ed, &after).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(status)
}

/// Changes the form while the window is open and no decision has taken the person in.
pub async fn edit(state: &AppState, user: &User, slug: &str, input: &ApplicationInput) -> ServiceResult<Status> {
    let application = input.validate()?;
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    let e = repo::by_user(&mut tx, ed.id, user.id).await?.ok_or(ServiceError::NotFound)?;
    if !rules::may_edit(&e.state) || !ed.is_open(now()) {
        return Err(ServiceError::Refused(msg!("err-application-locked")));
    }
    let answers = answers(&mut tx, ed.id, input).await?;
    repo::update_application(&mut tx, e.id, &application, &answers).await?;
    let status = status_of(&mut tx, &ed, &e).await?;
    tx.commit().await?;
    Ok(status)
}

/// The applicant's application, if any.
pub async fn mine(conn: &mut Conn, ed: &Edition, user: &User) -> Result<Option<(Enrollment, Status)>, sqlx::Error> {
    match repo::by_user(conn, ed.id, user.id).await? {
        Some(e) => {
            let s = status_of(conn, ed, &e).await?;
            Ok(Some((e, s)))
        }
        None => Ok(None),
    }
}

/// The applicant withdraws; a seat they held goes to the waitlist.
pub async fn withdraw(state: &AppState, user: &User, slug: &str) -> ServiceResult<Status> {
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    repo::lock_edition(&mut tx, ed.id).await?;
    let ed = programs::edition_by_id(&mut tx, ed.id).await?.ok_or(ServiceError::NotFound)?;
    let e = repo::by_user(&mut tx, ed.id, user.id).await?.ok_or(ServiceError::NotFound)?;
    if !rules::may_withdraw(&e.state) {
        return Err(ServiceError::Refused(msg!("err-cannot-withdraw")));
    }
    let t = Transition {
        from: &e.state,
        to: WITHDRAWN,
        holds_seat: false,
        queue_number: None,
        waitlist_reason: "",
        offer_expires_at: None,
    };
    if !repo::transition(&mut tx, e.id, &t).await? {
        return Err(ServiceError::Refused(msg!("err-cannot-withdraw")));
    }
    if e.holds_seat != 0 {
        free_seat(&mut tx, &ed, &e.country).await?;
    }
    audit(&mut tx, Some(user), &ed, &e, &e.state, WITHDRAWN, "").await?;
    tell(&mut tx, state, &ed, &e, &EnrollmentNews::Withdrawn, "").await?;
    let ed = programs::edition_by_id(&mut tx, ed.id).await?.ok_or(ServiceError::NotFound)?;
    offer_free_seats(&mut tx, state, &ed).await?;
    let after = repo::by_id(&mut tx, ed.id, e.id).await?.ok_or(ServiceError::NotFound)?;
    let status = status_of(&mut tx, &ed, &after).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(status)
}

/// The applicant takes up an offered seat before the offer expires.
pub async fn accept_offer(state: &AppState, user: &User, slug: &str) -> ServiceResult<Status> {
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    repo::lock_edition(&mut tx, ed.id).await?;
    let e = repo::by_user(&mut tx, ed.id, user.id).await?.ok_or(ServiceError::NotFound)?;
    let live = e.offer_expires_at.as_deref().and_then(Timestamp::parse).is_some_and(|t| t > now());
    if e.state != OFFERED || !live {
        return Err(ServiceError::Refused(msg!("err-no-offer")));
    }
    let t = Transition {
        from: OFFERED,
        to: ACCEPTED,
        holds_seat: true,
        queue_number: None,
        waitlist_reason: "",
        offer_expires_at: None,
    };
    repo::transition(&mut tx, e.id, &t).await?;
    audit(&mut tx, Some(user), &ed, &e, OFFERED, ACCEPTED, "").await?;
    tell(&mut tx, state, &ed, &e, &EnrollmentNews::Accepted, "").await?;
    let after = repo::by_id(&mut tx, ed.id, e.id).await?.ok_or(ServiceError::NotFound)?;
    let status = status_of(&mut tx, &ed, &after).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(status)
}

/// A coordinator's decision on several applications at once.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Decision {
    pub ids: Vec<i64>,
    /// `accepted`, `waitlisted` or `rejected`.
    pub decision: String,
    /// Sent to each applicant with the decision.
    pub message: String,
    /// Needed to accept beyond capacity or quota; recorded in the audit log.
    pub override_reason: String,
}

/// Applies a decision to every listed application, or to none: if one of them cannot be
/// accepted (no seat, over quota, without an override reason), nothing changes.
pub async fn decide(state: &AppState, coordinator: &User, slug: &str, d: &Decision) -> ServiceResult<u32> {
    let to = rules::DECISIONS
        .iter()
        .find(|s| **s == d.decision.trim())
        .copied()
        .ok_or_else(|| ServiceError::field("decision", msg!("err-decision-unknown")))?;
    if d.ids.is_empty() {
        return Err(ServiceError::field("ids", msg!("err-nothing-selected")));
    }
    let message = d.message.trim();
    if message.chars().count() > rules::MOTIVATION_MAX {
        return Err(ServiceError::field("message", msg!("err-motivation-too-long")));
    }
    let reason = d.override_reason.trim();
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    repo::lock_edition(&mut tx, ed.id).await?;
    let ed = programs::edition_by_id(&mut tx, ed.id).await?.ok_or(ServiceError::NotFound)?;
    let mut changed = 0;
    let mut freed = false;
    for id in &d.ids {
        let e = repo::by_id(&mut tx, ed.id, *id).await?.ok_or(ServiceError::NotFound)?;
        if e.state == to {
            continue;
        }
        if !rules::may_decide(&e.state, to) {
            return Err(ServiceError::Refused(msg!("err-decision-not-allowed")));
        }
        match to {
            ACCEPTED => {
                if e.holds_seat == 0 {
                    if let Some(why) = take_seat(&mut tx, &ed, &e.country, !reason.is_empty()).await? {
                        let key = if why == REASON_QUOTA { msg!("err-quota-full") } else { msg!("err-capacity-full") };
                        return Err(ServiceError::Refused(key));
                    }
                }
                let t = Transition {
                    from: &e.state,
                    to: ACCEPTED,
                    holds_seat: true,
                    queue_number: None,
                    waitlist_reason: "",
                    offer_expires_at: None,
                };
                repo::transition(&mut tx, e.id, &t).await?;
                tell(&mut tx, state, &ed, &e, &EnrollmentNews::Accepted, message).await?;
            }
            WAITLISTED => {
                if e.holds_seat != 0 {
                    free_seat(&mut tx, &ed, &e.country).await?;
                    freed = true;
                }
                let position = put_on_waitlist(&mut tx, &ed, &e, &e.state, REASON_COORDINATOR).await?.unwrap_or(0);
                tell(&mut tx, state, &ed, &e, &EnrollmentNews::Waitlisted { position }, message).await?;
            }
            _ => {
                if e.holds_seat != 0 {
                    free_seat(&mut tx, &ed, &e.country).await?;
                    freed = true;
                }
                let t = Transition {
                    from: &e.state,
                    to: REJECTED,
                    holds_seat: false,
                    queue_number: None,
                    waitlist_reason: "",
                    offer_expires_at: None,
                };
                repo::transition(&mut tx, e.id, &t).await?;
                tell(&mut tx, state, &ed, &e, &EnrollmentNews::Rejected, message).await?;
            }
        }
        let why = if reason.is_empty() { message } else { reason };
        audit(&mut tx, Some(coordinator), &ed, &e, &e.state, to, why).await?;
        changed += 1;
    }
    if freed {
        let ed = programs::edition_by_id(&mut tx, ed.id).await?.ok_or(ServiceError::NotFound)?;
        offer_free_seats(&mut tx, state, &ed).await?;
    }
    tx.commit().await?;
    state.mailer.wake();
    Ok(changed)
}

/// Offers the seats a capacity increase freed (called after an edition is saved).
pub async fn fill_free_seats(state: &AppState, edition_id: i64) -> ServiceResult<u32> {
    let mut tx = state.db.begin_write().await?;
    repo::lock_edition(&mut tx, edition_id).await?;
    let ed = programs::edition_by_id(&mut tx, edition_id).await?.ok_or(ServiceError::NotFound)?;
    let made = offer_free_seats(&mut tx, state, &ed).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(made)
}

/// Ends offers whose time ran out (as of `at`) and passes their seats on. Returns how many.
pub async fn expire_offers(state: &AppState, at: Timestamp) -> ServiceResult<u32> {
    let mut conn = state.db.pool.acquire().await?;
    let due = repo::expired_offers(&mut conn, at).await?;
    drop(conn);
    let mut ended = 0;
    for (edition_id, id) in due {
        let mut tx = state.db.begin_write().await?;
        repo::lock_edition(&mut tx, edition_id).await?;
        let ed = programs::edition_by_id(&mut tx, edition_id).await?.ok_or(ServiceError::NotFound)?;
        let Some(e) = repo::by_id(&mut tx, edition_id, id).await? else { continue };
        let t = Transition {
            from: OFFERED,
            to: EXPIRED,
            holds_seat: false,
            queue_number: None,
            waitlist_reason: "",
            offer_expires_at: None,
        };
        let still_due = e.offer_expires_at.as_deref().and_then(Timestamp::parse).is_some_and(|t| t < at);
        if still_due && repo::transition(&mut tx, e.id, &t).await? {
            free_seat(&mut tx, &ed, &e.country).await?;
            audit(&mut tx, None, &ed, &e, OFFERED, EXPIRED, "").await?;
            tell(&mut tx, state, &ed, &e, &EnrollmentNews::OfferExpired, "").await?;
            let ed = programs::edition_by_id(&mut tx, edition_id).await?.ok_or(ServiceError::NotFound)?;
            offer_free_seats(&mut tx, state, &ed).await?;
            ended += 1;
        }
        tx.commit().await?;
    }
    state.mailer.wake();
    Ok(ended)
}

/// Sends each coordinator, once a day, the count of new applications per edition over the
/// last 24 hours. Returns the number of messages queued (0 when already sent today).
pub async fn daily_digest(state: &AppState, at: Timestamp) -> ServiceResult<usize> {
    let today = at.rfc3339()[..10].to_string();
    let mut tx = state.db.begin_write().await?;
    if !repo::claim_job(&mut tx, "applications-digest", &today).await? {
        return Ok(0);
    }
    let lines: Vec<(String, i64)> =
        repo::submitted_since(&mut tx, at.plus_minutes(-24 * 60)).await?.into_iter().map(|(_, t, n)| (t, n)).collect();
    let mut sent = 0;
    if !lines.is_empty() {
        for c in users::coordinators(&mut tx).await? {
            let lang =
                if c.profile.preferred_language.is_empty() { "en" } else { c.profile.preferred_language.as_str() };
            let message = mail::compose::digest(lang, &lines, &state.config.link("/manage/editions"));
            mail::queue(&mut tx, &c.email, &c.display_name, &message).await?;
            sent += 1;
        }
    }
    tx.commit().await?;
    state.mailer.wake();
    Ok(sent)
}

/// Adds an extra question to an edition's application form.
pub async fn add_question(
    state: &AppState,
    coordinator: &User,
    slug: &str,
    q: &crate::domain::questions::QuestionInput,
) -> ServiceResult<i64> {
    let (kind, label, choices, required) = crate::domain::questions::check_question(q)?;
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    let id = repo::insert_question(&mut tx, ed.id, kind, &label, &choices, required).await?;
    let after = serde_json::json!({ "question": id, "kind": kind, "label": label, "required": required });
    record(&mut tx, coordinator, "edition.question.add", &ed.slug, serde_json::Value::Null, after).await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes an extra question (answers already given stay in the applications).
pub async fn remove_question(state: &AppState, coordinator: &User, slug: &str, id: i64) -> ServiceResult<()> {
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    if !repo::delete_question(&mut tx, ed.id, id).await? {
        return Err(ServiceError::NotFound);
    }
    let before = serde_json::json!({ "question": id });
    record(&mut tx, coordinator, "edition.question.remove", &ed.slug, before, serde_json::Value::Null).await?;
    tx.commit().await?;
    Ok(())
}
