//! Following a course: who may read an edition's lessons, the course outline with each
//! person's progress and locks, one lesson with its neighbours, and marking lessons done.

use serde::Serialize;

use super::content_cache::Content;
use super::people_cache::{self, Person};
use super::{ServiceError, ServiceResult};
use crate::domain::user::User;
use crate::msg;
use crate::repo::library::{self, CourseLesson, CourseModule};
use crate::repo::programs::{self, Edition};
use crate::repo::{Conn, Reads, learning};
use crate::state::AppState;

/// What a person may do in one edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    None,
    Participant,
    Trainer,
    Coordinator,
}

impl Access {
    pub fn can_read(self) -> bool {
        self != Access::None
    }
    /// Trainers of the edition and coordinators edit sessions and lesson notes.
    pub fn can_teach(self) -> bool {
        matches!(self, Access::Trainer | Access::Coordinator)
    }
}

pub async fn access(conn: &mut Conn, edition: &Edition, user: Option<&User>) -> Result<Access, sqlx::Error> {
    match user {
        // Coordinators run every edition: nothing to read.
        Some(u) if u.role.is_coordinator() => Ok(Access::Coordinator),
        _ => Ok(standing(conn, None, edition, user).await?.0),
    }
}

/// What a person may do in one edition and the state of their application there, if any.
/// `person` is the signed-in person's copy in memory, when the caller has one.
pub async fn standing(
    conn: &mut impl Reads,
    person: Option<Person<'_>>,
    edition: &Edition,
    user: Option<&User>,
) -> Result<(Access, Option<String>), sqlx::Error> {
    let Some(user) = user else { return Ok((Access::None, None)) };
    let (trains, state) = (*people_cache::standing(conn, person, edition.id, user.id).await?).clone();
    let access = if user.role.is_coordinator() {
        Access::Coordinator
    } else if trains {
        Access::Trainer
    } else {
        match &state {
            Some(s) if learning::ACTIVE_STATES.contains(&s.as_str()) => Access::Participant,
            _ => Access::None,
        }
    };
    Ok((access, state))
}

/// An edition by slug, or not found.
pub async fn edition(conn: &mut Conn, slug: &str) -> ServiceResult<Edition> {
    programs::edition_by_slug(conn, slug).await?.ok_or(ServiceError::NotFound)
}

/// An edition by slug as pages show it, from the content in memory (its places taken may be
/// behind; see `content_cache::Catalogue`), or not found.
pub async fn shown_edition(conn: &mut impl Reads, content: &Content<'_>, slug: &str) -> ServiceResult<Edition> {
    content.edition(conn, slug).await?.ok_or(ServiceError::NotFound)
}

