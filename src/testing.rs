//! Helpers shared by the unit tests of every module.

/// A deterministic stream of pseudo-random numbers (a linear
/// congruential generator): tests that compare a fast path with its
/// reference on generated inputs see the same inputs on every run.
pub(crate) struct Lcg(pub u64);

impl Lcg {
    /// The next number below `n` (which must not be 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n
    }

    /// Fewer than `fewer_than` of `pieces`, picked at random, joined
    /// without a separator.
    pub fn pieces(&mut self, pieces: &[&str], fewer_than: usize) -> String {
        let count = self.below(fewer_than);
        (0..count)
            .map(|_| pieces[self.below(pieces.len())])
            .collect()
    }

    /// `base` with up to `most` random edits: a character dropped, or one
    /// of `pieces` put in before a character or in its place. Near
    /// misses of a text that matches a pattern test the pattern's edges.
    pub fn mutate(&mut self, base: &str, pieces: &[&str], most: usize) -> String {
        let mut text = base.to_string();
        for _ in 0..self.below(most + 1) {
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let at = starts
                .get(self.below(starts.len() + 1))
                .copied()
                .unwrap_or(text.len());
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            let piece = pieces[self.below(pieces.len())];
            match self.below(3) {
                0 => text.replace_range(at..end, ""),
                1 => text.insert_str(at, piece),
                _ => text.replace_range(at..end, piece),
            }
        }
        text
    }

    /// One to `most` of `pieces`, picked at random, joined by spaces.
    pub fn phrase(&mut self, pieces: &[&str], most: usize) -> String {
        let count = self.below(most) + 1;
        (0..count)
            .map(|_| pieces[self.below(pieces.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Asserts that `gated` (see [`crate::pattern::compile_gated`]) finds
/// in `text` what `reference`, its pattern compiled by the regex crate,
/// finds: the same matches with the same groups. Returns how many
/// matches there are, so that a test can check that its texts match at
/// all.
pub(crate) fn assert_same_matches(
    reference: &regex::Regex,
    gated: &regex_automata::meta::Regex,
    text: &str,
) -> usize {
    let expected: Vec<Vec<Option<std::ops::Range<usize>>>> = reference
        .captures_iter(text)
        .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
        .collect();
    let found: Vec<Vec<Option<std::ops::Range<usize>>>> = gated
        .captures_iter(text)
        .map(|c| {
            (0..c.group_len())
                .map(|i| c.get_group(i).map(|s| s.range()))
                .collect()
        })
        .collect();
    assert_eq!(found, expected, "{reference} in {text:?}");
    found.len()
}
