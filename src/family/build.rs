//! Finds the family's parts in a parsed page.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::extends::{self, Extends, Fused};
use super::names;
use super::{
    FamilySection, Grade, JobFamily, Layout, Level, LevelList, ListKind, SectionKind, Specialty,
    SubHeading,
};
use crate::document::{BlockKind, Document};

/// What a heading's text says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum HeadingKind {
    /// A section word alone: "Requirements", "Job Grade".
    Section(SectionKind),
    /// A role and a section word: "Senior Analyst Requirements", with the
    /// role as written.
    Named(String, SectionKind),
    /// Anything else (a level, a specialty, …).
    Other,
}

const SECTION_WORDS: &[(&str, SectionKind)] = &[
    ("responsibilities", SectionKind::Responsibilities),
    ("responsibility", SectionKind::Responsibilities),
    ("requirements", SectionKind::Requirements),
    ("requirement", SectionKind::Requirements),
    ("performance indicators", SectionKind::PerformanceIndicators),
    ("performance indicator", SectionKind::PerformanceIndicators),
    (
        "key performance indicators",
        SectionKind::PerformanceIndicators,
    ),
    ("job grades", SectionKind::JobGrade),
    ("job grade", SectionKind::JobGrade),
    ("grade", SectionKind::JobGrade),
    ("career ladder", SectionKind::CareerLadder),
    ("hiring process", SectionKind::HiringProcess),
    ("levels", SectionKind::Levels),
    ("job levels", SectionKind::Levels),
    ("specialties", SectionKind::Specialties),
    ("specialty", SectionKind::Specialties),
    ("specializations", SectionKind::Specialties),
    ("specialisations", SectionKind::Specialties),
];

/// "(PI)", "(KPIs)" and a colon after a heading's words.
static HEADING_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\s*\((?:pi|pis|kpi|kpis)\))?\s*:?\s*$").expect("constant pattern")
});

/// Where `HEADING_TAIL` starts in `text` (trimmed): before a final
/// colon, and before a "(PI)" in front of it. The pattern itself runs
/// only when the bracketed word is not ASCII.
fn tail_start(text: &str) -> usize {
    let rest = text.strip_suffix(':').unwrap_or(text).trim_end();
    let Some(body) = rest.strip_suffix(')') else {
        return rest.len();
    };
    let Some(open) = body.rfind('(') else {
        return rest.len();
    };
    let inner = &body[open + 1..];
    if !inner.is_ascii() {
        return HEADING_TAIL.find(text).map_or(text.len(), |m| m.start());
    }
    if ["pi", "pis", "kpi", "kpis"]
        .iter()
        .any(|w| inner.eq_ignore_ascii_case(w))
    {
        body[..open].trim_end().len()
    } else {
        rest.len()
    }
}

/// Classifies a heading's (or a bold paragraph's) text.
pub(crate) fn classify(text: &str) -> HeadingKind {
    let text = text.trim().trim_matches(['*', '_']).trim();
    let cut = tail_start(text);
    let lower = names::squash_lowercase(&text[..cut]);
    for (word, kind) in SECTION_WORDS {
        if lower == *word {
            return HeadingKind::Section(*kind);
        }
    }
    // "Levels for Site Reliability Engineer", "Job grades and levels".
    if lower.starts_with("levels ")
        || lower.starts_with("job levels ")
        || lower.ends_with(" and levels")
    {
        return HeadingKind::Section(SectionKind::Levels);
    }
    // "Senior Analyst Requirements": the longest section word at the end.
    for (word, kind) in SECTION_WORDS {
        if matches!(kind, SectionKind::Levels | SectionKind::Specialties) {
            continue;
        }
        let Some(prefix) = lower.strip_suffix(word) else {
            continue;
        };
        let Some(prefix) = prefix.strip_suffix(' ') else {
            continue;
        };
        let prefix = prefix.trim_end_matches([' ', '-', ':', ',']);
        if prefix.is_empty() || prefix.ends_with(" job") {
            continue;
        }
        // Byte length in the original text: the prefix is made of the same
        // characters up to the collapsed spaces.
        let len = prefix_len(text, prefix.split(' ').count());
        let role = text.get(..len).unwrap_or(text).trim().to_string();
        return HeadingKind::Named(role, *kind);
    }
    HeadingKind::Other
}

