//! Person names and short free-text fields. Names keep every Unicode letter and mark (so
//! "Nguyễn Thị Phương Thảo", "김민준", "فاطمة" survive unchanged), are NFC-normalised and
//! trimmed, refuse control characters, and are limited in characters, not bytes.

use unicode_normalization::UnicodeNormalization;

pub const NAME_MAX_CHARS: usize = 120;
pub const TEXT_MAX_CHARS: usize = 200;

/// Trims, collapses inner runs of white space and normalises to NFC.
fn tidy(raw: &str) -> String {
    let nfc: String = raw.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_control(raw: &str) -> bool {
    // Bidirectional marks and zero-width joiners are format characters some scripts need;
    // only real control characters (C0, C1, DEL) are refused.
    raw.chars().any(|c| c.is_control() && !matches!(c, ' '))
}

/// A required person name (display name, certificate name).
pub fn person_name(raw: &str) -> Result<String, &'static str> {
    optional_person_name(raw)?.ok_or(crate::msg!("err-name-required"))
}

/// An optional person name: empty is allowed.
pub fn optional_person_name(raw: &str) -> Result<Option<String>, &'static str> {
    if has_control(raw) {
        return Err(crate::msg!("err-name-control"));
    }
    let s = tidy(raw);
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > NAME_MAX_CHARS {
        return Err(crate::msg!("err-name-too-long"));
    }
    if !s.chars().any(char::is_alphabetic) {
        return Err(crate::msg!("err-name-no-letters"));
    }
    Ok(Some(s))
}

/// A name in Latin script (for certificates): letters must be Latin, with any accents.
pub fn latin_name(raw: &str) -> Result<Option<String>, &'static str> {
    let Some(s) = optional_person_name(raw)? else { return Ok(None) };
    let latin = s.chars().filter(|c| c.is_alphabetic()).all(is_latin_letter);
    if latin { Ok(Some(s)) } else { Err(crate::msg!("err-name-not-latin")) }
}

fn is_latin_letter(c: char) -> bool {
    matches!(c as u32,
        0x41..=0x5A | 0x61..=0x7A | 0xAA | 0xBA | 0xC0..=0x24F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF)
}

/// An optional single-line text (organisation, position): trimmed, no control characters.
pub fn short_text(raw: &str) -> Result<String, &'static str> {
    if has_control(raw) {
        return Err(crate::msg!("err-text-control"));
    }
    let s = tidy(raw);
    if s.chars().count() > TEXT_MAX_CHARS {
        return Err(crate::msg!("err-text-too-long"));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_script_survive() {
        for name in [
            "Nguyễn Thị Phương Thảo",
            "김민준",
            "王小明",
            "山田 太郎",
            "Анна Иванова",
            "Γιώργος Παπαδόπουλος",
            "Şükrü Çağlar",
            "فاطمة الزهراء",
            "Trần Thanh Liêm",
        ] {
            assert_eq!(person_name(name), Ok(name.to_string()));
        }
    }

    #[test]
    fn names_are_trimmed_and_normalised() {
        // "e" + combining circumflex + combining tilde becomes the precomposed "ễ".
        assert_eq!(person_name("  Nguye\u{302}\u{303}n   Van  "), Ok("Nguyễn Van".into()));
    }

    #[test]
    fn control_characters_and_length_are_refused() {
        assert_eq!(person_name("Anna\u{0}"), Err("err-name-control"));
        assert_eq!(person_name("Anna\u{7}x"), Err("err-name-control"));
        assert_eq!(person_name(""), Err("err-name-required"));
        assert_eq!(person_name("1234"), Err("err-name-no-letters"));
        // 120 Korean syllables are fine (360 bytes); 121 are not: the limit counts characters.
        assert!(person_name(&"김".repeat(120)).is_ok());
        assert_eq!(person_name(&"김".repeat(121)), Err("err-name-too-long"));
    }

    #[test]
    fn latin_names_accept_accents_and_refuse_other_scripts() {
        assert_eq!(latin_name("Nguyễn Văn Minh"), Ok(Some("Nguyễn Văn Minh".into())));
        assert_eq!(latin_name("O'Neil-Smith"), Ok(Some("O'Neil-Smith".into())));
        assert_eq!(latin_name("김민준"), Err("err-name-not-latin"));
        assert_eq!(latin_name(" "), Ok(None));
    }
}
