//! Certificates through the API: one's own list and checklist, the PDF, the public
//! verification, and for coordinators issuing (one, all, despite the rules), revoking,
//! re-issuing and the ZIP of an edition.

use rocket::serde::json::Json;
use rocket::{Route, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::SameSite;
use crate::domain::completion::Checklist;
use crate::error::AppError;
use crate::repo::certificates::{self as repo, Certificate};
use crate::services::certificates::{self as service, BulkReport, Issued, Snapshot, Verification};
use crate::services::{certificate_pdf, learning};
use crate::state::AppState;
use crate::web::certificates::Pdf;
use crate::web::guards::{Coordinator, SignedIn};
use crate::web::rate_limit::VerifyQuota;

pub fn routes() -> Vec<Route> {
    routes![mine, checklist, pdf, verify, issue, issue_all, revoke, reissue, zip]
}

#[derive(Serialize, ToSchema)]
pub struct CertificateOut {
    pub id: i64,
    pub code: String,
    /// `valid`, `revoked` or `superseded`.
    pub state: String,
    pub name_latin: String,
    pub name_native: String,
    pub issued_at: String,
    pub revoked_at: Option<String>,
    pub revoke_reason: Option<String>,
    pub shows: Snapshot,
    pub pdf_url: String,
    pub verify_url: String,
}

impl CertificateOut {
    fn of(c: &Certificate) -> Result<Self, AppError> {
        Ok(CertificateOut {
            id: c.id,
            code: c.code.clone(),
            state: c.state.clone(),
            name_latin: c.name_latin.clone(),
            name_native: c.name_native.clone(),
            issued_at: c.issued_at.clone(),
            revoked_at: c.revoked_at.clone(),
            revoke_reason: c.revoke_reason.clone(),
            shows: Snapshot::parse(&c.snapshot)?,
            pdf_url: format!("/api/v1/certificates/{}/pdf", c.id),
            verify_url: format!("/verify/{}", c.code),
        })
    }
}

/// The caller's certificates, newest first (certificates that became due are issued first).
#[utoipa::path(get, path = "/api/v1/me/certificates", tag = "certificates",
    responses((status = 200, description = "Certificates", body = [CertificateOut]),
              (status = 401, description = "Not signed in", body = super::ErrorBody)))]
#[get("/api/v1/me/certificates")]
pub async fn mine(state: &rocket::State<AppState>, user: SignedIn) -> Result<Json<Vec<CertificateOut>>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let editions = crate::repo::programs::editions_of_user(&mut conn, user.0.id).await?;
    drop(conn);
    for (ed, how) in &editions {
        if how == "participant" {
            service::issue_if_due(state, ed, user.0.id).await?;
        }
    }
    let mut conn = state.db.pool.acquire().await?;
    let list = repo::of_user(&mut conn, user.0.id).await?;
    Ok(Json(list.iter().map(CertificateOut::of).collect::<Result<_, _>>()?))
}

/// What the caller still has to do for the edition's certificate.
#[utoipa::path(get, path = "/api/v1/editions/{slug}/checklist", tag = "certificates",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "The checklist", body = Checklist),
              (status = 404, description = "No such edition, or the caller is not a participant", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>/checklist")]
pub async fn checklist(
    state: &rocket::State<AppState>,
    user: SignedIn,
    slug: &str,
) -> Result<Json<Checklist>, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    if learning::access(&mut conn, &ed, Some(&user.0)).await? != learning::Access::Participant {
        return Err(AppError::NotFound);
    }
    Ok(Json(service::checklist(&mut conn, ed.id, user.0.id).await?))
}

/// The certificate as PDF (its holder and coordinators).
#[utoipa::path(get, path = "/api/v1/certificates/{id}/pdf", tag = "certificates",
    params(("id" = i64, Path, description = "Certificate id")),
    responses((status = 200, description = "The PDF", content_type = "application/pdf"),
              (status = 404, description = "No such certificate for the caller", body = super::ErrorBody)))]
#[get("/api/v1/certificates/<id>/pdf")]
pub async fn pdf(state: &rocket::State<AppState>, user: SignedIn, id: i64) -> Result<Pdf, AppError> {
    let mut conn = state.db.pool.acquire().await?;
    let c = service::downloadable(&mut conn, &user.0, id).await?;
    drop(conn);
    let bytes = certificate_pdf::render(state, &c).await?;
    Ok(Pdf { bytes, file_name: certificate_pdf::file_name(&c), attachment: false })
}

/// Public verification: valid, revoked (date and reason) or superseded (with the newer code),
/// and only what the certificate shows. Unknown codes are not found. Rate-limited per address.
#[utoipa::path(get, path = "/api/v1/verify/{code}", tag = "certificates",
    params(("code" = String, Path, description = "The certificate code, dashes optional")),
    responses((status = 200, description = "The certificate's status", body = Verification),
              (status = 404, description = "No certificate has this code", body = super::ErrorBody),
              (status = 429, description = "Too many lookups", body = super::ErrorBody)))]
