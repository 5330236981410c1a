//! Attendance of an online session from the meeting's report (`email,minutes` per line):
//! a preview that writes nothing, then the import in one transaction. Each person is
//! marked by the share of the session they attended; unknown people and people not in the
//! edition are listed as skipped with their line; a mark a trainer set by hand is kept
//! (unless it is `absent`).

use std::collections::HashMap;

use serde::Serialize;

use super::attendance::teachable_session;
use super::editions_admin::record;
use super::{ServiceError, ServiceResult};
use crate::domain::attendance::{self as rules, IMPORT};
use crate::domain::attendance_csv::{self, MinutesLine};
use crate::domain::roster;
use crate::domain::user::User;
use crate::i18n::{FluentValue, t, t_args};
use crate::msg;
use crate::repo::attendance::{self as repo, NewMark};
use crate::repo::programs::Edition;
use crate::repo::schedule::LiveSession;
use crate::repo::{Conn, users};
use crate::state::AppState;

/// What happened to one line of the file.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportLine {
    pub line: usize,
    pub email: String,
    /// `marked` (or to be marked, in a preview), `kept` (a trainer's mark stays), `added`
    /// (minutes added to the person's first line) or `skipped`.
    pub outcome: String,
    /// The person's mark after the import.
    pub status: Option<String>,
    /// Minutes attended (all the person's lines together).
    pub minutes: Option<i64>,
    /// Why a line was skipped or kept, in the caller's language.
    pub message: String,
}

/// The outcome of an import or its preview.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub session_id: i64,
    /// The session's length in minutes: 75 % of it is present, 25 % late.
    pub session_minutes: i64,
    /// True for a preview: nothing was written.
    pub preview: bool,
    pub marked: usize,
    pub kept: usize,
    pub skipped: usize,
    pub lines: Vec<ImportLine>,
}

/// The text of an uploaded or pasted file, or why it cannot be read.
pub fn read(bytes: &[u8]) -> ServiceResult<Vec<MinutesLine>> {
    let text = roster::decode(bytes).map_err(|p| ServiceError::field("file", p.key()))?;
    attendance_csv::parse(&text).map_err(|p| ServiceError::field("file", p.key()))
}

/// Checks (`preview`) or imports a report for a session the user teaches.
pub async fn import(
    state: &AppState,
    user: &User,
    slug: Option<&str>,
    session_id: i64,
    bytes: &[u8],
    preview: bool,
    lang: &str,
) -> ServiceResult<ImportReport> {
    let mut tx = state.db.begin_write().await?;
    let (ed, session) = teachable_session(&mut tx, user, slug, session_id).await?;
    let lines = read(bytes)?;
    let report = apply(&mut tx, user, &ed, &session, &lines, preview, lang).await?;
    if preview {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
    }
    Ok(report)
}

async fn apply(
    tx: &mut Conn,
    user: &User,
    ed: &Edition,
    session: &LiveSession,
    lines: &[MinutesLine],
    preview: bool,
    lang: &str,
) -> ServiceResult<ImportReport> {
    let length = (session.end().0 - session.start().0).whole_minutes();
    let people: HashMap<String, i64> =
        repo::participants(tx, ed.id).await?.into_iter().map(|p| (p.email, p.user_id)).collect();
    // The outcome of each person, under the line that first names them.
    let mut by_line: HashMap<usize, ImportLine> = HashMap::new();
    let mut first_line_of: HashMap<usize, usize> = HashMap::new();
    for total in attendance_csv::totals(lines) {
        for more in &total.more_lines {
            first_line_of.insert(*more, total.line);
        }
        let mut out = ImportLine {
            line: total.line,
            email: total.email.clone(),
            outcome: "skipped".into(),
            status: None,
            minutes: Some(total.minutes),
            message: String::new(),
        };
        match people.get(&total.email) {
            None => {
                let known = users::by_email(tx, &total.email).await?.is_some();
                out.message = t(
                    lang,
                    if known { msg!("attendance-import-not-enrolled") } else { msg!("attendance-import-unknown") },
                );
            }
            Some(&user_id) => {
                let status = rules::mark_for_minutes(total.minutes, length);
                let current = repo::mark_of(tx, session.id, user_id).await?;
                if rules::automatic_may_replace(
                    current.as_ref().map(|m| (m.status.as_str(), m.source.as_str())),
                    IMPORT,
                ) {
                    let mark = NewMark {
                        session_id: session.id,
                        user_id,
                        status,
                        source: IMPORT,
                        minutes: Some(total.minutes),
                        marked_by: Some(user.id),
                    };
                    if !preview {
                        repo::set(tx, &mark).await?;
                    }
                    out.outcome = "marked".into();
                    out.status = Some(status.to_string());
                } else {
                    out.outcome = "kept".into();
                    out.status = current.map(|m| m.status);
                    out.message = t(lang, msg!("attendance-import-kept"));
                }
            }
        }
        by_line.insert(total.line, out);
    }
    let mut report = ImportReport {
        session_id: session.id,
        session_minutes: length,
        preview,
        marked: 0,
        kept: 0,
        skipped: 0,
        lines: Vec::new(),
    };
    for l in lines {
        let out = match (&l.minutes, by_line.remove(&l.line), first_line_of.get(&l.line)) {
            (Err(key), _, _) => ImportLine {
                line: l.line,
                email: l.email.clone(),
                outcome: "skipped".into(),
                status: None,
                minutes: None,
                message: t(lang, key),
            },
            (Ok(_), Some(out), _) => out,
            (Ok(m), None, first) => ImportLine {
                line: l.line,
                email: l.email.clone(),
                outcome: "added".into(),
                status: None,
                minutes: Some(*m),
                message: t_args(
                    lang,
                    msg!("attendance-import-added"),
                    &[("line", FluentValue::from(first.copied().unwrap_or_default()))],
                ),
            },
        };
        match out.outcome.as_str() {
            "marked" => report.marked += 1,
            "kept" => report.kept += 1,
            "skipped" => report.skipped += 1,
            _ => {}
        }
        report.lines.push(out);
    }
    if !preview {
        let after = serde_json::json!({
            "session": session.id, "title": session.title, "marked": report.marked, "kept": report.kept,
            "skipped": report.skipped,
        });
        record(tx, user, "attendance.import", &ed.slug, serde_json::Value::Null, after).await?;
    }
    Ok(report)
}
