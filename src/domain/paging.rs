//! Pages of a list held whole in memory (sorted there because the two database engines
//! collate names differently): which page the address asks for, and which rows it shows.

/// Rows per page, as on the coordinators' lists.
pub const PAGE_SIZE: usize = 50;

/// The page number written in an address: empty means the first page; anything but a whole
/// number from 1 gives `None` (the caller shows page 1 with a message).
pub fn parse_page(text: Option<&str>) -> Option<usize> {
    match text.map(str::trim).unwrap_or_default() {
        "" => Some(1),
        p => p.parse::<u32>().ok().filter(|n| *n >= 1).and_then(|n| usize::try_from(n).ok()),
    }
}

/// One page of `total` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// From 1; a page past the end is kept (and shows no rows).
    pub page: usize,
    /// At least 1, so "page 1 of 1" reads well for an empty list.
    pub pages: usize,
    pub start: usize,
    pub end: usize,
}

impl Window {
    pub fn new(page: usize, total: usize) -> Self {
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let start = page.saturating_sub(1).saturating_mul(PAGE_SIZE).min(total);
        let end = start.saturating_add(PAGE_SIZE).min(total);
        Self { page, pages, start, end }
    }

    pub fn prev(&self) -> Option<usize> {
        (self.page > 1).then(|| (self.page - 1).min(self.pages))
    }

    pub fn next(&self) -> Option<usize> {
        (self.page < self.pages).then_some(self.page + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_whole_numbers_from_one() {
        assert_eq!(parse_page(None), Some(1));
        assert_eq!(parse_page(Some(" ")), Some(1));
        assert_eq!(parse_page(Some("3")), Some(3));
        for bad in ["0", "-1", "1.5", "two", "99999999999999999999"] {
            assert_eq!(parse_page(Some(bad)), None, "{bad}");
        }
    }

    #[test]
    fn a_window_covers_its_rows_and_links_its_neighbours() {
        let w = Window::new(1, 120);
        assert_eq!((w.pages, w.start, w.end, w.prev(), w.next()), (3, 0, 50, None, Some(2)));
        let w = Window::new(3, 120);
        assert_eq!((w.start, w.end, w.prev(), w.next()), (100, 120, Some(2), None));
        let empty = Window::new(1, 0);
        assert_eq!((empty.pages, empty.start, empty.end, empty.next()), (1, 0, 0, None));
    }

    #[test]
    fn a_page_past_the_end_is_empty_and_points_back() {
        let w = Window::new(4_000_000_000, 120);
        assert_eq!((w.start, w.end, w.next()), (120, 120, None));
        assert_eq!(w.prev(), Some(3));
    }
}
