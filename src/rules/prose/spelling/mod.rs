//! `spelling`: the rule. Judges each word of the page (see [`tokens`])
//! against the compiled dictionaries (see [`lexicon`]) and reports it by
//! how sure the judgement is: a known misspelling (error, safe fix), an
//! unknown word with one clearly best correction (warning, unsafe fix),
//! or, when a team asks for it, any other unknown word (info).

pub mod lexicon;
mod morphology;
pub mod suggest;
pub mod tables;
pub mod tokens;
mod verdict;
mod vocabulary;

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::prose::{is_capitalized, match_case, Prose};
use crate::rules::{Check, Context, Fixable, Group, Rule};
use tokens::Token;
use verdict::{Verdict, VerdictCache};

pub use vocabulary::{corpus_vocabulary, vocabulary_candidates, vocabulary_key, CORPUS_PAGES};

/// The rule.
pub static RULE: Rule = Rule {
    id: "spelling",
    group: Group::Prose,
    severity: Severity::Error,
    // Known misspellings and variants are fixed safely, likely typos
    // unsafely: the catalogue names the weaker of the two.
    fix: Fixable::Sometimes(Applicability::Unsafe),
    summary:
        "misspelled words: known misspellings (error) and likely typos (warning), with suggestions",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports misspelled words, by how sure it is:

- **Known misspellings** (error, safe fix): words on a list of tens of
  thousands of common misspellings (`Enteprise` -> `Enterprise`,
  `criterias` -> `criteria`), fixed in the case they were written in.
- **Likely typos** (warning, unsafe fix): an unknown word with one
  clearly best correction, a common word one edit away or closer (two
  letters swapped, a letter doubled or dropped, a neighbouring key):
  `Servey` -> `Survey`, `calendrs` -> `calendars`. Also a stray capital in an
  ordinary word (`ExperIence` -> `Experience`) and words run together
  (`SOCreviews` -> `SOC reviews`, `ofthe` -> `of the`).
- **Other unknown words** (info, off by default): most are names and
  terms. Set `report-unknown = true` under `[spelling]` to see them.

A configured level (`spelling = \"warning\"` under `[rules]`) applies to
every finding of the rule.

What is checked: the prose of the page (paragraphs, list items, headings,
table cells, link text) and the front-matter `title` and `description`.
What is not: code, link destinations, HTML, template calls (`{{< ref … >}}`),
URLs, e-mail addresses, domains, paths and handles, words with digits
(`30min`), all-capital
acronyms and their plurals (`OKR`, `SOWs`), and words of fewer than three
letters. A word with an inner capital is accepted when it is a listed
name or its parts are words (`GitLab`, `PowerPoint`); a listed name
written in the wrong case is `brand-name`'s to report.

Words are known when they are in:

- SCOWL's American and British English lists (size 70, with inflected
  forms; `rules/dictionary/english.txt`). Both variants are accepted; set
  `variant = \"en-US\"` or `\"en-GB\"` under `[spelling]` to report the
  other one (warning, safe fix: `colour` -> `color`);
- company and product names and software and business terms
  (`rules/spelling/companies.txt`, `rules/spelling/software-terms.txt`,
  `rules/brands.txt`) and the handbook vocabulary
  (`rules/spelling/vocabulary.txt`), in any case, with a plural;
- your own words: `extra_words = [\"Zuora\", …]` or `words_file =
  \"words.txt\"` in `.handbook-lint.toml`, and the brand names of one
  word its `[lists.brands]` adds. `handbook-lint words PATH`
  lists a tree's unknown words, most frequent first, to start that file.

Suggestions come from an index of the dictionary and are ranked by a typo
model and by how common each word is; a word used elsewhere on the page
is preferred. Regular derivations of known words are words
(`influencers`, `untrusting`), but plurals English does not make are
known misspellings (`trainings`, `latests`). An unknown capitalised word
whose capital neither a sentence start nor a title explains is taken for
a name, and no correction is offered as clear. A word that the lists accept is never reported, and an
unknown word is never split into two unless one is a small function word
or an acronym (`ofthe`, `SOCreviews`).

