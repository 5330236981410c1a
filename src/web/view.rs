//! Rendering pages: `Ctx` gathers what every page shows (language, user, CSRF token, flash
//! message, switcher) and `Ctx::render` merges it with the page's own data.

use rocket::http::{CookieJar, Status};
use rocket::request::{FlashMessage, FromRequest, Outcome, Request};
use rocket::response::{Flash, Redirect};
use serde_json::{Map, Value, json};

use super::csrf;
use super::guards::{MaybeUser, pick_language};
use crate::domain::FieldErrors;
use crate::domain::user::User;
use crate::i18n::t;
use crate::services::content_cache::Content;
use crate::services::content_cache::FragmentKey;
use crate::services::people_cache::Person;
use crate::state::AppState;
use crate::web::page::{HtmlPage, Templates};

/// What every page needs to know about the request.
pub struct Ctx<'r> {
    pub state: &'r AppState,
    pub lang: &'static str,
    pub user: Option<User>,
    pub csrf: String,
    pub flash: Option<(String, String)>,
    pub path: String,
    pub cookies: &'r CookieJar<'r>,
    /// The content and person versions read with the session, if the request had one.
    versions: Option<crate::services::sessions::Versions>,
    templates: &'r Templates,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Ctx<'r> {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let (Some(state), Some(templates)) = (req.rocket().state::<AppState>(), req.rocket().state::<Templates>())
        else {
            return Outcome::Error((Status::InternalServerError, ()));
        };
        let user = match req.guard::<MaybeUser>().await {
            Outcome::Success(MaybeUser(u)) => u,
            Outcome::Error(e) => return Outcome::Error(e),
            Outcome::Forward(s) => return Outcome::Forward(s),
        };
        let lang = pick_language(req, user.as_ref());
        let flash = match req.guard::<Option<FlashMessage<'_>>>().await {
            Outcome::Success(Some(f)) => Some((f.kind().to_string(), f.message().to_string())),
            _ => None,
        };
        let path = req.uri().path().to_string();
        let cookies = req.cookies();
        let csrf = csrf::token(cookies, state.config.cookies_secure());
        let versions = super::guards::versions_seen(req);
        Outcome::Success(Ctx { state, lang, user, csrf, flash, path, cookies, versions, templates })
    }
}

/// The pages whose title is one fixed message. The layout reads `page_title` from the page's
/// own context: passing it as a parameter of the layout block would copy the whole context
/// on every page (measured: a third of the edition page's throughput).
const FIXED_TITLES: [(&str, &str); 15] = [
    ("account/profile", "profile-title"),
    ("account/security", "security-title"),
    ("admin/users", "admin-users-title"),
    ("auth/forgot", "forgot-title"),
    ("auth/login", "login-title"),
    ("auth/reset", "reset-title"),
    ("auth/signup", "signup-title"),
    ("catalogue/index", "catalogue-title"),
    ("learning/my", "my-title"),
    ("manage/edition_clone", "edition-clone"),
    ("manage/edition_form", "manage-edition-form-title"),
    ("manage/editions", "manage-editions-title"),
    ("manage/import", "import-title"),
    ("manage/session_form", "manage-sessions-title"),
    ("manage/sessions", "manage-sessions-title"),
];

