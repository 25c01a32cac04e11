//! `multiple-spaces`: two or more spaces inside a heading or link text.

use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "multiple-spaces",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::Always(Applicability::Safe),
    summary: "two or more spaces inside a heading or link text",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports two or more spaces in a row inside a heading's text or a link's
text. A doubled space there is almost always a typing slip (often where a
word was deleted), and it ends up in the heading's anchor (`manager--intermediate`
rather than `manager-intermediate`) and in the table of contents.

Ordinary paragraphs and list items are not checked: two spaces after a full
stop are a common, harmless habit there, and the published page shows one.
Inline code is skipped. The fix collapses the spaces to one.

## Bad

```markdown
### Program Manager  (Intermediate)
```

## Good

```markdown
### Program Manager (Intermediate)
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let mut spans: Vec<(Range<usize>, &str)> = doc
        .headings
        .iter()
        .map(|h| (h.content.clone(), "heading"))
        .collect();
    spans.extend(
        doc.links
            .iter()
            .filter(|l| !l.image)
            .map(|l| (l.text_span.clone(), "link text")),
    );
    let mut seen = Vec::new();
    for (span, what) in spans {
        let text = doc.text(span.clone());
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b' ' {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            let run = span.start + start..span.start + i;
            let line_edge = start == 0
                || i == bytes.len()
                || bytes[start - 1] == b'\n'
                || bytes[i] == b'\n'
                || bytes[i] == b'\r';
            if run.len() < 2 || line_edge || doc.in_code(run.start) || seen.contains(&run.start) {
                continue;
            }
            seen.push(run.start);
            out.push(
                Diagnostic::new(
                    &RULE,
                    run.clone(),
                    format!("{} spaces in a row in the {what}", run.len()),
                )
                .with_label("one space is enough")
                .with_fix(Fix::safe("collapse to one space", Edit::replace(run, " "))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn headings_and_link_texts() {
        let src = "Intro.\n\n### Manager  (Intermediate)\n\nSee [the  page](/a/) and text  with spaces.\n\n- item.  Next\n";
        assert_eq!(lines(&RULE, src), vec![3, 5]);
        let fix = run(&RULE, src)[0].fix.clone().expect("fix");
        assert_eq!(fix.edits[0].replacement, " ");
        assert_eq!(fix.edits[0].byte_end - fix.edits[0].byte_start, 2);
    }

    #[test]
    fn code_and_line_breaks_are_left_alone() {
        let src = "## Use `a  b`\n\n[one\n   two](/x/)\n";
        assert!(lines(&RULE, src).is_empty());
    }
}
