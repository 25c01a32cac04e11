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

    /// One to `most` of `pieces`, picked at random, joined by spaces.
    pub fn phrase(&mut self, pieces: &[&str], most: usize) -> String {
        let count = self.below(most) + 1;
        (0..count)
            .map(|_| pieces[self.below(pieces.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}
