//! Certificates for their holders (list, download, name corrections) and the public verify
//! page that anyone with a code (or the QR code) can open without signing in.

use rocket::form::FromForm;
use rocket::http::{ContentType, Header, Status};
use rocket::response::{Flash, Redirect, Responder};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::csrf::CsrfForm;
use super::guards::{PageConn, SignedIn};
use super::rate_limit::VerifyQuota;
use super::view::Ctx;
use crate::error::AppError;
use crate::msg;
use crate::repo::certificates as repo;
use crate::repo::{enrollments, programs};
use crate::services::certificates::{self as service, Snapshot, Verification};
use crate::services::{ServiceError, certificate_pdf, learning};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![my_certificates, download, request_correction, verify_form, verify_page]
}

/// A certificate as its holder's list shows it. The edition page keeps its checklist under the
/// fields read here (`catalogue::checklist_key`): a field added here belongs there too.
pub fn certificate_json(c: &repo::Certificate) -> Value {
    let shows = Snapshot::parse(&c.snapshot).ok();
    json!({
        "id": c.id, "code": c.code, "state": c.state, "name_latin": c.name_latin, "name_native": c.name_native,
        "edition": shows.as_ref().map(|s| s.edition.clone()), "dates": shows.as_ref().map(|s| s.dates.clone()),
        "issued": c.issued_at.get(..10).unwrap_or_default(),
        "download_url": format!("/certificates/{}/download", c.id),
        "verify_url": format!("/verify/{}", c.code),
        "revoke_reason": c.revoke_reason,
    })
}

#[get("/my/certificates")]
async fn my_certificates(ctx: Ctx<'_>, user: SignedIn) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let mine = programs::editions_of_user(&mut conn, user.0.id).await?;
    drop(conn);
    // Certificates that became due since the last visit are issued now.
    for (ed, how) in &mine {
        if how == "participant" {
            service::issue_if_due(ctx.state, ed, user.0.id).await?;
        }
    }
    let mut conn = ctx.state.db.pool.acquire().await?;
    let certificates: Vec<Value> = repo::of_user(&mut conn, user.0.id).await?.iter().map(certificate_json).collect();
    let mut corrections = Vec::new();
    for (ed, how) in &mine {
        if how != "participant" {
            continue;
        }
        let Some(e) = enrollments::by_user(&mut conn, ed.id, user.0.id).await? else { continue };
        let last = repo::corrections_of(&mut conn, e.id).await?.into_iter().next();
        corrections.push(json!({
            "slug": ed.slug, "edition": ed.title,
            "name_latin": e.certificate_name_latin, "name_native": e.certificate_name_native,
            "pending": last.as_ref().filter(|c| c.state == "pending").map(|c| c.name_latin.clone()),
            "rejected": last.as_ref().filter(|c| c.state == "rejected").map(|c| c.decision_note.clone()),
        }));
    }
    Ok(ctx.render(
        "certificates/my",
        json!({ "certificates": certificates, "corrections": corrections, "page_title": ctx.t("certificates-my") }),
    ))
}

/// A PDF as a download with its file name.
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub file_name: String,
    pub attachment: bool,
}

impl<'r> Responder<'r, 'static> for Pdf {
    fn respond_to(self, req: &'r rocket::Request<'_>) -> rocket::response::Result<'static> {
        rocket::Response::build_from(self.bytes.respond_to(req)?)
            .header(ContentType::PDF)
            .header(Header::new(
                "Content-Disposition",
                crate::storage::content_disposition(&self.file_name, self.attachment),
            ))
            .header(Header::new("Cache-Control", "private, no-store"))
            .ok()
    }
}

#[get("/certificates/<id>/download")]
async fn download(ctx: Ctx<'_>, user: SignedIn, id: i64) -> Result<Pdf, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let c = service::downloadable(&mut conn, &user.0, id).await?;
    drop(conn);
    let bytes = certificate_pdf::render(ctx.state, &c).await?;
    Ok(Pdf { bytes, file_name: certificate_pdf::file_name(&c), attachment: false })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct CorrectionForm {
    name_latin: String,
    name_native: String,
    reason: String,
}

#[post("/editions/<slug>/name-correction", data = "<form>")]
async fn request_correction(
    ctx: Ctx<'_>,
    user: SignedIn,
    slug: &str,
    form: CsrfForm<CorrectionForm>,
) -> Result<Flash<Redirect>, AppError> {
    let ed = learning::edition_named(ctx.state, slug).await?;
    let f = &form.0;
    let r = service::request_correction(ctx.state, &user.0, &ed, &f.name_latin, &f.name_native, &f.reason).await;
    ctx.flash_outcome("/my/certificates".into(), r, msg!("flash-correction-sent"))
}

#[derive(FromForm)]
struct CodeQuery {
    code: Option<String>,
}

/// The lookup form; a typed code goes to its page.
#[get("/verify?<q..>")]
async fn verify_form(ctx: Ctx<'_>, q: CodeQuery) -> Result<Result<HtmlPage, Redirect>, AppError> {
    if let Some(code) = q.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        let target = crate::domain::certificate::normalise(code).unwrap_or_else(|| code.replace(['/', '?', '#'], ""));
        return Ok(Err(Redirect::to(format!(
            "/verify/{}",
            url::form_urlencoded::byte_serialize(target.as_bytes()).collect::<String>()
        ))));
    }
    Ok(Ok(ctx.render("certificates/verify", json!({ "page_title": ctx.t("verify-title"), "result": Value::Null }))))
}

/// What a verify page shows: only what the certificate itself shows.
pub fn verification_json(v: &Verification) -> Value {
    json!({
        "status": v.status, "code": v.code, "name_latin": v.name_latin, "name_native": v.name_native,
        "program": v.shows.program, "edition": v.shows.edition, "theme": v.shows.theme, "dates": v.shows.dates,
        "venue": v.shows.venue, "hours": v.shows.hours, "issued": v.shows.issued,
        "revoked_at": v.revoked_at, "revoke_reason": v.revoke_reason, "superseded_by": v.superseded_by,
    })
}

#[get("/verify/<code>")]
async fn verify_page(
    conn: PageConn,
    ctx: Ctx<'_>,
    quota: VerifyQuota,
    code: &str,
) -> Result<(Status, HtmlPage), AppError> {
    quota.check()?;
    let mut conn = conn.take();
    let found = service::verify(ctx.state, &mut conn, code).await;
    let (status, result) = match found {
        Ok(v) => (Status::Ok, verification_json(&v)),
        Err(ServiceError::NotFound) => (Status::NotFound, json!({ "status": "not_found", "code": code })),
        Err(e) => return Err(e.into()),
    };
    Ok((status, ctx.render("certificates/verify", json!({ "page_title": ctx.t("verify-title"), "result": result }))))
}
