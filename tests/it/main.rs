//! The integration tests: one binary, the real app per test.

mod support;

mod accounts;
mod admin;
mod api;
mod attendance;
mod attendance_import;
mod audit_log;
mod authorization;
mod calendar;
mod catalogs;
mod certificate_pdf;
mod certificates;
mod cli;
mod content;
mod content_cache;
mod demo_scale;
mod editions;
mod enrollment;
mod enrollment_web;
mod health;
mod learning;
mod mail;
mod materials;
mod materials_api;
mod people_cache;
mod profile;
mod read_together;
mod reports;
mod schema;
mod storage;
mod survey;
mod trainer_view;
mod web_shell;
