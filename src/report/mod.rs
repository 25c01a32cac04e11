//! Reports: render a [`RunReport`] for people and for tools. Reports
//! render findings and nothing else.

pub mod codequality;
pub mod human;
pub mod json;
pub mod junit;
pub mod ladder;
pub mod sarif;
pub mod words;

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::Severity;
use crate::engine::{LintedFile, RunReport};

/// How many files [`each_rendered`] renders in parallel before it writes
/// them: enough to keep every core busy, few enough that the rendered
/// text of one batch stays small.
const RENDER_BATCH: usize = 256;

/// Renders `files` in parallel, a batch at a time, and hands each result
/// to `write` in the order of `files`: a report is written file by file,
/// never held whole in memory.
pub(crate) fn each_rendered<T: Send>(
    files: &[LintedFile],
    render: impl Fn(&LintedFile) -> T + Sync,
    mut write: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for batch in files.chunks(RENDER_BATCH) {
        let rendered: Vec<T> = batch.par_iter().map(&render).collect();
        for item in rendered {
            write(item)?;
        }
    }
    Ok(())
}

/// Appends `text` to `out` with each line break replaced by `newline`
/// (a line break and the indentation of an item nested in an array):
/// an item as `serde_json` pretty-prints it alone, placed in the whole.
/// JSON strings hold no raw line break, so this only touches the layout.
pub(crate) fn indent_into(out: &mut Vec<u8>, text: &[u8], newline: &[u8]) {
    let mut rest = text;
    while let Some(i) = memchr::memchr(b'\n', rest) {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(newline);
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
}

/// `items` pretty-printed as elements of a JSON array nested at the
/// depth `newline` gives (a line break and the indentation): separated by
/// a comma and `newline`, with nothing before the first. An item that
/// cannot be serialised becomes `{"error": "…"}`.
pub(crate) fn array_items<T: serde::Serialize>(
    items: impl IntoIterator<Item = T>,
    newline: &[u8],
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut item = Vec::new();
    for (i, value) in items.into_iter().enumerate() {
        item.clear();
        if let Err(err) = serde_json::to_writer_pretty(&mut item, &value) {
            item.clear();
            item.extend_from_slice(format!("{{\"error\": \"{err}\"}}").as_bytes());
        }
        if i > 0 {
            out.push(b',');
            out.extend_from_slice(newline);
        }
        indent_into(&mut out, &item, newline);
    }
    out
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

/// Runs over `sources` (linted with the default rules as `0.md`, `1.md`,
/// …): one report for each prefix, from no file to all of them.
#[cfg(test)]
pub(crate) fn prefix_reports(sources: &[&str]) -> Vec<RunReport> {
    let linter = crate::engine::Linter::with_defaults();
    let files: Vec<LintedFile> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let path = std::path::PathBuf::from(format!("{i}.md"));
            linter.lint_source(&path, std::sync::Arc::new(s.to_string()))
        })
        .collect();
    (0..=files.len())
        .map(|n| RunReport {
            files_checked: n,
            files: files[..n].to_vec(),
            catalogue: crate::engine::catalogue(),
        })
        .collect()
}
