//! Section assignment: what belongs to each level once the levels are
//! found (its responsibilities, requirements and indicators lists, its
//! sub-headings and its grade statement, and a grade stated elsewhere on
//! the page that names it).

use std::ops::Range;

use super::grade::{grade_in, no_grade_in};
use super::headings::{classify, HeadingKind};
use super::levels::Found;
use super::names;
use super::{Grade, Level, LevelList, ListKind, SectionKind, SubHeading};
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
    level.grade = grade_places.iter().find_map(|r| grade_in(doc, r.clone()));
    if level.grade.is_none() {
        level.no_grade = grade_places.into_iter().find_map(|r| no_grade_in(doc, r));
    }
    level.carries_over = super::inherit::carried_over(doc, &level);
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
/// on the page that names them: a sentence ("## Job Grades" listing
/// them), or a row of a `Role | Grade` table. The one level of a page
/// takes a grade stated outside it whatever role the sentence names
/// ("## Job Grade: The Staff Backend Engineer is a grade 8" over a lone
/// "### Staff").
pub(super) fn attach_stray_grades(doc: &Document, levels: &mut [Level]) {
    if levels.iter().all(|l| l.grade.is_some()) {
        return;
    }
    let mut unclaimed: Option<Grade> = None;
    for block in &doc.blocks {
        if levels.iter().any(|l| l.span.contains(&block.span.start)) {
            continue;
        }
        let stated = match block.kind {
            BlockKind::Paragraph | BlockKind::List(_) => sentences(doc, block.span.clone()),
            BlockKind::Table => table_rows(doc, block.span.clone()),
            _ => continue,
        };
        for (grade, anchor) in stated {
            let claimed = levels.iter_mut().find(|l| {
                l.grade.is_none()
                    && (grade.role.as_deref().is_some_and(|r| l.answers_to(r))
                        || anchor.as_deref().is_some_and(|a| {
                            l.heading.is_some_and(|h| {
                                let h = &doc.headings[h];
                                h.anchor == a || h.custom_id.as_deref() == Some(a)
                            })
                        }))
            });
            match claimed {
                Some(level) => level.grade = Some(grade),
                None => {
                    unclaimed.get_or_insert(grade);
                }
            }
        }
    }
    if let ([level], Some(grade)) = (&mut *levels, unclaimed) {
        if level.grade.is_none() {
            level.grade = Some(grade);
        }
    }
}

/// The grade statements of a paragraph or list, in order.
fn sentences(doc: &Document, span: Range<usize>) -> Vec<(Grade, Option<String>)> {
    let mut out = Vec::new();
    let mut from = span.start;
    while from < span.end {
        let Some(grade) = grade_in(doc, from..span.end) else {
            break;
        };
        from = grade.number_span.end.max(from + 1);
        if grade.role.is_some() {
            out.push((grade, None));
        }
    }
    out
}

/// The rows of a table with a "Grade" column: each row's grade, with the
/// role its first column names and the anchor that column links to.
fn table_rows(doc: &Document, span: Range<usize>) -> Vec<(Grade, Option<String>)> {
    let mut out = Vec::new();
    let text = doc.text(span.clone());
    let mut lines = text.split_inclusive('\n').scan(span.start, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    });
    let Some((_, header)) = lines.next() else {
        return out;
    };
    let Some(column) = cells(header).iter().position(|(_, c)| {
        let c = c.trim().trim_matches(['*', '_']).trim().to_lowercase();
        c == "grade" || c == "job grade"
    }) else {
        return out;
    };
    for (start, line) in lines {
        let row = cells(line);
        let (Some((_, role_cell)), Some((offset, grade_cell))) = (row.first(), row.get(column))
        else {
            continue;
        };
        let Some(digits) = grade_cell.find(|c: char| c.is_ascii_digit()) else {
            continue;
        };
        let len = grade_cell[digits..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(grade_cell.len() - digits);
        let number = &grade_cell[digits..digits + len];
        let number_start = start + offset + digits;
        let (role, anchor) = role_and_anchor(role_cell);
        out.push((
            Grade {
                text: number.to_string(),
                value: number.parse().ok(),
                number_span: number_start..number_start + len,
                span: start..number_start + len,
                role: (!role.is_empty()).then_some(role),
                role_span: None,
            },
            anchor,
        ));
    }
    out
}

/// The cells of a table row with their offsets in the line.
fn cells(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if c == '|' {
            out.push((start, &line[start..i]));
            start = i + 1;
        }
    }
    out.push((start, &line[start..]));
    if line.trim_start().starts_with('|') {
        out.remove(0);
    }
    if out.last().is_some_and(|(_, c)| c.trim().is_empty()) {
        out.pop();
    }
    out
}

/// A table cell's role ("[Senior Analyst](#senior-analyst)"): its text
/// without markup, and the in-page anchor it links to.
fn role_and_anchor(cell: &str) -> (String, Option<String>) {
    let cell = cell.trim();
    let anchor = cell
        .find("](#")
        .map(|i| &cell[i + 3..])
        .and_then(|rest| rest.split(')').next())
        .map(|a| a.trim().to_string());
    let text_end = cell.find("](").unwrap_or(cell.len());
    let role: String = cell[..text_end]
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | '*' | '_' | '`'))
        .collect();
    (names::squash(&role), anchor)
}
