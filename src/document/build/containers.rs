//! Opening and closing containers as tags start and end: headings,
//! paragraphs, lists and their items (with their markers), links and the
//! blocks whose text is not prose.

use std::ops::Range;

use pulldown_cmark::{Tag, TagEnd};

use super::{Builder, Open};
use crate::document::{slug, Block, BlockKind, Heading, List, ListItem};

impl Builder<'_> {
    /// Opens the container `tag` starts, recording headings, lists, items,
    /// links and top-level blocks.
    pub(super) fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
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

    /// Closes the innermost open container.
    pub(super) fn end(&mut self, tag: TagEnd, range: Range<usize>) {
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

    fn innermost_item(&self) -> Option<usize> {
        self.open_items.last().copied()
    }

    fn innermost_list(&self) -> Option<usize> {
        self.open_lists.last().copied()
    }

    /// Records a top-level block.
    pub(super) fn push_block(&mut self, kind: BlockKind, span: Range<usize>) {
        self.blocks.push(Block { kind, span });
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

    /// Trims a closed heading's text and gives it its unique anchor.
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

#[cfg(test)]
mod tests {
    use super::super::tests::parse;

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
}
