//! `heading-structure`: headings whose depth does not match the page's
//! outline.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Heading};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "heading-structure",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "heading depth jumps, a first heading deeper than ##, a Levels/Specialties heading with nothing nested, or a section that escapes its parent",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports headings whose depth breaks the page's outline. The site builds its
table of contents and the job-family model from the outline, so a level at
the wrong depth is read as a different part of the page.

- A heading more than one level deeper than the one before it (`##` then
  `####`).
- A first heading deeper than `##` (`#` is the page title and `##` the
  top sections).
- A Levels or Specialties heading with no heading nested under it, while
  the headings that follow sit at its own depth: the levels are its
  siblings instead of its children. A Levels section that lists its levels
  (links to level pages) and is followed by the family's own sections is
  fine.
- A section that escapes its parent: a Responsibilities, Requirements, Job
  Grade or Performance Indicators heading right after an empty, deeper
  heading (a `## Responsibilities` just below a `### Specialty`), so it
  belongs to the family rather than the specialty.

Each heading is reported at most once, and a problem is reported where it
starts: a page that begins at `###` is reported on its first heading, not
on every heading after it. Headings inside lists and block quotes are not
part of the outline and are skipped.

## Bad

```markdown
## Specialties

### Training

## Responsibilities

- Run training programs
```

## Good

```markdown
## Specialties

### Training

#### Responsibilities

- Run training programs
```
";

/// Section names that belong to a level or a specialty.
const SUBSECTIONS: &[&str] = &[
    "responsibilit",
    "requirement",
    "job grade",
    "performance indicator",
];

/// The family's own top sections.
const FAMILY_SECTIONS: &[&str] = &[
    "responsibilit",
    "requirement",
    "job grade",
    "performance indicator",
    "career ladder",
    "hiring process",
    "specialt",
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let outline: Vec<usize> = (0..doc.headings.len())
        .filter(|&i| !doc.headings[i].nested)
        .collect();
    let mut previous: Option<usize> = None;
    for (pos, &index) in outline.iter().enumerate() {
        let heading = &doc.headings[index];
        let next = outline.get(pos + 1).map(|&i| &doc.headings[i]);
        let problem = match previous.map(|p| &doc.headings[p]) {
            None if heading.level > 2 => Some(format!(
                "the first heading is level {} (`{}`): the page's top sections are `##`",
                heading.level,
                hashes(heading.level)
            )),
            Some(prev) if heading.level > prev.level + 1 => Some(format!(
                "heading jumps from level {} to level {}: expected `{}`",
                prev.level,
                heading.level,
                hashes(prev.level + 1)
            )),
            Some(prev) if escapes(doc, prev, previous, heading) => Some(format!(
                "`{}` escapes the `{} {}` section above it: that section is empty and this one is shallower",
                doc.text(heading.span.clone()).trim(),
                hashes(prev.level),
                prev.text
            )),
            _ => None,
        };
        let flat = flat_group(doc, index, next);
        let problem = match (problem, flat) {
            (Some(first), Some(flat)) => Some(format!("{first}; {flat}")),
            (problem, flat) => problem.or(flat),
        };
        if let Some(message) = problem {
            out.push(
                Diagnostic::new(&RULE, heading_span(heading), message).with_label("this heading"),
            );
        }
        previous = Some(index);
    }
}

fn hashes(level: u8) -> String {
    "#".repeat(usize::from(level))
}

fn heading_span(h: &Heading) -> std::ops::Range<usize> {
    h.span.start..h.content.end.max(h.span.start)
}

/// A sub-section heading right after an empty heading deeper than it.
fn escapes(doc: &Document, prev: &Heading, prev_index: Option<usize>, heading: &Heading) -> bool {
    let Some(prev_index) = prev_index else {
        return false;
    };
    if heading.level >= prev.level || !doc.blocks_under(prev_index).is_empty() {
        return false;
    }
    let text = heading.text.to_lowercase();
    SUBSECTIONS.iter().any(|s| text.contains(s))
}

/// A Levels or Specialties heading with nothing nested, followed by a
/// heading at its own depth.
fn flat_group(doc: &Document, index: usize, next: Option<&Heading>) -> Option<String> {
    let heading = &doc.headings[index];
    let name = heading.text.trim().trim_end_matches(':').to_lowercase();
    if !matches!(
        name.as_str(),
        "levels" | "job levels" | "specialties" | "specialities" | "specializations"
    ) {
        return None;
    }
    let next = next?;
    let nested = doc
        .sections
        .get(index)
        .is_some_and(|s| !s.children.is_empty());
    if next.level != heading.level || nested {
        return None;
    }
    // A Levels section that lists the levels (links to level pages) and is
    // followed by the family's own sections is fine.
    let next_name = next.text.to_lowercase();
    let next_is_family_section = FAMILY_SECTIONS.iter().any(|s| next_name.contains(s));
    if !doc.blocks_under(index).is_empty() && next_is_family_section {
        return None;
    }
    Some(format!(
        "`{}` has no heading nested under it: the headings after it sit at its own depth (`{}`) instead of `{}`",
        heading.text,
        hashes(heading.level),
        hashes(heading.level + 1)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn depth_jumps() {
        assert_eq!(
            lines(&RULE, "Intro.\n\n## A\n\n#### B\n\n#### C\n\n### D\n"),
            vec![5]
        );
        assert_eq!(
            lines(&RULE, "# T\n\n## A\n\n### B\n\n## C\n"),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn first_heading_too_deep_is_reported_once() {
        let src = "Intro.\n\n### Levels\n\n### Analyst\n\nText.\n\n### Senior Analyst\n\nText.\n\n## Hiring Process\n\n### Steps\n";
        assert_eq!(lines(&RULE, src), vec![3]);
        let found = run(&RULE, src);
        assert!(found[0].message.contains("first heading is level 3"));
        assert!(found[0].message.contains("no heading nested under it"));
    }

    #[test]
    fn flat_levels() {
        let src = "Intro.\n\n## Levels\n\n## Analyst\n\nText.\n";
        assert_eq!(lines(&RULE, src), vec![3]);
        let nested = "Intro.\n\n## Levels\n\n### Analyst\n\nText.\n";
        assert!(lines(&RULE, nested).is_empty());
        let listed =
            "Intro.\n\n## Levels\n\n- [Analyst](analyst/)\n\n## Performance Indicators\n\n- x\n";
        assert!(lines(&RULE, listed).is_empty());
        let empty = "Intro.\n\n## Levels\n\n## Performance Indicators\n\n- x\n";
        assert_eq!(lines(&RULE, empty), vec![3]);
        let table = "Intro.\n\n## Levels\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n# Other\n";
        assert!(lines(&RULE, table).is_empty());
    }

    #[test]
    fn escaping_sections() {
        let src = "Intro.\n\n## Specialties\n\n### Training\n\n## Responsibilities\n\n- x\n\n### Consulting\n\nText.\n\n## Requirements\n\n- y\n";
        assert_eq!(lines(&RULE, src), vec![7]);
    }

    #[test]
    fn nested_headings_are_not_outline() {
        assert!(lines(&RULE, "Intro.\n\n## A\n\n- #### in a list\n").is_empty());
    }
}
