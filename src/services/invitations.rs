//! Coordinators invite people by email to apply. The link carries a single-use token bound
//! to that address; it expires, opens the application form, and may let the person skip
//! review (they are accepted at once while seats remain).

use super::learning::edition;
use super::{ServiceError, ServiceResult, tokens};
use crate::db::now;
use crate::domain::email::Email;
use crate::domain::user::User;
use crate::mail;
use crate::repo::{enrollments as repo, users};
use crate::state::AppState;

/// Days an invitation link stays valid.
pub const INVITATION_DAYS: i64 = 14;

/// Sends an invitation; returns the link (shown once to the coordinator too).
pub async fn invite(
    state: &AppState,
    coordinator: &User,
    slug: &str,
    email: &str,
    skip_review: bool,
) -> ServiceResult<String> {
    let email = Email::parse(email).map_err(|k| ServiceError::field("email", k))?;
    let mut tx = state.db.begin_write().await?;
    let ed = edition(&mut tx, slug).await?;
    let token = tokens::random_token();
    let expires = now().plus_minutes(INVITATION_DAYS * 24 * 60);
    repo::insert_invitation(
        &mut tx,
        ed.id,
        email.as_str(),
        &tokens::token_hash(&token),
        skip_review,
        expires,
        coordinator.id,
    )
    .await?;
    let link = state.config.link(&format!("/editions/{}/application?invitation={token}", ed.slug));
    let lang = match users::by_email(&mut tx, email.as_str()).await? {
        Some(u) if !u.profile.preferred_language.is_empty() => u.profile.preferred_language,
        _ => ed.languages().first().cloned().unwrap_or_else(|| "en".into()),
    };
    let message = mail::compose::invitation(&lang, &ed.title, &link, INVITATION_DAYS);
    mail::queue(&mut tx, email.as_str(), "", &message).await?;
    let after = serde_json::json!({ "email": email.as_str(), "skip_review": skip_review });
    super::editions_admin::record(&mut tx, coordinator, "enrollment.invite", &ed.slug, serde_json::Value::Null, after)
        .await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(link)
}
