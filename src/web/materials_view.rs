//! How materials are shown: one material as JSON, the places a file can be attached to
//! (edition, module, lesson, session), and an edition's materials grouped by those places.

use serde_json::{Value, json};

use crate::domain::material;
use crate::domain::schedule as clock;
use crate::i18n::t;
use crate::repo::materials::Material;
use crate::repo::programs::Edition;
use crate::services::content_cache::Content;

/// `1.2 MB`, `340 kB`.
pub fn human_size(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    if b >= 1_000_000.0 {
        format!("{:.1} MB", b / 1_000_000.0)
    } else if b >= 1000.0 {
        format!("{:.0} kB", b / 1000.0)
    } else {
        format!("{bytes} B")
    }
}

pub fn material_json(m: &Material) -> Value {
    json!({
        "id": m.id, "title": m.title, "description": m.description, "visibility": m.visibility,
        "file_name": m.file_name, "size": human_size(m.size), "bytes": m.size, "content_type": m.content_type,
        "kind": material::kind(&m.content_type),
        "version": m.version, "updated": m.updated_at.get(..10).unwrap_or_default(),
        "url": format!("/materials/{}/download", m.id),
    })
}

/// A lesson a file can be attached to.
pub struct LessonPlace {
    pub id: i64,
    pub slug: String,
    pub title: String,
}

/// A module of the course with its lessons.
pub struct ModulePlace {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub lessons: Vec<LessonPlace>,
}

/// A live session, with its local date in the edition's zone.
pub struct SessionPlace {
    pub id: i64,
    pub title: String,
    pub day: String,
}

/// Where in an edition a material can be attached.
pub struct Places {
    pub modules: Vec<ModulePlace>,
    pub sessions: Vec<SessionPlace>,
}

impl Places {
    /// Built from the course and timetable as `content` holds them.
    pub async fn of(
        conn: &mut impl crate::repo::Reads,
        content: &Content<'_>,
        ed: &Edition,
        lang: &str,
    ) -> Result<Places, sqlx::Error> {
        let course = content.course(conn, ed.id, lang).await?;
        let modules = course
            .modules
            .iter()
            .map(|m| ModulePlace {
                lessons: course
                    .lessons
                    .iter()
                    .filter(|l| l.module_id == m.module_id)
                    .map(|l| LessonPlace { id: l.lesson_id, slug: l.lesson_slug.clone(), title: l.title.clone() })
                    .collect(),
                id: m.module_id,
                slug: m.slug.clone(),
                title: m.title.clone(),
            })
            .collect();
        let sessions = content
            .timetable(conn, ed.id)
            .await?
            .sessions
            .iter()
            .map(|s| SessionPlace {
                id: s.id,
                day: clock::day_in(s.start(), &ed.time_zone).map(clock::date_text).unwrap_or_default(),
                title: s.title.clone(),
            })
            .collect();
        Ok(Places { modules, sessions })
    }

    /// The options of a form's "attach to" list, in groups.
    pub fn choices(&self, lang: &str) -> Value {
        let modules: Vec<Value> = self
            .modules
            .iter()
            .flat_map(|m| {
                let own = json!({ "value": format!("module:{}", m.slug), "name": m.title });
                let lessons = m.lessons.iter().map(move |l| {
                    json!({ "value": format!("lesson:{}/{}", m.slug, l.slug), "name": format!("— {}", l.title) })
                });
                std::iter::once(own).chain(lessons)
            })
            .collect();
        let sessions: Vec<Value> = self
            .sessions
            .iter()
            .map(|s| json!({ "value": format!("session:{}", s.id), "name": format!("{} · {}", s.day, s.title) }))
            .collect();
        json!([
            { "label": t(lang, "materials-attach-modules"), "options": modules },
            { "label": t(lang, "materials-attach-sessions"), "options": sessions },
        ])
    }

    /// Where a material is attached, in words ("Module: …, lesson “…”"), or empty for the edition.
    pub fn describe(&self, m: &Material, lang: &str) -> String {
        if let Some(s) = m.session_id.and_then(|id| self.sessions.iter().find(|s| s.id == id)) {
            return t_title(lang, "materials-session", &format!("{} · {}", s.day, s.title));
        }
        let Some(module) = m.module_id.and_then(|id| self.modules.iter().find(|x| x.id == id)) else {
            return String::new();
        };
        let mut text = t_title(lang, "materials-module", &module.title);
        if let Some(l) = m.lesson_id.and_then(|id| module.lessons.iter().find(|l| l.id == id)) {
            text = format!("{text}, {}", t_title(lang, "materials-lesson", &l.title));
        }
        text
    }

    /// Materials grouped as a participant reads them: the edition's own first, then each
    /// module in course order, then each session in time order. Empty groups are left out.
    pub fn group(&self, materials: &[Material], lang: &str) -> Vec<Value> {
        let item = |m: &Material| {
            let mut j = material_json(m);
            let lesson = m
                .lesson_id
                .and_then(|id| self.modules.iter().flat_map(|x| &x.lessons).find(|l| l.id == id))
                .map(|l| t_title(lang, "materials-lesson", &l.title));
            j["lesson"] = json!(lesson);
            j
        };
        // A session wins over a module: the file belongs to that meeting.
        let placed = |m: &&Material| m.session_id.is_some_and(|id| self.sessions.iter().any(|s| s.id == id));
        let in_module = |m: &&Material| m.module_id.is_some_and(|id| self.modules.iter().any(|x| x.id == id));
        let mut groups = Vec::new();
        let general: Vec<Value> = materials.iter().filter(|m| !placed(m) && !in_module(m)).map(item).collect();
        if !general.is_empty() {
            groups.push(json!({ "heading": t(lang, "materials-general"), "items": general }));
        }
        for module in &self.modules {
            let items: Vec<Value> =
                materials.iter().filter(|m| !placed(m) && m.module_id == Some(module.id)).map(item).collect();
            if !items.is_empty() {
                groups.push(json!({ "heading": t_title(lang, "materials-module", &module.title), "items": items }));
            }
        }
        for s in &self.sessions {
            let items: Vec<Value> = materials.iter().filter(|m| m.session_id == Some(s.id)).map(item).collect();
            if !items.is_empty() {
                let title = format!("{} · {}", s.day, s.title);
                groups.push(json!({ "heading": t_title(lang, "materials-session", &title), "items": items }));
            }
        }
        groups
    }
}

fn t_title(lang: &str, key: &str, title: &str) -> String {
    crate::i18n::t_args(lang, key, &[("title", title.to_string().into())])
}
