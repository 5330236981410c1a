//! The integration tests: one binary, the real app per test.

mod support;

mod accounts;
mod admin;
mod api;
mod authorization;
mod catalogs;
mod cli;
mod content;
mod learning;
mod editions;
mod calendar;
mod health;
mod mail;
mod profile;
mod schema;
mod web_shell;
