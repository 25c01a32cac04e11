//! Compiling regular expressions, and the cheap searches that rule text
//! out before a pattern runs.
//!
//! A pattern in a rule file is untrusted input: `(a{100}){100}{100}` or a
//! deep nest of groups compiles into a huge program or a huge lazy DFA.
//! [`compile`] bounds both, and says in its error which file and line the
//! pattern came from; [`compile_picked`] does the same for a list's
//! pattern that runs only on the blocks a search for its literals has
//! picked. [`compile_gated`] compiles a constant pattern that
//! runs only on text a cheaper search has picked, and [`CharClass`] tests
//! one character against a class without compiling it. The literals every
//! match of a pattern holds are worked out in `literals`, which the build
//! script shares.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use regex_automata::meta;
use regex_syntax::hir::{Class, HirKind};

mod literals;

pub use literals::{rarest, required_literal_sets, required_literals, ASCII_FOLDS, NEST_LIMIT};

/// Most bytes a compiled pattern may take (the default is 10 MiB).
pub const SIZE_LIMIT: usize = 1 << 20;
/// Most bytes the lazy DFA of one pattern may use while matching.
pub const DFA_SIZE_LIMIT: usize = 1 << 20;
/// Longest pattern accepted, in bytes.
pub const MAX_PATTERN_LEN: usize = 4096;

/// Compiles `pattern`, read at `origin` (`file:line`), with size limits.
/// The error is one sentence that names `origin`.
pub fn compile(pattern: &str, origin: &str) -> Result<Regex, String> {
    if pattern.len() > MAX_PATTERN_LEN {
        return Err(too_long(pattern, origin));
    }
    RegexBuilder::new(pattern)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .nest_limit(NEST_LIMIT)
        .build()
        .map_err(|err| match err {
            regex::Error::CompiledTooBig(limit) => too_big(limit, origin),
            regex::Error::Syntax(text) => not_valid(&text, pattern, origin),
            other => format!("{origin}: pattern cannot be used: {other}"),
        })
}

