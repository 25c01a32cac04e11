//! Builds a [`Document`] from pulldown-cmark's events, in one pass.
//!
//! The [`Builder`] walks the events once ([`events`]), opening and closing
//! containers as tags start and end ([`containers`]) and reading links'
//! exact spans from the source ([`links`]); [`build`] then assembles the
//! document and its section tree.

mod containers;
mod events;
mod links;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use pulldown_cmark::Options;

use super::slug::Deduplicator;
use super::*;

/// The Markdown extensions handbook pages use.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Parses `source`, read from `path`, into a [`Document`].
pub(super) fn build(path: PathBuf, source: Arc<String>) -> Document {
    let lines = LineIndex::new(&source);
    let (front_matter, body_start) = front_matter::split(&source);
    let mut builder = Builder::new(&source, body_start);
    builder.run();
    let Builder {
        blocks,
        headings,
        lists,
        items,
        links,
        texts,
        mut code,
        mut html,
        hard_breaks,
        reference_definitions,
        undefined_references,
        ..
    } = builder;
    code.sort_by_key(|r| r.start);
    // Already in order; `Document::in_html` relies on it.
    html.sort_by_key(|h| h.span.start);
    let sections = build_sections(&headings, source.len());
    Document {
        path,
        source,
        lines,
        front_matter,
        body_start,
        blocks,
        headings,
        sections,
        lists,
        items,
        links,
        texts,
        code,
        html,
        hard_breaks,
        reference_definitions,
        undefined_references,
    }
}

/// An open container while walking the events.
#[derive(Debug)]
enum Open {
    Heading { index: usize },
    Paragraph,
    List { index: usize },
    Item { index: usize },
    Link { index: usize },
    TableCell,
    Block,
    Inline,
}

/// The document's parts while the page's events are walked.
struct Builder<'s> {
    source: &'s str,
    offset: usize,
    stack: Vec<Open>,
    block_depth: usize,
    /// Inside a code block: its text is not prose.
    in_code_block: bool,
    /// Stack positions of the open headings and items, innermost last, so
    /// that no event walks the whole stack (it can be 10,000 deep).
    owners: Vec<usize>,
    /// Open links: (stack position, index into `links`).
    open_links: Vec<(usize, usize)>,
    /// Open lists and items (indices), innermost last.
    open_lists: Vec<usize>,
    open_items: Vec<usize>,
    /// Reference definitions by lower-cased label (the first one wins).
    definition_index: HashMap<String, usize>,
    anchors: Deduplicator,
    blocks: Vec<Block>,
    headings: Vec<Heading>,
    lists: Vec<List>,
    items: Vec<ListItem>,
    links: Vec<Link>,
    texts: Vec<TextRun>,
    code: Vec<Range<usize>>,
    html: Vec<Html>,
    hard_breaks: Vec<Range<usize>>,
    reference_definitions: Vec<ReferenceDefinition>,
    undefined_references: Vec<UndefinedReference>,
}

impl<'s> Builder<'s> {
    fn new(source: &'s str, offset: usize) -> Self {
        // Room for what a typical page holds, from its length, so that the
        // vectors rarely grow while the page is walked.
        let body = source.len().saturating_sub(offset);
        Builder {
            source,
            offset,
            stack: Vec::with_capacity(16),
            block_depth: 0,
            in_code_block: false,
            owners: Vec::with_capacity(8),
            open_links: Vec::with_capacity(4),
            open_lists: Vec::with_capacity(8),
            open_items: Vec::with_capacity(8),
            definition_index: HashMap::new(),
            anchors: Deduplicator::default(),
            blocks: Vec::with_capacity(body / 256 + 4),
            headings: Vec::with_capacity(body / 512 + 2),
            lists: Vec::with_capacity(body / 1024 + 2),
            items: Vec::with_capacity(body / 128 + 4),
            links: Vec::with_capacity(body / 512 + 2),
            texts: Vec::with_capacity(body / 48 + 8),
            code: Vec::new(),
            html: Vec::new(),
            hard_breaks: Vec::new(),
            reference_definitions: Vec::new(),
            undefined_references: Vec::new(),
        }
    }
}

/// The section tree: each heading's section runs to the next heading of
/// the same or a higher level.
fn build_sections(headings: &[Heading], len: usize) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::with_capacity(headings.len());
    let mut open: Vec<usize> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        while let Some(&top) = open.last() {
            if sections[top].level >= h.level {
                sections[top].span.end = h.span.start;
                open.pop();
            } else {
                break;
            }
        }
        let parent = open.last().copied();
        if let Some(p) = parent {
            sections[p].children.push(i);
        }
        sections.push(Section {
            heading: i,
            level: h.level,
            span: h.span.start..len,
            parent,
            children: Vec::new(),
        });
        open.push(i);
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn parse(src: &str) -> Document {
        Document::parse("t.md", src.to_string())
    }

    #[test]
    fn headings_sections_and_anchors() {
        let doc = parse(
            "---\ntitle: T\n---\n\nIntro.\n\n## Levels\n\n### Senior X {#senior}\n\n## Levels\n",
        );
        assert_eq!(doc.headings.len(), 3);
        assert_eq!(doc.headings[0].anchor, "levels");
        assert_eq!(doc.headings[1].anchor, "senior");
        assert_eq!(doc.headings[1].text, "Senior X");
        assert_eq!(doc.headings[2].anchor, "levels-1");
        assert_eq!(doc.sections[0].children, vec![1]);
        assert_eq!(doc.sections[2].parent, None);
        assert_eq!(doc.blocks[0].kind, BlockKind::Paragraph);
        assert_eq!(doc.text(doc.headings[1].content.clone()), "Senior X");
    }

    #[test]
    fn spans_are_offsets_into_the_whole_file() {
        let src = "---\ntitle: T\n---\n# Head\n\ntext &amp; more\n";
        let doc = parse(src);
        assert_eq!(&src[doc.headings[0].span.clone()].trim_end(), &"# Head");
        let run = doc
            .texts
            .iter()
            .find(|t| t.text.contains('&'))
            .expect("merged text");
        assert_eq!(&src[run.span.clone()], "text &amp; more");
        assert_eq!(run.text, "text & more");
    }
}