#[get("/api/v1/verify/<code>")]
pub async fn verify(
    state: &rocket::State<AppState>,
    quota: VerifyQuota,
    code: &str,
) -> Result<Json<Verification>, AppError> {
    quota.check()?;
    let mut conn = crate::repo::LazyConn::new(state.db.pool.clone());
    Ok(Json(service::verify(state, &mut conn, code).await?))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default)]
pub struct IssueRequest {
    /// When given, the enrollment is declared complete despite the rules, with this reason.
    pub override_reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct IssueAnswer {
    pub issued: Issued,
    pub certificate: CertificateOut,
}

/// Issue one participant's certificate (idempotent: an existing valid one is returned).
#[utoipa::path(post, path = "/api/v1/editions/{slug}/enrollments/{enrollment}/certificate", tag = "certificates",
    params(("slug" = String, Path, description = "Edition slug"), ("enrollment" = i64, Path, description = "Enrollment id")),
    request_body = IssueRequest,
    responses((status = 200, description = "The certificate", body = IssueAnswer),
              (status = 404, description = "No such edition or enrollment", body = super::ErrorBody),
              (status = 422, description = "Rules not met, no certificate name, or not a participant", body = super::ErrorBody)))]
#[post("/api/v1/editions/<slug>/enrollments/<enrollment>/certificate", format = "json", data = "<body>")]
pub async fn issue(
    state: &rocket::State<AppState>,
    c: Coordinator,
    _s: SameSite,
    slug: &str,
    enrollment: i64,
    body: Json<IssueRequest>,
) -> Result<Json<IssueAnswer>, AppError> {
    let ed = learning::edition_named(state, slug).await?;
    let (cert, issued) = match body.override_reason.as_deref() {
        Some(reason) => service::complete_despite_rules(state, &c.0, &ed, enrollment, reason).await?,
        None => service::issue(state, Some(&c.0), &ed, enrollment).await?,
    };
    Ok(Json(IssueAnswer { issued, certificate: CertificateOut::of(&cert)? }))
}

/// Issue every certificate that is due in an edition.
#[utoipa::path(post, path = "/api/v1/editions/{slug}/certificates", tag = "certificates",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "What was done", body = BulkReport),
              (status = 404, description = "No such edition", body = super::ErrorBody)))]
#[post("/api/v1/editions/<slug>/certificates")]
pub async fn issue_all(
    state: &rocket::State<AppState>,
    c: Coordinator,
    _s: SameSite,
    slug: &str,
) -> Result<Json<BulkReport>, AppError> {
    let ed = learning::edition_named(state, slug).await?;
    Ok(Json(service::issue_all(state, &c.0, &ed).await?))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default)]
pub struct RevokeRequest {
    pub reason: String,
}

/// Revoke a valid certificate; the reason is shown on its verify page.
#[utoipa::path(post, path = "/api/v1/certificates/{id}/revoke", tag = "certificates",
    params(("id" = i64, Path, description = "Certificate id")),
    request_body = RevokeRequest,
    responses((status = 200, description = "The revoked certificate", body = CertificateOut),
              (status = 404, description = "No such certificate", body = super::ErrorBody),
              (status = 422, description = "No reason, or not valid", body = super::ErrorBody)))]
#[post("/api/v1/certificates/<id>/revoke", format = "json", data = "<body>")]
pub async fn revoke(
    state: &rocket::State<AppState>,
    c: Coordinator,
    _s: SameSite,
    id: i64,
    body: Json<RevokeRequest>,
) -> Result<Json<CertificateOut>, AppError> {
    let cert = service::revoke(state, &c.0, id, &body.reason).await?;
    Ok(Json(CertificateOut::of(&cert)?))
}

/// Issue a new certificate in place of this one, with the current name.
#[utoipa::path(post, path = "/api/v1/certificates/{id}/reissue", tag = "certificates",
    params(("id" = i64, Path, description = "Certificate id")),
    responses((status = 200, description = "The new certificate", body = CertificateOut),
              (status = 404, description = "No such certificate", body = super::ErrorBody),
              (status = 422, description = "Already replaced", body = super::ErrorBody)))]
#[post("/api/v1/certificates/<id>/reissue")]
pub async fn reissue(
    state: &rocket::State<AppState>,
    c: Coordinator,
    _s: SameSite,
    id: i64,
) -> Result<Json<CertificateOut>, AppError> {
    let cert = service::reissue(state, &c.0, id).await?;
    Ok(Json(CertificateOut::of(&cert)?))
}

/// Every valid certificate of an edition in one ZIP.
#[utoipa::path(get, path = "/api/v1/editions/{slug}/certificates.zip", tag = "certificates",
    params(("slug" = String, Path, description = "Edition slug")),
    responses((status = 200, description = "The ZIP", content_type = "application/zip"),
              (status = 404, description = "No such edition", body = super::ErrorBody)))]
#[get("/api/v1/editions/<slug>/certificates.zip")]
pub async fn zip(
    state: &rocket::State<AppState>,
    _c: Coordinator,
    slug: &str,
) -> Result<certificate_pdf::Zip, AppError> {
    let ed = learning::edition_named(state, slug).await?;
    Ok(certificate_pdf::zip_of_edition(state, &ed).await?)
}
