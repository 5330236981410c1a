//! The public catalogue: programs with their upcoming, open and past editions, and one
//! edition's page with its theme, dates, course, timetable and trainers.

use rocket::{Route, get, routes};
use serde_json::{Value, json};

use super::guards::PageConn;
use super::present;
use super::view::Ctx;
use crate::domain::completion::Checklist;
use crate::error::AppError;
use crate::repo::certificates::Certificate;
use crate::repo::programs;
use crate::services::content_cache::{Catalogue, Timetable};
use crate::services::learning::{self, Access};
use crate::web::page::HtmlPage;

pub fn routes() -> Vec<Route> {
    routes![catalogue, edition_page]
}

/// The signed-in person's time zone, when their profile names one.
pub fn viewer_zone(ctx: &Ctx<'_>) -> Option<String> {
    ctx.user.as_ref().map(|u| u.profile.time_zone.clone()).filter(|z| !z.is_empty())
}

#[get("/catalogue")]
async fn catalogue(conn: PageConn, ctx: Ctx<'_>) -> Result<HtmlPage, AppError> {
    // With the content version read alongside the session and the catalogue in memory, this
    // page takes no connection.
    let mut conn = conn.take();
    let content = ctx.content(&mut conn).await?;
    let catalogue = content.catalogue(&mut conn).await?;
    drop(conn);
    // The list shows no times, only which editions are running, ahead or past and which take
    // applications: the same page for everyone reading in a language until one of those changes.
    // The list is built as at the same moment that keys it, so the kept copy matches its key.
    let at = crate::db::now();
    let moment = catalogue_moment(&catalogue.editions, at);
    let programs_html = ctx.content_fragment(
        &content,
        "catalogue/programs",
        0,
        moment,
        || json!({ "programs": program_groups(&catalogue, ctx.lang, at) }),
    )?;
    Ok(ctx.render("catalogue/index", json!({ "programs_html": &*programs_html })))
}

/// What of the catalogue the clock decides: each edition's phase and whether it takes
/// applications at `at`. The rendered list is kept for as long as this stays the same.
fn catalogue_moment(editions: &[programs::Edition], at: crate::db::Timestamp) -> String {
    editions.iter().map(|e| format!("{}{},", present::phase_at(e, at), u8::from(e.is_open(at)))).collect()
}

/// Each program with its running and upcoming editions (soonest first) and its past ones.
fn program_groups(catalogue: &Catalogue, lang: &str, at: crate::db::Timestamp) -> Vec<Value> {
    let editions = &catalogue.editions;
    catalogue
        .programs
        .iter()
        .map(|p| {
            let mine: Vec<_> = editions.iter().filter(|e| e.program_id == p.id).collect();
            let pick = |phase: &str| -> Vec<Value> {
                let mut v: Vec<Value> = mine
                    .iter()
                    .filter(|e| present::phase_at(e, at) == phase)
                    .map(|e| present::edition_at(e, lang, None, at))
                    .collect();
                // Editions come newest first; what is still ahead reads soonest first.
                if phase != "past" {
                    v.reverse();
                }
                v
            };
            let mut current = pick("running");
            current.extend(pick("upcoming"));
            json!({
                "slug": p.slug, "name": p.name, "short_name": p.short_name, "description": p.description,
                "current": current, "past": pick("past"),
            })
        })
        .collect()
}

