//! Which script each character belongs to, which font families can draw a script, and how a
//! text splits into runs that one font draws.

use std::ops::Range;

use unicode_script::{Script, UnicodeScript};

/// The CJK face to prefer: the same Han character is drawn differently in each region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cjk {
    Korean,
    Japanese,
    Chinese,
}

impl Cjk {
    /// Hangul means Korean, kana means Japanese; Han alone says nothing.
    pub(crate) fn of(text: &str) -> Option<Cjk> {
        let mut kana = false;
        for c in text.chars() {
            match c.script() {
                Script::Hangul => return Some(Cjk::Korean),
                Script::Hiragana | Script::Katakana => kana = true,
                _ => {}
            }
        }
        kana.then_some(Cjk::Japanese)
    }

    fn families(self) -> [&'static str; 4] {
        match self {
            Cjk::Korean => ["Noto Sans CJK KR", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC"],
            Cjk::Japanese => ["Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK TC"],
            Cjk::Chinese => ["Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans CJK KR"],
        }
    }
}

/// A font family by name; `Bundled` is the Latin font compiled into the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Bundled,
    Named(String),
}

fn named(name: &str) -> Family {
    Family::Named(name.to_owned())
}

/// The families to try, in order, for a character of `script`.
pub(crate) fn candidates(script: Script, cjk: Cjk) -> Vec<Family> {
    match script {
        Script::Latin | Script::Greek | Script::Cyrillic | Script::Common | Script::Inherited | Script::Unknown => {
            vec![Family::Bundled]
        }
        s if is_cjk(s) => cjk.families().iter().map(|f| named(f)).collect(),
        Script::Arabic => vec![named("Noto Sans Arabic"), named("Noto Naskh Arabic"), named("Noto Kufi Arabic")],
        Script::Hebrew => vec![named("Noto Sans Hebrew"), named("Noto Serif Hebrew"), named("Noto Rashi Hebrew")],
        s => {
            let name = s.full_name().replace('_', " ");
            vec![Family::Named(format!("Noto Sans {name}")), Family::Named(format!("Noto Serif {name}"))]
        }
    }
}

/// Families tried when the script's own families lack a character (punctuation, symbols).
pub(crate) fn fallbacks(cjk: Cjk) -> Vec<Family> {
    let mut v =
        vec![Family::Bundled, named("Noto Sans Symbols"), named("Noto Sans Symbols 2"), named("Noto Sans Math")];
    v.extend(cjk.families().iter().map(|f| named(f)));
    v
}

pub(crate) fn is_cjk(s: Script) -> bool {
    matches!(s, Script::Han | Script::Hangul | Script::Hiragana | Script::Katakana | Script::Bopomofo)
}

fn is_weak(s: Script) -> bool {
    matches!(s, Script::Common | Script::Inherited | Script::Unknown)
}

/// The script of each character, with spaces, digits, punctuation and combining marks given
/// the script of the text around them (the previous strong character, else the next one), so
/// that "김 민준" stays one run.
pub(crate) fn resolved_scripts(text: &str) -> Vec<Script> {
    let mut out: Vec<Script> = text.chars().map(|c| c.script()).collect();
    let mut last = None;
    for s in out.iter_mut() {
        if is_weak(*s) {
            if let Some(l) = last {
                *s = l;
            }
        } else {
            last = Some(*s);
        }
    }
    let mut next = None;
    for s in out.iter_mut().rev() {
        if is_weak(*s) {
            if let Some(n) = next {
                *s = n;
            }
        } else {
            next = Some(*s);
        }
    }
    out
}

/// A stretch of text that one font draws; `font` is `None` when no font covers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Run<F> {
    pub range: Range<usize>,
    pub font: Option<F>,
}

/// Splits `text` into runs. `choose(script, c)` picks the font for a character of a (resolved)
/// script. A character of no script of its own keeps the previous character's font when that
/// font has it (`covers`), so punctuation does not break a run. Invisible format characters
/// (joiners, marks of direction) never count as missing: they join the run they are in.
pub(crate) fn split<F: Clone + PartialEq>(
    text: &str,
    mut choose: impl FnMut(Script, char) -> Option<F>,
    mut covers: impl FnMut(&F, char) -> bool,
) -> Vec<Run<F>> {
    let scripts = resolved_scripts(text);
    let mut runs: Vec<Run<F>> = Vec::new();
    for ((at, c), script) in text.char_indices().zip(scripts) {
        let previous = runs.last().and_then(|r| r.font.clone());
        let font = match previous {
            Some(p) if is_invisible(c) || (is_weak(c.script()) && covers(&p, c)) => Some(p),
            _ => choose(script, c).or_else(|| if is_invisible(c) { previous_font(&runs) } else { None }),
        };
        let end = at + c.len_utf8();
        match runs.last_mut() {
            Some(last) if last.font == font => last.range.end = end,
            _ => runs.push(Run { range: at..end, font }),
        }
    }
    runs
}