A capitalised word that is unknown but used in three or more pages of the
handbook, and that is not one edit away from a dictionary word, is taken to
be vocabulary (a product or company name) and not reported. The handbook is
every page of the run and, when the run lints only some pages (one file
from a pre-commit hook, `--changed-since`, an editor's page), the other
pages of the content tree too: a page gets the same findings either way. A
lower-case use on any page keeps the word an error everywhere.

## Bad

```markdown
- Own the Customer Satisfaction Servey for the Enteprise Applications team
```

## Good

```markdown
- Own the Customer Satisfaction Survey for the Enterprise Applications team
```
";

/// Which English the handbook is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Variant {
    /// American and British spellings are both accepted.
    #[default]
    Both,
    /// American spellings: British ones are reported.
    American,
    /// British spellings: American ones are reported.
    British,
}

/// The rule's settings (`[spelling]` in the configuration).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpellingSettings {
    /// The variant of English to hold the page to.
    pub variant: Variant,
    /// Whether unknown words without a clear correction are reported
    /// (info).
    pub report_unknown: bool,
}

/// A reported word: what the rule makes of an unknown or misspelled
/// word.
#[derive(Clone, Debug, PartialEq)]
pub struct Judged {
    /// The word as written, without a possessive.
    pub word: String,
    /// Its span.
    pub span: Range<usize>,
    /// How sure the rule is.
    pub tier: Tier,
    /// Corrections, best first.
    pub suggestions: Vec<String>,
}

/// How sure the rule is that a word is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// A listed misspelling: the correction is safe.
    Misspelled,
    /// The other variant of English than the configured one: safe.
    Variant,
    /// An unknown word with one clearly best correction.
    Likely,
    /// An unknown word with no convincing correction (likely a name).
    Unknown,
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let settings = &cx.settings.spelling;
    for judged in judge_page(cx) {
        if judged.tier == Tier::Unknown && !settings.report_unknown {
            continue;
        }
        out.push(diagnostic(judged));
    }
}

/// The unknown and misspelled words of the page, as the rule judges
/// them, whatever the settings say to report: for `handbook-lint words`.
pub fn judge_page(cx: &Context<'_>) -> Vec<Judged> {
    let prose = cx.prose();
    let tokens = tokens::page_words(cx.doc, prose);
    let extra: HashSet<String> = cx
        .settings
        .extra_words
        .iter()
        .map(|w| vocabulary_key(w.trim()))
        .collect();
    let page = Page {
        prose,
        tokens: &tokens,
        forms: OnceCell::new(),
        extra: &extra,
        variant: cx.settings.spelling.variant,
    };
    let mut ranked = HashMap::new();
    let mut out = Vec::new();
    verdict::with_cache(|cache| {
        for token in &tokens {
            if let Some(judged) = judge(token, cache, &page, &mut ranked) {
                out.push(judged);
            }
        }
    });
    out
}

/// What judging a word reads of its page.
struct Page<'p, 'a> {
    prose: &'p Prose<'a>,
    tokens: &'p [Token<'a>],
    /// The page's words as the ranking of corrections reads them, made
    /// when a first unknown word's corrections are ranked.
    forms: OnceCell<verdict::PageForms<'p, 'a>>,
    /// The configured words, in their lower-case form.
    extra: &'p HashSet<String>,
    variant: Variant,
}

