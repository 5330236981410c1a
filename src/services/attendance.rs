//! Attendance at live sessions: the roster a trainer marks, the check-in secret behind a
//! session's changing QR code, and participants checking themselves in.

use serde::Serialize;

use super::learning::{access, edition};
use super::{ServiceError, ServiceResult, tokens};
use crate::db::Timestamp;
use crate::domain::attendance::{self as rules, CHECKIN, CodeCheck, ROSTER};
use crate::domain::user::User;
use crate::msg;
use crate::repo::attendance::{self as repo, Mark, NewMark, Participant};
use crate::repo::programs::{self, Edition};
use crate::repo::schedule::{self, LiveSession};
use crate::repo::{Conn, learning};
use crate::state::AppState;

/// One participant on a session's roster with their mark, if any.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RosterRow {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub organisation: String,
    /// `present`, `late`, `excused`, `absent`, or null when not marked yet.
    pub status: Option<String>,
    /// `roster`, `checkin` or `import`.
    pub source: Option<String>,
    /// Minutes attended, for marks from an import.
    pub minutes: Option<i64>,
    pub marked_at: Option<String>,
}

/// How many participants have each mark.
#[derive(Debug, Clone, Copy, Default, Serialize, utoipa::ToSchema)]
pub struct Counts {
    pub present: usize,
    pub late: usize,
    pub excused: usize,
    pub absent: usize,
    pub unmarked: usize,
}

impl Counts {
    pub fn of(rows: &[RosterRow]) -> Self {
        let mut c = Counts::default();
        for r in rows {
            match r.status.as_deref() {
                Some("present") => c.present += 1,
                Some("late") => c.late += 1,
                Some("excused") => c.excused += 1,
                Some("absent") => c.absent += 1,
                _ => c.unmarked += 1,
            }
        }
        c
    }
}

/// A session's roster.
pub struct Roster {
    pub edition: Edition,
    pub session: LiveSession,
    pub rows: Vec<RosterRow>,
    pub counts: Counts,
}

fn row(p: &Participant, m: Option<&Mark>) -> RosterRow {
    RosterRow {
        user_id: p.user_id,
        name: p.display_name.clone(),
        email: p.email.clone(),
        country: p.country.clone(),
        organisation: p.organisation.clone(),
        status: m.map(|m| m.status.clone()),
        source: m.map(|m| m.source.clone()),
        minutes: m.and_then(|m| m.minutes),
        marked_at: m.map(|m| m.marked_at.clone()),
    }
}

/// A session and its edition by the session's id alone.
pub async fn session(conn: &mut Conn, session_id: i64) -> ServiceResult<(Edition, LiveSession)> {
    let edition_id = repo::edition_of_session(conn, session_id).await?.ok_or(ServiceError::NotFound)?;
    let ed = programs::edition_by_id(conn, edition_id).await?.ok_or(ServiceError::NotFound)?;
    let s = schedule::by_id(conn, ed.id, session_id).await?.ok_or(ServiceError::NotFound)?;
    Ok((ed, s))
}

/// The session, if `user` teaches its edition (trainers of the edition, coordinators);
/// not found for everyone else. With `slug`, the session must belong to that edition.
pub async fn teachable_session(
    conn: &mut Conn,
    user: &User,
    slug: Option<&str>,
    session_id: i64,
) -> ServiceResult<(Edition, LiveSession)> {
    let (ed, s) = match slug {
        Some(slug) => {
            let ed = edition(conn, slug).await?;
            let s = schedule::by_id(conn, ed.id, session_id).await?.ok_or(ServiceError::NotFound)?;
            (ed, s)
        }
        None => session(conn, session_id).await?,
    };
    if access(conn, &ed, Some(user)).await?.can_teach() { Ok((ed, s)) } else { Err(ServiceError::NotFound) }
}

async fn rows_of(conn: &mut Conn, edition_id: i64, session_id: i64) -> Result<Vec<RosterRow>, sqlx::Error> {
    let marks = repo::marks(conn, session_id).await?;
    Ok(repo::participants(conn, edition_id)
        .await?
        .iter()
        .map(|p| row(p, marks.iter().find(|m| m.user_id == p.user_id)))
        .collect())
}

/// The roster of a session for someone who teaches it.
pub async fn roster(conn: &mut Conn, user: &User, slug: Option<&str>, session_id: i64) -> ServiceResult<Roster> {
    let (edition, session) = teachable_session(conn, user, slug, session_id).await?;
    let rows = rows_of(conn, edition.id, session.id).await?;
    let counts = Counts::of(&rows);
    Ok(Roster { edition, session, rows, counts })
}

