//! Builds a [`Document`] from pulldown-cmark's events, in one pass.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::slug::{self, Deduplicator};
use super::*;

/// The Markdown extensions handbook pages use.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

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

    fn run(&mut self) {
        let body = &self.source[self.offset..];
        let mut broken = Vec::new();
        let mut on_broken = |link: BrokenLink<'_>| {
            broken.push((link.span, link.link_type, link.reference.to_string()));
            None
        };
        let parser = Parser::new_with_broken_link_callback(body, options(), Some(&mut on_broken));
        let iter = parser.into_offset_iter();
        let offset = self.offset;
        let mut definitions: Vec<ReferenceDefinition> = iter
            .reference_definitions()
            .iter()
            .map(|(label, def)| ReferenceDefinition {
                label: label.to_string(),
                destination: def.dest.to_string(),
                span: def.span.start + offset..def.span.end + offset,
            })
            .collect();
        definitions.sort_by_key(|d| d.span.start);
        for (i, d) in definitions.iter().enumerate() {
            self.definition_index
                .entry(d.label.to_ascii_lowercase())
                .or_insert(i);
        }
        self.reference_definitions = definitions;
        // Consecutive text events are merged into one run, as
        // `TextMergeWithOffset` merges them (a merged run that comes out
        // empty is dropped), into one buffer kept across the page.
        let mut pending: Option<(CowStr<'_>, Range<usize>)> = None;
        let mut merged = String::new();
        let mut merging = false;
        for (event, range) in iter {
            let range = range.start + offset..range.end + offset;
            if let Event::Text(text) = event {
                match &mut pending {
                    None => pending = Some((text, range)),
                    Some((first, run)) => {
                        if !merging {
                            merged.clear();
                            merged.push_str(first);
                            merging = true;
                        }
                        merged.push_str(&text);
                        run.end = range.end;
                    }
                }
                continue;
            }
            if let Some((first, run)) = pending.take() {
                self.flush_text(&first, &merged, merging, run);
                merging = false;
            }
            self.event(event, range);
        }
        if let Some((first, run)) = pending.take() {
            self.flush_text(&first, &merged, merging, run);
        }
        self.undefined_references = broken
            .into_iter()
            .filter(|(_, kind, _)| {
                matches!(
                    kind,
                    LinkType::Reference
                        | LinkType::Collapsed
                        | LinkType::Shortcut
                        | LinkType::ReferenceUnknown
                        | LinkType::CollapsedUnknown
                        | LinkType::ShortcutUnknown
                )
            })
            .map(|(span, kind, label)| UndefinedReference {
                label,
                span: span.start + offset..span.end + offset,
                shortcut: matches!(kind, LinkType::Shortcut | LinkType::ShortcutUnknown),
            })
            .collect();
    }

    /// Hands on a text run: `first` alone, or `merged` when several text
    /// events were merged.
    fn flush_text(&mut self, first: &str, merged: &str, merging: bool, run: Range<usize>) {
        if !merging {
            self.text(first, run);
        } else if !merged.is_empty() {
            self.text(merged, run);
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => self.text(&text, range),
            Event::Code(text) => {
                self.code.push(range.clone());
                self.inline_content(&text, range);
            }
            Event::InlineMath(_) | Event::DisplayMath(_) => self.code.push(range),
            Event::Html(_) => {
                if self.block_depth == 0 {
                    self.push_block(BlockKind::Html, range.clone());
                }
                self.push_html(range, true);
            }
            Event::InlineHtml(_) => self.push_html(range, false),
            Event::SoftBreak => self.inline_content(" ", range),
            Event::HardBreak => {
                self.hard_breaks.push(range.clone());
                self.inline_content(" ", range);
            }
            Event::Rule => {
                if self.block_depth == 0 {
                    self.push_block(BlockKind::ThematicBreak, range);
                }
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        let top = self.block_depth == 0;
        let open = match tag {
            Tag::Heading { level, id, .. } => {
                let index = self.headings.len();
                self.headings.push(Heading {
                    level: level as u8,
                    span: range.clone(),
                    text: String::with_capacity(range.len().min(256)),
                    content: range.end..range.end,
                    custom_id: id.map(|id| id.to_string()),
                    anchor: String::new(),
                    nested: !top,
                });
                if top {
                    self.push_block(BlockKind::Heading(index), range);
                }
                Open::Heading { index }
            }
            Tag::Paragraph => {
                if let Some(Open::Item { index }) = self.stack.last() {
                    let item = &mut self.items[*index];
                    if !item.text.is_empty() && !item.text.ends_with(' ') {
                        item.text.push(' ');
                    }
                }
                if top {
                    self.push_block(BlockKind::Paragraph, range);
                }
                Open::Paragraph
            }
            Tag::List(first) => {
                let index = self.lists.len();
                let parent_item = self.innermost_item();
                let depth = parent_item.map_or(0, |i| self.lists[self.items[i].list].depth + 1);
                self.lists.push(List {
                    span: range.clone(),
                    ordered: first.is_some(),
                    items: Vec::new(),
                    parent_item,
                    depth,
                });
                if let Some(item) = parent_item {
                    self.items[item].sublists.push(index);
                }
                if top {
                    self.push_block(BlockKind::List(index), range);
                }
                Open::List { index }
            }
            Tag::Item => {
                let index = self.items.len();
                let list = self.innermost_list().unwrap_or(0);
                let (marker, marker_span) = self.marker_at(range.start);
                let text = String::with_capacity(range.len().min(128));
                self.items.push(ListItem {
                    span: range,
                    list,
                    marker,
                    marker_span,
                    text,
                    content: None,
                    sublists: Vec::new(),
                });
                if let Some(l) = self.lists.get_mut(list) {
                    l.items.push(index);
                }
                Open::Item { index }
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                ..
            } => {
                let image = matches!(self.source.get(range.start..range.start + 1), Some("!"));
                let index = self.links.len();
                let link = self.new_link(link_type, &dest_url, range, image);
                self.links.push(link);
                Open::Link { index }
            }
            Tag::CodeBlock(_) => {
                if top {
                    self.push_block(BlockKind::CodeBlock, range.clone());
                }
                self.code.push(range);
                self.block_depth += 1;
                self.in_code_block = true;
                Open::Block
            }
            Tag::HtmlBlock => {
                if top {
                    self.push_block(BlockKind::Html, range.clone());
                }
                self.push_html(range, true);
                self.block_depth += 1;
                Open::Block
            }
            Tag::Table(_) => {
                if top {
                    self.push_block(BlockKind::Table, range);
                }
                self.block_depth += 1;
                Open::Block
            }
            Tag::TableCell => Open::TableCell,
            Tag::BlockQuote(_) => {
                if top {
                    self.push_block(BlockKind::BlockQuote, range);
                }
                self.block_depth += 1;
                Open::Block
            }
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::MetadataBlock(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {
                if top && matches!(tag, Tag::FootnoteDefinition(_) | Tag::DefinitionList) {
                    self.push_block(BlockKind::Other, range);
                }
                self.block_depth += 1;
                Open::Block
            }
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => Open::Inline,
        };
        if matches!(open, Open::List { .. } | Open::Item { .. }) {
            self.block_depth += 1;
        }
        let position = self.stack.len();
        match open {
            Open::Heading { .. } => self.owners.push(position),
            Open::Item { index } => {
                self.owners.push(position);
                self.open_items.push(index);
            }
            Open::List { index } => self.open_lists.push(index),
            Open::Link { index } => self.open_links.push((position, index)),
            _ => {}
        }
        self.stack.push(open);
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        if tag == TagEnd::CodeBlock {
            self.in_code_block = false;
        }
        let Some(open) = self.stack.pop() else { return };
        let position = self.stack.len();
        if self.owners.last() == Some(&position) {
            self.owners.pop();
        }
        match open {
            Open::Item { .. } => {
                self.open_items.pop();
            }
            Open::List { .. } => {
                self.open_lists.pop();
            }
            Open::Link { .. } => {
                self.open_links.pop();
            }
            _ => {}
        }
        match open {
            Open::Heading { index } => self.finish_heading(index),
            Open::List { .. } | Open::Item { .. } | Open::Block => {
                self.block_depth = self.block_depth.saturating_sub(1);
                if let Open::Item { index } = open {
                    let item = &mut self.items[index];
                    trim_in_place(&mut item.text);
                    // A lazy continuation line can end an item after the
                    // range pulldown-cmark first gave it.
                    item.span.end = item.span.end.max(range.end);
                }
            }
            Open::Link { index } => self.finish_link(index),
            Open::Paragraph | Open::TableCell | Open::Inline => {}
        }
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        if self.in_code_block {
            return; // code block content
        }
        let container = self.container();
        let link = self.open_links.last().map(|&(_, index)| index);
        self.texts.push(TextRun {
            span: range.clone(),
            text: text.to_string(),
            container,
            link,
        });
        self.inline_content(text, range);
    }

    /// Adds inline content to the heading, item and link being built.
    fn inline_content(&mut self, text: &str, range: Range<usize>) {
        let owner = self.owners.last().copied();
        for &(position, index) in self.open_links.iter().rev() {
            if owner.is_some_and(|o| position < o) {
                break;
            }
            self.links[index].text.push_str(text);
        }
        let Some(owner) = owner else { return };
        if let Some(open) = self.stack.get(owner) {
            match *open {
                Open::Heading { index } => {
                    let h = &mut self.headings[index];
                    h.text.push_str(text);
                    if h.content.is_empty() && h.content.start == h.span.end {
                        h.content = range.clone();
                    } else {
                        h.content = h.content.start.min(range.start)..h.content.end.max(range.end);
                    }
                }
                Open::Item { index } => {
                    let item = &mut self.items[index];
                    if !item.text.is_empty() || !text.trim().is_empty() {
                        item.text.push_str(text);
                    }
                    item.content = Some(match item.content.take() {
                        Some(c) => c.start.min(range.start)..c.end.max(range.end),
                        None => range.clone(),
                    });
                }
                _ => {}
            }
        }
    }

    fn container(&self) -> Container {
        for open in self.stack.iter().rev() {
            match *open {
                Open::Heading { index } => return Container::Heading(index),
                Open::Item { index } => return Container::Item(index),
                Open::TableCell => return Container::TableCell,
                Open::Block => return Container::Other,
                _ => {}
            }
        }
        Container::Paragraph
    }

    fn innermost_item(&self) -> Option<usize> {
        self.open_items.last().copied()
    }

    fn innermost_list(&self) -> Option<usize> {
        self.open_lists.last().copied()
    }

    fn push_block(&mut self, kind: BlockKind, span: Range<usize>) {
        self.blocks.push(Block { kind, span });
    }

    fn push_html(&mut self, span: Range<usize>, block: bool) {
        if let Some(last) = self.html.last_mut() {
            if last.block && block && last.span.end >= span.start && last.span.start <= span.start {
                last.span.end = last.span.end.max(span.end);
                return;
            }
        }
        self.html.push(Html { span, block });
    }

    /// The list marker at the start of an item.
    fn marker_at(&self, item_start: usize) -> (char, Range<usize>) {
        // An indented item's range can start at its indentation.
        let indent = self.source[item_start..]
            .bytes()
            .take_while(|b| *b == b' ' || *b == b'\t')
            .count();
        let start = item_start + indent;
        let rest = &self.source[start..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        match rest[digits..].chars().next() {
            Some(c) if digits > 0 && (c == '.' || c == ')') => (c, start..start + digits + 1),
            Some(c) => (c, start..start + c.len_utf8()),
            None => (' ', start..start),
        }
    }

    fn new_link(&self, link_type: LinkType, dest: &str, span: Range<usize>, image: bool) -> Link {
        let kind = match link_type {
            LinkType::Inline => LinkKind::Inline,
            LinkType::Autolink => LinkKind::Autolink,
            LinkType::Email => LinkKind::Email,
            _ => LinkKind::Reference,
        };
        let text_start = span.start + if image { 2 } else { 1 };
        Link {
            kind,
            image,
            text: String::with_capacity(span.len().min(128)),
            span: span.clone(),
            text_span: text_start..text_start,
            destination: dest.to_string(),
            destination_span: span.end..span.end,
            label: None,
        }
    }

    fn finish_link(&mut self, index: usize) {
        let source = self.source;
        let link = &self.links[index];
        let span = link.span.clone();
        match link.kind {
            LinkKind::Autolink | LinkKind::Email => {
                let inner = span.start + 1..span.end.saturating_sub(1).max(span.start + 1);
                let link = &mut self.links[index];
                link.text_span = inner.clone();
                link.destination_span = inner.clone();
                link.destination = source[inner].to_string();
            }
            LinkKind::Inline => {
                let close = closing_bracket(source, link.text_span.start, span.end);
                let link = &mut self.links[index];
                link.text_span = link.text_span.start..close;
                let (dest, dest_span) = destination_after(source, close, span.end);
                link.destination = dest;
                link.destination_span = dest_span;
            }
            LinkKind::Reference => {
                let close = closing_bracket(source, link.text_span.start, span.end);
                let rest = &source[close..span.end];
                let label = rest
                    .strip_prefix("][")
                    .and_then(|r| r.strip_suffix(']'))
                    .filter(|l| !l.is_empty())
                    .unwrap_or(&source[link.text_span.start..close])
                    .to_string();
                let definition = self
                    .definition_index
                    .get(&label.to_ascii_lowercase())
                    .and_then(|&i| self.reference_definitions.get(i));
                let dest_span = definition
                    .map(|d| {
                        let (_, dspan) = definition_destination(source, d.span.clone());
                        dspan
                    })
                    .unwrap_or(span.end..span.end);
                let link = &mut self.links[index];
                link.text_span = link.text_span.start..close;
                link.label = Some(label);
                if let Some(dest) = source.get(dest_span.clone()) {
                    if !dest_span.is_empty() {
                        link.destination = dest.to_string();
                    }
                }
                link.destination_span = dest_span;
            }
        }
    }

    fn finish_heading(&mut self, index: usize) {
        let h = &mut self.headings[index];
        trim_in_place(&mut h.text);
        if h.content.start == h.span.end {
            // Empty heading: point at the end of its markers.
            let line = &self.source[h.span.clone()];
            let markers = line.trim_end().len();
            h.content = h.span.start + markers..h.span.start + markers;
        }
        let anchor = match &h.custom_id {
            Some(id) => id.clone(),
            None => slug::hugo(&h.text),
        };
        h.anchor = self.anchors.unique(anchor);
    }
}

/// Trims `text` without allocating a new string.
fn trim_in_place(text: &mut String) {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    if start > 0 {
        text.drain(..start);
    }
}

/// Offset of the `]` that closes link text opened just before `from`.
fn closing_bracket(source: &str, from: usize, end: usize) -> usize {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut i = from;
    while i < end {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => {
                // Skip a code span: brackets inside do not count.
                let run = bytes[i..end].iter().take_while(|&&b| b == b'`').count();
                let fence = &source[i..i + run];
                match source[i + run..end].find(fence) {
                    Some(close) => i += run + close + run - 1,
                    None => i += run - 1,
                }
            }
            b'[' => depth += 1,
            b']' if depth == 0 => return i,
            b']' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    end
}

/// Reads the destination of an inline link from `](` at `close`.
fn destination_after(source: &str, close: usize, end: usize) -> (String, Range<usize>) {
    let mut start = close + 2; // skip "]("
    if start > end {
        return (String::new(), end..end);
    }
    let bytes = source.as_bytes();
    while start < end && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    if start < end && bytes[start] == b'<' {
        let stop = source[start..end].find('>').map_or(end, |i| start + i);
        let span = start + 1..stop;
        return (source[span.clone()].to_string(), span);
    }
    let mut depth = 0usize;
    let mut i = start;
    while i < end {
        match bytes[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            b if b.is_ascii_whitespace() => break,
            _ => {}
        }
        i += 1;
    }
    let i = i.min(end);
    (source[start..i].to_string(), start..i)
}

/// The destination of a `[label]: destination` definition.
fn definition_destination(source: &str, span: Range<usize>) -> (String, Range<usize>) {
    let text = &source[span.clone()];
    let Some(colon) = text.find("]:") else {
        return (String::new(), span.end..span.end);
    };
    let mut start = span.start + colon + 2;
    let bytes = source.as_bytes();
    while start < span.end && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    if start < span.end && bytes[start] == b'<' {
        let stop = source[start..span.end]
            .find('>')
            .map_or(span.end, |i| start + i);
        return (source[start + 1..stop].to_string(), start + 1..stop);
    }
    let stop = source[start..span.end]
        .find(|c: char| c.is_ascii_whitespace())
        .map_or(span.end, |i| start + i);
    (source[start..stop].to_string(), start..stop)
}

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

    fn parse(src: &str) -> Document {
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
    fn list_items_have_own_text_and_markers() {
        let src = "* Extends the X requirements\n* * doubled\n  - nested `code`\n1. one\n";
        let doc = parse(src);
        assert_eq!(doc.items[0].text, "Extends the X requirements");
        assert_eq!(doc.items[0].marker, '*');
        assert_eq!(doc.items[1].text, "");
        assert_eq!(doc.items[1].sublists.len(), 2);
        assert_eq!(doc.items[3].text, "nested code");
        let ordered = doc
            .items
            .iter()
            .find(|i| i.marker == '.')
            .expect("ordered item");
        assert_eq!(&src[ordered.marker_span.clone()], "1.");
    }

    #[test]
    fn link_destinations_have_exact_spans() {
        let src =
            "See [the *page*](/a\\_b/#x \"t\") and <https://x.y/z> and [r][lab].\n\n[lab]: /ref/\n";
        let doc = parse(src);
        assert_eq!(doc.links.len(), 3);
        assert_eq!(&src[doc.links[0].destination_span.clone()], "/a\\_b/#x");
        assert_eq!(doc.links[0].text, "the page");
        assert_eq!(&src[doc.links[0].text_span.clone()], "the *page*");
        assert_eq!(doc.links[1].destination, "https://x.y/z");
        assert_eq!(&src[doc.links[2].destination_span.clone()], "/ref/");
    }

    #[test]
    fn undefined_references_are_recorded() {
        let doc = parse("A [text][missing] and [b].\n");
        assert_eq!(doc.undefined_references.len(), 2);
        assert!(!doc.undefined_references[0].shortcut);
        assert!(doc.undefined_references[1].shortcut);
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

    #[test]
    fn code_is_not_prose() {
        let doc = parse("Text `code` here.\n\n```\nfenced\n```\n");
        assert!(doc.texts.iter().all(|t| !t.text.contains("fenced")));
        assert_eq!(doc.code.len(), 2);
    }
}
