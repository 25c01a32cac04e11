//! `--format concise`: one line per finding,
//! `path:line:column: severity [rule] message`, for editors' quickfix
//! lists and grep; then the summary.

use std::io;

use super::{ReportWriter, Totals};
use crate::engine::{LintedFile, RunReport};

/// Writes every finding, one a line, then the summary line.
pub fn write(report: &RunReport, out: &mut dyn io::Write) -> io::Result<()> {
    super::write_whole(&mut Writer { summary: true }, report, out)
}

/// The concise report as a [`ReportWriter`].
pub struct Writer {
    /// Whether the summary line closes the report.
    pub summary: bool,
}

impl ReportWriter for Writer {
    fn files(&mut self, files: &[LintedFile], out: &mut dyn io::Write) -> io::Result<()> {
        super::each_rendered(files, file_lines, |text| out.write_all(text.as_bytes()))
    }

    fn finish(&mut self, totals: &Totals, out: &mut dyn io::Write) -> io::Result<()> {
        if self.summary {
            writeln!(out, "{}", totals.summary())?;
        }
        Ok(())
    }
}

/// The lines of one file's findings.
pub fn file_lines(file: &LintedFile) -> String {
    let path = super::portable_path(&file.path);
    let mut out = String::new();
    for finding in &file.findings {
        let d = &finding.diagnostic;
        out.push_str(&format!(
            "{path}:{}:{}: {} [{}] {}\n",
            finding.start.line,
            finding.start.column,
            d.severity,
            d.rule,
            one_line(&d.message)
        ));
    }
    out
}

/// `text` with its line breaks as spaces.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(one_line("first\nsecond\r\nthird"), "first second third");
    }
}
