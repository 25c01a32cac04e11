//! Reports: render a [`RunReport`] for people and for tools. Reports
//! render findings and nothing else.

pub mod human;
pub mod json;
pub mod ladder;

use crate::diagnostic::Severity;
use crate::engine::RunReport;

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
