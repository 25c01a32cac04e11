//! Shared ground for the prose rules: the page's prose as segments and
//! words with exact byte spans, and the word lists under `rules/`.
//!
//! A [`Segment`] is the prose of one block (a paragraph, a list item's own
//! text, a heading, a table cell) joined across soft line breaks and
//! inline markup, with a map back to the file. Nothing here parses
//! Markdown: it reads [`Document::texts`].

pub mod data;
pub mod lists;
pub mod spelling;

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
    fn exact_span_from(&self, range: Range<usize>, first: &mut usize) -> Option<Range<usize>> {
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
    fn search(&self, doc: &Document, range: Range<usize>, cursor: usize) -> Option<Range<usize>> {
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

/// A word of prose.
#[derive(Clone, Debug)]
pub struct Word<'a> {
    /// The word as written in the file (curly apostrophes included).
    pub text: &'a str,
    /// Its span in the file.
    pub span: Range<usize>,
    /// Index of its segment.
    pub segment: usize,
    /// Its range in the segment's text.
    pub range: Range<usize>,
}

/// A page's prose: its segments and words.
#[derive(Debug)]
pub struct Prose<'a> {
    /// Blocks of prose, in order.
    pub segments: Vec<Segment>,
    /// Words, in order; words that sit in URLs, e-mail addresses, paths
    /// and handles are left out, and so are words that do not map exactly
    /// to the file.
    pub words: Vec<Word<'a>>,
    /// The texts of all segments, each followed by a blank line: one
    /// haystack for prefilters that decide whether a page needs a closer
    /// look at all.
    pub joined: String,
    /// Where each segment's text starts in `joined`.
    starts: Vec<usize>,
}

impl<'a> Prose<'a> {
    /// Collects the prose of `doc`.
    pub fn new(doc: &'a Document) -> Prose<'a> {
        let mut segments = segments(doc);
        // About one word in six bytes of prose: enough room for most
        // pages at once.
        let prose_bytes: usize = segments.iter().map(|s| s.text.len()).sum();
        let mut words = Vec::with_capacity(prose_bytes / 6);
        let mut ranges = Vec::new();
        for (index, segment) in segments.iter_mut().enumerate() {
            ranges.clear();
            segment.technical = scan(&segment.text, &mut ranges);
            let mut cursor = 0usize;
            let mut piece = 0usize;
            for range in ranges.drain(..) {
                let span = match segment.exact_span_from(range.clone(), &mut piece) {
                    Some(span) => span,
                    None => match segment.search(doc, range.clone(), cursor) {
                        Some(span) => span,
                        None => continue,
                    },
                };
                cursor = span.end;
                let Some(text) = doc.source.get(span.clone()) else {
                    continue;
                };
                words.push(Word {
                    text,
                    span,
                    segment: index,
                    range,
                });
            }
        }
        let mut joined = String::with_capacity(segments.iter().map(|s| s.text.len() + 2).sum());
        let mut starts = Vec::with_capacity(segments.len());
        for segment in &segments {
            starts.push(joined.len());
            joined.push_str(&segment.text);
            joined.push_str("\n\n");
        }
        Prose {
            segments,
            words,
            joined,
            starts,
        }
    }

    /// The segment text between two words of the same segment.
    pub fn between(&self, a: &Word<'_>, b: &Word<'_>) -> Option<&str> {
        (a.segment == b.segment)
            .then(|| {
                self.segments[a.segment]
                    .text
                    .get(a.range.end..b.range.start)
            })
            .flatten()
    }
}

fn segments(doc: &Document) -> Vec<Segment> {
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

/// A phrase found in a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the term in its list.
    pub term: usize,
    /// The matched range of the segment's text, extended to the end of
    /// the word for terms that allow any ending.
    pub range: Range<usize>,
}

/// Whether `c` may sit inside a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Adds the word ranges of `text` to `words`, leaving out the chunks
/// that look technical (URLs, paths, e-mail addresses, handles): the
/// words of a text that is not part of the page's prose, such as a
/// front-matter value.
pub fn scan_words(text: &str, words: &mut Vec<Range<usize>>) {
    scan(text, words);
}

/// Splits `text` into whitespace-separated chunks in one pass: returns
/// the chunks that look technical (see [`looks_technical`]) and adds the
/// word ranges of the others to `words`.
fn scan(text: &str, words: &mut Vec<Range<usize>>) -> Vec<Range<usize>> {
    if text.is_ascii() {
        scan_ascii(text, words)
    } else {
        scan_chars(text, words)
    }
}

/// [`scan`] character by character, for any text.
fn scan_chars(text: &str, words: &mut Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut technical = Vec::new();
    for chunk in chunks(text) {
        let s = &text[chunk.clone()];
        if looks_technical(s) {
            technical.push(chunk);
        } else {
            chunk_words(s, chunk.start, words);
        }
    }
    technical
}

/// [`scan`] for ASCII text (most of it): one pass over the bytes finds
/// the chunks and their words; a chunk is tested for looking technical
/// only when it holds a character such a chunk needs.
fn scan_ascii(text: &str, words: &mut Vec<Range<usize>>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let class = |i: usize| bytes.get(i).map_or(SPACE, |&b| BYTE_CLASS[usize::from(b)]);
    let mut technical = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if class(i) == SPACE {
            i += 1;
            continue;
        }
        let start = i;
        let words_before = words.len();
        let mut special = false;
        loop {
            match class(i) {
                SPACE => break,
                WORD => {
                    let word = i;
                    i += 1;
                    loop {
                        while class(i) == WORD {
                            i += 1;
                        }
                        // An apostrophe between a letter or digit and a
                        // letter stays inside the word ("don't").
                        let inner_apostrophe = bytes.get(i) == Some(&b'\'')
                            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
                        if !inner_apostrophe {
                            break;
                        }
                        i += 1;
                    }
                    words.push(word..i);
                }
                other => {
                    special |= other == SPECIAL;
                    i += 1;
                }
            }
        }
        if special && looks_technical(&text[start..i]) {
            words.truncate(words_before);
            technical.push(start..i);
        }
    }
    technical
}

