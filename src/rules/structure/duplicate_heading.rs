//! `duplicate-heading`: two headings that collide under the same parent
//! section, a heading that repeats its parent's text, and a link whose
//! `#anchor` several headings share.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use foldhash::fast::RandomState;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::slug;
use crate::family::PartOf;
use crate::rules::{Check, Context, Fixable, Group, Rule};
use crate::site::{PageRef, Resolution};

/// The rule.
pub static RULE: Rule = Rule {
    id: "duplicate-heading",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "two headings with the same anchor under one parent, a heading that repeats its parent, or a link to an anchor several headings share",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports headings that a reader cannot tell apart, and links that cannot
tell them apart either:

- Two headings with the same anchor under the same parent section: two
  `## Hiring Process` sections on one page, or two `### Career Ladder`
  headings side by side under `## Levels`. The table of contents shows two
  identical entries next to each other, and the site gives the second a
  `-1` anchor. The finding is on the later heading and names the first.
- A heading that repeats its parent's text (`#### Manager, Data` right
  under `### Manager, Data`): the sub-section needs a name of its own.
- A link whose `#anchor` several headings of the target page share
  (`[requirements](#requirements)` on a page where every level has a
  `Requirements` heading): the site sends it to the first of them, which
  is often not the one meant. The finding is on the link; this page and
  other pages of the content tree are checked.

The per-level and per-specialty template headings (`Job Grade`,
`Responsibilities`, `Requirements`, `Performance Indicators`, repeated
under each level or specialty) are the normal layout of a job family and
are not reported: each sits under its own parent, and nobody links to
them by their bare anchor. When a link does, the link is reported. They
are not reported either when a page writes them at their level's own
depth (`### Requirements` after each `### Senior Analyst`, all side by
side under `## Levels`): each still belongs to its level, and the depth
is `heading-structure`'s to report. Two of them in one level are
reported.

Anchors are compared as the site computes them (`{#custom-id}` attributes
included), so `Requirements` and `Requirements:` collide, while `Analyst
Requirements` and `Senior Analyst Requirements` do not. Headings inside
lists and block quotes are not part of the page's outline and are not
compared. The rule is a warning: the page renders, but a reader or a link
may land in the wrong place.

## Bad

```markdown
## Career Ladder

The next step is the Manager, Data job family.

## Hiring Process

1. A screening call with a recruiter

## Hiring process

1. An interview with the hiring manager
```

## Good

```markdown
## Career Ladder

The next step is the Manager, Data job family.

## Hiring Process

1. A screening call with a recruiter
1. An interview with the hiring manager
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    headings(cx, out);
    ambiguous_links(cx, out);
}

/// The anchor a heading would get before the site makes it unique.
fn base_anchor(heading: &crate::document::Heading) -> String {
    match &heading.custom_id {
        Some(id) => id.clone(),
        None => slug::hugo(&heading.text),
    }
}

/// Whether headings `a` and `b` are the same part of two different levels
/// or specialties (`### Requirements` after each `### Senior Analyst`):
/// written at their level's depth, they share a parent, but each belongs
/// to its own level. The depth is `heading-structure`'s to report.
/// `parts` is [`crate::family::JobFamily::parts`] of the page.
fn parts_of_two_levels(parts: &[Option<PartOf>], a: usize, b: usize) -> bool {
    match (
        parts.get(a).copied().flatten(),
        parts.get(b).copied().flatten(),
    ) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    }
}

/// Headings that collide with an earlier sibling or repeat their parent.
fn headings(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    // For each anchor under each parent (`None` for the page's top), the
    // heading a later one is compared with: the first, or the last part
    // of a level (see `parts_of_two_levels`).
    let mut compared_with: HashMap<(Option<usize>, String), usize, RandomState> =
        HashMap::with_capacity_and_hasher(doc.headings.len(), RandomState::default());
    let bases: Vec<String> = doc.headings.iter().map(base_anchor).collect();
    // Whose part each heading is: read only for a page with a repeat.
    let page_parts: OnceCell<Vec<Option<PartOf>>> = OnceCell::new();
    for (index, heading) in doc.headings.iter().enumerate() {
        let base = &bases[index];
        if heading.nested || base.is_empty() {
            continue;
        }
        let parent = doc.sections.get(index).and_then(|s| s.parent);
        let span = heading.span.start..heading.content.end.max(heading.span.start);
        let entry = compared_with.entry((parent, base.clone())).or_insert(index);
        let earlier = *entry;
        let parts = || page_parts.get_or_init(|| cx.family().parts(doc));
        if earlier != index && parts_of_two_levels(parts(), earlier, index) {
            // A later repeat is compared with this level's part.
            *entry = index;
        } else if earlier != index {
            let line = doc.line_number(doc.headings[earlier].span.start);
            let under = match parent {
                Some(p) => format!("under `{}`", doc.headings[p].text),
                None => "at the top of the page".to_string(),
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    span,
                    format!(
                        "heading `{}` repeats the heading on line {line} {under}: both have the anchor `#{base}`, and this one becomes `#{}`",
                        heading.text, heading.anchor
                    ),
                )
                .with_label(format!("same heading as line {line}"))
                .with_help("merge the two sections, or give each a name of its own"),
            );
            continue;
        }
        if let Some(p) = parent.filter(|&p| bases[p] == *base) {
            let line = doc.line_number(doc.headings[p].span.start);
            out.push(
                Diagnostic::new(
                    &RULE,
                    span,
                    format!(
                        "heading `{}` repeats the text of the section it sits in (line {line})",
                        heading.text
                    ),
                )
                .with_label("same text as its parent")
                .with_help("name what this sub-section holds, or remove the heading"),
            );
        }
    }
}

