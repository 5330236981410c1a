//! The filter every report and list shares, as typed in the address bar: program, edition,
//! date range (on the edition's start), country, UNESCO region, organisation type and
//! application state. Each value is checked here; one that cannot be read becomes a message
//! for the page instead of an error. Program and edition names are checked against the
//! database by the caller.

use time::Date;
use time::macros::format_description;

use super::{countries, enrollment, organisation};

/// Rows per page of a list.
pub const PAGE_SIZE: i64 = 50;

/// The filter as the query string carries it; every value may be missing or malformed.
#[derive(Debug, Default, Clone)]
pub struct RawFilter {
    pub program: Option<String>,
    pub edition: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub org_type: Option<String>,
    pub state: Option<String>,
    pub q: Option<String>,
    pub page: Option<String>,
}

/// A checked filter. Empty strings mean "any".
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReportFilter {
    pub program: String,
    pub edition: String,
    /// Editions starting on or after this day (YYYY-MM-DD).
    pub from: String,
    /// Editions starting on or before this day.
    pub to: String,
    pub country: String,
    pub region: String,
    pub org_type: String,
    pub state: String,
    /// Words to find in a person's name or e-mail (lists of people only).
    pub q: String,
}

impl ReportFilter {
    /// The countries the filter allows, when it narrows them: the one country, or those of
    /// the region (both given: the country if it lies in the region, else none).
    pub fn countries(&self) -> Option<Vec<&'static str>> {
        let in_region = |c: &countries::Country| self.region.is_empty() || c.region == self.region;
        if !self.country.is_empty() {
            return Some(
                countries::all().iter().filter(|c| c.code == self.country && in_region(c)).map(|c| c.code).collect(),
            );
        }
        (!self.region.is_empty()).then(|| countries::all().iter().filter(|c| in_region(c)).map(|c| c.code).collect())
    }

    /// The filter's values as query-string pairs (without the page), to build links.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("program", self.program.as_str()),
            ("edition", self.edition.as_str()),
            ("from", self.from.as_str()),
            ("to", self.to.as_str()),
            ("country", self.country.as_str()),
            ("region", self.region.as_str()),
            ("org_type", self.org_type.as_str()),
            ("state", self.state.as_str()),
            ("q", self.q.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect()
    }

    /// The query string of this filter, with a page when one is given.
    pub fn query(&self, page: Option<i64>) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.pairs() {
            s.append_pair(k, v);
        }
        if let Some(p) = page {
            s.append_pair("page", &p.to_string());
        }
        s.finish()
    }
}

/// A checked filter with its page, or the keys of the messages explaining what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub filter: ReportFilter,
    pub page: i64,
    pub problems: Vec<&'static str>,
}

impl Parsed {
    pub fn offset(&self) -> i64 {
        (self.page - 1).saturating_mul(PAGE_SIZE)
    }
}

/// A typed value, trimmed and cut to a sane length; control characters are dropped.
fn text(v: &Option<String>) -> String {
    v.as_deref().map(str::trim).unwrap_or_default().chars().filter(|c| !c.is_control()).take(200).collect()
}

fn date(v: &str) -> Option<Date> {
    Date::parse(v, format_description!("[year]-[month]-[day]")).ok()
}

/// Keeps `value` when `known` accepts it, else records `problem` and keeps nothing.
fn checked(value: String, known: bool, problem: &'static str, problems: &mut Vec<&'static str>) -> String {
    if value.is_empty() || known {
        value
    } else {
        problems.push(problem);
        String::new()
    }
}

