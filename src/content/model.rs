//! What the content files hold, once read and checked.

use std::fmt;
use std::path::PathBuf;

use serde::Deserialize;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ReadingItem {
    pub title: String,
    pub publisher: String,
    #[serde(default)]
    pub year: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SelfCheckItem {
    pub question: String,
    pub answer: String,
}

/// `module.toml` (or `module.<lang>.toml`) as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleFile {
    pub slug: String,
    pub title: String,
    pub order: i64,
    pub language: String,
    pub summary: String,
    pub learning_outcomes: Vec<String>,
    #[serde(default)]
    pub further_reading: Vec<ReadingItem>,
    #[serde(default)]
    pub self_check: Vec<SelfCheckItem>,
}

/// A lesson's front matter as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonFrontMatter {
    pub title: String,
    pub order: i64,
    pub duration_minutes: i64,
    pub language: String,
    #[serde(default)]
    pub learning_outcomes: Vec<String>,
}

/// One lesson in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    /// The file name without order prefix, language and extension, e.g. `origins`.
    pub slug: String,
    pub title: String,
    pub order: i64,
    pub duration_minutes: i64,
    pub language: String,
    pub learning_outcomes: Vec<String>,
    /// The Markdown body after the front matter.
    pub body: String,
    /// SHA-256 of the whole file: an import changes only lessons whose checksum changed.
    pub checksum: String,
    pub words: usize,
    pub path: PathBuf,
}

/// One module in one language, with its lessons in order.
#[derive(Debug, Clone)]
pub struct Module {
    pub slug: String,
    pub title: String,
    pub order: i64,
    pub language: String,
    pub summary: String,
    pub learning_outcomes: Vec<String>,
    pub further_reading: Vec<ReadingItem>,
    pub self_check: Vec<SelfCheckItem>,
    pub lessons: Vec<Lesson>,
}

/// Every module of every language found under `modules/`.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub modules: Vec<Module>,
    pub programs: Vec<super::programs::ProgramDef>,
}

impl Catalog {
    /// The modules written in `language`, in order.
    pub fn in_language<'a>(&'a self, language: &'a str) -> impl Iterator<Item = &'a Module> + 'a {
        self.modules.iter().filter(move |m| m.language == language)
    }
}
