//! Editions and their live sessions: the kinds of values they hold and the rules a new or
//! changed one must keep (end after start, sessions inside the edition's days, capacity of
//! at least one, a time zone from the IANA list).

use serde::Serialize;
use time::Date;

use super::schedule::{day_bounds, parse_date, parse_local, to_utc};
use super::{FieldErrors, countries, languages, names, time_zone};
use crate::db::Timestamp;
use crate::msg;

/// Hours an offered seat waits for its taker unless the edition says otherwise.
pub const DEFAULT_OFFER_HOURS: i64 = 72;

pub const MODES: [&str; 3] = ["on-site", "online", "blended"];
pub const ADMISSION_MODES: [&str; 2] = ["open", "reviewed"];
pub const SESSION_KINDS: [&str; 4] = ["lecture", "workshop", "site-visit", "panel"];
const LONG_TEXT_MAX: usize = 4000;

/// `itw-2027`: lowercase letters, digits and single hyphens, 2 to 60 characters.
pub fn slug(raw: &str) -> Result<String, &'static str> {
    let s = raw.trim();
    let ok = (2..=60).contains(&s.len())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if ok { Ok(s.to_string()) } else { Err(msg!("err-slug-invalid")) }
}

fn required_text(raw: &str) -> Result<String, &'static str> {
    let s = names::short_text(raw)?;
    if s.is_empty() { Err(msg!("err-title-required")) } else { Ok(s) }
}

/// A paragraph (summary, theme, note): trimmed, at most 4000 characters.
pub fn long_text(raw: &str) -> Result<String, &'static str> {
    if raw.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(msg!("err-text-control"));
    }
    let s = raw.trim().replace("\r\n", "\n");
    if s.chars().count() > LONG_TEXT_MAX { Err(msg!("err-long-text-too-long")) } else { Ok(s) }
}

fn one_of(raw: &str, list: &[&'static str], key: &'static str) -> Result<&'static str, &'static str> {
    list.iter().copied().find(|m| *m == raw.trim()).ok_or(key)
}

fn positive(raw: &str, key: &'static str) -> Result<i64, &'static str> {
    match raw.trim().parse::<i64>() {
        Ok(n) if (1..=1_000_000).contains(&n) => Ok(n),
        _ => Err(key),
    }
}

/// `https://…` or empty.
pub fn optional_url(raw: &str) -> Result<String, &'static str> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    match url::Url::parse(s) {
        Ok(u) if u.scheme() == "https" || u.scheme() == "http" => Ok(s.to_string()),
        _ => Err(msg!("err-url-invalid")),
    }
}

/// The edition form as typed. Dates are `YYYY-MM-DD`; the application window is wall-clock
/// time in the edition's zone.
#[derive(Debug, Default, Clone, serde::Deserialize, Serialize)]
#[serde(default)]
pub struct EditionInput {
    pub program: String,
    pub slug: String,
    pub number: String,
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
    pub capacity: String,
    pub working_languages: Vec<String>,
    pub applications_open: String,
    pub applications_close: String,
    pub admission_mode: String,
    pub sequential: String,
    pub modules: Vec<String>,
    /// Hours a waitlisted person has to take up an offered seat; empty means 72.
    pub offer_hours: String,
    /// Most accepted participants per country; empty means no quota.
    pub country_quota: String,
}

/// An edition that keeps every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionSpec {
    pub slug: String,
    pub number: i64,
    pub title: String,
    pub theme: String,
    pub summary: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub venue: String,
    pub city: String,
    pub country: String,
    pub time_zone: String,
    pub mode: &'static str,
    pub capacity: i64,
    pub working_languages: Vec<String>,
    pub applications_open_at: Option<Timestamp>,
    pub applications_close_at: Option<Timestamp>,
    pub admission_mode: &'static str,
    pub sequential: bool,
    /// Module slugs in course order (checked against the library by the service).
    pub modules: Vec<String>,
    pub offer_hours: i64,
    pub country_quota: Option<i64>,
}

