//! Editions and sessions as pages and the API show them: dates in the edition's time zone
//! and, when the viewer's differs, in theirs too.

use serde_json::{Value, json};

use crate::db::{Timestamp, now};
use crate::domain::{countries, schedule};
use crate::repo::programs::Edition;
use crate::repo::schedule::LiveSession;

/// upcoming, running or past, by the edition's own calendar.
pub fn phase(e: &Edition) -> &'static str {
    phase_at(e, now())
}

/// The same at the moment `at`.
pub fn phase_at(e: &Edition, at: Timestamp) -> &'static str {
    let today = schedule::day_in(at, &e.time_zone).map(schedule::date_text).unwrap_or_default();
    if today < e.starts_on {
        "upcoming"
    } else if today > e.ends_on {
        "past"
    } else {
        "running"
    }
}

fn when(at: Option<Timestamp>, zone: &str, viewer: Option<&str>) -> Value {
    match at {
        Some(t) => json!({
            "utc": t.rfc3339(),
            "local": schedule::display(t, zone),
            "viewer": viewer.filter(|v| *v != zone).map(|v| schedule::display(t, v)),
        }),
        None => Value::Null,
    }
}

/// The viewer's zone when it is known and differs from the edition's.
pub fn viewer_zone<'a>(viewer: Option<&'a str>, zone: &str) -> Option<&'a str> {
    viewer.filter(|v| !v.is_empty() && *v != zone)
}

pub fn edition(e: &Edition, lang: &str, viewer: Option<&str>) -> Value {
    edition_at(e, lang, viewer, now())
}

/// The same, with its phase and whether it takes applications as at the moment `at`.
pub fn edition_at(e: &Edition, lang: &str, viewer: Option<&str>, at: Timestamp) -> Value {
    let viewer = viewer_zone(viewer, &e.time_zone);
    let country = countries::find(&e.country).map_or(e.country.clone(), |c| c.name(lang).to_string());
    json!({
        "slug": e.slug,
        "program": { "slug": e.program_slug, "name": e.program_name, "short_name": e.program_short_name },
        "number": e.number,
        "title": e.title,
        "theme": e.theme,
        "summary": e.summary,
        "starts_on": e.starts_on,
        "ends_on": e.ends_on,
        "venue": e.venue,
        "city": e.city,
        "country": e.country,
        "country_name": country,
        "time_zone": e.time_zone,
        "viewer_time_zone": viewer,
        "mode": e.mode,
        "capacity": e.capacity,
        "working_languages": e.languages(),
        "applications_open": when(e.open_at(), &e.time_zone, viewer),
        "applications_close": when(e.close_at(), &e.time_zone, viewer),
        "accepting_applications": e.is_open(at),
        "admission_mode": e.admission_mode,
        "sequential": e.sequential != 0,
        "phase": phase_at(e, at),
    })
}

pub fn session(e: &Edition, s: &LiveSession, trainers: Vec<Value>, viewer: Option<&str>) -> Value {
    let zone = &e.time_zone;
    let viewer = viewer_zone(viewer, zone);
    let (start, end) = (s.start(), s.end());
    json!({
        "id": s.id,
        "title": s.title,
        "kind": s.kind,
        "starts_at": start.rfc3339(),
        "ends_at": end.rfc3339(),
        "day": schedule::day_in(start, zone).map(schedule::date_text),
        "time": format!("{}–{}", schedule::clock(start, zone), schedule::clock(end, zone)),
        "zone_name": schedule::in_zone(start, zone).map(|(_, n)| n),
        "viewer_time": viewer.map(|v| span(start, end, v)),
        "room": s.room,
        "online_url": s.online_url,
        "module": s.module_slug,
        "trainers": trainers,
        "sequence": s.sequence,
    })
}

/// `2027-10-11 02:30–04:00 CEST (Europe/Paris)`: a session as seen in another zone.
fn span(start: Timestamp, end: Timestamp, zone: &str) -> String {
    let day = schedule::day_in(start, zone).map(schedule::date_text).unwrap_or_default();
    let name = schedule::in_zone(start, zone).map(|(_, n)| n).unwrap_or_default();
    format!("{day} {}–{} {name} ({zone})", schedule::clock(start, zone), schedule::clock(end, zone))
}

/// Sessions grouped by the edition's local day: `[{day, sessions: [...]}]`.
pub fn timetable(sessions: Vec<Value>) -> Vec<Value> {
    let mut days: Vec<Value> = Vec::new();
    for s in sessions {
        let day = s["day"].clone();
        match days.last_mut() {
            Some(d) if d["day"] == day => {
                if let Some(list) = d["sessions"].as_array_mut() {
                    list.push(s);
                }
            }
            _ => days.push(json!({ "day": day, "sessions": [s] })),
        }
    }
    days
}
