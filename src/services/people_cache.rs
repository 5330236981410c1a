//! Each signed-in person's own standing in an edition, kept in memory: whether they train
//! it and the state of their application, the lessons they marked done, what counts toward
//! their certificate, and their certificates. Their edition and lesson pages read these on
//! every view, while they change only when the person, a trainer or a coordinator acts.
//!
//! A copy is kept with the person's own version and the content version it was read at. The
//! person's version is raised in the same transaction as any change to what is kept here
//! (migration 0010) and read with the session, so a change made through any instance is seen
//! by the person's next request everywhere.

use std::sync::Arc;

use super::shelf::Shelf;
use crate::domain::completion::Done;
use crate::repo::certificates::{self as certificate_reads, Certificate};
use crate::repo::{Reads, learning};

/// (person version, content version): the course's lessons and sessions count in `Done`.
type Version = (i64, i64);
/// (user id, edition id).
type Key = (i64, i64);

/// The cache; one per running app.
pub struct PeopleCache {
    standing: Shelf<Key, (bool, Option<String>), Version>,
    completed: Shelf<Key, Vec<i64>, Version>,
    done: Shelf<Key, Done, Version>,
    certificates: Shelf<Key, Vec<Certificate>, Version>,
}

impl Default for PeopleCache {
    fn default() -> Self {
        PeopleCache { standing: Shelf::new(), completed: Shelf::new(), done: Shelf::new(), certificates: Shelf::new() }
    }
}

impl PeopleCache {
    /// One person as of versions read with their session in this request.
    pub fn person(&self, user_id: i64, person_version: i64, content_version: i64) -> Person<'_> {
        Person { cache: self, user_id, version: (person_version, content_version) }
    }
}

/// One person's copies at one version.
#[derive(Clone, Copy)]
pub struct Person<'c> {
    cache: &'c PeopleCache,
    user_id: i64,
    version: Version,
}

/// The copy on `shelf` when `person` is `user_id` (at `person`'s version), else what `read`
/// returns: anyone else's standing is read from the database and not kept.
async fn kept<T>(
    shelf: impl FnOnce(&PeopleCache) -> &Shelf<Key, T, Version>,
    person: Option<Person<'_>>,
    edition_id: i64,
    user_id: i64,
    read: impl std::future::Future<Output = Result<T, sqlx::Error>>,
) -> Result<Arc<T>, sqlx::Error> {
    match person.filter(|p| p.user_id == user_id) {
        Some(p) => shelf(p.cache).get_or_read((user_id, edition_id), p.version, read).await,
        None => Ok(Arc::new(read.await?)),
    }
}

/// Whether `user_id` trains edition `edition_id`, and the state of their application there.
pub async fn standing(
    conn: &mut impl Reads,
    person: Option<Person<'_>>,
    edition_id: i64,
    user_id: i64,
) -> Result<Arc<(bool, Option<String>)>, sqlx::Error> {
    kept(|c| &c.standing, person, edition_id, user_id, async {
        learning::standing(conn.conn().await?, edition_id, user_id).await
    })
    .await
}

/// The lessons `user_id` marked done in edition `edition_id`.
pub async fn completed(
    conn: &mut impl Reads,
    person: Option<Person<'_>>,
    edition_id: i64,
    user_id: i64,
) -> Result<Arc<Vec<i64>>, sqlx::Error> {
    kept(|c| &c.completed, person, edition_id, user_id, async {
        learning::completed(conn.conn().await?, edition_id, user_id).await
    })
    .await
}

/// What counts toward the certificate of `user_id` in edition `edition_id`.
pub async fn done(
    conn: &mut impl Reads,
    person: Option<Person<'_>>,
    edition_id: i64,
    user_id: i64,
) -> Result<Arc<Done>, sqlx::Error> {
    kept(|c| &c.done, person, edition_id, user_id, async {
        certificate_reads::done(conn.conn().await?, edition_id, user_id).await
    })
    .await
}

/// The certificates of `user_id` in edition `edition_id`, newest first.
pub async fn certificates(
    conn: &mut impl Reads,
    person: Option<Person<'_>>,
    edition_id: i64,
    user_id: i64,
) -> Result<Arc<Vec<Certificate>>, sqlx::Error> {
    kept(|c| &c.certificates, person, edition_id, user_id, async {
        certificate_reads::of_person(conn.conn().await?, edition_id, user_id).await
    })
    .await
}
