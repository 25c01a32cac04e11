//! The page's prose: its segments and the words in them, each word with
//! its exact span in the file, collected once per page and shared by the
//! prose rules.

use std::ops::Range;

use super::segment::{segments, Segment};
use super::words::scan;
use crate::document::Document;

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
    pub(super) starts: Vec<usize>,
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

/// A phrase found in a segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the term in its list.
    pub term: usize,
    /// The matched range of the segment's text, extended to the end of
    /// the word for terms that allow any ending.
    pub range: Range<usize>,
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
}
