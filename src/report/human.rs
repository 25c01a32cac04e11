//! `--format human`: miette's annotated report, one per finding, each
//! headed by its severity and rule and followed by a blank line; then the
//! summary and how many findings `--fix` and `--unsafe-fixes` would fix.

use std::fmt;
use std::io;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use crate::diagnostic::{Applicability, Severity};
use crate::engine::excerpt::CONTEXT_LINES;
use crate::engine::{Excerpts, Finding, LintedFile, RunReport};
use crate::report::{ReportWriter, Totals};

/// Renders every finding, then the summary line.
pub fn render(report: &RunReport, color: bool) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(report, color, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes what [`render`] returns to `out`, one file at a time, so the
/// whole report is never held in memory.
pub fn write(report: &RunReport, color: bool, out: &mut dyn io::Write) -> io::Result<()> {
    super::write_whole(&mut Writer::new(color, true), report, out)
}

/// The human report as a [`ReportWriter`].
pub struct Writer {
    renderer: Renderer,
    summary: bool,
}

impl Writer {
    /// With or without colour, and with or without the closing summary.
    pub fn new(color: bool, summary: bool) -> Writer {
        Writer {
            renderer: Renderer::new(color),
            summary,
        }
    }
}

impl ReportWriter for Writer {
    fn files(&mut self, files: &[LintedFile], out: &mut dyn io::Write) -> io::Result<()> {
        let renderer = &self.renderer;
        super::each_rendered(
            files,
            |file| renderer.file(file),
            |text| out.write_all(text.as_bytes()),
        )
    }

    fn finish(&mut self, totals: &Totals, out: &mut dyn io::Write) -> io::Result<()> {
        if !self.summary {
            return Ok(());
        }
        writeln!(out, "{}", totals.summary())?;
        if let Some(line) = fixable_line(totals) {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}

/// "N fixable with `--fix` (M more with `--unsafe-fixes`)", or `None`
/// when no finding has a fix.
pub fn fixable_line(totals: &Totals) -> Option<String> {
    match (totals.safe_fixes, totals.unsafe_fixes) {
        (0, 0) => None,
        (safe, 0) => Some(format!("{safe} fixable with `--fix`")),
        (0, more) => Some(format!("{more} fixable with `--fix --unsafe-fixes`")),
        (safe, more) => Some(format!(
            "{safe} fixable with `--fix` ({more} more with `--unsafe-fixes`)"
        )),
    }
}

/// Renders one file's findings at a time, so a run can print each file
/// as soon as it is linted and then drop it.
pub struct Renderer {
    handler: GraphicalReportHandler,
    /// The same handler, with the wrapping of message and help lines
    /// off: for a finding whose lines all fit (see [`fits_unwrapped`]),
    /// which it renders as `handler` does, without the cost of wrapping
    /// them (a seventh of a run with many findings).
    unwrapped: GraphicalReportHandler,
}

/// The width miette lays a finding out in.
const WIDTH: usize = 100;

/// The longest line of a message or help, in characters, that
/// [`fits_unwrapped`] lets through: what fits the width after the margin
/// (2) and the widest indentation (`  help: `, 8), with one to spare.
const LONGEST_UNWRAPPED: usize = WIDTH - 2 - 8 - 1;

impl Renderer {
    /// A renderer, with or without colour.
    pub fn new(color: bool) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_links(false)
            .with_context_lines(CONTEXT_LINES)
            .with_width(WIDTH);
        let unwrapped = handler.clone().with_wrap_lines(false);
        Renderer { handler, unwrapped }
    }

    /// The findings of one file (empty when it has none).
    pub fn file(&self, file: &LintedFile) -> String {
        let mut out = String::new();
        if file.findings.is_empty() {
            return out;
        }
        let name = file.path.to_string_lossy().into_owned();
        let source = NamedSource::new(name, file.excerpts.clone()).with_language("markdown");
        for finding in &file.findings {
            let shown = Shown::new(file, finding, source.clone());
            let rendered = shown.is_some_and(|shown| {
                let handler = if shown.fits_unwrapped() {
                    &self.unwrapped
                } else {
                    &self.handler
                };
                handler.render_report(&mut out, &shown).is_ok()
            });
            if !rendered {
                out.push_str(&plain_line(file, finding));
            }
            // A blank line between findings.
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
        }
        out
    }
}

/// `path:line:column: severity[rule] message`, used if rendering fails.
fn plain_line(file: &LintedFile, finding: &Finding) -> String {
    let d = &finding.diagnostic;
    format!(
        "{}:{}:{}: {}[{}] {}\n",
        file.path.display(),
        finding.start.line,
        finding.start.column,
        d.severity,
        d.rule,
        d.message
    )
}

/// One finding in miette's terms.
#[derive(Debug)]
struct Shown {
    message: String,
    /// `severity[rule]`, so the severity reads as a word.
    code: String,
    severity: miette::Severity,
    help: Option<String>,
    label: LabeledSpan,
    source: NamedSource<Excerpts>,
}

impl Shown {
    /// The finding as miette shows it, its span limited to the page and
    /// to the text kept of it; `None` when no text was kept for it.
    fn new(file: &LintedFile, finding: &Finding, source: NamedSource<Excerpts>) -> Option<Self> {
        let d = &finding.diagnostic;
        let span = file.excerpts.clamp(d.span.clone())?;
        let label_text = Some(d.label.as_deref().unwrap_or(d.rule).to_string());
        Some(Shown {
            message: d.message.clone(),
            code: format!("{}[{}]", d.severity, d.rule),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            },
            help: help_text(finding),
            label: LabeledSpan::new_primary_with_span(label_text, span),
            source,
        })
    }
}

impl Shown {
    /// Whether the message and help are laid out the same with their
    /// lines wrapped or not (see [`fits_unwrapped`]).
    fn fits_unwrapped(&self) -> bool {
        fits_unwrapped(&self.message) && self.help.as_deref().is_none_or(fits_unwrapped)
    }
}

/// Characters outside ASCII that messages use, each one column wide in
/// every version of the width tables.
const NARROW_PUNCTUATION: &[char] = &[
    '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2013}', '\u{2014}', '\u{2026}',
];

/// Whether wrapping leaves `text` as it is: each of its lines is short
/// text of printable ASCII and [`NARROW_PUNCTUATION`], that starts and
/// ends with no space and holds no two spaces in a row. Wrapping only
/// breaks longer lines, and trims spaces; the width of other characters
/// may be counted differently by different versions of the width tables,
/// so text with them is wrapped.
fn fits_unwrapped(text: &str) -> bool {
    text.split('\n').all(|line| {
        !line.is_empty()
            && line.chars().count() <= LONGEST_UNWRAPPED
            && line
                .chars()
                .all(|c| matches!(c, ' '..='~') || NARROW_PUNCTUATION.contains(&c))
            && !line.starts_with(' ')
            && !line.ends_with(' ')
            && !line.contains("  ")
    })
}

/// The help line: the rule's own help, then the fix (saying whether
/// `--fix` applies it or it needs `--unsafe-fixes`); else suggestions.
fn help_text(finding: &Finding) -> Option<String> {
    let d = &finding.diagnostic;
    let fix = d.fix.as_ref().map(|fix| match fix.applicability {
        Applicability::Safe => format!("safe fix (`--fix`): {}", fix.description),
        Applicability::Unsafe => format!(
            "unsafe fix (review it; `--fix --unsafe-fixes`): {}",
            fix.description
        ),
    });
    match (&d.help, fix) {
        (Some(help), Some(fix)) => return Some(format!("{help}\n{fix}")),
        (Some(help), None) => return Some(help.to_string()),
        (None, Some(fix)) => return Some(fix),
        (None, None) => {}
    }
    match d.suggestions.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean `{one}`?")),
        many => Some(format!(
            "did you mean one of: {}?",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown {}

impl miette::Diagnostic for Shown {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use miette::{MietteDiagnostic, Report};

    #[test]
    fn a_finding_whose_lines_fit_renders_the_same_unwrapped() {
        // Mostly plain words, so that many texts fit; the rest keeps them
        // from fitting, or puts them just past the limit.
        let plain = [
            "`teh`",
            "is",
            "not",
            "a",
            "word;",
            "did",
            "you",
            "mean",
            "x",
            "-",
            "/a/b-c.md",
            "(see",
            "below)",
            "safe fix (`--fix`):",
            "\n",
        ];
        let odd = [
            "\u{201c}quoted\u{201d}",
            "\u{e9}",
            "\t",
            " ",
            "\n",
            "a-very-long-identifier-that-runs-on-without-any-space-at-all-for-long",
        ];
        let mut pieces: Vec<&str> = plain
            .iter()
            .copied()
            .cycle()
            .take(plain.len() * 8)
            .collect();
        pieces.extend(odd);
        let source = "A line of the page.\nAnother line, with more text on it.\n";
        let mut random = crate::testing::Lcg(23);
        for color in [false, true] {
            let renderer = Renderer::new(color);
            let (mut unwrapped, mut several_lines) = (0, 0);
            // Texts at the edges of what fits, then random ones.
            let edges = [
                "ends with a space ",
                " starts with one",
                "one\n",
                "tab\t",
                "\u{e9}",
            ];
            let texts = edges
                .iter()
                .map(|edge| (edge.to_string(), "help".to_string()));
            // One to three lines, as a rule's help and its fix make two.
            let lines = |random: &mut crate::testing::Lcg| {
                let count = random.below(3) + 1;
                (0..count)
                    .map(|_| random.phrase(&pieces, 24 / count))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let random_texts: Vec<(String, String)> = (0..10_000)
                .map(|_| (lines(&mut random), lines(&mut random)))
                .collect();
            for (message, help) in texts.chain(random_texts) {
                if !(fits_unwrapped(&message) && fits_unwrapped(&help)) {
                    continue;
                }
                unwrapped += 1;
                several_lines += usize::from(message.contains('\n') || help.contains('\n'));
                let diagnostic = MietteDiagnostic::new(message)
                    .with_code("warning[spelling]")
                    .with_severity(miette::Severity::Warning)
                    .with_help(help)
                    .with_label(LabeledSpan::at(2..6, "label"));
                let report = Report::new(diagnostic)
                    .with_source_code(NamedSource::new("page.md", source.to_string()));
                let (mut wrapped, mut plain) = (String::new(), String::new());
                renderer
                    .handler
                    .render_report(&mut wrapped, report.as_ref())
                    .expect("rendered");
                renderer
                    .unwrapped
                    .render_report(&mut plain, report.as_ref())
                    .expect("rendered");
                assert_eq!(plain, wrapped);
            }
            assert!(unwrapped > 500, "{unwrapped}");
            assert!(several_lines > 100, "{several_lines}");
        }
    }

    #[test]
    fn only_short_plain_lines_fit_unwrapped() {
        assert!(fits_unwrapped("`teh` is not a word\ndid you mean `the`?"));
        for text in [
            "",
            "two  spaces",
            " leading",
            "trailing ",
            "a\n\nblank line",
            "tab\there",
            "\u{e9}",
            &"long ".repeat(20),
        ] {
            assert!(!fits_unwrapped(text), "{text:?}");
        }
    }
}
