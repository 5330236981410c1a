//! The coordinators' dashboards: across editions and for one edition, each table beside its
//! chart, with the filter in the address and downloads of the same tables as CSV and XLSX.
//! Participants and trainers asking for them get 404 (the `Coordinator` guard).

use rocket::{Responder, Route, get, routes};
use serde_json::{Value, json};

use super::report_form::{self, FilterQuery};
use super::report_tables::{self, Table};
use crate::db::now;
use crate::domain::report_figures::Figures;
use crate::domain::report_filter::{self, RawFilter};
use crate::error::AppError;
use crate::services::{ServiceError, reports, survey};
use crate::web::export::{self, Download};
use crate::web::guards::Coordinator;
use crate::web::page::HtmlPage;
use crate::web::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![overview_page, overview_csv, overview_xlsx, edition_page]
}

/// A report page or one of its downloads.
#[derive(Responder)]
pub enum Answer {
    Page(HtmlPage),
    Csv(Download<Vec<u8>>),
    Xlsx(Download<tokio::fs::File>),
}

/// The tables as the page template reads them.
fn sections(tables: &[Table], csv_base: &str, query: &str) -> Vec<Value> {
    tables
        .iter()
        .map(|t| {
            let sep = if query.is_empty() { "" } else { "&" };
            json!({
                "key": t.key,
                "title": t.sheet.name,
                "chart": t.chart,
                "headers": t.sheet.headers,
                "width": t.sheet.headers.len(),
                "rows": report_tables::page_rows(&t.sheet),
                "empty": t.sheet.rows.is_empty(),
                "csv": format!("{csv_base}?{query}{sep}table={}", t.key),
            })
        })
        .collect()
}

/// The cross-edition report for a filter: its tables and totals, or the messages saying why
/// the filter is unreadable.
struct Built {
    tables: Vec<Table>,
    form: Value,
    problems: Vec<String>,
    total: Option<Figures>,
}

async fn overview_tables(ctx: &Ctx<'_>, raw: &RawFilter) -> Result<Built, AppError> {
    let parsed = report_filter::parse(raw);
    let mut conn = ctx.state.db.pool.acquire().await?;
    let editions = reports::editions(&mut conn).await?;
    let programs = crate::repo::reports::programs(&mut conn).await?;
    let mut problems = parsed.problems.clone();
    problems.extend(reports::unknown_names(&parsed.filter, &editions));
    let form = report_form::form(ctx, &parsed.filter, &programs, &editions);
    if !problems.is_empty() {
        let problems = problems.iter().map(|k| ctx.t(k)).collect();
        return Ok(Built { tables: Vec::new(), form, problems, total: None });
    }
    let o = reports::overview(&mut conn, &parsed.filter, editions).await?;
    Ok(Built { tables: report_tables::overview(ctx, &o), form, problems: Vec::new(), total: Some(o.cuts.total) })
}

fn summary(ctx: &Ctx<'_>, f: &Figures) -> Vec<Value> {
    vec![
        json!({"label": ctx.t("report-applications"), "value": f.applications}),
        json!({"label": ctx.t("report-participants"), "value": f.participants}),
        json!({"label": ctx.t("report-countries"), "value": f.countries.len()}),
        json!({"label": ctx.t("report-attendance"), "value": report_tables::percent(f.attendance_rate())}),
        json!({"label": ctx.t("report-completion"), "value": report_tables::percent(f.completion_rate())}),
        json!({"label": ctx.t("report-certificates"), "value": f.certificates}),
    ]
}

#[get("/manage/reports?<f..>")]
async fn overview_page(ctx: Ctx<'_>, _c: Coordinator, f: FilterQuery) -> Result<HtmlPage, AppError> {
    let parsed = report_filter::parse(&f.raw());
    let query = parsed.filter.query(None);
    let Built { tables, form, problems, total } = overview_tables(&ctx, &f.raw()).await?;
    let sep = if query.is_empty() { "" } else { "?" };
    Ok(ctx.render(
        "manage/reports",
        json!({
            "page_title": ctx.t("report-title"),
            "heading": ctx.t("report-title"),
            "intro": ctx.t("report-intro"),
            "action": "/manage/reports",
            "form": form,
            "problems": problems,
            "summary": total.as_ref().map(|t| summary(&ctx, t)),
            "sections": sections(&tables, "/manage/reports.csv", &query),
            "xlsx": format!("/manage/reports.xlsx{sep}{query}"),
            "participants": format!("/manage/reports/participants{sep}{query}"),
            "people": format!("/manage/reports/people{sep}{query}"),
        }),
    ))
}