/// How many headings share the anchor `fragment` on a page with
/// `anchors`: `fragment` itself, then `fragment-1`, `fragment-2`, … as
/// the site numbers repeated headings.
fn sharing(fragment: &str, anchors: &HashSet<&str, RandomState>) -> usize {
    if !anchors.contains(fragment) {
        return 0;
    }
    let mut count = 1;
    // One buffer for every numbered anchor tried.
    let mut numbered = String::with_capacity(fragment.len() + 3);
    loop {
        numbered.clear();
        // Writing to a `String` cannot fail.
        let _ = write!(numbered, "{fragment}-{count}");
        if !anchors.contains(numbered.as_str()) {
            return count;
        }
        count += 1;
    }
}

/// Links whose fragment several headings of the target page share.
fn ambiguous_links(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.doc.links.iter().any(|l| l.destination.contains('#')) {
        return;
    }
    let links = cx.links();
    let here = &links.here;
    // Each target page's anchors as a set, made the first time a link
    // reaches it (`None` for this page).
    let mut sets: HashMap<Option<&PageRef>, HashSet<&str, RandomState>, RandomState> =
        HashMap::default();
    for (link, resolved) in cx.doc.links.iter().zip(links.iter()) {
        let Some((dest, resolution)) = resolved else {
            continue;
        };
        let (Some(fragment), Some(offset)) = (&dest.fragment, dest.fragment_offset) else {
            continue;
        };
        if fragment.is_empty() {
            continue;
        }
        let (target, anchors) = match (resolution, here.site) {
            (Resolution::ThisPage, _) => (None, here.own_anchors(cx)),
            (Resolution::Page(page), Some(site)) => (Some(page), site.anchors(page)),
            _ => continue,
        };
        let set = sets
            .entry(target)
            .or_insert_with(|| anchors.iter().map(String::as_str).collect());
        let count = sharing(fragment, set);
        if count < 2 {
            continue;
        }
        let place = match target {
            None => "this page".to_string(),
            Some(_) => {
                let route = link.destination.split('#').next().unwrap_or_default();
                format!("`{route}`")
            }
        };
        let span = link.destination_span.clone();
        let start = (span.start + offset).saturating_sub(1).max(span.start);
        out.push(
            Diagnostic::new(
                &RULE,
                start.min(span.end)..span.end,
                format!(
                    "`#{fragment}` is ambiguous: {count} headings on {place} have that anchor, and the link goes to the first"
                ),
            )
            .with_label("ambiguous anchor")
            .with_help(
                "link to the section's own heading (for example the level's), or give the headings distinct names or `{#id}` attributes",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn siblings_with_the_same_anchor_are_reported() {
        let src = "Intro.\n\n## Requirements\n\nA\n\n## Other\n\nB\n\n### Requirements\n\nC\n\n## requirements:\n\nD\n";
        assert_eq!(lines(&RULE, src), vec![15]);
        let found = run(&RULE, src);
        assert!(found[0].message.contains("line 3"), "{}", found[0].message);
        assert!(found[0].message.contains("#requirements-2"));
    }

    #[test]
    fn template_headings_under_each_level_are_not_reported() {
        let src = "Intro.\n\n## Levels\n\n### Analyst\n\n#### Requirements\n\n- a\n\n### Senior Analyst\n\n#### Requirements\n\n- b\n\n## Requirements\n\n- c\n";
        assert!(lines(&RULE, src).is_empty());
    }

    #[test]
    fn custom_ids_and_distinct_names() {
        let src = "Intro.\n\n## A {#same}\n\nA\n\n## B {#same}\n\nB\n\n## Analyst Requirements\n\nC\n\n## Senior Analyst Requirements\n\nD\n";
        assert_eq!(lines(&RULE, src), vec![7]);
    }

    #[test]
    fn a_heading_that_repeats_its_parent() {
        let src = "Intro.\n\n### Manager, Data\n\n#### Manager, Data\n\n- a\n\n#### Manager, Data\n\n- b\n";
        let found = run(&RULE, src);
        assert_eq!(lines(&RULE, src), vec![5, 9]);
        assert!(found[0].message.contains("repeats the text of the section"));
        assert!(found[1].message.contains("line 5"));
    }

    #[test]
    fn links_to_a_shared_anchor_are_ambiguous() {
        let src = "Intro, see [the list](#requirements) and [the senior list](#requirements-1) and [levels](#levels).\n\n## Levels\n\n### Analyst\n\n#### Requirements\n\n- a\n\n### Senior Analyst\n\n#### Requirements\n\n- b\n";
        let found = run(&RULE, src);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("2 headings"),
            "{}",
            found[0].message
        );
        assert_eq!(lines(&RULE, src), vec![1]);
    }

    #[test]
    fn numbered_anchors_are_counted_as_copies_only() {
        let anchors: HashSet<&str, RandomState> = [
            "phase",
            "phase-1",
            "phase-10x",
            "phase-2",
            "phase-01",
            "phase-4",
        ]
        .into_iter()
        .collect();
        assert_eq!(sharing("phase", &anchors), 3);
        assert_eq!(sharing("other", &anchors), 0);
        assert_eq!(sharing("phase-1", &anchors), 1);
    }
}
