//! Writing a checked content catalogue into the database in one transaction. Each module
//! language and lesson language carries a checksum, so a second import of the same files
//! changes nothing, a changed lesson is updated in place (its id, and so everyone's
//! progress, stays), and a lesson whose file is gone is archived, not deleted.

use std::collections::{BTreeMap, BTreeSet};

use sha2::{Digest, Sha256};

use crate::content::{Catalog, Module};
use crate::db::Db;
use crate::repo::library::{self, LessonText, ModuleText};
use crate::repo::{programs, schedule};

/// What an import changed, by kind.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    pub programs_added: u32,
    pub programs_updated: u32,
    pub editions_added: u32,
    pub editions_updated: u32,
    pub modules_added: u32,
    pub modules_updated: u32,
    pub modules_archived: u32,
    pub lessons_added: u32,
    pub lessons_updated: u32,
    pub lessons_archived: u32,
}

impl ImportReport {
    /// True when the import wrote nothing.
    pub fn is_unchanged(&self) -> bool {
        *self == Self::default()
    }
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "programs +{} ~{}; editions +{} ~{}; modules +{} ~{} archived {}; lessons +{} ~{} archived {}",
            self.programs_added,
            self.programs_updated,
            self.editions_added,
            self.editions_updated,
            self.modules_added,
            self.modules_updated,
            self.modules_archived,
            self.lessons_added,
            self.lessons_updated,
            self.lessons_archived
        )
    }
}

fn module_checksum(m: &Module) -> String {
    let text = serde_json::json!([
        m.title,
        m.summary,
        m.learning_outcomes,
        m.further_reading.iter().map(|r| (&r.title, &r.publisher, r.year)).collect::<Vec<_>>(),
        m.self_check.iter().map(|q| (&q.question, &q.answer)).collect::<Vec<_>>(),
    ])
    .to_string();
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Imports `catalog` (already validated) in one write transaction.
pub async fn import(db: &Db, catalog: &Catalog) -> Result<ImportReport, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let mut report = ImportReport::default();
    let module_ids = import_modules(&mut tx, catalog, &mut report).await?;
    import_programs(&mut tx, catalog, &module_ids, &mut report).await?;
    tx.commit().await?;
    Ok(report)
}

async fn import_modules(
    conn: &mut crate::repo::Conn,
    catalog: &Catalog,
    report: &mut ImportReport,
) -> Result<BTreeMap<String, i64>, sqlx::Error> {
    let existing: BTreeMap<String, library::ModuleRow> =
        library::all_modules(conn).await?.into_iter().map(|m| (m.slug.clone(), m)).collect();
    let mut by_slug: BTreeMap<&str, Vec<&Module>> = BTreeMap::new();
    for m in &catalog.modules {
        by_slug.entry(m.slug.as_str()).or_default().push(m);
    }
    let mut ids = BTreeMap::new();
    for (slug, versions) in &by_slug {
        let Some(en) = versions.iter().find(|m| m.language == "en") else { continue };
        let (id, mut changed) = match existing.get(*slug) {
            Some(row) => {
                let moved = row.position != en.order || row.archived != 0;
                if moved {
                    library::set_module_state(conn, row.id, en.order, false).await?;
                }
                (row.id, moved)
            }
            None => {
                report.modules_added += 1;
                (library::insert_module(conn, slug, en.order).await?, false)
            }
        };
        let is_new = !existing.contains_key(*slug);
        ids.insert((*slug).to_string(), id);
        let stored: BTreeMap<String, String> =
            library::module_texts(conn, id).await?.into_iter().map(|t| (t.language, t.checksum)).collect();
        for m in versions {
            let sum = module_checksum(m);
            if stored.get(&m.language) == Some(&sum) {
                continue;
            }
            library::put_module_text(
                conn,
                &ModuleText {
                    module_id: id,
                    language: m.language.clone(),
                    title: m.title.clone(),
                    summary: m.summary.clone(),
                    learning_outcomes: json(&m.learning_outcomes),
                    further_reading: json(
                        &m.further_reading
                            .iter()
                            .map(|r| serde_json::json!({"title": r.title, "publisher": r.publisher, "year": r.year}))
                            .collect::<Vec<_>>(),
                    ),
                    self_check: json(
                        &m.self_check
                            .iter()
                            .map(|q| serde_json::json!({"question": q.question, "answer": q.answer}))
                            .collect::<Vec<_>>(),
                    ),
                    checksum: sum,
                },
            )
            .await?;
            changed = true;
        }
        let languages: BTreeSet<&str> = versions.iter().map(|m| m.language.as_str()).collect();
        for lang in stored.keys().filter(|l| !languages.contains(l.as_str())) {
            library::delete_module_text(conn, id, lang).await?;
            changed = true;
        }
        import_lessons(conn, id, versions, report).await?;
        if changed && !is_new {
            report.modules_updated += 1;
        }
    }
    for (slug, row) in &existing {
        if !by_slug.contains_key(slug.as_str()) && row.archived == 0 {
            library::set_module_state(conn, row.id, row.position, true).await?;
            report.modules_archived += 1;
        }
    }
    Ok(ids)
}

