//! `brand-name`: product and company names with the wrong capitals.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use foldhash::fast::FixedState;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::prose::data::{Shapes, BRAND_NAMES, BRAND_NAME_PHRASES, BRAND_PHRASE_STARTS};
use crate::rules::prose::extra::ProseLists;
use crate::rules::prose::spelling::lexicon;
use crate::rules::prose::{Segment, Word};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "brand-name",
    group: Group::Prose,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "product and company names spelled wrong (\"Gitlab\", \"GitLabs\", \"google sheets\", \"Netsuite\")",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(prepare),
};

/// Builds the lists of names.
fn prepare() {
    LazyLock::force(&BRAND_NAMES);
    LazyLock::force(&BRAND_NAME_PHRASES);
    LazyLock::force(&LISTED_SHAPES);
    LazyLock::force(&BRAND_PHRASE_STARTS);
}

/// The mixed-case names of the spelling rule's company and product list
/// (`OpenShift`), by lower-case form: checked like `rules/brands.txt`.
static LISTED_NAMES: LazyLock<HashMap<&'static str, &'static str, FixedState>> =
    LazyLock::new(|| {
        lexicon::mixed_case_names()
            .map(|k| (k.key(), k.display()))
            .collect()
    });

/// The owner's spelling of a name, by its lower-case form: from the
/// brand names in force, or from the listed mixed-case names when the
/// word starts with a capital.
fn brand_of<'l>(lists: &'l ProseLists, lower: &str, capital: bool) -> Option<&'l str> {
    lists
        .brand(lower)
        .or_else(|| capital.then(|| LISTED_NAMES.get(lower).copied()).flatten())
}

const DOCS: &str = "\
Reports product and company names written with other capitals than their
owners use (`Gitlab`, `Github`, `Javascript`, `Netsuite`, `Powerpoint`), and
fixes them. Also reported:

- a name written as a plural (`GitLabs values`): a company has no plural,
  and the writer usually meant the possessive, `GitLab's`; there is no
  fix, since either may be meant;
- a name written as a domain in prose with the wrong capitals
  (`Gitlab.com`, for the product GitLab.com); a domain in lower case
  (`gitlab.com`) is an address and is left alone;
- a product name of several words in any other case (`google sheets`,
  `Google sheets`): as a phrase it is unambiguous.

The names are listed in `rules/brands.txt`, and names of several words in
`rules/brand-phrases.txt`. A handbook adds its own in `.handbook-lint.toml`
(`[lists.brands]` and `[lists.brand-phrases]`, with `files` or inline
`entries` in the same format; an added name in another case replaces the
built-in spelling). The names of `rules/spelling/companies.txt` and
`rules/spelling/software-terms.txt` written with a capital after the first
letter (`OpenShift`, `HubSpot`) are checked too. The page's title and description are checked
too. A name is not checked inside code, link destinations, URLs, paths or
handles (`@gitlab-org`, `/gitlab/`), nor when it is written in all
capitals. A name of one word that is also an ordinary word (Slack, Zoom,
Outreach, Google) is only checked when it is written with a capital
somewhere.

The severity is `warning`: the name is certainly wrong, but the page
still reads as meant.

## Bad

```markdown
Gitlab team members use Netsuite and google sheets.
```

## Good

```markdown
GitLab team members use NetSuite and Google Sheets.
```
";

/// The shapes of the listed mixed-case names, which are checked only in
/// words written with a capital.
static LISTED_SHAPES: LazyLock<Shapes> =
    LazyLock::new(|| Shapes::new(LISTED_NAMES.keys().copied()));

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    let lists = &cx.settings.lists;
    let source = cx.doc.source.as_str();
    let mut lower = String::new();
    let field_words = prose.fields.iter().flat_map(|f| f.words.iter());
    for word in prose.words.iter().chain(field_words) {
        if let Some(d) = misspelt_name(lists, source, word, &mut lower) {
            out.push(d);
        }
    }
    for field in &prose.fields {
        phrases(lists, &field.segment, &field.words, out);
    }
    for (index, words) in prose
        .words
        .chunk_by(|a, b| a.segment == b.segment)
        .map(|w| (w[0].segment, w))
    {
        if let Some(segment) = prose.segments.get(index) {
            phrases(lists, segment, words, out);
        }
    }
    for segment in &prose.segments {
        domains(lists, segment, out);
    }
}

