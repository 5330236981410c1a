//! Programs, editions, courses, timetables, trainers' notes, materials lists, certificate
//! rules and whether an edition has a survey, kept in memory, with pieces of pages rendered
//! from them. The catalogue, edition and lesson pages read the same editions, modules,
//! lessons, sessions and trainers for everyone, and a lesson's Markdown would be rendered again
//! on every view. Each entry remembers the content version it was read at; a page reads the
//! current version once (with its session, or in one small query) and uses an entry only when
//! it matches, so a change made through any instance is seen by the next request everywhere.

use std::sync::Arc;

use super::shelf::Shelf;

use crate::repo::certificates::{self as certificate_settings, Settings};
use crate::repo::library::{self, CourseLesson, CourseModule, LessonText};
use crate::repo::materials::{self as edition_materials, Material};
use crate::repo::programs::{self, Edition, Program};
use crate::repo::schedule::{self, LiveSession, Trainer};
use crate::repo::{Reads, content_version};

/// Every program and edition, in catalogue order (programs by position, editions newest first).
/// An edition's places taken are as they were when read: they change with every decision on
/// an application without changing the version, so code that counts places reads the edition
/// itself.
pub struct Catalogue {
    pub programs: Vec<Program>,
    pub editions: Vec<Edition>,
}

/// An edition's course in one language.
pub struct Course {
    pub modules: Vec<CourseModule>,
    pub lessons: Vec<CourseLesson>,
}

/// An edition's live sessions with their trainers, and the edition's trainers.
pub struct Timetable {
    pub sessions: Vec<LiveSession>,
    /// (session id, trainer id, trainer name), by name.
    pub session_trainers: Vec<(i64, i64, String)>,
    pub trainers: Vec<Trainer>,
}

/// A trainer's note under a lesson: (body, author's name, updated at).
pub type LessonNote = (String, String, String);

/// One lesson's text in one language, its other languages and its rendered HTML.
pub struct LessonPage {
    pub text: LessonText,
    pub languages: Vec<String>,
    pub html: String,
}

/// Names a rendered piece of a page: the piece's name and the templates' generation (debug
/// builds reload changed templates), the edition (0 for none), the language, and whatever else
/// the piece varies by besides the content (the viewer's time zone, which editions are running
/// or taking applications now, the reader's progress or checklist).
#[derive(PartialEq, Eq, Hash)]
pub struct FragmentKey {
    pub name: &'static str,
    pub templates: u64,
    pub edition_id: i64,
    pub lang: &'static str,
    pub variant: String,
}

/// The cache; one per running app (tests run several apps in one process).
pub struct ContentCache {
    catalogue: Shelf<(), Catalogue>,
    courses: Shelf<(i64, String), Course>,
    timetables: Shelf<i64, Timetable>,
    lessons: Shelf<(String, i64, String), LessonPage>,
    fragments: Shelf<FragmentKey, str>,
    settings: Shelf<i64, Settings>,
    materials: Shelf<i64, Vec<Material>>,
    surveys: Shelf<i64, bool>,
    notes: Shelf<(i64, i64), Option<LessonNote>>,
}

impl Default for ContentCache {
    fn default() -> Self {
        ContentCache {
            catalogue: Shelf::new(),
            courses: Shelf::new(),
            timetables: Shelf::new(),
            lessons: Shelf::new(),
            fragments: Shelf::new(),
            settings: Shelf::new(),
            materials: Shelf::new(),
            surveys: Shelf::new(),
            notes: Shelf::new(),
        }
    }
}

impl ContentCache {
    /// The content as of now: read once per page, then used for every part of it.
    pub async fn at<'c>(&'c self, conn: &mut impl Reads) -> Result<Content<'c>, sqlx::Error> {
        Ok(Content { cache: self, version: content_version::current(conn.conn().await?).await? })
    }

    /// The content at a version read earlier in the same request (with its session), before
    /// anything it shows was read.
    pub fn at_version(&self, version: i64) -> Content<'_> {
        Content { cache: self, version }
    }
}

/// The cache at one content version.
#[derive(Clone, Copy)]
pub struct Content<'c> {
    cache: &'c ContentCache,
    version: i64,
}

