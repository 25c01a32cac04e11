//! Level detection: which headings of the page are the family's levels,
//! under a "Levels" heading (nested or at its depth) or, without one,
//! recognised by their grades and sub-sections.

use std::ops::Range;

use super::grade::{grade_in, no_grade_in};
use super::headings::{is_introduction, is_supplement, HeadingKind};
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
        if kinds[c] == HeadingKind::Other && !is_supplement(&doc.headings[c].text) {
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
    let found = split_deeper_levels(doc, kinds, found, title);
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
        if h.nested
            || kinds[i] != HeadingKind::Other
            || !outside(h.span.start)
            || is_supplement(&h.text)
        {
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
    // Keep the outermost, and the candidates nested in them that name a
    // role like them ("### Managing Counsel" inside "## Lead Counsel"):
    // those end the level they sit in.
    let kept: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| {
            let mut p = doc.sections[c].parent;
            while let Some(q) = p {
                if candidates.contains(&q) {
                    let words = content_words(&doc.headings[c].text);
                    let outer = content_words(&doc.headings[q].text);
                    return !words.starts_with(&outer) && shared(&words, &outer) >= 2;
                }
                p = doc.sections[q].parent;
            }
            true
        })
        .collect();
    if kept.len() < 2 {
        return Vec::new();
    }
    kept.iter()
        .enumerate()
        .map(|(n, &h)| {
            let mut span = doc.sections[h].span.clone();
            if let Some(&next) = kept.get(n + 1) {
                span.end = span.end.min(doc.headings[next].span.start);
            }
            Found {
                heading: Some(h),
                subs: subs_in(doc, h, &span),
                span,
            }
        })
        .collect()
}

/// Small words that say nothing about which role a name is.
const FILLER: &[&str] = &[
    "the", "and", "of", "for", "a", "an", "to", "in", "at", "on", "with", "or",
];

/// Words of a name that tell roles apart: [`names::tokens`] without the
/// small words.
pub(super) fn content_words(text: &str) -> Vec<String> {
    names::tokens(text)
        .into_iter()
        .filter(|w| !FILLER.contains(&w.as_str()))
        .collect()
}

/// Whether a name reads like the names in `known`: two words in common,
/// or every word but its seniority ("Senior Partner" among "Associate
/// Partner" and "Partner").
fn names_like(words: &[String], known: &[String]) -> bool {
    let common = shared(words, known);
    common >= 2
        || (common >= 1
            && words
                .iter()
                .all(|w| known.contains(w) || names::SENIORITY.contains(&w.as_str())))
}

/// How many words of `a` appear in `b`.
pub(super) fn shared(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|w| b.contains(w)).count()
}

/// Whether the part of the page from `start` to `end` holds a grade
/// statement, or says that the role has no grade.
pub(super) fn graded(doc: &Document, start: usize, end: usize) -> bool {
    let first = doc.blocks.partition_point(|b| b.span.start < start);
    let last = doc.blocks.partition_point(|b| b.span.start < end);
    doc.blocks[first..last.max(first)].iter().any(|b| {
        b.kind == BlockKind::Paragraph
            && (grade_in(doc, b.span.clone()).is_some()
                || no_grade_in(doc, b.span.clone()).is_some())
    })
}

/// Whether headings after `from` and before `end` name the parts of a
/// role: Responsibilities, Requirements or a Job Grade.
pub(super) fn has_role_parts(
    doc: &Document,
    kinds: &[HeadingKind],
    from: usize,
    end: usize,
) -> bool {
    (from + 1..doc.headings.len())
        .take_while(|&j| doc.headings[j].span.start < end)
        .any(|j| {
            !doc.headings[j].nested
                && matches!(
                    kinds[j],
                    HeadingKind::Section(
                        SectionKind::Responsibilities
                            | SectionKind::Requirements
                            | SectionKind::JobGrade
                    ) | HeadingKind::Named(_, _)
                )
        })
}

/// The headings inside `span`, after `heading`. Headings are in page
/// order, so the scan stops at the first one past the span.
pub(super) fn subs_in(doc: &Document, heading: usize, span: &Range<usize>) -> Vec<usize> {
    (heading + 1..doc.headings.len())
        .take_while(|&j| doc.headings[j].span.start < span.end)
        .filter(|&j| !doc.headings[j].nested && span.contains(&doc.headings[j].span.start))
        .collect()
}

