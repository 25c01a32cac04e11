//! Walking pulldown-cmark's events: consecutive text events merged into
//! one run, each event handed to its handler, and text added to the
//! prose runs and to the heading, item and link being built.

use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser};

use super::{options, Builder, Open};
use crate::document::{
    BlockKind, Container, Html, ReferenceDefinition, TextRun, UndefinedReference,
};

impl Builder<'_> {
    /// Walks the body's events, after its reference definitions, and
    /// records the references that have no definition.
    pub(super) fn run(&mut self) {
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

    /// Hands one event (other than text) to its handler.
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

    /// Records a run of prose text outside code blocks.
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

    /// What kind of block the text being read sits in.
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

    /// Records HTML, merging adjacent parts of one HTML block.
    pub(super) fn push_html(&mut self, span: Range<usize>, block: bool) {
        if let Some(last) = self.html.last_mut() {
            if last.block && block && last.span.end >= span.start && last.span.start <= span.start {
                last.span.end = last.span.end.max(span.end);
                return;
            }
        }
        self.html.push(Html { span, block });
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse;

    #[test]
    fn code_is_not_prose() {
        let doc = parse("Text `code` here.\n\n```\nfenced\n```\n");
        assert!(doc.texts.iter().all(|t| !t.text.contains("fenced")));
        assert_eq!(doc.code.len(), 2);
    }
}