impl Content<'_> {
    /// Every program and edition (see `Catalogue` on places taken).
    pub async fn catalogue(&self, conn: &mut impl Reads) -> Result<Arc<Catalogue>, sqlx::Error> {
        let read = async {
            let conn = conn.conn().await?;
            let programs = programs::all_programs(conn).await?;
            let editions = programs::all_editions(conn).await?;
            Ok(Catalogue { programs, editions })
        };
        self.cache.catalogue.get_or_read((), self.version, read).await
    }

    /// The edition `slug` as pages show it (see `Catalogue` on places taken).
    pub async fn edition(&self, conn: &mut impl Reads, slug: &str) -> Result<Option<Edition>, sqlx::Error> {
        Ok(self.catalogue(conn).await?.editions.iter().find(|e| e.slug == slug).cloned())
    }

    /// The course of edition `edition_id` in `lang` (module and lesson texts fall back to English).
    pub async fn course(&self, conn: &mut impl Reads, edition_id: i64, lang: &str) -> Result<Arc<Course>, sqlx::Error> {
        let read = async {
            let conn = conn.conn().await?;
            let modules = library::course_modules(conn, edition_id, lang).await?;
            let lessons = library::course_lessons(conn, edition_id, lang).await?;
            Ok(Course { modules, lessons })
        };
        self.cache.courses.get_or_read((edition_id, lang.to_string()), self.version, read).await
    }

    /// The timetable and trainers of edition `edition_id`.
    pub async fn timetable(&self, conn: &mut impl Reads, edition_id: i64) -> Result<Arc<Timetable>, sqlx::Error> {
        let read = async {
            let conn = conn.conn().await?;
            let sessions = schedule::of_edition(conn, edition_id).await?;
            let session_trainers = schedule::trainers_of_sessions(conn, edition_id).await?;
            let trainers = schedule::trainers(conn, edition_id).await?;
            Ok(Timetable { sessions, session_trainers, trainers })
        };
        self.cache.timetables.get_or_read(edition_id, self.version, read).await
    }

    /// Lesson `lesson_id` in `lang` (else English) as shown in the edition `edition_slug`,
    /// whose links `render` writes; None when the lesson has no text.
    pub async fn lesson(
        &self,
        conn: &mut impl Reads,
        edition_slug: &str,
        lesson_id: i64,
        lang: &str,
        render: impl FnOnce(&str) -> String,
    ) -> Result<Option<Arc<LessonPage>>, sqlx::Error> {
        let key = (edition_slug.to_string(), lesson_id, lang.to_string());
        if let Some(p) = self.cache.lessons.get(&key, &self.version) {
            return Ok(Some(p));
        }
        let conn = conn.conn().await?;
        let Some(text) = library::lesson_text(conn, lesson_id, lang).await? else { return Ok(None) };
        let languages = library::lesson_languages(conn, lesson_id).await?;
        let html = render(&text.body);
        let p = Arc::new(LessonPage { text, languages, html });
        self.cache.lessons.put(key, self.version, p.clone());
        Ok(Some(p))
    }

    /// The certificate settings and completion rules of edition `edition_id`.
    pub async fn settings(&self, conn: &mut impl Reads, edition_id: i64) -> Result<Arc<Settings>, sqlx::Error> {
        self.cache
            .settings
            .get_or_read(edition_id, self.version, async {
                certificate_settings::settings(conn.conn().await?, edition_id).await
            })
            .await
    }

    /// The current materials of edition `edition_id`, newest first, whoever may see them.
    pub async fn materials(&self, conn: &mut impl Reads, edition_id: i64) -> Result<Arc<Vec<Material>>, sqlx::Error> {
        self.cache
            .materials
            .get_or_read(edition_id, self.version, async {
                edition_materials::of_edition(conn.conn().await?, edition_id).await
            })
            .await
    }

    /// Whether edition `edition_id` has a survey (questions) to answer.
    pub async fn has_survey(&self, conn: &mut impl Reads, edition_id: i64) -> Result<bool, sqlx::Error> {
        let read = async { crate::repo::survey::has_questions(conn.conn().await?, edition_id).await };
        Ok(*self.cache.surveys.get_or_read(edition_id, self.version, read).await?)
    }

    /// The trainers' note on lesson `lesson_id` in edition `edition_id`, if there is one.
    pub async fn note(
        &self,
        conn: &mut impl Reads,
        edition_id: i64,
        lesson_id: i64,
    ) -> Result<Arc<Option<LessonNote>>, sqlx::Error> {
        let read = async { crate::repo::learning::note(conn.conn().await?, edition_id, lesson_id).await };
        self.cache.notes.get_or_read((edition_id, lesson_id), self.version, read).await
    }

    /// The piece of page `key` as rendered at this version, when it is in memory.
    pub fn kept_fragment(&self, key: &FragmentKey) -> Option<Arc<str>> {
        self.cache.fragments.get(key, &self.version)
    }

    /// The piece of page `key` as rendered at this version: `render` runs only when it is
    /// not in memory. The piece must depend on nothing but the content and its key.
    pub fn fragment<E>(&self, key: FragmentKey, render: impl FnOnce() -> Result<String, E>) -> Result<Arc<str>, E> {
        if let Some(f) = self.kept_fragment(&key) {
            return Ok(f);
        }
        let f: Arc<str> = render()?.into();
        self.cache.fragments.put(key, self.version, f.clone());
        Ok(f)
    }
}
