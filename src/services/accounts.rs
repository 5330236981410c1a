//! Signing up, logging in (throttled), changing and resetting passwords.

use super::{ServiceError, ServiceResult, passwords, sessions};
use crate::db::now;
use crate::domain::email::Email;
use crate::domain::role::Role;
use crate::domain::user::User;
use crate::domain::{FieldErrors, languages, names, password};
use crate::mail;
use crate::msg;
use crate::repo::{self, login_failures};
use crate::state::AppState;

/// Failed logins allowed per address and per account within `THROTTLE_WINDOW_SECS`.
pub const MAX_FAILURES: i64 = 5;
pub const THROTTLE_WINDOW_SECS: i64 = 60;
/// How long a password-reset link works.
pub const RESET_TOKEN_MINUTES: i64 = 60;

pub struct SignUp {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub password_confirm: String,
    pub language: String,
}

/// Creates a participant account. Every field is checked first; nothing is written unless
/// all of them are valid.
pub async fn sign_up(state: &AppState, f: SignUp) -> ServiceResult<User> {
    let mut errors = FieldErrors::new();
    let email = errors.check("email", Email::parse(&f.email));
    let name = errors.check("display_name", names::person_name(&f.display_name));
    let email_text = email.as_ref().map(|e| e.as_str().to_string()).unwrap_or_default();
    errors.check("password", password::check_new(&f.password, &email_text));
    if f.password != f.password_confirm {
        errors.add("password_confirm", msg!("err-password-mismatch"));
    }
    let language = languages::preferred_language(&f.language).unwrap_or_default();
    let (Some(email), Some(name)) = (email, name) else { return Err(errors.into()) };
    errors.into_result()?;
    create_user(state, &email, &name, &f.password, Role::Participant, &language).await
}

/// Inserts a user with a hashed password; a taken address is a field error.
pub async fn create_user(
    state: &AppState,
    email: &Email,
    name: &str,
    password: &str,
    role: Role,
    language: &str,
) -> ServiceResult<User> {
    let hash = passwords::hash(password.to_string()).await?;
    let mut conn = state.db.pool.acquire().await?;
    let id = match repo::users::insert(&mut conn, email.as_str(), &hash, name, role, language).await {
        Ok(id) => id,
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(ServiceError::field("email", msg!("err-email-taken")));
        }
        Err(e) => return Err(e.into()),
    };
    repo::users::by_id(&mut conn, id).await?.ok_or(ServiceError::NotFound)
}

/// Checks credentials. Wrong address and wrong password get the same answer, and both
/// cost the same time; more than five failures a minute per address or account are refused
/// before the password is even checked.
pub async fn log_in(state: &AppState, email: &str, password: &str, client_ip: &str) -> ServiceResult<User> {
    let email = email.trim().to_lowercase();
    let ip_key = format!("ip:{client_ip}");
    let account_key = format!("account:{email}");
    let at = now();
    let since = at.plus_seconds(-THROTTLE_WINDOW_SECS);
    let mut conn = state.db.pool.acquire().await?;
    if login_failures::count_since(&mut conn, &ip_key, since).await? >= MAX_FAILURES
        || login_failures::count_since(&mut conn, &account_key, since).await? >= MAX_FAILURES
    {
        return Err(ServiceError::Throttled);
    }
    let found = repo::users::credentials(&mut conn, &email).await?;
    drop(conn);
    let ok = match &found {
        Some((user, hash)) => passwords::verify(password.to_string(), hash.clone()).await? && user.is_active,
        None => {
            passwords::verify(password.to_string(), passwords::decoy_hash().await.to_string()).await?;
            false
        }
    };
    let mut conn = state.db.pool.acquire().await?;
    match found {
        Some((user, _)) if ok => {
            login_failures::clear(&mut conn, &account_key).await?;
            Ok(user)
        }
        _ => {
            login_failures::record(&mut conn, &ip_key, at).await?;
            login_failures::record(&mut conn, &account_key, at).await?;
            Err(ServiceError::Refused(msg!("err-login-failed")))
        }
    }
}

