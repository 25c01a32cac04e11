//! Literals that every match of a pattern holds: what the prose lists'
//! search looks for before it runs a pattern. The analysis reads the
//! pattern's syntax tree only; it is shared with the build script, which
//! runs it on the embedded lists ahead of time (the prose lists'
//! `EMBEDDED_LITERAL_SETS`), so this module uses nothing but
//! regex-syntax.

use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, RepetitionKind, RepetitionRange};

/// Deepest nesting of groups and repetitions.
pub const NEST_LIMIT: u32 = 64;

/// The non-ASCII characters that Unicode case folding matches with ASCII
/// letters: `ſ` (long s, matched by `(?i)s`) and `K` (Kelvin sign, matched
/// by `(?i)k`). [`required_literals`] holds only for text without them.
pub const ASCII_FOLDS: [char; 2] = ['\u{17F}', '\u{212A}'];

/// Most strings in one literal set.
const MAX_LITERALS: usize = 64;
/// Most characters in a class taken as a set of literals.
const MAX_CLASS: u32 = 8;

/// Literals at least one of which every match of `pattern` holds, when
/// the text is matched ignoring ASCII case and holds none of
/// [`ASCII_FOLDS`]; ASCII letters in them are lower-case. `None` when no
/// such set is found: the pattern can then match anywhere.
///
/// A search for these literals tells which texts need the (slower)
/// search for the pattern itself; the set is chosen to be rare in prose.
pub fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    rarest(&required_literal_sets(pattern)).cloned()
}

/// The rarest in prose of `sets` (the first of equals): the set
/// [`required_literals`] picks from [`required_literal_sets`].
pub fn rarest(sets: &[Vec<Vec<u8>>]) -> Option<&Vec<Vec<u8>>> {
    // `max_by_key` keeps the last of equals: reversed, the first.
    sets.iter().rev().max_by_key(|set| rarity(set))
}

/// Sets of literals every match of `pattern` holds one of each of (under
/// the conditions of [`required_literals`], whose set is one of them);
/// empty when none is found.
pub fn required_literal_sets(pattern: &str) -> Vec<Vec<Vec<u8>>> {
    analyse_pattern(pattern).map_or_else(Vec::new, Known::required)
}

/// What is known of the strings `pattern` matches; `None` when it does
/// not parse.
fn analyse_pattern(pattern: &str) -> Option<Known> {
    // The syntax tree is enough, and far cheaper to build than the
    // high-level form with its Unicode classes and case folding.
    let tree = ast::parse::ParserBuilder::new()
        .nest_limit(NEST_LIMIT)
        .build()
        .parse(pattern)
        .ok()?;
    Some(analyse(&tree))
}

/// What is known of the strings a piece of a pattern matches (ASCII
/// letters lower-cased).
enum Known {
    /// It matches exactly one of these strings.
    Exact(Vec<Vec<u8>>),
    /// Every string it matches holds one string of each of these sets
    /// (none: nothing is known), each of use (see [`Known::required`]).
    Holds(Vec<Vec<Vec<u8>>>),
}

impl Known {
    /// The sets every match holds one string of each of, those of use
    /// only (no empty string in them), in the order they were found.
    fn required(self) -> Vec<Vec<Vec<u8>>> {
        match self {
            Known::Exact(set) => {
                let of_use = !set.is_empty() && set.iter().all(|s| !s.is_empty());
                if of_use {
                    vec![set]
                } else {
                    Vec::new()
                }
            }
            Known::Holds(sets) => sets,
        }
    }

    /// The rarest of [`Known::required`] (the first of equals).
    fn rarest(self) -> Option<Vec<Vec<u8>>> {
        rarest(&self.required()).cloned()
    }

    /// Matches the empty string only.
    fn empty() -> Known {
        Known::Exact(vec![Vec::new()])
    }
}

/// The fewest and most times a repetition repeats.
fn repeats(rep: &ast::Repetition) -> (u32, Option<u32>) {
    match &rep.op.kind {
        RepetitionKind::ZeroOrOne => (0, Some(1)),
        RepetitionKind::ZeroOrMore => (0, None),
        RepetitionKind::OneOrMore => (1, None),
        RepetitionKind::Range(RepetitionRange::Exactly(n)) => (*n, Some(*n)),
        RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (*n, None),
        RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
    }
}

