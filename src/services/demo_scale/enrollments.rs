//! Who applied where and how it ended: one application per person (a tenth also apply to a
//! second edition), far more in some editions than in others, with the states a real
//! history leaves; seat counters follow the seat-holding applications as the enrollment code
//! keeps them.

use std::collections::HashMap;

use rand::Rng;
use rand::rngs::StdRng;
use time::Duration;

use super::batch::Inserter;
use super::editions::{ScaleEdition, at};
use super::people::{Person, weighted};
use crate::db::{Db, Timestamp, now};
use crate::domain::enrollment::{ACCEPTED, COMPLETED, EXPIRED, OFFERED, REJECTED, SUBMITTED, WAITLISTED, WITHDRAWN};
use crate::services::ServiceResult;

/// States of applications to an edition that is over, and their weights.
const PAST: [(&str, u32); 6] =
    [(COMPLETED, 45), (ACCEPTED, 25), (REJECTED, 13), (WITHDRAWN, 8), (EXPIRED, 5), (WAITLISTED, 4)];
/// States of applications to an edition still to come.
const COMING: [(&str, u32); 6] =
    [(SUBMITTED, 35), (ACCEPTED, 25), (WAITLISTED, 20), (OFFERED, 5), (REJECTED, 10), (WITHDRAWN, 5)];

const MOTIVATIONS: [&str; 5] = [
    "Our park is writing its next five-year plan and I want to learn from other science cities.",
    "I run our incubation programme and need better ways to help start-ups grow.",
    "My city is planning an innovation district and I am responsible for the technology transfer part.",
    "I want to build partnerships with technopolises in Asia and bring the lessons home.",
    "Our university is opening a technology transfer office and I will lead it.",
];

/// One planned application: edition index, person index, state.
#[derive(Debug, Clone, Copy)]
pub struct Planned {
    pub edition: usize,
    pub person: usize,
    pub state: &'static str,
}

/// True while an application in this state holds one of the edition's seats.
pub fn holds_seat(state: &str) -> bool {
    matches!(state, ACCEPTED | COMPLETED | OFFERED)
}

/// Edition weights: the forum draws more people than the workshop, and one recent forum
/// (or the latest past edition) is the largest, with about 13 % of all applications.
fn weights(rng: &mut StdRng, editions: &[ScaleEdition]) -> Vec<u32> {
    let mut w: Vec<u32> = editions
        .iter()
        .map(|e| if e.slug.starts_with("gif") { rng.gen_range(6..=10) } else { rng.gen_range(3..=6) })
        .collect();
    let largest = editions
        .iter()
        .position(|e| e.slug == "gif-2024")
        .or_else(|| editions.iter().rposition(|e| e.past))
        .unwrap_or(0);
    let others: u32 = w.iter().enumerate().filter(|(i, _)| *i != largest).map(|(_, w)| *w).sum();
    if let Some(l) = w.get_mut(largest) {
        *l = others * 13 / 87;
    }
    w
}

/// Every application, person by person.
pub fn plan(rng: &mut StdRng, editions: &[ScaleEdition], people: usize) -> Vec<Planned> {
    let w = weights(rng, editions);
    let past_w = PAST.map(|s| s.1);
    let coming_w = COMING.map(|s| s.1);
    let mut out = Vec::with_capacity(people + people / 9);
    for person in 0..people {
        let first = weighted(rng, &w);
        let mut chosen = vec![first];
        if rng.gen_ratio(1, 10) && editions.len() > 1 {
            let mut second = weighted(rng, &w);
            while second == first {
                second = (second + 1) % editions.len();
            }
            chosen.push(second);
        }
        for edition in chosen {
            let state = match editions.get(edition) {
                Some(e) if e.past => PAST[weighted(rng, &past_w)].0,
                _ => COMING[weighted(rng, &coming_w)].0,
            };
            out.push(Planned { edition, person, state });
        }
    }
    out
}

const COLUMNS: &[&str] = &[
    "edition_id",
    "user_id",
    "state",
    "created_at",
    "updated_at",
    "certificate_name_latin",
    "certificate_name_native",
    "organisation",
    "organisation_type",
    "country",
    "position",
    "motivation",
    "consent_listed",
    "consent_photos",
    "consent_contact",
    "answers",
    "queue_number",
    "waitlist_reason",
    "offer_expires_at",
    "holds_seat",
    "submitted_at",
    "decided_at",
    "completed_at",
];

fn flag(rng: &mut StdRng, percent: u32) -> i64 {
    i64::from(rng.gen_ratio(percent, 100))
}

/// When an application was sent and decided: months before a past edition, in the last
/// weeks for one still to come.
fn dates(rng: &mut StdRng, e: &ScaleEdition) -> (Timestamp, Timestamp) {
    let today = now();
    if e.past {
        let sent = at(e.starts_on - Duration::days(rng.gen_range(40..150)), rng.gen_range(0..1440));
        (sent, sent.plus_minutes(60 * 24 * rng.gen_range(2..30)))
    } else {
        let sent = today.plus_minutes(-60 * 24 * rng.gen_range(3..90) - rng.gen_range(0..1440));
        (sent, sent.plus_minutes(60 * 24 * rng.gen_range(1..3)).min(today))
    }
}

