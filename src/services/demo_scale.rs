//! Benchmark data for the coordinators' reports: twenty editions, N participants from fifty
//! countries with their applications, and about ten activity rows per application (lessons,
//! attendance, certificates, survey answers). Seeded, so every run on an empty database gives
//! the same people; a second run adds nothing.

mod activity;
mod batch;
mod editions;
mod enrollments;
mod people;

use std::time::Instant;

use rand::SeedableRng;
use rand::rngs::StdRng;

use super::{ServiceResult, passwords, tokens};
use crate::db::{Backend, Db, now};
use crate::state::AppState;
use batch::Inserter;
pub use people::EMAIL_DOMAIN;

/// The seed of every run: the same data each time.
const SEED: u64 = 2005;

/// What a run generated.
#[derive(Debug, Default)]
pub struct ScaleReport {
    /// Generated participants found already; nothing was added.
    pub already: Option<i64>,
    pub editions_added: u32,
    pub editions: usize,
    pub participants: u64,
    pub enrollments: u64,
    pub lessons: u64,
    pub marks: u64,
    pub certificates: u64,
    pub survey_responses: u64,
    pub seconds: f64,
}

impl std::fmt::Display for ScaleReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(n) = self.already {
            return write!(f, "scale: {n} generated participants are already there; nothing added");
        }
        write!(
            f,
            "generated {} participants, {} enrollments, {} attendance marks, {} lessons done, {} certificates, \
             {} survey responses over {} editions ({} added) in {:.1} s",
            self.participants,
            self.enrollments,
            self.marks,
            self.lessons,
            self.certificates,
            self.survey_responses,
            self.editions,
            self.editions_added,
            self.seconds
        )
    }
}

/// Generates `participants` people and their history, unless generated people exist.
pub async fn generate(state: &AppState, participants: u64) -> ServiceResult<ScaleReport> {
    let started = Instant::now();
    let db = &state.db;
    let (already,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email LIKE $1")
        .bind(format!("%@{EMAIL_DOMAIN}"))
        .fetch_one(&db.pool)
        .await?;
    if already > 0 {
        return Ok(ScaleReport { already: Some(already), ..ScaleReport::default() });
    }
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut report = ScaleReport { editions_added: editions::add(db, &mut rng).await?, ..ScaleReport::default() };
    let eds = editions::load(db).await?;
    report.editions = eds.len();
    let count = usize::try_from(participants).unwrap_or(usize::MAX);
    let people: Vec<people::Person> = (0..count).map(|i| people::person(&mut rng, i)).collect();
    let user_ids = insert_people(db, &people).await?;
    report.participants = user_ids.len() as u64;
    let planned = enrollments::plan(&mut rng, &eds, people.len());
    report.enrollments = enrollments::insert(db, &mut rng, &eds, &people, &user_ids, &planned).await?;
    // The triggers' lookups of enrollments are then planned knowing the table's new size.
    sqlx::query("ANALYZE").execute(&db.pool).await?;
    let written = enrollments::written(db, &eds, &user_ids, &planned).await?;
    report.lessons = activity::lessons(db, &mut rng, &eds, &written).await?;
    report.marks = activity::attendance(db, &mut rng, &eds, &written).await?;
    report.certificates = activity::certificates(db, &mut rng, &eds, &people, &written).await?;
    report.survey_responses = activity::surveys(db, &mut rng, &eds, &written).await?;
    analyze(db).await?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Writes the accounts; returns their ids by person. They share one hash of a random
/// password nobody knows, so none of them can log in until a reset (and only one hash is
/// computed).
async fn insert_people(db: &Db, people: &[people::Person]) -> ServiceResult<Vec<i64>> {
    let hash = passwords::hash(tokens::random_token()).await?;
    let stamp = now().db();
    let mut rows = Inserter::new(
        db,
        "users",
        &[
            "email",
            "password_hash",
            "display_name",
            "role",
            "certificate_name_latin",
            "certificate_name_native",
            "organisation",
            "organisation_type",
            "country",
            "position",
            "preferred_language",
            "time_zone",
            "is_active",
            "created_at",
            "updated_at",
        ],
    );
    for p in people {
        rows.push(vec![
            p.email.as_str().into(),
            hash.as_str().into(),
            p.display_name.as_str().into(),
            "participant".into(),
            p.latin.as_str().into(),
            p.native.as_str().into(),
            p.organisation.as_str().into(),
            p.organisation_type.into(),
            p.country.into(),
            p.position.into(),
            p.language.into(),
            p.time_zone.into(),
            1_i64.into(),
            stamp.as_str().into(),
            stamp.as_str().into(),
        ])
        .await?;
    }
    rows.finish().await?;
    let found: Vec<(i64, String)> = sqlx::query_as("SELECT id, email FROM users WHERE email LIKE $1")
        .bind(format!("%@{EMAIL_DOMAIN}"))
        .fetch_all(&db.pool)
        .await?;
    let mut ids = vec![0; people.len()];
    for (id, email) in found {
        if let Some(slot) = people::index_of(&email).and_then(|i| ids.get_mut(i)) {
            *slot = id;
        }
    }
    Ok(ids)
}

/// Fresh planner statistics for the new sizes. On PostgreSQL the enrollments are compacted
/// first: generating years of activity in a minute updates each enrollment's counters a dozen
/// times faster than any vacuum runs, leaving a table many times its size that a database
/// in service (autovacuum, in-page pruning) never reaches; then a vacuum, so that index-only
/// scans see all-visible pages.
async fn analyze(db: &Db) -> ServiceResult<()> {
    let statements: &[&str] = match db.backend {
        Backend::Sqlite => &["ANALYZE"],
        Backend::Postgres => &["VACUUM FULL enrollments", "VACUUM ANALYZE"],
    };
    for sql in statements {
        sqlx::query(sql).execute(&db.pool).await?;
    }
    Ok(())
}
