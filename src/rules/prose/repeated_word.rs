//! `repeated-word`: "the the", and a phrase written twice ("working in
//! working in").

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::prose::{Prose, Word};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "repeated-word",
    group: Group::Prose,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "a word or a phrase written twice in a row (\"the the\", \"working in working in\")",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a word written twice in a row (\"the the\"), or a phrase of two to
four words written twice (\"working in working in\"), also across a line
break within a paragraph or list item, and deletes the second copy.

Only words separated by nothing but spaces or a line break count: markup
between them (`the **the**`) is reported without a fix. Numbers are not
checked. Correct English is left alone: \"that that\", \"had had\", and a
preposition before an idiom that starts with the same word (\"experience
at at least one company\": at + at least). So is a title line with no
heading markup followed, on the next line, by a sentence that starts with
the same word (\"About the Team\" / \"Team members …\").

When the first copy is likely a slip for another word, deleting the
second would leave the sentence wrong: \"reports the the Director\" meant
\"reports to the Director\". After a word that takes \"to\" (reports,
belongs, contributes, …) a doubled `the` is reported without a fix,
suggesting `to the`.

The severity is `warning`: the slip is certain, but the page still reads.

## Bad

```markdown
- Partner with the
  the Finance team
- Experience working in working in a remote team
```

## Good

```markdown
- Partner with the
  Finance team
- Experience working in a remote team, at at least one company
```
";

/// Words that are correct when doubled ("he said that that was fine").
const CORRECT_DOUBLES: &[&str] = &["that", "had"];

/// Idioms that start with a preposition, which may follow the same
/// preposition ("experience at at least one company").
const IDIOMS: &[(&str, &[&str])] = &[(
    "at",
    &["least", "most", "all", "once", "times", "first", "last"],
)];

/// Words that take "to" before a noun ("reports to the Director"): after
/// them, "the the" is likely "to the" with a slip.
const TAKES_TO: &[&str] = &[
    "according",
    "adhere",
    "adheres",
    "belong",
    "belongs",
    "close",
    "contribute",
    "contributes",
    "due",
    "listen",
    "listens",
    "next",
    "prior",
    "refer",
    "refers",
    "related",
    "report",
    "reported",
    "reporting",
    "reports",
    "respond",
    "responds",
    "similar",
];

/// The longest phrase looked for, in words.
const LONGEST_PHRASE: usize = 4;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prose = cx.prose();
    let source = cx.doc.source.as_str();
    let ahead = WordsAhead::of(&prose.words);
    for i in 1..prose.words.len() {
        if !ahead.may_be_same(i - 1, 1) {
            continue;
        }
        if let Some(d) = repeated_word(prose, source, i) {
            out.push(d);
        }
    }
    repeated_phrases(prose, &ahead, source, out);
}

/// For each word of a page, which of the [`LONGEST_PHRASE`] words after
/// it may be the [`same`] word: bit `n - 1` for the word `n` ahead. Two
/// ASCII words that differ in first letter (lower-cased) or length are
/// not the same word, which rules out most pairs before [`same`]
/// compares them; a word outside ASCII may be any word.
struct WordsAhead(Vec<u8>);

const _: () = assert!(LONGEST_PHRASE <= 8, "one bit a distance, in a u8");

impl WordsAhead {
    /// Which words ahead of each of `words` may be the same word.
    fn of(words: &[Word<'_>]) -> WordsAhead {
        // First letter and length (words of 2^24 - 1 bytes or more share
        // one); 0 for a word outside ASCII.
        let shapes: Vec<u32> = words
            .iter()
            .map(|w| match w.text.as_bytes().first() {
                Some(first) if w.text.is_ascii() => {
                    let length = w.text.len().min(0xFF_FFFF) as u32;
                    u32::from(first.to_ascii_lowercase()) << 24 | length
                }
                _ => 0,
            })
            .collect();
        let mut ahead = vec![0u8; shapes.len()];
        // One distance at a time: a loop over two slices, without
        // branches.
        for n in 1..=LONGEST_PHRASE {
            let later = shapes.get(n..).unwrap_or_default();
            for ((mask, &x), &y) in ahead.iter_mut().zip(&shapes).zip(later) {
                *mask |= u8::from((x == y) | (x == 0) | (y == 0)) << (n - 1);
            }
        }
        WordsAhead(ahead)
    }

    /// The distances at which a later word may be the [`same`] word as
    /// word `i`: bit `n - 1` for the word `n` ahead (none for a word past
    /// the last).
    fn distances(&self, i: usize) -> u8 {
        self.0.get(i).copied().unwrap_or(0)
    }

    /// Whether the word `n` (1 to [`LONGEST_PHRASE`]) after word `i` may
    /// be the [`same`] word.
    fn may_be_same(&self, i: usize, n: usize) -> bool {
        debug_assert!((1..=LONGEST_PHRASE).contains(&n), "distance {n}");
        self.0.get(i).is_some_and(|mask| mask >> (n - 1) & 1 == 1)
    }
}

/// The finding for word `i` repeating the word before it, if it does.
fn repeated_word(prose: &Prose<'_>, source: &str, i: usize) -> Option<Diagnostic> {
    let words = &prose.words;
    let (a, b) = (words.get(i - 1)?, words.get(i)?);
    if !same(a, b) || !alphabetic(a) || !spaced(prose, a, b) {
        return None;
    }
    if correct_double(words, i) || title_line_then_sentence(prose, source, i) {
        return None;
    }
    let before = i.checked_sub(2).and_then(|k| words.get(k));
    let slip = a.text.eq_ignore_ascii_case("the")
        && before.is_some_and(|w| {
            spaced(prose, w, a) && TAKES_TO.iter().any(|t| t.eq_ignore_ascii_case(w.text))
        });
    if slip {
        let word = before.map_or("", |w| w.text);
        return Some(
            Diagnostic::new(
                &RULE,
                b.span.clone(),
                format!(
                    "`{}` is repeated; the first may be a slip for `to` (\"{word} to the\")",
                    b.text
                ),
            )
            .with_label("repeated word")
            .with_help("deleting one copy would leave the sentence wrong: write what was meant")
            .with_suggestions(vec!["to the".to_string()]),
        );
    }
    let mut d = Diagnostic::new(&RULE, b.span.clone(), format!("`{}` is repeated", b.text))
        .with_label("repeated word");
    if source_gap_is_space(source, a, b) {
        d = d.with_fix(Fix::safe(
            "delete the repeated word",
            Edit::delete(a.span.end..b.span.end),
        ));
    }
    Some(d)
}

/// Reports phrases of two to [`LONGEST_PHRASE`] words written twice in a
/// row, longest first; a word is in one finding at most.
fn repeated_phrases(
    prose: &Prose<'_>,
    ahead: &WordsAhead,
    source: &str,
    out: &mut Vec<Diagnostic>,
) {
    let words = &prose.words;
    let mut next_free = 0;
    for i in 0..words.len() {
        if i < next_free {
            continue;
        }
        // A phrase repeats at distance `n` only where its first two words
        // both may: most words are ruled out by one test.
        let distances = ahead.distances(i) & ahead.distances(i + 1) & !1;
        if distances == 0 {
            continue;
        }
        let mut longest = None;
        for n in (2..=LONGEST_PHRASE).rev() {
            if i + 2 * n <= words.len()
                && distances >> (n - 1) & 1 == 1
                && phrase_repeats(prose, i, n)
            {
                longest = Some(n);
                break;
            }
        }
        let Some(n) = longest else {
            continue;
        };
        let (first_end, second) = (&words[i + n - 1], &words[i + n..i + 2 * n]);
        let (Some(second_start), Some(second_end)) = (second.first(), second.last()) else {
            continue;
        };
        let phrase = prose.segments[second_start.segment]
            .text
            .get(second_start.range.start..second_end.range.end)
            .unwrap_or_default();
        let mut d = Diagnostic::new(
            &RULE,
            second_start.span.start..second_end.span.end,
            format!("\"{phrase}\" is repeated"),
        )
        .with_label("repeated phrase");
        let plain = words[i + n - 1..i + 2 * n]
            .windows(2)
            .all(|w| source_gap_is_space(source, &w[0], &w[1]));
        if plain {
            d = d.with_fix(Fix::safe(
                "delete the repeated phrase",
                Edit::delete(first_end.span.end..second_end.span.end),
            ));
        }
        out.push(d);
        next_free = i + 2 * n;
    }
}

/// Whether the `n` words from `i` are written again right after them:
/// words of letters, in one block, with only spaces between them; not
/// all the same word (that is a repeated word), and not a chain such as
/// "day after day after day".
fn phrase_repeats(prose: &Prose<'_>, i: usize, n: usize) -> bool {
    let words = &prose.words;
    let Some(both) = words.get(i..i + 2 * n) else {
        return false;
    };
    let (first, second) = both.split_at(n);
    if !first.iter().zip(second).all(|(a, b)| same(a, b)) || !both.iter().all(alphabetic) {
        return false;
    }
    if first.iter().all(|w| same(w, &first[0])) {
        return false;
    }
    if !both.windows(2).all(|w| spaced(prose, &w[0], &w[1])) {
        return false;
    }
    // The pattern goes on past the two copies, either way.
    let chain_after = words
        .get(i + 2 * n)
        .is_some_and(|w| same(w, &first[0]) && spaced(prose, &second[n - 1], w));
    let chain_before = i
        .checked_sub(1)
        .and_then(|k| words.get(k))
        .is_some_and(|w| same(w, &first[n - 1]) && spaced(prose, w, &first[0]));
    !chain_after && !chain_before
}

/// Whether two words are the same word, ignoring case.
fn same(a: &Word<'_>, b: &Word<'_>) -> bool {
    // Two words whose first letters are ASCII and differ (most pairs)
    // differ in lower case too.
    if let (Some(&x), Some(&y)) = (a.text.as_bytes().first(), b.text.as_bytes().first()) {
        if x.is_ascii() && y.is_ascii() && !x.eq_ignore_ascii_case(&y) {
            return false;
        }
    }
    if a.text.is_ascii() && b.text.is_ascii() {
        a.text.eq_ignore_ascii_case(b.text)
    } else {
        let lower = |w: &str| {
            w.chars()
                .flat_map(char::to_lowercase)
                .collect::<Vec<char>>()
        };
        lower(a.text) == lower(b.text)
    }
}

/// Whether a word is made of letters only (numbers are not checked).
fn alphabetic(word: &Word<'_>) -> bool {
    word.text.chars().all(char::is_alphabetic)
}

/// Whether two words of one block have only white space between them in
/// the text a reader sees.
fn spaced(prose: &Prose<'_>, a: &Word<'_>, b: &Word<'_>) -> bool {
    prose
        .between(a, b)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace))
}

/// Whether the file has only white space between two words (no markup).
fn source_gap_is_space(source: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    source
        .get(a.span.end..b.span.start)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace))
}

