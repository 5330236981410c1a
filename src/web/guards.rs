//! Request guards: who is asking, in which language, and whether they may. A handler's
//! signature shows who may call it. A signed-out visitor on a page that needs an account is
//! sent to the login page (401 for the API); a signed-in person without the role gets 404,
//! so pages for other roles are not revealed.

use rocket::http::{CookieJar, Status};
use rocket::request::{FromRequest, Outcome, Request};
use sqlx::AnyPool;

use crate::domain::languages;
use crate::domain::user::User;
use crate::services::sessions;
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "wta_session";
pub const LANG_COOKIE: &str = "wta_lang";

/// The signed-in user, if any (looked up once per request).
struct CachedUser(Option<User>);

async fn current_user<'r>(req: &'r Request<'_>) -> Result<&'r Option<User>, Status> {
    let cached = req
        .local_cache_async(async {
            let Some(state) = req.rocket().state::<AppState>() else { return Err(Status::InternalServerError) };
            let Some(token) = req.cookies().get_private(SESSION_COOKIE) else { return Ok(CachedUser(None)) };
            match sessions::resolve(state, token.value()).await {
                Ok(Some((user, versions))) => {
                    req.local_cache(|| VersionsSeen(Some(versions)));
                    Ok(CachedUser(Some(user)))
                }
                Ok(None) => Ok(CachedUser(None)),
                Err(e) => {
                    tracing::warn!(error = %e, "session lookup failed");
                    Err(Status::ServiceUnavailable)
                }
            }
        })
        .await;
    match cached {
        Ok(c) => {
            req.local_cache(|| UserSnapshot(c.0.clone()));
            Ok(&c.0)
        }
        Err(s) => Err(*s),
    }
}

/// A database connection for a page, taken from the pool only when the page asks, after its
/// own checks: a page that finds all it shows in memory takes none. Like any held connection,
/// drop it before calling a service that takes its own.
pub struct PageConn {
    pool: AnyPool,
}

impl PageConn {
    /// The page's connection, taken from the pool on its first read.
    pub fn take(self) -> crate::repo::LazyConn {
        crate::repo::LazyConn::new(self.pool)
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for PageConn {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        match req.rocket().state::<AppState>() {
            Some(state) => Outcome::Success(PageConn { pool: state.db.pool.clone() }),
            None => Outcome::Error((Status::InternalServerError, ())),
        }
    }
}

/// The content and person versions read with the session, when there was one: pages use
/// them instead of reading them again.
struct VersionsSeen(Option<sessions::Versions>);

/// The versions read earlier in this request, if any.
pub fn versions_seen(req: &Request<'_>) -> Option<sessions::Versions> {
    req.local_cache(|| VersionsSeen(None)).0
}

/// A copy of the signed-in user readable without awaiting, for error pages.
struct UserSnapshot(Option<User>);

/// The user found earlier in this request, if a guard looked them up.
pub fn known_user<'r>(req: &'r Request<'_>) -> Option<&'r User> {
    req.local_cache(|| UserSnapshot(None)).0.as_ref()
}

/// The session cookie's value, when there is one.
pub fn session_token(cookies: &CookieJar<'_>) -> Option<String> {
    cookies.get_private(SESSION_COOKIE).map(|c| c.value().to_string())
}

/// Anyone; carries the user when signed in.
pub struct MaybeUser(pub Option<User>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for MaybeUser {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        match current_user(req).await {
            Ok(u) => Outcome::Success(MaybeUser(u.clone())),
            Err(s) => Outcome::Error((s, ())),
        }
    }
}

/// Any signed-in person (participants, trainers, coordinators, admins).
pub struct SignedIn(pub User);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SignedIn {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        match current_user(req).await {
            Ok(Some(u)) => Outcome::Success(SignedIn(u.clone())),
            Ok(None) => Outcome::Error((Status::Unauthorized, ())),
            Err(s) => Outcome::Error((s, ())),
        }
    }
}

/// A coordinator (or admin): runs every edition.
pub struct Coordinator(pub User);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Coordinator {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        match current_user(req).await {
            Ok(Some(u)) if u.role.is_coordinator() => Outcome::Success(Coordinator(u.clone())),
            Ok(Some(_)) => Outcome::Error((Status::NotFound, ())),
            Ok(None) => Outcome::Error((Status::Unauthorized, ())),
            Err(s) => Outcome::Error((s, ())),
        }
    }
}

/// An administrator: manages accounts and roles.
pub struct Admin(pub User);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Admin {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        match current_user(req).await {
            Ok(Some(u)) if u.role.is_admin() => Outcome::Success(Admin(u.clone())),
            Ok(Some(_)) => Outcome::Error((Status::NotFound, ())),
            Ok(None) => Outcome::Error((Status::Unauthorized, ())),
            Err(s) => Outcome::Error((s, ())),
        }
    }
}

/// The interface language: the switcher's choice, then the profile, then Accept-Language.
#[derive(Clone, Copy)]
pub struct Lang(pub &'static str);

pub fn pick_language(req: &Request<'_>, user: Option<&User>) -> &'static str {
    let known = |code: &str| languages::LANGUAGES.iter().map(|(c, _)| *c).find(|c| *c == code);
    if let Some(c) = req.cookies().get(LANG_COOKIE).and_then(|c| known(c.value())) {
        return c;
    }
    if let Some(c) = user.and_then(|u| known(&u.profile.preferred_language)) {
        return c;
    }
    req.headers().get_one("Accept-Language").and_then(languages::negotiate).unwrap_or("en")
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Lang {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let user = current_user(req).await.ok().and_then(|u| u.as_ref());
        Outcome::Success(Lang(pick_language(req, user)))
    }
}

/// The client's address (Rocket honours the proxy header set by `ROCKET_IP_HEADER`).
pub struct ClientIp(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ClientIp {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        Outcome::Success(ClientIp(req.client_ip().map_or_else(|| "unknown".to_string(), |ip| ip.to_string())))
    }
}

/// The browser's User-Agent, kept with the session so people can recognise it.
pub struct UserAgent(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for UserAgent {
    type Error = ();
    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        Outcome::Success(UserAgent(req.headers().get_one("User-Agent").unwrap_or_default().to_string()))
    }
}
