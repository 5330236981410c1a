//! Reading `programs/<slug>/program.toml` and `programs/<slug>/editions/*.toml`: the
//! programs and their editions with sessions, checked by the same rules as the forms.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::value::Datetime;

use super::front_matter::toml_problem;
use super::model::Problem;
use crate::domain::edition::{EditionFrame, EditionInput, EditionSpec, SessionInput, SessionSpec};
use crate::i18n::t;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramFile {
    slug: String,
    name: String,
    short_name: String,
    position: i64,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionFile {
    slug: String,
    number: i64,
    title: String,
    #[serde(default)]
    theme: String,
    #[serde(default)]
    summary: String,
    starts_on: Datetime,
    ends_on: Datetime,
    #[serde(default)]
    venue: String,
    #[serde(default)]
    city: String,
    country: String,
    time_zone: String,
    mode: String,
    capacity: i64,
    working_languages: Vec<String>,
    #[serde(default)]
    applications_open: Option<Datetime>,
    #[serde(default)]
    applications_close: Option<Datetime>,
    admission_mode: String,
    #[serde(default)]
    sequential: bool,
    #[serde(default)]
    modules: Vec<String>,
    #[serde(default)]
    offer_hours: Option<i64>,
    #[serde(default)]
    country_quota: Option<i64>,
    #[serde(default)]
    sessions: Vec<SessionFile>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionFile {
    key: String,
    title: String,
    kind: String,
    starts: Datetime,
    ends: Datetime,
    #[serde(default)]
    room: String,
    #[serde(default)]
    online_url: String,
    #[serde(default)]
    module: String,
}

/// A program as read from its folder.
#[derive(Debug, Clone)]
pub struct ProgramDef {
    pub slug: String,
    pub name: String,
    pub short_name: String,
    pub position: i64,
    pub description: String,
    pub checksum: String,
    pub editions: Vec<EditionDef>,
}

/// An edition file that keeps every rule.
#[derive(Debug, Clone)]
pub struct EditionDef {
    pub spec: EditionSpec,
    /// Sessions with the key that identifies them across imports.
    pub sessions: Vec<(String, SessionSpec)>,
    pub checksum: String,
    pub path: PathBuf,
}

fn key_line(text: &str, key: &str, after: usize) -> usize {
    text.lines()
        .enumerate()
        .skip(after)
        .find(|(_, l)| l.trim_start().starts_with(key) && l.trim_start()[key.len()..].trim_start().starts_with('='))
        .map_or(after + 1, |(i, _)| i + 1)
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path, problems: &mut Vec<Problem>) -> Option<(T, String)> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem { file: path.to_path_buf(), line: 1, message: format!("cannot read: {e}") });
            return None;
        }
    };
    match toml::from_str(&text) {
        Ok(v) => Some((v, text)),
        Err(e) => {
            let (line, message) = toml_problem(&text, &e);
            problems.push(Problem { file: path.to_path_buf(), line, message });
            None
        }
    }
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map_or_else(|_| Vec::new(), |rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect());
    v.sort();
    v
}

/// Reads every program under `dir/programs`; `modules` are the slugs an edition's course
/// may name.
pub fn read_programs(dir: &Path, modules: &BTreeSet<String>, problems: &mut Vec<Problem>) -> Vec<ProgramDef> {
    let mut programs = Vec::new();
    let mut edition_slugs: BTreeSet<String> = BTreeSet::new();
    for folder in sorted(&dir.join("programs")).into_iter().filter(|p| p.is_dir()) {
        let path = folder.join("program.toml");
        if !path.is_file() {
            problems.push(Problem {
                file: path,
                line: 1,
                message: "missing program.toml (slug, name, short_name, position)".into(),
            });
            continue;
        }
        let Some((p, text)) = read_toml::<ProgramFile>(&path, problems) else { continue };
        let folder_name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if p.slug != folder_name {
            problems.push(Problem {
                file: path.clone(),
                line: key_line(&text, "slug", 0),
                message: format!("slug is {:?} but the folder says {folder_name:?}", p.slug),
            });
        }
        let mut editions = Vec::new();
        for file in sorted(&folder.join("editions")).into_iter().filter(|f| f.extension().is_some_and(|e| e == "toml"))
        {
            if let Some(ed) = read_edition(&file, modules, problems) {
                if !edition_slugs.insert(ed.spec.slug.clone()) {
                    problems.push(Problem {
                        file: file.clone(),
                        line: 1,
                        message: format!("edition slug {:?} is used by another edition file", ed.spec.slug),
                    });
                }
                editions.push(ed);
            }
        }
        let numbers: BTreeSet<i64> = editions.iter().map(|e| e.spec.number).collect();
        if numbers.len() != editions.len() {
            problems.push(Problem {
                file: folder.clone(),
                line: 1,
                message: "two editions of this program have the same number".into(),
            });
        }
        programs.push(ProgramDef {
            slug: p.slug,
            name: p.name,
            short_name: p.short_name,
            position: p.position,
            description: p.description,
            checksum: super::reader::checksum(&text),
            editions,
        });
    }
    programs
}

