//! The trainers' progress view of an edition: who may see it (the edition's trainers and
//! coordinators; e-mail addresses for coordinators only) and its rows, filtered and sorted.

use super::learning::{Access, access, edition};
use super::{ServiceError, ServiceResult};
use crate::db::now;
use crate::domain::edition_progress::{self as rules, Counters, Figures, Filter, Parsed, RawFilter, Size, Summary};
use crate::domain::user::User;
use crate::repo::edition_progress::{self as repo, ProgressRow};
use crate::repo::programs::Edition;
use crate::state::AppState;

/// One participant with their figures.
#[derive(Debug, Clone)]
pub struct Line {
    pub row: ProgressRow,
    pub figures: Figures,
}

/// Everything the page and the downloads show.
#[derive(Debug, Clone)]
pub struct ProgressView {
    pub edition: Edition,
    /// Personal contact data (e-mail addresses) is for coordinators only.
    pub show_email: bool,
    pub filter: Filter,
    /// Message keys of refused filter values; with any, no rows are read.
    pub problems: Vec<&'static str>,
    pub size: Size,
    pub lines: Vec<Line>,
    pub summary: Summary,
    /// The countries of the edition's participants, for the filter.
    pub countries: Vec<String>,
}

fn counters(r: &ProgressRow) -> Counters {
    Counters { lessons_done: r.lessons_done, present: r.present, late: r.late, excused: r.excused, absent: r.absent }
}

fn sort(lines: &mut Vec<Line>, by: &str) {
    // Each name is lower-cased once, not at every comparison: editions hold thousands.
    let mut keyed: Vec<(String, Line)> = std::mem::take(lines)
        .into_iter()
        .map(|l| (rules::shown_name(&l.row.display_name, &l.row.name_latin, &l.row.name_native).0.to_lowercase(), l))
        .collect();
    keyed.sort_by(|(na, a), (nb, b)| {
        let first = match by {
            "lessons" => b.figures.lessons_done.cmp(&a.figures.lessons_done),
            "attendance" => {
                let key = |l: &Line| l.figures.attendance_share.unwrap_or(-1.0);
                key(b).total_cmp(&key(a))
            }
            _ => std::cmp::Ordering::Equal,
        };
        first.then_with(|| na.cmp(nb)).then(a.row.user_id.cmp(&b.row.user_id))
    });
    *lines = keyed.into_iter().map(|(_, l)| l).collect();
}

/// The edition's progress view for `user`, or not found when they do not teach it.
pub async fn view(state: &AppState, user: &User, slug: &str, raw: &RawFilter) -> ServiceResult<ProgressView> {
    let mut conn = state.db.pool.acquire().await?;
    let ed = edition(&mut conn, slug).await?;
    let who = access(&mut conn, &ed, Some(user)).await?;
    if !who.can_teach() {
        return Err(ServiceError::NotFound);
    }
    let Parsed { filter, problems } = rules::parse(raw);
    let (lessons, sessions_held) = repo::size(&mut conn, ed.id, &now().db()).await?;
    let size = Size { lessons, sessions_held };
    let mut countries = repo::countries(&mut conn, ed.id).await?;
    countries.sort();
    let rows = if problems.is_empty() {
        repo::participants(&mut conn, ed.id, &filter.country, &filter.state).await?
    } else {
        Vec::new()
    };
    let mut lines: Vec<Line> = rows
        .into_iter()
        .filter(|r| {
            rules::matches_search(&filter.q, &[r.display_name.as_str(), r.name_latin.as_str(), r.name_native.as_str()])
        })
        .map(|row| Line { figures: rules::figures(&counters(&row), size), row })
        .collect();
    sort(&mut lines, filter.sort);
    let pairs: Vec<(Figures, bool)> =
        lines.iter().map(|l| (l.figures, l.row.state == crate::domain::enrollment::COMPLETED)).collect();
    Ok(ProgressView {
        edition: ed,
        show_email: who == Access::Coordinator,
        filter,
        problems,
        size,
        summary: rules::summary(&pairs),
        lines,
        countries,
    })
}
