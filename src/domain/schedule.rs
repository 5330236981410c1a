//! Wall-clock times in an edition's time zone, and the UTC instants stored for them.

use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime};
use time_tz::{Offset, OffsetDateTimeExt, OffsetResult, PrimitiveDateTimeExt, TimeZone, timezones};

use crate::db::Timestamp;

/// `2019-10-21T09:30`, `2019-10-21 09:30` or with seconds → a wall-clock time.
pub fn parse_local(raw: &str) -> Option<PrimitiveDateTime> {
    let s = raw.trim().replacen(' ', "T", 1);
    let with_seconds = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    let without = format_description!("[year]-[month]-[day]T[hour]:[minute]");
    PrimitiveDateTime::parse(&s, with_seconds).or_else(|_| PrimitiveDateTime::parse(&s, without)).ok()
}

/// `2019-10-21` → a date.
pub fn parse_date(raw: &str) -> Option<Date> {
    Date::parse(raw.trim(), format_description!("[year]-[month]-[day]")).ok()
}

pub fn date_text(d: Date) -> String {
    d.format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

/// The instant a wall-clock time in `zone` names. In the hour a clock skips, the later
/// offset is used; in the hour it repeats, the first.
pub fn to_utc(local: PrimitiveDateTime, zone: &str) -> Option<Timestamp> {
    let tz = timezones::get_by_name(zone)?;
    let t = match local.assume_timezone(tz) {
        OffsetResult::Some(t) => t,
        OffsetResult::Ambiguous(a, _) => a,
        OffsetResult::None => local.assume_timezone_utc(tz),
    };
    Some(Timestamp(t.to_offset(time::UtcOffset::UTC)))
}

/// The wall-clock time of `at` in `zone`, with the zone's abbreviation (KST, CET, +07).
pub fn in_zone(at: Timestamp, zone: &str) -> Option<(OffsetDateTime, String)> {
    let tz = timezones::get_by_name(zone)?;
    let local = at.0.to_timezone(tz);
    let name = tz.get_offset_utc(&at.0).name().to_string();
    Some((local, name))
}

/// `2019-10-21 09:30` in `zone`, for form fields.
pub fn local_text(at: Timestamp, zone: &str) -> String {
    in_zone(at, zone)
        .and_then(|(t, _)| t.format(format_description!("[year]-[month]-[day] [hour]:[minute]")).ok())
        .unwrap_or_default()
}

/// `2019-10-21 09:30 KST` in `zone`, for pages.
pub fn display(at: Timestamp, zone: &str) -> String {
    match in_zone(at, zone) {
        Some((t, name)) => {
            let text = t.format(format_description!("[year]-[month]-[day] [hour]:[minute]")).unwrap_or_default();
            format!("{text} {name}")
        }
        None => at.rfc3339(),
    }
}

/// `09:30` in `zone`.
pub fn clock(at: Timestamp, zone: &str) -> String {
    in_zone(at, zone).and_then(|(t, _)| t.format(format_description!("[hour]:[minute]")).ok()).unwrap_or_default()
}

/// The calendar day of `at` in `zone`.
pub fn day_in(at: Timestamp, zone: &str) -> Option<Date> {
    in_zone(at, zone).map(|(t, _)| t.date())
}

/// The first instant of `day` in `zone` (start of the edition) and the first instant after
/// `last_day` (its end), so a session fits when `start <= s && e <= end`.
pub fn day_bounds(first_day: Date, last_day: Date, zone: &str) -> Option<(Timestamp, Timestamp)> {
    let start = to_utc(first_day.midnight(), zone)?;
    let end = to_utc(last_day.next_day()?.midnight(), zone)?;
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seoul_wall_clock_round_trips_through_utc() {
        let local = parse_local("2019-10-21 09:30").unwrap();
        let utc = to_utc(local, "Asia/Seoul").unwrap();
        assert_eq!(utc.rfc3339(), "2019-10-21T00:30:00Z");
        assert_eq!(display(utc, "Asia/Seoul"), "2019-10-21 09:30 KST");
        assert_eq!(local_text(utc, "Asia/Ho_Chi_Minh"), "2019-10-21 07:30");
        assert_eq!(clock(utc, "Africa/Nairobi"), "03:30");
    }

    #[test]
    fn summer_time_is_applied_by_date() {
        let winter = to_utc(parse_local("2027-01-15T12:00").unwrap(), "Europe/Paris").unwrap();
        let summer = to_utc(parse_local("2027-07-15T12:00").unwrap(), "Europe/Paris").unwrap();
        assert_eq!(winter.rfc3339(), "2027-01-15T11:00:00Z");
        assert_eq!(summer.rfc3339(), "2027-07-15T10:00:00Z");
    }

    #[test]
    fn unknown_zone_and_bad_text_are_none() {
        assert!(to_utc(parse_local("2019-10-21 09:30").unwrap(), "Mars/Olympus").is_none());
        assert!(parse_local("21/10/2019 9h30").is_none());
        assert!(parse_date("2019-02-30").is_none());
    }

    #[test]
    fn day_bounds_cover_whole_local_days() {
        let (s, e) =
            day_bounds(parse_date("2019-10-21").unwrap(), parse_date("2019-10-23").unwrap(), "Asia/Seoul").unwrap();
        assert_eq!(s.rfc3339(), "2019-10-20T15:00:00Z");
        assert_eq!(e.rfc3339(), "2019-10-23T15:00:00Z");
    }
}
