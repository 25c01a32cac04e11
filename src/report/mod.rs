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
use crate::engine::{LintedFile, RunReport};

/// How many files the streaming reports render in parallel before they
/// write them, in order: enough to keep every core busy, few enough that
/// the rendered text of one batch stays small.
pub(crate) const RENDER_BATCH: usize = 256;

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
    let mut totals = Totals {
        files_checked: report.files_checked,
        ..Totals::default()
    };
    for file in &report.files {
        totals.add(file);
    }
    totals.summary()
}

/// Counts kept while files are reported one by one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Files linted.
    pub files_checked: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
}

impl Totals {
    /// Counts `file`'s findings (not the file itself: set `files_checked`).
    pub fn add(&mut self, file: &LintedFile) {
        if !file.findings.is_empty() {
            self.files_with_findings += 1;
        }
        self.errors += file.count(Severity::Error);
        self.warnings += file.count(Severity::Warning);
        self.infos += file.count(Severity::Info);
    }

    /// The one-line summary.
    pub fn summary(&self) -> String {
        let counts = [
            (self.errors, "error", "errors"),
            (self.warnings, "warning", "warnings"),
            (self.infos, "note", "notes"),
        ];
        let parts: Vec<String> = counts
            .iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect();
        let files = plural(self.files_checked, "file", "files");
        if parts.is_empty() {
            format!("no problems in {files}")
        } else {
            format!(
                "{} in {} of {files}",
                parts.join(", "),
                self.files_with_findings
            )
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
