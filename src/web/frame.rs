//! The frame around every page (header, navigation, language switcher, footer), kept
//! rendered. It is the same for everyone reading in one language with the same menu, except
//! for the form token, the page's path and title and the page itself; rendering it anew on
//! each request was about a fifth of a page found in memory's CPU time.
//!
//! `templates/layout.html.hbs` wraps each page in `{{#frame}}…{{/frame}}`. The helper renders
//! `templates/frame.html.hbs` once per language and menu with marks in place of what changes,
//! keeps it cut at the marks, and on each request writes the kept text with the request's
//! values between. A page with a message to show (a flash) is rendered whole, as are frames
//! whose inputs are not of the usual kinds: those are rare, and kept copies of them could grow
//! without bound.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use rocket_dyn_templates::handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderError, RenderErrorReason,
    Renderable, StringOutput,
};
use serde_json::{Map, Value, json};

use crate::domain::languages::{LANGUAGES, RTL};

/// The template the frame is rendered from.
const FRAME: &str = "frame";

/// What changes from one request to the next within a kept frame.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    Csrf,
    Path,
    Title,
    Body,
}

const SLOTS: [Slot; 4] = [Slot::Csrf, Slot::Path, Slot::Title, Slot::Body];

/// A character from Unicode's private use area opens and closes each mark: escaping leaves it
/// alone, and no translation or template holds it.
const MARK: char = '\u{F8FF}';

fn mark(slot: Slot) -> String {
    format!("{MARK}frame-{}{MARK}", SLOTS.iter().position(|s| *s == slot).unwrap_or_default())
}

/// One kept frame: text, and the slots between.
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Slot(Slot),
}

/// What a frame is kept for: the language, the menu the reader sees, whether the page has a
/// title.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    lang: &'static str,
    menu: Menu,
    titled: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Menu {
    SignedOut,
    SignedIn { coordinator: bool, admin: bool },
}

/// The frame's inputs, as read from a page's context.
struct View<'a> {
    lang: &'a str,
    menu: Menu,
    path: &'a str,
    csrf: &'a str,
    title: &'a Value,
    flash: &'a Value,
}

impl<'a> View<'a> {
    fn of(data: &'a Value) -> Self {
        let text = |name: &str| data.get(name).and_then(Value::as_str).unwrap_or_default();
        let flag = |user: &Value, name: &str| user.get(name).and_then(Value::as_bool).unwrap_or(false);
        let menu = match data.get("user") {
            Some(user) if user.is_object() => {
                Menu::SignedIn { coordinator: flag(user, "is_coordinator"), admin: flag(user, "is_admin") }
            }
            _ => Menu::SignedOut,
        };
        View {
            lang: data.get("lang").and_then(Value::as_str).unwrap_or("en"),
            menu,
            path: text("path"),
            csrf: text("csrf_token"),
            title: data.get("page_title").unwrap_or(&Value::Null),
            flash: data.get("flash").unwrap_or(&Value::Null),
        }
    }

    /// The key of the kept frame that serves this view, if one may.
    fn key(&self) -> Option<Key> {
        let lang = LANGUAGES.iter().find(|(code, _)| *code == self.lang)?.0;
        let titled = match self.title {
            Value::Null => false,
            Value::String(s) => !s.is_empty(),
            _ => return None,
        };
        self.flash.is_null().then_some(Key { lang, menu: self.menu, titled })
    }

    /// The frame template's context, with `fill` giving each slot's value.
    fn context(&self, fill: impl Fn(Slot) -> Value) -> Value {
        let user = match self.menu {
            Menu::SignedOut => Value::Null,
            Menu::SignedIn { coordinator, admin } => json!({ "is_coordinator": coordinator, "is_admin": admin }),
        };
        let languages: Vec<Value> = LANGUAGES
            .iter()
            .map(|(code, name)| json!({ "code": code, "name": name, "current": *code == self.lang }))
            .collect();
        let mut m = Map::new();
        m.insert("lang".into(), json!(self.lang));
        m.insert("dir".into(), json!(if RTL.contains(&self.lang) { "rtl" } else { "ltr" }));
        m.insert("ui_languages".into(), Value::Array(languages));
        m.insert("user".into(), user);
        m.insert("flash".into(), self.flash.clone());
        for slot in SLOTS {
            let name = match slot {
                Slot::Csrf => "csrf_token",
                Slot::Path => "path",
                Slot::Title => "page_title",
                Slot::Body => "body",
            };
            m.insert(name.into(), fill(slot));
        }
        Value::Object(m)
    }
}