#[get("/editions/<slug>")]
async fn edition_page(conn: PageConn, ctx: Ctx<'_>, slug: &str) -> Result<HtmlPage, AppError> {
    let mut conn = conn.take();
    let content = ctx.content(&mut conn).await?;
    let ed = learning::shown_edition(&mut conn, &content, slug).await?;
    let person = ctx.person();
    let (access, enrollment) = learning::standing(&mut conn, person, &ed, ctx.user.as_ref()).await?;
    let learner = (access == Access::Participant).then(|| ctx.user.as_ref().map(|u| u.id)).flatten();
    let viewer = viewer_zone(&ctx);
    let timetable = content.timetable(&mut conn, ed.id).await?;
    // The timetable is the same for everyone reading in this language and time zone.
    let timetable_html =
        ctx.content_fragment(&content, "catalogue/timetable", ed.id, viewer.clone().unwrap_or_default(), || {
            let shown_zone = present::viewer_zone(viewer.as_deref(), &ed.time_zone);
            json!({
                "edition": { "time_zone": ed.time_zone, "viewer_time_zone": shown_zone },
                "timetable": present::timetable(sessions_json(&ed, &timetable, viewer.as_deref())),
            })
        })?;
    // The materials and trainers depend only on the content and which materials the reader may
    // see: they are read and rendered only when the piece is not in memory.
    let bottom = async {
        let visible = crate::services::materials::visible(&mut conn, &content, &ed, access).await?;
        // The course's places (modules, lessons, sessions) are read only when there is a file to place.
        let materials = if visible.is_empty() {
            Vec::new()
        } else {
            super::materials_view::Places::of(&mut conn, &content, &ed, ctx.lang).await?.group(&visible, ctx.lang)
        };
        let trainers: Vec<Value> = timetable
            .trainers
            .iter()
            .map(|t| json!({ "display_name": t.display_name, "organisation": t.organisation, "country": t.country }))
            .collect();
        Ok::<_, AppError>(json!({
            "edition": { "slug": ed.slug },
            "can_teach": access.can_teach(),
            "materials": materials,
            "trainers": trainers,
        }))
    };
    let bottom_html =
        ctx.content_fragment_read(&content, "catalogue/edition_bottom", ed.id, format!("{access:?}"), bottom).await?;
    // The course section depends only on the content and the reader's progress per module: the
    // outline is built only when the section is not in memory.
    let is_participant = access == Access::Participant;
    let progress = learning::module_progress(&mut conn, &content, person, &ed, learner, ctx.lang).await?;
    let course = async {
        let outline = learning::outline(&mut conn, &content, person, &ed, learner, ctx.lang).await?;
        Ok::<_, AppError>(json!({
            "edition_slug": ed.slug,
            "is_participant": is_participant,
            "course_progress": { "percent": outline.percent, "done": outline.done, "total": outline.total },
            // The page lists modules only: their lessons are left out.
            "outline": {
                "sequential": outline.sequential,
                "modules": outline.modules.iter().map(|m| json!({
                    "slug": m.slug, "title": m.title, "summary": m.summary,
                    "done": m.done, "total": m.total, "percent": m.percent,
                })).collect::<Vec<_>>(),
            },
        }))
    };
    let course_html = ctx
        .content_fragment_read(&content, "catalogue/course", ed.id, course_variant(is_participant, &progress), course)
        .await?;
    let survey_open = crate::services::survey::is_open(&mut conn, &content, ed.id).await?;
    let mut checklist_html = None;
    if let (Access::Participant, Some(u)) = (access, ctx.user.as_ref()) {
        let settings = content.settings(&mut conn, ed.id).await?;
        let sight = crate::services::certificates::look(&mut conn, person, &settings, &ed, u.id).await?;
        drop(conn);
        // A certificate that became due is issued as soon as its holder looks.
        let seen = crate::services::certificates::settle(ctx.state, &ed, sight).await?;
        // The section is kept under the figures and the certificate's stored fields it is made
        // from: the same inputs render the same section.
        let variant = checklist_key(&seen.checklist, seen.certificate.as_ref());
        checklist_html = Some(ctx.content_fragment(&content, "catalogue/checklist", ed.id, variant, || {
            json!({ "checklist": {
                "items": seen.checklist.items, "complete": seen.checklist.complete,
                "certificate": seen.certificate.as_ref().map(super::certificates::certificate_json),
            } })
        })?);
    }
    // The top shows the edition as at this moment and the reader's standing, nothing else.
    let at = crate::db::now();
    let top_variant = format!(
        "{}|{}|{}|{:?}|{}",
        viewer.as_deref().unwrap_or_default(),
        catalogue_moment(std::slice::from_ref(&ed), at),
        enrollment.as_deref().unwrap_or_default(),
        access,
        survey_open,
    );
    let top_html = ctx.content_fragment(&content, "catalogue/edition_top", ed.id, top_variant, || {
        json!({
            "edition": present::edition_at(&ed, ctx.lang, viewer.as_deref(), at),
            "enrollment": enrollment,
            "survey_open": survey_open,
            "is_participant": is_participant,
            "can_teach": access.can_teach(),
            "can_read": access.can_read(),
            "is_coordinator": access == Access::Coordinator,
        })
    })?;
    Ok(ctx.render(
        "catalogue/edition",
        json!({
            "edition": { "slug": ed.slug },
            "top_html": &*top_html,
            "course_html": &*course_html,
            "timetable_html": &*timetable_html,
            "bottom_html": &*bottom_html,
            "checklist_html": checklist_html.as_deref(),
            "page_title": ed.title,
        }),
    ))
}

