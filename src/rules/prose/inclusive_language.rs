//! `inclusive-language`: misused words and gendered pronouns.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::prose::data::INCLUSIVE;
use crate::rules::prose::lists::PhraseList;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "inclusive-language",
    group: Group::Prose,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "misused words with alternatives (\"ninja\", \"rockstar\", \"whitelist\") and gendered pronouns",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(super::lists::prepare),
};

const DOCS: &str = "\
Reports words that exclude or misdirect readers, with alternatives:
\"ninja\", \"rockstar\", \"guru\", \"whitelist\"/\"blacklist\",
\"master/slave\", \"manpower\", \"culture fit\", \"native speaker\", …; and
gendered pronouns (he, she, him, her, his, hers, he/she, s/he), which in a
job family speak of the person in the role: anyone may hold it, so write
\"they\" or name the role.

The words are listed in `rules/inclusive-language.txt` with their
alternatives. Matching ignores case and works on whole words; code, URLs
and link destinations are not checked. There is no automatic fix: the
right alternative depends on the sentence.

## Bad

```markdown
- A data ninja; he reports to the Director
```

## Good

```markdown
- An expert in data; they report to the Director
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    for (index, m) in cx.list_matches().phrases(PhraseList::Inclusive) {
        let Some(segment) = prose.segments.get(*index) else {
            continue;
        };
        let Some(entry) = INCLUSIVE.get(m.term) else {
            continue;
        };
        let written = &segment.text[m.range.clone()];
        let alternatives = entry
            .alternatives
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        let message = if entry.section == "pronouns" {
            format!(
                "`{written}` gives the role holder a gender; write {alternatives} or name the role"
            )
        } else {
            let why = entry
                .why
                .as_ref()
                .map(|w| format!(" ({w})"))
                .unwrap_or_default();
            if alternatives.is_empty() {
                format!("avoid `{written}`{why}")
            } else {
                format!("avoid `{written}`{why}; consider {alternatives}")
            }
        };
        out.push(
            Diagnostic::new(&RULE, segment.span(m.range.clone()), message)
                .with_label("exclusive wording")
                .with_suggestions(entry.alternatives.clone()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn finds_misused_words_and_pronouns() {
        let source = "- A data ninja and rockstars\n- Keep the whitelist\n- He/she reports to the Director\n- Manage his team\n";
        assert_eq!(lines(&RULE, source), vec![1, 1, 2, 3, 4]);
        let found = run(&RULE, source);
        assert!(found[3].message.contains("`they`"));
    }

    #[test]
    fn leaves_other_words_alone() {
        let source = "- The team shepherds the release; they report to the Director\n\
                      - Other heroes: the theme, where, ninjutsu, master's degree\n\
                      - See `master` and https://example.com/slave/he\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }
}
