//! The progress of an edition's participants for its trainers and coordinators: a page with
//! filters in the address, and the same rows as CSV and XLSX downloads. E-mail addresses are
//! shown to coordinators only.

use rocket::{FromForm, Route, get, routes};
use serde_json::{Value, json};

use super::export::{self, Cell, Download, Sheet};
use super::guards::SignedIn;
use super::view::Ctx;
use super::{pager, present};
use crate::domain::countries;
use crate::domain::edition_progress::{self as rules, RawFilter, SORTS, STATES};
use crate::domain::paging::Window;
use crate::error::AppError;
use crate::services::edition_progress::{self as service, Line, ProgressView};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![page, csv, xlsx]
}

pub fn page_url(slug: &str) -> String {
    format!("/editions/{slug}/progress")
}

#[derive(FromForm, Default)]
struct Query {
    country: Option<String>,
    state: Option<String>,
    q: Option<String>,
    sort: Option<String>,
    page: Option<String>,
}

impl Query {
    /// The filter; the page is read apart, since only the page uses it.
    fn raw(self) -> RawFilter {
        RawFilter { country: self.country, state: self.state, q: self.q, sort: self.sort }
    }
}

/// The query string of the same filter without the page (for the downloads and the pager).
fn link(raw: &RawFilter) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("country", &raw.country), ("state", &raw.state), ("q", &raw.q), ("sort", &raw.sort)] {
        if let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            s.append_pair(k, v);
        }
    }
    s.finish()
}

fn with_query(path: String, query: &str) -> String {
    if query.is_empty() { path } else { format!("{path}?{query}") }
}

fn country_name(code: &str, lang: &str) -> String {
    countries::find(code).map_or_else(|| code.to_string(), |c| c.name(lang).to_string())
}

fn row_json(ctx: &Ctx<'_>, l: &Line, show_email: bool) -> Value {
    let r = &l.row;
    let f = &l.figures;
    let (name, native) = rules::shown_name(&r.display_name, &r.name_latin, &r.name_native);
    json!({
        "name": name,
        "native": native,
        "email": if show_email { Value::from(r.email.clone()) } else { Value::Null },
        "country": country_name(&r.country, ctx.lang),
        "organisation": r.organisation,
        "state": r.state,
        "state_text": ctx.t(&format!("application-state-{}", r.state)),
        "lessons_done": f.lessons_done,
        "lessons_total": f.lessons_total,
        "lessons_percent": rules::percent(f.lessons_share),
        "attended": f.attended,
        "held": f.sessions_held,
        "attendance_percent": rules::percent(f.attendance_share),
        "excused": r.excused,
        "certificate": r.has_certificate != 0,
    })
}

fn choices(ctx: &Ctx<'_>, codes: &[&str], selected: &str, prefix: &str) -> Vec<Value> {
    codes
        .iter()
        .map(|c| json!({ "code": c, "name": ctx.t(&format!("{prefix}{c}")), "selected": *c == selected }))
        .collect()
}

#[get("/editions/<slug>/progress?<f..>")]
async fn page(ctx: Ctx<'_>, user: SignedIn, slug: &str, f: Query) -> Result<HtmlPage, AppError> {
    // A page that is not a whole number from 1 shows the first, with a message.
    let (page, page_problem) = pager::requested(&ctx, f.page.as_deref());
    let raw = f.raw();
    let v = service::view(ctx.state, &user.0, slug, &raw).await?;
    let mut country_choices: Vec<Value> = v
        .countries
        .iter()
        .map(|c| json!({ "code": c, "name": country_name(c, ctx.lang), "selected": *c == v.filter.country }))
        .collect();
    country_choices.sort_by_key(|c| c["name"].as_str().unwrap_or_default().to_lowercase());
    let query = link(&raw);
    let field = |o: &Option<String>| o.clone().unwrap_or_default();
    let filtered = !v.filter.country.is_empty() || !v.filter.state.is_empty() || !v.filter.q.is_empty();
    // Every row is read and sorted (the summary covers them all); one page of them is shown.
    let window = Window::new(page, v.lines.len());
    Ok(ctx.render(
        "learning/progress",
        json!({
            "page_title": format!("{} · {}", ctx.t("trainer-progress-title"), v.edition.title),
            "edition": present::edition(&v.edition, ctx.lang, None),
            "show_email": v.show_email,
            "problems": v.problems.iter().map(|k| ctx.t(k)).chain(page_problem).collect::<Vec<_>>(),
            "form": { "q": field(&raw.q) },
            "countries": country_choices,
            "states": choices(&ctx, &STATES, &v.filter.state, "application-state-"),
            "sorts": choices(&ctx, &SORTS, v.filter.sort, "trainer-progress-sort-"),
            "filtered": filtered,
            "summary": {
                "participants": v.summary.participants,
                "completed": v.summary.completed,
                "lessons_percent": rules::percent(v.summary.lessons_share),
                "attendance_percent": rules::percent(v.summary.attendance_share),
            },
            "size": { "lessons": v.size.lessons, "sessions_held": v.size.sessions_held },
            "count": v.lines.len(),
            "rows": v.lines[window.start..window.end].iter().map(|l| row_json(&ctx, l, v.show_email)).collect::<Vec<_>>(),
            "pager": pager::json(&window, &page_url(slug), &query),
            "csv": with_query(format!("{}.csv", page_url(slug)), &query),
            "xlsx": with_query(format!("{}.xlsx", page_url(slug)), &query),
            "directory": super::directory::page_url(slug),
        }),
    ))
}

