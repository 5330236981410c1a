//! Every route × every role → the expected status. A route missing from the table fails the
//! test, so each new route must be added here. A second check sends every HTML form route
//! without its CSRF token and expects 403.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use rocket::http::{ContentType, Method, Status};
use wta_academy::domain::role::Role;

use crate::support::TestApp;

/// How a route is called in the table.
enum Body {
    None,
    Form(&'static [(&'static str, &'static str)]),
    Json(&'static str),
    /// A multipart upload of a small PDF with these fields (and the CSRF token).
    File(&'static [(&'static str, &'static str)]),
}

struct Row {
    method: Method,
    /// The route's URI as mounted (with `<param>` placeholders).
    route: &'static str,
    /// A concrete path to call; `{user}` becomes a participant fixture's id.
    path: &'static str,
    body: Body,
    /// Expected status for anonymous, participant, coordinator, admin.
    expect: [u16; 4],
    /// The call ends the session: log in again afterwards.
    ends_session: bool,
}

fn row(method: Method, route: &'static str, path: &'static str, body: Body, expect: [u16; 4]) -> Row {
    Row { method, route, path, body, expect, ends_session: false }
}

/// The fields of a material upload in the table.
const UPLOAD: &[(&str, &str)] = &[("title", "Programme booklet"), ("visibility", "public")];

/// A lesson that is not a module's first (so not a public preview).
const LESSON: &str = "/editions/itw-2027/modules/triple-helix/technopolis-models-around-the-world";

fn table() -> Vec<Row> {
    use Body::{File, Form, Json, None};
    use Method::{Delete, Get, Post, Put};
    let mut rows = vec![
        row(Get, "/", "/", None, [200, 200, 200, 200]),
        row(Get, "/assets/app.css", "/assets/app.css", None, [200, 200, 200, 200]),
        row(Get, "/login?<next>", "/login", None, [200, 200, 200, 200]),
        row(Post, "/login", "/login", Form(&[]), [422, 422, 422, 422]),
        row(Get, "/signup", "/signup", None, [200, 200, 200, 200]),
        row(Post, "/signup", "/signup", Form(&[]), [422, 422, 422, 422]),
        row(Get, "/password/forgot", "/password/forgot", None, [200, 200, 200, 200]),
        row(Post, "/password/forgot", "/password/forgot", Form(&[("email", "")]), [200, 200, 200, 200]),
        row(Get, "/password/reset/<token>", "/password/reset/bogus", None, [404, 404, 404, 404]),
        row(Post, "/password/reset/<token>", "/password/reset/bogus", Form(&[("password", "x")]), [404, 404, 404, 404]),
        row(Get, "/account/security", "/account/security", None, [303, 200, 200, 200]),
        row(Post, "/account/password", "/account/password", Form(&[]), [303, 422, 422, 422]),
        row(Get, "/profile", "/profile", None, [303, 200, 200, 200]),
        row(Get, "/profile/data.json", "/profile/data.json", None, [303, 200, 200, 200]),
        row(Get, "/manage/audit?<q..>", "/manage/audit?page=0&from=x", None, [303, 404, 200, 200]),
        row(Get, "/manage/audit.csv?<q..>", "/manage/audit.csv?action=certificate.", None, [303, 404, 200, 200]),
        row(Get, "/manage/audit.xlsx?<q..>", "/manage/audit.xlsx?from=2025-99-01", None, [303, 404, 200, 200]),
        row(Get, "/manage/reports?<f..>", "/manage/reports?country=XX&page=0", None, [303, 404, 200, 200]),
        row(Get, "/manage/reports.csv?<table>&<f..>", "/manage/reports.csv?table=regions", None, [303, 404, 200, 200]),
        row(Get, "/manage/reports.xlsx?<f..>", "/manage/reports.xlsx?region=asia-pacific", None, [303, 404, 200, 200]),
        row(
            Get,
            "/manage/reports/editions/<name>?<table>&<f..>",
            "/manage/reports/editions/itw-2027.csv?table=sessions",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Get,
            "/manage/reports/participants?<f..>",
            "/manage/reports/participants?page=2",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Get,
            "/manage/reports/participants.csv?<f..>",
            "/manage/reports/participants.csv",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Get,
            "/manage/reports/participants.xlsx?<f..>",
            "/manage/reports/participants.xlsx",
            None,
            [303, 404, 200, 200],
        ),
        row(Get, "/manage/reports/people?<f..>", "/manage/reports/people?q=fixture", None, [303, 404, 200, 200]),
        row(Get, "/manage/reports/people/<id>", "/manage/reports/people/{user}", None, [303, 404, 404, 404]),
        row(Post, "/profile", "/profile", Form(&[("display_name", "")]), [303, 422, 422, 422]),
        row(Post, "/lang", "/lang", Form(&[("lang", "en"), ("next", "/")]), [303, 303, 303, 303]),
        row(Get, "/admin/users?<q>&<page>", "/admin/users", None, [303, 404, 404, 200]),
        row(
            Post,
            "/admin/users/<id>/role",
            "/admin/users/{user}/role",
            Form(&[("role", "participant")]),
            [303, 404, 404, 303],
        ),
        row(
            Post,
            "/admin/users/<id>/active",
            "/admin/users/{user}/active",
            Form(&[("active", "1")]),
            [303, 404, 404, 303],
        ),
        row(Get, "/health/live", "/health/live", None, [200, 200, 200, 200]),
        row(Get, "/health/ready", "/health/ready", None, [200, 200, 200, 200]),
        row(Get, "/metrics", "/metrics", None, [200, 200, 200, 200]),
        row(Get, "/api/openapi.json", "/api/openapi.json", None, [200, 200, 200, 200]),
        row(Post, "/api/v1/auth/login", "/api/v1/auth/login", Json("{}"), [422, 422, 422, 422]),
        row(Get, "/api/v1/me", "/api/v1/me", None, [401, 200, 200, 200]),
        // Catalogue and learning. The participant here is in no edition: a lesson other than
        // a module's first is "not found" to them, as to anonymous visitors.
        row(Get, "/assets/app.js", "/assets/app.js", None, [200, 200, 200, 200]),
        row(Get, "/catalogue", "/catalogue", None, [200, 200, 200, 200]),
        row(Get, "/editions/<slug>", "/editions/itw-2027", None, [200, 200, 200, 200]),
        row(
            Get,
            "/editions/<slug>/modules/<module>",
            "/editions/itw-2027/modules/triple-helix",
            None,
            [200, 200, 200, 200],
        ),
        row(Get, "/editions/<slug>/modules/<module>/<lesson>", LESSON, None, [404, 404, 200, 200]),
        row(
            Post,
            "/editions/<slug>/modules/<module>/<lesson>/done",
            "/editions/itw-2027/modules/triple-helix/technopolis-models-around-the-world/done",
            Form(&[("done", "1")]),
            [303, 404, 303, 303],
        ),
        row(
            Post,
            "/editions/<slug>/modules/<module>/<lesson>/note",
            "/editions/itw-2027/modules/triple-helix/technopolis-models-around-the-world/note",
            Form(&[("note", "Bring a map of your park.")]),
            [303, 404, 303, 303],
        ),
        row(Get, "/my", "/my", None, [303, 200, 200, 200]),
        row(Post, "/my/calendar", "/my/calendar", Form(&[]), [303, 303, 303, 303]),
        row(Get, "/editions/<slug>/calendar.ics", "/editions/itw-2027/calendar.ics", None, [200, 200, 200, 200]),
        row(Get, "/calendar/<token>/sessions.ics", "/calendar/not-a-token/sessions.ics", None, [404, 404, 404, 404]),
        // Managing editions (coordinators) and sessions (the edition's trainers, coordinators).
        row(Get, "/manage/editions", "/manage/editions", None, [303, 404, 200, 200]),
        row(Get, "/manage/editions/new", "/manage/editions/new", None, [303, 404, 200, 200]),
        row(Post, "/manage/editions/new", "/manage/editions/new", Form(&[]), [303, 404, 422, 422]),
        row(Get, "/manage/editions/<slug>/edit", "/manage/editions/itw-2027/edit", None, [303, 404, 200, 200]),
        row(Post, "/manage/editions/<slug>/edit", "/manage/editions/itw-2027/edit", Form(&[]), [303, 404, 422, 422]),
        row(Get, "/manage/editions/<slug>/clone", "/manage/editions/itw-2027/clone", None, [303, 404, 200, 200]),
        row(Post, "/manage/editions/<slug>/clone", "/manage/editions/itw-2027/clone", Form(&[]), [303, 404, 422, 422]),
        row(
            Post,
            "/manage/editions/<slug>/trainers",
            "/manage/editions/itw-2027/trainers",
            Form(&[("email", "nobody@example.org")]),
            [303, 404, 303, 303],
        ),
        row(
            Post,
            "/manage/editions/<slug>/trainers/<user>/remove",
            "/manage/editions/itw-2027/trainers/{user}/remove",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(Get, "/manage/editions/<slug>/sessions", "/manage/editions/itw-2027/sessions", None, [303, 404, 200, 200]),
        row(
            Get,
            "/manage/editions/<slug>/sessions/new",
            "/manage/editions/itw-2027/sessions/new",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Post,
            "/manage/editions/<slug>/sessions/new",
            "/manage/editions/itw-2027/sessions/new",
            Form(&[]),
            [303, 404, 422, 422],
        ),
        row(
            Get,
            "/manage/editions/<slug>/sessions/<id>/edit",
            "/manage/editions/itw-2027/sessions/{session}/edit",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Post,
            "/manage/editions/<slug>/sessions/<id>/edit",
            "/manage/editions/itw-2027/sessions/{session}/edit",
            Form(&[]),
            [303, 404, 422, 422],
        ),
        row(
            Post,
            "/manage/editions/<slug>/sessions/<id>/delete",
            "/manage/editions/itw-2027/sessions/999999/delete",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        // Applications.
        row(
            Get,
            "/editions/<slug>/application?<invitation>",
            "/editions/itw-2027/application",
            None,
            [303, 200, 200, 200],
        ),
        row(Post, "/editions/<slug>/application", "/editions/itw-2027/application", Form(&[]), [303, 422, 422, 422]),
        row(
            Post,
            "/editions/<slug>/application/withdraw",
            "/editions/itw-2027/application/withdraw",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(
            Post,
            "/editions/<slug>/application/accept-offer",
            "/editions/itw-2027/application/accept-offer",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(
            Get,
            "/manage/editions/<slug>/applications?<state>&<country>&<region>&<org_type>",
            "/manage/editions/itw-2027/applications",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Post,
            "/manage/editions/<slug>/applications/decide",
            "/manage/editions/itw-2027/applications/decide",
            Form(&[("decision", "accepted")]),
            [303, 404, 303, 303],
        ),
        row(
            Post,
            "/manage/editions/<slug>/invitations",
            "/manage/editions/itw-2027/invitations",
            Form(&[("email", "")]),
            [303, 404, 303, 303],
        ),
        row(Get, "/manage/editions/<slug>/import", "/manage/editions/itw-2027/import", None, [303, 404, 200, 200]),
        // A multipart upload: its token is checked by the handler (see the enrollment tests).
        row(Post, "/manage/editions/<slug>/import", "/manage/editions/itw-2027/import", None, [303, 404, 415, 415]),
        row(
            Post,
            "/manage/editions/<slug>/import/<upload>/confirm",
            "/manage/editions/itw-2027/import/999999/confirm",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(
            Post,
            "/manage/editions/<slug>/questions",
            "/manage/editions/itw-2027/questions",
            Form(&[("kind", "short")]),
            [303, 404, 303, 303],
        ),
        row(
            Post,
            "/manage/editions/<slug>/questions/<id>/delete",
            "/manage/editions/itw-2027/questions/999999/delete",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(
            Get,
            "/manage/editions/<_slug>/import/template.csv",
            "/manage/editions/itw-2027/import/template.csv",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Post,
            "/api/v1/editions/<slug>/application",
            "/api/v1/editions/itw-2027/application",
            Json("{}"),
            [401, 422, 422, 422],
        ),
        row(
            Post,
            "/api/v1/editions/<slug>/application/withdraw",
            "/api/v1/editions/itw-2027/application/withdraw",
            None,
            [401, 404, 404, 404],
        ),
        row(
            Post,
            "/api/v1/editions/<slug>/application/accept-offer",
            "/api/v1/editions/itw-2027/application/accept-offer",
            None,
            [401, 404, 404, 404],
        ),
        row(Get, "/api/v1/me/applications", "/api/v1/me/applications", None, [401, 200, 200, 200]),
        row(
            Get,
            "/api/v1/editions/<slug>/applications",
            "/api/v1/editions/itw-2027/applications",
            None,
            [401, 404, 200, 200],
        ),
        row(
            Post,
            "/api/v1/editions/<slug>/applications/decisions",
            "/api/v1/editions/itw-2027/applications/decisions",
            Json(r#"{"decision":"accepted"}"#),
            [401, 404, 422, 422],
        ),
        row(
            Post,
            "/api/v1/editions/<slug>/imports?<dry_run>",
            "/api/v1/editions/itw-2027/imports",
            None,
            [401, 404, 422, 422],
        ),
        // Materials (see the materials tests for the token check of the multipart forms).
        row(
            Get,
            "/manage/editions/<slug>/materials",
            "/manage/editions/itw-2027/materials",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Post,
            "/manage/editions/<slug>/materials",
            "/manage/editions/itw-2027/materials",
            File(UPLOAD),
            [303, 404, 303, 303],
        ),
        row(Post, "/materials/<id>/replace", "/materials/999999/replace", File(&[]), [303, 404, 404, 404]),
        row(
            Post,
            "/materials/<id>/versions/<version>/restore",
            "/materials/999999/versions/1/restore",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(Post, "/materials/<id>/delete", "/materials/999999/delete", Form(&[]), [303, 404, 404, 404]),
        row(Get, "/materials/<id>/download", "/materials/999999/download", None, [404, 404, 404, 404]),
        // Certificates.
        row(Get, "/my/certificates", "/my/certificates", None, [303, 200, 200, 200]),
        row(Get, "/certificates/<id>/download", "/certificates/999999/download", None, [303, 404, 404, 404]),
        row(
            Post,
            "/editions/<slug>/name-correction",
            "/editions/itw-2027/name-correction",
            Form(&[("name_latin", "Test Person")]),
            [303, 404, 404, 404],
        ),
        row(Get, "/verify?<q..>", "/verify", None, [200, 200, 200, 200]),
        row(Get, "/verify/<code>", "/verify/ABCD-EFGH-JKMN-PQRS-TUVW", None, [404, 404, 404, 404]),
        row(
            Get,
            "/manage/editions/<slug>/certificates",
            "/manage/editions/itw-2027/certificates",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Post,
            "/manage/editions/<slug>/certificates/settings",
            "/manage/editions/itw-2027/certificates/settings",
            Form(&[("lessons", "80")]),
            [303, 404, 303, 303],
        ),
        row(
            Post,
            "/manage/editions/<slug>/certificates/signatories",
            "/manage/editions/itw-2027/certificates/signatories",
            Form(&[("name", "")]),
            [303, 404, 303, 303],
        ),
        row(
            Post,
            "/manage/editions/<slug>/certificates/signatories/<id>/remove",
            "/manage/editions/itw-2027/certificates/signatories/999999/remove",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(
            Post,
            "/manage/editions/<slug>/certificates/enrollments/<enrollment>/issue",
            "/manage/editions/itw-2027/certificates/enrollments/999999/issue",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(
            Post,
            "/manage/editions/<slug>/certificates/enrollments/<enrollment>/complete",
            "/manage/editions/itw-2027/certificates/enrollments/999999/complete",
            Form(&[("reason", "Completed offline")]),
            [303, 404, 404, 404],
        ),
        row(
            Post,
            "/manage/editions/<slug>/certificates/issue-all",
            "/manage/editions/itw-2027/certificates/issue-all",
            Form(&[]),
            [303, 404, 303, 303],
        ),
        row(
            Post,
            "/manage/certificates/<id>/revoke",
            "/manage/certificates/999999/revoke",
            Form(&[("reason", "x")]),
            [303, 404, 404, 404],
        ),
        row(
            Post,
            "/manage/certificates/<id>/reissue",
            "/manage/certificates/999999/reissue",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(
            Post,
            "/manage/corrections/<id>/decide",
            "/manage/corrections/999999/decide",
            Form(&[("approve", "1")]),
            [303, 404, 404, 404],
        ),
        row(
            Get,
            "/manage/editions/<slug>/certificates.zip",
            "/manage/editions/itw-2027/certificates.zip",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Get,
            "/manage/editions/<slug>/certificates/preview?<q..>",
            "/manage/editions/itw-2027/certificates/preview",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Get,
            "/manage/editions/<slug>/certificates/specimen.pdf?<q..>",
            "/manage/editions/itw-2027/certificates/specimen.pdf",
            None,
            [303, 404, 422, 422],
        ),
        row(Get, "/api/v1/me/certificates", "/api/v1/me/certificates", None, [401, 200, 200, 200]),
        row(
            Get,
            "/api/v1/editions/<slug>/checklist",
            "/api/v1/editions/itw-2027/checklist",
            None,
            [401, 404, 404, 404],
        ),
        row(Get, "/api/v1/certificates/<id>/pdf", "/api/v1/certificates/999999/pdf", None, [401, 404, 404, 404]),
        row(Get, "/api/v1/verify/<code>", "/api/v1/verify/ABCD-EFGH-JKMN-PQRS-TUVW", None, [404, 404, 404, 404]),
        row(
            Post,
            "/api/v1/editions/<slug>/enrollments/<enrollment>/certificate",
            "/api/v1/editions/itw-2027/enrollments/999999/certificate",
            Json("{}"),
            [401, 404, 404, 404],
        ),
        row(
            Post,
            "/api/v1/editions/<slug>/certificates",
            "/api/v1/editions/itw-2027/certificates",
            None,
            [401, 404, 200, 200],
        ),
        row(
            Post,
            "/api/v1/certificates/<id>/revoke",
            "/api/v1/certificates/999999/revoke",
            Json(r#"{"reason":"x"}"#),
            [401, 404, 404, 404],
        ),
        row(
            Post,
            "/api/v1/certificates/<id>/reissue",
            "/api/v1/certificates/999999/reissue",
            None,
            [401, 404, 404, 404],
        ),
        row(
            Get,
            "/api/v1/editions/<slug>/certificates.zip",
            "/api/v1/editions/itw-2027/certificates.zip",
            None,
            [401, 404, 200, 200],
        ),
        // The API.
        row(
            Get,
            "/api/v1/editions/<slug>/materials",
            "/api/v1/editions/itw-2027/materials",
            None,
            [200, 200, 200, 200],
        ),
        row(
            Post,
            "/api/v1/editions/<slug>/materials",
            "/api/v1/editions/itw-2027/materials",
            File(UPLOAD),
            [401, 404, 201, 201],
        ),
        row(Get, "/api/v1/materials/<id>/versions", "/api/v1/materials/999999/versions", None, [401, 404, 404, 404]),
        row(
            Post,
            "/api/v1/materials/<id>/versions",
            "/api/v1/materials/999999/versions",
            File(&[]),
            [401, 404, 404, 404],
        ),
        row(
            Post,
            "/api/v1/materials/<id>/versions/<version>/restore",
            "/api/v1/materials/999999/versions/1/restore",
            None,
            [401, 404, 404, 404],
        ),
        row(Delete, "/api/v1/materials/<id>", "/api/v1/materials/999999", None, [401, 404, 404, 404]),
        row(Get, "/api/v1/materials/<id>/download", "/api/v1/materials/999999/download", None, [404, 404, 404, 404]),
        // Attendance (the edition's trainers and coordinators) and check-in (participants).
        row(
            Get,
            "/manage/editions/<slug>/sessions/<id>/attendance",
            "/manage/editions/itw-2027/sessions/{session}/attendance",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Post,
            "/manage/editions/<slug>/sessions/<id>/attendance",
            "/manage/editions/itw-2027/sessions/{session}/attendance",
            Form(&[("user_id", "1"), ("status", "here")]),
            [303, 404, 303, 303],
        ),
        row(
            Get,
            "/manage/editions/<slug>/sessions/<id>/checkin",
            "/manage/editions/itw-2027/sessions/{session}/checkin",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Get,
            "/manage/editions/<slug>/sessions/<id>/attendance/import",
            "/manage/editions/itw-2027/sessions/{session}/attendance/import",
            None,
            [303, 404, 200, 200],
        ),
        // A multipart form: its token is checked by the handler (see the attendance tests).
        row(
            Post,
            "/manage/editions/<slug>/sessions/<id>/attendance/import",
            "/manage/editions/itw-2027/sessions/{session}/attendance/import",
            File(&[]),
            [303, 404, 200, 200],
        ),
        row(Get, "/checkin/<session>/<code>", "/checkin/{session}/ABCDEFGHJK", None, [303, 422, 422, 422]),
        row(
            Get,
            "/api/v1/sessions/<id>/attendance",
            "/api/v1/sessions/{session}/attendance",
            None,
            [401, 404, 200, 200],
        ),
        row(
            Put,
            "/api/v1/sessions/<id>/attendance/<user_id>",
            "/api/v1/sessions/{session}/attendance/{user}",
            Json(r#"{"status":"here"}"#),
            [401, 404, 422, 422],
        ),
        row(
            Post,
            "/api/v1/sessions/<id>/checkin",
            "/api/v1/sessions/{session}/checkin",
            Json(r#"{"code":"ABCDEFGHJK"}"#),
            [401, 422, 422, 422],
        ),
        row(
            Post,
            "/api/v1/sessions/<id>/attendance/import?<dry_run>",
            "/api/v1/sessions/{session}/attendance/import",
            None,
            [401, 404, 422, 422],
        ),
        // The feedback survey: participants answer, coordinators write it and read the results.
        row(Get, "/editions/<slug>/survey", "/editions/itw-2027/survey", None, [303, 404, 200, 200]),
        row(Post, "/editions/<slug>/survey", "/editions/itw-2027/survey", Form(&[]), [303, 404, 303, 303]),
        row(Get, "/manage/editions/<slug>/survey", "/manage/editions/itw-2027/survey", None, [303, 404, 200, 200]),
        row(
            Post,
            "/manage/editions/<slug>/survey/questions",
            "/manage/editions/itw-2027/survey/questions",
            Form(&[("kind", "likert"), ("prompt", "The pace was right")]),
            [303, 404, 303, 303],
        ),
        row(
            Post,
            "/manage/editions/<slug>/survey/questions/<id>/move",
            "/manage/editions/itw-2027/survey/questions/999999/move",
            Form(&[("direction", "up")]),
            [303, 404, 404, 404],
        ),
        row(
            Post,
            "/manage/editions/<slug>/survey/questions/<id>/delete",
            "/manage/editions/itw-2027/survey/questions/999999/delete",
            Form(&[]),
            [303, 404, 404, 404],
        ),
        row(
            Post,
            "/manage/editions/<slug>/survey/settings",
            "/manage/editions/itw-2027/survey/settings",
            Form(&[("anonymous", "1")]),
            [303, 404, 303, 303],
        ),
        row(
            Get,
            "/manage/editions/<slug>/survey/results",
            "/manage/editions/itw-2027/survey/results",
            None,
            [303, 404, 200, 200],
        ),
        row(Get, "/api/v1/editions/<slug>/survey", "/api/v1/editions/itw-2027/survey", None, [401, 404, 200, 200]),
        row(
            Post,
            "/api/v1/editions/<slug>/survey",
            "/api/v1/editions/itw-2027/survey",
            Json(r#"{"answers":[]}"#),
            [401, 404, 422, 422],
        ),
        row(
            Get,
            "/api/v1/editions/<slug>/survey/results",
            "/api/v1/editions/itw-2027/survey/results",
            None,
            [401, 404, 200, 200],
        ),
        // Participant progress (the edition's trainers, coordinators) and the directory (also
        // its participants): the participant here is in no edition.
        row(Get, "/editions/<slug>/progress?<f..>", "/editions/itw-2027/progress", None, [303, 404, 200, 200]),
        row(
            Get,
            "/editions/<slug>/progress.csv?<f..>",
            "/editions/itw-2027/progress.csv?state=completed",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Get,
            "/editions/<slug>/progress.xlsx?<f..>",
            "/editions/itw-2027/progress.xlsx",
            None,
            [303, 404, 200, 200],
        ),
        row(
            Get,
            "/editions/<slug>/participants?<page>",
            "/editions/itw-2027/participants?page=2",
            None,
            [303, 404, 200, 200],
        ),
        row(Get, "/api/v1/programs", "/api/v1/programs", None, [200, 200, 200, 200]),
        row(Get, "/api/v1/editions/<slug>", "/api/v1/editions/itw-2027", None, [200, 200, 200, 200]),
        row(Get, "/api/v1/editions/<slug>/sessions", "/api/v1/editions/itw-2027/sessions", None, [200, 200, 200, 200]),
        row(Get, "/api/v1/editions/<slug>/modules", "/api/v1/editions/itw-2027/modules", None, [200, 200, 200, 200]),
        row(
            Get,
            "/api/v1/editions/<slug>/modules/<module>/<lesson>",
            "/api/v1/editions/itw-2027/modules/triple-helix/technopolis-models-around-the-world",
            None,
            [404, 404, 200, 200],
        ),
        row(Get, "/api/v1/me/progress", "/api/v1/me/progress", None, [401, 200, 200, 200]),
        row(
            Put,
            "/api/v1/editions/<slug>/modules/<module>/<lesson>/progress",
            "/api/v1/editions/itw-2027/modules/triple-helix/origins-of-the-triple-helix/progress",
            Json(r#"{"done":true}"#),
            [401, 404, 422, 422],
        ),
    ];
    for (route, path, body, expect) in [
        ("/logout", "/logout", Form(&[]), [303, 303, 303, 303]),
        ("/account/sessions/end-all", "/account/sessions/end-all", Form(&[]), [303, 303, 303, 303]),
        ("/api/v1/auth/logout", "/api/v1/auth/logout", None, [204, 204, 204, 204]),
    ] {
        rows.push(Row { method: Post, route, path, body, expect, ends_session: true });
    }
    rows
}

async fn call(app: &TestApp, r: &Row, path: &str, with_token: bool) -> Status {
    let mut req = app.client.req(r.method, path.to_string());
    match &r.body {
        Body::None => {}
        Body::Json(j) => req = req.header(ContentType::JSON).body(*j),
        Body::Form(fields) => {
            let token = app.csrf().await;
            let mut s = url::form_urlencoded::Serializer::new(String::new());
            if with_token {
                s.append_pair("csrf_token", &token);
            }
            s.extend_pairs(fields.iter());
            req = req.header(ContentType::Form).body(s.finish());
        }
        Body::File(fields) => {
            let token = app.csrf().await;
            let (ct, body) = crate::materials::multipart(
                with_token.then_some(token.as_str()),
                fields,
                "booklet.pdf",
                b"%PDF-1.7\n1",
            );
            req = req.header(ct).body(body);
        }
    }
    req.dispatch().await.status()
}

#[rocket::async_test]
async fn every_route_answers_each_role_as_listed() {
    let app = TestApp::new().await;
    let rows = table();

    let mounted: BTreeSet<(String, String)> =
        app.client.rocket().routes().map(|r| (r.method.as_str().to_string(), r.uri.to_string())).collect();
    let listed: BTreeSet<(String, String)> =
        rows.iter().map(|r| (r.method.as_str().to_string(), r.route.to_string())).collect();
    let missing: Vec<_> = mounted.difference(&listed).collect();
    assert!(missing.is_empty(), "routes missing from the authorisation table: {missing:?}");
    let stale: Vec<_> = listed.difference(&mounted).collect();
    assert!(stale.is_empty(), "table rows for routes that do not exist: {stale:?}");

    app.import_content().await;
    let session = app.first_session("itw-2027").await;
    let target = app.create_user("fixture@example.org", "Fixture", Role::Participant).await;
    let roles: [Option<Role>; 4] = [None, Some(Role::Participant), Some(Role::Coordinator), Some(Role::Admin)];
    let mut failures = Vec::new();
    for (i, role) in roles.iter().enumerate() {
        app.logout().await;
        if let Some(role) = role {
            app.login_as(*role).await;
        }
        for r in &rows {
            let path = r.path.replace("{user}", &target.to_string()).replace("{session}", &session.to_string());
            let got = call(&app, r, &path, true).await;
            if got.code != r.expect[i] {
                failures.push(format!("{} {path} as {role:?}: expected {}, got {}", r.method, r.expect[i], got.code));
            }
            if r.ends_session {
                if let Some(role) = role {
                    app.login_as(*role).await;
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[rocket::async_test]
async fn every_form_route_refuses_a_missing_csrf_token() {
    let app = TestApp::new().await;
    app.import_content().await;
    let session = app.first_session("itw-2027").await;
    let target = app.create_user("fixture@example.org", "Fixture", Role::Participant).await;
    app.login_as(Role::Admin).await;
    let users_before = app.count("SELECT COUNT(*) FROM users").await;
    let sessions_before = app.count("SELECT COUNT(*) FROM edition_sessions").await;
    for r in table().iter().filter(|r| matches!(r.body, Body::Form(_))) {
        let path = r.path.replace("{user}", &target.to_string()).replace("{session}", &session.to_string());
        let got = call(&app, r, &path, false).await;
        assert_eq!(got, Status::Forbidden, "{} {path} without a token", r.method);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, users_before);
    assert_eq!(app.count("SELECT COUNT(*) FROM edition_sessions").await, sessions_before);
    assert_eq!(app.count("SELECT COUNT(*) FROM lesson_notes").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM session_attendance").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_questions").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_submissions").await, 0);
    assert_eq!(app.get("/admin/users").await.status(), Status::Ok, "the session survived: nothing was done");
}

#[rocket::async_test]
async fn cross_site_form_posts_are_refused() {
    let app = TestApp::new().await;
    let token = app.csrf().await;
    let body = format!("csrf_token={token}&email=a%40b.org&password=x");
    let r = app
        .client
        .post("/login")
        .header(ContentType::Form)
        .header(rocket::http::Header::new("Origin", "https://evil.example"))
        .body(body.clone())
        .dispatch()
        .await;
    assert_eq!(r.status(), Status::Forbidden);
    let r = app
        .client
        .post("/login")
        .header(ContentType::Form)
        .header(rocket::http::Header::new("Sec-Fetch-Site", "cross-site"))
        .body(body)
        .dispatch()
        .await;
    assert_eq!(r.status(), Status::Forbidden);
}