fn read_edition(path: &Path, modules: &BTreeSet<String>, problems: &mut Vec<Problem>) -> Option<EditionDef> {
    let (f, text) = read_toml::<EditionFile>(path, problems)?;
    let before = problems.len();
    let mut report = |key: &str, after: usize, message: String| {
        problems.push(Problem { file: path.to_path_buf(), line: key_line(&text, key, after), message });
    };
    let input = EditionInput {
        program: String::new(),
        slug: f.slug.clone(),
        number: f.number.to_string(),
        title: f.title.clone(),
        theme: f.theme.clone(),
        summary: f.summary.clone(),
        starts_on: f.starts_on.to_string(),
        ends_on: f.ends_on.to_string(),
        venue: f.venue.clone(),
        city: f.city.clone(),
        country: f.country.clone(),
        time_zone: f.time_zone.clone(),
        mode: f.mode.clone(),
        capacity: f.capacity.to_string(),
        working_languages: f.working_languages.clone(),
        applications_open: f.applications_open.map(|d| d.to_string()).unwrap_or_default(),
        applications_close: f.applications_close.map(|d| d.to_string()).unwrap_or_default(),
        admission_mode: f.admission_mode.clone(),
        sequential: if f.sequential { "1".into() } else { String::new() },
        modules: f.modules.clone(),
        offer_hours: f.offer_hours.map(|h| h.to_string()).unwrap_or_default(),
        country_quota: f.country_quota.map(|q| q.to_string()).unwrap_or_default(),
    };
    let spec = match input.validate() {
        Ok(s) => Some(s),
        Err(errors) => {
            for e in &errors.0 {
                let key = match e.field {
                    "applications_open" | "applications_close" => e.field,
                    other => other,
                };
                report(key, 0, format!("{}: {}", e.field, t("en", e.key)));
            }
            None
        }
    };
    for m in &f.modules {
        if !modules.contains(m) {
            report("modules", 0, format!("unknown module {m:?}; the course names modules by their slug"));
        }
    }
    let mut keys = BTreeSet::new();
    let mut sessions = Vec::new();
    let sessions_start = text.find("[[sessions]]").map_or(0, |o| text[..o].lines().count());
    for (i, s) in f.sessions.iter().enumerate() {
        let session_line = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim() == "[[sessions]]")
            .nth(i)
            .map_or(sessions_start, |(n, _)| n);
        if !keys.insert(s.key.clone()) {
            report("key", session_line, format!("session key {:?} is used twice", s.key));
        }
        if !s.module.is_empty() && !f.modules.contains(&s.module) {
            report("module", session_line, format!("session module {:?} is not in this edition's course", s.module));
        }
        let Some(spec) = &spec else { continue };
        let input = SessionInput {
            title: s.title.clone(),
            kind: s.kind.clone(),
            starts_at: s.starts.to_string(),
            ends_at: s.ends.to_string(),
            room: s.room.clone(),
            online_url: s.online_url.clone(),
            module: s.module.clone(),
            trainers: Vec::new(),
        };
        let frame =
            EditionFrame { starts_on: spec.starts_on, ends_on: spec.ends_on, time_zone: spec.time_zone.clone() };
        match input.validate(&frame) {
            Ok(ok) => sessions.push((s.key.clone(), ok)),
            Err(errors) => {
                for e in &errors.0 {
                    let key = match e.field {
                        "starts_at" => "starts",
                        "ends_at" => "ends",
                        other => other,
                    };
                    report(key, session_line, format!("session {:?}: {}", s.key, t("en", e.key)));
                }
            }
        }
    }
    if problems.len() > before {
        return None;
    }
    Some(EditionDef { spec: spec?, sessions, checksum: super::reader::checksum(&text), path: path.to_path_buf() })
}