/// The reason of a syntax error on one line: the regex crate's own last
/// line (`error: unclosed group`) and the pattern, rather than its
/// picture of the pattern with a caret under the fault, which a line of
/// its own cannot show.
fn syntax_reason(text: &str, pattern: &str) -> String {
    match text
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix("error: "))
    {
        Some(reason) => format!("{} in `{pattern}`", reason.trim()),
        None => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// [`compile`] for a pattern of a list (confused words, placeholders)
/// that runs only on the blocks a search for its literals has picked:
/// the same limits, syntax, matches and errors, without the literal
/// prefilter, which was half the cost of compiling such a pattern and
/// skips little in text picked for holding its literals.
pub fn compile_picked(pattern: &str, origin: &str) -> Result<meta::Regex, String> {
    if pattern.len() > MAX_PATTERN_LEN {
        return Err(too_long(pattern, origin));
    }
    meta::Builder::new()
        .configure(
            unfiltered()
                .nfa_size_limit(Some(SIZE_LIMIT))
                .hybrid_cache_capacity(DFA_SIZE_LIMIT),
        )
        .syntax(regex_automata::util::syntax::Config::new().nest_limit(NEST_LIMIT))
        .build(pattern)
        .map_err(|err| {
            if let Some(limit) = err.size_limit() {
                return too_big(limit, origin);
            }
            // As the regex crate does, every other error is told as one
            // of syntax.
            let text = match err.syntax_error() {
                Some(syntax) => syntax.to_string(),
                None => err.to_string(),
            };
            not_valid(&text, pattern, origin)
        })
}

/// The regex crate's configuration without the literal prefilter, for
/// [`compile_picked`] and [`compile_gated`].
fn unfiltered() -> meta::Config {
    meta::Config::new().auto_prefilter(false)
}

/// The error for a pattern over [`MAX_PATTERN_LEN`].
fn too_long(pattern: &str, origin: &str) -> String {
    format!(
        "{origin}: pattern is {} bytes long; the limit is {MAX_PATTERN_LEN}",
        pattern.len()
    )
}

/// The error for a pattern over `limit` bytes once compiled.
fn too_big(limit: usize, origin: &str) -> String {
    format!(
        "{origin}: pattern is too large once compiled (over {limit} bytes); simplify its repetitions"
    )
}

/// The error for a pattern that is not a regular expression.
fn not_valid(error: &str, pattern: &str, origin: &str) -> String {
    format!(
        "{origin}: pattern is not a valid regular expression: {}",
        syntax_reason(error, pattern)
    )
}

/// Compiles a constant pattern that runs only on text a cheaper search
/// has already picked (a `memchr` for "grade", "report" or "://"),
/// without the literal prefilter that [`Regex::new`] builds for every
/// pattern. For such patterns, building the prefilter is a third to a
/// half of compiling them, which a run over one page pays before its
/// first finding; on text picked for holding the literal, it skips
/// little. The same holds for a pattern made to search one text once
/// (the words of an "Extends" reference across markup). A prefilter only
/// skips ahead, so the matches are those of [`Regex`]: leftmost-first,
/// with the same syntax and Unicode classes.
pub fn compile_gated(pattern: &str) -> Result<meta::Regex, Box<meta::BuildError>> {
    meta::Builder::new()
        .configure(unfiltered())
        .build(pattern)
        .map_err(Box::new)
}

/// A class of characters (`\p{Lu}`) read from the regex crate's Unicode
/// tables, for a test of one character: a pattern that ends in the class
/// costs about a millisecond more to compile than one that leaves it to
/// this.
#[derive(Debug)]
pub struct CharClass(Vec<(char, char)>);

impl CharClass {
    /// The characters `class` (one class, in the regex crate's syntax)
    /// matches; `None` when it is no class.
    pub fn new(class: &str) -> Option<CharClass> {
        let hir = regex_syntax::Parser::new().parse(class).ok()?;
        match hir.kind() {
            HirKind::Class(Class::Unicode(unicode)) => Some(CharClass(
                unicode
                    .ranges()
                    .iter()
                    .map(|r| (r.start(), r.end()))
                    .collect(),
            )),
            _ => None,
        }
    }

    /// Whether the class holds `c`.
    pub fn contains(&self, c: char) -> bool {
        self.0
            .binary_search_by(|&(start, end)| {
                if end < c {
                    std::cmp::Ordering::Less
                } else if start > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

/// A pattern of a list compiled (with [`compile_picked`]) the first time
/// it is used: a run compiles only the patterns some page needs.
#[derive(Debug)]
pub struct LazyRegex {
    /// The pattern's text.
    source: String,
    /// Where the pattern comes from, for the error.
    origin: String,
    /// The compiled pattern, or the error, once asked for.
    compiled: OnceLock<Result<meta::Regex, String>>,
}

impl LazyRegex {
    /// `source`, read at `origin`, to be compiled on first use.
    pub fn new(source: String, origin: impl Into<String>) -> LazyRegex {
        LazyRegex {
            source,
            origin: origin.into(),
            compiled: OnceLock::new(),
        }
    }

    /// The pattern's text.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The compiled pattern (compiled now if not yet), or the error
    /// [`compile_picked`] gives.
    pub fn get(&self) -> Result<&meta::Regex, &str> {
        self.compiled
            .get_or_init(|| compile_picked(&self.source, &self.origin))
            .as_ref()
            .map_err(String::as_str)
    }
}

/// `text` with its ASCII letters lower-cased, when that is all a
/// case-insensitive pattern's ASCII letters can match in it: when it
/// holds none of [`ASCII_FOLDS`]. `None` otherwise.
pub fn fold_ascii(text: &str) -> Option<String> {
    (!holds_ascii_fold(text)).then(|| text.to_ascii_lowercase())
}

/// Whether `text` holds one of [`ASCII_FOLDS`]. Their UTF-8 forms start
/// with bytes no ASCII text holds, so most texts are ruled out by a
/// search for those bytes.
pub fn holds_ascii_fold(text: &str) -> bool {
    const LONG_S: &[u8] = "\u{17F}".as_bytes();
    const KELVIN: &[u8] = "\u{212A}".as_bytes();
    let bytes = text.as_bytes();
    memchr::memchr2_iter(LONG_S[0], KELVIN[0], bytes).any(|at| {
        let rest = &bytes[at..];
        rest.starts_with(LONG_S) || rest.starts_with(KELVIN)
    })
}

/// Whether `text` may hold a match of a case-insensitive pattern every
/// match of which holds one of `words` (lower-case ASCII) in some case: a
/// cheap test before the pattern's own search. The text is searched
/// ignoring ASCII case; text that holds a letter outside ASCII that
/// folds to an ASCII one (`ſ` to `s`, see [`fold_ascii`]) is never ruled
/// out.
pub fn may_hold_any(text: &str, words: &[&[u8]]) -> bool {
    holds_ascii_fold(text)
        || words
            .iter()
            .any(|word| contains_ignoring_ascii_case(text.as_bytes(), word))
}

/// Where `needle` starts in `haystack`, overlapping occurrences
/// included. Each call of `memchr::memmem::find` builds a searcher; on
/// the short texts of a page, looking for the first byte and comparing
/// the rest is cheaper.
pub fn starts_of<'a>(haystack: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let first = needle.first().copied();
    let candidates = first.map(|b| memchr::memchr_iter(b, haystack));
    candidates
        .into_iter()
        .flatten()
        .filter(move |&at| haystack[at..].starts_with(needle))
        .chain(needle.is_empty().then_some(0))
}

/// Whether `haystack` holds `needle` (see [`starts_of`]).
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    starts_of(haystack, needle).next().is_some()
}

/// Where `needle` starts in `haystack` with ASCII letters in any case,
/// overlapping occurrences included: [`starts_of`] without a lower-cased
/// copy of the haystack.
pub fn starts_ignoring_ascii_case<'a>(
    haystack: &'a [u8],
    needle: &'a [u8],
) -> impl Iterator<Item = usize> + 'a {
    let first = needle.first().copied();
    let candidates = first
        .map(|b| memchr::memchr2_iter(b.to_ascii_lowercase(), b.to_ascii_uppercase(), haystack));
    candidates
        .into_iter()
        .flatten()
        .filter(move |&at| {
            haystack
                .get(at..at + needle.len())
                .is_some_and(|window| window.eq_ignore_ascii_case(needle))
        })
        .chain(needle.is_empty().then_some(0))
}

/// Whether `haystack` holds `needle` with ASCII letters in any case (see
/// [`starts_ignoring_ascii_case`]).
pub fn contains_ignoring_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    starts_ignoring_ascii_case(haystack, needle)
        .next()
        .is_some()
}

