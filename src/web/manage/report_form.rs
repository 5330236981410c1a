//! The filter form every report shares: the current values and the choices of each list,
//! named in the reader's language.

use serde_json::{Value, json};

use super::report_tables::{org_type_name, region_name, state_name};
use crate::domain::report_filter::{RawFilter, ReportFilter};
use crate::domain::{countries, enrollment, organisation};
use crate::repo::reports::EditionFacts;
use crate::web::view::Ctx;

fn options(current: &str, choices: impl IntoIterator<Item = (String, String)>) -> Vec<Value> {
    choices
        .into_iter()
        .map(|(value, label)| json!({"value": value, "label": label, "selected": value == current}))
        .collect()
}

pub fn form(ctx: &Ctx<'_>, f: &ReportFilter, programs: &[(String, String)], editions: &[EditionFacts]) -> Value {
    json!({
        "programs": options(&f.program, programs.iter().map(|(s, n)| (s.clone(), n.clone()))),
        "editions": options(&f.edition, editions.iter().rev().map(|e| (e.slug.clone(), e.title.clone()))),
        "countries": options(&f.country, countries::sorted_for(ctx.lang).into_iter().map(|(c, n)| (c.to_string(), n.to_string()))),
        "regions": options(&f.region, countries::REGIONS.iter().map(|r| (r.to_string(), region_name(ctx, r)))),
        "org_types": options(&f.org_type, organisation::ORGANISATION_TYPES.iter().map(|t| (t.to_string(), org_type_name(ctx, t)))),
        "states": options(&f.state, enrollment::STATES.iter().map(|s| (s.to_string(), state_name(ctx, s)))),
        "from": f.from,
        "to": f.to,
        "q": f.q,
    })
}

/// The filter as Rocket reads it from the query string; unknown keys are ignored.
#[derive(Debug, Default, rocket::FromForm)]
pub struct FilterQuery {
    program: Option<String>,
    edition: Option<String>,
    from: Option<String>,
    to: Option<String>,
    country: Option<String>,
    region: Option<String>,
    org_type: Option<String>,
    state: Option<String>,
    q: Option<String>,
    page: Option<String>,
}

impl FilterQuery {
    pub fn raw(&self) -> RawFilter {
        RawFilter {
            program: self.program.clone(),
            edition: self.edition.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            country: self.country.clone(),
            region: self.region.clone(),
            org_type: self.org_type.clone(),
            state: self.state.clone(),
            q: self.q.clone(),
            page: self.page.clone(),
        }
    }
}
