//! The coordinators' lists with personal data: every enrollment matching the report filter
//! (with its progress, attendance and certificate), the people who took part, and one
//! person's history across editions (the alumni view). Lists page by 50 and download whole,
//! read in batches.

use rocket::response::stream::ByteStream;
use rocket::{Route, get, routes};
use serde_json::{Value, json};

use super::report_form::{self, FilterQuery};
use super::report_tables::{country_name, org_type_name, state_name};
use crate::domain::report_filter::{self, PAGE_SIZE, RawFilter, ReportFilter};
use crate::error::AppError;
use crate::repo::reports::{self as repo, ParticipantRow};
use crate::services::reports;
use crate::web::export::{self, BatchSource, Cell, Download};
use crate::web::guards::Coordinator;
use crate::web::page::HtmlPage;
use crate::web::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![participants_page, participants_csv, participants_xlsx, people_page, person_page]
}

/// Rows read per query by the downloads.
const BATCH: i64 = 1000;

fn attended(r: &ParticipantRow) -> i64 {
    r.present + r.late
}

const HEADER_KEYS: [&str; 17] = [
    "report-name",
    "report-email",
    "report-name-latin",
    "report-name-native",
    "report-country",
    "report-organisation",
    "report-org-type",
    "report-position",
    "report-edition",
    "report-state",
    "report-lessons-done",
    "report-attended",
    "report-excused",
    "report-absent",
    "report-certificate",
    "report-consent-listed",
    "report-applied",
];

fn row_json(ctx: &Ctx<'_>, r: &ParticipantRow) -> Value {
    json!({
        "user_id": r.user_id, "name": r.display_name, "email": r.email, "latin": r.name_latin, "native": r.name_native,
        "country": country_name(ctx, &r.country), "organisation": r.organisation,
        "org_type": org_type_name(ctx, &r.organisation_type), "edition": r.edition_title, "edition_slug": r.edition_slug,
        "state": state_name(ctx, &r.state), "lessons": r.lessons_done, "attended": attended(r), "excused": r.excused,
        "certificate": r.has_certificate != 0, "listed": r.consent_listed != 0,
    })
}

/// A checked filter, or the page's messages when it cannot be read (then the list is empty).
async fn checked(ctx: &Ctx<'_>, raw: &RawFilter) -> Result<(report_filter::Parsed, Vec<String>, Value), AppError> {
    let parsed = report_filter::parse(raw);
    let mut conn = ctx.state.db.pool.acquire().await?;
    let editions = reports::editions(&mut conn).await?;
    let programs = repo::programs(&mut conn).await?;
    let mut problems = parsed.problems.clone();
    problems.extend(reports::unknown_names(&parsed.filter, &editions));
    let form = report_form::form(ctx, &parsed.filter, &programs, &editions);
    Ok((parsed, problems.iter().map(|k| ctx.t(k)).collect(), form))
}

fn pager(f: &ReportFilter, base: &str, page: i64, has_next: bool) -> Value {
    json!({
        "page": page,
        "prev": (page > 1).then(|| format!("{base}?{}", f.query(Some(page - 1)))),
        "next": has_next.then(|| format!("{base}?{}", f.query(Some(page + 1)))),
    })
}

fn with_query(base: &str, f: &ReportFilter) -> String {
    let q = f.query(None);
    if q.is_empty() { base.to_string() } else { format!("{base}?{q}") }
}

#[get("/manage/reports/participants?<f..>")]
async fn participants_page(ctx: Ctx<'_>, _c: Coordinator, f: FilterQuery) -> Result<HtmlPage, AppError> {
    let (parsed, problems, form) = checked(&ctx, &f.raw()).await?;
    let mut rows = Vec::new();
    if problems.is_empty() {
        let mut conn = ctx.state.db.pool.acquire().await?;
        rows = repo::participants_page(&mut conn, &parsed.filter, PAGE_SIZE + 1, parsed.offset()).await?;
    }
    let has_next = rows.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
    let base = "/manage/reports/participants";
    Ok(ctx.render(
        "manage/report_participants",
        json!({
            "page_title": ctx.t("report-participants-title"),
            "action": base,
            "form": form,
            "problems": problems,
            "rows": rows.iter().map(|r| row_json(&ctx, r)).collect::<Vec<_>>(),
            "pager": pager(&parsed.filter, base, parsed.page, has_next),
            "csv": with_query("/manage/reports/participants.csv", &parsed.filter),
            "xlsx": with_query("/manage/reports/participants.xlsx", &parsed.filter),
            "back": with_query("/manage/reports", &ReportFilter { q: String::new(), ..parsed.filter.clone() }),
        }),
    ))
}

/// The participant list read in enrollment order, a batch at a time, as download cells.
struct ParticipantBatches {
    pool: sqlx::AnyPool,
    filter: Option<ReportFilter>,
    after: i64,
    lang: &'static str,
    labels: Labels,
}

/// Names the rows need, looked up once (the batches run after the request's context is gone).
#[derive(Clone)]
struct Labels {
    yes: String,
    no: String,
    states: Vec<(String, String)>,
    org_types: Vec<(String, String)>,
    not_given: String,
}

impl Labels {
    fn new(ctx: &Ctx<'_>) -> Self {
        Self {
            yes: ctx.t("report-yes"),
            no: ctx.t("report-no"),
            states: crate::domain::enrollment::STATES.iter().map(|s| (s.to_string(), state_name(ctx, s))).collect(),
            org_types: crate::domain::organisation::ORGANISATION_TYPES
                .iter()
                .map(|t| (t.to_string(), org_type_name(ctx, t)))
                .collect(),
            not_given: ctx.t("report-not-given"),
        }
    }

