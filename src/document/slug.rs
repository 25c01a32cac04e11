//! Heading anchors ("slugs"), as the site generators compute them.
//!
//! Two generators are modelled:
//!
//! - **Hugo** (goldmark renderer, `autoHeadingIDType = "github"`, the
//!   default): the heading's text with leading and trailing white space
//!   trimmed; letters (any script), digits and `_` are kept and
//!   lower-cased, a space or `-` becomes `-`, everything else is dropped.
//!   An empty result becomes `heading`. Repeated anchors get `-1`, `-2`, …,
//!   skipping anchors already taken (`{#id}` attributes included).
//! - **kramdown** (Middleman, `auto_ids`): leading characters that are not
//!   ASCII letters are removed, then everything but ASCII letters, digits,
//!   spaces and `-` is removed, spaces become `-`, and the result is
//!   lower-cased. An empty result becomes `section`. kramdown works on the
//!   heading's raw text, markup included. The second heading with the same
//!   anchor gets `-1`, the third `-2`, …

use std::collections::HashMap;

use foldhash::fast::RandomState;

/// Hugo's default anchor for a heading's text.
pub fn hugo(text: &str) -> String {
    let text = text.trim();
    if text.is_ascii() {
        // The common case, byte by byte through a table: every byte is
        // written, and the cursor moves past the kept ones.
        let bytes = text.as_bytes();
        let mut slug = vec![0u8; bytes.len()];
        let mut kept = 0;
        for &b in bytes {
            let out = HUGO_ASCII[usize::from(b & 0x7f)];
            if let Some(slot) = slug.get_mut(kept) {
                *slot = out;
            }
            kept += usize::from(out != 0);
        }
        slug.truncate(kept);
        if slug.is_empty() {
            return "heading".to_string();
        }
        // Only ASCII bytes were written, so this never fails.
        return String::from_utf8(slug).unwrap_or_default();
    }
    hugo_chars(text)
}

/// What Hugo makes of each ASCII byte: the byte to write, or 0 to drop it.
const HUGO_ASCII: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = if b == b' ' || b == b'-' {
            b'-'
        } else if b == b'_' || b.is_ascii_alphanumeric() {
            b.to_ascii_lowercase()
        } else {
            0
        };
        i += 1;
    }
    table
};

/// [`hugo`] character by character, for any trimmed text.
fn hugo_chars(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if c == ' ' || c == '-' {
                slug.push('-');
            } else if c == '_' || c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphabetic() || c.is_numeric() {
            slug.extend(c.to_lowercase());
        }
    }
    if slug.is_empty() {
        slug.push_str("heading");
    }
    slug
}

/// kramdown's anchor for a heading's raw text.
pub fn kramdown(raw: &str) -> String {
    let start = raw
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(raw.len());
    let mut slug = String::with_capacity(raw.len() - start);
    for c in raw[start..].chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if c == ' ' || c == '-' {
            slug.push('-');
        }
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    slug
}

/// Gives repeated anchors the `-1`, `-2`, … suffixes Hugo adds, never
/// reusing an anchor already given.
#[derive(Debug, Default)]
pub struct Deduplicator {
    taken: std::collections::HashSet<String, RandomState>,
    /// For each repeated anchor, the suffix to try next, so that many
    /// repeats cost linear time.
    next: HashMap<String, usize, RandomState>,
}

impl Deduplicator {
    /// Returns `anchor` the first time, then `anchor-1`, `anchor-2`, …
    pub fn unique(&mut self, anchor: String) -> String {
        if self.taken.insert(anchor.clone()) {
            return anchor;
        }
        let next = self.next.entry(anchor.clone()).or_insert(1);
        let mut i = *next;
        loop {
            let candidate = format!("{anchor}-{i}");
            i += 1;
            if self.taken.insert(candidate.clone()) {
                self.next.insert(anchor, i);
                return candidate;
            }
        }
    }
}