/// The table `key` of a report, or 404 for a key it does not have.
fn table_csv(tables: Vec<Table>, key: Option<&str>, file: &str) -> Result<Download<Vec<u8>>, AppError> {
    let key = key.unwrap_or("editions");
    let table = tables.into_iter().find(|t| t.key == key).ok_or(AppError::NotFound)?;
    Ok(export::csv(&format!("{file}-{key}.csv"), &table.sheet))
}

#[get("/manage/reports.csv?<table>&<f..>")]
async fn overview_csv(
    ctx: Ctx<'_>,
    _c: Coordinator,
    table: Option<String>,
    f: FilterQuery,
) -> Result<Download<Vec<u8>>, AppError> {
    let tables = overview_tables(&ctx, &f.raw()).await?.tables;
    table_csv(tables, table.as_deref().or(Some("editions")), "participation")
}

#[get("/manage/reports.xlsx?<f..>")]
async fn overview_xlsx(ctx: Ctx<'_>, _c: Coordinator, f: FilterQuery) -> Result<Download<tokio::fs::File>, AppError> {
    let tables = overview_tables(&ctx, &f.raw()).await?.tables;
    let sheets: Vec<_> = tables.into_iter().map(|t| t.sheet).collect();
    export::xlsx("participation.xlsx", &sheets).await
}

/// One edition's dashboard: `/manage/reports/editions/itw-2027`, and its downloads
/// `itw-2027.xlsx` and `itw-2027.csv?table=sessions`.
#[get("/manage/reports/editions/<name>?<table>&<f..>")]
async fn edition_page(
    ctx: Ctx<'_>,
    c: Coordinator,
    name: &str,
    table: Option<String>,
    f: FilterQuery,
) -> Result<Answer, AppError> {
    let (slug, kind) = match name.rsplit_once('.') {
        Some((s, "xlsx")) => (s, "xlsx"),
        Some((s, "csv")) => (s, "csv"),
        _ => (name, "page"),
    };
    let parsed = report_filter::parse(&f.raw());
    let mut conn = ctx.state.db.pool.acquire().await?;
    let editions = reports::editions(&mut conn).await?;
    let programs = crate::repo::reports::programs(&mut conn).await?;
    let form = report_form::form(&ctx, &parsed.filter, &programs, &editions);
    let problems: Vec<String> = parsed.problems.iter().map(|k| ctx.t(k)).collect();
    let (report, tables) = if problems.is_empty() {
        let r = reports::edition(&mut conn, slug, &parsed.filter, editions).await.map_err(AppError::from)?;
        let results = match survey::results(&mut conn, slug, &c.0).await {
            Ok((_, s)) if !s.questions.is_empty() => Some(s),
            Ok(_) | Err(ServiceError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
        let tables = report_tables::edition(&ctx, &r, results.as_ref(), &now().db());
        (Some(r), tables)
    } else if editions.iter().any(|e| e.slug == slug) {
        (None, Vec::new())
    } else {
        return Err(AppError::NotFound);
    };
    let file = format!("edition-{slug}");
    match kind {
        "csv" => return table_csv(tables, table.as_deref().or(Some("summary")), &file).map(Answer::Csv),
        "xlsx" => {
            let sheets: Vec<_> = tables.into_iter().map(|t| t.sheet).collect();
            return export::xlsx(&format!("{file}.xlsx"), &sheets).await.map(Answer::Xlsx);
        }
        _ => {}
    }
    let query = parsed.filter.query(None);
    let sep = if query.is_empty() { "" } else { "?" };
    let title = report.as_ref().map(|r| r.edition.title.clone()).unwrap_or_default();
    Ok(Answer::Page(ctx.render(
        "manage/reports",
        json!({
            "page_title": format!("{} — {}", ctx.t("report-edition-title"), title),
            "heading": title,
            "intro": ctx.t("report-edition-intro"),
            "crumb": {"href": format!("/manage/reports{sep}{query}"), "label": ctx.t("report-title")},
            "action": format!("/manage/reports/editions/{slug}"),
            "form": form,
            "edition_form": true,
            "problems": problems,
            "summary": report.as_ref().map(|r| summary(&ctx, &r.cuts.total)),
            "sections": sections(&tables, &format!("/manage/reports/editions/{slug}.csv"), &query),
            "xlsx": format!("/manage/reports/editions/{slug}.xlsx{sep}{query}"),
            "participants": format!("/manage/reports/participants?{}", {
                let mut scoped = parsed.filter.clone();
                scoped.edition = slug.to_string();
                scoped.query(None)
            }),
        }),
    )))
}
