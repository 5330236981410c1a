//! The audit log search as typed in the address bar: each value is checked here, and a
//! value that cannot be read becomes a message for the page instead of an error.

use time::Date;
use time::macros::format_description;

pub const PAGE_SIZE: i64 = 50;

/// The search as the query string carries it; every value may be missing or malformed.
#[derive(Debug, Default, Clone)]
pub struct RawQuery {
    pub action: Option<String>,
    pub actor: Option<String>,
    pub subject: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub page: Option<String>,
}

/// A checked search. Dates become bounds on the stored timestamp text, which orders like
/// time itself: `from` is inclusive, `until` the exclusive start of the day after `to`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AuditFilter {
    pub action: String,
    pub actor: String,
    pub subject: String,
    pub from: String,
    pub until: String,
}

/// A checked search with its page, or the keys of the messages explaining what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub filter: AuditFilter,
    pub page: i64,
    pub problems: Vec<&'static str>,
}

impl Parsed {
    pub fn offset(&self) -> i64 {
        (self.page - 1).saturating_mul(PAGE_SIZE)
    }
}

/// A typed value, trimmed and cut to a sane length; control characters (which PostgreSQL
/// refuses in text) are dropped.
fn text(v: &Option<String>) -> String {
    v.as_deref().map(str::trim).unwrap_or_default().chars().filter(|c| !c.is_control()).take(200).collect()
}

fn date(v: &str) -> Option<Date> {
    Date::parse(v, format_description!("[year]-[month]-[day]")).ok()
}

pub fn parse(q: &RawQuery) -> Parsed {
    let mut problems = Vec::new();
    let (from, to) = (text(&q.from), text(&q.to));
    let mut read_date = |v: &str, key: &'static str| {
        let d = if v.is_empty() { None } else { date(v) };
        if d.is_none() && !v.is_empty() {
            problems.push(key);
        }
        d
    };
    let from_date = read_date(&from, crate::msg!("audit-bad-from"));
    let to_date = read_date(&to, crate::msg!("audit-bad-to"));
    if let (Some(f), Some(t)) = (from_date, to_date) {
        if t < f {
            problems.push(crate::msg!("audit-bad-range"));
        }
    }
    let page = match text(&q.page) {
        p if p.is_empty() => 1,
        p => match p.parse::<u32>() {
            Ok(n) if n >= 1 => i64::from(n),
            _ => {
                problems.push(crate::msg!("audit-bad-page"));
                1
            }
        },
    };
    let filter = AuditFilter {
        action: text(&q.action),
        actor: text(&q.actor).to_lowercase(),
        subject: text(&q.subject),
        from: from_date.map(|d| d.to_string()).unwrap_or_default(),
        until: to_date.and_then(Date::next_day).map(|d| d.to_string()).unwrap_or_default(),
    };
    Parsed { filter, page, problems }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> RawQuery {
        let mut r = RawQuery::default();
        for (k, v) in pairs {
            let v = Some((*v).to_string());
            match *k {
                "action" => r.action = v,
                "actor" => r.actor = v,
                "subject" => r.subject = v,
                "from" => r.from = v,
                "to" => r.to = v,
                _ => r.page = v,
            }
        }
        r
    }

    #[test]
    fn empty_query_is_page_one_of_everything() {
        let p = parse(&RawQuery::default());
        assert_eq!((p.page, p.offset(), p.problems.len()), (1, 0, 0));
        assert_eq!(p.filter, AuditFilter::default());
    }

    #[test]
    fn dates_become_bounds_with_to_inclusive() {
        let p = parse(&q(&[("from", "2027-03-01"), ("to", "2027-03-31"), ("actor", " Ana@Example.org ")]));
        assert!(p.problems.is_empty());
        assert_eq!(p.filter.from, "2027-03-01");
        assert_eq!(p.filter.until, "2027-04-01");
        assert_eq!(p.filter.actor, "ana@example.org");
        assert!("2027-03-31T23:59:59.999999Z" < p.filter.until.as_str());
    }

    #[test]
    fn malformed_values_are_reported() {
        assert_eq!(parse(&q(&[("from", "yesterday")])).problems, vec!["audit-bad-from"]);
        assert_eq!(parse(&q(&[("to", "2027-02-30")])).problems, vec!["audit-bad-to"]);
        assert_eq!(parse(&q(&[("from", "2027-03-02"), ("to", "2027-03-01")])).problems, vec!["audit-bad-range"]);
        assert_eq!(parse(&q(&[("page", "0")])).problems, vec!["audit-bad-page"]);
        assert_eq!(parse(&q(&[("page", "-3")])).problems, vec!["audit-bad-page"]);
        assert_eq!(parse(&q(&[("page", "99999999999999999999")])).problems, vec!["audit-bad-page"]);
    }

    #[test]
    fn control_characters_are_dropped() {
        let p = parse(&q(&[("subject", "itw\u{0}-2027"), ("actor", "a\u{7}b")]));
        assert_eq!((p.filter.subject.as_str(), p.filter.actor.as_str()), ("itw-2027", "ab"));
    }

    #[test]
    fn a_far_page_is_valid_and_its_offset_does_not_overflow() {
        let p = parse(&q(&[("page", "1000000000")]));
        assert!(p.problems.is_empty());
        assert_eq!(p.offset(), 999_999_999 * 50);
    }
}
