//! Argon2id hashing, run on the blocking pool so request workers never stall on it.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use super::{ServiceError, ServiceResult};

/// Hashes with Argon2id and the crate's default (OWASP) parameters.
pub async fn hash(password: String) -> ServiceResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(|e| ServiceError::Internal(e.to_string()))?
    .map_err(|e| ServiceError::Internal(e.to_string()))
}

/// True when `password` matches `stored`. A malformed stored hash never matches.
pub async fn verify(password: String, stored: String) -> ServiceResult<bool> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
    })
    .await
    .map_err(|e| ServiceError::Internal(e.to_string()))
}

/// A hash of a random password, verified against when the email is unknown so that a
/// wrong address takes as long to refuse as a wrong password.
pub async fn decoy_hash() -> &'static str {
    static DECOY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DECOY.get_or_init(|| async { hash(super::tokens::random_token()).await.unwrap_or_default() }).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_differ() {
        let a = hash("correct horse battery".into()).await.expect("hashes");
        let b = hash("correct horse battery".into()).await.expect("hashes");
        assert_ne!(a, b, "salted");
        assert!(a.starts_with("$argon2id$"));
        assert!(verify("correct horse battery".into(), a.clone()).await.expect("runs"));
        assert!(!verify("wrong horse battery".into(), a).await.expect("runs"));
        assert!(!verify("x".into(), "not a hash".into()).await.expect("runs"));
    }
}
