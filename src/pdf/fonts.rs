//! The fonts certificates are drawn with: a bundled Latin font that is always there, plus the
//! Noto fonts found on the system, read from disk the first time a certificate needs them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use krilla::Data;
use rustybuzz::ttf_parser;
use unicode_script::Script;

use super::script::{self, Cjk, Family, Run};

static LATIN_REGULAR: &[u8] = include_bytes!("fonts/NotoSans-Regular.ttf");
static LATIN_BOLD: &[u8] = include_bytes!("fonts/NotoSans-Bold.ttf");

const BUNDLED_FAMILY: &str = "Noto Sans (bundled)";

/// Where fonts are looked for, besides the directories in `WTA_FONT_DIRS`.
const SYSTEM_FONT_DIR: &str = "/usr/share/fonts";

/// One font face, parsed and ready to draw and shape with.
pub(crate) struct Face {
    pub font: krilla::text::Font,
    pub data: Data,
    pub index: u32,
    coverage: Vec<(u32, u32)>,
}

impl Face {
    fn new(data: Data, index: u32) -> Option<Face> {
        let coverage = coverage(data.as_ref(), index)?;
        let font = krilla::text::Font::new(data.clone(), index)?;
        Some(Face { font, data, index, coverage })
    }

    pub(crate) fn covers(&self, c: char) -> bool {
        let c = c as u32;
        let i = self.coverage.partition_point(|&(_, end)| end < c);
        self.coverage.get(i).is_some_and(|&(start, _)| start <= c)
    }
}

/// The Unicode code points a face maps to glyphs, as sorted inclusive ranges.
fn coverage(data: &[u8], index: u32) -> Option<Vec<(u32, u32)>> {
    let face = ttf_parser::Face::parse(data, index).ok()?;
    let mut points = Vec::new();
    if let Some(cmap) = face.tables().cmap {
        for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            sub.codepoints(|c| {
                if sub.glyph_index(c).is_some_and(|g| g.0 != 0) {
                    points.push(c);
                }
            });
        }
    }
    points.sort_unstable();
    points.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in points {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == c => *end = c,
            _ => ranges.push((c, c)),
        }
    }
    Some(ranges)
}

/// A face of the book: the bundled Latin font (regular or bold) or a system face.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum FaceId {
    Bundled { bold: bool },
    System(usize),
}

struct SystemFace {
    family: String,
    file: usize,
    index: u32,
    weight: u16,
    loaded: OnceLock<Option<Face>>,
}

struct FontFile {
    path: PathBuf,
    data: OnceLock<Option<Data>>,
}

#[derive(Default)]
struct Styles {
    regular: Option<usize>,
    bold: Option<usize>,
}

#[derive(Default)]
struct Book {
    regular: Option<Face>,
    bold: Option<Face>,
    /// Lower-cased family name to its regular and bold faces.
    families: BTreeMap<String, Styles>,
    faces: Vec<SystemFace>,
    files: Vec<FontFile>,
}

/// The fonts a certificate can use. Discovered once at start-up; cheap to clone and share
/// between threads. System faces are read from disk the first time a text needs them.
#[derive(Clone)]
pub struct FontBook(Arc<Book>);

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontBook").field("families", &self.families()).finish()
    }
}

impl FontBook {
    /// The bundled Latin font plus the Noto fonts found on the system (in /usr/share/fonts and
    /// the directories listed in `WTA_FONT_DIRS`, separated by colons).
    pub fn system() -> FontBook {
        let mut dirs = vec![PathBuf::from(SYSTEM_FONT_DIR)];
        if let Ok(extra) = std::env::var("WTA_FONT_DIRS") {
            dirs.extend(extra.split(':').filter(|d| !d.is_empty()).map(PathBuf::from));
        }
        FontBook::from_dirs(&dirs)
    }

    /// Only the bundled Latin font: certificates always render, other scripts are missing.
    pub fn bundled() -> FontBook {
        FontBook(Arc::new(Book::bundled()))
    }