/// The `frame` block helper, with the frames it keeps. A new set of templates registers a new
/// helper, so frames rendered from older templates are not used.
pub struct FrameHelper {
    kept: RwLock<HashMap<Key, Arc<Vec<Piece>>>>,
    /// Whether frames are kept at all (the tests compare with frames rendered whole).
    keep: bool,
}

impl Default for FrameHelper {
    fn default() -> Self {
        FrameHelper { kept: RwLock::default(), keep: true }
    }
}

impl FrameHelper {
    /// The kept frame for `key`, rendered now if it is not kept yet.
    fn frame(&self, registry: &Handlebars<'_>, key: Key, view: &View<'_>) -> Result<Arc<Vec<Piece>>, RenderError> {
        if let Some(frame) = self.kept.read().ok().and_then(|kept| kept.get(&key).cloned()) {
            return Ok(frame);
        }
        // An untitled page's frame leaves the title out altogether.
        let marked = registry.render(
            FRAME,
            &view.context(|slot| if slot == Slot::Title && !key.titled { Value::Null } else { json!(mark(slot)) }),
        )?;
        let frame = Arc::new(cut(&marked));
        if let Ok(mut kept) = self.kept.write() {
            kept.insert(key, frame.clone());
        }
        Ok(frame)
    }
}

