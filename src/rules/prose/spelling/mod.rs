//! `spelling`: words that are neither in the dictionary nor in the
//! handbook vocabulary, with ranked suggestions.

pub mod dictionary;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use foldhash::fast::RandomState;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::prose::data::{BRAND_NAMES, MISSPELLED, VOCABULARY_WORDS};
use crate::rules::prose::{is_capitalized, match_case, Word};
use crate::rules::{Check, Context, Fixable, Group, Rule};
use dictionary::{Candidate, DICT};

/// The rule.
pub static RULE: Rule = Rule {
    id: "spelling",
    group: Group::Prose,
    severity: Severity::Error,
    fix: Fixable::Sometimes(Applicability::Unsafe),
    summary: "words not in the dictionary, with suggestions",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(prepare),
};

/// Builds the dictionary and the word lists (the suggestion index is
/// built on first use).
fn prepare() {
    dictionary::prepare();
    std::sync::LazyLock::force(&MISSPELLED);
    std::sync::LazyLock::force(&VOCABULARY_WORDS);
}

const DOCS: &str = "\
Reports words that are neither in the English dictionary nor in the
handbook vocabulary, and suggests corrections, the likeliest first.

What is checked: the prose of the page (paragraphs, list items, headings,
table cells, link text). What is not: code, link destinations, HTML, the
front matter, URLs, e-mail addresses, domains, paths and handles, words
with digits (`30min`), words with inner capitals (`GitLab`, `DevSecOps`,
`nARR`), all-capital acronyms and their plurals (`OKR`, `SOWs`), and words
of fewer than three letters.

Words are known when they are in:

- the dictionary: SCOWL's American English list (size 50, as Debian's
  `wamerican` ships it), embedded from `rules/dictionary/en_US.txt`;
- the handbook vocabulary, `rules/spelling/vocabulary.txt` (onboarding,
  roadmap, stakeholder, SaaS, OKR, …) and the brand names of
  `rules/brands.txt`, in any case, with a plural `s`/`es`;
- your own words: `extra_words = [\"Zuora\", …]` or `words_file = \"words.txt\"`
  in `.handbook-lint.toml`.

Regular adverbs and plurals of dictionary words (`strategically`,
`jurisdictions`) are known too, except plurals of uncountable nouns
(`trainings`, `feedbacks`, `informations`).

Words listed in `rules/spelling/misspellings.txt` (`criterias -> criteria`)
are always reported, with a safe fix. For other unknown words the
suggestions are ranked by a weighted edit distance (a vowel for a vowel, a
neighbouring key, swapped letters and doubled letters cost less) and by
whether the candidate is used elsewhere on the same page; an unsafe fix is
offered when the best suggestion is one edit away and clearly ahead of the
next.

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

/// How many pages of a run must use an unknown capitalised word for it to
/// count as vocabulary.
pub const CORPUS_PAGES: usize = 3;

/// Words longer than this (in bytes) are not checked.
const MAX_WORD_BYTES: usize = 64;

/// Suggestions that appear on the same page are this much closer.
const SAME_PAGE_BONUS: f32 = 0.4;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // The thread's verdicts are borrowed once for the page.
    SEEN.with(|seen| match seen.try_borrow_mut() {
        Ok(mut verdicts) => check_words(cx, &mut verdicts, out),
        Err(_) => check_words(cx, &mut Verdicts::default(), out),
    });
}

/// Checks the words of the page, with the verdicts remembered so far.
fn check_words(cx: &Context<'_>, verdicts: &mut Verdicts, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    let extra: HashSet<String> = cx
        .settings
        .extra_words
        .iter()
        .map(|w| w.trim().to_lowercase())
        .collect();
    let mut seen: HashMap<String, Option<(Vec<String>, f32, bool)>> = HashMap::new();
    let mut lower = String::new();
    for word in &prose.words {
        let verdict = verdict(word.text, &mut lower, verdicts);
        if matches!(verdict, Verdict::Skipped | Verdict::Known) {
            continue;
        }
        let stem = strip_possessive(word.text);
        let span = word.span.start..word.span.start + stem.len();
        if let Verdict::Misspelled(right) = verdict {
            out.push(misspelled(stem, right, span));
            continue;
        }
        write_lookup_form(stem, &mut lower);
        if lower.chars().nth(2).is_none() || is_listed(&lower, &extra) {
            continue;
        }
        let ranked = match seen.get(lower.as_str()) {
            Some(ranked) => ranked.clone(),
            None => {
                let ranked = Some(rank(&lower, &prose.words));
                seen.insert(lower.clone(), ranked.clone());
                ranked
            }
        };
        let Some((suggestions, best, clear)) = ranked else {
            continue;
        };
        out.push(unknown(stem, span, &suggestions, clear && best <= 1.0));
    }
}