/// Changes the password after checking the current one, and ends the user's other sessions.
pub async fn change_password(
    state: &AppState,
    user: &User,
    current: &str,
    new: &str,
    confirm: &str,
    session_token: Option<&str>,
) -> ServiceResult<()> {
    let mut errors = FieldErrors::new();
    let stored = {
        let mut conn = state.db.pool.acquire().await?;
        repo::users::password_hash(&mut conn, user.id).await?.ok_or(ServiceError::NotFound)?
    };
    if !passwords::verify(current.to_string(), stored).await? {
        errors.add("current_password", msg!("err-password-current-wrong"));
    }
    errors.check("password", password::check_new(new, &user.email));
    if new != confirm {
        errors.add("password_confirm", msg!("err-password-mismatch"));
    }
    errors.into_result()?;
    let hash = passwords::hash(new.to_string()).await?;
    let mut conn = state.db.pool.acquire().await?;
    repo::users::set_password_hash(&mut conn, user.id, &hash).await?;
    drop(conn);
    sessions::end_others(state, user.id, session_token).await?;
    Ok(())
}

/// Sends a reset link when the address belongs to an active account. The caller answers the
/// same either way, so the form reveals nothing about who has an account.
pub async fn request_reset(state: &AppState, email: &str, request_lang: &str) -> ServiceResult<()> {
    let Ok(email) = Email::parse(email) else { return Ok(()) };
    let mut tx = state.db.begin_write().await?;
    let Some(user) = repo::users::by_email(&mut tx, email.as_str()).await? else { return Ok(()) };
    if !user.is_active {
        return Ok(());
    }
    let token = super::tokens::random_token();
    let at = now();
    repo::password_resets::insert(
        &mut tx,
        &super::tokens::token_hash(&token),
        user.id,
        at,
        at.plus_minutes(RESET_TOKEN_MINUTES),
    )
    .await?;
    let lang = if user.profile.preferred_language.is_empty() { request_lang } else { &user.profile.preferred_language };
    let link = state.config.link(&format!("/password/reset/{token}"));
    let message = mail::compose::password_reset(lang, &user.display_name, &link, RESET_TOKEN_MINUTES);
    mail::queue(&mut tx, &user.email, &user.display_name, &message).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(())
}

/// True when a reset link can still be used (to show the form or an explanation).
pub async fn reset_token_is_valid(state: &AppState, token: &str) -> ServiceResult<bool> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(repo::password_resets::valid_user(&mut conn, &super::tokens::token_hash(token), now()).await?.is_some())
}

/// Sets a new password through a reset link: the link is used up, every session ends.
pub async fn reset_password(state: &AppState, token: &str, new: &str, confirm: &str) -> ServiceResult<User> {
    let token_hash = super::tokens::token_hash(token);
    let user = {
        let mut conn = state.db.pool.acquire().await?;
        let Some(user_id) = repo::password_resets::valid_user(&mut conn, &token_hash, now()).await? else {
            return Err(ServiceError::Refused(msg!("err-reset-token-invalid")));
        };
        repo::users::by_id(&mut conn, user_id).await?.ok_or(ServiceError::NotFound)?
    };
    let mut errors = FieldErrors::new();
    errors.check("password", password::check_new(new, &user.email));
    if new != confirm {
        errors.add("password_confirm", msg!("err-password-mismatch"));
    }
    errors.into_result()?;
    let hash = passwords::hash(new.to_string()).await?;
    let mut tx = state.db.begin_write().await?;
    let at = now();
    if repo::password_resets::consume(&mut tx, &token_hash, at).await? != Some(user.id) {
        return Err(ServiceError::Refused(msg!("err-reset-token-invalid")));
    }
    repo::users::set_password_hash(&mut tx, user.id, &hash).await?;
    repo::password_resets::consume_all_for_user(&mut tx, user.id, at).await?;
    repo::sessions::delete_for_user(&mut tx, user.id, None).await?;
    tx.commit().await?;
    Ok(user)
}