/// Whether words `i - 1` and `i` are a correct doubling: "that that",
/// "had had", or a preposition before an idiom that starts with it ("at
/// at least").
fn correct_double(words: &[Word<'_>], i: usize) -> bool {
    let word = words[i].text;
    if CORRECT_DOUBLES.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return true;
    }
    let next = words.get(i + 1).map_or("", |w| w.text);
    IDIOMS.iter().any(|(head, tails)| {
        head.eq_ignore_ascii_case(word) && tails.iter().any(|t| t.eq_ignore_ascii_case(next))
    })
}

/// Whether word `i - 1` ends a title line that opens its block (a short
/// line of capitalised words with no heading markup, "About GitLab") and
/// word `i` starts the sentence on the next line ("GitLab Inc. is …"):
/// two lines, not a slip.
fn title_line_then_sentence(prose: &Prose<'_>, source: &str, i: usize) -> bool {
    let words = &prose.words;
    let (a, b) = (&words[i - 1], &words[i]);
    let breaks_line = source
        .get(a.span.end..b.span.start)
        .is_some_and(|gap| gap.contains('\n'));
    if !breaks_line || !b.text.starts_with(char::is_uppercase) {
        return false;
    }
    let line: Vec<&Word<'_>> = words[..i]
        .iter()
        .rev()
        .take_while(|w| w.segment == a.segment)
        .collect();
    let opens_block = line.iter().all(|w| {
        source
            .get(w.span.end..a.span.end)
            .is_some_and(|rest| !rest.contains('\n'))
    });
    const SHORT_TITLE: usize = 8;
    opens_block
        && a.text.starts_with(char::is_uppercase)
        && line.len() <= SHORT_TITLE
        && line
            .iter()
            .all(|w| w.text.starts_with(char::is_uppercase) || w.text.len() <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    /// `WordsAhead` never rules out two words that `same` finds alike, at
    /// any distance from 1 to `LONGEST_PHRASE`.
    #[test]
    fn words_ahead_keep_every_pair_of_same_words() {
        let mut rng = crate::testing::Lcg(0x000a_4ead_5eed);
        let pieces = ["a", "A", "b", "É", "é", "ß", "SS", "ab"];
        for _ in 0..5_000 {
            let texts: Vec<String> = (0..rng.below(10)).map(|_| rng.pieces(&pieces, 4)).collect();
            let words: Vec<Word<'_>> = texts
                .iter()
                .map(|text| Word {
                    text,
                    span: 0..0,
                    segment: 0,
                    range: 0..0,
                })
                .collect();
            let ahead = WordsAhead::of(&words);
            for i in 0..words.len() {
                for n in 1..=LONGEST_PHRASE {
                    if let Some(later) = words.get(i + n) {
                        if same(&words[i], later) {
                            assert!(ahead.may_be_same(i, n), "{texts:?} {i} {n}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn finds_repeats_across_soft_breaks() {
        assert_eq!(
            lines(
                &RULE,
                "Work with the the team.\n\n- Partner with the\n  the Finance team\n"
            ),
            vec![1, 4]
        );
    }

    #[test]
    fn fix_deletes_the_second_word() {
        let found = run(&RULE, "Work with the the team.\n");
        let edit = &found[0].fix.as_ref().map(|f| f.edits[0].clone());
        assert_eq!(edit.as_ref().map(|e| e.range()), Some(13..17));
    }

    #[test]
    fn leaves_legitimate_doubles_and_separate_blocks_alone() {
        assert_eq!(
            lines(
                &RULE,
                "He said that that was fine.\n\nPlan the\n\nthe end. Grade 6 6.\n\n\
                 - Longevity at at least one company, at at most two\n"
            ),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn a_title_line_above_a_sentence_is_no_repeat() {
        let source = "About Acme\nAcme Inc. makes tools.\n\nWork with Acme\nacme tools.\n\nSee the\nThe notes are here.\n";
        assert_eq!(lines(&RULE, source), vec![5, 8]);
        // A title line must open its block.
        let source = "We ship it. Work with Acme\nAcme teams.\n";
        assert_eq!(lines(&RULE, source), vec![2]);
    }

    #[test]
    fn a_slip_for_to_gets_no_fix() {
        let found = run(&RULE, "The analyst reports the the Director.\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
        assert!(found[0].message.contains("slip for `to`"));
        assert_eq!(found[0].suggestions, vec!["to the".to_string()]);
    }

    #[test]
    fn finds_repeated_phrases() {
        let source = "- Experience working in working in a remote team\n\
                      - Plan the quarter with\n  the team with the team each month\n\
                      - Day after day after day; very very good\n";
        let mut found = run(&RULE, source);
        found.sort_by_key(|d| d.span.start);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "\"working in\" is repeated",
                "\"with the team\" is repeated",
                "`very` is repeated"
            ]
        );
        let edit = found[0].fix.as_ref().map(|f| f.edits[0].range());
        assert_eq!(edit, Some(23..34));
        let mut lines = lines(&RULE, source);
        lines.sort_unstable();
        assert_eq!(lines, vec![1, 3, 4]);
    }

    #[test]
    fn markup_between_copies_gets_no_fix() {
        let found = run(&RULE, "Working in **working in** a team.\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }
}