/// The byte length of the first `n` words of `text`.
fn prefix_len(text: &str, n: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count == n {
                    return text[..i].trim_end_matches([',', '-', ':']).len();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// "is a [grade 7](…)".
static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:is|are)\s+(?:an?|at)\s+[\[*_]*\s*(?:job\s+)?grade\s*[*_]*\s*(\d+(?:[.,]\d+)?)",
    )
    .expect("constant pattern")
});

/// Whether `bytes` hold "grade" in any ASCII case: a `g` found by
/// `memchr`, then the four letters after it.
fn mentions_grade(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'g', b'G', bytes).any(|i| {
        bytes
            .get(i + 1..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"rade"))
    })
}

/// Where `GRADE` first matches in `text`: the whole match and the
/// number. ASCII text is read by hand; other text (where case folding
/// and white space reach beyond ASCII) by the pattern.
fn find_grade(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    if !text.is_ascii() {
        let m = GRADE.captures(text)?;
        return Some((m.get(0)?.range(), m.get(1)?.range()));
    }
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    (0..bytes.len())
        .filter(|&i| {
            matches!(bytes[i], b'i' | b'I' | b'a' | b'A') && (i == 0 || !is_word(bytes[i - 1]))
        })
        .find_map(|start| grade_at(bytes, start).map(|number| (start..number.end, number)))
}

/// `GRADE` anchored at `start` of ASCII `t`: the number's range. Each
/// part of the pattern can be read one way only (the classes that
/// follow each other are disjoint), so no backtracking is needed.
fn grade_at(t: &[u8], start: usize) -> Option<Range<usize>> {
    // `\s` on ASCII text, vertical tab included.
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let word_at = |i: usize, w: &[u8]| {
        t.get(i..i + w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w))
    };
    let skip = |mut i: usize, class: &dyn Fn(u8) -> bool| {
        while t.get(i).is_some_and(|&b| class(b)) {
            i += 1;
        }
        i
    };
    // (?:is|are)\s+
    let mut i = if word_at(start, b"is") {
        start + 2
    } else if word_at(start, b"are") {
        start + 3
    } else {
        return None;
    };
    let after = skip(i, &space);
    if after == i {
        return None;
    }
    i = after;
    // (?:an?|at)\s+
    if !word_at(i, b"a") {
        return None;
    }
    // "an" and "at" need their space after the second letter, "a"
    // right after the first.
    let next = if word_at(i + 1, b"n") || word_at(i + 1, b"t") {
        i + 2
    } else {
        i + 1
    };
    i = skip(next, &space);
    if i == next {
        return None;
    }
    // [\[*_]*\s*(?:job\s+)?grade
    i = skip(i, &|b| matches!(b, b'[' | b'*' | b'_'));
    i = skip(i, &space);
    if word_at(i, b"job") {
        let after = skip(i + 3, &space);
        if after > i + 3 {
            i = after;
        }
    }
    if !word_at(i, b"grade") {
        return None;
    }
    i += 5;
    // \s*[*_]*\s*(\d+(?:[.,]\d+)?)
    i = skip(i, &space);
    i = skip(i, &|b| matches!(b, b'*' | b'_'));
    i = skip(i, &space);
    let number_start = i;
    i = skip(i, &|b| b.is_ascii_digit());
    if i == number_start {
        return None;
    }
    if t.get(i).is_some_and(|&b| b == b'.' || b == b',') {
        let end = skip(i + 1, &|b| b.is_ascii_digit());
        if end > i + 1 {
            i = end;
        }
    }
    Some(number_start..i)
}