/// The finding for a listed misspelling, with its safe fix.
fn misspelled(stem: &str, right: &str, span: std::ops::Range<usize>) -> Diagnostic {
    let fixed = match_case(stem, right);
    Diagnostic::new(
        &RULE,
        span.clone(),
        format!("`{stem}` is misspelled; write `{fixed}`"),
    )
    .with_label("misspelled")
    .with_suggestions(vec![fixed.clone()])
    .with_fix(Fix::safe(
        format!("write `{fixed}`"),
        Edit::replace(span, fixed),
    ))
}

/// The finding for an unknown word, with its suggestions (in the case of
/// the word) and, when `fixable`, an unsafe fix to the first.
fn unknown(
    stem: &str,
    span: std::ops::Range<usize>,
    suggestions: &[String],
    fixable: bool,
) -> Diagnostic {
    let suggestions: Vec<String> = suggestions
        .iter()
        .map(|s| {
            if s.chars().any(char::is_uppercase) {
                s.clone()
            } else {
                match_case(stem, s)
            }
        })
        .collect();
    let message = match suggestions.first() {
        Some(first) => format!("`{stem}` is not a known word; did you mean `{first}`?"),
        None => format!("`{stem}` is not a known word"),
    };
    let mut d = Diagnostic::new(&RULE, span.clone(), message)
        .with_label("unknown word")
        .with_help("if the word is right, add it to `extra_words` in .handbook-lint.toml");
    if fixable {
        if let Some(first) = suggestions.first() {
            d = d.with_fix(Fix::unsafe_(
                format!("write `{first}`"),
                Edit::replace(span, first.clone()),
            ));
        }
    }
    d.with_suggestions(suggestions.into_iter().take(5).collect())
}

