//! Reports: render a [`RunReport`] for people and for tools. Reports
//! render findings and nothing else.

pub mod codequality;
pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod ladder;
pub mod sarif;
pub mod words;

use std::io;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::{Applicability, Severity};
use crate::engine::{LintedFile, RunReport};

/// A report written as a run's files come, so that neither the findings
/// nor the report are held whole: [`ReportWriter::start`], then the
/// files in order, a batch at a time, then [`ReportWriter::finish`].
pub trait ReportWriter: Send {
    /// The opening, given how many files the run lints.
    fn start(&mut self, _files_checked: usize, _out: &mut dyn io::Write) -> io::Result<()> {
        Ok(())
    }

    /// The next files' part of the report.
    fn files(&mut self, files: &[LintedFile], out: &mut dyn io::Write) -> io::Result<()>;

    /// The closing, given the run's totals.
    fn finish(&mut self, _totals: &Totals, _out: &mut dyn io::Write) -> io::Result<()> {
        Ok(())
    }
}

/// Writes the whole of `report` with `writer`.
pub fn write_whole(
    writer: &mut dyn ReportWriter,
    report: &RunReport,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    writer.start(report.files_checked, out)?;
    for batch in report.files.chunks(RENDER_BATCH) {
        writer.files(batch, out)?;
    }
    writer.finish(&Totals::of(report), out)
}

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

/// A JSON array written a file's items at a time, as [`array_items`]
/// renders them: `first` goes before the array's first item, `later`
/// before the first item of each later file that has any.
#[derive(Debug, Default)]
pub(crate) struct ArrayItems {
    written: usize,
}

impl ArrayItems {
    /// Writes a file's `count` items, `text`, with what goes before them.
    pub(crate) fn write(
        &mut self,
        out: &mut dyn io::Write,
        text: &[u8],
        count: usize,
        (first, later): (&[u8], &[u8]),
    ) -> io::Result<()> {
        if count > 0 {
            out.write_all(if self.written == 0 { first } else { later })?;
            out.write_all(text)?;
        }
        self.written += count;
        Ok(())
    }

    /// Whether no item has been written.
    pub(crate) fn is_empty(&self) -> bool {
        self.written == 0
    }
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
    Totals::of(report).summary()
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
    /// Findings with a safe fix.
    pub safe_fixes: usize,
    /// Findings with an unsafe fix.
    pub unsafe_fixes: usize,
}

impl Totals {
    /// The totals of `report`.
    pub fn of(report: &RunReport) -> Totals {
        let mut totals = Totals {
            files_checked: report.files_checked,
            ..Totals::default()
        };
        for file in &report.files {
            totals.add(file);
        }
        totals
    }

    /// Counts `file`'s findings (not the file itself: set `files_checked`).
    pub fn add(&mut self, file: &LintedFile) {
        if !file.findings.is_empty() {
            self.files_with_findings += 1;
        }
        for finding in &file.findings {
            match finding.diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            match finding.diagnostic.fix.as_ref().map(|fix| fix.applicability) {
                Some(Applicability::Safe) => self.safe_fixes += 1,
                Some(Applicability::Unsafe) => self.unsafe_fixes += 1,
                None => {}
            }
        }
    }

    /// Whether some finding is at least as severe as `threshold`.
    pub fn any_at_least(&self, threshold: Severity) -> bool {
        match threshold {
            Severity::Error => self.errors > 0,
            Severity::Warning => self.errors + self.warnings > 0,
            Severity::Info => self.errors + self.warnings + self.infos > 0,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every report format's writer, fresh.
    fn writers() -> Vec<(&'static str, Box<dyn ReportWriter>)> {
        vec![
            ("human", Box::new(human::Writer::new(false, true))),
            ("json", Box::new(json::Writer::with_final_newline())),
            ("codequality", Box::new(codequality::Writer::default())),
            ("junit", Box::new(junit::Writer::default())),
            (
                "sarif",
                Box::new(sarif::Writer::new(crate::engine::catalogue())),
            ),
            ("concise", Box::new(concise::Writer { summary: true })),
            ("github", Box::new(github::Writer)),
        ]
    }

    /// A report written as a run streams it, one file at a time, is the
    /// report written whole, in every format and for every number of
    /// files (none, clean, with findings).
    #[test]
    fn a_report_written_file_by_file_is_the_whole_report() {
        let sources = [
            "a \n",
            "---\ntitle: T\n---\n\nok\n",
            "x\t\ny  \n",
            "teh cat\n",
        ];
        for report in prefix_reports(&sources) {
            let totals = Totals::of(&report);
            for ((name, mut whole), (_, mut streamed)) in writers().into_iter().zip(writers()) {
                let mut expected = Vec::new();
                write_whole(whole.as_mut(), &report, &mut expected).unwrap();
                let mut out = Vec::new();
                streamed.start(report.files_checked, &mut out).unwrap();
                for file in &report.files {
                    streamed
                        .files(std::slice::from_ref(file), &mut out)
                        .unwrap();
                }
                streamed.finish(&totals, &mut out).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&out),
                    String::from_utf8_lossy(&expected),
                    "{name}, {} files",
                    report.files.len()
                );
            }
        }
    }

    #[test]
    fn junit_counts_the_tests_of_every_batch_in_its_opening_tag() {
        let reports = prefix_reports(&["a \nb \n", "---\ntitle: T\n---\n\nok\n"]);
        let report = &reports[2];
        let mut writer = junit::Writer::default();
        let mut out = Vec::new();
        writer.start(2, &mut out).unwrap();
        for file in &report.files {
            writer.files(std::slice::from_ref(file), &mut out).unwrap();
        }
        writer.finish(&Totals::of(report), &mut out).unwrap();
        let text = String::from_utf8_lossy(&out);
        let findings = report.files[0].findings.len();
        assert!(findings >= 2, "{findings}");
        assert!(report.files[1].findings.is_empty());
        let opening = format!("tests=\"{}\" failures=\"{findings}\"", findings + 1);
        assert!(text.contains(&opening), "{text}");
    }

    #[test]
    fn totals_count_severities_and_fixes() {
        let reports = prefix_reports(&["a \n", "x\t\ny  \n"]);
        let totals = Totals::of(&reports[2]);
        let findings: usize = reports[2].files.iter().map(|f| f.findings.len()).sum();
        assert_eq!(totals.errors + totals.warnings + totals.infos, findings);
        assert_eq!(totals.files_with_findings, 2);
        assert!(totals.safe_fixes > 0);
        assert!(totals.any_at_least(Severity::Info));
        assert!(!Totals::default().any_at_least(Severity::Info));
    }
}
