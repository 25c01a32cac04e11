//! Excerpts: the parts of a page that reports show, kept instead of the
//! whole page.
//!
//! A run holds the findings of every file until its reports are written.
//! Holding each page's whole text for that would make a run's memory
//! grow with the size of the handbook; the reports only ever show the
//! lines a finding's span touches and [`CONTEXT_LINES`] lines around
//! them. [`Excerpts::capture`] copies exactly those lines at lint time,
//! merging neighbours, and the human report reads them back through
//! [`miette::SourceCode`] with the same line and column numbers the whole
//! page would give.
//!
//! A line is not copied without bound: when the lines a finding needs are
//! longer than [`MAX_EXCERPT`] bytes (a page of one enormous line, say),
//! only a window around the span's start is kept, and the report shows
//! that part of the line, with the right line and column numbers.

use std::ops::Range;
use std::sync::Arc;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::document::line_index::floor_char_boundary;
use crate::document::LineIndex;

/// Lines of context shown before and after a finding's lines; the
/// excerpts hold them.
pub const CONTEXT_LINES: usize = 1;

/// The most bytes one finding keeps: lines beyond this are clipped to a
/// window around the span.
pub const MAX_EXCERPT: usize = 64 * 1024;

/// Bytes kept before and after a span in a clipped window.
const MARGIN: usize = 256;

/// One stretch of a page's text, as it is in the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// Byte offset in the page of the first byte of `text`.
    pub offset: usize,
    /// 0-based line of `offset`, counting line breaks as miette does:
    /// `\n`, `\r\n` and a lone `\r` each end a line.
    pub line: usize,
    /// Bytes between the start of that line and `offset`: 0 unless a long
    /// line was clipped.
    pub column: usize,
    /// The text.
    pub text: String,
}

impl Excerpt {
    /// Byte offset in the page just past the excerpt.
    pub fn end(&self) -> usize {
        self.offset + self.text.len()
    }
}

/// The excerpts of one page, in order of offset, never touching each
/// other. Cloning is cheap: the text is shared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Excerpts {
    pieces: Arc<[Excerpt]>,
    /// Length of the whole page.
    len: usize,
}

impl Excerpts {
    /// Copies from `text` (indexed by `lines`) what reports need to show
    /// `spans`: each span's lines and [`CONTEXT_LINES`] lines around them,
    /// clipped as the module documentation says, merged where they meet.
    pub fn capture(
        text: &str,
        lines: &LineIndex,
        spans: impl IntoIterator<Item = Range<usize>>,
    ) -> Excerpts {
        let mut ranges: Vec<Range<usize>> = spans
            .into_iter()
            .map(|span| needed(text, lines, span))
            .collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        let breaks = LoneReturns::new(text);
        let pieces: Vec<Excerpt> = merge(ranges)
            .into_iter()
            .map(|range| {
                let (line, column) = breaks.line_and_column(lines, range.start);
                Excerpt {
                    offset: range.start,
                    line,
                    column,
                    text: text.get(range).unwrap_or_default().to_string(),
                }
            })
            .collect();
        Excerpts {
            pieces: pieces.into(),
            len: text.len(),
        }
    }

    /// The excerpts, in order of offset.
    pub fn pieces(&self) -> &[Excerpt] {
        &self.pieces
    }

    /// Total bytes of text held.
    pub fn held_bytes(&self) -> usize {
        self.pieces.iter().map(|p| p.text.len()).sum()
    }

    /// The excerpt holding the whole of `span`.
    pub fn holding(&self, span: Range<usize>) -> Option<&Excerpt> {
        let after = self.pieces.partition_point(|p| p.offset <= span.start);
        let piece = self.pieces.get(after.checked_sub(1)?)?;
        (span.start <= span.end && span.end <= piece.end()).then_some(piece)
    }

    /// The page's text at `span`, when an excerpt holds all of it.
    pub fn text(&self, span: Range<usize>) -> Option<&str> {
        let piece = self.holding(span.clone())?;
        piece
            .text
            .get(span.start - piece.offset..span.end - piece.offset)
    }

    /// The text of the line (ended by `\n`) holding `offset`, without the
    /// `\n`: as much of it as the excerpt holding `offset` has.
    pub fn line_text(&self, offset: usize) -> Option<&str> {
        let piece = self.holding(offset..offset)?;
        let local = offset - piece.offset;
        let before = piece.text.get(..local)?;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let end = piece
            .text
            .get(local..)?
            .find('\n')
            .map_or(piece.text.len(), |i| local + i);
        piece.text.get(start..end)
    }

