//! The statements behind the coordinators' reports. Every enrollment carries its own activity
//! counters (kept by triggers, see migration 0006), so the dashboards read one row per
//! enrollment, grouped, and never join the activity tables across editions.

use super::Conn;
use crate::domain::report_filter::ReportFilter;

/// A bound value of a built statement.
#[derive(Debug, Clone)]
enum Bind {
    Text(String),
    Int(i64),
}

/// The WHERE clause of a filter over `enrollments e JOIN editions d JOIN programs p`, with only
/// the conditions in use (so the planner sees plain comparisons it can use indexes for).
#[derive(Debug, Default)]
struct Where {
    conditions: Vec<String>,
    binds: Vec<Bind>,
}

impl Where {
    fn placeholder(&mut self, b: Bind) -> String {
        self.binds.push(b);
        format!("${}", self.binds.len())
    }

    fn add(&mut self, column: &str, value: &str) {
        if !value.is_empty() {
            let p = self.placeholder(Bind::Text(value.to_string()));
            self.conditions.push(format!("{column} = {p}"));
        }
    }

    fn from_filter(f: &ReportFilter) -> Self {
        let mut w = Self::default();
        w.add("p.slug", &f.program);
        w.add("d.slug", &f.edition);
        if !f.from.is_empty() {
            let p = w.placeholder(Bind::Text(f.from.clone()));
            w.conditions.push(format!("d.starts_on >= {p}"));
        }
        if !f.to.is_empty() {
            let p = w.placeholder(Bind::Text(f.to.clone()));
            w.conditions.push(format!("d.starts_on <= {p}"));
        }
        if let Some(codes) = f.countries() {
            if codes.is_empty() {
                w.conditions.push("1 = 0".into());
            } else {
                let list: Vec<String> = codes.iter().map(|c| w.placeholder(Bind::Text((*c).to_string()))).collect();
                w.conditions.push(format!("e.country IN ({})", list.join(", ")));
            }
        }
        w.add("e.organisation_type", &f.org_type);
        w.add("e.state", &f.state);
        w
    }

    fn sql(&self) -> String {
        if self.conditions.is_empty() { String::new() } else { format!(" WHERE {}", self.conditions.join(" AND ")) }
    }

    fn and(&self, extra: &str) -> String {
        if self.conditions.is_empty() {
            format!(" WHERE {extra}")
        } else {
            format!(" WHERE {} AND {extra}", self.conditions.join(" AND "))
        }
    }
}

fn bind_all<'q, O>(
    mut q: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    binds: &[Bind],
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    for b in binds {
        q = match b {
            Bind::Text(s) => q.bind(s.clone()),
            Bind::Int(n) => q.bind(*n),
        };
    }
    q
}

const FROM: &str = " FROM enrollments e JOIN editions d ON d.id = e.edition_id JOIN programs p ON p.id = d.program_id";

/// Enrollments grouped by edition, country, organisation type and state, with their summed
/// activity: everything the dashboards count comes from these rows.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CubeRow {
    pub edition_id: i64,
    pub country: String,
    pub organisation_type: String,
    pub state: String,
    pub enrollments: i64,
    pub lessons_done: i64,
    pub present: i64,
    pub late: i64,
    pub excused: i64,
    pub absent: i64,
    pub certificates: i64,
}

pub async fn cube(conn: &mut Conn, f: &ReportFilter) -> Result<Vec<CubeRow>, sqlx::Error> {
    let w = Where::from_filter(f);
    let sql = format!(
        "SELECT e.edition_id, e.country, e.organisation_type, e.state, COUNT(*) AS enrollments, \
                CAST(SUM(e.lessons_done) AS BIGINT) AS lessons_done, CAST(SUM(e.sessions_present) AS BIGINT) AS present, \
                CAST(SUM(e.sessions_late) AS BIGINT) AS late, CAST(SUM(e.sessions_excused) AS BIGINT) AS excused, \
                CAST(SUM(e.sessions_absent) AS BIGINT) AS absent, CAST(SUM(e.has_certificate) AS BIGINT) AS certificates\
         {FROM}{} GROUP BY e.edition_id, e.country, e.organisation_type, e.state",
        w.sql()
    );
    bind_all(sqlx::query_as(&sql), &w.binds).fetch_all(&mut *conn).await
}

/// What a report needs to know of each edition: names, dates, capacity, and how many
/// lessons its course has and sessions have begun (the denominators of progress and
/// attendance).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EditionFacts {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub program_slug: String,
    pub program_short_name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub capacity: i64,
    pub seats_taken: i64,
    pub country_quota: Option<i64>,
    pub lessons: i64,
    pub sessions_held: i64,
    pub sessions: i64,
}

