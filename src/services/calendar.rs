//! iCalendar feeds (RFC 5545): one per edition, and one per person with the sessions of
//! every edition they take part in or train. Times carry the edition's time zone (TZID);
//! each session's UID never changes and its SEQUENCE rises with every change, so calendar
//! apps replace the old version on refresh.

use std::collections::BTreeMap;
use std::fmt::Write;

use time::macros::format_description;
use time_tz::{Offset, TimeZone, timezones};

use crate::config::Config;
use crate::db::Timestamp;
use crate::domain::schedule;
use crate::repo::Conn;
use crate::repo::programs::{self, Edition};
use crate::repo::schedule::{self as sessions, LiveSession};

/// Escapes a TEXT value.
fn text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace("\r\n", "\\n").replace('\n', "\\n")
}

/// Folds a content line at 75 octets, never inside a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

fn local_stamp(at: Timestamp, zone: &str) -> String {
    schedule::in_zone(at, zone)
        .and_then(|(t, _)| t.format(format_description!("[year][month][day]T[hour][minute][second]")).ok())
        .unwrap_or_default()
}

fn utc_stamp(at: Timestamp) -> String {
    at.0.format(format_description!("[year][month][day]T[hour][minute][second]Z")).unwrap_or_default()
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// A VTIMEZONE for `zone` around `at`: the offsets in force then, and the transitions of
/// that year when the zone keeps summer time.
fn vtimezone(zone: &str, year: i32, out: &mut Vec<String>) {
    let Some(tz) = timezones::get_by_name(zone) else { return };
    let at = |m: time::Month| {
        time::Date::from_calendar_date(year, m, 1)
            .map(|d| d.midnight().assume_utc())
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
    };
    let jan = tz.get_offset_utc(&at(time::Month::January));
    let jul = tz.get_offset_utc(&at(time::Month::July));
    out.push("BEGIN:VTIMEZONE".into());
    out.push(format!("TZID:{zone}"));
    let (jan_s, jul_s) = (jan.to_utc().whole_seconds(), jul.to_utc().whole_seconds());
    if jan_s == jul_s {
        out.push("BEGIN:STANDARD".into());
        out.push(format!("DTSTART:{year}0101T000000"));
        out.push(format!("TZOFFSETFROM:{}", offset_text(jan_s)));
        out.push(format!("TZOFFSETTO:{}", offset_text(jan_s)));
        out.push(format!("TZNAME:{}", jan.name()));
        out.push("END:STANDARD".into());
    } else {
        // Find the two changes of that year by walking it hour by hour.
        let mut t = at(time::Month::January);
        let end = t + time::Duration::days(366);
        let mut prev = tz.get_offset_utc(&t).to_utc().whole_seconds();
        while t < end {
            let next = t + time::Duration::hours(1);
            let o = tz.get_offset_utc(&next);
            let s = o.to_utc().whole_seconds();
            if s != prev {
                let kind = if o.is_dst() { "DAYLIGHT" } else { "STANDARD" };
                let local = next.to_offset(time::UtcOffset::from_whole_seconds(prev).unwrap_or(time::UtcOffset::UTC));
                let stamp =
                    local.format(format_description!("[year][month][day]T[hour][minute][second]")).unwrap_or_default();
                out.push(format!("BEGIN:{kind}"));
                out.push(format!("DTSTART:{stamp}"));
                out.push(format!("TZOFFSETFROM:{}", offset_text(prev)));
                out.push(format!("TZOFFSETTO:{}", offset_text(s)));
                out.push(format!("TZNAME:{}", o.name()));
                out.push(format!("END:{kind}"));
                prev = s;
            }
            t = next;
        }
    }
    out.push("END:VTIMEZONE".into());
}

/// The feed for `sessions`, each with its edition. `host` makes the UIDs global.
pub fn feed(name: &str, host: &str, public_url: &str, items: &[(&Edition, &LiveSession, Vec<String>)]) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//WTA Academy//Sessions//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", text(name)),
    ];
    let mut zones: BTreeMap<(String, i32), ()> = BTreeMap::new();
    for (e, s, _) in items {
        zones.insert((e.time_zone.clone(), s.start().0.year()), ());
    }
    let mut seen = std::collections::BTreeSet::new();
    for (zone, year) in zones.keys() {
        if seen.insert(zone.clone()) {
            vtimezone(zone, *year, &mut lines);
        }
    }
    for (e, s, trainers) in items {
        let zone = &e.time_zone;
        let stamp = Timestamp::parse(&s.updated_at).map_or_else(String::new, utc_stamp);
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:session-{}@{host}", s.id));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("LAST-MODIFIED:{stamp}"));
        lines.push(format!("SEQUENCE:{}", s.sequence));
        lines.push(format!("DTSTART;TZID={zone}:{}", local_stamp(s.start(), zone)));
        lines.push(format!("DTEND;TZID={zone}:{}", local_stamp(s.end(), zone)));
        lines.push(format!("SUMMARY:{}", text(&s.title)));
        let mut description = format!("{} — {}", e.title, s.kind);
        if !trainers.is_empty() {
            let _ = write!(description, "\n{}", trainers.join(", "));
        }
        if !s.online_url.is_empty() {
            let _ = write!(description, "\n{}", s.online_url);
        }
        lines.push(format!("DESCRIPTION:{}", text(&description)));
        let location = [s.room.as_str(), e.venue.as_str(), e.city.as_str()]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if !location.is_empty() {
            lines.push(format!("LOCATION:{}", text(&location)));
        }
        lines.push(format!("URL:{public_url}/editions/{}", e.slug));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

/// Session trainers' names by session id.
async fn trainer_names(conn: &mut Conn, edition_id: i64) -> Result<BTreeMap<i64, Vec<String>>, sqlx::Error> {
    let mut names: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (session, _, name) in sessions::trainers_of_sessions(conn, edition_id).await? {
        names.entry(session).or_default().push(name);
    }
    Ok(names)
}

/// The feed of one edition's sessions.
pub async fn edition_feed(conn: &mut Conn, ed: &Edition, config: &Config) -> Result<String, sqlx::Error> {
    let list = sessions::of_edition(conn, ed.id).await?;
    let names = trainer_names(conn, ed.id).await?;
    let items: Vec<(&Edition, &LiveSession, Vec<String>)> =
        list.iter().map(|s| (ed, s, names.get(&s.id).cloned().unwrap_or_default())).collect();
    Ok(feed(&ed.title, &host(config), config.link("").trim_end_matches('/'), &items))
}

/// The feed of every session in the editions a person takes part in or trains.
pub async fn personal_feed(conn: &mut Conn, user_id: i64, config: &Config) -> Result<String, sqlx::Error> {
    let mut editions: Vec<Edition> =
        programs::editions_of_user(conn, user_id).await?.into_iter().map(|(e, _)| e).collect();
    // A person who both trains and takes part in an edition sees its sessions once.
    let mut seen = std::collections::BTreeSet::new();
    editions.retain(|e| seen.insert(e.id));
    let mut all = Vec::new();
    for ed in &editions {
        let names = trainer_names(conn, ed.id).await?;
        for s in sessions::of_edition(conn, ed.id).await? {
            let who = names.get(&s.id).cloned().unwrap_or_default();
            all.push((ed, s, who));
        }
    }
    all.sort_by(|a, b| a.1.starts_at.cmp(&b.1.starts_at));
    let items: Vec<(&Edition, &LiveSession, Vec<String>)> = all.iter().map(|(e, s, w)| (*e, s, w.clone())).collect();
    Ok(feed("WTA Academy", &host(config), config.link("").trim_end_matches('/'), &items))
}

fn host(config: &Config) -> String {
    config.public_url.host_str().unwrap_or("wta-academy.local").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "과학기술".repeat(20)), &mut out);
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
        assert_eq!(out.replace("\r\n ", ""), format!("SUMMARY:{}\r\n", "과학기술".repeat(20)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn summer_time_zones_list_both_changes() {
        let mut v = Vec::new();
        vtimezone("Europe/Paris", 2027, &mut v);
        assert!(v.contains(&"BEGIN:DAYLIGHT".to_string()));
        assert!(v.contains(&"TZOFFSETTO:+0200".to_string()));
        let mut v = Vec::new();
        vtimezone("Asia/Seoul", 2019, &mut v);
        assert!(v.contains(&"TZOFFSETTO:+0900".to_string()));
        assert!(!v.contains(&"BEGIN:DAYLIGHT".to_string()));
    }
}
