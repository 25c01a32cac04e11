//! Compiling regular expressions that come from users' files.
//!
//! A pattern in a rule file is untrusted input: `(a{100}){100}{100}` or a
//! deep nest of groups compiles into a huge program or a huge lazy DFA.
//! [`compile`] bounds both, and says in its error which file and line the
//! pattern came from.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use regex_syntax::hir::{Hir, HirKind};

/// Most bytes a compiled pattern may take (the default is 10 MiB).
pub const SIZE_LIMIT: usize = 1 << 20;
/// Most bytes the lazy DFA of one pattern may use while matching.
pub const DFA_SIZE_LIMIT: usize = 1 << 20;
/// Deepest nesting of groups and repetitions.
pub const NEST_LIMIT: u32 = 64;
/// Longest pattern accepted, in bytes.
pub const MAX_PATTERN_LEN: usize = 4096;

/// Compiles `pattern`, read at `origin` (`file:line`), with size limits.
/// The error is one sentence that names `origin`.
pub fn compile(pattern: &str, origin: &str) -> Result<Regex, String> {
    if pattern.len() > MAX_PATTERN_LEN {
        return Err(format!(
            "{origin}: pattern is {} bytes long; the limit is {MAX_PATTERN_LEN}",
            pattern.len()
        ));
    }
    RegexBuilder::new(pattern)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .nest_limit(NEST_LIMIT)
        .build()
        .map_err(|err| match err {
            regex::Error::CompiledTooBig(limit) => format!(
                "{origin}: pattern is too large once compiled (over {limit} bytes); simplify its repetitions"
            ),
            regex::Error::Syntax(text) => {
                let detail = text.trim().replace('\n', " ");
                format!("{origin}: pattern is not a valid regular expression: {detail}")
            }
            other => format!("{origin}: pattern cannot be used: {other}"),
        })
}

/// Compiled patterns with a one-pass prefilter: [`PatternSet::matching`]
/// says which patterns match a text by running all of them at once, so
/// the (slower) search for each match runs only for those.
#[derive(Debug)]
pub struct PatternSet {
    set: Option<RegexSet>,
    len: usize,
}

impl PatternSet {
    /// A prefilter for `patterns`, which must already compile one by one
    /// with [`compile`]. If the set as a whole is over the size limits,
    /// every pattern is reported as matching (slower, never wrong).
    pub fn new<'p>(patterns: impl IntoIterator<Item = &'p Regex>) -> PatternSet {
        let patterns: Vec<&Regex> = patterns.into_iter().collect();
        let len = patterns.len();
        let sources: Option<Vec<String>> = patterns
            .iter()
            .map(|p| without_assertions(p.as_str()))
            .collect();
        let set = sources.and_then(|sources| {
            RegexSetBuilder::new(&sources)
                .size_limit(SIZE_LIMIT.saturating_mul(len.max(1)))
                .dfa_size_limit(DFA_SIZE_LIMIT.saturating_mul(len.max(1)))
                .nest_limit(NEST_LIMIT)
                .build()
                .ok()
        });
        PatternSet { set, len }
    }

    /// The indexes of the patterns that match somewhere in `text`, in
    /// order.
    pub fn matching(&self, text: &str) -> Vec<usize> {
        match &self.set {
            Some(set) => set.matches(text).into_iter().collect(),
            None => (0..self.len).collect(),
        }
    }
}

/// `pattern` with its word-boundary and other look-around assertions
/// removed: it matches wherever `pattern` does, and more. Unicode word
/// boundaries keep the regex crate's fast engines off text that is not
/// ASCII; a prefilter has no need of them.
fn without_assertions(pattern: &str) -> Option<String> {
    let hir = regex_syntax::ParserBuilder::new()
        .nest_limit(NEST_LIMIT)
        .build()
        .parse(pattern)
        .ok()?;
    Some(strip_looks(hir).to_string())
}

fn strip_looks(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Look(_) => Hir::empty(),
        HirKind::Repetition(mut rep) => {
            rep.sub = Box::new(strip_looks(*rep.sub));
            Hir::repetition(rep)
        }
        HirKind::Capture(mut cap) => {
            cap.sub = Box::new(strip_looks(*cap.sub));
            Hir::capture(cap)
        }
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(strip_looks).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(strip_looks).collect()),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn pattern_set_finds_the_patterns_that_match() {
        let patterns: Vec<Regex> = [r"\bTODO\b", r"(?i)\blorem ipsum\b", r"\{\s*add\b[^{}]*\}"]
            .iter()
            .filter_map(|p| compile(p, "t").ok())
            .collect();
        let set = PatternSet::new(&patterns);
        assert_eq!(set.matching("a TODO – and Lorem Ipsum"), vec![0, 1]);
        assert_eq!(set.matching("é{ add x }"), vec![2]);
        assert_eq!(set.matching("nothing here – ’"), Vec::<usize>::new());
        // Without its assertions a pattern matches more, never less.
        assert_eq!(without_assertions(r"\bTODO\b").as_deref(), Some("(?:TODO)"));
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
    }
}
