//! `--format github`: GitHub Actions workflow commands, one a line
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`),
//! which the runner turns into annotations on the pull request.

use std::io;

use super::ReportWriter;
use crate::diagnostic::Severity;
use crate::engine::{LintedFile, RunReport};

/// Writes one workflow command per finding.
pub fn write(report: &RunReport, out: &mut dyn io::Write) -> io::Result<()> {
    super::write_whole(&mut Writer, report, out)
}

/// The workflow commands as a [`ReportWriter`].
pub struct Writer;

impl ReportWriter for Writer {
    fn files(&mut self, files: &[LintedFile], out: &mut dyn io::Write) -> io::Result<()> {
        super::each_rendered(files, file_commands, |text| out.write_all(text.as_bytes()))
    }
}

/// The workflow commands of one file's findings.
pub fn file_commands(file: &LintedFile) -> String {
    let path = super::portable_path(&file.path);
    let mut out = String::new();
    for finding in &file.findings {
        let d = &finding.diagnostic;
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(&path),
            finding.start.line,
            finding.start.column,
            finding.end.line,
            finding.end.column,
            property(&format!("handbook-lint {}", d.rule)),
            data(&d.message)
        ));
    }
    out
}

/// A command's message, escaped as the runner reads it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value, escaped as the runner reads it.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_workflow_command_rules() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
