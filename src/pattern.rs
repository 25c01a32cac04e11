//! Compiling regular expressions that come from users' files.
//!
//! A pattern in a rule file is untrusted input: `(a{100}){100}{100}` or a
//! deep nest of groups compiles into a huge program or a huge lazy DFA.
//! [`compile`] bounds both, and says in its error which file and line the
//! pattern came from.

use regex::{Regex, RegexBuilder};

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

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
