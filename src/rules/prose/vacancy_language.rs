//! `vacancy-language`: wording that reads like a job advertisement.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::prose::lists::PhraseList;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "vacancy-language",
    group: Group::Prose,
    severity: Severity::Warning,
    fix: Fixable::No,
    summary: "wording that reads like a job ad (\"we are seeking\", \"exciting opportunity\")",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(super::lists::prepare),
};

const DOCS: &str = "\
Reports wording that reads like a job advertisement: \"we are seeking\",
\"we're hiring\", \"join our team\", \"exciting opportunity\", \"the ideal
candidate\". A job family is a permanent description of a role; vacancies
come and go and are written elsewhere.

The phrases are listed in `rules/vacancy-language.txt` and matched on
whole words, ignoring case, across line breaks.

## Bad

```markdown
We are seeking a Data Analyst to join our team.
```

## Good

```markdown
The Data Analyst turns the company's data into decisions.
```
";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    for (index, m) in cx.list_matches().phrases(PhraseList::Vacancy) {
        let Some(segment) = prose.segments.get(*index) else {
            continue;
        };
        let phrase = &segment.text[m.range.clone()];
        out.push(
            Diagnostic::new(
                &RULE,
                segment.span(m.range.clone()),
                format!("\"{phrase}\" reads like a job ad; a job family describes the role"),
            )
            .with_label("vacancy wording")
            .with_help("describe the role and its work instead of advertising an opening"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;

    #[test]
    fn finds_job_ad_wording() {
        let source = "We are seeking an analyst.\n\nThis is an exciting\nopportunity. We\u{2019}re hiring!\n";
        assert_eq!(lines(&RULE, source), vec![1, 3, 4]);
    }

    #[test]
    fn leaves_role_descriptions_alone() {
        let source = "The analyst joins planning meetings and is seeking feedback from peers.\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }
}
