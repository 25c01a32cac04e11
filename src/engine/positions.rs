//! Where findings are: each diagnostic's byte span turned into lines and
//! columns, the heading of the section that holds it, and the excerpts of
//! the text that reports show.

use std::sync::Arc;

use super::{Excerpts, Finding};
use crate::diagnostic::Diagnostic;
use crate::document::line_index::floor_char_boundary;
use crate::document::{Document, LineIndex, Position};

/// What reports need of `source` to show `findings`.
pub(super) fn excerpts_of(source: &str, lines: &LineIndex, findings: &[Finding]) -> Excerpts {
    if findings.is_empty() {
        return Excerpts::default();
    }
    Excerpts::capture(
        source,
        lines,
        findings.iter().map(|f| f.diagnostic.span.clone()),
    )
}

/// Adds positions to diagnostics sorted by their start. Columns are
/// counted from the previous finding on the same line, so many findings
/// on one long line cost time linear in the line, not quadratic.
pub(super) fn locate(doc: &Document, diagnostics: Vec<Diagnostic>) -> Vec<Finding> {
    let source = doc.source.as_str();
    let mut last: Option<(usize, Position)> = None;
    let mut sections = Sections::default();
    diagnostics
        .into_iter()
        .map(|diagnostic| {
            let start_offset = floor_char_boundary(source, diagnostic.span.start);
            let start = match last {
                Some((offset, position))
                    if offset <= start_offset
                        && doc.lines.line_of(offset) == doc.lines.line_of(start_offset) =>
                {
                    Position {
                        line: position.line,
                        column: position.column + source[offset..start_offset].chars().count(),
                    }
                }
                _ => doc.position(start_offset),
            };
            last = Some((start_offset, start));
            let end_offset = floor_char_boundary(source, diagnostic.span.end);
            let end = if end_offset >= start_offset
                && doc.lines.line_of(end_offset) == doc.lines.line_of(start_offset)
            {
                Position {
                    line: start.line,
                    column: start.column + source[start_offset..end_offset].chars().count(),
                }
            } else {
                doc.position(end_offset)
            };
            Finding {
                start,
                end,
                section: sections.enclosing(doc, diagnostic.span.start),
                diagnostic,
            }
        })
        .collect()
}

/// Heading texts handed out to findings, each made once per page.
#[derive(Default)]
struct Sections {
    /// The heading index and text last handed out.
    last: Option<(usize, Arc<str>)>,
}

impl Sections {
    /// The heading text of the innermost section holding `offset`.
    fn enclosing(&mut self, doc: &Document, offset: usize) -> Option<Arc<str>> {
        // The innermost section holding `offset` is the one of the last
        // heading that starts at or before it: its section runs at least
        // to the next heading.
        let after = doc.headings.partition_point(|h| h.span.start <= offset);
        let index = after.checked_sub(1)?;
        match &self.last {
            Some((at, text)) if *at == index => Some(Arc::clone(text)),
            _ => {
                let text: Arc<str> = doc.headings.get(index)?.text.as_str().into();
                self.last = Some((index, Arc::clone(&text)));
                Some(text)
            }
        }
    }
}