impl EditionInput {
    pub fn validate(&self) -> Result<EditionSpec, FieldErrors> {
        let mut e = FieldErrors::new();
        let slug = e.check("slug", slug(&self.slug));
        let number = e.check("number", positive(&self.number, msg!("err-number-invalid")));
        let title = e.check("title", required_text(&self.title));
        let theme = e.check("theme", long_text(&self.theme));
        let summary = e.check("summary", long_text(&self.summary));
        let starts_on = e.check("starts_on", parse_date(&self.starts_on).ok_or(msg!("err-date-invalid")));
        let ends_on = e.check("ends_on", parse_date(&self.ends_on).ok_or(msg!("err-date-invalid")));
        if let (Some(s), Some(end)) = (starts_on, ends_on) {
            if end < s {
                e.add("ends_on", msg!("err-end-before-start"));
            }
        }
        let venue = e.check("venue", names::short_text(&self.venue));
        let city = e.check("city", names::short_text(&self.city));
        let country = e.check("country", countries::country_code(&self.country));
        let zone = e.check("time_zone", time_zone::time_zone(&self.time_zone).and_then(non_empty_zone));
        let mode = e.check("mode", one_of(&self.mode, &MODES, msg!("err-mode-unknown")));
        let capacity = e.check("capacity", positive(&self.capacity, msg!("err-capacity-invalid")));
        let mut working = Vec::new();
        for l in self.working_languages.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
            if !languages::is_supported(l) {
                e.add("working_languages", msg!("err-language-unknown"));
            } else if !working.iter().any(|w| w == l) {
                working.push(l.to_string());
            }
        }
        if working.is_empty() && e.for_field("working_languages").is_none() {
            e.add("working_languages", msg!("err-languages-required"));
        }
        let admission =
            e.check("admission_mode", one_of(&self.admission_mode, &ADMISSION_MODES, msg!("err-admission-unknown")));
        let mut window = |field: &'static str, raw: &str| -> Option<Option<Timestamp>> {
            if raw.trim().is_empty() {
                return Some(None);
            }
            let local = e.check(field, parse_local(raw).ok_or(msg!("err-datetime-invalid")))?;
            let zone = zone.clone()?;
            to_utc(local, &zone).map(Some)
        };
        let open = window("applications_open", &self.applications_open);
        let close = window("applications_close", &self.applications_close);
        if let (Some(Some(o)), Some(Some(c))) = (open, close) {
            if c <= o {
                e.add("applications_close", msg!("err-end-before-start"));
            }
        }
        let mut modules: Vec<String> = Vec::new();
        for m in self.modules.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
            if !modules.iter().any(|x| x == m) {
                modules.push(m.to_string());
            }
        }
        let sequential = matches!(self.sequential.trim(), "1" | "on" | "true" | "yes");
        let offer_hours = if self.offer_hours.trim().is_empty() {
            Some(DEFAULT_OFFER_HOURS)
        } else {
            e.check(
                "offer_hours",
                positive(&self.offer_hours, msg!("err-offer-hours-invalid"))
                    .and_then(|h| if h <= 720 { Ok(h) } else { Err(msg!("err-offer-hours-invalid")) }),
            )
        };
        let country_quota = if self.country_quota.trim().is_empty() {
            Some(None)
        } else {
            e.check("country_quota", positive(&self.country_quota, msg!("err-quota-invalid")).map(Some))
        };
        e.clone().into_result()?;
        match (slug, number, title, theme, summary, starts_on, ends_on, venue, city, country, zone) {
            (
                Some(slug),
                Some(number),
                Some(title),
                Some(theme),
                Some(summary),
                Some(starts_on),
                Some(ends_on),
                Some(venue),
                Some(city),
                Some(country),
                Some(time_zone),
            ) => Ok(EditionSpec {
                slug,
                number,
                title,
                theme,
                summary,
                starts_on,
                ends_on,
                venue,
                city,
                country,
                time_zone,
                mode: mode.unwrap_or("on-site"),
                capacity: capacity.unwrap_or(1),
                working_languages: working,
                applications_open_at: open.flatten(),
                applications_close_at: close.flatten(),
                admission_mode: admission.unwrap_or("reviewed"),
                sequential,
                modules,
                offer_hours: offer_hours.unwrap_or(DEFAULT_OFFER_HOURS),
                country_quota: country_quota.flatten(),
            }),
            _ => Err(e),
        }
    }
}

fn non_empty_zone(z: String) -> Result<String, &'static str> {
    if z.is_empty() { Err(msg!("err-time-zone-unknown")) } else { Ok(z) }
}

/// The session form as typed; times are wall-clock in the edition's zone.
#[derive(Debug, Default, Clone, serde::Deserialize, Serialize)]
#[serde(default)]
pub struct SessionInput {
    pub title: String,
    pub kind: String,
    pub starts_at: String,
    pub ends_at: String,
    pub room: String,
    pub online_url: String,
    pub module: String,
    pub trainers: Vec<String>,
}

/// A session that keeps every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSpec {
    pub title: String,
    pub kind: &'static str,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub room: String,
    pub online_url: String,
    pub module: Option<String>,
}

/// The days a session must fall within, and the zone its times are read in.
#[derive(Debug, Clone)]
pub struct EditionFrame {
    pub starts_on: Date,
    pub ends_on: Date,
    pub time_zone: String,
}

