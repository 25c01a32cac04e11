//! Reports: render a [`RunReport`] for people and for tools. Reports
//! render findings and nothing else.

pub mod codequality;
pub mod human;
pub mod json;
pub mod junit;
pub mod ladder;
pub mod sarif;

use std::path::Path;

use crate::diagnostic::Severity;
use crate::engine::RunReport;

/// Where a rule's documentation lives on the web: the README's rule
/// catalogue, which has one heading per rule id, so the rule id is the
/// anchor. Editors show it as the link of a diagnostic's code; SARIF
/// gives it as the rule's help URI. `handbook-lint explain RULE` prints
/// the same text offline.
pub const DOCS_URL: &str = "https://crates.io/crates/handbook-lint";

/// The documentation link of rule `id`: `<DOCS_URL>#<id>`.
pub fn rule_docs_url(id: &str) -> String {
    format!("{DOCS_URL}#{id}")
}

/// A path as reports give it: forward slashes, no leading `./`.
pub fn portable_path(path: &Path) -> String {
    let mut text = path.to_string_lossy().into_owned();
    if cfg!(windows) {
        text = text.replace('\\', "/");
    }
    let mut rest = text.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_string()
}

/// The one-line summary: "3 errors, 5 warnings in 2 of 40 files".
pub fn summary(report: &RunReport) -> String {
    let counts = [
        (report.count(Severity::Error), "error", "errors"),
        (report.count(Severity::Warning), "warning", "warnings"),
        (report.count(Severity::Info), "note", "notes"),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    let files = plural(report.files_checked, "file", "files");
    if parts.is_empty() {
        format!("no problems in {files}")
    } else {
        format!(
            "{} in {} of {files}",
            parts.join(", "),
            report.files_with_findings()
        )
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
