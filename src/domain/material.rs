//! Materials: who may see them, what file names are acceptable, and what a file really is,
//! judged from its first bytes rather than its name.

use crate::msg;

pub const VISIBILITIES: [&str; 3] = ["public", "participants", "trainers"];

/// How many leading bytes the type is judged from.
pub const SNIFF_BYTES: usize = 8192;

/// The name a person gave a file, kept as metadata: no path, no control characters.
pub fn file_name(raw: &str) -> Result<String, &'static str> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(msg!("err-file-name"));
    }
    let bad = name.contains(['/', '\\'])
        || name == "."
        || name.contains("..")
        || name.chars().any(char::is_control)
        || name.chars().count() > 200;
    if bad { Err(msg!("err-file-name")) } else { Ok(name.to_string()) }
}

fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// The content type of a file from its first bytes (and, for containers such as zip and
/// the old Office format, its extension), or `None` when the type is not allowed: HTML,
/// SVG, XML, programs and anything unrecognised are refused whatever their name says.
pub fn sniff(head: &[u8], name: &str) -> Option<&'static str> {
    let ext = extension(name);
    let starts = |p: &[u8]| head.starts_with(p);
    if starts(b"%PDF-") {
        return Some("application/pdf");
    }
    if starts(b"PK\x03\x04") {
        return Some(match ext.as_str() {
            "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "odt" => "application/vnd.oasis.opendocument.text",
            "ods" => "application/vnd.oasis.opendocument.spreadsheet",
            "odp" => "application/vnd.oasis.opendocument.presentation",
            _ => "application/zip",
        });
    }
    if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(match ext.as_str() {
            "xls" => "application/vnd.ms-excel",
            "ppt" => "application/vnd.ms-powerpoint",
            _ => "application/msword",
        });
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Some("image/jpeg");
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some("image/gif");
    }
    if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        return Some("image/webp");
    }
    if starts(b"RIFF") && head.get(8..12) == Some(b"WAVE") {
        return Some("audio/wav");
    }
    if starts(b"ID3") || starts(&[0xFF, 0xFB]) || starts(&[0xFF, 0xF3]) {
        return Some("audio/mpeg");
    }
    if starts(b"OggS") {
        return Some("audio/ogg");
    }
    if head.get(4..8) == Some(b"ftyp") {
        return Some("video/mp4");
    }
    if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Some("video/webm");
    }
    text_type(head, &ext)
}

/// The kind of a stored content type, as a code that pages name in the reader's language
/// (`material-kind-<code>`).
pub fn kind(content_type: &str) -> &'static str {
    match content_type {
        "application/pdf" => "pdf",
        "application/zip" => "zip",
        "text/csv" => "csv",
        "text/plain" => "text",
        t if t.contains("wordprocessing") || t == "application/msword" || t.ends_with("opendocument.text") => {
            "document"
        }
        t if t.contains("spreadsheet") || t == "application/vnd.ms-excel" => "spreadsheet",
        t if t.contains("presentation") || t == "application/vnd.ms-powerpoint" => "slides",
        t if t.starts_with("image/") => "image",
        t if t.starts_with("video/") => "video",
        t if t.starts_with("audio/") => "audio",
        _ => "file",
    }
}

/// Plain text and CSV: UTF-8 (the head may end inside a character), no NUL or other control
/// characters, and nothing a browser would run as markup.
fn text_type(head: &[u8], ext: &str) -> Option<&'static str> {
    if head.is_empty() || head.contains(&0) {
        return None;
    }
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    // Text has no control characters beyond tabs and line ends (binaries do).
    if valid.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
        return None;
    }
    let start = valid.trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
    if start.starts_with('<') {
        return None;
    }
    match ext {
        "csv" => Some("text/csv"),
        "txt" | "md" => Some("text/plain"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_types_are_recognised_and_disguises_refused() {
        assert_eq!(sniff(b"%PDF-1.7\n...", "slides.pdf"), Some("application/pdf"));
        assert_eq!(sniff(b"PK\x03\x04rest", "report.docx").map(|t| t.contains("wordprocessingml")), Some(true));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....", "map.png"), Some("image/png"));
        assert_eq!(sniff(b"\x00\x00\x00\x18ftypmp42", "talk.mp4"), Some("video/mp4"));
        assert_eq!(sniff("name,country\nAnna,RU\n".as_bytes(), "list.csv"), Some("text/csv"));
        assert_eq!(sniff(b"MZ\x90\x00program", "slides.pdf"), None, "an .exe renamed .pdf");
        assert_eq!(sniff(b"<!DOCTYPE html><script>", "photo.png"), None, "HTML named .png");
        assert_eq!(sniff(b"  <svg xmlns=", "logo.txt"), None);
        assert_eq!(sniff(b"\x7fELF", "tool.csv"), None);
        assert_eq!(sniff(b"", "empty.txt"), None);
    }

    #[test]
    fn kinds_are_named_for_people() {
        assert_eq!(kind("application/pdf"), "pdf");
        assert_eq!(kind("application/vnd.openxmlformats-officedocument.presentationml.presentation"), "slides");
        assert_eq!(kind("application/vnd.oasis.opendocument.spreadsheet"), "spreadsheet");
        assert_eq!(kind("application/vnd.oasis.opendocument.text"), "document");
        assert_eq!(kind("video/mp4"), "video");
        assert_eq!(kind("application/x-unknown"), "file");
    }

    #[test]
    fn path_like_and_control_names_are_refused() {
        assert_eq!(file_name(" Bài giảng 1.pdf ").as_deref(), Ok("Bài giảng 1.pdf"));
        for bad in ["../../etc/passwd", "a/b.pdf", "a\\b.pdf", "nul\0.pdf", "tab\t.pdf", "", ".."] {
            assert!(file_name(bad).is_err(), "{bad:?}");
        }
    }
}
