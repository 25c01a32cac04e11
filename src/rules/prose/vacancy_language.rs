//! `vacancy-language`: wording that reads like a job advertisement.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rules::prose::data::VacancyContext;
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
candidate\", \"Acme is looking for an awesome analyst\", pasted job-ad
boilerplate (\"please apply to a role first\", \"reasons to work for
us\"). A job family is a permanent description of a role; vacancies come
and go and are written elsewhere.

The phrases are listed in `rules/vacancy-language.txt` and matched on
whole words, ignoring case, across line breaks. A handbook adds its own
in `.handbook-lint.toml` (`[lists.vacancy-language]`, with `files` or
inline `entries` in the same format, sections included). Some count only in
context, because real job families use them for something else:

- \"we're looking for\" counts when a word follows it (\"we're looking
  for a product manager\"). A \"What we're looking for\" heading, or
  the standard paragraph after the requirements (\"the kinds of
  experience and qualities we're looking for.\"), speak of the criteria.
- \"is looking for\" counts when the role or a person (\"a candidate\",
  \"someone\") follows within six words.
- Neither counts under a hiring or interview process heading: what the
  interviewers look for is that section's subject.
- \"competitive salary\" and \"competitive compensation\" count where the
  page offers them (\"We offer competitive compensation\", a list item
  of perks), not where a team's work is described (\"ensuring
  competitive compensation\").
- The role's scope is not a vacancy: \"Product Managers have a unique
  opportunity to shape the product\" is not reported; \"This is a unique
  opportunity to join\" is.

The severity is `warning`: the page still describes the role.

## Bad

```markdown
We are seeking a Data Analyst to join our team.
```

## Good

```markdown
The Data Analyst turns the company's data into decisions.
```
";

/// Words that name a person as the object of \"is looking for\".
const PERSON_NOUNS: &[&str] = &[
    "candidate",
    "hire",
    "individual",
    "person",
    "people",
    "professional",
    "someone",
    "teammate",
];

/// How many words after \"is looking for\" may hold the role or a person.
const PERSON_WINDOW: usize = 6;

/// Words before \"competitive salary\" that offer it.
const OFFER_WORDS: &[&str] = &[
    "enjoy",
    "get",
    "include",
    "includes",
    "including",
    "offer",
    "offering",
    "offers",
    "plus",
    "provide",
    "provides",
    "providing",
    "receive",
];

/// Words in a heading that make its section part of the hiring process.
const HIRING_WORDS: &[&str] = &["hiring", "interview", "interviews", "interviewing"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    let mut hiring: Option<Vec<Range<usize>>> = None;
    let phrases = cx.settings.lists.vacancy();
    for (index, m) in cx.list_matches().phrases(PhraseList::Vacancy) {
        let (Some(segment), Some(phrase)) = (prose.segments.get(*index), phrases.get(m.term))
        else {
            continue;
        };
        let text = segment.text.as_str();
        let span = segment.span(m.range.clone());
        let counts = match phrase.context {
            VacancyContext::Anywhere => true,
            VacancyContext::AsOffer => offered(text, m.range.start),
            VacancyContext::WithObject | VacancyContext::WithPerson => {
                let object = match phrase.context {
                    VacancyContext::WithPerson => names_a_person(cx, text, m.range.end),
                    _ => next_word(text, m.range.end).is_some(),
                };
                object && {
                    let hiring = hiring.get_or_insert_with(|| hiring_sections(cx.doc));
                    !hiring.iter().any(|r| r.contains(&span.start))
                }
            }
        };
        if !counts {
            continue;
        }
        let written = &text[m.range.clone()];
        out.push(
            Diagnostic::new(
                &RULE,
                span,
                format!("\"{written}\" reads like a job ad; a job family describes the role"),
            )
            .with_label("vacancy wording")
            .with_help("describe the role and its work instead of advertising an opening"),
        );
    }
}

/// The spans of the sections under a hiring or interview heading.
fn hiring_sections(doc: &Document) -> Vec<Range<usize>> {
    doc.sections
        .iter()
        .filter(|s| {
            doc.headings.get(s.heading).is_some_and(|h| {
                h.text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| HIRING_WORDS.iter().any(|h| h.eq_ignore_ascii_case(w)))
            })
        })
        .map(|s| s.span.clone())
        .collect()
}

/// The word that starts `text` at `at`, after spaces, if one does.
fn next_word(text: &str, at: usize) -> Option<&str> {
    let rest = text.get(at..)?.trim_start();
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// Whether the role or a person is named within [`PERSON_WINDOW`] words
/// after `at`: a word of [`PERSON_NOUNS`], or the last word of the page
/// title (\"Analyst\" for \"Data Analyst\"), singular or plural.
fn names_a_person(cx: &Context<'_>, text: &str, at: usize) -> bool {
    let role = cx
        .doc
        .title()
        .and_then(|t| t.split_whitespace().next_back())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    let singular = |w: &str| -> String {
        let lower = w.to_lowercase();
        lower
            .strip_suffix('s')
            .map_or(lower.clone(), str::to_string)
    };
    text.get(at..)
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(PERSON_WINDOW)
        .any(|w| {
            let word = singular(w);
            PERSON_NOUNS.contains(&word.as_str())
                || role
                    .as_deref()
                    .is_some_and(|r| !r.is_empty() && (word == r || w.eq_ignore_ascii_case(r)))
        })
}

/// Whether a phrase at `start` of `text` is offered: at the start of the
/// block or a sentence, or after a word of [`OFFER_WORDS`].
fn offered(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default().trim_end();
    if before.is_empty() || before.ends_with(['.', '!', '?', ':', ';']) {
        return true;
    }
    let word = &before[before
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + 1)..];
    OFFER_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
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

    #[test]
    fn looking_for_needs_an_object_outside_the_hiring_process() {
        let source = "We're looking for analysts who love data.\n\n\
                      The list shows the qualities we're looking for.\n\n\
                      ### What we're looking for\n\n\
                      ## Hiring Process\n\n\
                      - In the interview we are looking for you to explain a project.\n";
        assert_eq!(lines(&RULE, source), vec![1]);
    }

    #[test]
    fn is_looking_for_needs_the_role_or_a_person() {
        let source = "---\ntitle: Data Analyst\n---\n\n\
                      Acme is looking for an awesome Data Analyst to own reporting.\n\n\
                      The team is looking for a way to cut costs.\n\n\
                      Acme is looking for someone who knows SQL.\n";
        assert_eq!(lines(&RULE, source), vec![5, 9]);
    }

    #[test]
    fn competitive_pay_counts_when_offered() {
        let source = "- Competitive salary and equity\n\
                      - We offer competitive compensation\n\
                      - Run the reviews, ensuring competitive compensation for every role\n";
        assert_eq!(lines(&RULE, source), vec![1, 2]);
    }

    #[test]
    fn the_scope_of_the_role_is_no_vacancy() {
        let source = "Managers have a unique opportunity to shape the product.\n\n\
                      This is a unique opportunity to shape the product.\n";
        assert_eq!(lines(&RULE, source), vec![3]);
    }
}
