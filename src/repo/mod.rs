//! Every SQL statement of the product, one file per aggregate. Functions take a connection
//! (a pooled one or a transaction's) and return domain types.

pub mod attendance;
pub mod audit;
pub mod certificates;
pub mod content_version;
pub mod directory;
pub mod edition_progress;
pub mod enrollments;
mod in_list;
pub mod login_failures;
pub mod materials;
pub mod outbox;
pub mod password_resets;
pub mod personal_data;
mod reads;
pub mod reports;
pub mod sessions;
pub mod survey;
pub mod users;

pub use in_list::{AT_ONCE, InList};
pub use reads::{LazyConn, Reads};
pub use sqlx::AnyConnection as Conn;

/// A comma-separated column list with each column prefixed by a table alias
/// (`"id, email"`, `"u"` → `"u.id, u.email"`), for joins that reuse a table's column list.
pub(crate) fn qualified(columns: &str, alias: &str) -> String {
    columns.split(',').map(|c| format!("{alias}.{}", c.trim())).collect::<Vec<_>>().join(", ")
}
pub mod learning;
pub mod library;
pub mod programs;
pub mod schedule;

#[cfg(test)]
mod tests {
    #[test]
    fn qualified_prefixes_every_column() {
        assert_eq!(super::qualified("id, email,\n    role", "u"), "u.id, u.email, u.role");
    }
}
