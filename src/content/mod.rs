//! Reading and validating `course_content/`: one folder per module under `modules/`, a
//! `module.toml`, and one Markdown file per lesson with TOML front matter between `+++`
//! lines. Translations sit beside the originals (`module.ko.toml`, `01-x.ko.md`). Every
//! problem is reported with its file and line; nothing is returned when any file is invalid.

mod front_matter;
mod links;
mod model;
mod programs;
mod reader;
pub mod render;

pub use model::{Catalog, Lesson, Module, Problem, ReadingItem, SelfCheckItem};
pub use programs::{EditionDef, ProgramDef};
pub use reader::{read_all, read_modules};

#[cfg(test)]
mod tests;
