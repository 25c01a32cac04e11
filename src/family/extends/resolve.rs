//! Resolving "Extends …" items: each item of a level's responsibilities
//! and requirements that reads as a reference is parsed (see [`parse`] and
//! [`split`]), placed in the page (exact spans for the reference, the list
//! word and fused text) and resolved to the level it names.

use std::collections::BTreeSet;
use std::ops::Range;

use super::{parse, split, Extends, Fused, Levels};
use crate::document::Document;
use crate::family::{names, resolve_key, Level, ListKind};
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

/// Reads the "Extends …" items of each level's responsibilities and
/// requirements, in page order, into [`Level::extends`].
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
                for &i in &list.items {
                    if let Some(e) = read_extends(doc, i, list.kind, &names_of) {
                        found.push(e);
                    }
                }
            }
            found.sort_by_key(|e| doc.items[e.item].span.start);
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
    let parsed = parse(text)?;
    let split = split(text, parsed.body.clone(), names_of);
    let content = item.content.clone()?;
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
        item: i,
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
