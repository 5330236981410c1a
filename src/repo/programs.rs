//! The `programs` and `editions` tables.

use sqlx::FromRow;

use super::Conn;
use crate::db::{Timestamp, now};
use crate::domain::edition::EditionSpec;
use crate::domain::schedule::date_text;

#[derive(Debug, Clone, Default, FromRow, serde::Serialize)]
pub struct Program {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub short_name: String,
    pub description: String,
    pub position: i64,
    pub source_checksum: String,
}

/// An edition with its program's names.
#[derive(Debug, Clone, Default, FromRow)]
pub struct Edition {
    pub id: i64,
    pub program_id: i64,
    pub program_slug: String,
    pub program_name: String,
    pub program_short_name: String,
    pub slug: String,
    pub number: i64,
    pub title: String,
    pub theme: String,
    pub summary: String,
    pub starts_on: String,
    pub ends_on: String,
    pub venue: String,
    pub city: String,
    pub country: String,
    pub time_zone: String,
    pub mode: String,
    pub capacity: i64,
    pub working_languages: String,
    pub applications_open_at: Option<String>,
    pub applications_close_at: Option<String>,
    pub admission_mode: String,
    pub sequential: i64,
    pub source_checksum: String,
    pub updated_at: String,
    /// Seats held by accepted, completed and offered enrollments.
    pub seats_taken: i64,
    pub offer_hours: i64,
    pub country_quota: Option<i64>,
}

impl Edition {
    pub fn languages(&self) -> Vec<String> {
        self.working_languages.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
    }

    pub fn open_at(&self) -> Option<Timestamp> {
        self.applications_open_at.as_deref().and_then(Timestamp::parse)
    }

    pub fn close_at(&self) -> Option<Timestamp> {
        self.applications_close_at.as_deref().and_then(Timestamp::parse)
    }

    /// Applications are being taken right now.
    pub fn is_open(&self, at: Timestamp) -> bool {
        matches!((self.open_at(), self.close_at()), (Some(o), Some(c)) if o <= at && at < c)
    }
}

const EDITION_COLUMNS: &str = "e.id, e.program_id, p.slug AS program_slug, p.name AS program_name, \
    p.short_name AS program_short_name, e.slug, e.number, e.title, e.theme, e.summary, e.starts_on, e.ends_on, \
    e.venue, e.city, e.country, e.time_zone, e.mode, e.capacity, e.working_languages, e.applications_open_at, \
    e.applications_close_at, e.admission_mode, e.sequential, e.source_checksum, e.updated_at, e.seats_taken, \
    e.offer_hours, e.country_quota";

pub async fn all_programs(conn: &mut Conn) -> Result<Vec<Program>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, slug, name, short_name, description, position, source_checksum FROM programs ORDER BY position, id",
    )
    .fetch_all(&mut *conn)
    .await
}

pub async fn program_by_slug(conn: &mut Conn, slug: &str) -> Result<Option<Program>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, slug, name, short_name, description, position, source_checksum FROM programs WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(&mut *conn)
    .await
}

pub async fn count_programs(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM programs").fetch_one(&mut *conn).await?;
    Ok(n)
}

pub struct ProgramFields<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub short_name: &'a str,
    pub description: &'a str,
    pub position: i64,
    pub checksum: &'a str,
}

