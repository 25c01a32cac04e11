//! `--format codequality`: GitLab's Code Quality report.
//!
//! A JSON array of issues, each with `description`, `check_name`,
//! `fingerprint`, `severity` (`info`, `minor`, `major`, `critical` or
//! `blocker`) and `location.path` with `location.lines.begin`. GitLab
//! compares the fingerprints of the merge request's report with the
//! target branch's to show findings as new or fixed, so a fingerprint
//! must survive edits elsewhere in the page. It hashes the rule, the path,
//! the heading of the enclosing section and the offending text (blanks
//! collapsed), never the line number; true duplicates (same rule, section
//! and text) are told apart by their order of occurrence.

use std::collections::HashMap;

use serde::Serialize;

use super::{ReportWriter, Totals};
use crate::diagnostic::Severity;
use crate::engine::{Finding, LintedFile, RunReport};

#[derive(Serialize)]
struct Issue {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// GitLab's severity for ours.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// Renders the report as a JSON array.
pub fn render(report: &RunReport) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail, and only valid UTF-8 is written.
    let _ = write(report, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes what [`render`] returns to `out`, one file at a time, so the
/// whole report is never held in memory: the array as `serde_json`
/// pretty-prints it whole.
pub fn write(report: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    super::write_whole(&mut Writer::default(), report, out)
}

/// The Code Quality report as a [`ReportWriter`].
#[derive(Debug, Default)]
pub struct Writer {
    issues: super::ArrayItems,
}

impl ReportWriter for Writer {
    fn start(
        &mut self,
        _files_checked: usize,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        out.write_all(b"[")
    }

    fn files(&mut self, files: &[LintedFile], out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let written = &mut self.issues;
        super::each_rendered(
            files,
            |file| (issues(file), file.findings.len()),
            |(text, count)| written.write(out, &text, count, (b"\n  ", b",\n  ")),
        )
    }

    fn finish(&mut self, _totals: &Totals, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(if self.issues.is_empty() {
            b"]\n"
        } else {
            b"\n]\n"
        })
    }
}

/// One file's issues as items of the array, separated by commas, without
/// the separator before the first.
fn issues(file: &LintedFile) -> Vec<u8> {
    let path = super::portable_path(&file.path);
    let fingerprints = fingerprints(&path, file);
    let issues = file
        .findings
        .iter()
        .zip(fingerprints)
        .map(|(finding, fingerprint)| issue(&path, finding, fingerprint));
    super::array_items(issues, b"\n  ")
}

/// The issue for `finding` of the file at `path`.
fn issue(path: &str, finding: &Finding, fingerprint: String) -> Issue {
    let d = &finding.diagnostic;
    Issue {
        kind: "issue",
        description: format!("{} ({})", d.message, d.rule),
        check_name: d.rule,
        fingerprint,
        severity: severity(d.severity),
        location: Location {
            path: path.to_string(),
            lines: Lines {
                begin: finding.start.line,
                end: finding.end.line.max(finding.start.line),
            },
        },
    }
}

/// One fingerprint per finding of `file`, in order.
pub fn fingerprints(path: &str, file: &LintedFile) -> Vec<String> {
    let mut seen: HashMap<(&str, Option<&str>, String), usize> = HashMap::new();
    file.findings
        .iter()
        .map(|finding| {
            let text = offending_text(file, finding);
            let key = (
                finding.diagnostic.rule,
                finding.section.as_deref(),
                text.clone(),
            );
            let occurrence = seen.entry(key).or_insert(0);
            *occurrence += 1;
            let mut hasher = Fnv128::new();
            for part in [
                "handbook-lint/1",
                finding.diagnostic.rule,
                path,
                finding.section.as_deref().unwrap_or(""),
                text.as_str(),
                &occurrence.to_string(),
            ] {
                hasher.write(part.as_bytes());
                hasher.write(&[0x1f]);
            }
            format!("{:032x}", hasher.finish())
        })
        .collect()
}

/// The finding's text with runs of blanks collapsed; when that is empty
/// (a finding about whitespace, or an empty span), the text of the line it
/// is on. Both come from the file's excerpts, which hold a finding's
/// lines whole unless they are very long (then the text around the span).
fn offending_text(file: &LintedFile, finding: &Finding) -> String {
    let span = &finding.diagnostic.span;
    let text = file.text(span.clone()).map(normalise).unwrap_or_default();
    if !text.is_empty() {
        return text;
    }
    let at = file
        .excerpts
        .clamp(span.clone())
        .map_or(span.start, |s| s.start);
    file.excerpts
        .line_text(at)
        .map(normalise)
        .unwrap_or_default()
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a with 128 bits: a fixed, documented hash, so fingerprints stay
/// the same across builds, platforms and compiler releases.
struct Fnv128(u128);

impl Fnv128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;

    fn new() -> Self {
        Fnv128(Self::OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    fn finish(&self) -> u128 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Linter;
    use std::path::Path;
    use std::sync::Arc;

    fn lint(source: &str) -> LintedFile {
        Linter::with_defaults().lint_source(Path::new("jobs/analyst.md"), Arc::new(source.into()))
    }

    /// The streamed text is what serde_json writes for the whole array,
    /// for every prefix of a run with clean and dirty files.
    #[test]
    fn stream_matches_serde_pretty() {
        let sources = [
            "---\ntitle: T\n---\n\nText.\n",
            "Text \n\nMore\u{a0}text \n",
            "---\ntitle: T\n---\n\nClean.\n",
            "# Heading\n\nTODO \n",
        ];
        for report in crate::report::prefix_reports(&sources) {
            let mut whole = Vec::new();
            for file in &report.files {
                let path = crate::report::portable_path(&file.path);
                let prints = fingerprints(&path, file);
                for (finding, print) in file.findings.iter().zip(prints) {
                    whole.push(issue(&path, finding, print));
                }
            }
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(render(&report), expected, "{} files", report.files.len());
        }
    }

    fn prints_of(file: &LintedFile, rule: &str) -> Vec<(usize, String)> {
        let prints = fingerprints("jobs/analyst.md", file);
        file.findings
            .iter()
            .zip(prints)
            .filter(|(f, _)| f.diagnostic.rule == rule)
            .map(|(f, p)| (f.start.line, p))
            .collect()
    }

    const PAGE: &str = "---\ntitle: Analyst\n---\n\nIntro.\n\n## Responsibilities\n\n* Owns reports \n* Writes queries\n";

    #[test]
    fn fnv_matches_the_reference_vectors() {
        let mut h = Fnv128::new();
        h.write(b"");
        assert_eq!(h.finish(), 0x6c62272e07bb014262b821756295c58d);
        let mut h = Fnv128::new();
        h.write(b"a");
        assert_eq!(h.finish(), 0xd228cb696f1a8caf78912b704e4a8964);
    }

    #[test]
    fn inserting_a_line_above_keeps_the_fingerprint() {
        let before = prints_of(&lint(PAGE), "trailing-whitespace");
        let edited = PAGE.replace("Intro.\n", "Intro.\n\nA new paragraph.\n");
        let after = prints_of(&lint(&edited), "trailing-whitespace");
        assert_eq!(before.len(), 1);
        assert_eq!(after.len(), 1);
        assert_ne!(before[0].0, after[0].0, "the line moved");
        assert_eq!(before[0].1, after[0].1, "the fingerprint did not");
    }

    #[test]
    fn duplicates_get_distinct_fingerprints_and_other_text_differs() {
        let page = PAGE.replace("* Writes queries\n", "* Owns reports \n* Writes queries \n");
        let prints = prints_of(&lint(&page), "trailing-whitespace");
        assert_eq!(prints.len(), 3);
        let unique: std::collections::HashSet<_> = prints.iter().map(|p| &p.1).collect();
        assert_eq!(unique.len(), 3);
        // The first duplicate keeps the fingerprint it had alone.
        assert_eq!(
            prints[0].1,
            prints_of(&lint(PAGE), "trailing-whitespace")[0].1
        );
    }

    #[test]
    fn the_section_is_part_of_the_fingerprint() {
        let moved = PAGE.replace("## Responsibilities", "## Requirements");
        assert_ne!(
            prints_of(&lint(PAGE), "trailing-whitespace")[0].1,
            prints_of(&lint(&moved), "trailing-whitespace")[0].1
        );
    }

    #[test]
    fn issues_have_gitlab_fields() {
        let file = lint(PAGE);
        let report = RunReport {
            files_checked: 1,
            files: vec![file],
            catalogue: crate::engine::catalogue(),
        };
        let issues: serde_json::Value = serde_json::from_str(&render(&report)).unwrap();
        let issue = issues
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["check_name"] == "trailing-whitespace")
            .unwrap();
        assert_eq!(issue["severity"], "minor");
        assert_eq!(issue["location"]["path"], "jobs/analyst.md");
        assert_eq!(issue["location"]["lines"]["begin"], 9);
        assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 32);
        assert!(issue["description"].as_str().unwrap().contains("trailing"));
    }
}
