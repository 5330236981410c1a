//! wta-academy: the training-workshop and e-learning system of the UNESCO-WTA International
//! Training Workshop and the Global Innovation Forum.

pub mod app;
pub mod cli;
pub mod config;
pub mod content;
pub mod db;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod pdf;
pub mod repo;
pub mod services;
pub mod state;
pub mod storage;
pub mod web;