    fn find(list: &[(String, String)], key: &str, fallback: &str) -> String {
        list.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_else(|| fallback.to_string())
    }

    fn cells(&self, lang: &str, r: &ParticipantRow) -> Vec<Cell> {
        let yes_no = |v: i64| if v != 0 { self.yes.clone() } else { self.no.clone() };
        let country = crate::domain::countries::find(&r.country).map(|c| c.name(lang).to_string());
        vec![
            Cell::text(&r.display_name),
            Cell::text(&r.email),
            Cell::text(&r.name_latin),
            Cell::text(&r.name_native),
            Cell::Text(
                country
                    .unwrap_or_else(|| if r.country.is_empty() { self.not_given.clone() } else { r.country.clone() }),
            ),
            Cell::text(&r.organisation),
            Cell::Text(if r.organisation_type.is_empty() {
                self.not_given.clone()
            } else {
                Self::find(&self.org_types, &r.organisation_type, &r.organisation_type)
            }),
            Cell::text(&r.position),
            Cell::text(&r.edition_title),
            Cell::Text(Self::find(&self.states, &r.state, &r.state)),
            Cell::Int(r.lessons_done),
            Cell::Int(attended(r)),
            Cell::Int(r.excused),
            Cell::Int(r.absent),
            Cell::Text(yes_no(r.has_certificate)),
            Cell::Text(yes_no(r.consent_listed)),
            Cell::text(r.applied_at.get(..10).unwrap_or(&r.applied_at)),
        ]
    }
}

impl BatchSource for ParticipantBatches {
    async fn next_batch(&mut self) -> Result<Vec<Vec<Cell>>, sqlx::Error> {
        let Some(filter) = &self.filter else { return Ok(Vec::new()) };
        let mut conn = self.pool.acquire().await?;
        let rows = repo::participants_after(&mut conn, filter, self.after, BATCH).await?;
        match rows.last() {
            Some(last) => self.after = last.id,
            None => self.filter = None,
        }
        Ok(rows.iter().map(|r| self.labels.cells(self.lang, r)).collect())
    }
}

async fn download_source(ctx: &Ctx<'_>, f: &RawFilter) -> Result<(ParticipantBatches, Vec<String>), AppError> {
    let (parsed, problems, _) = checked(ctx, f).await?;
    let source = ParticipantBatches {
        pool: ctx.state.db.pool.clone(),
        // An unreadable filter downloads the header alone.
        filter: problems.is_empty().then_some(parsed.filter),
        after: 0,
        lang: ctx.lang,
        labels: Labels::new(ctx),
    };
    Ok((source, HEADER_KEYS.iter().map(|k| ctx.t(k)).collect()))
}

#[get("/manage/reports/participants.csv?<f..>")]
async fn participants_csv(
    ctx: Ctx<'_>,
    _c: Coordinator,
    f: FilterQuery,
) -> Result<Download<ByteStream![Vec<u8>]>, AppError> {
    let (source, headers) = download_source(&ctx, &f.raw()).await?;
    export::csv_stream("participants.csv", headers, source).await
}

#[get("/manage/reports/participants.xlsx?<f..>")]
async fn participants_xlsx(
    ctx: Ctx<'_>,
    _c: Coordinator,
    f: FilterQuery,
) -> Result<Download<tokio::fs::File>, AppError> {
    let (source, headers) = download_source(&ctx, &f.raw()).await?;
    export::xlsx_stream("participants.xlsx", &ctx.t("report-participants-title"), headers, source).await
}

#[get("/manage/reports/people?<f..>")]
async fn people_page(ctx: Ctx<'_>, _c: Coordinator, f: FilterQuery) -> Result<HtmlPage, AppError> {
    let (parsed, problems, form) = checked(&ctx, &f.raw()).await?;
    let mut rows = Vec::new();
    if problems.is_empty() {
        let mut conn = ctx.state.db.pool.acquire().await?;
        rows = repo::people_page(&mut conn, &parsed.filter, PAGE_SIZE + 1, parsed.offset()).await?;
    }
    let has_next = rows.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
    let people: Vec<Value> = rows
        .iter()
        .map(|p| {
            json!({
                "id": p.id, "name": p.display_name, "email": p.email, "country": country_name(&ctx, &p.country),
                "organisation": p.organisation, "editions": p.editions, "completed": p.completed,
                "certificates": p.certificates,
            })
        })
        .collect();
    let base = "/manage/reports/people";
    Ok(ctx.render(
        "manage/report_people",
        json!({
            "page_title": ctx.t("report-people-title"),
            "action": base,
            "form": form,
            "problems": problems,
            "people": people,
            "pager": pager(&parsed.filter, base, parsed.page, has_next),
            "back": with_query("/manage/reports", &ReportFilter { q: String::new(), ..parsed.filter.clone() }),
        }),
    ))
}

#[get("/manage/reports/people/<id>")]
async fn person_page(ctx: Ctx<'_>, _c: Coordinator, id: i64) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let history = repo::history(&mut conn, id).await?;
    let Some(first) = history.first() else { return Err(AppError::NotFound) };
    Ok(ctx.render(
        "manage/report_person",
        json!({
            "page_title": first.display_name,
            "name": first.display_name,
            "email": first.email,
            "rows": history.iter().map(|r| row_json(&ctx, r)).collect::<Vec<_>>(),
            "count": history.len(),
        }),
    ))
}
