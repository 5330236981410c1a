//! The `users` table.

use std::sync::LazyLock;

use sqlx::FromRow;

use super::Conn;
use crate::db::now;
use crate::domain::role::Role;
use crate::domain::user::{Profile, User};

#[derive(FromRow)]
struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    certificate_name_latin: String,
    certificate_name_native: String,
    organisation: String,
    organisation_type: String,
    country: String,
    position: String,
    preferred_language: String,
    time_zone: String,
    is_active: i64,
}

const COLUMNS: &str = "id, email, display_name, role, certificate_name_latin, certificate_name_native, \
    organisation, organisation_type, country, position, preferred_language, time_zone, is_active";

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        User {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            role: Role::parse(&r.role).unwrap_or(Role::Participant),
            profile: Profile {
                certificate_name_latin: r.certificate_name_latin,
                certificate_name_native: r.certificate_name_native,
                organisation: r.organisation,
                organisation_type: r.organisation_type,
                country: r.country,
                position: r.position,
                preferred_language: r.preferred_language,
                time_zone: r.time_zone,
            },
            is_active: r.is_active != 0,
        }
    }
}

/// Inserts a user; fails with a unique violation when the email is taken.
pub async fn insert(
    conn: &mut Conn,
    email: &str,
    password_hash: &str,
    display_name: &str,
    role: Role,
    preferred_language: &str,
) -> Result<i64, sqlx::Error> {
    let at = now().db();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (email, password_hash, display_name, role, preferred_language, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(email)
    .bind(password_hash)
    .bind(display_name)
    .bind(role.as_str())
    .bind(preferred_language)
    .bind(&at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<User>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    let row: Option<UserRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.map(User::from))
}

/// A session's user as one read finds it.
#[derive(Clone)]
pub struct SessionUser {
    pub user: User,
    pub last_seen_at: String,
    pub expires_at: String,
    /// The content version (see `content_version`), read in the same statement so that pages
    /// need no read of their own for it.
    pub content_version: i64,
    /// The person's own version (see `people_cache`), 0 before anything of theirs changed.
    pub person_version: i64,
}

/// The user of a session, the session's last-seen and expiry times and the content version,
/// in one read: every signed-in request asks this first.
/// The sessions among `id_hashes` that exist, each with its id hash, read in one statement
/// (see `services::read_together`). At most `repo::AT_ONCE` hashes.
pub async fn by_sessions(conn: &mut Conn, id_hashes: &[&str]) -> Result<Vec<(String, SessionUser)>, sqlx::Error> {
    #[derive(FromRow)]
    struct SessionUserRow {
        #[sqlx(flatten)]
        user: UserRow,
        id_hash: String,
        last_seen_at: String,
        expires_at: String,
        content_version: i64,
        person_version: Option<i64>,
    }
    if id_hashes.is_empty() {
        return Ok(Vec::new());
    }
    static SQL: LazyLock<super::InList> = LazyLock::new(|| {
        super::InList::new(&format!(
            "SELECT {}, s.id_hash, s.last_seen_at, s.expires_at, \
             (SELECT v.version FROM content_version v WHERE v.id = 1) AS content_version, \
             (SELECT p.version FROM person_versions p WHERE p.user_id = u.id) AS person_version \
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash IN",
            super::qualified(COLUMNS, "u"),
        ))
    });
    let query = SQL.query::<SessionUserRow>(id_hashes)?;
    let rows = query.fetch_all(&mut *conn).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let found = SessionUser {
                user: User::from(r.user),
                last_seen_at: r.last_seen_at,
                expires_at: r.expires_at,
                content_version: r.content_version,
                person_version: r.person_version.unwrap_or(0),
            };
            (r.id_hash, found)
        })
        .collect())
}

pub async fn by_email(conn: &mut Conn, email: &str) -> Result<Option<User>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    let row: Option<UserRow> = sqlx::query_as(&sql).bind(email).fetch_optional(&mut *conn).await?;
    Ok(row.map(User::from))
}

/// Active coordinators and administrators (who receive coordinators' mail).
pub async fn coordinators(conn: &mut Conn) -> Result<Vec<User>, sqlx::Error> {
    let sql =
        format!("SELECT {COLUMNS} FROM users WHERE role IN ('coordinator', 'admin') AND is_active = 1 ORDER BY id");
    let rows: Vec<UserRow> = sqlx::query_as(&sql).fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(User::from).collect())
}

#[derive(FromRow)]
struct CredentialsRow {
    #[sqlx(flatten)]
    user: UserRow,
    password_hash: String,
}

/// The user with their password hash, for logging in (one query).
pub async fn credentials(conn: &mut Conn, email: &str) -> Result<Option<(User, String)>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS}, password_hash FROM users WHERE email = $1");
    let row: Option<CredentialsRow> = sqlx::query_as(&sql).bind(email).fetch_optional(&mut *conn).await?;
    Ok(row.map(|r| (User::from(r.user), r.password_hash)))
}

pub async fn password_hash(conn: &mut Conn, id: i64) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT password_hash FROM users WHERE id = $1").bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.map(|r| r.0))
}

pub async fn set_password_hash(conn: &mut Conn, id: i64, hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now().db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_role(conn: &mut Conn, id: i64, role: Role) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET role = $1, updated_at = $2 WHERE id = $3")
        .bind(role.as_str())
        .bind(now().db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_active(conn: &mut Conn, id: i64, active: bool) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET is_active = $1, updated_at = $2 WHERE id = $3")
        .bind(i64::from(active))
        .bind(now().db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn set_preferred_language(conn: &mut Conn, id: i64, lang: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET preferred_language = $1, updated_at = $2 WHERE id = $3")
        .bind(lang)
        .bind(now().db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn update_profile(conn: &mut Conn, id: i64, display_name: &str, p: &Profile) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET display_name = $1, certificate_name_latin = $2, certificate_name_native = $3, \
         organisation = $4, organisation_type = $5, country = $6, position = $7, preferred_language = $8, \
         time_zone = $9, updated_at = $10 WHERE id = $11",
    )
    .bind(display_name)
    .bind(&p.certificate_name_latin)
    .bind(&p.certificate_name_native)
    .bind(&p.organisation)
    .bind(&p.organisation_type)
    .bind(&p.country)
    .bind(&p.position)
    .bind(&p.preferred_language)
    .bind(&p.time_zone)
    .bind(now().db())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One page of users, newest first, optionally filtered by a text in email or name.
pub async fn search(conn: &mut Conn, query: &str, limit: i64, offset: i64) -> Result<(Vec<User>, i64), sqlx::Error> {
    let pattern = format!("%{}%", query.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
    let filter = "WHERE (LOWER(email) LIKE $1 ESCAPE '\\' OR LOWER(display_name) LIKE $1 ESCAPE '\\')";
    let sql = format!("SELECT {COLUMNS} FROM users {filter} ORDER BY id DESC LIMIT $2 OFFSET $3");
    let rows: Vec<UserRow> = sqlx::query_as(&sql).bind(&pattern).bind(limit).bind(offset).fetch_all(&mut *conn).await?;
    let (total,): (i64,) =
        sqlx::query_as(&format!("SELECT COUNT(*) FROM users {filter}")).bind(&pattern).fetch_one(&mut *conn).await?;
    Ok((rows.into_iter().map(User::from).collect(), total))
}

pub async fn count_admins(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = 1")
        .fetch_one(&mut *conn)
        .await?;
    Ok(n)
}