async fn import_lessons(
    conn: &mut crate::repo::Conn,
    module_id: i64,
    versions: &[&Module],
    report: &mut ImportReport,
) -> Result<(), sqlx::Error> {
    let existing: BTreeMap<String, library::LessonRow> =
        library::lessons_of_module(conn, module_id).await?.into_iter().map(|l| (l.slug.clone(), l)).collect();
    // Each lesson slug with its versions; the English one (else the first) gives order and length.
    let mut by_slug: BTreeMap<&str, Vec<&crate::content::Lesson>> = BTreeMap::new();
    for m in versions {
        for l in &m.lessons {
            by_slug.entry(l.slug.as_str()).or_default().push(l);
        }
    }
    for (slug, lessons) in &by_slug {
        let main = lessons.iter().find(|l| l.language == "en").or_else(|| lessons.first()).copied();
        let Some(main) = main else { continue };
        let (id, mut changed, is_new) = match existing.get(*slug) {
            Some(row) => {
                let moved =
                    row.position != main.order || row.duration_minutes != main.duration_minutes || row.archived != 0;
                if moved {
                    library::set_lesson_state(conn, row.id, main.order, main.duration_minutes, false).await?;
                }
                (row.id, moved, false)
            }
            None => {
                report.lessons_added += 1;
                (library::insert_lesson(conn, module_id, slug, main.order, main.duration_minutes).await?, false, true)
            }
        };
        let stored: BTreeMap<String, String> = library::lesson_texts_meta(conn, id).await?.into_iter().collect();
        for l in lessons {
            if stored.get(&l.language) == Some(&l.checksum) {
                continue;
            }
            library::put_lesson_text(
                conn,
                &LessonText {
                    lesson_id: id,
                    language: l.language.clone(),
                    title: l.title.clone(),
                    learning_outcomes: json(&l.learning_outcomes),
                    body: l.body.clone(),
                    words: i64::try_from(l.words).unwrap_or(i64::MAX),
                    checksum: l.checksum.clone(),
                },
            )
            .await?;
            changed = true;
        }
        let languages: BTreeSet<&str> = lessons.iter().map(|l| l.language.as_str()).collect();
        for lang in stored.keys().filter(|l| !languages.contains(l.as_str())) {
            library::delete_lesson_text(conn, id, lang).await?;
            changed = true;
        }
        if changed && !is_new {
            report.lessons_updated += 1;
        }
    }
    for (slug, row) in &existing {
        if !by_slug.contains_key(slug.as_str()) && row.archived == 0 {
            library::set_lesson_state(conn, row.id, row.position, row.duration_minutes, true).await?;
            report.lessons_archived += 1;
        }
    }
    Ok(())
}

async fn import_programs(
    conn: &mut crate::repo::Conn,
    catalog: &Catalog,
    module_ids: &BTreeMap<String, i64>,
    report: &mut ImportReport,
) -> Result<(), sqlx::Error> {
    for p in &catalog.programs {
        let fields = programs::ProgramFields {
            slug: &p.slug,
            name: &p.name,
            short_name: &p.short_name,
            description: &p.description,
            position: p.position,
            checksum: &p.checksum,
        };
        let program_id = match programs::program_by_slug(conn, &p.slug).await? {
            Some(existing) if existing.source_checksum == p.checksum => existing.id,
            Some(existing) => {
                programs::update_program(conn, existing.id, &fields).await?;
                report.programs_updated += 1;
                existing.id
            }
            None => {
                report.programs_added += 1;
                programs::insert_program(conn, &fields).await?
            }
        };
        for ed in &p.editions {
            let existing = programs::edition_by_slug(conn, &ed.spec.slug).await?;
            let edition_id = match existing {
                Some(e) if e.source_checksum == ed.checksum => continue,
                Some(e) => {
                    programs::update_edition(conn, e.id, program_id, &ed.spec, &ed.checksum).await?;
                    report.editions_updated += 1;
                    e.id
                }
                None => {
                    report.editions_added += 1;
                    programs::insert_edition(conn, program_id, &ed.spec, &ed.checksum).await?
                }
            };
            let course: Vec<i64> = ed.spec.modules.iter().filter_map(|s| module_ids.get(s).copied()).collect();
            library::set_course(conn, edition_id, &course).await?;
            sync_sessions(conn, edition_id, ed, module_ids).await?;
        }
    }
    Ok(())
}

/// Sessions from the file, matched by key: changed ones are updated (their calendar
/// sequence rises), new ones added, and file sessions no longer listed removed. Sessions
/// added in the app (no key) are left alone.
async fn sync_sessions(
    conn: &mut crate::repo::Conn,
    edition_id: i64,
    ed: &crate::content::EditionDef,
    module_ids: &BTreeMap<String, i64>,
) -> Result<(), sqlx::Error> {
    let existing = schedule::of_edition(conn, edition_id).await?;
    let mut keys = BTreeSet::new();
    for (key, spec) in &ed.sessions {
        keys.insert(key.as_str());
        let module_id = spec.module.as_ref().and_then(|m| module_ids.get(m).copied());
        match existing.iter().find(|s| s.source_key == *key) {
            Some(s) => {
                let same = s.title == spec.title
                    && s.kind == spec.kind
                    && s.start() == spec.starts_at
                    && s.end() == spec.ends_at
                    && s.room == spec.room
                    && s.online_url == spec.online_url
                    && s.module_id == module_id;
                if !same {
                    schedule::update(conn, s.id, spec, module_id).await?;
                }
            }
            None => {
                schedule::insert(conn, edition_id, key, spec, module_id).await?;
            }
        }
    }
    for s in existing.iter().filter(|s| !s.source_key.is_empty() && !keys.contains(s.source_key.as_str())) {
        schedule::delete(conn, s.id).await?;
    }
    Ok(())
}
