//! Session lookups that arrive together are read in one statement, and every lookup reads the
//! database after it was asked: nothing is answered from memory. (Certificate lookups by code
//! are read the same way; their test is with the other verification tests, in `certificates`.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use wta_academy::domain::role::Role;
use wta_academy::services::sessions;
use wta_academy::services::tokens::token_hash;

use crate::support::TestApp;

/// On a single-threaded runtime the lookups spawned here are all queued before the reading
/// task first runs, so the statement count is exact.
#[tokio::test]
async fn lookups_asked_together_are_read_in_one_statement() {
    let app = Arc::new(TestApp::new().await);
    let mut people = Vec::new();
    for i in 0..20 {
        let id = app.create_user(&format!("reader-{i}@example.org"), &format!("Reader {i}"), Role::Participant).await;
        let token = sessions::start(&app.state, id, "test").await.unwrap();
        people.push((token_hash(&token), Some(id)));
    }
    // Unknown sessions, and one person asked for twice, are answered too.
    people.push((token_hash("no-such-session"), None));
    people.push((token_hash("another-unknown-one"), None));
    people.push(people[3].clone());
    let before = app.state.session_reads.statements();
    let mut asked = tokio::task::JoinSet::new();
    for (hash, expected) in people.clone() {
        let app = app.clone();
        asked.spawn(async move {
            let found = app.state.session_reads.read(&app.state.db.pool, hash).await.unwrap();
            (found.map(|f| f.user.id), expected)
        });
    }
    let mut answered = 0;
    while let Some(result) = asked.join_next().await {
        let (found, expected) = result.unwrap();
        assert_eq!(found, expected);
        answered += 1;
    }
    assert_eq!(answered, people.len());
    assert_eq!(app.state.session_reads.statements() - before, 1, "23 lookups, one statement");
    // One at a time, each is a statement of its own.
    for (hash, expected) in people.iter().take(3) {
        let found = app.state.session_reads.read(&app.state.db.pool, hash.clone()).await.unwrap();
        assert_eq!(found.map(|f| f.user.id), *expected);
    }
    assert_eq!(app.state.session_reads.statements() - before, 4);
}

#[rocket::async_test]
async fn each_lookup_reads_what_the_database_holds_when_asked() {
    let app = TestApp::new().await;
    let id = app.login_as(Role::Participant).await;
    assert!(app.get("/profile").await.into_string().await.unwrap_or_default().contains("Test Person"));
    let token = sessions::start(&app.state, id, "other device").await.unwrap();
    let read = |hash: String| {
        let state = app.state.clone();
        async move { state.session_reads.read(&state.db.pool, hash).await.unwrap() }
    };
    let found = read(token_hash(&token)).await.expect("the new session is found");
    assert_eq!((found.user.id, found.user.display_name.as_str()), (id, "Test Person"));
    // Changed straight in the database, as another instance would: the next lookup sees it.
    let mut conn = app.conn().await;
    sqlx::query("UPDATE users SET display_name = 'Renamed Person' WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await
        .unwrap();
    assert_eq!(read(token_hash(&token)).await.unwrap().user.display_name, "Renamed Person");
    assert!(app.get("/profile").await.into_string().await.unwrap_or_default().contains("Renamed Person"));
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *conn).await.unwrap();
    drop(conn);
    assert!(read(token_hash(&token)).await.is_none(), "an ended session is not found");
    // The browser's session ended with the others: its next page is a signed-out one.
    let page = app.get("/my").await;
    assert_ne!(page.status(), rocket::http::Status::Ok);
}