fn previous_font<F: Clone>(runs: &[Run<F>]) -> Option<F> {
    runs.last().and_then(|r| r.font.clone())
}

/// Characters that draw nothing: zero-width joiners, direction marks, variation selectors.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFE00..=0xFE0F | 0xFEFF | 0xE0100..=0xE01EF)
}

/// Control characters and line breaks become spaces: every text is drawn on one line.
pub(crate) fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_means_korean_and_kana_japanese() {
        assert_eq!(Cjk::of("김민준"), Some(Cjk::Korean));
        assert_eq!(Cjk::of("佐藤はなこ"), Some(Cjk::Japanese));
        assert_eq!(Cjk::of("王小明"), None);
        assert_eq!(Cjk::of("Anna"), None);
    }

    #[test]
    fn weak_characters_take_the_script_around_them() {
        let s = resolved_scripts("(김 민준) 1");
        assert!(s.iter().all(|s| *s == Script::Hangul), "{s:?}");
        let s = resolved_scripts("Kim 김");
        assert_eq!(s[3], Script::Latin);
        assert_eq!(s[4], Script::Hangul);
    }

    #[test]
    fn candidates_follow_the_script() {
        assert_eq!(candidates(Script::Latin, Cjk::Chinese), vec![Family::Bundled]);
        assert_eq!(candidates(Script::Cyrillic, Cjk::Chinese), vec![Family::Bundled]);
        assert_eq!(candidates(Script::Greek, Cjk::Chinese), vec![Family::Bundled]);
        assert_eq!(candidates(Script::Hangul, Cjk::Korean)[0], named("Noto Sans CJK KR"));
        assert_eq!(candidates(Script::Han, Cjk::Japanese)[0], named("Noto Sans CJK JP"));
        assert_eq!(candidates(Script::Han, Cjk::Chinese)[0], named("Noto Sans CJK SC"));
        assert_eq!(candidates(Script::Arabic, Cjk::Chinese)[0], named("Noto Sans Arabic"));
        assert_eq!(candidates(Script::Devanagari, Cjk::Chinese)[0], named("Noto Sans Devanagari"));
        assert_eq!(candidates(Script::Canadian_Aboriginal, Cjk::Chinese)[0], named("Noto Sans Canadian Aboriginal"));
    }

    /// A fake book: 'L' latin font covers ASCII and Latin-1, 'K' covers Hangul and ASCII
    /// punctuation, 'A' covers Arabic and space.
    fn fake(text: &str) -> Vec<(String, Option<char>)> {
        let covers = |f: &char, c: char| match f {
            'L' => (c as u32) < 0x250,
            'K' => c.script() == Script::Hangul || c.is_ascii_punctuation() || c == ' ',
            'A' => c.script() == Script::Arabic || c == ' ',
            _ => false,
        };
        let choose = |s: Script, c: char| {
            let order: &[char] = match s {
                Script::Hangul => &['K', 'L'],
                Script::Arabic => &['A', 'L'],
                _ => &['L', 'K'],
            };
            order.iter().copied().find(|f| covers(f, c))
        };
        split(text, choose, covers).into_iter().map(|r| (text[r.range].to_owned(), r.font)).collect()
    }

    #[test]
    fn runs_split_by_script_and_keep_punctuation_with_the_run() {
        assert_eq!(
            fake("Kim Minjun (김민준)"),
            vec![("Kim Minjun (".to_owned(), Some('L')), ("김민준)".to_owned(), Some('K'))]
        );
        assert_eq!(fake("فاطمة الزهراء"), vec![("فاطمة الزهراء".to_owned(), Some('A'))]);
        assert_eq!(
            fake("Nguyễn"),
            vec![("Nguy".to_owned(), Some('L')), ("ễ".to_owned(), None), ("n".to_owned(), Some('L'))]
        );
    }

    #[test]
    fn invisible_characters_are_never_missing() {
        assert_eq!(fake("ab\u{200D}c"), vec![("ab\u{200D}c".to_owned(), Some('L'))]);
    }

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(clean("Anna\nSmith\t"), "Anna Smith ");
    }
}