/// Every edition, oldest first.
pub async fn editions(conn: &mut Conn, now: &str) -> Result<Vec<EditionFacts>, sqlx::Error> {
    sqlx::query_as(
        "SELECT d.id, d.slug, d.title, p.slug AS program_slug, p.short_name AS program_short_name, d.starts_on, \
                d.ends_on, d.capacity, d.seats_taken, d.country_quota, \
                (SELECT COUNT(*) FROM course_modules cm JOIN lessons l ON l.module_id = cm.module_id \
                 WHERE cm.edition_id = d.id) AS lessons, \
                (SELECT COUNT(*) FROM edition_sessions s WHERE s.edition_id = d.id AND s.starts_at <= $1) AS sessions_held, \
                (SELECT COUNT(*) FROM edition_sessions s WHERE s.edition_id = d.id) AS sessions \
         FROM editions d JOIN programs p ON p.id = d.program_id ORDER BY d.starts_on, d.id",
    )
    .bind(now)
    .fetch_all(&mut *conn)
    .await
}

/// The programs, for the filter's choices.
pub async fn programs(conn: &mut Conn) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT slug, short_name FROM programs ORDER BY position, id").fetch_all(&mut *conn).await
}

/// One session of an edition with its marks by status among the filtered enrollments.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionMarks {
    pub id: i64,
    pub title: String,
    pub starts_at: String,
    pub present: i64,
    pub late: i64,
    pub excused: i64,
    pub absent: i64,
}

pub async fn session_marks(
    conn: &mut Conn,
    edition_id: i64,
    f: &ReportFilter,
) -> Result<Vec<SessionMarks>, sqlx::Error> {
    let mut w = Where::from_filter(f);
    let edition = w.placeholder(Bind::Int(edition_id));
    let count = |status: &str| {
        format!("CAST(COALESCE(SUM(CASE WHEN a.status = '{status}' THEN a.n ELSE 0 END), 0) AS BIGINT) AS {status}")
    };
    // Marks are only ever set for people enrolled in the edition, so without a condition on
    // the enrollments they are counted straight from the marks (an index-only read of
    // `session_attendance_report`); the edition's own conditions (dates) still apply.
    let people_filtered = f.countries().is_some() || !f.org_type.is_empty() || !f.state.is_empty();
    let marks = if people_filtered {
        format!(
            "SELECT a.session_id, a.status, COUNT(*) AS n{FROM} \
             JOIN edition_sessions s2 ON s2.edition_id = e.edition_id \
             JOIN session_attendance a ON a.session_id = s2.id AND a.user_id = e.user_id{} \
             GROUP BY a.session_id, a.status",
            w.and(&format!("e.edition_id = {edition}"))
        )
    } else {
        format!(
            "SELECT a.session_id, a.status, COUNT(*) AS n FROM session_attendance a \
             WHERE a.session_id IN (SELECT s2.id FROM edition_sessions s2 WHERE s2.edition_id = {edition}) \
             AND EXISTS (SELECT 1 FROM editions d JOIN programs p ON p.id = d.program_id{}) \
             GROUP BY a.session_id, a.status",
            w.and(&format!("d.id = {edition}"))
        )
    };
    let sql = format!(
        "SELECT s.id, s.title, s.starts_at, {}, {}, {}, {} \
         FROM edition_sessions s LEFT JOIN ({marks}) a ON a.session_id = s.id \
         WHERE s.edition_id = {edition} GROUP BY s.id, s.title, s.starts_at ORDER BY s.starts_at, s.id",
        count("present"),
        count("late"),
        count("excused"),
        count("absent"),
    );
    bind_all(sqlx::query_as(&sql), &w.binds).fetch_all(&mut *conn).await
}

/// How many seat-holding enrollments have done each number of lessons.
pub async fn lessons_done_counts(
    conn: &mut Conn,
    edition_id: i64,
    f: &ReportFilter,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    let mut w = Where::from_filter(f);
    let edition = w.placeholder(Bind::Int(edition_id));
    let sql = format!(
        "SELECT e.lessons_done, COUNT(*){FROM}{} GROUP BY e.lessons_done ORDER BY e.lessons_done",
        w.and(&format!("e.edition_id = {edition} AND e.state IN ('accepted', 'completed')"))
    );
    bind_all(sqlx::query_as(&sql), &w.binds).fetch_all(&mut *conn).await
}

/// Seats taken per country against the edition's quota.
pub async fn country_seats(conn: &mut Conn, edition_id: i64) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT country, taken FROM country_seats WHERE edition_id = $1 AND taken > 0 ORDER BY taken DESC, country",
    )
    .bind(edition_id)
    .fetch_all(&mut *conn)
    .await
}

/// One enrollment as the coordinators' participant list shows it (personal data included).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ParticipantRow {
    pub id: i64,
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub name_latin: String,
    pub name_native: String,
    pub country: String,
    pub organisation: String,
    pub organisation_type: String,
    pub position: String,
    pub edition_slug: String,
    pub edition_title: String,
    pub state: String,
    pub lessons_done: i64,
    pub present: i64,
    pub late: i64,
    pub excused: i64,
    pub absent: i64,
    pub has_certificate: i64,
    pub consent_listed: i64,
    pub consent_contact: i64,
    pub applied_at: String,
}

