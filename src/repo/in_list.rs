//! Statements that read the rows whose key is among a list (`… WHERE key IN ($1, …)`), for
//! lookups read together (`services::read_together`).

use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::QueryAs;
use sqlx::{Any, FromRow};

/// The most keys one statement reads (a power of two).
pub const AT_ONCE: usize = 64;

/// One statement per power of two up to `AT_ONCE`, built once; a list is padded with its last
/// key to the next power, so a connection prepares at most seven of them.
pub struct InList(Vec<String>);

impl InList {
    /// `head` is the statement up to its closing `IN`.
    pub fn new(head: &str) -> Self {
        InList(
            (0..=AT_ONCE.trailing_zeros())
                .map(|bits| {
                    let marks: Vec<String> = (1..=1usize << bits).map(|i| format!("${i}")).collect();
                    format!("{head} ({})", marks.join(", "))
                })
                .collect(),
        )
    }

    /// The statement for `keys`, bound. An empty list is refused: callers have nothing to read.
    pub fn query<'q, R>(&'q self, keys: &[&'q str]) -> Result<QueryAs<'q, Any, R, AnyArguments<'q>>, sqlx::Error>
    where
        R: for<'r> FromRow<'r, AnyRow>,
    {
        let last = keys.last().ok_or_else(|| sqlx::Error::Protocol("no keys to read".into()))?;
        let size = keys.len().next_power_of_two();
        let sql = self
            .0
            .get(size.trailing_zeros() as usize)
            .ok_or_else(|| sqlx::Error::Protocol(format!("{} keys asked at once, at most {AT_ONCE}", keys.len())))?;
        let mut query = sqlx::query_as::<_, R>(sql);
        for i in 0..size {
            query = query.bind(*keys.get(i).unwrap_or(last));
        }
        Ok(query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_padded_to_a_power_of_two_and_bounded() {
        let list = InList::new("SELECT id FROM t WHERE k IN");
        assert_eq!(list.0.len(), 7);
        assert_eq!(list.0[0], "SELECT id FROM t WHERE k IN ($1)");
        assert_eq!(list.0[2], "SELECT id FROM t WHERE k IN ($1, $2, $3, $4)");
        let keys: Vec<String> = (0..=AT_ONCE).map(|i| i.to_string()).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert!(list.query::<(i64,)>(&keys[..3]).is_ok());
        assert!(list.query::<(i64,)>(&keys[..AT_ONCE]).is_ok());
        assert!(list.query::<(i64,)>(&keys).is_err(), "more than a statement holds");
        assert!(list.query::<(i64,)>(&[]).is_err(), "nothing to read");
    }
}