/// The finding for a word that is a brand name with other capitals, or a
/// brand name made plural.
fn misspelt_name(
    lists: &ProseLists,
    source: &str,
    word: &Word<'_>,
    lower: &mut String,
) -> Option<Diagnostic> {
    let name = word
        .text
        .strip_suffix("'s")
        .or_else(|| word.text.strip_suffix("\u{2019}s"))
        .unwrap_or(word.text);
    let plural_stem = name.strip_suffix('s').filter(|stem| !stem.is_empty());
    // A listed mixed-case name is looked for only in words with a capital
    // first letter (`Openshift`), most words being lower case.
    let capital = name.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
    let may_be_brand = lists.may_be_brand(name)
        || (capital && LISTED_SHAPES.may_be(name))
        || plural_stem.is_some_and(|stem| lists.may_be_brand(stem));
    if name.is_ascii() && !may_be_brand {
        return None;
    }
    lower.clear();
    if name.is_ascii() {
        lower.extend(name.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        lower.extend(name.chars().flat_map(char::to_lowercase));
    }
    let Some(brand) = brand_of(lists, lower, capital) else {
        return plural(lists, word, name, lower);
    };
    if name == brand {
        return None;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic());
    if name.chars().count() > 1 && letters.clone().all(char::is_uppercase) {
        return None;
    }
    if name == lower.as_str() && lexicon::is_common_word(lower) {
        return None;
    }
    // Part of a path, handle or identifier: `gitlab-org`, `gitlab_ci`.
    let before = source[..word.span.start].chars().next_back();
    let after = source[word.span.start + name.len()..].chars().next();
    let joined = before.is_some_and(|c| matches!(c, '-' | '/' | '_' | '@' | '#' | '.'))
        || after.is_some_and(|c| matches!(c, '-' | '/' | '_' | '@'));
    if joined
        && (name == lower.as_str()
            || before.is_some_and(|c| matches!(c, '/' | '_' | '@' | '#' | '.')))
    {
        return None;
    }
    let span = word.span.start..word.span.start + name.len();
    Some(respelt(span, name, brand))
}

/// A finding with a safe fix that writes `brand` over `name` at `span`.
fn respelt(span: Range<usize>, name: &str, brand: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        span.clone(),
        format!("`{name}` is spelled `{brand}`"),
    )
    .with_label("brand name")
    .with_suggestions(vec![brand.to_string()])
    .with_fix(Fix::safe(
        format!("write `{brand}`"),
        Edit::replace(span, brand),
    ))
}

/// The finding for a capitalised brand name with an `s` added
/// (`GitLabs`), which is not itself a listed name nor an ordinary word.
fn plural(lists: &ProseLists, word: &Word<'_>, name: &str, lower: &str) -> Option<Diagnostic> {
    let stem = lower.strip_suffix('s')?;
    let brand = lists.brand(stem)?;
    if !name.starts_with(char::is_uppercase) || lexicon::is_common_word(lower) {
        return None;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic());
    if letters.clone().all(char::is_uppercase) {
        return None;
    }
    let span = word.span.start..word.span.start + name.len();
    Some(
        Diagnostic::new(
            &RULE,
            span,
            format!("`{name}`: the name is `{brand}`, which has no plural; the possessive is `{brand}'s`"),
        )
        .with_label("brand name")
        .with_help("write the possessive, or the name alone")
        .with_suggestions(vec![format!("{brand}'s"), brand.to_string()]),
    )
}

