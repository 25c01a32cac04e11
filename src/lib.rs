//! handbook-lint: a linter for company-handbook job-family pages.
//!
//! The crate is layered, and dependencies point one way: [`cli`] ->
//! [`engine`] -> [`rules`] -> ([`family`], [`site`]) -> [`document`]. The
//! document model parses one page; the job-family model reads its levels
//! and grades; the site index knows the whole content tree's pages and
//! anchors; rules read models and return [`diagnostic::Diagnostic`]s; the
//! engine finds files, runs the rules in parallel and applies configuration
//! and suppressions; [`report`] renders the results. [`cli`] and [`lsp`]
//! are the two front ends. `ARCHITECTURE.md` follows a page through these
//! layers and says how to add a rule, a report format or a configuration
//! key.

#![warn(missing_docs)]

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod family;
pub mod lsp;
pub mod memo;
pub mod pattern;
pub mod report;
pub mod rules;
pub mod site;
#[cfg(test)]
mod testing;
