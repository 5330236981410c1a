//! The statement behind an edition's participant directory.

use sqlx::FromRow;

use super::Conn;

/// One participant as the directory may show them.
#[derive(Debug, Clone, FromRow)]
pub struct ListedRow {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub name_latin: String,
    pub name_native: String,
    pub organisation: String,
    pub position: String,
    pub country: String,
    pub consent_listed: i64,
}

/// The participants (accepted or completed) of an edition: only those who agreed to be
/// listed, or with `everyone` all of them. The consent is checked here, so the others'
/// details never leave the database. Unordered: the caller sorts.
pub async fn participants(conn: &mut Conn, edition_id: i64, everyone: bool) -> Result<Vec<ListedRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.user_id, u.display_name, u.email, e.certificate_name_latin AS name_latin, \
                e.certificate_name_native AS name_native, e.organisation, e.position, e.country, e.consent_listed \
         FROM enrollments e JOIN users u ON u.id = e.user_id \
         WHERE e.edition_id = $1 AND e.state IN ('accepted', 'completed') AND (e.consent_listed = 1 OR $2 = 1)",
    )
    .bind(edition_id)
    .bind(i64::from(everyone))
    .fetch_all(&mut *conn)
    .await
}
