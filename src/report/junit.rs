//! `--format junit`: JUnit XML, as CI servers read test reports.
//!
//! One `<testsuite>` per linted file; one failing `<testcase>` per finding
//! (named `rule at line:column`), or one passing test case for a clean
//! file, so the CI's test view lists every page. Written by hand: the
//! format is small, and the escaping below covers what XML 1.0 requires
//! (markup characters, and control characters XML cannot hold at all).

use std::fmt::Write as _;
use std::io::{Seek, SeekFrom, Write as _};

use tempfile::SpooledTempFile;

use super::{ReportWriter, Totals};
use crate::engine::{LintedFile, RunReport};

/// Renders the report as a JUnit XML document.
pub fn render(report: &RunReport) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail, and only valid UTF-8 is written.
    let _ = write(report, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes what [`render`] returns to `out`, one file at a time, so the
/// whole document is never held in memory.
pub fn write(report: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    super::write_whole(&mut Writer::default(), report, out)
}

/// How much of the test suites [`Writer`] keeps in memory before it
/// moves them to a temporary file.
const SPOOL_IN_MEMORY: usize = 8 << 20;

/// The JUnit document as a [`ReportWriter`]. Its opening tag counts every
/// test, so the test suites wait in a spool (in memory while small, then
/// in an unnamed temporary file) until the last file is in.
pub struct Writer {
    spool: SpooledTempFile,
    tests: usize,
    failures: usize,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer {
            spool: tempfile::spooled_tempfile(SPOOL_IN_MEMORY),
            tests: 0,
            failures: 0,
        }
    }
}

impl ReportWriter for Writer {
    fn files(
        &mut self,
        files: &[LintedFile],
        _out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        self.failures += files.iter().map(|f| f.findings.len()).sum::<usize>();
        self.tests += files.iter().map(|f| f.findings.len().max(1)).sum::<usize>();
        let spool = &mut self.spool;
        super::each_rendered(files, suite, |text| spool.write_all(text.as_bytes()))
    }

    fn finish(&mut self, _totals: &Totals, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let (tests, failures) = (self.tests, self.failures);
        out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
        writeln!(
            out,
            "<testsuites name=\"handbook-lint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
        )?;
        self.spool.seek(SeekFrom::Start(0))?;
        std::io::copy(&mut self.spool, out)?;
        out.write_all(b"</testsuites>\n")
    }
}

/// The `<testsuite>` of one file.
fn suite(file: &LintedFile) -> String {
    let mut out = String::new();
    let path = super::portable_path(&file.path);
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">",
        escape(&path),
        file.findings.len().max(1),
        file.findings.len()
    );
    if file.findings.is_empty() {
        let _ = writeln!(
            out,
            "    <testcase name=\"handbook-lint\" classname=\"{}\" file=\"{}\"/>",
            escape(&path),
            escape(&path)
        );
    }
    for finding in &file.findings {
        let d = &finding.diagnostic;
        let _ = writeln!(
            out,
            "    <testcase name=\"{} at {}:{}\" classname=\"{}\" file=\"{}\" line=\"{}\">",
            escape(d.rule),
            finding.start.line,
            finding.start.column,
            escape(&path),
            escape(&path),
            finding.start.line
        );
        let _ = writeln!(
            out,
            "      <failure message=\"{}\" type=\"{}\">{}:{}:{}: {}[{}] {}</failure>",
            escape(&d.message),
            d.severity.as_str(),
            escape(&path),
            finding.start.line,
            finding.start.column,
            d.severity.as_str(),
            escape(d.rule),
            escape(&d.message)
        );
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n");
    out
}

/// Escapes text for an XML attribute or element. Characters XML 1.0
/// cannot represent at all (most C0 controls, U+FFFE, U+FFFF) become
/// U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
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
    fn escapes_markup_and_controls() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}\n"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\u{FFFD}&#10;"
        );
    }

    #[test]
    fn one_failing_case_per_finding_and_one_passing_case_per_clean_file() {
        let linter = Linter::with_defaults();
        let bad = linter.lint_source(Path::new("a&b.md"), Arc::new("Text \n".into()));
        let findings = bad.findings.len();
        assert!(findings >= 2, "no front matter and trailing whitespace");
        let clean = linter.lint_source(
            Path::new("clean.md"),
            Arc::new("---\ntitle: T\n---\n\nText.\n".into()),
        );
        let clean_findings = clean.findings.len();
        let report = RunReport {
            files_checked: 2,
            files: vec![bad, clean],
            catalogue: crate::engine::catalogue(),
        };
        let xml = render(&report);
        assert_eq!(xml.matches("<failure ").count(), findings + clean_findings);
        assert!(xml.contains("<testsuite name=\"a&amp;b.md\""));
        assert!(xml.contains("name=\"trailing-whitespace at 1:5\""));
        assert_eq!(xml.matches("<testsuite ").count(), 2);
        assert_eq!(
            xml.matches("<testsuite ").count(),
            xml.matches("</testsuite>").count()
        );
    }
}
