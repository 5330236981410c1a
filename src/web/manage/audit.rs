//! The audit log for coordinators: a search whose filters live in the address (so it can be
//! bookmarked) and the same search as a CSV or XLSX download.

use rocket::response::stream::ByteStream;
use rocket::{FromForm, Route, get, routes};
use serde_json::{Value, json};

use crate::domain::audit_query::{self, AuditFilter, PAGE_SIZE, Parsed, RawQuery};
use crate::error::AppError;
use crate::repo::audit::{self, AuditRow};
use crate::web::export::{self, BatchSource, Cell, Download};
use crate::web::guards::Coordinator;
use crate::web::page::HtmlPage;
use crate::web::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![page, export_csv, export_xlsx]
}

/// Rows read per query by the export, so a long log never sits in memory at once.
const BATCH: i64 = 500;

#[derive(FromForm, Default)]
struct Query {
    action: Option<String>,
    actor: Option<String>,
    subject: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<String>,
}

impl Query {
    fn raw(self) -> RawQuery {
        RawQuery {
            action: self.action,
            actor: self.actor,
            subject: self.subject,
            from: self.from,
            to: self.to,
            page: self.page,
        }
    }
}

/// The query string of the same search on another page (or for the export, without one).
fn link(q: &RawQuery, page: Option<i64>) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in
        [("action", &q.action), ("actor", &q.actor), ("subject", &q.subject), ("from", &q.from), ("to", &q.to)]
    {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            s.append_pair(k, v);
        }
    }
    if let Some(p) = page {
        s.append_pair("page", &p.to_string());
    }
    s.finish()
}

/// Stored timestamps read as "2027-03-01 09:30 UTC".
fn when(at: &str) -> String {
    match (at.get(..10), at.get(11..16)) {
        (Some(d), Some(t)) => format!("{d} {t} UTC"),
        _ => at.to_string(),
    }
}

#[get("/manage/audit?<q..>")]
async fn page(ctx: Ctx<'_>, _c: Coordinator, q: Query) -> Result<HtmlPage, AppError> {
    let raw = q.raw();
    let Parsed { filter, page, problems } = audit_query::parse(&raw);
    let offset = (page - 1).saturating_mul(PAGE_SIZE);
    let mut rows = Vec::new();
    if problems.is_empty() {
        let mut conn = ctx.state.db.pool.acquire().await?;
        rows = audit::search(&mut conn, &filter, 0, PAGE_SIZE + 1, offset).await?;
    }
    let has_next = rows.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
    let system = ctx.t("audit-system");
    let entries: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "at": r.at, "when": when(&r.at),
                "actor_name": if r.actor_id.is_some() { r.actor_name.clone() } else { system.clone() },
                "actor_email": if r.actor_id.is_some() { Value::from(r.actor_email.clone()) } else { Value::Null },
                "action": r.action, "subject_type": r.subject_type, "subject_id": r.subject_id,
                "reason": r.reason, "before": r.before_json, "after": r.after_json,
            })
        })
        .collect();
    let field = |v: &Option<String>| v.clone().unwrap_or_default();
    Ok(ctx.render(
        "manage/audit",
        json!({
            "page_title": ctx.t("audit-title"),
            "problems": problems.iter().map(|k| ctx.t(k)).collect::<Vec<_>>(),
            "form": {
                "action": field(&raw.action), "actor": field(&raw.actor), "subject": field(&raw.subject),
                "from": field(&raw.from), "to": field(&raw.to),
            },
            "entries": entries,
            "page": page,
            "prev": (problems.is_empty() && page > 1).then(|| format!("?{}", link(&raw, Some(page - 1)))),
            "next": has_next.then(|| format!("?{}", link(&raw, Some(page + 1)))),
            "export": format!("/manage/audit.csv?{}", link(&raw, None)),
            "export_xlsx": format!("/manage/audit.xlsx?{}", link(&raw, None)),
        }),
    ))
}

const HEADER: [&str; 10] =
    ["at", "actor_name", "actor_email", "action", "subject_type", "subject_id", "reason", "before", "after", "id"];

fn cells(r: &AuditRow) -> Vec<Cell> {
    let actor = if r.actor_id.is_some() { r.actor_name.as_str() } else { "system" };
    vec![
        Cell::text(&r.at),
        Cell::text(actor),
        Cell::text(&r.actor_email),
        Cell::text(&r.action),
        Cell::text(&r.subject_type),
        Cell::text(&r.subject_id),
        Cell::text(&r.reason),
        Cell::text(&r.before_json),
        Cell::text(&r.after_json),
        Cell::Int(r.id),
    ]
}

/// Every matching entry (not one page), newest first, read a batch at a time; a search that
/// cannot be read gives the header alone.
struct AuditBatches {
    pool: sqlx::AnyPool,
    filter: Option<AuditFilter>,
    before: i64,
}

impl BatchSource for AuditBatches {
    async fn next_batch(&mut self) -> Result<Vec<Vec<Cell>>, sqlx::Error> {
        let Some(filter) = &self.filter else { return Ok(Vec::new()) };
        let mut conn = self.pool.acquire().await?;
        let rows = audit::search(&mut conn, filter, self.before, BATCH, 0).await?;
        match rows.last() {
            Some(last) if rows.len() == usize::try_from(BATCH).unwrap_or(usize::MAX) => self.before = last.id,
            _ => self.filter = None,
        }
        Ok(rows.iter().map(cells).collect())
    }
}

fn source(ctx: &Ctx<'_>, q: Query) -> AuditBatches {
    let Parsed { filter, problems, .. } = audit_query::parse(&q.raw());
    AuditBatches { pool: ctx.state.db.pool.clone(), filter: problems.is_empty().then_some(filter), before: 0 }
}

fn headers() -> Vec<String> {
    HEADER.iter().map(ToString::to_string).collect()
}

#[get("/manage/audit.csv?<q..>")]
async fn export_csv(ctx: Ctx<'_>, _c: Coordinator, q: Query) -> Result<Download<ByteStream![Vec<u8>]>, AppError> {
    export::csv_stream("audit-log.csv", headers(), source(&ctx, q)).await
}

#[get("/manage/audit.xlsx?<q..>")]
async fn export_xlsx(ctx: Ctx<'_>, _c: Coordinator, q: Query) -> Result<Download<tokio::fs::File>, AppError> {
    export::xlsx_stream("audit-log.xlsx", "Audit log", headers(), source(&ctx, q)).await
}