impl<'r> Ctx<'r> {
    /// Programs, editions, courses and timetables as of this request: the version read with
    /// the session, else read now. For pages that show content, not for writes.
    pub async fn content(&self, conn: &mut impl crate::repo::Reads) -> Result<Content<'r>, sqlx::Error> {
        match self.versions {
            Some(v) => Ok(self.state.content.at_version(v.content)),
            None => self.state.content.at(conn).await,
        }
    }

    /// The content at the version read with the session, when the request had one: pages
    /// that find what they show in memory then need no connection for it.
    pub fn seen_content(&self) -> Option<Content<'r>> {
        self.versions.map(|v| self.state.content.at_version(v.content))
    }

    /// The signed-in person's own standing in memory, as of the versions read with their
    /// session (see `people_cache`); None without a session.
    pub fn person(&self) -> Option<Person<'r>> {
        let (user, v) = (self.user.as_ref()?, self.versions?);
        Some(self.state.people.person(user.id, v.person, v.content))
    }

    /// The template `template`, a piece of a page, as rendered at `content`'s version for this
    /// language and `variant`: `data` (the piece's context without `lang`) is built and
    /// rendered only when the piece is not in memory. The piece may show nothing but the
    /// content and what `variant` spells out (a time zone, the reader's progress, a checklist),
    /// so readers with the same variant share it.
    pub fn content_fragment(
        &self,
        content: &Content<'_>,
        template: &'static str,
        edition_id: i64,
        variant: String,
        data: impl FnOnce() -> Value,
    ) -> Result<std::sync::Arc<str>, crate::error::AppError> {
        let key = self.fragment_key(template, edition_id, variant);
        content.fragment(key, || self.render_piece(template, data()))
    }

    /// As `content_fragment`, for a piece whose context needs reads first: `data` is a future
    /// that runs only when the piece is not in memory, so a kept piece costs no reads.
    pub async fn content_fragment_read(
        &self,
        content: &Content<'_>,
        template: &'static str,
        edition_id: i64,
        variant: String,
        data: impl std::future::Future<Output = Result<Value, crate::error::AppError>>,
    ) -> Result<std::sync::Arc<str>, crate::error::AppError> {
        let key = self.fragment_key(template, edition_id, variant);
        if let Some(kept) = content.kept_fragment(&key) {
            return Ok(kept);
        }
        let context = data.await?;
        content.fragment(key, || self.render_piece(template, context))
    }

    fn fragment_key(&self, template: &'static str, edition_id: i64, variant: String) -> FragmentKey {
        FragmentKey { name: template, templates: self.templates.generation(), edition_id, lang: self.lang, variant }
    }

    /// A piece's template rendered with its context and the page's language.
    fn render_piece(&self, template: &str, mut context: Value) -> Result<String, crate::error::AppError> {
        if let Value::Object(m) = &mut context {
            m.insert("lang".into(), json!(self.lang));
        }
        self.templates.render(template, &context).map_err(crate::error::AppError::Internal)
    }

    pub fn t(&self, key: &str) -> String {
        t(self.lang, key)
    }

    /// The page `template` with `data` merged into the common context.
    pub fn render(&self, template: &'static str, data: Value) -> HtmlPage {
        let mut data = data;
        if let (Value::Object(m), Some((_, key))) = (&mut data, FIXED_TITLES.iter().find(|(t, _)| *t == template)) {
            m.entry("page_title").or_insert_with(|| json!(self.t(key)));
        }
        HtmlPage::new(template, self.context(data))
    }

    /// The same, with a status other than 200 (a form with errors answers 422).
    pub fn render_status(&self, status: Status, template: &'static str, data: Value) -> (Status, HtmlPage) {
        (status, self.render(template, data))
    }

    pub fn context(&self, data: Value) -> Value {
        let mut base = page_base(self.lang, self.user.as_ref(), &self.path);
        base.insert("csrf_token".into(), json!(self.csrf));
        base.insert(
            "flash".into(),
            self.flash.as_ref().map_or(Value::Null, |(kind, message)| json!({ "kind": kind, "message": message })),
        );
        if let Value::Object(extra) = data {
            base.extend(extra);
        }
        Value::Object(base)
    }

    /// A redirect that shows a translated message on the next page.
    pub fn flash_success(&self, to: String, key: &str) -> Flash<Redirect> {
        Flash::success(Redirect::to(to), self.t(key))
    }

    pub fn flash_error(&self, to: String, key: &str) -> Flash<Redirect> {
        Flash::error(Redirect::to(to), self.t(key))
    }

    /// A form post's answer: the success message, or the refusal or first field problem as
    /// an error message on the page at `to`; other failures pass on as errors.
    pub fn flash_outcome<T>(
        &self,
        to: String,
        result: crate::services::ServiceResult<T>,
        success_key: &str,
    ) -> Result<Flash<Redirect>, crate::error::AppError> {
        use crate::services::ServiceError;
        match result {
            Ok(_) => Ok(self.flash_success(to, success_key)),
            Err(ServiceError::Invalid(e)) => {
                Ok(self.flash_error(to, e.0.first().map_or(crate::msg!("err-invalid-input"), |f| f.key)))
            }
            Err(ServiceError::Refused(key)) => Ok(self.flash_error(to, key)),
            Err(e) => Err(e.into()),
        }
    }

    /// Field errors as `{ field: message }`, with every listed field present (null when it
    /// has no error) so that strict templates can test any of them.
    pub fn errors(&self, fields: &[&str], errors: &FieldErrors) -> Value {
        errors_json(self.lang, fields, errors)
    }
}

pub fn errors_json(lang: &str, fields: &[&str], errors: &FieldErrors) -> Value {
    let mut m = Map::new();
    for f in fields {
        m.insert((*f).to_string(), errors.for_field(f).map_or(Value::Null, |k| json!(t(lang, k))));
    }
    for e in &errors.0 {
        m.entry(e.field.to_string()).or_insert_with(|| json!(t(lang, e.key)));
    }
    m.insert("any".into(), json!(!errors.is_empty()));
    Value::Object(m)
}

/// The part of the context that catchers can build too (they have no guards).
pub fn page_base(lang: &'static str, user: Option<&User>, path: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("lang".into(), json!(lang));
    m.insert(
        "user".into(),
        user.map_or(Value::Null, |u| {
            json!({
                "id": u.id,
                "display_name": u.display_name,
                "email": u.email,
                "role": u.role,
                "is_coordinator": u.role.is_coordinator(),
                "is_admin": u.role.is_admin(),
            })
        }),
    );
    m.insert("path".into(), json!(path));
    m.insert("csrf_token".into(), json!(""));
    m.insert("flash".into(), Value::Null);
    m
}

// `(concat "mode-" mode)` builds a catalog key from a prefix and a value.
rocket_dyn_templates::handlebars::handlebars_helper!(concat_helper: |*args| {
    args.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect::<String>()
});