    /// `span` limited to the page and to the excerpt holding its start, so
    /// that it can be shown; `None` when no excerpt holds its start.
    pub fn clamp(&self, span: Range<usize>) -> Option<Range<usize>> {
        let start = span.start.min(self.len);
        let end = span.end.clamp(start, self.len);
        let piece = self.holding(start..start)?;
        Some(start..end.min(piece.end()))
    }
}

impl SourceCode for Excerpts {
    /// Reads `span` as miette reads a whole page, from the excerpt that
    /// holds it: the same text, line, column and line count, as long as
    /// no more than [`CONTEXT_LINES`] lines of context are asked for.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let piece = self
            .holding(start..start + span.len())
            .ok_or(MietteError::OutOfBounds)?;
        let local = SourceSpan::new((start - piece.offset).into(), span.len());
        let inner =
            piece
                .text
                .as_str()
                .read_span(&local, context_lines_before, context_lines_after)?;
        let mut column = inner.column();
        if inner.line() == 0 && context_lines_before == 0 {
            column += piece.column;
        }
        Ok(Box::new(MietteSpanContents::new(
            inner.data(),
            SourceSpan::new(
                (inner.span().offset() + piece.offset).into(),
                inner.span().len(),
            ),
            piece.line + inner.line(),
            column,
            piece.line + inner.line_count(),
        )))
    }
}

/// The byte range one span needs: whole lines from [`CONTEXT_LINES`]
/// before its first line to [`CONTEXT_LINES`] after its last, or a
/// window around its start when that is more than [`MAX_EXCERPT`] bytes.
fn needed(text: &str, lines: &LineIndex, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    let first = lines.line_of(start).saturating_sub(CONTEXT_LINES);
    let last = lines.line_of(read_on_from(text, end)) + CONTEXT_LINES;
    let whole = lines.line_start(first)..lines.line_start(last + 1).min(text.len());
    if whole.len() <= MAX_EXCERPT {
        return whole;
    }
    window(text, whole, start..end)
}

/// Where miette starts counting the lines after a span ending at `end`:
/// just past its last byte (the first byte of the page for an empty span
/// at the start), a `\r\n` taken as one.
fn read_on_from(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut last = end.saturating_sub(1);
    if bytes.get(last) == Some(&b'\r') && bytes.get(last + 1) == Some(&b'\n') {
        last += 1;
    }
    (last + 1).min(text.len())
}

/// At most [`MAX_EXCERPT`] bytes of `within` around the start of `span`,
/// on character boundaries and never between the `\r` and `\n` of a
/// line break.
fn window(text: &str, within: Range<usize>, span: Range<usize>) -> Range<usize> {
    let end = span.end.min(span.start + MAX_EXCERPT - 2 * MARGIN);
    let mut from = floor_char_boundary(text, span.start.saturating_sub(MARGIN).max(within.start));
    let mut to = (end + MARGIN).min(within.end);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let bytes = text.as_bytes();
    if from > 0 && bytes.get(from) == Some(&b'\n') && bytes[from - 1] == b'\r' {
        from -= 1;
    }
    if to > 0 && to < bytes.len() && bytes[to - 1] == b'\r' && bytes[to] == b'\n' {
        to += 1;
    }
    from..to
}

/// Sorted ranges joined where they overlap or touch.
fn merge(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// The offsets of the `\r`s not followed by `\n`: miette ends a line
/// there, the page's [`LineIndex`] does not.
struct LoneReturns(Vec<usize>);

impl LoneReturns {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        LoneReturns(
            memchr::memchr_iter(b'\r', bytes)
                .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
                .collect(),
        )
    }

    /// miette's 0-based line of `offset`, and the bytes from that line's
    /// start to `offset`.
    fn line_and_column(&self, lines: &LineIndex, offset: usize) -> (usize, usize) {
        let before = self.0.partition_point(|&i| i < offset);
        let line = lines.line_of(offset) + before;
        let newline_start = lines.line_start(lines.line_of(offset));
        let line_start = match before.checked_sub(1).map(|i| self.0[i]) {
            Some(cr) if cr >= newline_start => cr + 1,
            _ => newline_start,
        };
        (line, offset - line_start)
    }
}

#[cfg(test)]
mod tests;