/// Level headings written one depth lower than their siblings, or under
/// a sub-heading of the level before ("#### Partner" after "### Specialist
/// Career Ladder"): a deeper heading inside a level that names a role
/// like the others and holds a grade, or the parts of a role, starts a
/// level of its own.
fn split_deeper_levels(
    doc: &Document,
    kinds: &[HeadingKind],
    found: Vec<Found>,
    title: Option<&str>,
) -> Vec<Found> {
    let mut known: Vec<String> = title.map(content_words).unwrap_or_default();
    for f in &found {
        if let Some(h) = f.heading {
            known.extend(content_words(&doc.headings[h].text));
        }
    }
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let Some(h) = f.heading else {
            out.push(f);
            continue;
        };
        let mut starts = vec![h];
        for &j in &f.subs {
            let heading = &doc.headings[j];
            if kinds[j] != HeadingKind::Other || is_supplement(&heading.text) {
                continue;
            }
            // Its own part: up to the next heading of its depth or above
            // that is no section word, or the level's end.
            let end = (j + 1..doc.headings.len())
                .find(|&k| kinds[k] == HeadingKind::Other && doc.headings[k].level <= heading.level)
                .map_or(f.span.end, |k| doc.headings[k].span.start)
                .min(f.span.end);
            let words = content_words(&heading.text);
            // "#### Senior Analyst Overview" is about the level it sits in.
            let own = content_words(&doc.headings[h].text);
            if words.starts_with(&own) {
                continue;
            }
            let names_a_role = names_like(&words, &known);
            if names_a_role
                && (graded(doc, heading.span.end, end) || has_role_parts(doc, kinds, j, end))
            {
                starts.push(j);
            }
        }
        for (n, &start) in starts.iter().enumerate() {
            let end = starts
                .get(n + 1)
                .map_or(f.span.end, |&next| doc.headings[next].span.start);
            let span = doc.headings[start].span.start..end;
            out.push(Found {
                heading: Some(start),
                subs: subs_in(doc, start, &span),
                span,
            });
        }
    }
    out
}

/// Headings after the levels found, or before them, that hold a level
/// all the same: a level written at another depth than the others
/// ("## Intermediate Engineer" after "## Levels" / "### Associate
/// Engineer"), a level under a family-wide section ("#### Senior Director"
/// under "## Performance Indicators"), or the base role described before
/// the Levels heading with a grade of its own. Outside the levels found
/// (and the specialties), a heading counts when its own part holds a grade
/// statement.
pub(super) fn stray_levels(
    doc: &Document,
    kinds: &[HeadingKind],
    found: &mut Vec<Found>,
    levels_heading: Option<usize>,
    outside: &dyn Fn(usize) -> bool,
) {
    let starts: Vec<usize> = found.iter().map(|f| f.span.start).collect();
    let mut added = Vec::new();
    for (i, h) in doc.headings.iter().enumerate() {
        if h.nested
            || kinds[i] != HeadingKind::Other
            || is_supplement(&h.text)
            || !outside(h.span.start)
            || found.iter().any(|f| f.span.contains(&h.span.start))
        {
            continue;
        }
        let end = (i + 1..doc.headings.len())
            .find(|&k| {
                let other = &doc.headings[k];
                !other.nested
                    && (Some(k) == levels_heading
                        || starts.contains(&other.span.start)
                        || kinds[k] == HeadingKind::Other
                        || (other.level <= h.level
                            && matches!(
                                kinds[k],
                                HeadingKind::Section(
                                    SectionKind::Levels
                                        | SectionKind::Specialties
                                        | SectionKind::CareerLadder
                                        | SectionKind::HiringProcess
                                        | SectionKind::PerformanceIndicators
                                )
                            )))
            })
            .map_or(doc.source.len(), |k| doc.headings[k].span.start);
        if graded(doc, h.span.end, end) {
            let span = h.span.start..end;
            added.push(Found {
                heading: Some(i),
                subs: subs_in(doc, i, &span),
                span,
            });
        }
    }
    if added.is_empty() {
        return;
    }
    found.extend(added);
    found.sort_by_key(|f| f.span.start);
    // A level ends where the next one starts.
    for n in 1..found.len() {
        let next = found[n].span.start;
        let f = &mut found[n - 1];
        if f.span.end > next {
            f.span.end = next;
            if let Some(h) = f.heading {
                f.subs = subs_in(doc, h, &f.span);
            }
        }
    }
}

/// What [`sort_out`] set aside.
#[derive(Default)]
pub(super) struct SetAside {
    /// Headings of specialties found among the levels.
    pub(super) specialties: Vec<usize>,
}

