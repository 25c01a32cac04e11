//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards.
//!
//! One run; the tool's rules (the run report's catalogue) with id, name,
//! short and full description, help text and default level; one result per finding with its region
//! (1-based lines and columns, columns counted in Unicode code points as
//! the run's `columnKind` says), a line-independent partial fingerprint,
//! and the fix as a replacement where the rule has one. Written with
//! `serde_json` directly: the document is small and fixed.

use serde_json::{json, Value};

use super::{ReportWriter, Totals};
use crate::diagnostic::Severity;
use crate::engine::{Finding, LintedFile, RuleInfo, RunReport};

/// The SARIF level for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Renders the report as a SARIF 2.1.0 log.
pub fn render(report: &RunReport) -> String {
    let mut out = Vec::new();
    match write(report, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(_) => "{}\n".to_string(),
    }
}

/// The results of one file as items of the results array, each after a
/// line break and the array's indentation, separated by commas; with how
/// many there are.
fn file_results(file: &LintedFile, catalogue: &[RuleInfo]) -> std::io::Result<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    let mut count = 0;
    for result in results(file, catalogue) {
        let text = serde_json::to_vec_pretty(&result).map_err(std::io::Error::other)?;
        if count > 0 {
            out.push(b',');
        }
        out.extend_from_slice(RESULT_INDENT.as_bytes());
        super::indent_into(&mut out, &text, RESULT_INDENT.as_bytes());
        count += 1;
    }
    Ok((out, count))
}

/// The results array as the log's pretty-printed text first has it,
/// before [`write`] fills it in.
const NO_RESULTS: &str = "\"results\": []";

/// How deep the results are indented in the log.
const RESULT_INDENT: &str = "\n        ";

/// Writes what [`render`] returns to `out`, one file's results at a
/// time, so that neither the log nor its results are held whole.
pub fn write(report: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    super::write_whole(&mut Writer::new(report.catalogue), report, out)
}

/// The SARIF log as a [`ReportWriter`].
pub struct Writer {
    catalogue: &'static [RuleInfo],
    /// The log after its results array.
    tail: String,
    results: super::ArrayItems,
}

impl Writer {
    /// A log with `catalogue` as the tool's rules.
    pub fn new(catalogue: &'static [RuleInfo]) -> Writer {
        Writer {
            catalogue,
            tail: String::new(),
            results: super::ArrayItems::default(),
        }
    }
}

impl ReportWriter for Writer {
    fn start(
        &mut self,
        _files_checked: usize,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let text =
            serde_json::to_string_pretty(&log(self.catalogue)).map_err(std::io::Error::other)?;
        let (head, tail) = text
            .split_once(NO_RESULTS)
            .ok_or_else(|| std::io::Error::other("no results array in the SARIF log"))?;
        out.write_all(head.as_bytes())?;
        out.write_all(b"\"results\": [")?;
        self.tail = tail.to_string();
        Ok(())
    }

    fn files(&mut self, files: &[LintedFile], out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let catalogue = self.catalogue;
        let written = &mut self.results;
        let render = |file: &LintedFile| file_results(file, catalogue);
        super::each_rendered(files, render, |rendered| {
            let (text, count) = rendered?;
            written.write(out, &text, count, (b"", b","))
        })
    }

    fn finish(&mut self, _totals: &Totals, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        if !self.results.is_empty() {
            out.write_all(b"\n      ")?;
        }
        out.write_all(b"]")?;
        out.write_all(self.tail.as_bytes())?;
        out.write_all(b"\n")
    }
}

/// The log with `catalogue` as the tool's rules and an empty results
/// array.
fn log(catalogue: &[RuleInfo]) -> Value {
    let rule_list: Vec<Value> = catalogue
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.id,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.docs.split("\n\n").next().unwrap_or(rule.summary).replace('\n', " ") },
                "help": { "text": rule.docs, "markdown": rule.docs },
                "defaultConfiguration": { "level": level(rule.default_severity) },
                "properties": { "tags": [rule.group] },
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "handbook-lint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rule_list,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": [],
        }]
    })
}

/// The results of one file's findings; `ruleIndex` points into
/// `catalogue`.
fn results(file: &LintedFile, catalogue: &[RuleInfo]) -> Vec<Value> {
    let path = super::portable_path(&file.path);
    let prints = super::codequality::fingerprints(&path, file);
    file.findings
        .iter()
        .zip(prints)
        .map(|(finding, print)| result(&path, finding, print, catalogue))
        .collect()
}

/// One finding as a SARIF result.
fn result(path: &str, finding: &Finding, print: String, catalogue: &[RuleInfo]) -> Value {
    let d = &finding.diagnostic;
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": d.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri_reference(path) },
                "region": {
                    "startLine": finding.start.line,
                    "startColumn": finding.start.column,
                    "endLine": finding.end.line,
                    "endColumn": finding.end.column,
                    "charOffset": finding.chars.start,
                    "charLength": finding.chars.end - finding.chars.start,
                }
            }
        }],
        "partialFingerprints": { "handbookLint/v1": print },
    });
    if let Some(index) = catalogue.iter().position(|r| r.id == d.rule) {
        result["ruleIndex"] = json!(index);
    }
    if let Some(fix) = &d.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                json!({
                    "deletedRegion": { "byteOffset": e.byte_start, "byteLength": e.byte_end - e.byte_start },
                    "insertedContent": { "text": e.replacement },
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": fix.description },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri_reference(path) },
                "replacements": replacements,
            }],
        }]);
    }
    result
}

/// A relative path as a URI reference: characters outside the unreserved
/// set and `/` are percent-encoded.
fn uri_reference(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Linter;
    use std::path::Path;
    use std::sync::Arc;

    #[test]
    fn a_report_without_findings_has_an_empty_results_array() {
        let log: serde_json::Value = serde_json::from_str(&render(&RunReport::default())).unwrap();
        assert_eq!(log["runs"][0]["results"], json!([]));
        assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "handbook-lint");
    }

    #[test]
    fn results_of_several_files_form_one_array() {
        let linter = Linter::with_defaults();
        let files = ["a.md", "b.md"]
            .map(|name| linter.lint_source(Path::new(name), Arc::new("Text \n".into())));
        let count: usize = files.iter().map(|f| f.findings.len()).sum();
        let report = RunReport {
            files_checked: 2,
            files: files.to_vec(),
            catalogue: crate::engine::catalogue(),
        };
        let log: serde_json::Value = serde_json::from_str(&render(&report)).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), count);
        assert!(count >= 2);
    }

    #[test]
    fn results_have_rules_and_regions() {
        let file = Linter::with_defaults().lint_source(
            Path::new("jobs/data analyst.md"),
            Arc::new("---\ntitle: T\n---\n\nÉtude \n".into()),
        );
        let report = RunReport {
            files_checked: 1,
            files: vec![file],
            catalogue: crate::engine::catalogue(),
        };
        let log: Value = serde_json::from_str(&render(&report)).unwrap();
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), crate::engine::catalogue().len());
        let result = run["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ruleId"] == "trailing-whitespace")
            .unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], "trailing-whitespace");
        assert!(rules[index]["shortDescription"]["text"].is_string());
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "jobs/data%20analyst.md"
        );
        let region = &location["region"];
        assert_eq!(region["startLine"], 5);
        assert_eq!(region["startColumn"], 6);
        assert_eq!(region["endColumn"], 7);
        assert_eq!(result["level"], "warning");
        assert!(result["fixes"][0]["artifactChanges"][0]["replacements"].is_array());
    }
}
