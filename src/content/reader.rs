//! Walks `modules/`, parses every file, and checks the rules the importer relies on.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::front_matter::{line_of, split, toml_problem};
use super::links::{is_internal, markdown_links, resolve};
use super::model::{Catalog, Lesson, LessonFrontMatter, Module, ModuleFile, Problem};
use crate::domain::languages;

struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, file: &Path, line: usize, message: impl Into<String>) {
        self.0.push(Problem { file: file.to_path_buf(), line, message: message.into() });
    }
}

/// `01-origins.ko.md` → (1, "origins", "ko"); `02-x.md` → (2, "x", "en").
fn lesson_name_parts(name: &str) -> Option<(i64, String, String)> {
    let stem = name.strip_suffix(".md")?;
    let (stem, lang) = match stem.rsplit_once('.') {
        Some((s, l)) if l.len() == 2 => (s, l.to_string()),
        _ => (stem, "en".to_string()),
    };
    let (order, slug) = stem.split_once('-')?;
    Some((order.parse().ok()?, slug.to_string(), lang))
}

/// `01-triple-helix` → (1, "triple-helix").
fn folder_parts(name: &str) -> Option<(i64, String)> {
    let (order, slug) = name.split_once('-')?;
    Some((order.parse().ok()?, slug.to_string()))
}

pub(super) fn checksum(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn words(body: &str) -> usize {
    body.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    Ok(v)
}

/// Reads every module under `dir/modules`. Either all of it is valid, or every problem is
/// returned.
pub fn read_modules(dir: &Path) -> Result<Catalog, Vec<Problem>> {
    let mut problems = Problems(Vec::new());
    let modules_dir = dir.join("modules");
    let folders = match sorted_entries(&modules_dir) {
        Ok(f) => f,
        Err(e) => {
            problems.add(&modules_dir, 1, format!("cannot read the modules folder: {e}"));
            return Err(problems.0);
        }
    };
    let all_files: HashSet<PathBuf> = folders.iter().filter_map(|f| sorted_entries(f).ok()).flatten().collect();
    let mut modules = Vec::new();
    let mut module_orders: BTreeMap<(String, i64), PathBuf> = BTreeMap::new();
    for folder in folders.iter().filter(|f| f.is_dir()) {
        let name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let Some((folder_order, folder_slug)) = folder_parts(&name) else {
            problems.add(folder, 1, "a module folder is named <NN>-<slug>, e.g. 01-triple-helix");
            continue;
        };
        for module in read_module(folder, folder_order, &folder_slug, &all_files, &mut problems) {
            if let Some(first) = module_orders.insert((module.language.clone(), module.order), folder.clone()) {
                problems.add(
                    folder,
                    1,
                    format!("module order {} is already used by {}", module.order, first.display()),
                );
            }
            modules.push(module);
        }
    }
    if problems.0.is_empty() { Ok(Catalog { modules, programs: Vec::new() }) } else { Err(problems.0) }
}

/// Reads modules and programs; either everything is valid, or every problem is returned.
pub fn read_all(dir: &Path) -> Result<Catalog, Vec<Problem>> {
    let (mut catalog, mut problems) = match read_modules(dir) {
        Ok(c) => (c, Vec::new()),
        Err(p) => (Catalog::default(), p),
    };
    let slugs: std::collections::BTreeSet<String> = if problems.is_empty() {
        catalog.modules.iter().map(|m| m.slug.clone()).collect()
    } else {
        // Module problems are already reported; read the folder names so editions are
        // still checked against them.
        sorted_entries(&dir.join("modules"))
            .unwrap_or_default()
            .iter()
            .filter_map(|f| f.file_name().and_then(|n| folder_parts(&n.to_string_lossy())).map(|p| p.1))
            .collect()
    };
    catalog.programs = super::programs::read_programs(dir, &slugs, &mut problems);
    if problems.is_empty() { Ok(catalog) } else { Err(problems) }
}

fn read_module(
    folder: &Path,
    order: i64,
    slug: &str,
    all_files: &HashSet<PathBuf>,
    problems: &mut Problems,
) -> Vec<Module> {
    let files = sorted_entries(folder).unwrap_or_default();
    let mut by_language: BTreeMap<String, Module> = BTreeMap::new();
    for path in files.iter().filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("module."))) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let expected_lang = match name.as_str() {
            "module.toml" => "en".to_string(),
            other => match other.strip_prefix("module.").and_then(|r| r.strip_suffix(".toml")) {
                Some(l) => l.to_string(),
                None => {
                    problems.add(path, 1, "module files are module.toml or module.<language>.toml");
                    continue;
                }
            },
        };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                problems.add(path, 1, format!("cannot read: {e}"));
                continue;
            }
        };
        let m: ModuleFile = match toml::from_str(&text) {
            Ok(m) => m,
            Err(e) => {
                let (line, message) = toml_problem(&text, &e);
                problems.add(path, line, message);
                continue;
            }
        };
        let key_line = |key: &str| text.lines().position(|l| l.trim_start().starts_with(key)).map_or(1, |i| i + 1);
        if m.slug != slug {
            problems.add(path, key_line("slug"), format!("slug is {:?} but the folder says {slug:?}", m.slug));
        }
        if m.order != order {
            problems.add(path, key_line("order"), format!("order is {} but the folder says {order}", m.order));
        }
        if !languages::is_supported(&m.language) {
            problems.add(
                path,
                key_line("language"),
                format!("unknown language {:?}; use one of en, ko, vi, fr", m.language),
            );
        } else if m.language != expected_lang {
            problems.add(
                path,
                key_line("language"),
                format!("language is {:?} but the file name says {expected_lang:?}", m.language),
            );
        }
        if m.title.trim().is_empty() {
            problems.add(path, key_line("title"), "the title is empty");
        }
        if m.learning_outcomes.is_empty() {
            problems.add(path, key_line("learning_outcomes"), "list at least one learning outcome");
        }
        by_language.insert(
            expected_lang.clone(),
            Module {
                slug: m.slug,
                title: m.title,
                order: m.order,
                language: expected_lang,
                summary: m.summary,
                learning_outcomes: m.learning_outcomes,
                further_reading: m.further_reading,
                self_check: m.self_check,
                lessons: Vec::new(),
            },
        );
    }
    if !by_language.contains_key("en") {
        problems.add(
            &folder.join("module.toml"),
            1,
            "missing module.toml (the module's title, order, summary and outcomes)",
        );
    }
    let mut seen_orders: BTreeMap<(String, i64), PathBuf> = BTreeMap::new();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "md")) {
        let Some(lesson) = read_lesson(path, all_files, problems) else { continue };
        if let Some(first) = seen_orders.insert((lesson.language.clone(), lesson.order), path.clone()) {
            problems.add(path, 3, format!("lesson order {} is already used by {}", lesson.order, first.display()));
        }
        match by_language.get_mut(&lesson.language) {
            Some(m) => m.lessons.push(lesson),
            None => problems.add(
                path,
                1,
                format!("a {} lesson needs module.{}.toml beside it", lesson.language, lesson.language),
            ),
        }
    }
    let mut modules: Vec<Module> = by_language.into_values().collect();
    for m in &mut modules {
        m.lessons.sort_by_key(|l| l.order);
        if m.lessons.is_empty() {
            problems.add(folder, 1, format!("the {} module has no lessons", m.language));
        }
    }
    modules
}

