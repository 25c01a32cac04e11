//! `--format json`: the diagnostics contract.
//!
//! `{"version": 1, "files_checked": N, "diagnostics": [...]}`, each
//! diagnostic with path, rule, severity, message, 1-based line and column
//! (in characters), end_line, end_column, 0-based byte offsets, and
//! suggestions and fix where the rule has them. Ordered by path, then
//! position.

use serde::Serialize;

use crate::diagnostic::{Applicability, Edit, Severity};
use crate::engine::{Finding, RunReport};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files_checked: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: String,
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

fn diagnostic<'a>(path: &str, finding: &'a Finding) -> JsonDiagnostic<'a> {
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
        path: path.to_string(),
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
    let mut diagnostics = Vec::new();
    for file in &report.files {
        let path = file.path.to_string_lossy();
        diagnostics.extend(file.findings.iter().map(|f| diagnostic(&path, f)));
    }
    let report = Report {
        version: 1,
        files_checked: report.files_checked,
        diagnostics,
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"))
}
