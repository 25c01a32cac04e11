//! Segments: the prose of one block (a paragraph, a list item's own
//! text, a heading, a table cell) joined across soft line breaks and
//! inline markup into one text, with a map from that text back to the
//! file's bytes.

use std::ops::Range;

use crate::document::{Container, Document, LinkKind};

/// Stands in the joined text for inline code or HTML: never part of a word
/// or phrase.
pub const BREAK: char = '\u{FFFC}';

/// What joins two text runs of a segment with inline code or HTML
/// between them: a [`BREAK`] between spaces.
const BREAK_SEPARATOR: &str = " \u{FFFC} ";

/// One piece of a segment's text and where it comes from.
#[derive(Clone, Debug)]
struct Piece {
    /// Offset in the segment's text.
    at: usize,
    /// Length in the segment's text.
    len: usize,
    /// The source span of the text run.
    source: Range<usize>,
    /// Whether offsets inside map 1:1 to the source.
    verbatim: bool,
}

/// The pieces of a segment. Most segments are one text run: that one is
/// kept inline, with no allocation.
#[derive(Clone, Debug)]
enum Pieces {
    /// One piece.
    One([Piece; 1]),
    /// None, or more than one.
    Many(Vec<Piece>),
}

impl Default for Pieces {
    fn default() -> Pieces {
        Pieces::Many(Vec::new())
    }
}

impl Pieces {
    fn as_slice(&self) -> &[Piece] {
        match self {
            Pieces::One(one) => one,
            Pieces::Many(many) => many,
        }
    }

    fn push(&mut self, piece: Piece) {
        match self {
            Pieces::Many(many) if many.is_empty() => *self = Pieces::One([piece]),
            Pieces::Many(many) => many.push(piece),
            Pieces::One([first]) => *self = Pieces::Many(vec![first.clone(), piece]),
        }
    }
}

/// The prose of one block, joined.
#[derive(Clone, Debug)]
pub struct Segment {
    /// The block.
    pub container: Container,
    /// The text as a reader sees it; soft breaks become one space.
    pub text: String,
    pieces: Pieces,
    /// Ranges of `text` that are not prose: URLs, e-mail addresses,
    /// domains, paths, handles.
    pub technical: Vec<Range<usize>>,
}

impl Segment {
    /// Whether `range` of the text overlaps a URL, path or the like.
    pub fn is_technical(&self, range: &Range<usize>) -> bool {
        // The ranges are in order and do not overlap.
        let i = self.technical.partition_point(|t| t.end <= range.start);
        self.technical
            .get(i)
            .is_some_and(|t| t.start < range.end && range.start < t.end)
    }

    /// Whether the segment is a heading.
    pub fn is_heading(&self) -> bool {
        matches!(self.container, Container::Heading(_))
    }

    /// The source span of `range` of the segment's text, when both ends
    /// map exactly to the file; `None` otherwise.
    pub fn exact_span(&self, range: Range<usize>) -> Option<Range<usize>> {
        let start = self.map(range.start, false)?;
        let end = self.map(range.end, true)?;
        (start <= end).then_some(start..end)
    }

    /// [`Segment::exact_span`] for ranges taken in order of their start:
    /// `first` is the index of the piece to look from, moved forward as
    /// the ranges go (start at 0). Each piece is passed over once, where
    /// [`Segment::exact_span`] searches them all for each end.
    pub(super) fn exact_span_from(
        &self,
        range: Range<usize>,
        first: &mut usize,
    ) -> Option<Range<usize>> {
        let pieces = self.pieces.as_slice();
        let ends_before =
            |i: usize, offset: usize| pieces.get(i).is_some_and(|p| p.at + p.len < offset);
        while ends_before(*first, range.start + 1) {
            *first += 1;
        }
        let mut last = *first;
        while ends_before(last, range.end) {
            last += 1;
        }
        let a = pieces
            .get(*first)
            .filter(|p| p.verbatim && range.start >= p.at)?;
        let b = pieces
            .get(last)
            .filter(|p| p.verbatim && range.end > p.at)?;
        let start = a.source.start + (range.start - a.at);
        let end = b.source.start + (range.end - b.at);
        (start <= end).then_some(start..end)
    }

    /// The source span covering `range` of the segment's text: exact
    /// where the text is verbatim, the whole text run otherwise.
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        if let Some(span) = self.exact_span(range.clone()) {
            return span;
        }
        let first = self.piece_at(range.start, false);
        let last = self.piece_at(range.end, true);
        match (first, last) {
            (Some(a), Some(b)) => a.source.start..b.source.end.max(a.source.start),
            (Some(a), None) => a.source.clone(),
            (None, Some(b)) => b.source.clone(),
            (None, None) => 0..0,
        }
    }

    /// Finds the text of `range` in the source of the text run it lies
    /// in (for runs whose text differs from the source, like entities),
    /// at or after `cursor`.
    pub(super) fn search(
        &self,
        doc: &Document,
        range: Range<usize>,
        cursor: usize,
    ) -> Option<Range<usize>> {
        let piece = self.piece_at(range.start, false)?;
        if range.end > piece.at + piece.len {
            return None;
        }
        let word = self.text.get(range)?;
        let from = piece.source.start.max(cursor);
        let hay = doc.source.get(from..piece.source.end)?;
        let bytes = hay.as_bytes();
        let mut start = 0;
        while let Some(i) = hay.get(start..)?.find(word) {
            let at = start + i;
            let end = at + word.len();
            let before_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
            let after_ok = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
            if before_ok && after_ok {
                return Some(from + at..from + end);
            }
            start = end;
        }
        None
    }

    /// The piece holding `offset` (as a start, or as an end when `end`).
    /// Pieces are in text order and do not overlap: binary search.
    fn piece_at(&self, offset: usize, end: bool) -> Option<&Piece> {
        let i = if end {
            self.pieces
                .as_slice()
                .partition_point(|p| p.at + p.len < offset)
        } else {
            self.pieces
                .as_slice()
                .partition_point(|p| p.at + p.len <= offset)
        };
        self.pieces.as_slice().get(i).filter(|p| {
            if end {
                offset > p.at && offset <= p.at + p.len
            } else {
                offset >= p.at && offset < p.at + p.len
            }
        })
    }

    fn map(&self, offset: usize, end: bool) -> Option<usize> {
        let piece = self.piece_at(offset, end)?;
        piece
            .verbatim
            .then(|| piece.source.start + (offset - piece.at))
    }
}