/// Finds a grade statement in `span` of the page.
fn grade_in(doc: &Document, span: Range<usize>) -> Option<Grade> {
    let text = doc.text(span.clone());
    // The pattern needs the word "grade"; only ASCII letters fold to it.
    if !mentions_grade(text.as_bytes()) {
        return None;
    }
    let (whole, number) = find_grade(text)?;
    let number_text = text[number.clone()].replace(',', ".");
    let value = number_text.parse::<f64>().ok();
    // The role: from the last "The " before "is a grade" on that sentence.
    let before = &text[..whole.start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let (role, role_span, start) = match before[line_start..].rfind("The ") {
        Some(i) => {
            let from = line_start + i + "The ".len();
            let raw = &before[from..];
            let trimmed = raw.trim_end();
            let lead = raw.len() - raw.trim_start().len();
            // Markup dropped, white space collapsed to single spaces.
            let mut role_text = String::with_capacity(trimmed.len());
            let mut space = false;
            for c in trimmed.chars() {
                if matches!(c, '*' | '_' | '[' | ']' | '`') {
                    continue;
                }
                if c.is_whitespace() {
                    space = !role_text.is_empty();
                } else {
                    if space {
                        role_text.push(' ');
                        space = false;
                    }
                    role_text.push(c);
                }
            }
            let role_span = span.start + from + lead..span.start + from + trimmed.len();
            (
                (!role_text.is_empty()).then_some(role_text),
                Some(role_span),
                span.start + line_start + i,
            )
        }
        None => (None, None, span.start + whole.start),
    };
    Some(Grade {
        text: text[number.clone()].to_string(),
        value,
        number_span: span.start + number.start..span.start + number.end,
        span: start..span.start + number.end,
        role,
        role_span: role_span.filter(|r| r.start < r.end),
    })
}

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

/// A level while the page is being read.
struct Found {
    heading: Option<usize>,
    span: Range<usize>,
    subs: Vec<usize>,
}

pub(super) fn build(doc: &Document) -> JobFamily {
    let title = doc.title().map(names::squash);
    let kinds: Vec<HeadingKind> = doc.headings.iter().map(|h| classify(&h.text)).collect();
    let is_kind = |i: usize, k: SectionKind| kinds[i] == HeadingKind::Section(k);

    // Specialties, and the part of the page they cover.
    let mut specialties = Vec::new();
    let mut excluded: Vec<Range<usize>> = Vec::new();
    for (i, h) in doc.headings.iter().enumerate() {
        if h.nested || !is_kind(i, SectionKind::Specialties) {
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

    resolve_extends(doc, &mut levels);

    // Family-wide sections: known sections outside every level and
    // specialty.
    let in_level = |offset: usize| explicit && found.iter().any(|f| f.span.contains(&offset));
    let sections = (0..doc.headings.len())
        .filter_map(|i| match kinds[i] {
            HeadingKind::Section(kind)
                if outside(doc.headings[i].span.start) && !in_level(doc.headings[i].span.start) =>
            {
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
        .collect::<Vec<_>>();

    let overview = {
        let first_heading = doc
            .headings
            .first()
            .map_or(doc.source.len(), |h| h.span.start);
        doc.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph && b.span.start < first_heading)
            .map(|b| b.span.clone())
    };
    let layout_field = doc
        .front_matter
        .as_ref()
        .and_then(|fm| fm.field("layout"))
        .and_then(|f| f.value.as_deref())
        .is_some_and(|v| v.trim() == "job_family_page");
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
    let is_job_family = title.is_some() && (explicit || layout_field || known.len() >= 2);

    JobFamily {
        title,
        overview,
        is_job_family,
        layout,
        levels_heading,
        levels,
        specialties,
        sections,
    }
}

/// Levels under (or, by mistake, beside) the "Levels" heading `l`.
fn levels_under(
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
fn unlabelled_levels(
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

/// "Overview", "Introduction": a heading that introduces the page.
fn is_introduction(text: &str) -> bool {
    let text = text
        .trim()
        .trim_matches(['*', '_'])
        .trim()
        .trim_end_matches(':');
    ["overview", "introduction", "role overview", "job overview"]
        .iter()
        .any(|w| text.eq_ignore_ascii_case(w))
}

fn read_level(
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
fn attach_stray_grades(doc: &Document, levels: &mut [Level]) {
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

/// The family's level names, as [`extends::split`] asks about them.
struct Names<'a> {
    levels: &'a [Level],
    finals: BTreeSet<String>,
}

impl extends::Levels for Names<'_> {
    fn resolves(&self, name: &str) -> bool {
        super::resolve_key(self.levels, &names::key(name)).is_some()
    }
    fn ends_a_name(&self, word: &str) -> bool {
        self.finals.contains(word)
    }
}

fn resolve_extends(doc: &Document, levels: &mut [Level]) {
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
    let parsed = extends::parse(text)?;
    let split = extends::split(text, parsed.body.clone(), names_of);
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
    let target = super::resolve_key(names_of.levels, &names::key(&reference)).or_else(|| {
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
    let re = Regex::new(&pattern).ok()?;
    let m = re.find(hay)?;
    Some(from + m.start()..from + m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_tails_end_where_the_pattern_starts() {
        for text in [
            "Performance Indicators (PI)",
            "Performance Indicators (kpis):",
            "Performance Indicators  (PI) :",
            "Requirements:",
            "Requirements :",
            "X: :",
            "(PI)",
            "Levels (Senior)",
            "Job Grade",
            "",
            ":",
            "Indicators (\u{212a}PI)",
            "Indicators(PI)",
            "A (PI) (PI)",
            "A\n(PI)",
        ] {
            let by_pattern = HEADING_TAIL.find(text).map_or(text.len(), |m| m.start());
            assert_eq!(tail_start(text), by_pattern, "{text:?}");
        }
    }

    #[test]
    fn classifies_headings() {
        use SectionKind::*;
        assert_eq!(classify("Requirements"), HeadingKind::Section(Requirements));
        assert_eq!(
            classify("Performance Indicators (PI)"),
            HeadingKind::Section(PerformanceIndicators)
        );
        assert_eq!(classify("Job Grade "), HeadingKind::Section(JobGrade));
        assert_eq!(
            classify("**Responsibilities:**"),
            HeadingKind::Section(Responsibilities)
        );
        let text = "Senior Analyst Requirements";
        assert_eq!(
            classify(text),
            HeadingKind::Named("Senior Analyst".into(), Requirements)
        );
        let text = "Manager, Data Job Grade";
        assert_eq!(
            classify(text),
            HeadingKind::Named("Manager, Data".into(), JobGrade)
        );
        assert_eq!(classify("Senior Analyst"), HeadingKind::Other);
        assert_eq!(
            classify("*Überprüfer* Requirements"),
            HeadingKind::Named("Überprüfer*".into(), Requirements)
        );
        assert_eq!(classify("Levels"), HeadingKind::Section(Levels));
        assert_eq!(
            classify("Levels for Support Engineer"),
            HeadingKind::Section(Levels)
        );
        assert_eq!(
            classify("Job Grades and Levels"),
            HeadingKind::Section(Levels)
        );
    }

    #[test]
    fn grades_are_read_by_hand_as_the_pattern_reads_them() {
        // Each slot of the pattern, filled with what fits and what
        // nearly does.
        let slots: [&[&str]; 12] = [
            &["", "The Lead ", "this", "x_", "7 "],
            &["is", "IS", "are", "Are", "isa", "i s"],
            &[" ", "  ", "\t", "\u{b}", "", "\n"],
            &["a", "an", "At", "at", "ab", "A"],
            &[" ", "\t ", "", "\u{c}"],
            &["", "[", "**", "_[", "* "],
            &["", " ", "\n"],
            &["", "job ", "JOB\t", "job", "jobs "],
            &["grade", "Grade", "GRADE", "grad", "grades"],
            &["", " ", "** ", " _ ", "*"],
            &["7", "10", "7.5", "7,5", "7.", "x", "", "12,"],
            &["", ".", " is a grade 9", "](/x)"],
        ];
        let mut rng = crate::testing::Lcg(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        let mut found = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for slot in slots {
                text.push_str(slot[next(slot.len())]);
            }
            let by_pattern = GRADE
                .captures(&text)
                .and_then(|m| Some((m.get(0)?.range(), m.get(1)?.range())));
            assert_eq!(find_grade(&text), by_pattern, "{text:?}");
            found += usize::from(by_pattern.is_some());
        }
        assert!(found > 100, "{found}");
        for text in [
            "The Senior Analyst is a [grade 7](/x/#grades).",
            "They are at job grade 10.5 now",
            "This is an _grade_ 7, is a grade 8",
            "is a\u{b}grade 7.",
        ] {
            let by_pattern = GRADE
                .captures(text)
                .and_then(|m| Some((m.get(0)?.range(), m.get(1)?.range())));
            assert!(by_pattern.is_some(), "{text:?}");
            assert_eq!(find_grade(text), by_pattern, "{text:?}");
        }
    }

    #[test]
    fn finds_grade_statements() {
        let doc = Document::parse(
            "t.md",
            "The Senior Analyst is a [grade 7](/x/#grades).\n".to_string(),
        );
        let g = grade_in(&doc, 0..doc.source.len());
        let g = g.as_ref();
        assert_eq!(g.map(|g| g.text.as_str()), Some("7"));
        assert_eq!(g.and_then(|g| g.role.as_deref()), Some("Senior Analyst"));
        assert_eq!(g.and_then(|g| g.whole()), Some(7));
        let doc = Document::parse("t.md", "The **Lead** is a\u{a0}grade 7.5.\n".to_string());
        let g = grade_in(&doc, 0..doc.source.len());
        assert_eq!(g.as_ref().and_then(|g| g.role.as_deref()), Some("Lead"));
        assert_eq!(g.as_ref().and_then(|g| g.whole()), None);
        let doc = Document::parse("t.md", "The Analyst reports to the Manager.\n".to_string());
        assert!(grade_in(&doc, 0..doc.source.len()).is_none());
    }
}