pub async fn insert_program(conn: &mut Conn, p: &ProgramFields<'_>) -> Result<i64, sqlx::Error> {
    let at = now().db();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO programs (slug, name, short_name, description, position, source_checksum, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(p.slug)
    .bind(p.name)
    .bind(p.short_name)
    .bind(p.description)
    .bind(p.position)
    .bind(p.checksum)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn update_program(conn: &mut Conn, id: i64, p: &ProgramFields<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE programs SET name = $1, short_name = $2, description = $3, position = $4, source_checksum = $5, \
         updated_at = $6 WHERE id = $7",
    )
    .bind(p.name)
    .bind(p.short_name)
    .bind(p.description)
    .bind(p.position)
    .bind(p.checksum)
    .bind(now().db())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn all_editions(conn: &mut Conn) -> Result<Vec<Edition>, sqlx::Error> {
    let sql = format!(
        "SELECT {EDITION_COLUMNS} FROM editions e JOIN programs p ON p.id = e.program_id \
         ORDER BY p.position, e.starts_on DESC"
    );
    sqlx::query_as(&sql).fetch_all(&mut *conn).await
}

pub async fn edition_by_slug(conn: &mut Conn, slug: &str) -> Result<Option<Edition>, sqlx::Error> {
    let sql =
        format!("SELECT {EDITION_COLUMNS} FROM editions e JOIN programs p ON p.id = e.program_id WHERE e.slug = $1");
    sqlx::query_as(&sql).bind(slug).fetch_optional(&mut *conn).await
}

pub async fn edition_by_id(conn: &mut Conn, id: i64) -> Result<Option<Edition>, sqlx::Error> {
    let sql =
        format!("SELECT {EDITION_COLUMNS} FROM editions e JOIN programs p ON p.id = e.program_id WHERE e.id = $1");
    sqlx::query_as(&sql).bind(id).fetch_optional(&mut *conn).await
}

/// Editions a person takes part in (accepted or completed) or trains, newest first.
pub async fn editions_of_user(conn: &mut Conn, user_id: i64) -> Result<Vec<(Edition, String)>, sqlx::Error> {
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        edition: Edition,
        how: String,
    }
    let sql = format!(
        "SELECT {EDITION_COLUMNS}, 'participant' AS how FROM editions e JOIN programs p ON p.id = e.program_id \
         JOIN enrollments n ON n.edition_id = e.id WHERE n.user_id = $1 AND n.state IN ('accepted', 'completed') \
         UNION ALL \
         SELECT {EDITION_COLUMNS}, 'trainer' AS how FROM editions e JOIN programs p ON p.id = e.program_id \
         JOIN edition_trainers t ON t.edition_id = e.id WHERE t.user_id = $1 \
         ORDER BY starts_on DESC"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(user_id).fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|r| (r.edition, r.how)).collect())
}

fn opt(t: Option<Timestamp>) -> Option<String> {
    t.map(|t| t.db())
}

/// `sql` with the edition's columns bound as $1 (program) to $22 (country quota), in the
/// order both statements below name them.
fn with_spec<'q>(
    sql: &'q str,
    program_id: i64,
    s: &'q EditionSpec,
    checksum: &'q str,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    sqlx::query(sql)
        .bind(program_id)
        .bind(&s.slug)
        .bind(s.number)
        .bind(&s.title)
        .bind(&s.theme)
        .bind(&s.summary)
        .bind(date_text(s.starts_on))
        .bind(date_text(s.ends_on))
        .bind(&s.venue)
        .bind(&s.city)
        .bind(&s.country)
        .bind(&s.time_zone)
        .bind(s.mode)
        .bind(s.capacity)
        .bind(s.working_languages.join(","))
        .bind(opt(s.applications_open_at))
        .bind(opt(s.applications_close_at))
        .bind(s.admission_mode)
        .bind(i64::from(s.sequential))
        .bind(checksum)
        .bind(s.offer_hours)
        .bind(s.country_quota)
}

pub async fn insert_edition(
    conn: &mut Conn,
    program_id: i64,
    s: &EditionSpec,
    checksum: &str,
) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO editions (program_id, slug, number, title, theme, summary, starts_on, ends_on, venue, \
         city, country, time_zone, mode, capacity, working_languages, applications_open_at, applications_close_at, \
         admission_mode, sequential, source_checksum, offer_hours, country_quota, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
         $23, $23) \
         RETURNING id";
    let row = with_spec(sql, program_id, s, checksum).bind(now().db()).fetch_one(&mut *conn).await?;
    sqlx::Row::try_get(&row, 0)
}

pub async fn update_edition(
    conn: &mut Conn,
    id: i64,
    program_id: i64,
    s: &EditionSpec,
    checksum: &str,
) -> Result<(), sqlx::Error> {
    let sql = "UPDATE editions SET program_id = $1, slug = $2, number = $3, title = $4, theme = $5, summary = $6, \
         starts_on = $7, ends_on = $8, venue = $9, city = $10, country = $11, time_zone = $12, mode = $13, \
         capacity = $14, working_languages = $15, applications_open_at = $16, applications_close_at = $17, \
         admission_mode = $18, sequential = $19, source_checksum = $20, offer_hours = $21, country_quota = $22, \
         updated_at = $23 WHERE id = $24";
    with_spec(sql, program_id, s, checksum).bind(now().db()).bind(id).execute(&mut *conn).await?;
    Ok(())
}

/// True when another edition already uses `slug`, or `number` within the program.
pub async fn slug_or_number_taken(
    conn: &mut Conn,
    except_id: i64,
    slug: &str,
    program_id: i64,
    number: i64,
) -> Result<(bool, bool), sqlx::Error> {
    let (s,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM editions WHERE slug = $1 AND id <> $2")
        .bind(slug)
        .bind(except_id)
        .fetch_one(&mut *conn)
        .await?;
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM editions WHERE program_id = $1 AND number = $2 AND id <> $3")
            .bind(program_id)
            .bind(number)
            .bind(except_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok((s > 0, n > 0))
}
