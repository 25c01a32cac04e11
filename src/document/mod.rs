//! The document model: one page, parsed once.
//!
//! [`Document::parse`] splits the front matter off, parses the Markdown
//! body with pulldown-cmark, and records everything the rules read:
//! headings with anchors, the section tree, top-level blocks, lists and
//! items, links with the span of their destination, text runs, code, HTML
//! and a line index. Every span is a byte range of the original file.
//! The model knows nothing of rules or output formats.

mod autolink;
mod build;
pub mod front_matter;
pub mod line_index;
pub mod read;
pub mod slug;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use autolink::BareUrl;
pub use build::options as markdown_options;
pub use front_matter::{FrontMatter, FrontMatterFormat, FrontMatterProblem};
pub use line_index::{LineIndex, Position};

/// A parsed page.
#[derive(Debug)]
pub struct Document {
    /// The path, as given or relative to the working directory.
    pub path: PathBuf,
    /// The whole file.
    pub source: Arc<String>,
    /// Line starts, for positions.
    pub lines: LineIndex,
    /// The front matter, if the file starts with a delimiter.
    pub front_matter: Option<FrontMatter>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
    /// Top-level blocks, in order.
    pub blocks: Vec<Block>,
    /// Every heading, in order.
    pub headings: Vec<Heading>,
    /// One section per heading (same index): the heading and what follows
    /// it up to the next heading of the same or a higher level.
    pub sections: Vec<Section>,
    /// Every list, nested ones included, in order of their start.
    pub lists: Vec<List>,
    /// Every list item, in order of their start.
    pub items: Vec<ListItem>,
    /// Links and images, in order.
    pub links: Vec<Link>,
    /// Prose text, split where the Markdown splits it (code excluded).
    pub texts: Vec<TextRun>,
    /// Inline code spans and code blocks.
    pub code: Vec<Range<usize>>,
    /// Raw HTML: blocks and inline tags, comments included.
    pub html: Vec<Html>,
    /// Hard line breaks (two trailing spaces or a backslash).
    pub hard_breaks: Vec<Range<usize>>,
    /// `[label]: destination` definitions.
    pub reference_definitions: Vec<ReferenceDefinition>,
    /// `[text][label]` references whose label has no definition.
    pub undefined_references: Vec<UndefinedReference>,
}

impl Document {
    /// Parses `source`, read from `path`.
    pub fn parse(path: impl AsRef<Path>, source: impl Into<Arc<String>>) -> Self {
        build::build(path.as_ref().to_path_buf(), source.into())
    }

    /// The text of `span`.
    pub fn text(&self, span: Range<usize>) -> &str {
        self.source.get(span).unwrap_or("")
    }

    /// The 1-based position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.source, offset)
    }

    /// The 1-based line of a byte offset.
    pub fn line_number(&self, offset: usize) -> usize {
        self.lines.line_of(offset) + 1
    }

    /// The page title from the front matter.
    pub fn title(&self) -> Option<&str> {
        self.front_matter.as_ref().and_then(FrontMatter::title)
    }

    /// Whether `offset` lies in inline code or a code block.
    pub fn in_code(&self, offset: usize) -> bool {
        contains(&self.code, offset)
    }

    /// The prose text run that holds `offset`, if any: the character
    /// there is literal text, not markup. A binary search: the runs are in
    /// order and do not overlap.
    pub fn text_run_at(&self, offset: usize) -> Option<&TextRun> {
        let i = self.texts.partition_point(|t| t.span.end <= offset);
        self.texts.get(i).filter(|t| t.span.start <= offset)
    }

    /// Whether `offset` lies in raw HTML. A binary search: the spans are
    /// in order and do not overlap.
    pub fn in_html(&self, offset: usize) -> bool {
        let i = self.html.partition_point(|h| h.span.start <= offset);
        i > 0 && self.html[i - 1].span.contains(&offset)
    }

    /// The sections that are direct children of `section`.
    pub fn children(&self, section: usize) -> impl Iterator<Item = &Section> {
        self.sections[section]
            .children
            .iter()
            .map(move |&i| &self.sections[i])
    }

    /// The top-level blocks that lie between `heading` and the next heading
    /// of any level.
    pub fn blocks_under(&self, heading: usize) -> &[Block] {
        let start = self.headings[heading].span.end;
        let end = self
            .headings
            .get(heading + 1)
            .map_or(self.source.len(), |h| h.span.start);
        let first = self.blocks.partition_point(|b| b.span.start < start);
        let last = self.blocks.partition_point(|b| b.span.start < end);
        &self.blocks[first..last]
    }
}

/// Whether a sorted, non-overlapping list of ranges contains `offset`.
pub fn contains(ranges: &[Range<usize>], offset: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges.get(i).is_some_and(|r| r.start <= offset)
}

