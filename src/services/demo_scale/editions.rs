//! The editions the generated people attend: the imported ones plus editions of both programs
//! between 2009 and 2026 until there are twenty, each a week long with a course of four to eight
//! modules and eight to twelve live sessions.

use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use time::{Date, Duration, Month};

use crate::db::{Db, Timestamp, now};
use crate::domain::completion::Rules;
use crate::repo::certificates::{self as certificate_repo, Settings};
use crate::repo::{library, programs, schedule};
use crate::services::certificates::snapshot_of;
use crate::services::{ServiceError, ServiceResult};

/// How many editions the generated data spreads over.
pub const EDITIONS: usize = 20;

/// Candidate editions in the order they are added: program, year, month, mode.
const CANDIDATES: [(&str, i32, u8, &str); 22] = [
    ("gif", 2024, 10, "blended"),
    ("itw", 2018, 10, "on-site"),
    ("gif", 2016, 10, "on-site"),
    ("itw", 2023, 11, "blended"),
    ("itw", 2011, 11, "on-site"),
    ("gif", 2022, 10, "blended"),
    ("itw", 2015, 10, "on-site"),
    ("itw", 2021, 11, "online"),
    ("gif", 2014, 10, "on-site"),
    ("itw", 2009, 11, "on-site"),
    ("gif", 2020, 11, "online"),
    ("itw", 2025, 10, "blended"),
    ("itw", 2013, 10, "on-site"),
    ("gif", 2018, 10, "on-site"),
    ("itw", 2017, 11, "on-site"),
    ("itw", 2026, 10, "blended"),
    ("itw", 2007, 11, "on-site"),
    ("itw", 2012, 10, "on-site"),
    ("gif", 2026, 10, "blended"),
    ("itw", 2016, 11, "on-site"),
    ("itw", 2020, 11, "online"),
    ("itw", 2022, 11, "blended"),
];

const THEMES: [&str; 8] = [
    "Science Parks as Engines of Regional Growth",
    "Incubation and the Start-up Ecosystem",
    "Technology Transfer from Laboratory to Market",
    "Smart Cities and Science Parks",
    "Financing Innovation in Emerging Economies",
    "Science, Technology and Innovation for the SDGs",
    "International Cooperation among Technopolises",
    "Measuring the Impact of Innovation Districts",
];

/// Session kinds with titles.
const SESSIONS: [(&str, &str); 12] = [
    ("lecture", "Opening: the science park in its city"),
    ("lecture", "Governance models of science and technology parks"),
    ("workshop", "Workshop: mapping the triple helix at home"),
    ("site-visit", "Site visit: Daedeok Innopolis"),
    ("panel", "Panel: incubators that graduate firms"),
    ("lecture", "Technology transfer offices that work"),
    ("workshop", "Workshop: a funding ladder for start-ups"),
    ("site-visit", "Site visit: KAIST and its start-up village"),
    ("panel", "Panel: smart-city testbeds"),
    ("lecture", "Indicators for innovation districts"),
    ("workshop", "Workshop: action plans"),
    ("panel", "Closing panel: networks of technopolises"),
];

