//! Builds the job-family model of a parsed page: finds the specialties
//! and levels (see [`levels`](super::levels)), reads each level's parts
//! (see [`sections`](super::sections)), resolves its "Extends" references,
//! and collects the family-wide sections and the overview.

use std::collections::BTreeSet;
use std::ops::Range;

use super::extends;
use super::headings::{classify, HeadingKind};
use super::levels::{levels_under, unlabelled_levels, Found};
use super::names;
use super::sections::{attach_stray_grades, read_level};
use super::{FamilySection, JobFamily, Layout, Level, SectionKind, Specialty};
use crate::document::{BlockKind, Document};

/// Reads the job family of `doc`.
pub(super) fn build(doc: &Document) -> JobFamily {
    let title = doc.title().map(names::squash);
    let kinds: Vec<HeadingKind> = doc.headings.iter().map(|h| classify(&h.text)).collect();
    let is_kind = |i: usize, k: SectionKind| kinds[i] == HeadingKind::Section(k);

    let (specialties, excluded) = specialties(doc, &kinds);
    let outside = |offset: usize| !excluded.iter().any(|r| r.contains(&offset));

    let levels_heading = (0..doc.headings.len())
        .find(|&i| !doc.headings[i].nested && is_kind(i, SectionKind::Levels));
    let (mut layout, mut found) = match levels_heading {
        Some(l) => levels_under(doc, &kinds, l, title.as_deref()),
        None => (Layout::Unlabelled, Vec::new()),
    };
    if found.is_empty() {
        found = unlabelled_levels(doc, &kinds, title.as_deref(), &outside);
        layout = Layout::Unlabelled;
    }
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

    // Family-wide sections: known sections outside every level and
    // specialty.
    let in_level = |offset: usize| explicit && found.iter().any(|f| f.span.contains(&offset));
    let sections = family_sections(doc, &kinds, &|offset| outside(offset) && !in_level(offset));
    let is_job_family =
        title.is_some() && (explicit || has_family_layout(doc) || known_sections(&kinds) >= 2);

    JobFamily {
        title,
        overview: overview(doc),
        is_job_family,
        layout,
        levels_heading,
        levels,
        specialties,
        sections,
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
