//! handbook-lint: a linter for company-handbook job-family pages.
//!
//! The crate is layered, and dependencies point one way: [`cli`] ->
//! [`engine`] -> [`rules`] -> [`document`]. The document model parses one
//! page; rules read models and return [`diagnostic::Diagnostic`]s; the
//! engine finds files, runs the rules in parallel and applies configuration
//! and suppressions; [`report`] renders the results.

#![warn(missing_docs)]

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod pattern;
pub mod report;
pub mod rules;