/// The rendered frame cut at its marks.
fn cut(marked: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = marked;
    while let Some((slot, at)) =
        SLOTS.iter().filter_map(|s| rest.find(&mark(*s)).map(|at| (*s, at))).min_by_key(|(_, at)| *at)
    {
        if at > 0 {
            pieces.push(Piece::Text(rest[..at].to_string()));
        }
        pieces.push(Piece::Slot(slot));
        rest = &rest[at + mark(slot).len()..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    pieces
}

fn io(e: std::io::Error) -> RenderError {
    RenderError::from(RenderErrorReason::Other(format!("the page could not be written: {e}")))
}

impl HelperDef for FrameHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        registry: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let view = View::of(ctx.data());
        let Some(key) = view.key().filter(|_| self.keep) else {
            // Rendered whole: the page first, then the frame around it.
            let mut body = StringOutput::new();
            if let Some(page) = h.template() {
                page.render(registry, ctx, rc, &mut body)?;
            }
            let body = body.into_string().map_err(|e| RenderErrorReason::Other(e.to_string()))?;
            let context = view.context(|slot| match slot {
                Slot::Csrf => json!(view.csrf),
                Slot::Path => json!(view.path),
                Slot::Title => view.title.clone(),
                Slot::Body => json!(body),
            });
            out.write(&registry.render(FRAME, &context)?).map_err(io)?;
            return Ok(());
        };
        let frame = self.frame(registry, key, &view)?;
        let escape = registry.get_escape_fn();
        for piece in frame.iter() {
            match piece {
                Piece::Text(text) => out.write(text).map_err(io)?,
                Piece::Slot(Slot::Csrf) => out.write(&escape(view.csrf)).map_err(io)?,
                Piece::Slot(Slot::Path) => out.write(&escape(view.path)).map_err(io)?,
                Piece::Slot(Slot::Title) => out.write(&escape(view.title.as_str().unwrap_or_default())).map_err(io)?,
                Piece::Slot(Slot::Body) => {
                    if let Some(page) = h.template() {
                        page.render(registry, ctx, rc, out)?;
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;

    /// The frame helper as registered, with the test holding it too, to see what it kept.
    struct Shared(Arc<FrameHelper>);

    impl HelperDef for Shared {
        fn call<'reg: 'rc, 'rc>(
            &self,
            h: &Helper<'rc>,
            registry: &'reg Handlebars<'reg>,
            ctx: &'rc Context,
            rc: &mut RenderContext<'reg, 'rc>,
            out: &mut dyn Output,
        ) -> HelperResult {
            self.0.call(h, registry, ctx, rc, out)
        }
    }

    fn kept_count(helper: &FrameHelper) -> usize {
        helper.kept.read().expect("the kept frames").len()
    }

    /// The real frame and layout, a page inside them, and the helpers, as the app registers them.
    fn registry(keep: bool) -> (Handlebars<'static>, Arc<FrameHelper>) {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_helper("t", Box::new(crate::i18n::t_helper));
        let helper = Arc::new(FrameHelper { kept: RwLock::default(), keep });
        hb.register_helper("frame", Box::new(Shared(helper.clone())));
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        hb.register_template_file("frame", dir.join("frame.html.hbs")).expect("the frame");
        hb.register_template_file("layout", dir.join("layout.html.hbs")).expect("the layout");
        hb.register_template_string("page", "{{#> layout}}\n<h1>{{word}}</h1>\n<p>{{path}}</p>\n{{/layout}}\n")
            .expect("a page");
        (hb, helper)
    }

    fn page(lang: &str, user: Value, title: Value, csrf: &str, path: &str) -> Value {
        json!({
            "lang": lang, "user": user, "page_title": title, "csrf_token": csrf, "path": path,
            "flash": null, "word": "Daejeon & <Innopolis>",
        })
    }

    #[test]
    fn a_kept_frame_writes_what_rendering_it_whole_writes() {
        let (kept, kept_frames) = registry(true);
        let (whole, whole_frames) = registry(false);
        let coordinator = json!({ "id": 3, "display_name": "허태정", "is_coordinator": true, "is_admin": false });
        let admin = json!({ "id": 1, "display_name": "Anna", "is_coordinator": true, "is_admin": true });
        let participant =
            json!({ "id": 7, "display_name": "Trần Thanh Liêm", "is_coordinator": false, "is_admin": false });
        let mut views = Vec::new();
        for lang in ["en", "ko", "vi", "fr"] {
            for user in [Value::Null, participant.clone(), coordinator.clone(), admin.clone()] {
                for title in [Value::Null, json!(""), json!("STP governance \"101\" & <more>")] {
                    views.push(page(lang, user.clone(), title, "tok'en\"<1>", "/editions/itw-2027?x=1&y=\"2\""));
                }
            }
        }
        // Each view twice, so that the second is written from the frame kept by the first, and
        // with other values in the slots than the ones the kept frame was first used with.
        for round in 0..2 {
            for view in &views {
                let mut view = view.clone();
                if round == 1 {
                    view["csrf_token"] = json!("second-token");
                    view["path"] = json!("/catalogue");
                }
                let a = kept.render("page", &view).expect("rendered with a kept frame");
                let b = whole.render("page", &view).expect("rendered whole");
                assert_eq!(a, b, "for {view}");
                assert!(!a.contains(MARK), "no mark is left in the page");
            }
        }
        // Every language, menu and "has a title" was written from a kept frame by the one, and
        // none by the other (an empty title counts as none).
        assert_eq!((kept_count(&kept_frames), kept_count(&whole_frames)), (4 * 4 * 2, 0));
        let sample = kept.render("page", &views[5]).expect("a page");
        assert!(sample.contains("<h1>Daejeon &amp; &lt;Innopolis&gt;</h1>"), "{sample}");
        assert!(sample.contains("value=\"tok&#x27;en&quot;&lt;1&gt;\""), "the token is escaped: {sample}");
        assert!(sample.contains("<title>STP governance"), "{sample}");
    }

    #[test]
    fn frames_are_kept_per_language_and_menu_and_pages_with_a_message_are_rendered_whole() {
        let (hb, _) = registry(true);
        let helper = FrameHelper::default();
        let participant = json!({ "is_coordinator": false, "is_admin": false });
        for (lang, user, title) in [
            ("en", Value::Null, json!("A")),
            ("en", Value::Null, json!("B")),
            ("ko", Value::Null, json!("A")),
            ("ko", participant.clone(), json!("A")),
            ("ko", participant.clone(), Value::Null),
        ] {
            let data = page(lang, user, title, "t", "/");
            let view = View::of(&data);
            let key = view.key().expect("an ordinary page has a kept frame");
            helper.frame(&hb, key, &view).expect("a frame");
        }
        assert_eq!(kept_count(&helper), 4, "titles share a frame");

        let mut flashed = page("en", Value::Null, json!("A"), "t", "/");
        flashed["flash"] = json!({ "kind": "error", "message": "<b>No</b>" });
        assert!(View::of(&flashed).key().is_none());
        let html = hb.render("page", &flashed).expect("a page with a message");
        assert!(html.contains("role=\"alert\">&lt;b&gt;No&lt;/b&gt;</div>"), "{html}");
        let unknown = page("xx", Value::Null, Value::Null, "t", "/");
        assert!(View::of(&unknown).key().is_none(), "only interface languages are kept");
    }

    #[test]
    fn a_frame_is_cut_at_its_marks() {
        let text = format!("<a>{}<b>{}{}</b>", mark(Slot::Title), mark(Slot::Csrf), mark(Slot::Body));
        assert_eq!(
            cut(&text),
            vec![
                Piece::Text("<a>".into()),
                Piece::Slot(Slot::Title),
                Piece::Text("<b>".into()),
                Piece::Slot(Slot::Csrf),
                Piece::Slot(Slot::Body),
                Piece::Text("</b>".into()),
            ]
        );
    }
}
