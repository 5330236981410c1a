//! The pager under a list held whole in memory (see `domain::paging`): the page's figures
//! and the links to its neighbours, for `templates/partials/pager.html.hbs`.

use serde_json::{Value, json};

use super::view::Ctx;
use crate::domain::paging::{self, Window};

/// The page an address asks for, or the first with the message to show beside the list when
/// the number cannot be read.
pub fn requested(ctx: &Ctx<'_>, text: Option<&str>) -> (usize, Option<String>) {
    match paging::parse_page(text) {
        Some(page) => (page, None),
        None => (1, Some(ctx.t("pager-bad-page"))),
    }
}

/// `path` with the filter's `query` (without a page) and `page` added when it is not the first.
pub fn link(path: &str, query: &str, page: usize) -> String {
    let page_part = (page > 1).then(|| format!("page={page}"));
    let parts: Vec<&str> =
        [Some(query), page_part.as_deref()].into_iter().flatten().filter(|p| !p.is_empty()).collect();
    if parts.is_empty() { path.to_string() } else { format!("{path}?{}", parts.join("&")) }
}

pub fn json(w: &Window, path: &str, query: &str) -> Value {
    json!({
        "page": w.page,
        "pages": w.pages,
        "prev": w.prev().map(|p| link(path, query, p)),
        "next": w.next().map(|p| link(path, query, p)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_filter_and_leave_out_page_one() {
        assert_eq!(link("/e/x/progress", "", 1), "/e/x/progress");
        assert_eq!(link("/e/x/progress", "country=VN", 1), "/e/x/progress?country=VN");
        assert_eq!(link("/e/x/progress", "country=VN", 2), "/e/x/progress?country=VN&page=2");
        assert_eq!(link("/e/x/progress", "", 3), "/e/x/progress?page=3");
    }

    #[test]
    fn the_pager_links_only_pages_that_exist() {
        let p = json(&Window::new(2, 120), "/l", "q=a");
        assert_eq!((p["page"].as_u64(), p["pages"].as_u64()), (Some(2), Some(3)));
        assert_eq!((p["prev"].as_str(), p["next"].as_str()), (Some("/l?q=a"), Some("/l?q=a&page=3")));
        let last = json(&Window::new(3, 120), "/l", "");
        assert!(last["next"].is_null());
    }
}