/// [`BYTE_CLASS`]: white space (a [`scan`] separator).
const SPACE: u8 = 0;
/// [`BYTE_CLASS`]: an ASCII letter or digit.
const WORD: u8 = 1;
/// [`BYTE_CLASS`]: a character [`looks_technical`] needs.
const SPECIAL: u8 = 2;
/// [`BYTE_CLASS`]: anything else.
const OTHER: u8 = 3;

/// The class of each byte of ASCII text for [`scan_ascii`].
static BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_whitespace() || byte == 0x0B {
            SPACE
        } else if byte.is_ascii_alphanumeric() {
            WORD
        } else if matches!(byte, b'/' | b'@' | b'.' | b'_' | b'\\' | b'~' | b':') {
            SPECIAL
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// Adds the word ranges of one chunk (at `offset` in its text) to `out`.
fn chunk_words(chunk: &str, offset: usize, out: &mut Vec<Range<usize>>) {
    let mut start: Option<usize> = None;
    let mut chars = chunk.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let word_char = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            is_word_char(c)
        };
        let inner_apostrophe = !word_char
            && is_apostrophe(c)
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if word_char || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(offset + st..offset + i);
        }
    }
    if let Some(st) = start {
        out.push(offset + st..offset + chunk.len());
    }
}

/// Whitespace-separated chunks of `text` (a [`BREAK`] separates too).
fn chunks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let is_space = |c: char| c.is_whitespace() || c == BREAK;
        let start = loop {
            let (i, c) = rest.next()?;
            if !is_space(c) {
                break i;
            }
        };
        let end = loop {
            match rest.next() {
                Some((i, c)) if is_space(c) => break i,
                Some(_) => {}
                None => break text.len(),
            }
        };
        Some(start..end)
    })
}