impl SessionInput {
    pub fn validate(&self, frame: &EditionFrame) -> Result<SessionSpec, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", required_text(&self.title));
        let kind = e.check("kind", one_of(&self.kind, &SESSION_KINDS, msg!("err-session-kind-unknown")));
        let start = e.check("starts_at", parse_local(&self.starts_at).ok_or(msg!("err-datetime-invalid")));
        let end = e.check("ends_at", parse_local(&self.ends_at).ok_or(msg!("err-datetime-invalid")));
        let room = e.check("room", names::short_text(&self.room));
        let online_url = e.check("online_url", optional_url(&self.online_url));
        let mut times = None;
        if let (Some(s), Some(en)) = (start, end) {
            let zone = &frame.time_zone;
            match (to_utc(s, zone), to_utc(en, zone), day_bounds(frame.starts_on, frame.ends_on, zone)) {
                (Some(s), Some(en), Some((first, after_last))) => {
                    if en <= s {
                        e.add("ends_at", msg!("err-end-before-start"));
                    } else if s < first || en > after_last {
                        e.add("starts_at", msg!("err-session-outside-edition"));
                    } else {
                        times = Some((s, en));
                    }
                }
                _ => e.add("starts_at", msg!("err-datetime-invalid")),
            }
        }
        let module = Some(self.module.trim()).filter(|m| !m.is_empty()).map(str::to_string);
        e.clone().into_result()?;
        match (title, kind, times, room, online_url) {
            (Some(title), Some(kind), Some((starts_at, ends_at)), Some(room), Some(online_url)) => {
                Ok(SessionSpec { title, kind, starts_at, ends_at, room, online_url, module })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> EditionInput {
        EditionInput {
            program: "itw".into(),
            slug: "itw-2027".into(),
            number: "22".into(),
            title: "22nd UNESCO-WTA International Training Workshop".into(),
            theme: "Science parks for resilient cities".into(),
            starts_on: "2027-10-18".into(),
            ends_on: "2027-10-22".into(),
            country: "KR".into(),
            time_zone: "Asia/Seoul".into(),
            mode: "blended".into(),
            capacity: "40".into(),
            working_languages: vec!["en".into(), "ko".into()],
            applications_open: "2027-03-01 09:00".into(),
            applications_close: "2027-06-30 18:00".into(),
            admission_mode: "reviewed".into(),
            ..EditionInput::default()
        }
    }

    #[test]
    fn a_complete_edition_is_accepted() {
        let s = good().validate().unwrap();
        assert_eq!(s.capacity, 40);
        assert_eq!(s.applications_close_at.unwrap().rfc3339(), "2027-06-30T09:00:00Z");
    }

    #[test]
    fn each_broken_field_is_named() {
        let mut f = good();
        f.ends_on = "2027-10-01".into();
        f.capacity = "-3".into();
        f.time_zone = "Seoul".into();
        f.slug = "ITW 2027".into();
        f.applications_close = "2027-02-01 09:00".into();
        let e = f.validate().unwrap_err();
        assert_eq!(e.for_field("ends_on"), Some("err-end-before-start"));
        assert_eq!(e.for_field("capacity"), Some("err-capacity-invalid"));
        assert_eq!(e.for_field("time_zone"), Some("err-time-zone-unknown"));
        assert_eq!(e.for_field("slug"), Some("err-slug-invalid"));
        let mut f = good();
        f.applications_close = "2027-02-01 09:00".into();
        assert_eq!(f.validate().unwrap_err().for_field("applications_close"), Some("err-end-before-start"));
        let mut f = good();
        f.capacity = "0".into();
        assert_eq!(f.validate().unwrap_err().for_field("capacity"), Some("err-capacity-invalid"));
    }

    fn frame() -> EditionFrame {
        EditionFrame {
            starts_on: parse_date("2019-10-21").unwrap(),
            ends_on: parse_date("2019-10-23").unwrap(),
            time_zone: "Asia/Seoul".into(),
        }
    }

    fn session(start: &str, end: &str) -> SessionInput {
        SessionInput {
            title: "Opening lecture".into(),
            kind: "lecture".into(),
            starts_at: start.into(),
            ends_at: end.into(),
            ..SessionInput::default()
        }
    }

    #[test]
    fn sessions_must_fit_the_edition_days() {
        assert!(session("2019-10-21 09:00", "2019-10-21 10:00").validate(&frame()).is_ok());
        assert!(session("2019-10-23 22:00", "2019-10-23 23:59").validate(&frame()).is_ok());
        let e = session("2019-10-24 09:00", "2019-10-24 10:00").validate(&frame()).unwrap_err();
        assert_eq!(e.for_field("starts_at"), Some("err-session-outside-edition"));
        let e = session("2019-10-21 10:00", "2019-10-21 09:00").validate(&frame()).unwrap_err();
        assert_eq!(e.for_field("ends_at"), Some("err-end-before-start"));
        let e = session("tomorrow", "2019-10-21 09:00").validate(&frame()).unwrap_err();
        assert_eq!(e.for_field("starts_at"), Some("err-datetime-invalid"));
    }

    #[test]
    fn slugs_are_plain() {
        assert!(slug("itw-2027").is_ok());
        assert!(slug("-x").is_err());
        assert!(slug("a--b").is_err());
        assert!(slug("Itw").is_err());
    }
}