/// What the generator needs to know of one edition.
#[derive(Debug, Clone)]
pub struct ScaleEdition {
    pub id: i64,
    pub slug: String,
    pub starts_on: Date,
    pub ends_on: Date,
    /// Over before today: its people have completed, attended and been certified.
    pub past: bool,
    pub lessons: Vec<i64>,
    /// Session ids with their start.
    pub sessions: Vec<(i64, Timestamp)>,
    pub country_quota: Option<i64>,
    pub rule_survey: bool,
    pub survey_anonymous: bool,
    /// The certificate snapshot, as issued two weeks after the end.
    pub snapshot: String,
    pub certified_at: Timestamp,
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn bad(e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Internal(e.to_string())
}

/// Midnight UTC of `d` plus `minutes`.
pub fn at(d: Date, minutes: i64) -> Timestamp {
    Timestamp(d.midnight().assume_utc() + Duration::minutes(minutes))
}

/// A Monday in the first three weeks of the month.
fn start_date(rng: &mut StdRng, year: i32, month: u8) -> ServiceResult<Date> {
    let month = Month::try_from(month).map_err(bad)?;
    let first = Date::from_calendar_date(year, month, 1).map_err(bad)?;
    let to_monday = (7 - i64::from(first.weekday().number_days_from_monday())) % 7;
    Ok(first + Duration::days(to_monday + 7 * rng.gen_range(0..3)))
}

/// Adds editions until there are [`EDITIONS`]; returns how many were added.
pub async fn add(db: &Db, rng: &mut StdRng) -> ServiceResult<u32> {
    let mut tx = db.begin_write().await?;
    let (mut count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM editions").fetch_one(&mut *tx).await?;
    let modules: Vec<i64> = library::library(&mut tx, "en").await?.into_iter().map(|m| m.0).collect();
    let mut added = 0;
    for (program, year, month, mode) in CANDIDATES {
        if count >= EDITIONS as i64 {
            break;
        }
        let program_row: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM programs WHERE slug = $1").bind(program).fetch_optional(&mut *tx).await?;
        let Some((program_id,)) = program_row else { continue };
        let gif = program == "gif";
        // The workshop is numbered from 2005, the forum by its year.
        let number = if gif { i64::from(year) } else { i64::from(year) - 2004 };
        let slug = format!("{program}-{year}");
        let (clash,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM editions WHERE slug = $1 OR (program_id = $2 AND number = $3)")
                .bind(&slug)
                .bind(program_id)
                .bind(number)
                .fetch_one(&mut *tx)
                .await?;
        if clash > 0 {
            continue;
        }
        let title = if gif {
            format!("Global Innovation Forum {year}")
        } else {
            format!("{} UNESCO-WTA International Training Workshop", ordinal(number))
        };
        let theme = THEMES[rng.gen_range(0..THEMES.len())];
        let starts = start_date(rng, year, month)?;
        let ends = starts + Duration::days(if gif { 4 } else { 6 });
        let venue = if mode == "online" { "Online" } else { "Daejeon Convention Center" };
        let summary = format!("A week in Daejeon on {}.", theme.to_lowercase());
        let stamp = now().db();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO editions (program_id, slug, number, title, theme, summary, starts_on, ends_on, venue, city, \
             country, time_zone, mode, capacity, working_languages, applications_open_at, applications_close_at, \
             admission_mode, sequential, source_checksum, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'Daejeon', 'KR', 'Asia/Seoul', $10, 1, 'en,ko', $11, $12, \
             'reviewed', 0, '', $13, $13) RETURNING id",
        )
        .bind(program_id)
        .bind(&slug)
        .bind(number)
        .bind(&title)
        .bind(theme)
        .bind(&summary)
        .bind(starts.to_string())
        .bind(ends.to_string())
        .bind(venue)
        .bind(mode)
        .bind(at(starts - Duration::days(150), 0).db())
        .bind(at(starts - Duration::days(45), 0).db())
        .bind(&stamp)
        .fetch_one(&mut *tx)
        .await?;
        let mut chosen = modules.clone();
        chosen.shuffle(rng);
        chosen.truncate(rng.gen_range(4..=8).min(modules.len()));
        library::set_course(&mut tx, id, &chosen).await?;
        add_sessions(&mut tx, rng, id, starts, if gif { 5 } else { 7 }, &chosen, mode, &stamp).await?;
        let settings = Settings {
            rules: Rules { lessons_pct: Some(80), attendance_pct: Some(75), survey: false },
            learning_hours: Some(rng.gen_range(24..=40)),
            language: String::new(),
        };
        certificate_repo::save_settings(&mut tx, id, &settings).await?;
        for (name, title) in crate::services::demo_certificates::SIGNATORIES {
            certificate_repo::add_signatory(&mut tx, id, name, title, "").await?;
        }
        count += 1;
        added += 1;
    }
    tx.commit().await?;
    Ok(added)
}

/// Eight to twelve sessions over the edition's days, mornings and afternoons in Seoul time.
#[allow(clippy::too_many_arguments)]
async fn add_sessions(
    conn: &mut crate::repo::Conn,
    rng: &mut StdRng,
    edition_id: i64,
    starts: Date,
    days: i64,
    modules: &[i64],
    mode: &str,
    stamp: &str,
) -> ServiceResult<()> {
    let count: i64 = rng.gen_range(8..=12);
    for j in 0..count {
        let (kind, title) = SESSIONS[usize::try_from(j).unwrap_or(0) % SESSIONS.len()];
        let day = starts + Duration::days(j * days / count);
        // 09:30 and 14:00 in Seoul (UTC+9, no summer time): 00:30 and 05:00 UTC.
        let (from, to) = if j % 2 == 0 { (30, 180) } else { (300, 480) };
        let module = if kind == "site-visit" {
            None
        } else {
            modules.get(usize::try_from(j).unwrap_or(0) % modules.len().max(1)).copied()
        };
        let room = match (kind, mode) {
            (_, "online") => "",
            ("site-visit", _) => "Departure from the main entrance",
            ("workshop", _) => "Seminar room 2",
            _ => "Main hall",
        };
        let url = if mode == "on-site" { "" } else { "https://meet.example.org/wta" };
        let secret = hex::encode(rng.r#gen::<[u8; 16]>());
        sqlx::query(
            "INSERT INTO edition_sessions (edition_id, source_key, title, kind, starts_at, ends_at, room, online_url, \
             module_id, sequence, checkin_secret, created_at, updated_at) \
             VALUES ($1, '', $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $10)",
        )
        .bind(edition_id)
        .bind(title)
        .bind(kind)
        .bind(at(day, from).db())
        .bind(at(day, to).db())
        .bind(room)
        .bind(url)
        .bind(module)
        .bind(secret)
        .bind(stamp)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn date(text: &str) -> ServiceResult<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.get(..10).unwrap_or(text), format).map_err(bad)
}

/// Every edition with its lessons, sessions and certificate snapshot, oldest first.
pub async fn load(db: &Db) -> ServiceResult<Vec<ScaleEdition>> {
    let mut conn = db.pool.acquire().await?;
    let ids: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM editions ORDER BY starts_on, id").fetch_all(&mut *conn).await?;
    let today = now().0.date();
    let mut out = Vec::new();
    for (id,) in ids {
        let Some(ed) = programs::edition_by_id(&mut conn, id).await? else { continue };
        let starts_on = date(&ed.starts_on)?;
        let ends_on = date(&ed.ends_on)?;
        let lessons = library::course_lessons(&mut conn, id, "en").await?.into_iter().map(|l| l.lesson_id).collect();
        let sessions = schedule::of_edition(&mut conn, id).await?.into_iter().map(|s| (s.id, s.start())).collect();
        let settings = certificate_repo::settings(&mut conn, id).await?;
        let (anonymous,): (i64,) = sqlx::query_as("SELECT survey_anonymous FROM editions WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
        let certified_at = at(ends_on + Duration::days(14), 10 * 60).min(now());
        let snapshot = snapshot_of(&mut conn, &ed, certified_at).await?;
        out.push(ScaleEdition {
            id,
            slug: ed.slug.clone(),
            starts_on,
            ends_on,
            past: ends_on < today,
            lessons,
            sessions,
            country_quota: ed.country_quota,
            rule_survey: settings.rules.survey,
            survey_anonymous: anonymous != 0,
            snapshot: serde_json::to_string(&snapshot).map_err(bad)?,
            certified_at,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_read_naturally() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(2), "2nd");
        assert_eq!(ordinal(3), "3rd");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(15), "15th");
        assert_eq!(ordinal(22), "22nd");
    }
}