    /// The bundled Latin font plus the Noto fonts found in `dirs` (searched recursively).
    pub fn from_dirs(dirs: &[PathBuf]) -> FontBook {
        let mut db = fontdb::Database::new();
        for dir in dirs {
            db.load_fonts_dir(dir);
        }
        let mut book = Book::bundled();
        let mut paths: BTreeMap<PathBuf, usize> = BTreeMap::new();
        // Sorted by path and index so that the same fonts give the same choices.
        let mut infos: Vec<_> = db
            .faces()
            .filter(|f| f.style == fontdb::Style::Normal && f.stretch == fontdb::Stretch::Normal)
            .filter_map(|f| {
                let family = f.families.first()?.0.clone();
                let path = match &f.source {
                    fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                    fontdb::Source::Binary(_) => return None,
                };
                family.starts_with("Noto ").then_some((path, f.index, family, f.weight.0))
            })
            .collect();
        infos.sort();
        for (path, index, family, weight) in infos {
            let file = *paths.entry(path.clone()).or_insert_with(|| {
                book.files.push(FontFile { path, data: OnceLock::new() });
                book.files.len() - 1
            });
            book.faces.push(SystemFace { family: family.clone(), file, index, weight, loaded: OnceLock::new() });
            let id = book.faces.len() - 1;
            let styles = book.families.entry(family.to_lowercase()).or_default();
            // Keep the face nearest to 400 as regular and the one nearest to 700 (600 or more) as bold.
            let nearer = |slot: Option<usize>, target: u16| {
                slot.and_then(|old| book.faces.get(old))
                    .is_none_or(|old| weight.abs_diff(target) < old.weight.abs_diff(target))
            };
            if weight < 600 && nearer(styles.regular, 400) {
                styles.regular = Some(id);
            } else if weight >= 600 && nearer(styles.bold, 700) {
                styles.bold = Some(id);
            }
        }
        FontBook(Arc::new(book))
    }

    /// Characters of `text` that no font of the book can draw, without repeats, in order.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut out = Vec::new();
        self.missing_into(text, None, &mut out);
        out
    }

    pub(crate) fn missing_into(&self, text: &str, hint: Option<Cjk>, out: &mut Vec<char>) {
        let text = script::clean(text);
        for run in self.runs(&text, false, hint) {
            if run.font.is_none() {
                for c in text[run.range].chars() {
                    if !c.is_whitespace() && !script::is_invisible(c) && !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
        }
    }

    /// Family names the book can draw with, for the start-up log.
    pub fn families(&self) -> Vec<String> {
        let mut out = vec![BUNDLED_FAMILY.to_owned()];
        let mut seen = std::collections::BTreeSet::new();
        for f in &self.0.faces {
            if seen.insert(f.family.as_str()) {
                out.push(f.family.clone());
            }
        }
        out
    }

    /// The face behind an id; system faces are read and parsed on first use.
    pub(crate) fn face(&self, id: FaceId) -> Option<&Face> {
        match id {
            FaceId::Bundled { bold: false } => self.0.regular.as_ref(),
            FaceId::Bundled { bold: true } => self.0.bold.as_ref().or(self.0.regular.as_ref()),
            FaceId::System(i) => self.0.faces.get(i).and_then(|f| f.loaded.get_or_init(|| self.load(f)).as_ref()),
        }
    }

    fn load(&self, face: &SystemFace) -> Option<Face> {
        let file = self.0.files.get(face.file)?;
        let data = file.data.get_or_init(|| read(&file.path)).clone()?;
        Face::new(data, face.index)
    }

    /// The face of `family` in the weight asked for (regular when there is no bold one).
    pub(crate) fn resolve(&self, family: &Family, bold: bool) -> Option<FaceId> {
        match family {
            Family::Bundled => self.0.regular.as_ref().map(|_| FaceId::Bundled { bold }),
            Family::Named(name) => {
                let styles = self.0.families.get(&name.to_lowercase())?;
                let i = if bold { styles.bold.or(styles.regular) } else { styles.regular.or(styles.bold) }?;
                Some(FaceId::System(i))
            }
        }
    }

    /// Splits `text` into runs, each drawn by one face (or by none, when missing).
    pub(crate) fn runs(&self, text: &str, bold: bool, hint: Option<Cjk>) -> Vec<Run<FaceId>> {
        let cjk = Cjk::of(text).or(hint).unwrap_or(Cjk::Chinese);
        let mut cache: Vec<(Script, Vec<FaceId>)> = Vec::new();
        let fallbacks: Vec<FaceId> = script::fallbacks(cjk).iter().filter_map(|f| self.resolve(f, bold)).collect();
        let choose = |s: Script, c: char| -> Option<FaceId> {
            let i = match cache.iter().position(|(k, _)| *k == s) {
                Some(i) => i,
                None => {
                    let ids = script::candidates(s, cjk).iter().filter_map(|f| self.resolve(f, bold)).collect();
                    cache.push((s, ids));
                    cache.len() - 1
                }
            };
            cache[i].1.iter().chain(fallbacks.iter()).copied().find(|id| self.face(*id).is_some_and(|f| f.covers(c)))
        };
        script::split(text, choose, |id, c| self.face(*id).is_some_and(|f| f.covers(c)))
    }
}

fn read(path: &Path) -> Option<Data> {
    match std::fs::read(path) {
        Ok(bytes) => Some(Data::from(Arc::new(bytes))),
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "font file cannot be read");
            None
        }
    }
}

