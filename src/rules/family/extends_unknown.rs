//! `extends-unknown`: an "Extends …" reference that names no level.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "extends-unknown",
    group: Group::Family,
    severity: Severity::Error,
    fix: Fixable::Sometimes(Applicability::Unsafe),
    summary:
        "an \"Extends …\" reference that names no level of the family exactly; suggests the closest",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports an \"Extends …\" item whose reference names no level of the family.
The reader is sent to a list that does not exist, and cannot tell what the
level includes.

References are compared the way a reader compares names: case,
punctuation, \"Sr.\" for \"Senior\", plurals, a leading \"the\" and
\"(Intermediate)\" do not matter, and \"Extends the X responsibilities\",
\"Extends that of the X requirements\", \"Extends responsibilities of X\",
\"Extends: X\" and \"Extends X\" are all understood. When the reference
names no level, the closest level names are suggested (by shared words and
edit distance); when exactly one level is clearly closest, the fix writes
its name (an unsafe fix: check it is the level meant).

## Bad

```markdown
### Senior Data Analyst

- Extends the Data Analysts (Junior) responsibilities
```

## Good

```markdown
### Senior Data Analyst

- Extends the Data Analyst (Intermediate) responsibilities
```
";

/// Suggestions below this score are not worth showing.
const SUGGEST: f64 = 0.45;
/// A fix needs a score this high …
const FIX: f64 = 0.7;
/// … and this much ahead of the runner-up.
const MARGIN: f64 = 0.08;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let family = cx.family();
    let doc = cx.doc;
    for (i, level) in family.levels.iter().enumerate() {
        // A reference linking to another page names another family's level.
        for e in level
            .extends
            .iter()
            .filter(|e| e.target.is_none() && !e.links_elsewhere())
        {
            let ranked: Vec<(usize, f64)> = family
                .closest(&e.reference)
                .into_iter()
                .filter(|&(t, score)| t != i && score >= SUGGEST)
                .collect();
            let suggestions: Vec<String> = ranked
                .iter()
                .take(3)
                .map(|&(t, _)| family.name_for(t, &e.reference))
                .collect();
            let message = if e.reference.trim().is_empty() {
                "\"Extends\" names no level".to_string()
            } else {
                format!("`{}` names no level of this family", e.reference)
            };
            let mut d = Diagnostic::new(&RULE, e.reference_span.clone(), message)
                .with_label("no level has this name");
            match suggestions.first() {
                Some(best) => d = d.with_help(format!("did you mean `{best}`?")),
                None if family.levels.iter().all(|l| l.is_implicit()) => {
                    d = d.with_help("this page has no levels to extend")
                }
                None => {}
            }
            let clear = match ranked.as_slice() {
                [(_, top)] => *top >= FIX,
                [(_, top), (_, second), ..] => *top >= FIX && top - second >= MARGIN,
                [] => false,
            };
            let written = doc.text(e.reference_span.clone()) == e.reference;
            if let (true, true, Some(best)) = (clear, written, suggestions.first()) {
                d = d.with_fix(Fix::unsafe_(
                    format!("write `{best}`"),
                    Edit::replace(e.reference_span.clone(), best.clone()),
                ));
            }
            out.push(d.with_suggestions(suggestions));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    fn page(item: &str) -> String {
        format!(
            "---\ntitle: A\n---\n\nIntro.\n\n## Levels\n\n### Data Analyst (Intermediate)\n\n### Senior Data Analyst\n\n### Staff Data Analyst\n\n#### Responsibilities\n\n{item}\n"
        )
    }

    #[test]
    fn resolving_references_are_never_reported() {
        for item in [
            "- Extends the Senior Data Analyst responsibilities",
            "- Extends that of the Data Analyst (Intermediate) responsibilities",
            "- Extends responsibilities of Sr. Data Analysts",
            "- Extends: the senior data analyst",
            "- Extends Data Analyst",
            "- Extends: Senior Data Analyst Experience with finance teams",
        ] {
            assert!(lines(&RULE, &page(item)).is_empty(), "{item}");
        }
    }

    #[test]
    fn links_to_a_level_or_another_family() {
        let item = "- Extends the [Senior responsibilities](#senior-data-analyst)";
        assert!(lines(&RULE, &page(item)).is_empty());
        let item = "- Extends the [Senior Engineer responsibilities](/job-families/engineering/engineer/#senior-engineer)";
        assert!(lines(&RULE, &page(item)).is_empty());
        let item = "- Extends the [Senior responsibilities](#senior-engineer)";
        assert_eq!(lines(&RULE, &page(item)), vec![17]);
    }

    #[test]
    fn unknown_reference_with_a_clear_fix() {
        let found = run(
            &RULE,
            &page("- Extends the Senior Data Analysts Team responsibilities"),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].suggestions.first().map(String::as_str),
            Some("Senior Data Analyst")
        );
        let fix = found[0]
            .fix
            .as_ref()
            .map(|f| f.edits[0].replacement.as_str());
        assert_eq!(fix, Some("Senior Data Analyst"));
    }

    #[test]
    fn unknown_reference_without_a_clear_winner() {
        let found = run(
            &RULE,
            &page("- Extends the Senior Data Scientist responsibilities"),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
        assert!(!found[0].suggestions.is_empty());
        assert_eq!(
            lines(
                &RULE,
                &page("- Extends the Senior Data Scientist responsibilities")
            ),
            vec![17]
        );
    }

    #[test]
    fn fused_text_is_not_part_of_the_reference() {
        let found = run(
            &RULE,
            &page("- Extends: Lead Data Analysts own the data roadmap for finance"),
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("`Lead Data Analysts`"),
            "{}",
            found[0].message
        );
        // More of a name after a level's name is not fused text.
        let found = run(&RULE, &page("- Extends: Senior Data Analyst Team"));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("`Senior Data Analyst Team`"));
    }
}
