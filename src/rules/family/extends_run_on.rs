//! `extends-run-on`: further text fused onto an "Extends" reference.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "extends-run-on",
    group: Group::Family,
    severity: Severity::Warning,
    fix: Fixable::Always(Applicability::Unsafe),
    summary: "further text fused onto an \"Extends\" reference: two bullets merged",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(crate::family::prepare),
};

const DOCS: &str = "\
Reports an \"Extends …\" item with more text after the reference:
\"Extends: Staff Analyst Experience working with executives\" is two items
run together, usually when a line break was lost in an edit. The reference
ends after the longest run of words that names a level, after the list word
(\"… responsibilities\"), or after a word that ends level names; what
follows reads as a sentence of its own. A qualifier after a comma or a
joining word is part of the item, not a second one: \"Extends that of the
Staff Analyst, while placing emphasis on data quality\". The fix splits the item in two
(an unsafe fix: check where the split falls).

The default severity is `warning`: where one item ends and the next
begins is read from the words, which may be a long reference.

## Bad

```markdown
- Extends: Staff Analyst Experience working with executives
```

## Good

```markdown
- Extends: Staff Analyst
- Experience working with executives
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let source = doc.source.as_str();
    for level in &cx.family().levels {
        for e in &level.extends {
            let Some(fused) = &e.fused else { continue };
            // A lead-in paragraph is no item to split.
            let Some(item) = e.item.and_then(|i| doc.items.get(i)) else {
                continue;
            };
            let start = fused.span.start;
            // The whitespace before the fused text becomes a new item.
            let gap_start = source[..start]
                .trim_end_matches([' ', '\t', '\n', '\r'])
                .len()
                .max(item.span.start);
            let marker = item.marker_span.clone();
            let line = doc
                .lines
                .line_range(source, doc.lines.line_of(marker.start));
            let indent: String = source[line.start..marker.start]
                .chars()
                .map(|c| if c == '\t' || c == '>' { c } else { ' ' })
                .collect();
            let marker = doc.text(marker);
            let first = fused.text.chars().next();
            let (end, head) = match first {
                Some(c) if c.is_lowercase() => (start + c.len_utf8(), c.to_uppercase().collect()),
                _ => (start, String::new()),
            };
            let edit = Edit::replace(gap_start..end, format!("\n{indent}{marker} {head}"));
            out.push(
                Diagnostic::new(
                    &RULE,
                    fused.span.clone(),
                    format!(
                        "text fused onto the reference to `{}`: two items run together",
                        e.reference
                    ),
                )
                .with_label("this reads as an item of its own")
                .with_fix(Fix {
                    description: "split the item in two".into(),
                    applicability: Applicability::Unsafe,
                    edits: vec![edit],
                }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    fn page(item: &str) -> String {
        format!("---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### Staff Analyst\n\n### Senior Analyst\n\n#### Requirements\n\n{item}\n")
    }

    fn apply(source: &str) -> Vec<String> {
        run(&RULE, source)
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .map(|f| {
                let e = &f.edits[0];
                let mut s = source.to_string();
                s.replace_range(e.range(), &e.replacement);
                s[s.find("#### Requirements").unwrap_or(0)..].to_string()
            })
            .collect()
    }

    #[test]
    fn splits_the_item() {
        assert_eq!(
            apply(&page("- Extends: Staff Analyst Experience working with executives")),
            vec!["#### Requirements\n\n- Extends: Staff Analyst\n- Experience working with executives\n"]
        );
        assert_eq!(
            apply(&page("  * Extends the Staff Analyst requirements Own the roadmap")),
            vec!["#### Requirements\n\n  * Extends the Staff Analyst requirements\n  * Own the roadmap\n"]
        );
        assert_eq!(
            apply(&page("1. Extends responsibilities of Lead Analysts own the data roadmap")),
            vec!["#### Requirements\n\n1. Extends responsibilities of Lead Analysts\n1. Own the data roadmap\n"]
        );
    }

    #[test]
    fn whole_references_pass() {
        for item in [
            "- Extends the Staff Analyst requirements",
            "- Extends: Staff Analyst",
            "- Extends the Staff Analyst requirements.",
            "- Extends Staff Analyst (Data)",
            "- Extends the Lead Analyst, Data Platform requirements",
            "- Extends that of the Staff Analyst, while placing emphasis on data quality",
            "- Extends the Staff Analyst while focusing on the data platform",
        ] {
            assert!(run(&RULE, &page(item)).is_empty(), "{item}");
        }
    }
}