/// Gives repeated anchors the suffixes kramdown adds: the second use of an
/// anchor gets `-1`, the third `-2`, whatever other headings are called.
/// `{#id}` attributes are not counted.
#[derive(Debug, Default)]
pub struct KramdownDeduplicator {
    used: HashMap<String, usize, RandomState>,
}

impl KramdownDeduplicator {
    /// Returns `anchor` the first time, then `anchor-1`, `anchor-2`, …
    pub fn unique(&mut self, anchor: String) -> String {
        match self.used.get_mut(&anchor) {
            Some(count) => {
                *count += 1;
                format!("{anchor}-{count}")
            }
            None => {
                self.used.insert(anchor.clone(), 0);
                anchor
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_slugs() {
        assert_eq!(
            hugo("Performance Indicators (PI)"),
            "performance-indicators-pi"
        );
        assert_eq!(hugo("Services & Consulting"), "services--consulting");
        assert_eq!(hugo("Manager, IT Program"), "manager-it-program");
        assert_eq!(hugo("Senior / Principal"), "senior--principal");
        assert_eq!(hugo("Über_uns"), "über_uns");
        assert_eq!(hugo("  Trimmed  "), "trimmed");
        assert_eq!(hugo("1. Screening call"), "1-screening-call");
        assert_eq!(hugo("Director - Sales"), "director---sales");
        assert_eq!(hugo("C++ & C#"), "c--c");
        assert_eq!(hugo("Résumé 履歴書"), "résumé-履歴書");
        assert_eq!(hugo("Senior Manager: Data."), "senior-manager-data");
        assert_eq!(hugo("?!"), "heading");
        assert_eq!(hugo("It's \"quoted\""), "its-quoted");
    }

    #[test]
    fn the_ascii_table_agrees_with_the_character_path() {
        let mut samples: Vec<String> = (0u8..128).map(|b| format!("a{}b", char::from(b))).collect();
        samples
            .extend(["", "?!", "Senior Manager: Data.", "C++ & C#", "x_Y-z 9"].map(String::from));
        for text in samples {
            let text = text.trim();
            assert_eq!(hugo(text), hugo_chars(text), "{text:?}");
        }
    }

    #[test]
    fn kramdown_slugs() {
        assert_eq!(
            kramdown("Performance Indicators (PI)"),
            "performance-indicators-pi"
        );
        assert_eq!(kramdown("Services & Consulting"), "services--consulting");
        assert_eq!(kramdown("Senior / Principal"), "senior--principal");
        // Leading non-letters go, digits elsewhere stay.
        assert_eq!(kramdown("1. Screening call"), "screening-call");
        assert_eq!(kramdown("2021 Plan for Q3"), "plan-for-q3");
        // Non-ASCII letters and `_` are dropped.
        assert_eq!(kramdown("Über_uns"), "beruns");
        assert_eq!(kramdown("Résumé"), "rsum");
        // Raw text: markup characters go, link targets stay.
        assert_eq!(
            kramdown("[Hiring](/handbook/hiring/)"),
            "hiringhandbookhiring"
        );
        assert_eq!(kramdown("**Bold** move"), "bold-move");
        assert_eq!(kramdown("123"), "section");
        assert_eq!(kramdown(""), "section");
    }

    #[test]
    fn repeated_anchors_get_suffixes() {
        let mut d = Deduplicator::default();
        assert_eq!(d.unique("a".into()), "a");
        assert_eq!(d.unique("a".into()), "a-1");
        assert_eq!(d.unique("a".into()), "a-2");
        // Hugo skips an anchor already taken.
        assert_eq!(d.unique("b-1".into()), "b-1");
        assert_eq!(d.unique("b".into()), "b");
        assert_eq!(d.unique("b".into()), "b-2");
    }

    #[test]
    fn kramdown_counts_per_anchor() {
        let mut d = KramdownDeduplicator::default();
        assert_eq!(d.unique("levels".into()), "levels");
        assert_eq!(d.unique("levels".into()), "levels-1");
        assert_eq!(d.unique("levels".into()), "levels-2");
        assert_eq!(d.unique("other".into()), "other");
    }
}
