//! A set of byte ranges of a page, asked many times whether it holds a
//! position: the levels, specialties or Career Ladder sections of a long
//! page, looked up for each of its items or sentences.

use std::ops::Range;

/// Byte ranges, sorted and merged where they overlap, so that a lookup is a
/// binary search rather than a scan of every range.
#[derive(Debug, Default, Clone)]
pub struct SpanSet {
    spans: Vec<Range<usize>>,
}

impl SpanSet {
    /// The union of `spans`.
    pub fn new(spans: impl IntoIterator<Item = Range<usize>>) -> SpanSet {
        let mut sorted: Vec<Range<usize>> = spans.into_iter().filter(|r| !r.is_empty()).collect();
        sorted.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
        for span in sorted {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        SpanSet { spans: merged }
    }

    /// Whether one of the ranges holds the byte at `at`.
    pub fn contains(&self, at: usize) -> bool {
        let after = self.spans.partition_point(|r| r.start <= at);
        after > 0 && self.spans[after - 1].contains(&at)
    }

    /// Whether the set holds no range.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::SpanSet;

    #[test]
    fn holds_what_its_ranges_hold_also_when_they_nest_or_touch() {
        let set = SpanSet::new([10..20, 12..15, 30..40, 40..45, 5..5]);
        let held: Vec<usize> = (0..50).filter(|&at| set.contains(at)).collect();
        let expected: Vec<usize> = (10..20).chain(30..45).collect();
        assert_eq!(held, expected);
        assert!(SpanSet::new([]).is_empty());
        assert!(!SpanSet::new([]).contains(0));
    }
}
