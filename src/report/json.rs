//! `--format json`: the diagnostics contract.
//!
//! `{"version": 1, "files_checked": N, "diagnostics": [...]}`, each
//! diagnostic with path, rule, severity, message, 1-based line and column
//! (in characters), end_line, end_column, 0-based byte offsets, and
//! suggestions and fix where the rule has them. Ordered by path, then
//! position.

use serde::Serialize;

use super::{ReportWriter, Totals};
use crate::diagnostic::{Applicability, Edit, Severity};
use crate::engine::{Finding, LintedFile, RunReport};

/// The whole report, as [`Writer`] writes it (checked by the tests).
#[cfg(test)]
#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files_checked: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    suggestions: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
    description: &'a str,
    applicability: Applicability,
    #[serde(skip_serializing_if = "<[Edit]>::is_empty")]
    more_edits: &'a [Edit],
}

fn diagnostic<'a>(path: &'a str, finding: &'a Finding) -> JsonDiagnostic<'a> {
    let d = &finding.diagnostic;
    let fix = d.fix.as_ref().and_then(|fix| {
        let (first, rest) = fix.edits.split_first()?;
        Some(JsonFix {
            byte_start: first.byte_start,
            byte_end: first.byte_end,
            replacement: &first.replacement,
            description: &fix.description,
            applicability: fix.applicability,
            more_edits: rest,
        })
    });
    JsonDiagnostic {
        path,
        rule: d.rule,
        severity: d.severity,
        message: &d.message,
        line: finding.start.line,
        column: finding.start.column,
        end_line: finding.end.line,
        end_column: finding.end.column,
        byte_start: d.span.start,
        byte_end: d.span.end,
        suggestions: &d.suggestions,
        fix,
    }
}

/// Renders the report as pretty-printed JSON.
pub fn render(report: &RunReport) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail, and only valid UTF-8 is written.
    let _ = write(report, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes what [`render`] returns to `out`, one file at a time, so the
/// whole report is never held in memory.
pub fn write(report: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    super::write_whole(&mut Writer::default(), report, out)
}

/// The JSON report as a [`ReportWriter`].
#[derive(Debug, Default)]
pub struct Writer {
    diagnostics: super::ArrayItems,
    /// Whether a line break ends the document.
    final_newline: bool,
}

impl Writer {
    /// A writer that ends the document with a line break, as a file
    /// ends.
    pub fn with_final_newline() -> Writer {
        Writer {
            final_newline: true,
            ..Writer::default()
        }
    }
}

impl ReportWriter for Writer {
    fn start(&mut self, files_checked: usize, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        write!(
            out,
            "{{\n  \"version\": 1,\n  \"files_checked\": {files_checked},\n  \"diagnostics\": ["
        )
    }

    fn files(&mut self, files: &[LintedFile], out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let written = &mut self.diagnostics;
        super::each_rendered(
            files,
            |file| (items(file), file.findings.len()),
            |(text, count)| written.write(out, &text, count, (b"\n    ", b",\n    ")),
        )
    }

    fn finish(&mut self, _totals: &Totals, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(if self.diagnostics.is_empty() {
            b"]\n}"
        } else {
            b"\n  ]\n}"
        })?;
        if self.final_newline {
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// One file's diagnostics as items of the array, separated by commas,
/// without the separator before the first.
fn items(file: &LintedFile) -> Vec<u8> {
    let path = file.path.to_string_lossy();
    let diagnostics = file.findings.iter().map(|f| diagnostic(&path, f));
    super::array_items(diagnostics, b"\n    ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streamed text is what serde_json writes for the whole report.
    #[test]
    fn stream_matches_serde_pretty() {
        let sources = ["a \n", "---\ntitle: T\n---\n\nok\n", "x\t\ny  \n"];
        for report in crate::report::prefix_reports(&sources) {
            let paths: Vec<_> = report
                .files
                .iter()
                .map(|f| f.path.to_string_lossy())
                .collect();
            let mut diagnostics = Vec::new();
            for (file, path) in report.files.iter().zip(&paths) {
                diagnostics.extend(file.findings.iter().map(|f| diagnostic(path, f)));
            }
            let whole = Report {
                version: 1,
                files_checked: report.files_checked,
                diagnostics,
            };
            let expected = serde_json::to_string_pretty(&whole).unwrap();
            assert_eq!(render(&report), expected);
        }
    }
}
