//! The coordinators' reports: the figures across editions and for one edition, broken down
//! by year, edition, UNESCO region, country and organisation type, from one grouped read of
//! the enrollments (see `repo::reports`).

use std::collections::BTreeMap;

use super::{ServiceError, ServiceResult};
use crate::db::now;
use crate::domain::countries;
use crate::domain::report_figures::{Breakdown, EditionSize, Figures, Group, add_to, progress_band};
use crate::domain::report_filter::ReportFilter;
use crate::repo::Conn;
use crate::repo::reports::{self, CubeRow, EditionFacts, SessionMarks};

/// The same figures cut every way a report shows them.
#[derive(Debug, Default)]
pub struct Cuts {
    pub total: Figures,
    pub by_edition: BTreeMap<i64, Figures>,
    pub by_year: Breakdown<String>,
    pub by_region: Breakdown<String>,
    pub by_country: Breakdown<String>,
    pub by_org_type: Breakdown<String>,
}

fn size(facts: Option<&EditionFacts>) -> EditionSize {
    facts.map(|f| EditionSize { lessons: f.lessons, sessions_held: f.sessions_held }).unwrap_or_default()
}

fn region_of(country: &str) -> String {
    countries::find(country).map(|c| c.region.to_string()).unwrap_or_default()
}

fn cut(rows: &[CubeRow], editions: &[EditionFacts]) -> Cuts {
    let facts: BTreeMap<i64, &EditionFacts> = editions.iter().map(|e| (e.id, e)).collect();
    let mut c = Cuts::default();
    for r in rows {
        let f = facts.get(&r.edition_id).copied();
        let s = size(f);
        let g = Group {
            country: &r.country,
            state: &r.state,
            enrollments: r.enrollments,
            lessons_done: r.lessons_done,
            present: r.present,
            late: r.late,
            excused: r.excused,
            certificates: r.certificates,
        };
        c.total.add(&g, s);
        c.by_edition.entry(r.edition_id).or_default().add(&g, s);
        let year = f.and_then(|f| f.starts_on.get(..4)).unwrap_or_default().to_string();
        add_to(&mut c.by_year, year, &g, s);
        add_to(&mut c.by_region, region_of(&r.country), &g, s);
        add_to(&mut c.by_country, r.country.clone(), &g, s);
        add_to(&mut c.by_org_type, r.organisation_type.clone(), &g, s);
    }
    c
}

/// Program and edition names a filter gives must exist; otherwise the report says so.
pub fn unknown_names(f: &ReportFilter, editions: &[EditionFacts]) -> Vec<&'static str> {
    let mut problems = Vec::new();
    if !f.program.is_empty() && !editions.iter().any(|e| e.program_slug == f.program) {
        problems.push(crate::msg!("report-bad-program"));
    }
    if !f.edition.is_empty() && !editions.iter().any(|e| e.slug == f.edition) {
        problems.push(crate::msg!("report-bad-edition"));
    }
    problems
}

/// Every edition with its facts (for filters and denominators).
pub async fn editions(conn: &mut Conn) -> ServiceResult<Vec<EditionFacts>> {
    Ok(reports::editions(conn, &now().db()).await?)
}

/// The cross-edition report: the editions the filter keeps, and the figures cut every way.
pub struct Overview {
    pub editions: Vec<EditionFacts>,
    pub cuts: Cuts,
}

pub async fn overview(conn: &mut Conn, f: &ReportFilter, editions: Vec<EditionFacts>) -> ServiceResult<Overview> {
    let rows = reports::cube(conn, f).await?;
    let cuts = cut(&rows, &editions);
    let kept: Vec<EditionFacts> = editions.into_iter().filter(|e| cuts.by_edition.contains_key(&e.id)).collect();
    Ok(Overview { editions: kept, cuts })
}

/// One edition's report.
pub struct EditionReport {
    pub edition: EditionFacts,
    pub cuts: Cuts,
    pub sessions: Vec<SessionMarks>,
    /// Participants per lesson-progress band (none … all), see `progress_band`.
    pub progress_bands: [i64; 6],
    /// Seats taken per country.
    pub country_seats: Vec<(String, i64)>,
}

pub async fn edition(
    conn: &mut Conn,
    slug: &str,
    f: &ReportFilter,
    editions: Vec<EditionFacts>,
) -> ServiceResult<EditionReport> {
    let edition = editions.into_iter().find(|e| e.slug == slug).ok_or(ServiceError::NotFound)?;
    let scoped = ReportFilter { edition: edition.slug.clone(), program: String::new(), ..f.clone() };
    let rows = reports::cube(conn, &scoped).await?;
    let cuts = cut(&rows, std::slice::from_ref(&edition));
    let sessions = reports::session_marks(conn, edition.id, &scoped).await?;
    let mut progress_bands = [0i64; 6];
    for (done, n) in reports::lessons_done_counts(conn, edition.id, &scoped).await? {
        if let Some(slot) = progress_bands.get_mut(progress_band(done, edition.lessons)) {
            *slot += n;
        }
    }
    let country_seats = reports::country_seats(conn, edition.id).await?;
    Ok(EditionReport { edition, cuts, sessions, progress_bands, country_seats })
}