fn read_lesson(path: &Path, all_files: &HashSet<PathBuf>, problems: &mut Problems) -> Option<Lesson> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let Some((file_order, slug, file_lang)) = lesson_name_parts(&name) else {
        problems.add(path, 1, "a lesson file is named <NN>-<slug>.md or <NN>-<slug>.<language>.md");
        return None;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            problems.add(path, 1, format!("cannot read: {e}"));
            return None;
        }
    };
    let parts = match split(&text) {
        Ok(p) => p,
        Err((line, message)) => {
            problems.add(path, line, message);
            return None;
        }
    };
    let fm: LessonFrontMatter = match toml::from_str(parts.toml) {
        Ok(f) => f,
        Err(e) => {
            let (line, message) = toml_problem(parts.toml, &e);
            problems.add(path, line + parts.toml_first_line - 1, message);
            return None;
        }
    };
    let key_line = |key: &str| {
        parts.toml.lines().position(|l| l.trim_start().starts_with(key)).map_or(1, |i| i + parts.toml_first_line)
    };
    let before = problems.0.len();
    if fm.title.trim().is_empty() {
        problems.add(path, key_line("title"), "the title is empty");
    }
    if fm.order != file_order {
        problems.add(path, key_line("order"), format!("order is {} but the file name says {file_order}", fm.order));
    }
    if !languages::is_supported(&fm.language) {
        problems.add(
            path,
            key_line("language"),
            format!("unknown language {:?}; use one of en, ko, vi, fr", fm.language),
        );
    } else if fm.language != file_lang {
        problems.add(
            path,
            key_line("language"),
            format!("language is {:?} but the file name says {file_lang:?}", fm.language),
        );
    }
    if !(1..=600).contains(&fm.duration_minutes) {
        problems.add(path, key_line("duration_minutes"), "duration_minutes must be between 1 and 600");
    }
    for (offset, target) in markdown_links(parts.body) {
        if !is_internal(&target) {
            continue;
        }
        let exists = resolve(path, &target).is_some_and(|p| all_files.contains(&p));
        if !exists {
            let line = parts.body_first_line + line_of(parts.body, offset) - 1;
            problems.add(path, line, format!("broken link to {target}: no such lesson file"));
        }
    }
    if problems.0.len() > before {
        return None;
    }
    Some(Lesson {
        slug,
        title: fm.title,
        order: fm.order,
        duration_minutes: fm.duration_minutes,
        language: fm.language,
        learning_outcomes: fm.learning_outcomes,
        words: words(parts.body),
        body: parts.body.to_string(),
        checksum: checksum(&text),
        path: path.to_path_buf(),
    })
}
