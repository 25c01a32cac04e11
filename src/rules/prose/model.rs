//! The page's prose: its segments and the words in them, each word with
//! its exact span in the file, collected once per page and shared by the
//! prose rules.

use std::ops::Range;

use super::segment::{segments, single, Segment};
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
    /// The front-matter fields read as prose ([`FIELDS`]), in file order.
    /// They are not among `segments` and `words`: only the rules that
    /// check them read them.
    pub fields: Vec<Field<'a>>,
}

/// The front-matter fields whose values are prose a reader sees: the
/// page's title and its description.
pub const FIELDS: &[&str] = &["title", "description"];

/// A front-matter field's value read as prose.
#[derive(Debug)]
pub struct Field<'a> {
    /// The key (one of [`FIELDS`]).
    pub key: &'static str,
    /// The value as a segment: exact spans when the file holds the value
    /// as written (plain or quoted without escapes), otherwise every
    /// span is the whole `key: value` line.
    pub segment: Segment,
    /// Its words with exact spans (none when the spans are not exact);
    /// a word's `segment` is the index of this field in
    /// [`Prose::fields`].
    pub words: Vec<Word<'a>>,
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
        let fields = fields(doc);
        Prose {
            segments,
            words,
            joined,
            starts,
            fields,
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

/// The page's [`FIELDS`] that have a value, read as prose.
fn fields(doc: &Document) -> Vec<Field<'_>> {
    let Some(front_matter) = &doc.front_matter else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &key in FIELDS {
        let Some(field) = front_matter.field(key) else {
            continue;
        };
        let Some(value) = field.value.as_deref().filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        let index = out.len();
        let mut segment = match value_span(doc, &field.span, value) {
            Some(span) => single(value.to_string(), span, true),
            None => single(value.to_string(), field.span.clone(), false),
        };
        let mut ranges = Vec::new();
        segment.technical = scan(&segment.text, &mut ranges);
        let words = ranges
            .into_iter()
            .filter_map(|range| {
                let span = segment.exact_span(range.clone())?;
                Some(Word {
                    text: doc.source.get(span.clone())?,
                    span,
                    segment: index,
                    range,
                })
            })
            .collect();
        out.push(Field {
            key,
            segment,
            words,
        });
    }
    out
}

/// Where the file holds `value` on its `key: value` line, written as it
/// reads (after the key's `:` or `=`, plain or between quotes).
fn value_span(doc: &Document, line: &Range<usize>, value: &str) -> Option<Range<usize>> {
    let text = doc.source.get(line.clone())?;
    let after_key = text.find([':', '='])? + 1;
    let at = after_key + text.get(after_key..)?.find(value)?;
    Some(line.start + at..line.start + at + value.len())
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
    fn reads_the_title_and_description_as_prose() {
        let source = "---\ntitle: Data Analyst\ndescription: \"The Gitlab data team\"\nlayout: x\n---\n\nBody\n";
        let doc = Document::parse("t.md", source.to_string());
        let prose = Prose::new(&doc);
        let keys: Vec<&str> = prose.fields.iter().map(|f| f.key).collect();
        assert_eq!(keys, vec!["title", "description"]);
        let words: Vec<&str> = prose.fields[1].words.iter().map(|w| w.text).collect();
        assert_eq!(words, vec!["The", "Gitlab", "data", "team"]);
        let gitlab = &prose.fields[1].words[1];
        assert_eq!(&source[gitlab.span.clone()], "Gitlab");
        assert!(prose.words.iter().all(|w| w.text != "Gitlab"));
        // A value written with escapes has no exact spans.
        let escaped = "---\ntitle: \"A \\\"B\\\"\"\n---\n";
        let doc = Document::parse("t.md", escaped.to_string());
        let prose = Prose::new(&doc);
        assert!(prose.fields[0].words.is_empty());
        let line = doc
            .front_matter
            .as_ref()
            .and_then(|f| f.field("title"))
            .map(|f| f.span.clone());
        assert_eq!(Some(prose.fields[0].segment.span(0..1)), line);
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