/// Reports the product names of several words written in another case
/// among `words` (consecutive words of `segment`, one space apart).
fn phrases(lists: &ProseLists, segment: &Segment, words: &[Word<'_>], out: &mut Vec<Diagnostic>) {
    for (i, first) in words.iter().enumerate() {
        if !lists.may_start_brand_phrase(first.text) {
            continue;
        }
        for (names, brand) in lists.brand_phrases().iter() {
            // Most words start no phrase: one comparison rules them out.
            if !names
                .first()
                .is_some_and(|n| first.text.eq_ignore_ascii_case(n))
            {
                continue;
            }
            let Some(run) = words.get(i..i + names.len()) else {
                continue;
            };
            let same_words = run
                .iter()
                .zip(names)
                .all(|(w, n)| w.text.eq_ignore_ascii_case(n));
            let one_space_apart = || {
                run.windows(2).all(|pair| {
                    segment.text.get(pair[0].range.end..pair[1].range.start) == Some(" ")
                })
            };
            if !same_words || !one_space_apart() {
                continue;
            }
            let (Some(last), Some(text)) = (
                run.last(),
                segment
                    .text
                    .get(first.range.start..run[run.len() - 1].range.end),
            ) else {
                continue;
            };
            let all_capitals = text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if text == *brand || all_capitals {
                continue;
            }
            out.push(respelt(first.span.start..last.span.end, text, brand));
        }
    }
}

/// Top-level domains a product may be named by (`GitLab.com`).
const PRODUCT_DOMAINS: &[&str] = &["com", "io", "net", "org"];

/// Reports a brand name written as a domain in prose with the wrong
/// capitals (`Gitlab.com`): a product's name, not an address.
fn domains(lists: &ProseLists, segment: &Segment, out: &mut Vec<Diagnostic>) {
    for chunk in &segment.technical {
        let Some(text) = segment.text.get(chunk.clone()) else {
            continue;
        };
        let start = text.len()
            - text
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let word = text[start..].trim_end_matches(|c: char| !c.is_alphanumeric());
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .unwrap_or(word);
        let Some((name, domain)) = word.split_once('.') else {
            continue;
        };
        if !PRODUCT_DOMAINS.contains(&domain) || name == name.to_lowercase() {
            continue;
        }
        let Some(brand) = lists.brand(name.to_lowercase().as_str()) else {
            continue;
        };
        let all_capitals = name.chars().all(|c| !c.is_lowercase());
        if name == brand || all_capitals {
            continue;
        }
        let at = chunk.start + start;
        let Some(span) = segment.exact_span(at..at + name.len()) else {
            continue;
        };
        out.push(respelt(span, name, brand).with_label("brand name in a domain"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::rules::testing::{lines, run};

    #[test]
    fn finds_miscapitalised_names() {
        let found = run(
            &RULE,
            "Gitlab team members use Netsuite.\n\nThe github repo, Gitlab-hosted.\n",
        );
        let fixes: Vec<&str> = found
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .map(|f| f.edits[0].replacement.as_str())
            .collect();
        assert_eq!(fixes, vec!["GitLab", "NetSuite", "GitHub", "GitLab"]);
    }

    #[test]
    fn finds_listed_mixed_case_names() {
        let found = run(&RULE, "Deploy to Openshift and track it in Hubspot.\n");
        let fixes: Vec<&str> = found
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .map(|f| f.edits[0].replacement.as_str())
            .collect();
        assert_eq!(fixes, vec!["OpenShift", "HubSpot"]);
    }

    #[test]
    fn finds_plurals_domains_phrases_and_fields() {
        let source = "---\ntitle: Analyst\ndescription: The Gitlab data team\n---\n\n\
                      - Align with GitLabs values\n\
                      - Run jobs on Gitlab.com and gitlab.com\n\
                      - Model in google sheets and Google sheets, not in google\n";
        let mut found = run(&RULE, source);
        found.sort_by_key(|d| d.span.start);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "`Gitlab` is spelled `GitLab`",
                "`GitLabs`: the name is `GitLab`, which has no plural; the possessive is `GitLab's`",
                "`Gitlab` is spelled `GitLab`",
                "`google sheets` is spelled `Google Sheets`",
                "`Google sheets` is spelled `Google Sheets`",
            ]
        );
        assert!(found[1].fix.is_none());
        let fixes: Vec<Option<&str>> = found
            .iter()
            .map(|d| d.fix.as_ref().map(|f| f.edits[0].replacement.as_str()))
            .collect();
        assert_eq!(
            fixes,
            vec![
                Some("GitLab"),
                None,
                Some("GitLab"),
                Some("Google Sheets"),
                Some("Google Sheets")
            ]
        );
        let domain = &found[2];
        assert_eq!(&source[domain.span.clone()], "Gitlab");
    }

    #[test]
    fn leaves_urls_code_paths_and_words_alone() {
        let source = "See gitlab.com, `Gitlab`, [GitLab](https://gitlab.com/gitlab-org), \
                      gitlab-org and @gitlab. GITLAB and GitLab's tools. Cut slack; use Slack.\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }
}
