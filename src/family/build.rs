//! Builds the job-family model of a parsed page: finds the specialties
//! and levels (see [`levels`](super::levels)), reads each level's parts
//! (see [`sections`](super::sections)), resolves its "Extends" references,
//! and collects the family-wide sections and the overview.

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

use super::extends;
use super::headings::{classify, HeadingKind};
use super::levels::{
    has_role_parts, levels_under, sort_out, stray_levels, under_family_section, unlabelled_levels,
    Found, SetAside,
};
use super::names;
use super::roles;
use super::sections::{attach_stray_grades, read_level};
use super::spans::SpanSet;
use super::{FamilySection, JobFamily, Layout, Level, SectionKind, Specialty};
use crate::document::{BlockKind, Document};

/// Reads the job family of `doc`.
pub(super) fn build(doc: &Document) -> JobFamily {
    let title = doc.title().map(names::squash);
    let kinds: Vec<HeadingKind> = doc.headings.iter().map(|h| classify(&h.text)).collect();
    let is_kind = |i: usize, k: SectionKind| kinds[i] == HeadingKind::Section(k);

    let (mut specialties, mut excluded) = specialties(doc, &kinds);

    let levels_heading = (0..doc.headings.len())
        .find(|&i| !doc.headings[i].nested && is_kind(i, SectionKind::Levels));
    let mut aside = SetAside::default();
    let sort = |found, aside: &mut SetAside| {
        sort_out(doc, &kinds, found, title.as_deref(), levels_heading, aside)
    };
    let (mut layout, mut found) = match levels_heading {
        Some(l) => levels_under(doc, &kinds, l, title.as_deref()),
        None => (Layout::Unlabelled, Vec::new()),
    };
    found = sort(found, &mut aside);
    // Specialties found so far are no levels.
    let excluded_spans = SpanSet::new(excluded.iter().cloned());
    let outside = |offset: usize| !excluded_spans.contains(offset);
    if found.is_empty() {
        found = unlabelled_levels(doc, &kinds, title.as_deref(), &outside);
        found = sort(found, &mut aside);
        layout = Layout::Unlabelled;
    }
    if !found.is_empty() {
        stray_levels(doc, &kinds, &mut found, levels_heading, &outside);
        found = sort(found, &mut aside);
    }
    // Specialties under a family-wide section ("### Databases" with its own
    // Requirements under "## Hiring Process") that were never taken for
    // levels.
    let in_found = SpanSet::new(found.iter().map(|f| f.span.clone()));
    for (i, h) in doc.headings.iter().enumerate() {
        if !h.nested
            && kinds[i] == HeadingKind::Other
            && !in_found.contains(h.span.start)
            && under_family_section(doc, &kinds, i)
            && has_role_parts(doc, &kinds, i, doc.sections[i].span.end)
        {
            aside.specialties.push(i);
        }
    }
    // Specialties found among the levels.
    aside.specialties.sort_unstable();
    aside.specialties.dedup();
    let level_headings: HashSet<usize> = found.iter().filter_map(|f| f.heading).collect();
    for &h in &aside.specialties {
        if level_headings.contains(&h) {
            continue;
        }
        specialties.push(Specialty {
            name: doc.headings[h].text.clone(),
            heading: h,
            span: doc.sections[h].span.clone(),
        });
        excluded.push(doc.sections[h].span.clone());
    }
    specialties.sort_by_key(|s| s.heading);
    let excluded = SpanSet::new(excluded);
    let outside = |offset: usize| !excluded.contains(offset);
    let explicit = !found.is_empty();
    if !explicit {
        layout = Layout::SingleRole;
        let subs = (0..doc.headings.len())
            .filter(|&i| outside(doc.headings[i].span.start) && kinds[i] != HeadingKind::Other)
            .collect();
        found.push(Found {
            heading: None,
            span: doc.body_start..doc.source.len(),
            subs,
        });
    }

    let mut levels: Vec<Level> = found
        .iter()
        .map(|f| read_level(doc, &kinds, f, title.as_deref(), &outside))
        .collect();

    // A grade stated elsewhere on the page ("## Job Grades" listing them).
    if explicit {
        attach_stray_grades(doc, &mut levels);
    }

    extends::resolve_extends(doc, &mut levels);
    roles::resolve_by_reading(&mut levels, title.as_deref());

    // Family-wide sections: known sections outside every level and
    // specialty.
    let level_spans = SpanSet::new(found.iter().map(|f| f.span.clone()));
    let in_level = |offset: usize| explicit && level_spans.contains(offset);
    let sections = family_sections(doc, &kinds, &|offset| outside(offset) && !in_level(offset));
    let is_job_family = title.is_some()
        && !is_redirect_stub(doc)
        && (explicit
            || has_family_layout(doc)
            || known_sections(&kinds) >= 2
            || only_role_sections(&kinds));

    JobFamily {
        title,
        overview: overview(doc),
        is_job_family,
        layout,
        levels_heading,
        levels,
        specialties,
        sections,
        heading_kinds: kinds,
    }
}