/// A URL, e-mail address, domain, file name, path or handle.
fn looks_technical(chunk: &str) -> bool {
    // Every test below needs one of these characters.
    if !chunk
        .bytes()
        .any(|b| matches!(b, b'/' | b'@' | b'.' | b'_' | b'\\' | b'~' | b':'))
    {
        return false;
    }
    let trimmed = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '@');
    if trimmed.contains("://") || trimmed.starts_with("www.") {
        return true;
    }
    if trimmed.starts_with('@') || trimmed.starts_with('/') || trimmed.starts_with('~') {
        return true;
    }
    let at = trimmed.find('@');
    if at.is_some_and(|i| i > 0 && i + 1 < trimmed.len()) {
        return true;
    }
    if trimmed.matches('/').count() >= 2 {
        return true;
    }
    // A dot between a letter or digit and two or more letters: a domain
    // or a file name ("example.com", "index.html"), not "e.g." or "U.S.".
    let b = trimmed.as_bytes();
    (1..b.len()).any(|i| {
        b[i] == b'.'
            && b[i - 1].is_ascii_alphanumeric()
            && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
            && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic)
    }) || trimmed.contains('_')
        || trimmed.contains('\\')
}

/// Whether `word` is written with a capital first letter and lower-case
/// letters after it.
pub fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

/// Rewrites `replacement` in the case pattern of `original`: all capitals,
/// a capital first letter, or as given.
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_string()
}

/// Whether `offset` lies in a link's destination.
pub fn in_destination(doc: &Document, offset: usize) -> bool {
    doc.links
        .iter()
        .any(|l| l.destination_span.contains(&offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(source: &str) -> Vec<String> {
        let doc = Document::parse("t.md", source.to_string());
        let prose = Prose::new(&doc);
        prose
            .words
            .iter()
            .map(|w| {
                assert_eq!(&doc.source[w.span.clone()], w.text);
                w.text.to_string()
            })
            .collect()
    }

    #[test]
    fn splits_words_and_skips_code_urls_and_paths() {
        assert_eq!(
            words("Use `gitlab` at https://x.com/a or see example.com and /a/b/c, @handle.\n"),
            vec!["Use", "at", "or", "see", "and"]
        );
        assert_eq!(
            words("The team's self-service [docs](https://x.y/z) don't\nwrap.\n"),
            vec!["The", "team's", "self", "service", "docs", "don't", "wrap"]
        );
    }

    #[test]
    fn markup_after_a_line_break_or_space_separates_words() {
        assert_eq!(
            words("our prospect\n[scoring program](/x) and **bold**\n_text_ here\n"),
            vec!["our", "prospect", "scoring", "program", "and", "bold", "text", "here"]
        );
    }

    #[test]
    fn joins_soft_breaks_but_not_paragraphs() {
        let doc = Document::parse("t.md", "one the\nthe two\n\nthree\n".to_string());
        let prose = Prose::new(&doc);
        assert_eq!(prose.segments.len(), 2);
        assert_eq!(prose.segments[0].text, "one the the two");
        assert_eq!(prose.segments[1].text, "three");
    }

    #[test]
    fn maps_words_in_text_with_entities() {
        let source = "AT&amp;T and Enteprise here\n";
        let doc = Document::parse("t.md", source.to_string());
        let prose = Prose::new(&doc);
        let w = prose.words.iter().find(|w| w.text == "Enteprise");
        assert!(w.is_some_and(|w| &source[w.span.clone()] == "Enteprise"));
    }

    #[test]
    fn ascii_scan_agrees_with_the_general_one() {
        const ALPHABET: &[u8] = b"aZ09 '\t\n\x0b\x0c\r./@_\\~:-,;!?()[]|\"*#xyqE";
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut texts: Vec<String> = [
            "",
            " ",
            "don't",
            "'tis rock'n'roll o'",
            "it's 3'4 a'1 a'b'",
            "see https://x.com/a and a.b.c e.g. U.S. name@host.org",
            "  two  spaces\tand\x0bvt ",
            "/a/b ~/x @handle foo_bar C:\\dir x:y",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for _ in 0..3000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| char::from(ALPHABET[(next() % ALPHABET.len() as u64) as usize]))
                .collect();
            texts.push(text);
        }
        for text in &texts {
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            let fast_technical = scan_ascii(text, &mut fast);
            let general_technical = scan_chars(text, &mut general);
            assert_eq!(fast, general, "{text:?}");
            assert_eq!(fast_technical, general_technical, "{text:?}");
        }
    }

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

    #[test]
    fn restores_case() {
        assert_eq!(match_case("Servey", "survey"), "Survey");
        assert_eq!(match_case("servey", "survey"), "survey");
        assert_eq!(match_case("SERVEY", "survey"), "SURVEY");
    }
}
