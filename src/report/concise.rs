//! `--format concise`: one line per finding,
//! `path:line:column: severity [rule] message`, for editors' quickfix
//! lists and grep; then the summary.

use std::io;

use crate::engine::{LintedFile, RunReport};

/// Writes every finding, one a line, then the summary line.
pub fn write(report: &RunReport, out: &mut dyn io::Write) -> io::Result<()> {
    super::each_rendered(&report.files, file_lines, |text| {
        out.write_all(text.as_bytes())
    })?;
    writeln!(out, "{}", super::summary(report))
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