/// The segments of `doc`'s prose, in order: its text runs outside HTML
/// and autolinks, joined within one block.
pub(super) fn segments(doc: &Document) -> Vec<Segment> {
    let source = doc.source.as_str();
    let mut out: Vec<Segment> = Vec::new();
    let mut last_end = 0usize;
    for run in &doc.texts {
        if let Some(link) = run.link.and_then(|i| doc.links.get(i)) {
            if matches!(link.kind, LinkKind::Autolink | LinkKind::Email) {
                continue;
            }
        }
        if doc.in_html(run.span.start) {
            continue;
        }
        let joined = out.last_mut().and_then(|seg| {
            if seg.container != run.container || run.span.start < last_end {
                return None;
            }
            let gap = source.get(last_end..run.span.start)?;
            let blank_line = gap.split('\n').skip(1).any(|l| {
                let rest = l.trim_start_matches([' ', '\t', '>']);
                rest.is_empty() && gap.matches('\n').count() > 1
            });
            if blank_line || gap.contains('|') {
                return None;
            }
            Some((seg, gap))
        });
        let (seg, separator) = match joined {
            Some((seg, gap)) => {
                let breaks = overlaps(&doc.code, last_end..run.span.start)
                    || doc
                        .html
                        .get(doc.html.partition_point(|h| h.span.end <= last_end))
                        .is_some_and(|h| h.span.start < run.span.start);
                let sep = if breaks {
                    BREAK_SEPARATOR
                } else if gap.chars().any(char::is_whitespace) {
                    // "prospect\n[scoring": markup after a space or a line
                    // break still separates words.
                    " "
                } else {
                    ""
                };
                (seg, sep)
            }
            None => {
                out.push(Segment {
                    container: run.container,
                    text: String::new(),
                    pieces: Pieces::default(),
                    technical: Vec::new(),
                });
                let Some(seg) = out.last_mut() else { break };
                (seg, "")
            }
        };
        seg.text.push_str(separator);
        seg.pieces.push(Piece {
            at: seg.text.len(),
            len: run.text.len(),
            source: run.span.clone(),
            verbatim: run.is_verbatim(),
        });
        seg.text.push_str(&run.text);
        last_end = run.span.end;
    }
    out
}

/// Whether a range of sorted, non-overlapping `ranges` reaches into the
/// gap between `gap.start` and `gap.end`.
fn overlaps(ranges: &[Range<usize>], gap: Range<usize>) -> bool {
    ranges
        .get(ranges.partition_point(|r| r.end <= gap.start))
        .is_some_and(|r| r.start < gap.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::prose::Prose;

    #[test]
    fn exact_spans_in_order_agree_with_the_search() {
        let sources = [
            "Plain words in one run.\n",
            "Some *emphasis* and **bold** with [a link](/x) and `code` inside.\n",
            "AT&amp;T and Enteprise &lt;here&gt; with caf&eacute; and\nsoft breaks *a*b*c*\n",
            "| a | b&amp;c |\n|---|---|\n| x*y* | <b>z</b> w |\n",
            "- item one\n  continued\n- item `two` three\n\n# Head *ing*\n",
        ];
        for source in sources {
            let doc = Document::parse("t.md", source.to_string());
            let prose = Prose::new(&doc);
            for segment in &prose.segments {
                let text = &segment.text;
                // Every range in order of its start, of every length.
                let mut first = 0;
                for start in 0..text.len() {
                    for end in start + 1..=text.len() {
                        let mut probe = first;
                        assert_eq!(
                            segment.exact_span_from(start..end, &mut probe),
                            segment.exact_span(start..end),
                            "{source:?} {start}..{end}"
                        );
                    }
                    // Moves `first` to the piece of `start`.
                    let _ = segment.exact_span_from(start..start + 1, &mut first);
                }
            }
        }
    }

    #[test]
    fn pieces_keep_their_order() {
        let piece = |at: usize| Piece {
            at,
            len: 1,
            source: at..at + 1,
            verbatim: true,
        };
        let mut pieces = Pieces::default();
        assert!(pieces.as_slice().is_empty());
        for at in 0..5 {
            pieces.push(piece(at));
            let ats: Vec<usize> = pieces.as_slice().iter().map(|p| p.at).collect();
            assert_eq!(ats, (0..=at).collect::<Vec<_>>());
        }
    }

    #[test]
    fn break_separator_holds_the_break() {
        assert_eq!(BREAK_SEPARATOR, format!(" {BREAK} "));
    }
}