impl Book {
    fn bundled() -> Book {
        Book {
            regular: Face::new(Data::from(LATIN_REGULAR), 0),
            bold: Face::new(Data::from(LATIN_BOLD), 0),
            ..Book::default()
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn system() -> FontBook {
        let book = FontBook::system();
        let families = book.families();
        for needed in ["Noto Sans CJK KR", "Noto Sans Arabic", "Noto Sans Devanagari"] {
            assert!(
                families.iter().any(|f| f == needed),
                "{needed} not found: install fonts-noto-core and fonts-noto-cjk"
            );
        }
        book
    }

    /// The family of the face drawing each run, with the run's text.
    fn families(book: &FontBook, text: &str, hint: Option<Cjk>) -> Vec<(String, String)> {
        book.runs(text, false, hint)
            .into_iter()
            .map(|r| {
                let family = match r.font {
                    None => "-".to_owned(),
                    Some(FaceId::Bundled { .. }) => BUNDLED_FAMILY.to_owned(),
                    Some(FaceId::System(i)) => book.0.faces[i].family.clone(),
                };
                (text[r.range].to_owned(), family)
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    #[test]
    fn a_book_is_shared_between_threads() {
        fn shared<T: Send + Sync + Clone>() {}
        shared::<FontBook>();
        let book = FontBook::bundled();
        let other = book.clone();
        let missing = std::thread::spawn(move || other.missing("Kim 김")).join().unwrap();
        assert_eq!(missing, vec!['김']);
        assert!(Arc::ptr_eq(&book.0, &book.clone().0), "clones share the fonts");
    }

    #[test]
    fn each_script_gets_its_font() {
        let book = system();
        let b = BUNDLED_FAMILY;
        for latin in ["Nguyễn Thị Phương Thảo", "Анна Смирнова", "Γιώργος Παπαδόπουλος", "Şükrü Çağlar"]
        {
            assert_eq!(families(&book, latin, None), pairs(&[(latin, b)]));
        }
        assert_eq!(families(&book, "김민준", None), pairs(&[("김민준", "Noto Sans CJK KR")]));
        assert_eq!(families(&book, "佐藤はなこ", None), pairs(&[("佐藤はなこ", "Noto Sans CJK JP")]));
        assert_eq!(families(&book, "王小明", None), pairs(&[("王小明", "Noto Sans CJK SC")]));
        assert_eq!(families(&book, "佐藤花子", Some(Cjk::Japanese)), pairs(&[("佐藤花子", "Noto Sans CJK JP")]));
        assert_eq!(families(&book, "فاطمة الزهراء", None), pairs(&[("فاطمة الزهراء", "Noto Sans Arabic")]));
        assert_eq!(families(&book, "अनीता शर्मा", None), pairs(&[("अनीता शर्मा", "Noto Sans Devanagari")]));
        assert_eq!(
            families(&book, "Kim Minjun (김민준)", None),
            pairs(&[("Kim Minjun (", b), ("김민준)", "Noto Sans CJK KR")])
        );
    }

    #[test]
    fn collections_open_the_face_asked_for() {
        let book = system();
        let kr = book.resolve(&Family::Named("Noto Sans CJK KR".into()), false).unwrap();
        let jp = book.resolve(&Family::Named("Noto Sans CJK JP".into()), false).unwrap();
        let (kr, jp) = (book.face(kr).unwrap(), book.face(jp).unwrap());
        assert_ne!(kr.index, jp.index, "two faces of one .ttc file");
        assert!(kr.covers('김') && jp.covers('の'));
    }

    #[test]
    fn bold_is_used_when_there_is_one() {
        let book = system();
        let regular = book.resolve(&Family::Named("Noto Sans Arabic".into()), false);
        let bold = book.resolve(&Family::Named("Noto Sans Arabic".into()), true);
        assert!(regular.is_some() && bold.is_some() && regular != bold);
        assert_eq!(book.resolve(&Family::Named("No Such Family".into()), true), None);
    }

    #[test]
    fn the_bundled_book_has_latin_only() {
        let book = FontBook::bundled();
        assert_eq!(book.families(), vec![BUNDLED_FAMILY.to_owned()]);
        assert_eq!(book.missing("Nguyễn Thị Phương Thảo, Анна, Γιώργος, Şükrü"), Vec::<char>::new());
        assert_eq!(book.missing("Kim 김민준 (김)"), vec!['김', '민', '준']);
        assert_eq!(book.missing("فاطمة"), vec!['ف', 'ا', 'ط', 'م', 'ة']);
    }

    #[test]
    fn fonts_come_from_the_directories_given() {
        let dir = std::env::temp_dir().join(format!("wta-fonts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let arabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
        std::fs::copy(arabic, dir.join("NotoSansArabic-Regular.ttf")).expect("fonts-noto-core installed");
        let book = FontBook::from_dirs(std::slice::from_ref(&dir));
        assert_eq!(book.families(), vec![BUNDLED_FAMILY.to_owned(), "Noto Sans Arabic".to_owned()]);
        assert_eq!(book.missing("فاطمة 김"), vec!['김']);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