/// Drops the headings found among the levels that are no levels, with no
/// grade statement of their own:
/// - a heading that introduces the family ("Backend Engineering Roles at
///   GitLab" on a page titled "Backend Engineering Roles"), and the base
///   role described before the Levels heading whose section holds it;
/// - a specialty: a heading under a family-wide section (Hiring Process,
///   Performance Indicators, Career Ladder), or, on a page whose other
///   levels name roles, a heading that names none (no seniority, and no
///   word shared with the title or with a level that has a grade):
///   "Gitter" or "Distribution" after "Senior";
/// - a variant of several levels at once, whose name joins their ranks
///   ("Director and Senior Director, Public Sector Programs").
pub(super) fn sort_out(
    doc: &Document,
    kinds: &[HeadingKind],
    found: Vec<Found>,
    title: Option<&str>,
    levels_heading: Option<usize>,
    aside: &mut SetAside,
) -> Vec<Found> {
    let title_words: Vec<String> = title.map(content_words).unwrap_or_default();
    let is_graded: Vec<bool> = found
        .iter()
        .map(|f| graded(doc, f.span.start, f.span.end))
        .collect();
    let words: Vec<Vec<String>> = found
        .iter()
        .map(|f| {
            f.heading
                .map_or_else(Vec::new, |h| content_words(&doc.headings[h].text))
        })
        .collect();
    let graded_words: Vec<&String> = words
        .iter()
        .zip(&is_graded)
        .filter(|(_, g)| **g)
        .flat_map(|(w, _)| w.iter())
        .collect();
    let names_a_role = |i: usize| {
        // A name of small words alone ("A") cannot be told apart.
        words[i].is_empty()
            || words[i].iter().any(|w| {
                names::SENIORITY.contains(&w.as_str())
                    || title_words.contains(w)
                    || graded_words.contains(&w)
            })
    };
    let any_role = (0..found.len()).any(|i| is_graded[i] || names_a_role(i));
    let mut keep = Vec::with_capacity(found.len());
    for (i, f) in found.into_iter().enumerate() {
        let Some(h) = f.heading else {
            keep.push(f);
            continue;
        };
        if is_graded[i] {
            keep.push(f);
            continue;
        }
        if introduces_family(&doc.headings[h].text, &title_words)
            || levels_heading.is_some_and(|l| {
                l != h && doc.sections[h].span.contains(&doc.headings[l].span.start)
            })
        {
            continue;
        }
        if under_family_section(doc, kinds, h)
            || (any_role && !names_a_role(i))
            || spans_several_ranks(&doc.headings[h].text)
        {
            aside.specialties.push(h);
            continue;
        }
        keep.push(f);
    }
    keep
}

/// Rank words that, with the seniority words, can make up a level's rank
/// ("Senior Director", "Vice President").
const RANKS: &[&str] = &[
    "manager",
    "director",
    "head",
    "vp",
    "vice",
    "president",
    "officer",
    "executive",
    "group",
];

/// Whether a heading's name, before its first comma, joins two or more
/// ranks with "and", "&", "or" or "/" ("Director and Senior Director,
/// Public Sector Programs"): a variant that spans several levels, not one
/// level of its own.
fn spans_several_ranks(text: &str) -> bool {
    let head = text.split(',').next().unwrap_or(text).to_lowercase();
    let parts: Vec<&str> = head
        .split(['/', '&'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" or "))
        .map(str::trim)
        .collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            let mut words = part.split_whitespace().peekable();
            words.peek().is_some()
                && words.all(|w| RANKS.contains(&w) || names::SENIORITY.contains(&w))
        })
}

/// Whether heading `h` sits under a family-wide section heading.
pub(super) fn under_family_section(doc: &Document, kinds: &[HeadingKind], h: usize) -> bool {
    let mut parent = doc.sections[h].parent;
    while let Some(p) = parent {
        if matches!(
            kinds[p],
            HeadingKind::Section(
                SectionKind::HiringProcess
                    | SectionKind::PerformanceIndicators
                    | SectionKind::CareerLadder
            )
        ) {
            return true;
        }
        parent = doc.sections[p].parent;
    }
    false
}

/// Words a heading that introduces the family adds to the title's.
const INTRODUCING: &[&str] = &[
    "role",
    "roles",
    "at",
    "gitlab",
    "about",
    "the",
    "overview",
    "family",
    "job",
    "position",
    "positions",
    "team",
    "in",
    "of",
    "our",
];

/// Whether a heading introduces the whole family: it holds every word of
/// the title (but "Roles") and only words that introduce ("Backend
/// Engineering Roles at GitLab" under the title "Backend Engineering
/// Roles").
fn introduces_family(text: &str, title_words: &[String]) -> bool {
    if is_introduction(text) {
        return true;
    }
    let core: Vec<&String> = title_words
        .iter()
        .filter(|w| !matches!(w.as_str(), "role" | "roles"))
        .collect();
    if core.is_empty() {
        return false;
    }
    let words = content_words(text);
    core.iter().all(|w| words.contains(w))
        && words
            .iter()
            .all(|w| core.contains(&w) || INTRODUCING.contains(&w.as_str()))
        && words.len() > core.len()
}

#[cfg(test)]
mod tests {
    use super::spans_several_ranks;

    #[test]
    fn names_that_join_ranks_span_several_levels() {
        assert!(spans_several_ranks(
            "Director and Senior Director, Public Sector Programs"
        ));
        assert!(spans_several_ranks("Manager / Senior Manager, Field Sales"));
        assert!(!spans_several_ranks(
            "Senior Director, Public Sector Programs"
        ));
        assert!(!spans_several_ranks("Research and Development Manager"));
        assert!(!spans_several_ranks("Director of Sales and Marketing"));
        assert!(!spans_several_ranks("Sales and Marketing"));
    }
}