/// What the checklist section is made from: each rule's threshold, figures and outcome, whether
/// all are met, and the certificate's fields that `certificate_json` reads.
fn checklist_key(checklist: &Checklist, certificate: Option<&Certificate>) -> String {
    use std::fmt::Write;
    let mut key = String::with_capacity(160);
    for i in &checklist.items {
        let _ = write!(key, "{}:{}:{}:{}:{}:{};", i.rule, i.required_pct, i.done, i.total, i.percent, i.met);
    }
    key.push(if checklist.complete { 'c' } else { '-' });
    if let Some(c) = certificate {
        // Texts quoted, so that no name can make two certificates' fields read alike.
        let _ = write!(
            key,
            "|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            c.id, c.code, c.state, c.name_latin, c.name_native, c.issued_at, c.revoke_reason, c.snapshot
        );
    }
    key
}

/// What of the course section is the reader's own: whether progress is shown, and the lessons
/// done in each module. Readers with the same progress share one rendering.
fn course_variant(is_participant: bool, done_per_module: &[usize]) -> String {
    if !is_participant {
        return String::new();
    }
    let done: Vec<String> = done_per_module.iter().map(usize::to_string).collect();
    format!("p{}", done.join(","))
}

/// An edition's sessions as JSON, in time order, with their trainers.
pub fn sessions_json(ed: &programs::Edition, timetable: &Timetable, viewer: Option<&str>) -> Vec<Value> {
    timetable
        .sessions
        .iter()
        .map(|s| {
            let names: Vec<Value> = timetable
                .session_trainers
                .iter()
                .filter(|(sid, _, _)| *sid == s.id)
                .map(|(_, uid, name)| json!({ "id": uid, "display_name": name }))
                .collect();
            present::session(ed, s, names, viewer)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;
    use crate::db::Timestamp;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).expect("a time")
    }

    /// A checklist and the certificate shown with it.
    type Case = (Checklist, Option<Certificate>);

    /// Two checklists that show differently never share a kept section.
    #[test]
    fn checklists_that_show_differently_have_different_keys() {
        use crate::domain::completion::Item;
        let item =
            |done: i64| Item { rule: "lessons", required_pct: 80, percent: done * 10, done, total: 10, met: done >= 8 };
        let certificate = Certificate {
            id: 4,
            enrollment_id: 9,
            edition_id: 1,
            user_id: 7,
            code: "ABCD-EFGH-JKMN-PQRS-TUVW".into(),
            name_latin: "Tran Thanh Liem".into(),
            name_native: "Trần Thanh Liêm".into(),
            state: "valid".into(),
            snapshot: r#"{"edition":"ITW 2027","dates":"11–15 October 2027"}"#.into(),
            issued_at: "2027-10-15T09:00:00.000000Z".into(),
            issued_by: None,
            revoked_at: None,
            revoke_reason: None,
            superseded_by: None,
        };
        let base = (Checklist { items: vec![item(3), item(10)], complete: false }, Some(certificate.clone()));
        let mut cases = vec![base.clone(), (base.0.clone(), None)];
        let mut change = |f: &dyn Fn(&mut Case)| {
            let mut c = base.clone();
            f(&mut c);
            cases.push(c);
        };
        change(&|c| c.0.items[0] = item(4));
        change(&|c| c.0.items[0].required_pct = 75);
        change(&|c| {
            c.0.items.pop();
        });
        change(&|c| c.0.complete = true);
        for field in 0..6 {
            change(&move |c| {
                let Some(cert) = c.1.as_mut() else { return };
                match field {
                    0 => cert.state = "revoked".into(),
                    1 => cert.revoke_reason = Some("Issued by mistake".into()),
                    2 => cert.name_native = "Trần Thanh Liễm".into(),
                    3 => cert.snapshot = r#"{"edition":"ITW 2028","dates":"11–15 October 2027"}"#.into(),
                    4 => cert.id = 5,
                    _ => cert.code = "ABCD-EFGH-JKMN-PQRS-TUVX".into(),
                }
            });
        }
        let shown = |(checklist, cert): &Case| {
            json!({ "items": checklist.items, "complete": checklist.complete,
                    "certificate": cert.as_ref().map(crate::web::certificates::certificate_json) })
        };
        for a in &cases {
            for b in &cases {
                if shown(a) != shown(b) {
                    assert_ne!(
                        checklist_key(&a.0, a.1.as_ref()),
                        checklist_key(&b.0, b.1.as_ref()),
                        "{} / {}",
                        shown(a),
                        shown(b)
                    );
                }
            }
        }
        assert_eq!(checklist_key(&base.0, base.1.as_ref()), checklist_key(&base.0.clone(), base.1.clone().as_ref()));
    }

    #[test]
    fn the_catalogue_moment_changes_when_a_deadline_or_a_start_passes() {
        let edition = programs::Edition {
            time_zone: "Asia/Seoul".into(),
            starts_on: "2027-10-11".into(),
            ends_on: "2027-10-15".into(),
            applications_open_at: Some("2027-03-01T00:00:00.000000Z".into()),
            applications_close_at: Some("2027-06-30T15:00:00.000000Z".into()),
            ..Default::default()
        };
        let editions = [edition];
        let open = catalogue_moment(&editions, at("2027-06-30T14:59:00.000000Z"));
        let closed = catalogue_moment(&editions, at("2027-06-30T15:00:00.000000Z"));
        let still_closed = catalogue_moment(&editions, at("2027-08-01T09:00:00.000000Z"));
        // 10 October 15:00 UTC is already 11 October in Seoul.
        let running = catalogue_moment(&editions, at("2027-10-10T15:00:00.000000Z"));
        assert_eq!(open, "upcoming1,");
        assert_eq!(closed, "upcoming0,");
        assert_eq!(still_closed, closed, "nothing the list shows changed");
        assert_eq!(running, "running0,");

        // The list kept under a moment is built as at that moment.
        let catalogue = Catalogue {
            programs: vec![programs::Program { id: 1, ..Default::default() }],
            editions: editions.iter().map(|e| programs::Edition { program_id: 1, ..e.clone() }).collect(),
        };
        let shown = |text: &str| {
            let groups = program_groups(&catalogue, "en", at(text));
            let first = &groups[0]["current"][0];
            (first["phase"].clone(), first["accepting_applications"].clone())
        };
        assert_eq!(shown("2027-06-30T14:59:00.000000Z"), (json!("upcoming"), json!(true)));
        assert_eq!(shown("2027-10-10T15:00:00.000000Z"), (json!("running"), json!(false)));
    }
}
