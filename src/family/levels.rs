//! Level detection: which headings of the page are the family's levels,
//! under a "Levels" heading (nested or at its depth) or, without one,
//! recognised by their grades and sub-sections.

use std::ops::Range;

use super::grade::grade_in;
use super::headings::{is_introduction, HeadingKind};
use super::names;
use super::{Layout, SectionKind};
use crate::document::{BlockKind, Document};

/// A level while the page is being read.
pub(super) struct Found {
    /// The level's heading; `None` for the implicit level of a
    /// single-role page.
    pub(super) heading: Option<usize>,
    /// From the heading to the next level (or the end of the levels).
    pub(super) span: Range<usize>,
    /// The headings inside the level, nested or flat.
    pub(super) subs: Vec<usize>,
}

/// Levels under (or, by mistake, beside) the "Levels" heading `l`.
pub(super) fn levels_under(
    doc: &Document,
    kinds: &[HeadingKind],
    l: usize,
    title: Option<&str>,
) -> (Layout, Vec<Found>) {
    let mut found: Vec<Found> = Vec::new();
    let section = &doc.sections[l];
    let (layout, candidates, end): (Layout, Vec<usize>, usize) = if !section.children.is_empty() {
        (Layout::Nested, section.children.clone(), section.span.end)
    } else {
        // "### Levels" followed by "### Senior Analyst": the levels sit at
        // the Levels heading's own depth, up to a shallower heading or a
        // family-wide section.
        let depth = doc.headings[l].level;
        let mut list = Vec::new();
        let mut end = doc.source.len();
        for (j, h) in doc.headings.iter().enumerate().skip(l + 1) {
            if h.nested {
                continue;
            }
            if h.level < depth
                || (h.level == depth
                    && matches!(
                        kinds[j],
                        HeadingKind::Section(
                            SectionKind::CareerLadder
                                | SectionKind::HiringProcess
                                | SectionKind::Specialties
                                | SectionKind::Levels
                        )
                    ))
            {
                end = h.span.start;
                break;
            }
            if h.level == depth {
                list.push(j);
            }
        }
        (Layout::SameDepth, list, end)
    };
    for &c in &candidates {
        if doc.headings[c].nested {
            continue;
        }
        if kinds[c] == HeadingKind::Other {
            if let Some(last) = found.last_mut() {
                last.span.end = doc.headings[c].span.start;
            }
            found.push(Found {
                heading: Some(c),
                span: doc.headings[c].span.start..end,
                subs: Vec::new(),
            });
        }
    }
    for f in &mut found {
        let Some(h) = f.heading else { continue };
        f.subs = (h + 1..doc.headings.len())
            .filter(|&j| !doc.headings[j].nested && f.span.contains(&doc.headings[j].span.start))
            .collect();
    }
    // A heading among the levels that reads as neither a level nor a part
    // of one ("Overview") is not a level.
    if found.len() >= 2 {
        let words: Vec<Vec<String>> = found
            .iter()
            .map(|f| {
                f.heading
                    .map_or_else(Vec::new, |h| names::tokens(&doc.headings[h].text))
            })
            .collect();
        let title_words = title.map(names::tokens).unwrap_or_default();
        let keep: Vec<bool> = found
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let bare = !words[i].is_empty()
                    && words[i]
                        .iter()
                        .all(|w| names::SENIORITY.contains(&w.as_str()));
                let has_parts = f.subs.iter().any(|&s| kinds[s] != HeadingKind::Other);
                let first = doc.blocks.partition_point(|b| b.span.start < f.span.start);
                let last = doc.blocks.partition_point(|b| b.span.start < f.span.end);
                let has_grade = doc.blocks[first..last].iter().any(|b| {
                    b.kind == BlockKind::Paragraph && grade_in(doc, b.span.clone()).is_some()
                });
                let shares = words[i].iter().any(|w| {
                    !matches!(w.as_str(), "the" | "and" | "of" | "for" | "a" | "to" | "in")
                        && (title_words.contains(w)
                            || words
                                .iter()
                                .enumerate()
                                .any(|(j, other)| j != i && other.contains(w)))
                });
                bare || has_parts || has_grade || shares
            })
            .collect();
        let mut i = 0;
        found.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }
    (layout, found)
}

/// Levels without a "Levels" heading: headings whose sections hold a grade
/// statement or role sub-sections. Fewer than two make a single role.
pub(super) fn unlabelled_levels(
    doc: &Document,
    kinds: &[HeadingKind],
    title: Option<&str>,
    outside: &dyn Fn(usize) -> bool,
) -> Vec<Found> {
    let mut candidates: Vec<usize> = Vec::new();
    // The title's key, worked out the first time a heading needs it.
    let title_key: std::cell::OnceCell<Option<String>> = std::cell::OnceCell::new();
    for (i, h) in doc.headings.iter().enumerate() {
        if h.nested || kinds[i] != HeadingKind::Other || !outside(h.span.start) {
            continue;
        }
        // Read only when the parts alone do not decide.
        let has_grade = || {
            doc.blocks_under(i)
                .iter()
                .any(|b| b.kind == BlockKind::Paragraph && grade_in(doc, b.span.clone()).is_some())
        };
        let has_parts = doc.sections[i].children.iter().any(|&c| {
            matches!(
                kinds[c],
                HeadingKind::Section(
                    SectionKind::Responsibilities
                        | SectionKind::Requirements
                        | SectionKind::JobGrade
                ) | HeadingKind::Named(_, _)
            )
        });
        // "## Overview", or a heading that repeats the page's title, over
        // the family-wide Responsibilities and Requirements and with no
        // grade anywhere in its section introduces the family: it is no
        // level.
        let introduces = || {
            is_introduction(&h.text)
                || title_key
                    .get_or_init(|| title.map(names::key))
                    .as_ref()
                    .is_some_and(|t| *t == names::key(&h.text))
        };
        if has_parts && introduces() && grade_in(doc, doc.sections[i].span.clone()).is_none() {
            continue;
        }
        if has_parts || has_grade() {
            candidates.push(i);
        }
    }
    // Keep the outermost.
    let outer: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| {
            let mut p = doc.sections[c].parent;
            while let Some(q) = p {
                if candidates.contains(&q) {
                    return false;
                }
                p = doc.sections[q].parent;
            }
            true
        })
        .collect();
    if outer.len() < 2 {
        return Vec::new();
    }
    outer
        .into_iter()
        .map(|h| {
            let span = doc.sections[h].span.clone();
            let subs = (h + 1..doc.headings.len())
                .filter(|&j| !doc.headings[j].nested && span.contains(&doc.headings[j].span.start))
                .collect();
            Found {
                heading: Some(h),
                span,
                subs,
            }
        })
        .collect()
}
