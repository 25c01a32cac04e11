//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards.
//!
//! One run; the tool's rules with id, name, short and full description,
//! help URI and default level; one result per finding with its region
//! (1-based lines and columns, columns counted in Unicode code points as
//! the run's `columnKind` says), a line-independent partial fingerprint,
//! and the fix as a replacement where the rule has one. Written with
//! `serde_json` directly: the document is small and fixed.

use serde_json::{json, Value};

use crate::diagnostic::Severity;
use crate::engine::RunReport;
use crate::rules;

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
    let rule_list: Vec<Value> = rules::ALL
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.id,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.docs.split("\n\n").next().unwrap_or(rule.summary).replace('\n', " ") },
                "help": { "text": rule.docs, "markdown": rule.docs },
                "helpUri": super::rule_docs_url(rule.id),
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": { "tags": [rule.group.name()] },
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in &report.files {
        let path = super::portable_path(&file.path);
        let prints = super::codequality::fingerprints(&path, file);
        for (finding, print) in file.findings.iter().zip(prints) {
            let d = &finding.diagnostic;
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri_reference(&path) },
                        "region": {
                            "startLine": finding.start.line,
                            "startColumn": finding.start.column,
                            "endLine": finding.end.line,
                            "endColumn": finding.end.column,
                            "charOffset": d.span.start,
                            "charLength": d.span.len(),
                        }
                    }
                }],
                "partialFingerprints": { "handbookLint/v1": print },
            });
            if let Some(index) = rules::ALL.iter().position(|r| r.id == d.rule) {
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
                        "artifactLocation": { "uri": uri_reference(&path) },
                        "replacements": replacements,
                    }],
                }]);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "handbook-lint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": super::DOCS_URL,
                    "rules": rule_list,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_string()) + "\n"
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
    fn results_have_rules_and_regions() {
        let file = Linter::with_defaults().lint_source(
            Path::new("jobs/data analyst.md"),
            Arc::new("---\ntitle: T\n---\n\nÉtude \n".into()),
        );
        let report = RunReport {
            files_checked: 1,
            files: vec![file],
        };
        let log: Value = serde_json::from_str(&render(&report)).unwrap();
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), rules::ALL.len());
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
