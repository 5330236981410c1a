//! Portable column types: timestamps are TEXT in RFC 3339 UTC with a fixed width, so that
//! text comparison orders them the same way on SQLite and PostgreSQL.

use time::format_description::FormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

const STORED: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// A point in time in UTC, stored as fixed-width RFC 3339 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub OffsetDateTime);

/// The current time.
pub fn now() -> Timestamp {
    let t = OffsetDateTime::now_utc();
    // Stored text keeps microseconds; truncate so a value equals itself after a round trip.
    let micros = t.nanosecond() / 1000 * 1000;
    Timestamp(t.replace_nanosecond(micros).unwrap_or(t))
}

impl Timestamp {
    /// The text stored in the database.
    pub fn db(&self) -> String {
        self.0.to_offset(UtcOffset::UTC).format(STORED).unwrap_or_default()
    }

    /// Parses stored text; RFC 3339 from other sources is accepted too.
    pub fn parse(s: &str) -> Option<Self> {
        if let Ok(p) = PrimitiveDateTime::parse(s, STORED) {
            return Some(Self(p.assume_utc()));
        }
        OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok().map(Self)
    }

    pub fn plus_minutes(&self, minutes: i64) -> Self {
        Self(self.0 + time::Duration::minutes(minutes))
    }

    pub fn plus_seconds(&self, seconds: i64) -> Self {
        Self(self.0 + time::Duration::seconds(seconds))
    }

    /// RFC 3339 for JSON and HTML `datetime` attributes.
    pub fn rfc3339(&self) -> String {
        self.0.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_round_trips_and_orders() {
        let a = now();
        let b = a.plus_seconds(1);
        assert_eq!(Timestamp::parse(&a.db()), Some(a));
        assert!(a.db() < b.db());
        assert_eq!(a.db().len(), "2026-01-01T00:00:00.000000Z".len());
    }

    #[test]
    fn garbage_is_none() {
        assert_eq!(Timestamp::parse("yesterday"), None);
    }
}
