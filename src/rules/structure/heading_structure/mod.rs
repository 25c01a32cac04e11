//! `heading-structure`: headings whose depth does not match the page's
//! outline.

mod checks;
mod outline;

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};
use outline::Outline;

/// The rule.
pub static RULE: Rule = Rule {
    id: "heading-structure",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "heading depth jumps, a first heading deeper than ##, a Levels/Specialties heading with nothing nested, or a section or level that escapes its parent",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports headings whose depth breaks the page's outline. The site builds its
table of contents and the job-family model from the outline, so a level or
a section at the wrong depth is read as a different part of the page.

- A heading more than one level deeper than the one before it (`##` then
  `####`). When the heading before the jump is a level heading one level
  too high (a `## Director` among `###` levels, or beside an empty `##
  Levels`), or follows an empty heading of its own depth it belongs under,
  that heading is reported, since it is the one to change.
- A first heading deeper than `##` (`#` is the page title and `##` the
  top sections), also when the whole page is outlined from `###`.
- A Levels or Specialties heading with no heading nested under it, while
  the headings that follow sit at its own depth (the levels are its
  siblings instead of its children), or are shallower than it (a `###
  Levels` before `##` levels). A Levels section that lists its levels
  (links to level pages) and is followed by the family's own sections is
  fine.
- A section that escapes its parent:
  - a Job Grade, Responsibilities, Requirements or Performance
    Indicators heading right after an empty heading deeper than it, or as
    deep as it (a `## Responsibilities` just below an empty `###
    Specialty`): it belongs to the family instead of the specialty;
  - a level's part at the level's own depth: `### Senior Engineer Job
    Grade` beside `### Senior Engineer`, or a bare `## Requirements` after
    a `## Director` level whose other parts are `###`, when another level
    follows or the level holds its other parts nested;
  - two sections that sit side by side nested one in the other: `###
    Hiring Process` under `## Career Ladder`, `#### Requirements` under
    `### Responsibilities`.
- A level that escapes the levels: a level heading (with its Job Grade)
  under the family's Performance Indicators, Career Ladder or Hiring
  Process.
- A level with no heading of its own: parts named after another role
  (`### Vice President Job Grade`) after the parts of the level above.

Each heading is reported at most once, and a problem is reported where it
starts: a page that begins at `###` is reported on its first heading, not
on every heading after it. Headings inside lists and block quotes are not
part of the outline and are skipped. The rule is a warning: the page still
renders, but its table of contents and its levels read wrong.

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

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    if doc.headings.is_empty() {
        return;
    }
    let outline = Outline::new(doc, cx.family());
    // One message per heading: the first check to report it wins, in
    // the order below.
    let mut found: BTreeMap<usize, String> = BTreeMap::new();
    let add = |found: &mut BTreeMap<usize, String>, (index, message): checks::Finding| {
        found.entry(index).or_insert(message);
    };
    if let Some(first) = checks::first_heading(&outline) {
        add(&mut found, first);
    }
    let stranded = checks::stranded_levels(&outline);
    let skip: Vec<usize> = stranded.iter().map(|(i, _)| *i).collect();
    for finding in checks::jumps(&outline, &skip)
        .into_iter()
        .chain(stranded)
        .chain(checks::flat_parts(&outline))
        .chain(checks::escapes(&outline))
    {
        add(&mut found, finding);
    }
    let reported: Vec<usize> = found.keys().copied().collect();
    for finding in checks::misnested(&outline, &reported)
        .into_iter()
        .chain(checks::headless_levels(&outline))
    {
        add(&mut found, finding);
    }
    for &index in &outline.order {
        if let Some(flat) = checks::flat_group(&outline, index) {
            found
                .entry(index)
                .and_modify(|m| {
                    m.push_str("; ");
                    m.push_str(&flat);
                })
                .or_insert(flat);
        }
    }
    for (index, message) in found {
        let h = &doc.headings[index];
        out.push(
            Diagnostic::new(
                &RULE,
                h.span.start..h.content.end.max(h.span.start),
                message,
            )
            .with_label("this heading"),
        );
    }
}

#[cfg(test)]
mod tests;