/// Writes the applications (details copied from each person, as the form does) and moves
/// the seat counters; returns how many were written.
pub async fn insert(
    db: &Db,
    rng: &mut StdRng,
    editions: &[ScaleEdition],
    people: &[Person],
    user_ids: &[i64],
    planned: &[Planned],
) -> ServiceResult<u64> {
    let mut rows = Inserter::new(db, "enrollments", COLUMNS);
    let mut queue: HashMap<usize, i64> = HashMap::new();
    let mut seats: HashMap<usize, i64> = HashMap::new();
    let mut country_seats: HashMap<(usize, &str), i64> = HashMap::new();
    for p in planned {
        let (Some(e), Some(person), Some(&user_id)) =
            (editions.get(p.edition), people.get(p.person), user_ids.get(p.person))
        else {
            continue;
        };
        let (sent, decided) = dates(rng, e);
        let decided = (p.state != SUBMITTED).then_some(decided);
        let queue_number = (p.state == WAITLISTED).then(|| {
            let n = queue.entry(p.edition).or_insert(0);
            *n += 1;
            *n
        });
        let offer_expires = match (p.state, decided) {
            (OFFERED, _) => Some(now().plus_minutes(72 * 60)),
            (EXPIRED, Some(d)) => Some(d.plus_minutes(72 * 60)),
            _ => None,
        };
        let completed = (p.state == COMPLETED).then_some(e.certified_at);
        let updated = completed.or(offer_expires.filter(|_| p.state == EXPIRED)).or(decided).unwrap_or(sent);
        let seat = holds_seat(p.state);
        if seat {
            *seats.entry(p.edition).or_insert(0) += 1;
            if e.country_quota.is_some() {
                *country_seats.entry((p.edition, person.country)).or_insert(0) += 1;
            }
        }
        let motivation = MOTIVATIONS[rng.gen_range(0..MOTIVATIONS.len())];
        rows.push(vec![
            e.id.into(),
            user_id.into(),
            p.state.into(),
            sent.db().into(),
            updated.db().into(),
            person.latin.as_str().into(),
            person.native.as_str().into(),
            person.organisation.as_str().into(),
            person.organisation_type.into(),
            person.country.into(),
            person.position.into(),
            motivation.into(),
            flag(rng, 60).into(),
            flag(rng, 50).into(),
            flag(rng, 40).into(),
            "{}".into(),
            queue_number.into(),
            if p.state == WAITLISTED { "capacity" } else { "" }.into(),
            offer_expires.map(|t| t.db()).into(),
            i64::from(seat).into(),
            sent.db().into(),
            decided.map(|t| t.db()).into(),
            completed.map(|t| t.db()).into(),
        ])
        .await?;
    }
    let written = rows.finish().await?;
    let mut tx = db.begin_write().await?;
    for (edition, taken) in seats {
        let Some(e) = editions.get(edition) else { continue };
        // Past editions had a few seats to spare; coming ones are full (hence the waitlist).
        let spare = if e.past { taken / 10 } else { 0 };
        sqlx::query(
            "UPDATE editions SET \
             capacity = CASE WHEN capacity < seats_taken + $1 + $2 THEN seats_taken + $1 + $2 ELSE capacity END, \
             seats_taken = seats_taken + $1 WHERE id = $3",
        )
        .bind(taken)
        .bind(spare)
        .bind(e.id)
        .execute(&mut *tx)
        .await?;
    }
    for ((edition, country), taken) in country_seats {
        let Some(e) = editions.get(edition) else { continue };
        sqlx::query(
            "INSERT INTO country_seats (edition_id, country, taken) VALUES ($1, $2, $3) \
             ON CONFLICT (edition_id, country) DO UPDATE SET taken = country_seats.taken + excluded.taken",
        )
        .bind(e.id)
        .bind(country)
        .bind(taken)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(written)
}

/// A written application: its id and where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Written {
    pub id: i64,
    pub edition: usize,
    pub person: usize,
    pub user: i64,
    pub state: &'static str,
}

/// The written applications of the generated people, matched back to the plan.
pub async fn written(
    db: &Db,
    editions: &[ScaleEdition],
    user_ids: &[i64],
    planned: &[Planned],
) -> ServiceResult<Vec<Written>> {
    let (Some(first), Some(last)) = (user_ids.iter().min(), user_ids.iter().max()) else { return Ok(Vec::new()) };
    let rows: Vec<(i64, i64, i64)> =
        sqlx::query_as("SELECT id, edition_id, user_id FROM enrollments WHERE user_id >= $1 AND user_id <= $2")
            .bind(first)
            .bind(last)
            .fetch_all(&db.pool)
            .await?;
    let ids: HashMap<(i64, i64), i64> = rows.into_iter().map(|(id, e, u)| ((e, u), id)).collect();
    Ok(planned
        .iter()
        .filter_map(|p| {
            let e = editions.get(p.edition)?;
            let user = user_ids.get(p.person)?;
            let id = ids.get(&(e.id, *user))?;
            Some(Written { id: *id, edition: p.edition, person: p.person, user: *user, state: p.state })
        })
        .collect())
}