/// An edition by slug on a connection of its own, released before the caller goes on.
pub async fn edition_named(state: &crate::state::AppState, slug: &str) -> ServiceResult<Edition> {
    let mut conn = state.db.pool.acquire().await?;
    edition(&mut conn, slug).await
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OutlineLesson {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub duration_minutes: i64,
    pub done: bool,
    pub locked: bool,
    /// The first lesson of each module is open to everyone as a preview.
    pub preview: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OutlineModule {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub lessons: Vec<OutlineLesson>,
    pub done: usize,
    pub total: usize,
    pub percent: u32,
    #[serde(skip)]
    pub text: CourseModule,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Outline {
    pub modules: Vec<OutlineModule>,
    pub done: usize,
    pub total: usize,
    pub percent: u32,
    pub sequential: bool,
}

pub fn percent(done: usize, total: usize) -> u32 {
    (done * 100).checked_div(total).map_or(0, |p| u32::try_from(p).unwrap_or(100))
}

/// The course of `edition` in `lang`, with the progress of `learner` (a participant whose
/// progress counts); locks apply to that learner when the course is sequential.
pub async fn outline(
    conn: &mut impl Reads,
    content: &Content<'_>,
    person: Option<Person<'_>>,
    edition: &Edition,
    learner: Option<i64>,
    lang: &str,
) -> ServiceResult<Outline> {
    let course = content.course(conn, edition.id, lang).await?;
    let (modules, lessons) = (&course.modules, &course.lessons);
    let done = match learner {
        Some(u) => people_cache::completed(conn, person, edition.id, u).await?,
        None => Default::default(),
    };
    let sequential = edition.sequential != 0;
    // With sequential locking, every lesson after the first one not done is locked.
    let first_open = lessons.iter().position(|l| !done.contains(&l.lesson_id)).unwrap_or(lessons.len());
    let mut out = Vec::new();
    for m in modules.iter().cloned() {
        let mine: Vec<(usize, &CourseLesson)> =
            lessons.iter().enumerate().filter(|(_, l)| l.module_id == m.module_id).collect();
        let items: Vec<OutlineLesson> = mine
            .iter()
            .enumerate()
            .map(|(i, (course_index, l))| OutlineLesson {
                id: l.lesson_id,
                slug: l.lesson_slug.clone(),
                title: l.title.clone(),
                duration_minutes: l.duration_minutes,
                done: done.contains(&l.lesson_id),
                locked: sequential && learner.is_some() && *course_index > first_open,
                preview: i == 0,
            })
            .collect();
        let d = items.iter().filter(|l| l.done).count();
        out.push(OutlineModule {
            slug: m.slug.clone(),
            title: m.title.clone(),
            summary: m.summary.clone(),
            language: m.language.clone(),
            total: items.len(),
            done: d,
            percent: percent(d, items.len()),
            lessons: items,
            text: m,
        });
    }
    let total: usize = out.iter().map(|m| m.total).sum();
    let d: usize = out.iter().map(|m| m.done).sum();
    Ok(Outline { modules: out, done: d, total, percent: percent(d, total), sequential })
}

/// The lessons `learner` has done in each module of the course, in course order (none for
/// others): what a piece showing progress per module, but not the lessons, is kept under.
/// Reads what `outline` reads and copies no text.
pub async fn module_progress(
    conn: &mut impl Reads,
    content: &Content<'_>,
    person: Option<Person<'_>>,
    edition: &Edition,
    learner: Option<i64>,
    lang: &str,
) -> ServiceResult<Vec<usize>> {
    let course = content.course(conn, edition.id, lang).await?;
    let Some(u) = learner else { return Ok(vec![0; course.modules.len()]) };
    let done = people_cache::completed(conn, person, edition.id, u).await?;
    Ok(course
        .modules
        .iter()
        .map(|m| course.lessons.iter().filter(|l| l.module_id == m.module_id && done.contains(&l.lesson_id)).count())
        .collect())
}

/// One lesson as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct LessonView {
    pub module_slug: String,
    pub module_title: String,
    pub slug: String,
    pub title: String,
    pub language: String,
    pub languages: Vec<String>,
    pub duration_minutes: i64,
    pub learning_outcomes: Vec<String>,
    pub html: String,
    pub done: bool,
    pub locked: bool,
    pub preview: bool,
    pub previous: Option<(String, String, String)>,
    pub next: Option<(String, String, String)>,
    pub note: Option<(String, String, String)>,
    pub words: i64,
}

/// The lesson `module/lesson` of `edition`. People without access see only previews
/// (anything else is not found to them).
#[allow(clippy::too_many_arguments)]
pub async fn lesson(
    conn: &mut impl Reads,
    content: &Content<'_>,
    person: Option<Person<'_>>,
    edition: &Edition,
    access: Access,
    learner: Option<i64>,
    module_slug: &str,
    lesson_slug: &str,
    lang: &str,
) -> ServiceResult<(LessonView, Outline)> {
    let outline = outline(conn, content, person, edition, learner, lang).await?;
    let flat: Vec<(&OutlineModule, &OutlineLesson)> =
        outline.modules.iter().flat_map(|m| m.lessons.iter().map(move |l| (m, l))).collect();
    let index =
        flat.iter().position(|(m, l)| m.slug == module_slug && l.slug == lesson_slug).ok_or(ServiceError::NotFound)?;
    let (module, item) = flat[index];
    if !access.can_read() && !item.preview {
        return Err(ServiceError::NotFound);
    }
    let edition_slug = edition.slug.clone();
    let this_module = module.slug.clone();
    let render = |body: &str| {
        crate::content::render::to_html(body, |m, l| {
            format!("/editions/{edition_slug}/modules/{}/{l}", m.unwrap_or(&this_module))
        })
    };
    let page = content.lesson(conn, &edition.slug, item.id, lang, render).await?.ok_or(ServiceError::NotFound)?;
    let text = &page.text;
    let html = if item.locked { String::new() } else { page.html.clone() };
    let neighbour =
        |i: Option<usize>| i.and_then(|i| flat.get(i)).map(|(m, l)| (m.slug.clone(), l.slug.clone(), l.title.clone()));
    let note = (*content.note(conn, edition.id, item.id).await?).clone();
    let view = LessonView {
        module_slug: module.slug.clone(),
        module_title: module.title.clone(),
        slug: item.slug.clone(),
        title: text.title.clone(),
        language: text.language.clone(),
        languages: page.languages.clone(),
        duration_minutes: item.duration_minutes,
        learning_outcomes: serde_json::from_str(&text.learning_outcomes).unwrap_or_default(),
        html,
        done: item.done,
        locked: item.locked,
        preview: item.preview,
        previous: neighbour(index.checked_sub(1)),
        next: neighbour(Some(index + 1)),
        note,
        words: text.words,
    };
    Ok((view, outline))
}

/// Marks a lesson done (or not done) for an enrolled participant. A locked lesson is
/// refused with a message; people who are not participants of the edition get not found.
pub async fn set_done(
    state: &AppState,
    edition_slug: &str,
    module_slug: &str,
    lesson_slug: &str,
    user: &User,
    done: bool,
    lang: &str,
) -> ServiceResult<Outline> {
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, edition_slug).await?;
    let a = access(&mut tx, &ed, Some(user)).await?;
    match a {
        Access::Participant => {}
        Access::None => return Err(ServiceError::NotFound),
        Access::Trainer | Access::Coordinator => {
            return Err(ServiceError::Refused(msg!("err-progress-participants-only")));
        }
    }
    let content = state.content.at(&mut tx).await?;
    let outline = outline(&mut tx, &content, None, &ed, Some(user.id), lang).await?;
    let item = outline
        .modules
        .iter()
        .filter(|m| m.slug == module_slug)
        .flat_map(|m| m.lessons.iter())
        .find(|l| l.slug == lesson_slug)
        .ok_or(ServiceError::NotFound)?;
    if item.locked {
        return Err(ServiceError::Refused(msg!("err-lesson-locked")));
    }
    let id = item.id;
    if done {
        learning::mark_done(&mut tx, ed.id, user.id, id).await?;
    } else {
        learning::mark_not_done(&mut tx, ed.id, user.id, id).await?;
    }
    let after = self::outline(&mut tx, &content, None, &ed, Some(user.id), lang).await?;
    tx.commit().await?;
    Ok(after)
}

/// Sets the edition-specific note on a lesson (trainers of the edition and coordinators).
pub async fn set_note(
    state: &AppState,
    edition_slug: &str,
    module_slug: &str,
    lesson_slug: &str,
    user: &User,
    body: &str,
) -> ServiceResult<()> {
    let body = crate::domain::edition::long_text(body).map_err(|k| ServiceError::field("note", k))?;
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, edition_slug).await?;
    if !access(&mut tx, &ed, Some(user)).await?.can_teach() {
        return Err(ServiceError::NotFound);
    }
    let lessons = library::course_lessons(&mut tx, ed.id, "en").await?;
    let lesson = lessons
        .iter()
        .find(|l| l.module_slug == module_slug && l.lesson_slug == lesson_slug)
        .ok_or(ServiceError::NotFound)?;
    learning::set_note(&mut tx, ed.id, lesson.lesson_id, user.id, &body).await?;
    crate::repo::audit::record(
        &mut tx,
        crate::repo::audit::AuditEntry {
            actor_id: Some(user.id),
            action: "lesson.note",
            subject_type: "edition",
            subject_id: ed.slug.clone(),
            before: serde_json::Value::Null,
            after: serde_json::json!({ "lesson": format!("{module_slug}/{lesson_slug}"), "note": body }),
            reason: "",
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