/// Suggestions for an unknown lower-case word, re-ranked for the page:
/// the words, the best score, and whether the best is clearly ahead.
fn rank(lower: &str, page_words: &[Word<'_>]) -> (Vec<String>, f32, bool) {
    let mut ranked: Vec<Candidate> = DICT
        .suggest(lower)
        .iter()
        .map(|c| {
            let on_page = is_on_page(&c.word, page_words);
            Candidate {
                word: c.word.clone(),
                distance: c.distance - if on_page { SAME_PAGE_BONUS } else { 0.0 },
            }
        })
        .collect();
    if let Some(split) = split_compound(lower) {
        ranked.push(Candidate {
            word: split,
            distance: 0.9,
        });
    }
    ranked.sort_by(|a, b| a.distance.total_cmp(&b.distance));
    let best = ranked.first().map_or(f32::MAX, |c| c.distance);
    let clear = ranked.get(1).is_none_or(|c| c.distance - best >= 0.3);
    (ranked.into_iter().map(|c| c.word).collect(), best, clear)
}

/// Whether `word` is written on the page, in any case.
fn is_on_page(word: &str, page_words: &[Word<'_>]) -> bool {
    let wanted = lookup_form(word);
    let mut form = String::new();
    page_words.iter().any(|w| {
        // Lower-casing keeps the length of ASCII words: compare lengths
        // first, so most words cost one comparison.
        if w.text.is_ascii() && w.text.len() != wanted.len() {
            return false;
        }
        write_lookup_form(w.text, &mut form);
        form == wanted
    })
}

/// Two dictionary words run together ("servicedesk" -> "service desk"),
/// each of at least three letters.
fn split_compound(lower: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    if chars.len() < 6 {
        return None;
    }
    (3..=chars.len() - 3).find_map(|k| {
        let at = chars[k].0;
        let (a, b) = (&lower[..at], &lower[at..]);
        (DICT.is_common(a) && DICT.is_common(b)).then(|| format!("{a} {b}"))
    })
}

/// The form a word is looked up in: lower case, straight apostrophes.
fn lookup_form(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    write_lookup_form(word, &mut out);
    out
}

/// Writes the lookup form of `word` into `out`, replacing its content.
fn write_lookup_form(word: &str, out: &mut String) {
    out.clear();
    if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        out.push_str(word);
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('\u{2019}'))
        .unwrap_or(word)
}

/// Words the rule never checks: with digits, inner capitals, or all
/// capitals (acronyms, with a plural `s`).
fn skipped(word: &str) -> bool {
    // Longer than any English word: a run of characters, not a word, and
    // too long to compare with the dictionary.
    // UTF-8 read as Windows-1252 ("customerâ€™s"): `mojibake` reports it.
    if word.len() > MAX_WORD_BYTES || word.ends_with('â') {
        return true;
    }
    // All capitals, with an optional plural `s` (`OKR`, `SOWs`), or a
    // capital after the first letter (`GitLab`); digits; mojibake.
    let mut letters = 0usize;
    let mut capitals = 0usize;
    let mut inner_capital = false;
    let mut last = ' ';
    for c in word.chars() {
        if c.is_numeric() || c == 'Ã' || c == 'Â' {
            return true;
        }
        if !c.is_alphabetic() {
            continue;
        }
        if c.is_uppercase() {
            capitals += 1;
            inner_capital |= letters > 0;
        }
        letters += 1;
        last = c;
    }
    let body = if last == 's' && letters > 2 {
        letters - 1
    } else {
        letters
    };
    (body > 1 && capitals == body) || inner_capital
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

/// What the built-in lists say of a lower-case word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// A word the rule never checks (see [`skipped`]).
    Skipped,
    /// A dictionary, vocabulary or brand word (or a regular adverb or
    /// plural of one).
    Known,
    /// A listed misspelling, with its correction.
    Misspelled(&'static str),
    /// Neither.
    Unknown,
}

/// Most verdicts a thread remembers before it starts afresh.
const VERDICTS: usize = 1 << 14;

thread_local! {
    /// Verdicts of [`verdict`] for the words this thread has seen, as
    /// written: prose repeats a few hundred words, and this small table
    /// stays in the processor's cache where the dictionary does not. Keyed
    /// by the word as written, a word seen before needs no lookup form.
    static SEEN: RefCell<Verdicts> = RefCell::default();
}

/// Verdicts by word as written.
type Verdicts = HashMap<Box<str>, Verdict, RandomState>;

/// The verdict on a word of prose as written (possessive included;
/// `lower` is room for a lookup form): skipped (see [`skipped`]), or the
/// verdict of the built-in lists on its stem: a listed misspelling; a
/// word in the dictionary, the vocabulary or the brand names (with a
/// plural), or a regular adverb or plural of a dictionary word; or
/// unknown. Remembered in `verdicts`.
fn verdict(word: &str, lower: &mut String, verdicts: &mut Verdicts) -> Verdict {
    if let Some(&verdict) = verdicts.get(word) {
        return verdict;
    }
    let known = if skipped(word) {
        Verdict::Skipped
    } else {
        write_lookup_form(strip_possessive(word), lower);
        lookup_verdict(lower)
    };
    if verdicts.len() >= VERDICTS {
        verdicts.clear();
    }
    verdicts.insert(word.into(), known);
    known
}

/// The verdict of the built-in lists on a lower-case word.
fn lookup_verdict(lower: &str) -> Verdict {
    if let Some(right) = MISSPELLED.get(lower) {
        Verdict::Misspelled(right.as_str())
    } else if look_up_built_in(lower) {
        Verdict::Known
    } else {
        Verdict::Unknown
    }
}

fn look_up_built_in(lower: &str) -> bool {
    if DICT.contains(lower) || is_regular_adverb(lower) || is_regular_plural(lower) {
        return true;
    }
    let listed = |w: &str| VOCABULARY_WORDS.contains(w) || BRAND_NAMES.contains_key(w);
    listed(lower)
        || lower.strip_suffix('s').is_some_and(listed)
        || lower.strip_suffix("es").is_some_and(listed)
}

/// Nouns that take no plural: "trainings", "informations" are errors.
const UNCOUNTABLE: &[&str] = &[
    "advice",
    "collateral",
    "equipment",
    "feedback",
    "furniture",
    "hardware",
    "information",
    "knowledge",
    "software",
    "training",
];

/// Whether `lower` is the regular plural (or third person) of a
/// dictionary word ("jurisdiction" -> "jurisdictions"), which a word list
/// of common size often leaves out. Uncountable nouns are not pluralised.
fn is_regular_plural(lower: &str) -> bool {
    let Some(stem) = lower.strip_suffix('s') else {
        return false;
    };
    stem.chars().count() >= 5
        && !stem.ends_with('s')
        && !UNCOUNTABLE.contains(&stem)
        && DICT.contains(stem)
}

/// Whether `lower` is an adverb regularly formed from a dictionary
/// adjective ("prescriptive" -> "prescriptively", "strategic" ->
/// "strategically"), which a word list of common size often leaves out.
fn is_regular_adverb(lower: &str) -> bool {
    let Some(stem) = lower.strip_suffix("ly") else {
        return false;
    };
    stem.len() >= 5
        && (DICT.contains(stem)
            || stem
                .strip_suffix("al")
                .is_some_and(|s| s.ends_with("ic") && DICT.contains(s)))
}

/// The words a handbook shows to be vocabulary: given the unknown words
/// the rule reported, as `(page, word as written)`, those written with a
/// capital first letter on at least [`CORPUS_PAGES`] distinct pages and
/// not one edit away from a dictionary word. Returned in their
/// [`vocabulary_key`] form.
pub fn corpus_vocabulary<'a>(
    flagged: impl IntoIterator<Item = (usize, &'a str)>,
) -> HashSet<String> {
    let mut pages: HashMap<String, (HashSet<usize>, bool)> = HashMap::new();
    for (page, word) in flagged {
        let entry = pages
            .entry(lookup_form(word))
            .or_insert_with(|| (HashSet::new(), true));
        entry.0.insert(page);
        entry.1 &= is_capitalized(word);
    }
    pages
        .into_iter()
        .filter(|(word, (pages, capitalized))| {
            *capitalized && pages.len() >= CORPUS_PAGES && may_be_vocabulary(word)
        })
        .map(|(word, _)| word)
        .collect()
}

/// The reported words that other pages could still show to be vocabulary
/// (see [`corpus_vocabulary`]): those capitalised wherever they were
/// reported, not listed misspellings and not one edit away from a
/// dictionary word. Returned in their [`vocabulary_key`] form.
pub fn vocabulary_candidates<'a>(flagged: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    let mut capitalized: HashMap<String, bool> = HashMap::new();
    for word in flagged {
        *capitalized.entry(lookup_form(word)).or_insert(true) &= is_capitalized(word);
    }
    capitalized
        .into_iter()
        .filter(|(word, capitalized)| *capitalized && may_be_vocabulary(word))
        .map(|(word, _)| word)
        .collect()
}

/// Whether the unknown word `key` (in [`vocabulary_key`] form) may be
/// vocabulary: it is no listed misspelling and no dictionary word is one
/// edit away.
fn may_be_vocabulary(key: &str) -> bool {
    !MISSPELLED.contains_key(key) && DICT.suggest(key).first().is_none_or(|c| c.distance > 1.0)
}

/// The form in which the run-level pass compares words: lower case, with
/// typographic apostrophes made straight.
pub fn vocabulary_key(word: &str) -> String {
    lookup_form(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    fn messages(source: &str) -> Vec<String> {
        run(&RULE, source).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn names_the_likely_correction_first() {
        let found = messages(
            "The Enteprise team.\n\nRun the Customer Satisfaction Servey.\n\nThe Engagment plan.\n\nClear criterias.\n",
        );
        assert_eq!(
            found,
            vec![
                "`Enteprise` is not a known word; did you mean `Enterprise`?",
                "`Servey` is not a known word; did you mean `Survey`?",
                "`Engagment` is not a known word; did you mean `Engagement`?",
                "`criterias` is misspelled; write `criteria`",
            ]
        );
    }

    #[test]
    fn splits_words_run_together() {
        let found = messages("Raise it with the servicedesk team.\n");
        assert_eq!(
            found,
            vec!["`servicedesk` is not a known word; did you mean `service desk`?"]
        );
    }

    #[test]
    fn prefers_words_used_on_the_page() {
        let found =
            messages("Goals are defined each quarter.\n\nTargets are deined by the team.\n");
        assert_eq!(
            found,
            vec!["`deined` is not a known word; did you mean `defined`?"]
        );
    }

    #[test]
    fn knows_handbook_vocabulary_and_skips_technical_words() {
        let source = "Onboarding, offboarding and the roadmap: stakeholders, deliverables, \
                      enablement, playbooks, prioritization, proactively, quantifiable synergies \
                      and transformational work at GitLab with DevSecOps, SaaS, OKRs, SOWs, \
                      KPIs, CSAT, nARR and Kubernetes in 30min. See `Gitlabz` and \
                      https://example.com/Servey or [docs](/handbook/Servey/). Zuora and Coupa.\n";
        assert_eq!(lines(&RULE, source), Vec::<usize>::new());
    }

    #[test]
    fn knows_common_words_of_real_job_families() {
        let source = "- Update the handbook with Git and git, over the whole lifecycle\n\
                      - Own messaging and storytelling for whitepapers, ebooks and infographics\n\
                      - Challenge the status quo; ideate on situational, relatable, replicable work\n\
                      - Intercompany reconciliations under Sarbanes-Oxley; mockups on whiteboards\n\
                      - Remix content; newsjacking; verifications; Photoshop and Mattermost\n\
                      - Strategizing on impactful, discoverable work; resourcing; blockers\n\
                      - Web crawlers; interdependencies; inter/intra team communication\n\
                      - Omni-channel touchpoints on webpages\n\
                      - Refactor, sharding and queueing with Docker; foundational repeatability\n\
                      - Curated Kanban boards for meetups, attendees and mindshare\n\
                      - Renewals and add-ons; badging; the partner helpdesk\n";
        let found = messages(source);
        assert!(found.is_empty(), "{found:?}");
        // Misspellings of them are still found.
        assert_eq!(
            lines(&RULE, "- Own the lifecyle of storytellling\n"),
            vec![1, 1]
        );
    }

    #[test]
    fn accepts_regular_plurals_of_dictionary_words_but_not_of_uncountables() {
        assert!(is_regular_plural("jurisdictions"));
        let found = messages("- Taxes in all jurisdictions\n");
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(
            lines(
                &RULE,
                "- Run trainings\n- Share feedbacks and informations\n"
            ),
            vec![1, 2, 2]
        );
        // A misspelling with an `s` is still one.
        assert_eq!(lines(&RULE, "- Many jurisdictons\n"), vec![1]);
    }

    #[test]
    fn accepts_every_vocabulary_word_and_brand() {
        let words: Vec<&str> =
            crate::rules::prose::data::lines(crate::rules::prose::data::VOCABULARY)
                .chain(crate::rules::prose::data::lines(
                    crate::rules::prose::data::BRANDS,
                ))
                .collect();
        let source = format!("{}\n", words.join(" and "));
        let found = messages(&source);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn leaves_mojibake_to_its_rule() {
        assert!(messages("The customerâ€™s view.\n").is_empty());
    }

    #[test]
    fn accepts_adverbs_of_known_adjectives() {
        assert!(messages("Act prescriptively and strategically.\n").is_empty());
        assert_eq!(messages("Act prescriptivly.\n").len(), 1);
    }

    #[test]
    fn accepts_configured_words() {
        let source = "Use Frobnicator daily.\n";
        let mut settings = crate::rules::Settings::default();
        let found = crate::rules::testing::run_with(&RULE, "t.md", source, &settings);
        assert_eq!(found.len(), 1);
        settings.extra_words.push("frobnicator".to_string());
        assert!(crate::rules::testing::run_with(&RULE, "t.md", source, &settings).is_empty());
    }

    #[test]
    fn offers_fixes_only_when_clear() {
        let found = run(&RULE, "The Enteprise team.\n\nClear criterias.\n");
        assert_eq!(found.len(), 2);
        let enterprise = found[0].fix.as_ref();
        assert!(enterprise
            .is_some_and(|f| f.applicability == Applicability::Unsafe
                && f.edits[0].replacement == "Enterprise"));
        let criteria = found[1].fix.as_ref();
        assert!(criteria.is_some_and(|f| f.applicability == Applicability::Safe));
    }

    #[test]
    fn corpus_keeps_names_used_across_pages() {
        let words = [
            (0, "Frobco"),
            (1, "Frobco"),
            (2, "Frobco"),
            (0, "Enteprise"),
            (1, "Enteprise"),
            (2, "Enteprise"),
            (0, "Zibble"),
            (1, "Zibble"),
        ];
        let vocabulary = corpus_vocabulary(words);
        assert!(vocabulary.contains("frobco"));
        assert!(!vocabulary.contains("enteprise"));
        assert!(!vocabulary.contains("zibble"));
        // A lower-case use anywhere makes the word an error everywhere.
        let lowered = corpus_vocabulary(words.into_iter().chain([(3, "frobco")]));
        assert!(!lowered.contains("frobco"));
    }

    #[test]
    fn candidates_are_the_words_other_pages_could_confirm() {
        let candidates =
            vocabulary_candidates(["Frobco", "Enteprise", "Qorvexa", "Qorvexa", "Wobl", "wobl"]);
        let mut sorted: Vec<&str> = candidates.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        assert_eq!(sorted, ["frobco", "qorvexa"]);
        assert_eq!(vocabulary_key("O\u{2019}Frob"), "o'frob");
    }
}