/// What is known of a piece of a pattern. Flags are not followed: a
/// letter outside ASCII may be matched in another case, so it tells
/// nothing; ASCII letters are lower-cased either way, and the search for
/// the literals ignores ASCII case.
fn analyse(tree: &Ast) -> Known {
    match tree {
        // Assertions and flags match no text: they do not break a run of
        // literals.
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Known::empty(),
        Ast::Literal(lit) => match char_literal(lit) {
            Some(set) => Known::Exact(set),
            None => Known::Holds(Vec::new()),
        },
        Ast::ClassBracketed(class) if !class.negated => match class_literals(&class.kind) {
            Some(set) => Known::Exact(set),
            None => Known::Holds(Vec::new()),
        },
        Ast::Dot(_) | Ast::ClassBracketed(_) | Ast::ClassPerl(_) | Ast::ClassUnicode(_) => {
            Known::Holds(Vec::new())
        }
        Ast::Group(group) => analyse(&group.ast),
        Ast::Repetition(rep) => {
            let sub = analyse(&rep.ast);
            match (sub, repeats(rep)) {
                (Known::Exact(set), (min, Some(max))) if min == max => match power(&set, min) {
                    Some(all) => Known::Exact(all),
                    None => Known::Holds(Known::Exact(set).required()),
                },
                (_, (0, _)) => Known::Holds(Vec::new()),
                (sub, _) => Known::Holds(sub.required()),
            }
        }
        Ast::Concat(concat_of) => concat(&concat_of.asts),
        Ast::Alternation(alternation_of) => alternation(&alternation_of.asts),
    }
}

/// A character as a set of one literal: lower-cased when it is ASCII, as
/// written when it is a symbol without case (see [`is_caseless_symbol`]);
/// `None` for any other (it may be matched in another case).
fn char_literal(lit: &ast::Literal) -> Option<Vec<Vec<u8>>> {
    let c = lit.c;
    if c.is_ascii() {
        Some(vec![vec![c.to_ascii_lowercase() as u8]])
    } else if is_caseless_symbol(lit) {
        Some(vec![c.to_string().into_bytes()])
    } else {
        None
    }
}

/// Whether `lit` is a character outside ASCII, written as itself, that no
/// case folding touches: not a letter (case belongs to letters), and its
/// own upper and lower case (a curly apostrophe, a dash). A character
/// given by a hexadecimal escape may stand for a byte (`(?-u:\xE2)`).
fn is_caseless_symbol(lit: &ast::Literal) -> bool {
    let c = lit.c;
    lit.kind == ast::LiteralKind::Verbatim
        && !c.is_ascii()
        && !c.is_alphabetic()
        && c.to_lowercase().eq([c])
        && c.to_uppercase().eq([c])
}

/// A class as a small set of one-character strings; the characters of
/// [`ASCII_FOLDS`] are left out (the text holds none of them).
fn class_literals(class: &ClassSet) -> Option<Vec<Vec<u8>>> {
    let mut strings: Vec<Vec<u8>> = Vec::new();
    let mut count = 0u32;
    class_strings(class, &mut strings, &mut count)?;
    strings.sort_unstable();
    strings.dedup();
    (!strings.is_empty()).then_some(strings)
}

/// Adds the characters of `class` to `strings`, counting them in `count`;
/// `None` when one is outside ASCII (and neither one of [`ASCII_FOLDS`]
/// nor a caseless symbol), when there are more than [`MAX_CLASS`], or
/// when a part is not a plain list of characters.
fn class_strings(class: &ClassSet, strings: &mut Vec<Vec<u8>>, count: &mut u32) -> Option<()> {
    let ClassSet::Item(item) = class else {
        return None;
    };
    let mut add = |c: char, caseless_symbol: bool| -> Option<()> {
        *count += 1;
        if *count > MAX_CLASS {
            return None;
        }
        if c.is_ascii() {
            strings.push(vec![c.to_ascii_lowercase() as u8]);
        } else if caseless_symbol {
            strings.push(c.to_string().into_bytes());
        } else if !ASCII_FOLDS.contains(&c) {
            return None;
        }
        Some(())
    };
    add_item(item, &mut add)
}

/// Calls `add` on every character of a class item, with whether it is a
/// caseless symbol (only a character written alone may be one).
fn add_item(item: &ClassSetItem, add: &mut impl FnMut(char, bool) -> Option<()>) -> Option<()> {
    match item {
        ClassSetItem::Empty(_) => Some(()),
        ClassSetItem::Literal(lit) => add(lit.c, is_caseless_symbol(lit)),
        ClassSetItem::Range(range) => {
            for c in range.start.c..=range.end.c {
                add(c, false)?;
            }
            Some(())
        }
        ClassSetItem::Union(union) => union.items.iter().try_for_each(|i| add_item(i, add)),
        ClassSetItem::Bracketed(inner) if !inner.negated => match &inner.kind {
            ClassSet::Item(i) => add_item(i, add),
            ClassSet::BinaryOp(_) => None,
        },
        ClassSetItem::Bracketed(_)
        | ClassSetItem::Ascii(_)
        | ClassSetItem::Unicode(_)
        | ClassSetItem::Perl(_) => None,
    }
}

