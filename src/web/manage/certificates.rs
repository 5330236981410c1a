//! The coordinators' certificate desk for an edition: completion rules and what the
//! certificate prints, signatories, each participant's progress and certificate, issuing
//! (one, all, or despite the rules), revoking, re-issuing, name corrections, the ZIP of all
//! certificates and a specimen preview.

use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde_json::{Value, json};

use super::NoFields;
use crate::domain::completion;
use crate::domain::languages::LANGUAGES;
use crate::error::AppError;
use crate::msg;
use crate::repo::certificates::{self as repo, Settings};
use crate::repo::{enrollments, learning::ACTIVE_STATES, programs};
use crate::services::certificates as service;
use crate::services::{ServiceError, ServiceResult, certificate_pdf, learning};
use crate::web::certificates::{Pdf, certificate_json};
use crate::web::csrf::{self, CsrfForm, SameOrigin};
use crate::web::guards::Coordinator;
use crate::web::page::HtmlPage;
use crate::web::present;
use crate::web::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![
        desk,
        save_settings,
        add_signatory,
        remove_signatory,
        issue_one,
        complete_despite_rules,
        issue_all,
        revoke,
        reissue,
        decide_correction,
        zip,
        preview_page,
        specimen
    ]
}

pub fn desk_url(slug: &str) -> String {
    format!("/manage/editions/{slug}/certificates")
}

#[get("/manage/editions/<slug>/certificates")]
async fn desk(ctx: Ctx<'_>, _c: Coordinator, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let ed = learning::edition(&mut conn, slug).await?;
    let settings = repo::settings(&mut conn, ed.id).await?;
    let signatories = repo::signatories(&mut conn, ed.id).await?;
    let mut people = Vec::new();
    for e in
        enrollments::of_edition(&mut conn, ed.id).await?.iter().filter(|e| ACTIVE_STATES.contains(&e.state.as_str()))
    {
        let done = repo::done(&mut conn, ed.id, e.user_id).await?;
        let checklist = completion::evaluate(&settings.rules, &done);
        let certificates: Vec<Value> =
            repo::of_enrollment(&mut conn, e.id).await?.iter().map(certificate_json).collect();
        let names = format!("{} {}", e.certificate_name_latin, e.certificate_name_native);
        let missing: String = ctx.state.fonts.missing(&names).into_iter().collect();
        people.push(json!({
            "enrollment": e.id, "display_name": e.display_name, "country": e.country,
            "name_latin": e.certificate_name_latin, "name_native": e.certificate_name_native,
            "lessons": format!("{}/{}", done.lessons_done, done.lessons_total),
            "attendance": format!("{}/{}", done.sessions_attended, done.sessions_counted),
            "survey": done.survey_submitted,
            "complete": checklist.complete,
            "current": certificates.iter().find(|c| c["state"] == "valid").cloned(),
            "revoked": certificates.iter().find(|c| c["state"] == "revoked").cloned(),
            "font_warning": (!missing.is_empty()).then_some(missing),
        }));
    }
    let mut corrections = Vec::new();
    for c in repo::pending_corrections(&mut conn, ed.id).await? {
        let current: Option<(String, String)> =
            sqlx::query_as("SELECT certificate_name_latin, certificate_name_native FROM enrollments WHERE id = $1")
                .bind(c.enrollment_id)
                .fetch_optional(&mut *conn)
                .await?;
        let (latin, native) = current.unwrap_or_default();
        corrections.push(json!({
            "id": c.id, "from_latin": latin, "from_native": native,
            "name_latin": c.name_latin, "name_native": c.name_native, "reason": c.reason,
        }));
    }
    let languages: Vec<Value> = LANGUAGES
        .iter()
        .filter(|(c, _)| *c != "en")
        .map(|(c, name)| json!({ "code": c, "name": name, "selected": *c == settings.language }))
        .collect();
    Ok(ctx.render(
        "manage/certificates",
        json!({
            "edition": present::edition(&ed, ctx.lang, None),
            "rules": {
                "lessons": settings.rules.lessons_pct, "attendance": settings.rules.attendance_pct,
                "survey": settings.rules.survey, "hours": settings.learning_hours,
            },
            "languages": languages,
            "signatories": signatories,
            "people": people,
            "corrections": corrections,
            "page_title": ctx.t("manage-certificates"),
        }),
    ))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct SettingsForm {
    lessons: String,
    attendance: String,
    survey: Option<String>,
    hours: String,
    language: String,
}

fn parse_settings(f: &SettingsForm) -> ServiceResult<Settings> {
    let mut e = crate::domain::FieldErrors::new();
    let lessons = e.check("lessons", completion::threshold(&f.lessons));
    let attendance = e.check("attendance", completion::threshold(&f.attendance));
    let hours = e.check(
        "hours",
        match f.hours.trim() {
            "" => Ok(None),
            t => t.parse::<i64>().ok().filter(|h| (1..=2000).contains(h)).map(Some).ok_or(msg!("err-hours")),
        },
    );
    let language = f.language.trim();
    if !language.is_empty() && !LANGUAGES.iter().any(|(c, _)| *c == language && *c != "en") {
        e.add("language", msg!("err-certificate-language"));
    }
    e.clone().into_result()?;
    Ok(Settings {
        rules: completion::Rules {
            lessons_pct: lessons.flatten(),
            attendance_pct: attendance.flatten(),
            survey: f.survey.is_some(),
        },
        learning_hours: hours.flatten(),
        language: language.to_string(),
    })
}

#[post("/manage/editions/<slug>/certificates/settings", data = "<form>")]
async fn save_settings(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    form: CsrfForm<SettingsForm>,
) -> Result<Flash<Redirect>, AppError> {
    let r = async {
        let s = parse_settings(&form.0)?;
        let mut tx = ctx.state.db.begin_write().await?;
        let ed = learning::edition(&mut tx, slug).await?;
        let before = serde_json::to_value(repo::settings(&mut tx, ed.id).await?).unwrap_or_default();
        repo::save_settings(&mut tx, ed.id, &s).await?;
        let after = serde_json::to_value(&s).unwrap_or_default();
        crate::services::editions_admin::record(&mut tx, &c.0, "certificate.settings", slug, before, after).await?;
        tx.commit().await?;
        Ok::<_, ServiceError>(())
    }
    .await;
    ctx.flash_outcome(desk_url(slug), r, msg!("flash-certificate-settings"))
}

#[derive(FromForm)]
struct SignatoryForm<'r> {
    csrf_token: Option<String>,
    name: Option<String>,
    title: Option<String>,
    /// A scanned signature (PNG or JPEG), optional.
    image: Option<TempFile<'r>>,
}

