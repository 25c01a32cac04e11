//! `inclusive-language`: misused words and gendered pronouns.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::prose::extra::ProseLists;
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
\"they\" or name the role. \"He or she\" and \"him or her\" are one
finding each, for the phrase (\"they\", \"them\").

The words are listed in `rules/inclusive-language.txt` with their
alternatives. A handbook adds its own in `.handbook-lint.toml`
(`[lists.inclusive-language]`, with `files` or inline `entries` in the
same format). Matching ignores case and works on whole words; code, URLs
and link destinations are not checked. Words with another, ordinary
sense are left alone in it: a \"unicorn startup\" is a company valued at
a billion, and \"anti-slavery\" or \"modern slavery\" laws are not the
master/slave jargon. A possessive \"his\" or \"her\" right after a
product's name (\"PostgreSQL and his ecosystem\") speaks of the product:
the message suggests \"its\". There is no automatic fix: the right
alternative depends on the sentence.

The severity is `warning`: the page reads, but some readers are left out.

## Bad

```markdown
- A data ninja; he reports to the Director
```

## Good

```markdown
- An expert in data; they report to the Director
```
";

/// Words between a name and a possessive pronoun that make the name the
/// pronoun's antecedent (\"PostgreSQL and his ecosystem\").
const JOINING: &[&str] = &["and", "with", "of", "in", "for"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    let lists = &cx.settings.lists;
    let listed = lists.inclusive();
    for (index, m) in cx.list_matches().phrases(PhraseList::Inclusive) {
        let Some(segment) = prose.segments.get(*index) else {
            continue;
        };
        let Some(entry) = listed.get(m.term) else {
            continue;
        };
        if entry.section == OTHER_SENSES {
            continue;
        }
        let written = &segment.text[m.range.clone()];
        let span = segment.span(m.range.clone());
        if entry.section == "pronouns" {
            if let Some(thing) = possessive_of_a_thing(lists, written, &segment.text, m.range.start)
            {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        span,
                        format!("`{written}` here refers to `{thing}`, a thing: write `its`"),
                    )
                    .with_label("pronoun for a thing")
                    .with_suggestions(vec!["its".to_string()]),
                );
                continue;
            }
        }
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
            Diagnostic::new(&RULE, span, message)
                .with_label("exclusive wording")
                .with_suggestions(entry.alternatives.clone()),
        );
    }
}

/// The list section of phrases in another, ordinary sense.
const OTHER_SENSES: &str = "other senses";

/// The product a possessive `his` or `her` at `start` of `text` speaks
/// of: a name right before it, joined by \"and\", \"with\", \"of\", … that
/// is written like a product (\"PostgreSQL\", \"GitLab\", \"S3\": a capital
/// or digit after its first letter) or is a known brand.
fn possessive_of_a_thing<'t>(
    lists: &ProseLists,
    pronoun: &str,
    text: &'t str,
    start: usize,
) -> Option<&'t str> {
    if !["his", "her"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(pronoun))
    {
        return None;
    }
    let mut words = text
        .get(..start)?
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let joining = words.next()?;
    if !JOINING.iter().any(|j| j.eq_ignore_ascii_case(joining)) {
        return None;
    }
    let name = words.next()?.trim_matches(|c: char| !c.is_alphanumeric());
    let mut chars = name.chars();
    let first = chars.next()?;
    let product_like = first.is_uppercase()
        && (chars.any(|c| c.is_uppercase() || c.is_ascii_digit())
            || lists.brand(&name.to_lowercase()).is_some());
    product_like.then_some(name)
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
    fn a_pronoun_pair_is_one_finding() {
        let source = "- Ask him or her; he or she decides\n- His/her call\n";
        let found = run(&RULE, source);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "`him or her` gives the role holder a gender; write `them` or name the role",
                "`he or she` gives the role holder a gender; write `they` or name the role",
                "`His/her` gives the role holder a gender; write `their` or name the role",
            ]
        );
    }

    #[test]
    fn a_possessive_after_a_product_suggests_its() {
        let found = run(
            &RULE,
            "- Know PostgreSQL and his ecosystem\n- Work with the Director and his team\n",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].suggestions, vec!["its".to_string()]);
        assert!(found[0].message.contains("`PostgreSQL`"));
        assert_eq!(found[1].suggestions, vec!["their".to_string()]);
    }

    #[test]
    fn other_senses_are_left_alone() {
        let source = "- Sold to a unicorn startup and tech unicorns\n\
                      - Comply with anti-slavery and modern slavery laws\n\
                      - Hire a unicorn\n";
        assert_eq!(lines(&RULE, source), vec![3]);
    }

    #[test]
    fn leaves_other_words_alone() {
        let source = "- The team shepherds the release; they report to the Director\n\
                      - Other heroes: the theme, where, ninjutsu, master's degree\n\
                      - See `master` and https://example.com/slave/he\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }
}