/// A trainer's mark for one participant (any mark, replacing whatever was there). People
/// who are not active participants of the edition are not on the roster: not found.
pub async fn set_mark(
    state: &AppState,
    user: &User,
    slug: Option<&str>,
    session_id: i64,
    participant: i64,
    status: &str,
) -> ServiceResult<(RosterRow, Counts)> {
    let mut tx = state.db.begin_write().await?;
    let (ed, s) = teachable_session(&mut tx, user, slug, session_id).await?;
    let status = rules::status(status).map_err(|k| ServiceError::field("status", k))?;
    let people = repo::participants(&mut tx, ed.id).await?;
    if !people.iter().any(|p| p.user_id == participant) {
        return Err(ServiceError::NotFound);
    }
    let mark = NewMark {
        session_id: s.id,
        user_id: participant,
        status,
        source: ROSTER,
        minutes: None,
        marked_by: Some(user.id),
    };
    repo::set(&mut tx, &mark).await?;
    let rows = rows_of(&mut tx, ed.id, s.id).await?;
    tx.commit().await?;
    let counts = Counts::of(&rows);
    let mine = rows.into_iter().find(|r| r.user_id == participant).ok_or(ServiceError::NotFound)?;
    Ok((mine, counts))
}

/// The session's check-in secret, made on first use.
pub async fn checkin_secret(
    state: &AppState,
    user: &User,
    slug: &str,
    session_id: i64,
) -> ServiceResult<(Edition, LiveSession, String)> {
    let mut tx = state.db.begin_write().await?;
    let (ed, s) = teachable_session(&mut tx, user, Some(slug), session_id).await?;
    let mut secret = repo::checkin_secret(&mut tx, s.id).await?;
    if secret.is_empty() {
        repo::set_checkin_secret_if_empty(&mut tx, s.id, &tokens::random_token()).await?;
        secret = repo::checkin_secret(&mut tx, s.id).await?;
    }
    tx.commit().await?;
    Ok((ed, s, secret))
}

/// What a check-in did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckinOutcome {
    /// Marked present now.
    Marked,
    /// Already present: nothing changed.
    AlreadyPresent,
    /// A trainer's mark (late or excused), or an import's, is kept.
    Kept,
}

pub struct Checkin {
    pub edition: Edition,
    pub session: LiveSession,
    pub outcome: CheckinOutcome,
    /// The mark the person has now.
    pub status: String,
}

/// Marks `user` present at the session when `code` is the session's code of this minute or
/// the previous one, the session is running (from 30 minutes before its start to its end)
/// and `user` is an active participant. Any refusal changes nothing.
pub async fn check_in(
    state: &AppState,
    user: &User,
    session_id: i64,
    code: &str,
    now: Timestamp,
) -> ServiceResult<Checkin> {
    let mut tx = state.db.begin_write().await?;
    let (edition, session) = self::session(&mut tx, session_id).await?;
    let secret = repo::checkin_secret(&mut tx, session.id).await?;
    match rules::check_code(&secret, session.id, code, rules::minute_of(now)) {
        CodeCheck::Valid => {}
        CodeCheck::Expired => return Err(ServiceError::Refused(msg!("err-checkin-expired"))),
        CodeCheck::Invalid => return Err(ServiceError::Refused(msg!("err-checkin-invalid"))),
    }
    if !rules::accepts_checkin(session.start(), session.end(), now) {
        return Err(ServiceError::Refused(msg!("err-checkin-not-running")));
    }
    let state_now = learning::enrollment_state(&mut tx, edition.id, user.id).await?;
    if !state_now.is_some_and(|s| learning::ACTIVE_STATES.contains(&s.as_str())) {
        return Err(ServiceError::Refused(msg!("err-checkin-not-enrolled")));
    }
    let current = repo::mark_of(&mut tx, session.id, user.id).await?;
    let (outcome, status) = match &current {
        Some(m) if m.status == "present" => (CheckinOutcome::AlreadyPresent, m.status.clone()),
        Some(m) if !rules::automatic_may_replace(Some((&m.status, &m.source)), CHECKIN) => {
            (CheckinOutcome::Kept, m.status.clone())
        }
        _ => {
            let mark = NewMark {
                session_id: session.id,
                user_id: user.id,
                status: "present",
                source: CHECKIN,
                minutes: None,
                marked_by: Some(user.id),
            };
            repo::set(&mut tx, &mark).await?;
            (CheckinOutcome::Marked, "present".to_string())
        }
    };
    tx.commit().await?;
    Ok(Checkin { edition, session, outcome, status })
}

/// (session id → counts) over an edition's sessions, for the sessions page.
pub async fn counts_by_session(
    conn: &mut Conn,
    edition_id: i64,
) -> Result<std::collections::HashMap<i64, Counts>, sqlx::Error> {
    let participants = i64::try_from(repo::participants(conn, edition_id).await?.len()).unwrap_or(0);
    let mut out: std::collections::HashMap<i64, Counts> = std::collections::HashMap::new();
    let mut marked: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    for (session, status, n) in repo::counts(conn, edition_id).await? {
        let c = out.entry(session).or_default();
        let n_usize = usize::try_from(n).unwrap_or(0);
        match status.as_str() {
            "present" => c.present = n_usize,
            "late" => c.late = n_usize,
            "excused" => c.excused = n_usize,
            _ => c.absent = n_usize,
        }
        *marked.entry(session).or_default() += n;
    }
    for s in schedule::of_edition(conn, edition_id).await? {
        let c = out.entry(s.id).or_default();
        c.unmarked = usize::try_from(participants - marked.get(&s.id).copied().unwrap_or(0)).unwrap_or(0);
    }
    Ok(out)
}