fn participant_sql(w: &Where, extra: &str, tail: &str) -> String {
    format!(
        "SELECT e.id, e.user_id, u.display_name, u.email, e.certificate_name_latin AS name_latin, \
                e.certificate_name_native AS name_native, e.country, e.organisation, e.organisation_type, e.position, \
                d.slug AS edition_slug, d.title AS edition_title, e.state, e.lessons_done, e.sessions_present AS present, \
                e.sessions_late AS late, e.sessions_excused AS excused, e.sessions_absent AS absent, e.has_certificate, \
                e.consent_listed, e.consent_contact, COALESCE(e.submitted_at, e.created_at) AS applied_at\
         {FROM} JOIN users u ON u.id = e.user_id{} {tail}",
        if extra.is_empty() { w.sql() } else { w.and(extra) }
    )
}

/// The words of a name search as a condition on the person's names and e-mail.
fn name_search(w: &mut Where, q: &str) -> String {
    let like = format!("%{}%", q.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
    let p = w.placeholder(Bind::Text(like));
    format!(
        "(LOWER(u.display_name) LIKE {p} ESCAPE '\\' OR LOWER(u.email) LIKE {p} ESCAPE '\\' \
          OR LOWER(e.certificate_name_latin) LIKE {p} ESCAPE '\\')"
    )
}

/// A page of the participant list, in application order.
pub async fn participants_page(
    conn: &mut Conn,
    f: &ReportFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<ParticipantRow>, sqlx::Error> {
    let mut w = Where::from_filter(f);
    let extra = if f.q.is_empty() { String::new() } else { name_search(&mut w, &f.q) };
    let (l, o) = (w.placeholder(Bind::Int(limit)), w.placeholder(Bind::Int(offset)));
    let sql = participant_sql(&w, &extra, &format!("ORDER BY e.id LIMIT {l} OFFSET {o}"));
    bind_all(sqlx::query_as(&sql), &w.binds).fetch_all(&mut *conn).await
}

/// The next batch of the participant list after enrollment `after_id`, for exports.
pub async fn participants_after(
    conn: &mut Conn,
    f: &ReportFilter,
    after_id: i64,
    limit: i64,
) -> Result<Vec<ParticipantRow>, sqlx::Error> {
    let mut w = Where::from_filter(f);
    let mut extra = if f.q.is_empty() { String::new() } else { name_search(&mut w, &f.q) };
    let after = w.placeholder(Bind::Int(after_id));
    if !extra.is_empty() {
        extra.push_str(" AND ");
    }
    extra.push_str(&format!("e.id > {after}"));
    let l = w.placeholder(Bind::Int(limit));
    let sql = participant_sql(&w, &extra, &format!("ORDER BY e.id LIMIT {l}"));
    bind_all(sqlx::query_as(&sql), &w.binds).fetch_all(&mut *conn).await
}

/// One person who applied at least once, with how often they took part.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRow {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub country: String,
    pub organisation: String,
    pub editions: i64,
    pub completed: i64,
    pub certificates: i64,
}

/// A page of the people with an enrollment matching the filter, by name, with their counts
/// across all editions. Walking people in name order and stopping after a page keeps this
/// fast however many people there are.
pub async fn people_page(
    conn: &mut Conn,
    f: &ReportFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<PersonRow>, sqlx::Error> {
    let mut w = Where::from_filter(f);
    let mut extra = if f.q.is_empty() { String::new() } else { name_search(&mut w, &f.q) };
    if !extra.is_empty() {
        extra.push_str(" AND ");
    }
    extra.push_str("e.user_id = u.id");
    let (l, o) = (w.placeholder(Bind::Int(limit)), w.placeholder(Bind::Int(offset)));
    let sql = format!(
        "SELECT u.id, u.display_name, u.email, u.country, u.organisation, \
                (SELECT COUNT(*) FROM enrollments x WHERE x.user_id = u.id) AS editions, \
                (SELECT COUNT(*) FROM enrollments x WHERE x.user_id = u.id AND x.state = 'completed') AS completed, \
                (SELECT COUNT(*) FROM enrollments x WHERE x.user_id = u.id AND x.has_certificate = 1) AS certificates \
         FROM users u WHERE EXISTS (SELECT 1{FROM}{}) ORDER BY u.display_name, u.id LIMIT {l} OFFSET {o}",
        w.and(&extra)
    );
    bind_all(sqlx::query_as(&sql), &w.binds).fetch_all(&mut *conn).await
}

/// A person's enrollments across editions, oldest edition first (the alumni view).
pub async fn history(conn: &mut Conn, user_id: i64) -> Result<Vec<ParticipantRow>, sqlx::Error> {
    let mut w = Where::default();
    let p = w.placeholder(Bind::Int(user_id));
    let sql = participant_sql(&w, &format!("e.user_id = {p}"), "ORDER BY d.starts_on, e.id");
    bind_all(sqlx::query_as(&sql), &w.binds).fetch_all(&mut *conn).await
}
