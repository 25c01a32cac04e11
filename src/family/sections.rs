//! Section assignment: what belongs to each level once the levels are
//! found (its responsibilities, requirements and indicators lists, its
//! sub-headings and its grade statement, and a grade stated elsewhere on
//! the page that names it).

use std::ops::Range;

use super::grade::grade_in;
use super::headings::{classify, HeadingKind};
use super::levels::Found;
use super::names;
use super::{Level, LevelList, ListKind, SectionKind, SubHeading};
use crate::document::{BlockKind, Document};

/// The items of lists among `blocks`, nested ones included.
fn items_in(doc: &Document, blocks: &[crate::document::Block]) -> Vec<usize> {
    let mut out = Vec::new();
    for block in blocks {
        if let BlockKind::List(_) = block.kind {
            let first = doc
                .items
                .partition_point(|i| i.span.start < block.span.start);
            let last = doc.items.partition_point(|i| i.span.start < block.span.end);
            out.extend(first..last);
        }
    }
    out
}

/// Reads the level `found`: its name and aliases, its lists (under
/// section headings or bold paragraphs standing in for them), its
/// sub-headings and its grade statement.
pub(super) fn read_level(
    doc: &Document,
    kinds: &[HeadingKind],
    found: &Found,
    title: Option<&str>,
    outside: &dyn Fn(usize) -> bool,
) -> Level {
    let name = match found.heading {
        Some(h) => names::squash(&doc.headings[h].text),
        None => title.unwrap_or_default().to_string(),
    };
    let mut level = Level {
        aliases: names::aliases(&name, title),
        name,
        heading: found.heading,
        span: found.span.clone(),
        ..Level::default()
    };
    let add = |level: &mut Level,
               kind: ListKind,
               heading: Option<usize>,
               span: Range<usize>,
               items: Vec<usize>| {
        let slot = match kind {
            ListKind::Responsibilities => &mut level.responsibilities,
            ListKind::Requirements => &mut level.requirements,
            ListKind::PerformanceIndicators => &mut level.indicators,
        };
        match slot {
            Some(list) => list.items.extend(items),
            None => {
                *slot = Some(LevelList {
                    kind,
                    heading,
                    span,
                    items,
                })
            }
        }
    };
    // Bold paragraphs standing in for headings, right under the level.
    if let Some(h) = found.heading {
        let blocks = doc.blocks_under(h);
        for (b, block) in blocks.iter().enumerate() {
            if block.kind != BlockKind::Paragraph {
                continue;
            }
            let text = doc.text(block.span.clone());
            if text.len() > 60 || !(text.starts_with("**") || text.starts_with("__")) {
                continue;
            }
            if let HeadingKind::Section(kind) = classify(text) {
                if let (Some(list_kind), Some(next)) = (kind.list_kind(), blocks.get(b + 1)) {
                    add(
                        &mut level,
                        list_kind,
                        None,
                        block.span.clone(),
                        items_in(doc, std::slice::from_ref(next)),
                    );
                }
            }
        }
    }
    let mut grade_places: Vec<Range<usize>> = Vec::new();
    if let Some(h) = found.heading {
        grade_places.extend(paragraphs(doc, doc.blocks_under(h)));
    }
    for &s in &found.subs {
        let (kind, role) = match &kinds[s] {
            HeadingKind::Section(k) => (Some(*k), None),
            HeadingKind::Named(role_text, k) => {
                let h = &doc.headings[s];
                let role_text = role_text.clone();
                let raw = doc.text(h.content.clone());
                let span = if raw.starts_with(&role_text) {
                    h.content.start..h.content.start + role_text.len()
                } else {
                    h.content.clone()
                };
                (Some(*k), Some((role_text, span)))
            }
            HeadingKind::Other => (None, None),
        };
        level.subheadings.push(SubHeading {
            heading: s,
            kind,
            role,
        });
        match kind {
            Some(SectionKind::JobGrade) => {
                grade_places.extend(paragraphs(doc, doc.blocks_under(s)))
            }
            Some(k) => {
                if let Some(list_kind) = k.list_kind() {
                    let items = items_in(doc, doc.blocks_under(s));
                    add(
                        &mut level,
                        list_kind,
                        Some(s),
                        doc.headings[s].span.clone(),
                        items,
                    );
                }
            }
            None => {}
        }
    }
    // Then any paragraph of the level.
    let first = doc
        .blocks
        .partition_point(|b| b.span.start < found.span.start);
    let last = doc
        .blocks
        .partition_point(|b| b.span.start < found.span.end);
    grade_places.extend(paragraphs(doc, &doc.blocks[first..last]).filter(|r| outside(r.start)));
    level.grade = grade_places.into_iter().find_map(|r| grade_in(doc, r));
    level
}

/// The spans of the paragraphs among `blocks`.
fn paragraphs<'a>(
    _doc: &'a Document,
    blocks: &'a [crate::document::Block],
) -> impl Iterator<Item = Range<usize>> + 'a {
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.span.clone())
}

/// Levels without a grade of their own take a grade statement elsewhere
/// on the page that names them.
pub(super) fn attach_stray_grades(doc: &Document, levels: &mut [Level]) {
    if levels.iter().all(|l| l.grade.is_some()) {
        return;
    }
    for block in &doc.blocks {
        if block.kind != BlockKind::Paragraph && !matches!(block.kind, BlockKind::List(_)) {
            continue;
        }
        if levels.iter().any(|l| l.span.contains(&block.span.start)) {
            continue;
        }
        let mut from = block.span.start;
        while from < block.span.end {
            let Some(grade) = grade_in(doc, from..block.span.end) else {
                break;
            };
            from = grade.number_span.end.max(from + 1);
            let Some(role) = grade.role.clone() else {
                continue;
            };
            if let Some(level) = levels
                .iter_mut()
                .find(|l| l.grade.is_none() && l.answers_to(&role))
            {
                level.grade = Some(grade);
            }
        }
    }
}