pub fn parse(raw: &RawFilter) -> Parsed {
    let mut problems = Vec::new();
    let read_date = |v: String, key: &'static str, problems: &mut Vec<&'static str>| match date(&v) {
        Some(d) => d.to_string(),
        None if v.is_empty() => v,
        None => {
            problems.push(key);
            String::new()
        }
    };
    let from = read_date(text(&raw.from), crate::msg!("report-bad-from"), &mut problems);
    let to = read_date(text(&raw.to), crate::msg!("report-bad-to"), &mut problems);
    if !from.is_empty() && !to.is_empty() && to < from {
        problems.push(crate::msg!("report-bad-range"));
    }
    let country = text(&raw.country).to_uppercase();
    let country =
        checked(country.clone(), countries::find(&country).is_some(), crate::msg!("report-bad-country"), &mut problems);
    let region = text(&raw.region);
    let region = checked(
        region.clone(),
        countries::REGIONS.contains(&region.as_str()),
        crate::msg!("report-bad-region"),
        &mut problems,
    );
    let org_type = text(&raw.org_type);
    let org_type = checked(
        org_type.clone(),
        organisation::ORGANISATION_TYPES.contains(&org_type.as_str()),
        crate::msg!("report-bad-org-type"),
        &mut problems,
    );
    let state = text(&raw.state);
    let state = checked(
        state.clone(),
        enrollment::STATES.contains(&state.as_str()),
        crate::msg!("report-bad-state"),
        &mut problems,
    );
    let page = match text(&raw.page) {
        p if p.is_empty() => 1,
        p => match p.parse::<u32>() {
            Ok(n) if n >= 1 => i64::from(n),
            _ => {
                problems.push(crate::msg!("report-bad-page"));
                1
            }
        },
    };
    let filter = ReportFilter {
        program: text(&raw.program).to_lowercase(),
        edition: text(&raw.edition).to_lowercase(),
        from,
        to,
        country,
        region,
        org_type,
        state,
        q: text(&raw.q),
    };
    Parsed { filter, page, problems }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawFilter {
        let mut r = RawFilter::default();
        for (k, v) in pairs {
            let v = Some((*v).to_string());
            match *k {
                "program" => r.program = v,
                "edition" => r.edition = v,
                "from" => r.from = v,
                "to" => r.to = v,
                "country" => r.country = v,
                "region" => r.region = v,
                "org_type" => r.org_type = v,
                "state" => r.state = v,
                "q" => r.q = v,
                _ => r.page = v,
            }
        }
        r
    }

    #[test]
    fn empty_filter_is_everything_on_page_one() {
        let p = parse(&RawFilter::default());
        assert_eq!((p.page, p.offset(), p.problems.len()), (1, 0, 0));
        assert_eq!(p.filter, ReportFilter::default());
        assert_eq!(p.filter.countries(), None);
    }

    #[test]
    fn known_values_are_kept_and_normalised() {
        let p = parse(&raw(&[
            ("country", " vn "),
            ("region", "asia-pacific"),
            ("org_type", "stp"),
            ("state", "completed"),
            ("program", "ITW"),
            ("from", "2019-01-01"),
            ("to", "2019-12-31"),
            ("page", "3"),
        ]));
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.filter.country, "VN");
        assert_eq!(p.filter.program, "itw");
        assert_eq!(p.offset(), 100);
        assert_eq!(p.filter.countries(), Some(vec!["VN"]));
    }

    #[test]
    fn a_region_narrows_to_its_countries() {
        let p = parse(&raw(&[("region", "asia-pacific")]));
        let list = p.filter.countries().unwrap_or_default();
        assert!(list.contains(&"KR") && list.contains(&"VN") && !list.contains(&"FR"));
        let clash = parse(&raw(&[("region", "africa"), ("country", "KR")]));
        assert_eq!(clash.filter.countries(), Some(vec![]));
    }

    #[test]
    fn unknown_values_are_reported_and_dropped() {
        let p = parse(&raw(&[("country", "XX"), ("region", "mars"), ("org_type", "army"), ("state", "lost")]));
        assert_eq!(
            p.problems,
            vec!["report-bad-country", "report-bad-region", "report-bad-org-type", "report-bad-state"]
        );
        assert_eq!(p.filter, ReportFilter::default());
    }

    #[test]
    fn dates_and_pages_are_checked() {
        assert_eq!(parse(&raw(&[("from", "yesterday")])).problems, vec!["report-bad-from"]);
        assert_eq!(parse(&raw(&[("to", "2027-02-30")])).problems, vec!["report-bad-to"]);
        assert_eq!(parse(&raw(&[("from", "2027-03-02"), ("to", "2027-03-01")])).problems, vec!["report-bad-range"]);
        assert_eq!(parse(&raw(&[("page", "0")])).problems, vec!["report-bad-page"]);
        assert_eq!(parse(&raw(&[("page", "99999999999999999999")])).problems, vec!["report-bad-page"]);
        // A large but readable page is simply past the end: an empty list, not a problem.
        assert!(parse(&raw(&[("page", "4000000000")])).problems.is_empty());
    }

    #[test]
    fn links_keep_the_filter() {
        let p = parse(&raw(&[("region", "asia-pacific"), ("org_type", "stp"), ("q", "Trần")]));
        assert_eq!(p.filter.query(Some(2)), "region=asia-pacific&org_type=stp&q=Tr%E1%BA%A7n&page=2");
    }
}