/// What a top-level block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading (index into [`Document::headings`]).
    Heading(usize),
    /// A paragraph.
    Paragraph,
    /// A list (index into [`Document::lists`]).
    List(usize),
    /// A fenced or indented code block.
    CodeBlock,
    /// An HTML block (comments included).
    Html,
    /// A table.
    Table,
    /// A block quote.
    BlockQuote,
    /// A thematic break (`---`).
    ThematicBreak,
    /// A footnote definition, math, or another block.
    Other,
}

/// A top-level block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Where it is.
    pub span: Range<usize>,
}

/// A heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, up to 6.
    pub level: u8,
    /// The whole heading, markers included.
    pub span: Range<usize>,
    /// The heading's text as a reader sees it (markup removed).
    pub text: String,
    /// The span from the first to the last character of its content.
    pub content: Range<usize>,
    /// A `{#custom-id}` attribute.
    pub custom_id: Option<String>,
    /// The anchor Hugo gives it, made unique on the page (`-1`, `-2`).
    pub anchor: String,
    /// Whether it sits inside a list or block quote.
    pub nested: bool,
}

/// A heading with everything under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Index of the heading.
    pub heading: usize,
    /// The heading's level.
    pub level: u8,
    /// From the heading's start to the next heading of the same or a
    /// higher level (or the end of the file).
    pub span: Range<usize>,
    /// The enclosing section.
    pub parent: Option<usize>,
    /// Sections directly under this one.
    pub children: Vec<usize>,
}

/// A list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    /// Where it is.
    pub span: Range<usize>,
    /// Numbered or not.
    pub ordered: bool,
    /// Its items, in order.
    pub items: Vec<usize>,
    /// The item it is nested in.
    pub parent_item: Option<usize>,
    /// 0 for a list at the top, 1 inside an item of another list, …
    pub depth: usize,
}

/// A list item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListItem {
    /// Where it is (marker included, nested lists included).
    pub span: Range<usize>,
    /// The list it belongs to.
    pub list: usize,
    /// The marker character: `-`, `*`, `+`, `.` or `)`.
    pub marker: char,
    /// The marker's span (`-`, `12.`).
    pub marker_span: Range<usize>,
    /// The item's own text (nested lists excluded), markup removed,
    /// blocks joined by a space.
    pub text: String,
    /// From the first to the last character of the item's own content;
    /// `None` for an empty item.
    pub content: Option<Range<usize>>,
    /// Lists nested in this item.
    pub sublists: Vec<usize>,
    /// Lazy continuation lines: lines of the item's paragraphs that are
    /// indented less than the item's content, which Markdown still joins
    /// to the paragraph above. Each span runs from the line's first
    /// character to its end (line ending excluded). Left empty for items
    /// whose first line holds a tab or a block quote marker, where columns
    /// are not counted.
    pub lazy_lines: Vec<Range<usize>>,
}

/// How a link is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](destination)`.
    Inline,
    /// `[text][label]`, `[label][]` or `[label]`.
    Reference,
    /// `<https://…>`.
    Autolink,
    /// `<someone@example.com>`.
    Email,
}

/// A link or an image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// How it is written.
    pub kind: LinkKind,
    /// `![…](…)` rather than `[…](…)`.
    pub image: bool,
    /// The whole link.
    pub span: Range<usize>,
    /// The link text, markup removed.
    pub text: String,
    /// The span of the link text between the brackets.
    pub text_span: Range<usize>,
    /// The destination as written in the file (escapes kept).
    pub destination: String,
    /// Where the destination is written: in the link for inline links, in
    /// the definition for reference links.
    pub destination_span: Range<usize>,
    /// The reference label, for reference links.
    pub label: Option<String>,
}

/// A run of prose text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextRun {
    /// Where it is.
    pub span: Range<usize>,
    /// The text as a reader sees it (entities and escapes resolved).
    pub text: String,
    /// The block it belongs to.
    pub container: Container,
    /// The link it is the text of.
    pub link: Option<usize>,
}

impl TextRun {
    /// Whether the text reads exactly as the source, so offsets inside
    /// `text` are offsets inside `span`.
    pub fn is_verbatim(&self) -> bool {
        self.text.len() == self.span.len()
    }
}

/// The block a text run sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    /// A heading.
    Heading(usize),
    /// A list item's own text.
    Item(usize),
    /// A paragraph outside lists.
    Paragraph,
    /// A table cell.
    TableCell,
    /// Anything else (footnotes, …).
    Other,
}

/// Raw HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Html {
    /// Where it is.
    pub span: Range<usize>,
    /// An HTML block, rather than inline HTML.
    pub block: bool,
}

/// A `[label]: destination` definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceDefinition {
    /// The label, as written.
    pub label: String,
    /// The destination.
    pub destination: String,
    /// The whole definition.
    pub span: Range<usize>,
}

/// A `[text][label]` whose label is not defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UndefinedReference {
    /// The label.
    pub label: String,
    /// The span of the would-be link.
    pub span: Range<usize>,
    /// `[label]` alone (which is often just text in brackets).
    pub shortcut: bool,
}