/// Largest signature image accepted.
const SIGNATURE_MAX_BYTES: u64 = 1024 * 1024;

#[post("/manage/editions/<slug>/certificates/signatories", data = "<form>")]
async fn add_signatory(
    ctx: Ctx<'_>,
    c: Coordinator,
    _o: SameOrigin,
    slug: &str,
    form: Result<Form<SignatoryForm<'_>>, rocket::form::Errors<'_>>,
) -> Result<Flash<Redirect>, AppError> {
    let form = match form {
        Ok(f) => f,
        Err(e) => {
            let key = crate::web::materials::unreadable_upload(&e).message_key();
            return Ok(ctx.flash_error(desk_url(slug), key));
        }
    };
    if !form.csrf_token.as_deref().is_some_and(|t| csrf::verify(ctx.cookies, t)) {
        return Err(AppError::Refused(rocket::http::Status::Forbidden, msg!("err-csrf")));
    }
    let image = match form.image.as_ref().filter(|f| f.len() > 0) {
        Some(file) => Some(file.open().await.map_err(|e| AppError::Internal(e.to_string()))?),
        None => None,
    };
    let r = service::add_signatory(
        ctx.state,
        &c.0,
        slug,
        form.name.as_deref().unwrap_or_default(),
        form.title.as_deref().unwrap_or_default(),
        image,
        SIGNATURE_MAX_BYTES,
    )
    .await;
    ctx.flash_outcome(desk_url(slug), r, msg!("flash-certificate-settings"))
}

#[post("/manage/editions/<slug>/certificates/signatories/<id>/remove", data = "<_form>")]
async fn remove_signatory(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    id: i64,
    _form: CsrfForm<NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    let mut tx = ctx.state.db.begin_write().await?;
    let ed = learning::edition(&mut tx, slug).await?;
    if !repo::remove_signatory(&mut tx, ed.id, id).await? {
        return Err(AppError::NotFound);
    }
    crate::services::editions_admin::record(
        &mut tx,
        &c.0,
        "certificate.signatory_remove",
        slug,
        json!({ "signatory": id }),
        Value::Null,
    )
    .await?;
    tx.commit().await?;
    Ok(ctx.flash_success(desk_url(slug), msg!("flash-certificate-settings")))
}