/// Whether `text` may hold, in some case, one of the words of the first
/// group of `sequence`, then white space, then one of the second group's,
/// and so on: a cheap test before a case-insensitive pattern every match
/// of which holds such a sequence (with `\s+` between the words). As in
/// [`may_hold_any`], text outside ASCII is never ruled out.
pub fn may_hold_sequence(text: &str, sequence: &[&[&str]]) -> bool {
    if !text.is_ascii() {
        return true;
    }
    let Some((first, rest)) = sequence.split_first() else {
        return true;
    };
    let lower = text.to_ascii_lowercase();
    let lower = lower.as_bytes();
    first.iter().any(|word| {
        starts_of(lower, word.as_bytes()).any(|at| sequence_follows(lower, at + word.len(), rest))
    })
}

/// Whether white space and then a word of each group of `groups` in turn
/// follow `lower[at..]`.
fn sequence_follows(lower: &[u8], at: usize, groups: &[&[&str]]) -> bool {
    let Some((group, rest)) = groups.split_first() else {
        return true;
    };
    // `\s` on ASCII text: tab, line feed, vertical tab, form feed,
    // carriage return and space.
    let is_space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let spaces = lower
        .get(at..)
        .map_or(0, |tail| tail.iter().take_while(|b| is_space(b)).count());
    if spaces == 0 {
        return false;
    }
    let at = at + spaces;
    group.iter().any(|word| {
        lower[at..].starts_with(word.as_bytes()) && sequence_follows(lower, at + word.len(), rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_char_class_holds_what_its_pattern_matches() {
        let class = CharClass::new(r"\p{Lu}").expect("a class");
        let pattern = Regex::new(r"^\p{Lu}$").expect("pattern");
        let mut buffer = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                class.contains(c),
                pattern.is_match(c.encode_utf8(&mut buffer)),
                "{c:?}"
            );
        }
        assert!(CharClass::new("(unclosed").is_none());
        assert!(CharClass::new("ab").is_none());
    }

    #[test]
    fn a_gated_pattern_matches_as_the_regex_crate_does() {
        let pattern = r"(?i)\b(?:is|are)\s+(?:an?\s+)?\[\s*(\d+)\s*\]\(([^)\s]*)";
        let gated = compile_gated(pattern).expect("pattern");
        let reference = Regex::new(pattern).expect("pattern");
        let pieces = [
            "is", "IS", "are", " ", "\u{a0}", "a", "an", "[", "]", "(", ")", "7", "12", "x", "ſ",
            "\n",
        ];
        let mut random = crate::testing::Lcg(11);
        let mut matches = 0;
        for _ in 0..3000 {
            let text = random.mutate("It is a [7](/x) and are an [ 12 ](y)", &pieces, 4);
            matches += crate::testing::assert_same_matches(&reference, &gated, &text);
        }
        assert!(matches > 0);
        assert!(compile_gated("(unclosed").is_err());
    }

    #[test]
    fn each_ascii_fold_is_found_and_ascii_text_holds_none() {
        for c in ASCII_FOLDS {
            assert!(holds_ascii_fold(&format!("a{c}b")), "{c:?}");
        }
        assert!(!holds_ascii_fold("plain text, é and \u{212B}"));
    }

    #[test]
    fn starts_ignoring_ascii_case_agree_with_a_lower_cased_copy() {
        for (hay, needle) in [
            ("Here, HERE and here", "here"),
            ("aAa", "aa"),
            ("x", ""),
            ("", "x"),
            ("Über über", "über"),
        ] {
            let lower = hay.to_ascii_lowercase();
            let expected: Vec<usize> = starts_of(lower.as_bytes(), needle.as_bytes()).collect();
            let found: Vec<usize> =
                starts_ignoring_ascii_case(hay.as_bytes(), needle.as_bytes()).collect();
            assert_eq!(found, expected, "{hay:?} {needle:?}");
        }
    }
    use std::time::{Duration, Instant};

    #[test]
    fn starts_of_finds_every_occurrence() {
        let starts = |h: &str, n: &str| starts_of(h.as_bytes(), n.as_bytes()).collect::<Vec<_>>();
        assert_eq!(starts("aaa", "aa"), [0, 1]);
        assert_eq!(starts("the then", "the"), [0, 4]);
        assert_eq!(starts("abc", "abcd"), Vec::<usize>::new());
        assert_eq!(starts("abc", ""), [0]);
        assert!(contains(b"x requirements", b"requirement"));
        assert!(!contains(b"x", b"y"));
    }

    #[test]
    fn may_hold_sequence_rules_out_only_ascii_text_without_the_sequence() {
        let next_step: &[&[&str]] = &[&["next"], &["step", "steps"], &["in", "of"]];
        assert!(may_hold_sequence("The NEXT  Steps\tin", next_step));
        assert!(may_hold_sequence("next step\u{b}of", next_step));
        assert!(may_hold_sequence(
            "a next step, then next steps of",
            next_step
        ));
        assert!(!may_hold_sequence("The next step is", next_step));
        assert!(!may_hold_sequence("next steps", next_step));
        assert!(!may_hold_sequence("nextstep in", next_step));
        assert!(may_hold_sequence("next step\u{a0}in", next_step));
        let regex = compile(r"(?i)\bnext\s+steps?\s+(?:in|of)", "t").unwrap();
        for text in ["next \u{c}step of", "Next\r\nSTEPS  IN", "next step\x1fin"] {
            assert_eq!(
                may_hold_sequence(text, next_step),
                regex.is_match(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn may_hold_any_rules_out_only_ascii_text_without_the_words() {
        assert!(may_hold_any("The Analyst REPORTS to", &[b"x", b"reports"]));
        assert!(!may_hold_any("The Analyst’s answers", &[b"reports"]));
        assert!(may_hold_any("The Analyst’s REPORTS", &[b"reports"]));
        assert!(may_hold_any("The Analyst\u{17F} answers", &[b"reports"]));
        assert!(!may_hold_any("The Analyst answers to", &[b"reports"]));
        // Outside ASCII, `ſ` folds to `s`: such text is never ruled out.
        assert!(may_hold_any("ſame as before", &[b"same"]));
    }

    fn literals(pattern: &str) -> Option<Vec<String>> {
        let set = required_literals(pattern)?;
        Some(
            set.into_iter()
                .map(|l| String::from_utf8_lossy(&l).into_owned())
                .collect(),
        )
    }

    #[test]
    fn required_literals_join_runs_and_pick_the_rarest() {
        let words = |w: &[&str]| Some(w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(literals(r"\bTODO\b"), words(&["todo"]));
        assert_eq!(literals(r"(?i)\blorem ipsum\b"), words(&["lorem ipsum"]));
        assert_eq!(literals(r"\bXXX+\b"), words(&["xxx"]));
        assert_eq!(
            literals(r"(?i)\b(?:has|have)\s+(?P<w>lead)\b"),
            words(&["lead"])
        );
        assert_eq!(literals(r"\{\s*(?i:add|insert)\b[^{}]*\}"), words(&["{"]));
        assert_eq!(
            literals(r"(?i)\b(?:to|and)\s+(?:one|two)s?"),
            words(&["one", "two"])
        );
        assert_eq!(literals(r"a{2}(?:b|c)"), words(&["aab", "aac"]));
        // Nothing every match holds.
        assert_eq!(literals(r"\w+"), None);
        assert_eq!(literals(r"(?:x|\w)y?"), None);
        assert_eq!(literals(r"(?:ab)?"), None);
        // A letter outside ASCII may be matched in another case.
        assert_eq!(literals(r"é+"), None);
        assert_eq!(literals(r"(?i)é+"), None);
        assert_eq!(literals(r"(?i)caf[eé]"), words(&["caf"]));
        // A symbol without case is a literal as written; not as a byte.
        assert_eq!(literals(r"(?i)\bit['’]s\b"), words(&["it's", "it’s"]));
        assert_eq!(literals(r"a–b"), words(&["a–b"]));
        assert_eq!(literals(r"(?-u:\x96)?x\x{2013}"), words(&["x"]));
        // Flags, in a group or on their own, do not break a run.
        assert_eq!(literals(r"(?i)\bsee(?-i)n\b"), words(&["seen"]));
        assert_eq!(literals(r"(?x) a b c "), words(&["abc"]));
        assert_eq!(literals(r"[^ab]c"), words(&["c"]));
        assert_eq!(
            literals(r"[a-c[xy]]z"),
            words(&["az", "bz", "cz", "xz", "yz"])
        );
        assert_eq!(literals(r"[a-z]"), None);
        assert_eq!(literals(r"[\w&&a]"), None);
    }

    #[test]
    fn required_literal_sets_are_every_part_a_match_holds() {
        let sets = |p: &str| -> Vec<Vec<String>> {
            required_literal_sets(p)
                .into_iter()
                .map(|set| {
                    set.into_iter()
                        .map(|l| String::from_utf8_lossy(&l).into_owned())
                        .collect()
                })
                .collect()
        };
        assert_eq!(
            sets(r"(?i)\b(?:has|have)\s+(?P<w>lead)\b"),
            [vec!["has", "have"], vec!["lead"]]
        );
        assert_eq!(sets(r"(?:ab|c\d)x+"), [vec!["ab", "c"], vec!["x"]]);
        assert_eq!(sets(r"\bTODO\b"), [vec!["todo"]]);
        assert!(sets(r"\w+").is_empty());
        assert!(sets(r"(?:ab)?").is_empty());
        assert!(sets("(unclosed").is_empty());
    }

    #[test]
    fn required_literals_hold_in_every_match() {
        let patterns = [
            r"(?i)\b(?:to|and|or)\s+(?P<w>identity)\s+(?:the|a|an)\b",
            r"(?i)\b(?P<w>an?)\s+(?:one|two|three)\s+(?:to|or)\s+(?:two|three)\s+\w+s\b",
            r"(?i)\b(?:over|in|out)\s+(?P<w>their)\s*[.,;]",
            r"\{\s*(?i:add|link|list)\b[^{}]*\}",
            r"\bXX{2,}\b",
            r"(?i)(?:kick|sKip)s?",
            r"(?i)\bit['’]s\s+own\b",
        ];
        let texts = [
            "We need TO identity THE gaps",
            "an two or three calls",
            "over their.",
            "{ Link here }",
            "XXXXX",
            "a KICK and skips",
            "{ LIST }",
            "IT’S OWN and it's own",
            "AND IDENTITY A",
        ];
        for pattern in patterns {
            let regex = compile(pattern, "t").unwrap();
            let rarest = required_literals(pattern).unwrap();
            let sets = required_literal_sets(pattern);
            assert!(sets.contains(&rarest), "{pattern}");
            for text in texts {
                let lower = text.to_ascii_lowercase();
                for m in regex.find_iter(text) {
                    let found = &lower[m.range()];
                    for set in &sets {
                        assert!(
                            set.iter()
                                .any(|l| found.contains(&*String::from_utf8_lossy(l))),
                            "{pattern} on {text}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_folds_are_every_non_ascii_match_of_an_ascii_letter() {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::Parser::new().parse("(?i)[a-z]").unwrap();
        let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
            panic!("{hir:?}");
        };
        let non_ascii: Vec<char> = class
            .ranges()
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .filter(|c| !c.is_ascii())
            .collect();
        assert_eq!(non_ascii, ASCII_FOLDS);
    }

    #[test]
    fn lazy_patterns_compile_on_first_use_as_compile_does() {
        let lazy = LazyRegex::new(r"(?i)\bwe (?P<w>are)\b".to_string(), "a.txt:1");
        assert_eq!(lazy.as_str(), r"(?i)\bwe (?P<w>are)\b");
        assert!(lazy.compiled.get().is_none());
        let text = "So We ARE here";
        let caps = lazy
            .get()
            .ok()
            .map(|r| r.captures_iter(text).collect::<Vec<_>>());
        let w = caps
            .as_deref()
            .and_then(|c| c.first()?.get_group_by_name("w"));
        assert_eq!(w.and_then(|m| text.get(m.range())), Some("ARE"));
        assert!(lazy.compiled.get().is_some());
        let broken = LazyRegex::new("(unclosed".to_string(), "b.txt:2");
        assert_eq!(
            broken.get().err(),
            compile("(unclosed", "b.txt:2").err().as_deref()
        );
    }

    #[test]
    fn picked_patterns_match_and_fail_as_compile_does() {
        let patterns = [
            r"(?i)\b(?P<w>loose)\s+(?:focus|track)\b",
            r"(?i)\bmore\s+(?P<w>then)\b",
            r"\[(?:TBD|TODO|XXX)\]",
            r"(?i)\bé(?P<w>t)é\b",
            r"(unclosed",
            r"a{2000}{2000}",
            r"(?i)\p{NoSuchClass}",
        ];
        let texts = [
            "Never LOOSE focus, or loose track; do more then asked.",
            "Write [TBD] or [todo] here; été, ÉTÉ, ſtate.",
            "",
        ];
        for pattern in patterns {
            let reference = compile(pattern, "x.txt:1");
            let picked = compile_picked(pattern, "x.txt:1");
            let (Ok(reference), Ok(picked)) = (&reference, &picked) else {
                assert_eq!(reference.err(), picked.err(), "{pattern}");
                continue;
            };
            for text in texts {
                let expected: Vec<_> = reference.find_iter(text).map(|m| m.range()).collect();
                let found: Vec<_> = picked.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(found, expected, "{pattern} on {text}");
            }
        }
        let too_long = "a".repeat(MAX_PATTERN_LEN + 1);
        assert_eq!(
            compile_picked(&too_long, "y.txt:2").err(),
            compile(&too_long, "y.txt:2").err()
        );
    }

    #[test]
    fn ordinary_patterns_compile() {
        let re = compile(r"(?i)\bwe are (seeking|hiring)\b", "prose.toml:3").unwrap();
        assert!(re.is_match("We are seeking a Data Analyst"));
    }

    #[test]
    fn huge_patterns_are_refused_quickly_with_their_origin() {
        let started = Instant::now();
        let err = compile(r"(\w{100}){100}{100}", "words.toml:12").unwrap_err();
        assert!(err.starts_with("words.toml:12: "), "{err}");
        assert!(err.contains("too large"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn deep_nesting_and_long_patterns_are_refused() {
        let deep = format!("{}a{}", "(".repeat(200), ")".repeat(200));
        assert!(compile(&deep, "x.toml:1")
            .unwrap_err()
            .starts_with("x.toml:1: "));
        let long = "a".repeat(MAX_PATTERN_LEN + 1);
        assert!(compile(&long, "x.toml:2").unwrap_err().contains("limit"));
    }

    #[test]
    fn syntax_errors_name_the_origin() {
        let err = compile("(unclosed", "rules/brand.toml:7").unwrap_err();
        assert!(
            err.starts_with("rules/brand.toml:7: pattern is not a valid"),
            "{err}"
        );
        assert!(!err.contains('\n'));
        assert!(err.ends_with(": unclosed group in `(unclosed`"), "{err}");
    }
}
