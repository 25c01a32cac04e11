//! Heading anchors ("slugs"), as the site generators compute them.

use std::collections::HashMap;

/// Hugo's default anchor for a heading (goldmark, `autoHeadingIDType =
/// "github"`): letters and digits lower-cased, spaces become `-`, `-` and
/// `_` are kept, everything else is dropped.
pub fn hugo(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_ascii() {
            // The common case, without the Unicode tables.
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if c == ' ' || c == '-' {
                slug.push('-');
            } else if c == '_' {
                slug.push('_');
            }
        } else if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        }
    }
    slug
}

/// Gives repeated anchors the `-1`, `-2`, … suffixes the generators add.
#[derive(Debug, Default)]
pub struct Deduplicator {
    seen: HashMap<String, usize>,
}

impl Deduplicator {
    /// Returns `anchor` the first time, then `anchor-1`, `anchor-2`, …
    pub fn unique(&mut self, anchor: String) -> String {
        let count = self.seen.entry(anchor.clone()).or_insert(0);
        let result = if *count == 0 {
            anchor.clone()
        } else {
            format!("{anchor}-{count}")
        };
        *count += 1;
        if result != anchor {
            self.seen.entry(result.clone()).or_insert(1);
        }
        result
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
    }

    #[test]
    fn repeated_anchors_get_suffixes() {
        let mut d = Deduplicator::default();
        assert_eq!(d.unique("a".into()), "a");
        assert_eq!(d.unique("a".into()), "a-1");
        assert_eq!(d.unique("a".into()), "a-2");
    }
}