#[post("/manage/editions/<slug>/certificates/enrollments/<enrollment>/issue", data = "<_form>")]
async fn issue_one(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    enrollment: i64,
    _form: CsrfForm<NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    let ed = learning::edition_named(ctx.state, slug).await?;
    let r = service::issue(ctx.state, Some(&c.0), &ed, enrollment).await;
    ctx.flash_outcome(desk_url(slug), r, msg!("flash-certificate-issued"))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ReasonForm {
    reason: String,
}

#[post("/manage/editions/<slug>/certificates/enrollments/<enrollment>/complete", data = "<form>")]
async fn complete_despite_rules(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    enrollment: i64,
    form: CsrfForm<ReasonForm>,
) -> Result<Flash<Redirect>, AppError> {
    let ed = learning::edition_named(ctx.state, slug).await?;
    let r = service::complete_despite_rules(ctx.state, &c.0, &ed, enrollment, &form.0.reason).await;
    ctx.flash_outcome(desk_url(slug), r, msg!("flash-certificate-issued"))
}

#[post("/manage/editions/<slug>/certificates/issue-all", data = "<_form>")]
async fn issue_all(
    ctx: Ctx<'_>,
    c: Coordinator,
    slug: &str,
    _form: CsrfForm<NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    let ed = learning::edition_named(ctx.state, slug).await?;
    let r = service::issue_all(ctx.state, &c.0, &ed).await?;
    let text = crate::i18n::t_args(
        ctx.lang,
        "manage-certificates-bulk-done",
        &[
            ("issued", r.issued.into()),
            ("already", r.already.into()),
            ("not_met", r.not_met.into()),
            ("revoked", r.revoked.into()),
            ("no_name", r.no_name.into()),
        ],
    );
    Ok(Flash::success(Redirect::to(desk_url(slug)), text))
}

/// The certificate's edition desk, for redirects after acting on one certificate.
async fn desk_of(ctx: &Ctx<'_>, id: i64) -> Result<String, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let c = repo::by_id(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    let ed = programs::edition_by_id(&mut conn, c.edition_id).await?.ok_or(AppError::NotFound)?;
    Ok(desk_url(&ed.slug))
}

#[post("/manage/certificates/<id>/revoke", data = "<form>")]
async fn revoke(
    ctx: Ctx<'_>,
    c: Coordinator,
    id: i64,
    form: CsrfForm<ReasonForm>,
) -> Result<Flash<Redirect>, AppError> {
    let back = desk_of(&ctx, id).await?;
    let r = service::revoke(ctx.state, &c.0, id, &form.0.reason).await;
    ctx.flash_outcome(back, r, msg!("flash-certificate-revoked"))
}

#[post("/manage/certificates/<id>/reissue", data = "<_form>")]
async fn reissue(
    ctx: Ctx<'_>,
    c: Coordinator,
    id: i64,
    _form: CsrfForm<NoFields>,
) -> Result<Flash<Redirect>, AppError> {
    let back = desk_of(&ctx, id).await?;
    let r = service::reissue(ctx.state, &c.0, id).await;
    ctx.flash_outcome(back, r, msg!("flash-certificate-reissued"))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct DecisionForm {
    approve: String,
    note: String,
}

#[post("/manage/corrections/<id>/decide", data = "<form>")]
async fn decide_correction(
    ctx: Ctx<'_>,
    c: Coordinator,
    id: i64,
    form: CsrfForm<DecisionForm>,
) -> Result<Flash<Redirect>, AppError> {
    let mut conn = ctx.state.db.pool.acquire().await?;
    let correction = repo::correction(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    let (edition_id,): (i64,) = sqlx::query_as("SELECT edition_id FROM enrollments WHERE id = $1")
        .bind(correction.enrollment_id)
        .fetch_one(&mut *conn)
        .await?;
    let ed = programs::edition_by_id(&mut conn, edition_id).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    let approve = form.0.approve == "1";
    let r = service::decide_correction(ctx.state, &c.0, id, approve, &form.0.note).await;
    ctx.flash_outcome(desk_url(&ed.slug), r, msg!("flash-correction-decided"))
}

/// Every valid certificate of the edition in one ZIP file.
#[get("/manage/editions/<slug>/certificates.zip")]
async fn zip(ctx: Ctx<'_>, _c: Coordinator, slug: &str) -> Result<certificate_pdf::Zip, AppError> {
    let ed = learning::edition_named(ctx.state, slug).await?;
    Ok(certificate_pdf::zip_of_edition(ctx.state, &ed).await?)
}

#[derive(FromForm)]
struct PreviewQuery {
    name: Option<String>,
    native: Option<String>,
}

#[get("/manage/editions/<slug>/certificates/preview?<q..>")]
async fn preview_page(ctx: Ctx<'_>, _c: Coordinator, slug: &str, q: PreviewQuery) -> Result<HtmlPage, AppError> {
    let ed = learning::edition_named(ctx.state, slug).await?;
    let name = q.name.unwrap_or_default();
    let native = q.native.unwrap_or_default();
    let missing: String = ctx.state.fonts.missing(&format!("{name} {native}")).into_iter().collect();
    let link = (!name.trim().is_empty()).then(|| {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        s.append_pair("name", &name).append_pair("native", &native);
        format!("/manage/editions/{slug}/certificates/specimen.pdf?{}", s.finish())
    });
    Ok(ctx.render(
        "manage/certificate_preview",
        json!({
            "edition": present::edition(&ed, ctx.lang, None),
            "name": name, "native": native, "link": link,
            "font_warning": (!missing.is_empty()).then_some(missing),
            "page_title": ctx.t("preview-title"),
        }),
    ))
}

/// The specimen itself: exactly what issuing would print, marked as a specimen.
#[get("/manage/editions/<slug>/certificates/specimen.pdf?<q..>")]
async fn specimen(ctx: Ctx<'_>, _c: Coordinator, slug: &str, q: PreviewQuery) -> Result<Pdf, AppError> {
    let ed = learning::edition_named(ctx.state, slug).await?;
    let (bytes, _) = certificate_pdf::specimen(
        ctx.state,
        &ed,
        q.name.as_deref().unwrap_or_default(),
        q.native.as_deref().unwrap_or_default(),
    )
    .await?;
    Ok(Pdf { bytes, file_name: format!("specimen-{slug}.pdf"), attachment: false })
}