/// Judges one word; `None` when it is fine.
/// `ranked` remembers the page's rankings of unknown words.
fn judge(
    token: &Token<'_>,
    cache: &mut VerdictCache,
    page: &Page<'_, '_>,
    ranked: &mut HashMap<String, verdict::Ranked>,
) -> Option<Judged> {
    let variant = page.variant;
    let verdict = cache.verdict(token.text);
    // Most words are known: done before anything else is computed.
    if matches!(
        (verdict, variant),
        (Verdict::Skipped | Verdict::Known(None), _) | (Verdict::Known(_), Variant::Both)
    ) {
        return None;
    }
    let stem = tokens::strip_possessive(token.text);
    let span = token.span.start..token.span.start + stem.len();
    let found = |tier, suggestions: Vec<String>| Judged {
        word: stem.to_string(),
        span: span.clone(),
        tier,
        suggestions,
    };
    let judged = match verdict {
        Verdict::Skipped => return None,
        Verdict::Known(known) => {
            let other = match (variant, *known) {
                (Variant::American, Some(k)) if !k.has(tables::EN_US) => {
                    lexicon::american_of(k.key())
                }
                (Variant::British, Some(k)) if !k.has(tables::EN_GB) => {
                    lexicon::british_of(k.key())
                }
                _ => None,
            }?;
            found(Tier::Variant, vec![match_case(stem, other)])
        }
        Verdict::Misspelled(right) => {
            let right = in_variant(right, variant);
            found(Tier::Misspelled, vec![match_case(stem, right)])
        }
        Verdict::Recased(right) => found(Tier::Likely, vec![right.clone()]),
        Verdict::Unknown => {
            // A capital that neither starts a sentence nor belongs to a
            // title marks a name: its closest word is no correction.
            let name = is_capitalized(stem) && !tokens::positional_capital(page.prose, token);
            let key = vocabulary_key(stem);
            let mut ranked = ranked
                .entry(key)
                .or_insert_with_key(|key| {
                    verdict::rank(
                        key,
                        page.forms
                            .get_or_init(|| verdict::PageForms::of(page.tokens)),
                    )
                })
                .clone();
            ranked.clear &= !name;
            let suggestions = ranked
                .words
                .iter()
                .map(|s| {
                    if s.chars().any(char::is_uppercase) {
                        s.clone()
                    } else {
                        match_case(stem, s)
                    }
                })
                .collect();
            found(
                if ranked.clear {
                    Tier::Likely
                } else {
                    Tier::Unknown
                },
                suggestions,
            )
        }
    };
    (!is_listed(&vocabulary_key(stem), page.extra)).then_some(judged)
}

/// A correction in the configured variant of English: the British
/// spelling for a British handbook, the American one otherwise (the
/// correction lists mix both).
fn in_variant(word: &'static str, variant: Variant) -> &'static str {
    let other = match variant {
        Variant::British => lexicon::british_of(word),
        Variant::Both | Variant::American => lexicon::american_of(word),
    };
    other.unwrap_or(word)
}

/// The finding for a judged word.
fn diagnostic(judged: Judged) -> Diagnostic {
    let Judged {
        word,
        span,
        tier,
        mut suggestions,
    } = judged;
    suggestions.truncate(5);
    let first = suggestions.first().cloned();
    let (severity, message, label) = match (tier, &first) {
        (Tier::Misspelled, Some(right)) => (
            Severity::Error,
            format!("`{word}` is misspelled; write `{right}`"),
            "misspelled",
        ),
        (Tier::Variant, Some(right)) => (
            Severity::Warning,
            format!("`{word}` is the other variant of English; write `{right}`"),
            "spelling variant",
        ),
        (Tier::Likely, Some(right)) => (
            Severity::Warning,
            format!("`{word}` is not a known word; did you mean `{right}`?"),
            "likely typo",
        ),
        (_, Some(right)) => (
            Severity::Info,
            format!("`{word}` is not a known word (closest: `{right}`)"),
            "unknown word",
        ),
        (_, None) => (
            Severity::Info,
            format!("`{word}` is not a known word"),
            "unknown word",
        ),
    };
    let mut d = Diagnostic::new(&RULE, span.clone(), message).with_label(label);
    d.severity = severity;
    if matches!(tier, Tier::Likely | Tier::Unknown) {
        d = d.with_help(
            "if the word is right, add it to `extra_words` or `words_file` in .handbook-lint.toml",
        );
    }
    if let Some(right) = first {
        let fix = match tier {
            Tier::Misspelled | Tier::Variant => Some(Fix::safe(
                format!("write `{right}`"),
                Edit::replace(span, right),
            )),
            Tier::Likely => Some(Fix::unsafe_(
                format!("write `{right}`"),
                Edit::replace(span, right),
            )),
            Tier::Unknown => None,
        };
        if let Some(fix) = fix {
            d = d.with_fix(fix);
        }
    }
    d.with_suggestions(suggestions)
}

/// Whether a lower-case word is one of the configured words, with a
/// plural.
fn is_listed(lower: &str, extra: &HashSet<String>) -> bool {
    let listed = |w: &str| extra.contains(w);
    !extra.is_empty()
        && (listed(lower)
            || lower.strip_suffix('s').is_some_and(listed)
            || lower.strip_suffix("es").is_some_and(listed))
}

#[cfg(test)]
mod tests;
