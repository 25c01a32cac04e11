//! Resolving "Extends …" items: each item of a level's responsibilities
//! and requirements that reads as a reference, and a plain paragraph
//! that does right before the list, is parsed (see [`parse`] and
//! [`split`]), placed in the page (exact spans for the reference, the list
//! word and fused text) and resolved to the level it names.

use std::collections::BTreeSet;
use std::ops::Range;

use super::{parse, split, Extends, Fused, Levels, Parsed};
use crate::document::{BlockKind, Document};
use crate::family::{names, resolve_key, Level, LevelList, ListKind};
use crate::pattern::compile_gated;

/// The family's level names, as [`split`] asks about them.
struct Names<'a> {
    levels: &'a [Level],
    finals: BTreeSet<String>,
}

impl Levels for Names<'_> {
    fn resolves(&self, name: &str) -> bool {
        resolve_key(self.levels, &names::key(name)).is_some()
    }
    fn ends_a_name(&self, word: &str) -> bool {
        self.finals.contains(word)
    }
}

/// Reads the "Extends …" items (and lead-in paragraphs) of each level's
/// responsibilities and requirements, in page order, into
/// [`Level::extends`].
pub(in crate::family) fn resolve_extends(doc: &Document, levels: &mut [Level]) {
    let finals: BTreeSet<String> = levels
        .iter()
        .flat_map(|l| l.aliases.iter())
        .filter_map(|a| a.rsplit(' ').next().map(str::to_string))
        .collect();
    let mut all: Vec<Vec<Extends>> = Vec::with_capacity(levels.len());
    {
        let names_of = Names { levels, finals };
        for level in levels.iter() {
            let mut found = Vec::new();
            for list in [&level.responsibilities, &level.requirements]
                .into_iter()
                .flatten()
            {
                found.extend(lead_in_extends(doc, list, &names_of));
                for &i in &list.items {
                    if let Some(e) = read_extends(doc, i, list.kind, &names_of) {
                        found.push(e);
                    }
                }
            }
            found.sort_by_key(|e| e.reference_span.start);
            all.push(found);
        }
    }
    for (level, found) in levels.iter_mut().zip(all) {
        level.extends = found;
    }
}

fn read_extends(doc: &Document, i: usize, list: ListKind, names_of: &Names<'_>) -> Option<Extends> {
    let item = doc.items.get(i)?;
    let text = item.text.as_str();
    // Most items are no reference: parse before anything else.
    let parsed = parse(text)?;
    read_reference(
        doc,
        text,
        parsed,
        item.content.clone()?,
        Some(i),
        list,
        names_of,
    )
}

/// The "Extends …" reference written as a paragraph in a list's lead-in
/// ([`LevelList::lead_in`]: "Extends the Analyst requirements, plus:"),
/// when the paragraph is plain text: with markup, its text and its
/// source would differ.
fn lead_in_extends(doc: &Document, list: &LevelList, names_of: &Names<'_>) -> Option<Extends> {
    let Range { start, end } = list.lead_in(doc)?;
    let from = doc.blocks.partition_point(|b| b.span.start < start);
    let to = doc.blocks.partition_point(|b| b.span.start < end);
    let paragraph = doc
        .blocks
        .get(from..to.max(from))?
        .iter()
        .rev()
        .find(|b| b.kind == BlockKind::Paragraph && b.span.end <= end)?;
    let text = doc.text(paragraph.span.clone());
    if text.contains(['[', ']', '*', '_', '`', '<', '\\', '&']) {
        return None;
    }
    let parsed = parse(text)?;
    read_reference(
        doc,
        text,
        parsed,
        paragraph.span.clone(),
        None,
        list.kind,
        names_of,
    )
}

/// The reference of `text` (an item's text, or a lead-in paragraph's)
/// that `parsed` read, placed within `content`, its span in the file.
fn read_reference(
    doc: &Document,
    text: &str,
    parsed: Parsed,
    content: Range<usize>,
    item: Option<usize>,
    list: ListKind,
    names_of: &Names<'_>,
) -> Option<Extends> {
    let split = split(text, parsed.body.clone(), names_of);
    // The words after the reference (and its list word), up to any fused
    // text.
    let after_reference = {
        let from = split
            .stated
            .as_ref()
            .map_or(split.reference.end, |(_, r)| r.end.max(split.reference.end));
        let to = split.fused.as_ref().map_or(text.len(), |r| r.start);
        text.get(from..to.max(from)).unwrap_or_default()
    };
    let restated = grows_in_scope(after_reference);
    let mut cursor = content.start;
    let mut place = |r: &Range<usize>| -> Range<usize> {
        let found =
            locate(doc, content.clone(), cursor, &text[r.clone()]).unwrap_or(content.clone());
        cursor = found.end.max(cursor);
        found
    };
    let (stated, stated_span) = match parsed.stated.clone() {
        Some((k, r)) => (Some(k), Some(place(&r))),
        None => (None, None),
    };
    let reference = text[split.reference.clone()].to_string();
    let reference_span = place(&split.reference);
    let (stated, stated_span) = match (stated, split.stated.clone()) {
        (None, Some((k, r))) => (Some(k), Some(place(&r))),
        (s, _) => (s, stated_span),
    };
    let fused = split.fused.as_ref().map(|r| Fused {
        text: text[r.clone()].to_string(),
        span: place(r),
    });
    let link = doc
        .links
        .iter()
        .find(|l| !l.image && content.contains(&l.span.start))
        .map(|l| l.destination.clone());
    let target = resolve_key(names_of.levels, &names::key(&reference)).or_else(|| {
        // "[the Analyst responsibilities](#analyst)": the anchor names it.
        let anchor = link.as_deref()?.trim().strip_prefix('#')?;
        names_of.levels.iter().position(|l| {
            l.heading.is_some_and(|h| {
                let h = &doc.headings[h];
                h.anchor == anchor || h.custom_id.as_deref() == Some(anchor)
            })
        })
    });
    Some(Extends {
        item,
        restated,
        list,
        stated,
        stated_span,
        both: parsed.both,
        reference,
        reference_span,
        target,
        fused,
        link,
    })
}

/// Whether the words after a reference say the list restates the one it
/// extends, grown: "… responsibilities in complexity and scope", "… in
/// scope".
fn grows_in_scope(after: &str) -> bool {
    let lower = after.to_ascii_lowercase();
    lower.contains("scope") || lower.contains("complexity")
}

/// Where `needle` (plain text) is written in `within`, at or after `from`:
/// verbatim, or word by word across markup and line breaks.
fn locate(doc: &Document, within: Range<usize>, from: usize, needle: &str) -> Option<Range<usize>> {
    if needle.is_empty() || from > within.end {
        return None;
    }
    let hay = doc.text(from..within.end);
    if let Some(i) = hay.find(needle) {
        return Some(from + i..from + i + needle.len());
    }
    let words: Vec<String> = needle.split_whitespace().map(regex::escape).collect();
    let pattern = format!("(?i){}", words.join(r"[\s*_`\[\]]+"));
    // Searched once: without the literal prefilter, which would cost
    // more to build than it saves.
    let re = compile_gated(&pattern).ok()?;
    let m = re.find(hay)?;
    Some(from + m.start()..from + m.end())
}