/// Every string of `set` repeated `times` times over, if not too many.
fn power(set: &[Vec<u8>], times: u32) -> Option<Vec<Vec<u8>>> {
    let mut all = vec![Vec::new()];
    for _ in 0..times {
        all = product(&all, set)?;
    }
    Some(all)
}

/// Every string of `a` followed by every string of `b`, if not too many.
fn product(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len().saturating_mul(b.len()) > MAX_LITERALS {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
            .collect(),
    )
}

/// A concatenation: consecutive exact parts join into longer literals
/// ("l", "e", "a", "d" into "lead"); these runs' sets and the other
/// parts' sets are all required.
fn concat(subs: &[Ast]) -> Known {
    let mut choices: Vec<Vec<Vec<u8>>> = Vec::new();
    let mut run: Vec<Vec<u8>> = vec![Vec::new()];
    let mut exact = true;
    for sub in subs {
        let known = analyse(sub);
        if let Known::Exact(set) = known {
            // One string (a letter, mostly): the run grows in place, as
            // `product` would build it.
            if let ([one], true) = (set.as_slice(), run.len() <= MAX_LITERALS) {
                for s in &mut run {
                    s.extend_from_slice(one);
                }
                continue;
            }
            run = match product(&run, &set) {
                Some(longer) => longer,
                None => {
                    exact = false;
                    choices.extend(Known::Exact(std::mem::take(&mut run)).required());
                    set
                }
            };
            continue;
        }
        exact = false;
        // `x{2,}` starts with `xx`: the run goes on through it, then ends.
        if let Ast::Repetition(rep) = sub {
            if let Known::Exact(set) = analyse(&rep.ast) {
                if let Some(longer) = power(&set, repeats(rep).0).and_then(|p| product(&run, &p)) {
                    run = longer;
                }
            }
        }
        choices.extend(Known::Exact(std::mem::replace(&mut run, vec![Vec::new()])).required());
        choices.extend(known.required());
    }
    if exact {
        return Known::Exact(run);
    }
    choices.extend(Known::Exact(run).required());
    // The same set may come twice (`x+` as a run and as a part).
    let mut seen = Vec::with_capacity(choices.len());
    choices.retain(|set| {
        let new = !seen.contains(set);
        if new {
            seen.push(set.clone());
        }
        new
    });
    Known::Holds(choices)
}

/// An alternation: the union of its branches' (rarest) sets.
fn alternation(subs: &[Ast]) -> Known {
    let known: Vec<Known> = subs.iter().map(analyse).collect();
    if known.iter().all(|k| matches!(k, Known::Exact(_))) {
        let mut all: Vec<Vec<u8>> = Vec::new();
        for k in known {
            if let Known::Exact(set) = k {
                all.extend(set);
            }
        }
        all.sort_unstable();
        all.dedup();
        return if all.len() <= MAX_LITERALS {
            Known::Exact(all)
        } else {
            Known::Holds(Vec::new())
        };
    }
    let mut all: Vec<Vec<u8>> = Vec::new();
    for k in known {
        match k.rarest() {
            Some(set) => all.extend(set),
            None => return Known::Holds(Vec::new()),
        }
    }
    all.sort_unstable();
    all.dedup();
    if all.len() <= MAX_LITERALS {
        Known::Holds(vec![all])
    } else {
        Known::Holds(Vec::new())
    }
}

/// How rare a set of literals is in prose, higher is rarer: by its most
/// common literal (letters and common punctuation are common, brackets
/// and the like are rare), then by fewer literals.
fn rarity(set: &[Vec<u8>]) -> (u32, std::cmp::Reverse<usize>) {
    let weight = |s: &Vec<u8>| -> u32 {
        s.iter()
            .map(|&b| match b {
                b'a'..=b'z' | b' ' | b'.' | b',' | b';' | b':' | b'-' => 1,
                b'0'..=b'9' | b'\'' | b'"' | b'(' | b')' | b'!' | b'?' => 2,
                _ => 6,
            })
            .sum()
    };
    let commonest = set.iter().map(weight).min().unwrap_or(0);
    (commonest, std::cmp::Reverse(set.len()))
}
