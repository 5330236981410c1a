//! The audit log for coordinators: a search whose filters live in the address (so it can be
//! bookmarked) and the same search as a CSV download.

use rocket::http::{ContentType, Header};
use rocket::response::stream::ByteStream;
use rocket::{FromForm, Responder, Route, get, routes};
use rocket_dyn_templates::Template;
use serde_json::{Value, json};

use crate::domain::audit_query::{self, PAGE_SIZE, Parsed, RawQuery};
use crate::domain::csv_export;
use crate::error::AppError;
use crate::repo::audit::{self, AuditRow};
use crate::web::guards::Coordinator;
use crate::web::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![page, export]
}

/// Rows read per query by the export, so a long log never sits in memory at once.
const BATCH: usize = 500;

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
async fn page(ctx: Ctx<'_>, _c: Coordinator, q: Query) -> Result<Template, AppError> {
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
        }),
    ))
}

/// A CSV download with its file name.
#[derive(Responder)]
struct CsvFile<R> {
    body: R,
    content_type: ContentType,
    disposition: Header<'static>,
}

const HEADER: [&str; 10] =
    ["at", "actor_name", "actor_email", "action", "subject_type", "subject_id", "reason", "before", "after", "id"];

fn csv_line(r: &AuditRow) -> String {
    let actor = if r.actor_id.is_some() { r.actor_name.as_str() } else { "system" };
    let id = r.id.to_string();
    csv_export::row(&[
        r.at.as_str(),
        actor,
        r.actor_email.as_str(),
        r.action.as_str(),
        r.subject_type.as_str(),
        r.subject_id.as_str(),
        r.reason.as_str(),
        r.before_json.as_str(),
        r.after_json.as_str(),
        id.as_str(),
    ])
}

/// Every matching entry (not one page), newest first, read and sent in batches. A search
/// that cannot be read gives the header alone.
#[get("/manage/audit.csv?<q..>")]
async fn export(ctx: Ctx<'_>, _c: Coordinator, q: Query) -> Result<CsvFile<ByteStream![Vec<u8>]>, AppError> {
    let Parsed { filter, problems, .. } = audit_query::parse(&q.raw());
    let pool = ctx.state.db.pool.clone();
    let batch = i64::try_from(BATCH).unwrap_or(PAGE_SIZE);
    // The first batch is read before answering, so a database outage is a proper error page.
    let first = if problems.is_empty() {
        let mut conn = pool.acquire().await?;
        audit::search(&mut conn, &filter, 0, batch, 0).await?
    } else {
        Vec::new()
    };
    let body = ByteStream! {
        yield format!("{}{}", csv_export::BOM, csv_export::row(&HEADER)).into_bytes();
        let mut rows = first;
        while let Some(last) = rows.last().map(|r| r.id) {
            let full = rows.len() == BATCH;
            yield rows.iter().map(csv_line).collect::<String>().into_bytes();
            if !full {
                break;
            }
            let next = match pool.acquire().await {
                Ok(mut conn) => audit::search(&mut conn, &filter, last, batch, 0).await,
                Err(e) => Err(e),
            };
            rows = match next {
                Ok(r) => r,
                Err(e) => {
                    tracing::error!(error = %e, "audit export stopped");
                    break;
                }
            };
        }
    };
    Ok(CsvFile {
        body,
        content_type: ContentType::CSV,
        disposition: Header::new("Content-Disposition", crate::storage::content_disposition("audit-log.csv", true)),
    })
}
