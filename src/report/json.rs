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
    let mut out = Vec::new();
    for (i, finding) in file.findings.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n    ");
        }
        write_diagnostic(&mut out, &diagnostic(&path, finding));
    }
    out
}

/// Writes `d` as an item of the report's array, byte for byte as
/// serde_json's pretty printer writes it there. The printer went through
/// serde for every key and value and then indented its text again: 3%
/// of a run over real pages, which have many findings.
fn write_diagnostic(out: &mut Vec<u8>, d: &JsonDiagnostic<'_>) {
    const FIELD: &[u8] = b"\n      ";
    out.push(b'{');
    string_field(out, FIELD, "path", d.path, true);
    string_field(out, FIELD, "rule", d.rule, false);
    string_field(out, FIELD, "severity", d.severity.as_str(), false);
    string_field(out, FIELD, "message", d.message, false);
    number_field(out, FIELD, "line", d.line, false);
    number_field(out, FIELD, "column", d.column, false);
    number_field(out, FIELD, "end_line", d.end_line, false);
    number_field(out, FIELD, "end_column", d.end_column, false);
    number_field(out, FIELD, "byte_start", d.byte_start, false);
    number_field(out, FIELD, "byte_end", d.byte_end, false);
    if !d.suggestions.is_empty() {
        array_field(
            out,
            FIELD,
            "suggestions",
            d.suggestions,
            b"\n        ",
            |out, s| string(out, s),
        );
    }
    if let Some(fix) = &d.fix {
        write_fix(out, fix);
    }
    out.extend_from_slice(b"\n    }");
}

/// Writes the `fix` field of a diagnostic (see [`write_diagnostic`]).
fn write_fix(out: &mut Vec<u8>, fix: &JsonFix<'_>) {
    const FIELD: &[u8] = b"\n        ";
    key(out, b"\n      ", "fix", false);
    out.push(b'{');
    number_field(out, FIELD, "byte_start", fix.byte_start, true);
    number_field(out, FIELD, "byte_end", fix.byte_end, false);
    string_field(out, FIELD, "replacement", fix.replacement, false);
    string_field(out, FIELD, "description", fix.description, false);
    let applicability = match fix.applicability {
        Applicability::Safe => "safe",
        Applicability::Unsafe => "unsafe",
    };
    string_field(out, FIELD, "applicability", applicability, false);
    if !fix.more_edits.is_empty() {
        const EDIT_FIELD: &[u8] = b"\n            ";
        array_field(
            out,
            FIELD,
            "more_edits",
            fix.more_edits,
            b"\n          ",
            |out, edit| {
                out.push(b'{');
                number_field(out, EDIT_FIELD, "byte_start", edit.byte_start, true);
                number_field(out, EDIT_FIELD, "byte_end", edit.byte_end, false);
                string_field(out, EDIT_FIELD, "replacement", &edit.replacement, false);
                out.extend_from_slice(b"\n          }");
            },
        );
    }
    out.extend_from_slice(b"\n      }");
}

/// Writes a key: a comma unless it is the object's first, the line break
/// and indentation `newline`, the name, and `: `.
fn key(out: &mut Vec<u8>, newline: &[u8], name: &str, first: bool) {
    if !first {
        out.push(b',');
    }
    out.extend_from_slice(newline);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
}

/// Writes a field (never an object's first) whose value is an array of
/// `items`: each on a line of its own after `item_newline`, written by
/// `write_item`, and the closing bracket after `newline`, the field's own.
fn array_field<T>(
    out: &mut Vec<u8>,
    newline: &[u8],
    name: &str,
    items: &[T],
    item_newline: &[u8],
    mut write_item: impl FnMut(&mut Vec<u8>, &T),
) {
    key(out, newline, name, false);
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(item_newline);
        write_item(out, item);
    }
    out.extend_from_slice(newline);
    out.push(b']');
}

/// Writes a field whose value is a string (see [`key`]).
fn string_field(out: &mut Vec<u8>, newline: &[u8], name: &str, value: &str, first: bool) {
    key(out, newline, name, first);
    string(out, value);
}

/// Writes a field whose value is a number (see [`key`]).
fn number_field(out: &mut Vec<u8>, newline: &[u8], name: &str, value: usize, first: bool) {
    key(out, newline, name, first);
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = value;
    loop {
        at -= 1;
        // A digit is below 10.
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Writes `text` as a JSON string. Text with nothing to escape, most of
/// it, is copied whole; other text is escaped by serde_json.
fn string(out: &mut Vec<u8>, text: &str) {
    if !needs_escape(text) {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    } else if serde_json::to_writer(&mut *out, text).is_err() {
        // Writing into memory cannot fail; an empty string keeps the
        // document valid if it ever did.
        out.extend_from_slice(b"\"\"");
    }
}

/// Whether `text` holds a byte JSON escapes: a control character, `"`
/// or `\`. Every byte is read, without stopping at the first such byte:
/// a loop the compiler turns into vector instructions, faster on the
/// short texts of a report than one that stops early.
fn needs_escape(text: &str) -> bool {
    text.bytes().fold(false, |found, b| {
        found | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_is_written_as_serde_pretty_writes_it() {
        let texts = [
            "",
            "plain words",
            "a \"quote\"",
            "a \\ backslash",
            "tab\tline\nreturn\r",
            "\u{1}\u{8}\u{c}\u{1f}\u{7f}",
            "\u{1f}",
            "\u{7f}",
            "é ✓ \u{2028} 😀",
            "</script>",
        ];
        let numbers = [0, 1, 9, 10, 4096, 1_000_000_007, usize::MAX];
        let mut random = crate::testing::Lcg(17);
        let text = |random: &mut crate::testing::Lcg| texts[random.below(texts.len())];
        for _ in 0..3000 {
            let number = |random: &mut crate::testing::Lcg| numbers[random.below(numbers.len())];
            let suggestions: Vec<String> = (0..random.below(4))
                .map(|_| text(&mut random).to_string())
                .collect();
            let more_edits: Vec<Edit> = (0..random.below(3))
                .map(|_| Edit {
                    byte_start: number(&mut random),
                    byte_end: number(&mut random),
                    replacement: text(&mut random).to_string(),
                })
                .collect();
            let fix = (random.below(2) == 0).then(|| JsonFix {
                byte_start: number(&mut random),
                byte_end: number(&mut random),
                replacement: text(&mut random),
                description: text(&mut random),
                applicability: [Applicability::Safe, Applicability::Unsafe][random.below(2)],
                more_edits: &more_edits,
            });
            let d = JsonDiagnostic {
                path: text(&mut random),
                rule: text(&mut random),
                severity: [Severity::Info, Severity::Warning, Severity::Error][random.below(3)],
                message: text(&mut random),
                line: number(&mut random),
                column: number(&mut random),
                end_line: number(&mut random),
                end_column: number(&mut random),
                byte_start: number(&mut random),
                byte_end: number(&mut random),
                suggestions: &suggestions,
                fix,
            };
            let mut written = Vec::new();
            write_diagnostic(&mut written, &d);
            let expected = crate::report::array_items([&d], b"\n    ");
            assert_eq!(
                String::from_utf8_lossy(&written),
                String::from_utf8_lossy(&expected)
            );
        }
    }

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