/// The rows as one table, in the page's language, e-mail column for coordinators only.
fn sheet(ctx: &Ctx<'_>, v: &ProgressView) -> Sheet {
    let mut headers = vec![ctx.t("trainer-progress-col-name"), ctx.t("trainer-progress-col-native")];
    if v.show_email {
        headers.push(ctx.t("field-email"));
    }
    for key in [
        "field-country",
        "field-organisation",
        "trainer-progress-col-state",
        "trainer-progress-col-lessons-done",
        "trainer-progress-col-lessons-total",
        "trainer-progress-col-lessons-share",
        "trainer-progress-col-attended",
        "trainer-progress-col-held",
        "trainer-progress-col-excused",
        "trainer-progress-col-attendance-share",
        "trainer-progress-col-certificate",
    ] {
        headers.push(ctx.t(key));
    }
    let (yes, no) = (ctx.t("trainer-progress-yes"), ctx.t("trainer-progress-no"));
    let rows = v
        .lines
        .iter()
        .map(|l| {
            let (r, f) = (&l.row, &l.figures);
            let (name, native) = rules::shown_name(&r.display_name, &r.name_latin, &r.name_native);
            let mut cells = vec![Cell::Text(name), Cell::Text(native.unwrap_or_default())];
            if v.show_email {
                cells.push(Cell::text(r.email.clone()));
            }
            cells.extend([
                Cell::Text(country_name(&r.country, ctx.lang)),
                Cell::text(r.organisation.clone()),
                Cell::Text(ctx.t(&format!("application-state-{}", r.state))),
                Cell::Int(f.lessons_done),
                Cell::Int(f.lessons_total),
                Cell::Share(f.lessons_share),
                Cell::Int(f.attended),
                Cell::Int(f.sessions_held),
                Cell::Int(r.excused),
                Cell::Share(f.attendance_share),
                Cell::Text(if r.has_certificate != 0 { yes.clone() } else { no.clone() }),
            ]);
            cells
        })
        .collect();
    Sheet { name: ctx.t("trainer-progress-title"), headers, rows }
}

fn file_name(slug: &str, ext: &str) -> String {
    format!("progress-{slug}.{ext}")
}

/// The filtered rows as CSV; refused filter values give the header alone.
#[get("/editions/<slug>/progress.csv?<f..>")]
async fn csv(ctx: Ctx<'_>, user: SignedIn, slug: &str, f: Query) -> Result<Download<Vec<u8>>, AppError> {
    let v = service::view(ctx.state, &user.0, slug, &f.raw()).await?;
    Ok(export::csv(&file_name(slug, "csv"), &sheet(&ctx, &v)))
}

/// The filtered rows as a workbook of one sheet.
#[get("/editions/<slug>/progress.xlsx?<f..>")]
async fn xlsx(ctx: Ctx<'_>, user: SignedIn, slug: &str, f: Query) -> Result<Download<tokio::fs::File>, AppError> {
    let v = service::view(ctx.state, &user.0, slug, &f.raw()).await?;
    export::xlsx(&file_name(slug, "xlsx"), &[sheet(&ctx, &v)]).await
}