/// The specialties under "Specialties" headings, and the parts of the
/// page those headings' sections cover.
fn specialties(doc: &Document, kinds: &[HeadingKind]) -> (Vec<Specialty>, Vec<Range<usize>>) {
    let mut specialties = Vec::new();
    let mut excluded: Vec<Range<usize>> = Vec::new();
    for (i, h) in doc.headings.iter().enumerate() {
        if h.nested || kinds[i] != HeadingKind::Section(SectionKind::Specialties) {
            continue;
        }
        for &child in &doc.sections[i].children {
            specialties.push(Specialty {
                name: doc.headings[child].text.clone(),
                heading: child,
                span: doc.sections[child].span.clone(),
            });
        }
        excluded.push(doc.sections[i].span.clone());
    }
    (specialties, excluded)
}

/// The known sections whose headings start where `family_wide` accepts,
/// with the list items of those that hold lists.
fn family_sections(
    doc: &Document,
    kinds: &[HeadingKind],
    family_wide: &dyn Fn(usize) -> bool,
) -> Vec<FamilySection> {
    (0..doc.headings.len())
        .filter_map(|i| match kinds[i] {
            HeadingKind::Section(kind) if family_wide(doc.headings[i].span.start) => {
                let items = if kind.list_kind().is_some() {
                    let end = doc.sections[i].span.end;
                    let first = doc
                        .items
                        .partition_point(|it| it.span.start < doc.headings[i].span.end);
                    let last = doc.items.partition_point(|it| it.span.start < end);
                    (first..last).collect()
                } else {
                    Vec::new()
                };
                Some(FamilySection {
                    kind,
                    heading: i,
                    items,
                })
            }
            _ => None,
        })
        .collect()
}

/// The first paragraph before the first heading.
fn overview(doc: &Document) -> Option<Range<usize>> {
    let first_heading = doc
        .headings
        .first()
        .map_or(doc.source.len(), |h| h.span.start);
    doc.blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph && b.span.start < first_heading)
        .map(|b| b.span.clone())
}

/// Whether the page only points elsewhere: no heading, and a body of one
/// paragraph that starts with "See" and holds a link ("See [Data
/// Analyst](/job-families/data-analyst/).").
fn is_redirect_stub(doc: &Document) -> bool {
    let mut blocks = doc.blocks.iter().filter(|b| b.kind != BlockKind::Html);
    let (Some(only), None) = (blocks.next(), blocks.next()) else {
        return false;
    };
    let text = doc.text(only.span.clone()).trim_start();
    doc.headings.is_empty()
        && only.kind == BlockKind::Paragraph
        && text
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("see "))
        && doc.links.iter().any(|l| only.span.contains(&l.span.start))
}

/// Whether every heading of the page names a section of a role and one of
/// them is its Responsibilities or Requirements: a single role described
/// by one list ("## Responsibilities" alone).
fn only_role_sections(kinds: &[HeadingKind]) -> bool {
    !kinds.is_empty()
        && kinds.iter().all(|k| matches!(k, HeadingKind::Section(_)))
        && kinds.iter().any(|k| {
            matches!(
                k,
                HeadingKind::Section(SectionKind::Responsibilities | SectionKind::Requirements)
            )
        })
}

/// Whether the front matter says `layout: job_family_page`.
fn has_family_layout(doc: &Document) -> bool {
    doc.front_matter
        .as_ref()
        .and_then(|fm| fm.field("layout"))
        .and_then(|f| f.value.as_deref())
        .is_some_and(|v| v.trim() == "job_family_page")
}

/// How many of the sections a job family needs (Responsibilities,
/// Requirements, Job Grade, Hiring Process, Performance Indicators) the
/// page's headings name, alone or after a role.
fn known_sections(kinds: &[HeadingKind]) -> usize {
    let known: BTreeSet<SectionKind> = kinds
        .iter()
        .filter_map(|k| match k {
            HeadingKind::Section(k) | HeadingKind::Named(_, k) => Some(*k),
            HeadingKind::Other => None,
        })
        .filter(|k| {
            matches!(
                k,
                SectionKind::Responsibilities
                    | SectionKind::Requirements
                    | SectionKind::JobGrade
                    | SectionKind::HiringProcess
                    | SectionKind::PerformanceIndicators
            )
        })
        .collect();
    known.len()
}
