//! Lesson Markdown to safe HTML: pulldown-cmark renders, links between lesson files become
//! page links, and ammonia removes anything a lesson should not carry (scripts, event
//! attributes, inline styles).

use pulldown_cmark::{Event, Options, Parser, Tag};

/// `../02-stp-governance/01-boards.ko.md` or `02-roles.md` → (module slug, lesson slug);
/// the module is `None` when the link stays in the same folder.
pub fn lesson_link_target(target: &str) -> Option<(Option<String>, String)> {
    let path = target.split('#').next()?;
    if path.contains("://") || !path.ends_with(".md") {
        return None;
    }
    let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    let file = parts.pop()?;
    let stem = file.strip_suffix(".md")?;
    let stem = match stem.rsplit_once('.') {
        Some((s, l)) if l.len() == 2 => s,
        _ => stem,
    };
    let lesson = stem.split_once('-')?.1.to_string();
    let module = parts.into_iter().rfind(|p| *p != "..").and_then(|f| f.split_once('-')).map(|(_, s)| s.to_string());
    Some((module, lesson))
}

/// Renders `markdown`; `link` maps a lesson file link to a page URL.
pub fn to_html(markdown: &str, link: impl Fn(Option<&str>, &str) -> String) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let dest_url = match lesson_link_target(&dest_url) {
                Some((module, lesson)) => link(module.as_deref(), &lesson).into(),
                None => dest_url,
            };
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    ammonia::Builder::default().link_rel(Some("noopener noreferrer")).clean(&html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lesson_links_are_recognised() {
        assert_eq!(lesson_link_target("02-roles.md"), Some((None, "roles".into())));
        assert_eq!(
            lesson_link_target("../02-stp-governance/01-boards.ko.md#x"),
            Some((Some("stp-governance".into()), "boards".into()))
        );
        assert_eq!(lesson_link_target("https://example.org/a.md"), None);
        assert_eq!(lesson_link_target("notes.txt"), None);
    }

    #[test]
    fn renders_links_and_strips_scripts() {
        let html = to_html(
            "# Title\n\nSee [next](02-roles.md) and <script>alert(1)</script> <a href=\"x\" onclick=\"y()\">z</a>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            |m, l| format!("/l/{}/{l}", m.unwrap_or("same")),
        );
        assert!(html.contains("<h1>Title</h1>"));
        assert!(html.contains("href=\"/l/same/roles\""));
        assert!(!html.contains("<script"));
        assert!(!html.contains("onclick"));
        assert!(html.contains("<table>"));
    }
}
