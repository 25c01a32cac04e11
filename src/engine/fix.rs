//! Applying the rules' fixes: `--fix`, `--diff`, and the editor's
//! "fix all".
//!
//! Fixes are applied in passes. A pass takes the eligible fixes in order
//! of position and applies every one that overlaps none taken before it;
//! the page is then linted again, since fixing one finding can move or
//! resolve others, and the next pass picks up what is left. Passes stop
//! when no fix applies any more, or after [`MAX_PASSES`]. Text outside the
//! edited spans is never touched.

use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::document::Document;
use crate::engine::Linter;

/// Passes after which fixing stops even if fixes remain (fixes that undo
/// each other would otherwise never end).
pub const MAX_PASSES: usize = 10;

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixMode {
    /// Only fixes marked safe (`--fix`).
    Safe,
    /// Safe and unsafe fixes (`--fix --unsafe-fixes`).
    Unsafe,
}

impl FixMode {
    /// Whether a fix of this applicability is applied.
    pub fn allows(self, applicability: Applicability) -> bool {
        match self {
            FixMode::Safe => applicability == Applicability::Safe,
            FixMode::Unsafe => true,
        }
    }
}

/// The result of fixing one page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixOutcome {
    /// The page after fixing.
    pub text: String,
    /// Number of fixes applied, over all passes.
    pub applied: usize,
    /// Number of passes that applied at least one fix.
    pub passes: usize,
}

impl FixOutcome {
    /// Whether anything was applied.
    pub fn changed(&self) -> bool {
        self.applied > 0
    }
}

/// The result of one pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pass {
    /// The text after the pass.
    pub text: String,
    /// The edits applied, sorted, as byte ranges of the text before it.
    pub edits: Vec<Edit>,
    /// Number of fixes applied.
    pub applied: usize,
}

/// Applies, in order of position, every fix that overlaps no fix applied
/// before it. A fix whose edits are out of range, not on character
/// boundaries, or overlap each other is skipped.
pub fn apply_once<'a>(source: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> Pass {
    let mut candidates: Vec<Vec<&Edit>> = fixes
        .into_iter()
        .filter_map(|fix| well_formed(source, fix))
        .collect();
    candidates.sort_by_key(|edits| edits.first().map(|e| (e.byte_start, e.byte_end)));
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for edits in candidates {
        if edits.iter().any(|e| taken.iter().any(|t| conflicts(e, t))) {
            continue;
        }
        taken.extend(edits);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.byte_start, e.byte_end));
    let mut text = String::with_capacity(source.len());
    let mut at = 0;
    for edit in &taken {
        text.push_str(&source[at..edit.byte_start]);
        text.push_str(&edit.replacement);
        at = edit.byte_end;
    }
    text.push_str(&source[at..]);
    Pass {
        text,
        edits: taken.into_iter().cloned().collect(),
        applied,
    }
}

/// The fix's edits, sorted, if they can be applied to `source`.
fn well_formed<'a>(source: &str, fix: &'a Fix) -> Option<Vec<&'a Edit>> {
    let mut edits: Vec<&Edit> = fix.edits.iter().collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.byte_start, e.byte_end));
    for edit in &edits {
        if edit.byte_start > edit.byte_end
            || edit.byte_end > source.len()
            || !source.is_char_boundary(edit.byte_start)
            || !source.is_char_boundary(edit.byte_end)
        {
            return None;
        }
    }
    if edits.windows(2).any(|w| conflicts(w[0], w[1])) {
        return None;
    }
    Some(edits)
}

/// Two edits conflict when their ranges overlap or they start at the same
/// place (two insertions there would have no defined order).
fn conflicts(a: &Edit, b: &Edit) -> bool {
    (a.byte_start < b.byte_end && b.byte_start < a.byte_end) || a.byte_start == b.byte_start
}

/// The fixes among `diagnostics` that `mode` allows.
pub fn eligible(diagnostics: &[Diagnostic], mode: FixMode) -> impl Iterator<Item = &Fix> {
    diagnostics
        .iter()
        .filter_map(|d| d.fix.as_deref())
        .filter(move |fix| mode.allows(fix.applicability))
}

impl Linter {
    /// Fixes a page held in memory: lints it, applies the fixes `mode`
    /// allows, and repeats until none is left or [`MAX_PASSES`] is
    /// reached.
    pub fn fix_source(&self, path: &Path, source: &str, mode: FixMode) -> FixOutcome {
        let mut text = source.to_string();
        let mut applied = 0;
        let mut passes = 0;
        while passes < MAX_PASSES {
            let doc = Document::parse(path, Arc::new(text.clone()));
            let diagnostics = self.check(&doc);
            let pass = apply_once(&text, eligible(&diagnostics, mode));
            if pass.applied == 0 || pass.text == text {
                break;
            }
            applied += pass.applied;
            passes += 1;
            text = pass.text;
        }
        FixOutcome {
            text,
            applied,
            passes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fix(edits: Vec<Edit>) -> Fix {
        Fix {
            description: "test".into(),
            applicability: Applicability::Safe,
            edits,
        }
    }

    #[test]
    fn non_overlapping_fixes_apply_in_one_pass() {
        let fixes = [
            fix(vec![Edit::delete(1..2)]),
            fix(vec![Edit::replace(3..4, "X"), Edit::insert(5, "!")]),
        ];
        let pass = apply_once("abcdef", &fixes);
        assert_eq!(pass.text, "acXe!f");
        assert_eq!(pass.applied, 2);
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_pass() {
        let fixes = [
            fix(vec![Edit::replace(0..3, "X")]),
            fix(vec![Edit::replace(2..4, "Y")]),
            fix(vec![Edit::insert(0, "Z")]),
        ];
        // In order of position: the insertion at 0 comes first, so the
        // replacement also starting at 0 waits; 2..4 overlaps neither.
        let pass = apply_once("abcdef", &fixes);
        assert_eq!(pass.applied, 2);
        assert_eq!(pass.text, "ZabYef");
        let pass = apply_once("abcdef", &fixes[..2]);
        assert_eq!(pass.applied, 1);
        assert_eq!(pass.text, "Xdef");
    }

    #[test]
    fn malformed_fixes_are_skipped() {
        let fixes = [
            fix(vec![Edit::delete(2..99)]),
            fix(vec![Edit::delete(1..2)]), // inside the two-byte 'é'
            fix(vec![Edit::delete(0..2), Edit::delete(1..3)]),
            fix(vec![]),
        ];
        let pass = apply_once("éabc", &fixes);
        assert_eq!(pass.applied, 0);
        assert_eq!(pass.text, "éabc");
    }

    #[test]
    fn fixing_converges_and_a_second_run_changes_nothing() {
        let linter = Linter::with_defaults();
        let page = "---\ntitle: T \n---\n\nText  \t\n\n## Heading \n\n* item \n";
        let first = linter.fix_source(Path::new("a.md"), page, FixMode::Safe);
        assert!(first.changed());
        assert!(!first.text.contains(" \n") && !first.text.contains("\t\n"));
        let second = linter.fix_source(Path::new("a.md"), &first.text, FixMode::Safe);
        assert!(!second.changed());
        assert_eq!(second.text, first.text);
    }

    #[test]
    fn unsafe_fixes_need_unsafe_mode() {
        let d = Diagnostic {
            rule: "x",
            severity: crate::diagnostic::Severity::Warning,
            message: String::new(),
            span: 0..1,
            label: None,
            help: None,
            suggestions: Vec::new(),
            fix: Some(Box::new(Fix::unsafe_("u", Edit::delete(0..1)))),
        };
        let diagnostics = [d];
        assert_eq!(eligible(&diagnostics, FixMode::Safe).count(), 0);
        assert_eq!(eligible(&diagnostics, FixMode::Unsafe).count(), 1);
    }

    /// Arbitrary edits over a text of `len` bytes (ASCII, so every offset
    /// is a character boundary).
    fn edits(len: usize) -> impl Strategy<Value = Vec<Vec<(usize, usize, String)>>> {
        let edit = (0..=len, 0..=4usize, "[a-z \n]{0,3}")
            .prop_map(move |(start, width, text)| (start, (start + width).min(len), text));
        prop::collection::vec(prop::collection::vec(edit, 1..3), 0..8)
    }

    proptest! {
        #[test]
        fn text_outside_the_applied_edits_is_unchanged(
            (source, fixes) in "[a-z \t\n#*-]{0,60}".prop_flat_map(|s| {
                let len = s.len();
                (Just(s), edits(len))
            })
        ) {
            let fixes: Vec<Fix> = fixes
                .into_iter()
                .map(|edits| fix(edits.into_iter().map(|(s, e, t)| Edit::replace(s..e, t)).collect()))
                .collect();
            let pass = apply_once(&source, &fixes);
            // Rebuild the result from the untouched gaps and the
            // replacements: every gap must appear verbatim, in order.
            let mut at = 0;
            let mut out = 0;
            for edit in &pass.edits {
                let gap = &source[at..edit.byte_start];
                prop_assert_eq!(&pass.text[out..out + gap.len()], gap);
                out += gap.len();
                prop_assert_eq!(&pass.text[out..out + edit.replacement.len()], edit.replacement.as_str());
                out += edit.replacement.len();
                at = edit.byte_end;
            }
            prop_assert_eq!(&pass.text[out..], &source[at..]);
            for w in pass.edits.windows(2) {
                prop_assert!(w[0].byte_end <= w[1].byte_start && w[0].byte_start < w[1].byte_start);
            }
        }

        #[test]
        fn fixing_pages_only_touches_what_rules_flag(
            lines in prop::collection::vec(("[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,3}", "[ \t]{0,3}"), 1..12)
        ) {
            let mut page = String::from("---\ntitle: T\n---\n");
            for (words, trailing) in &lines {
                page.push('\n');
                page.push_str(words);
                page.push_str(trailing);
                page.push('\n');
            }
            let selection = crate::engine::Selection {
                select: Some(vec!["trailing-whitespace".to_string()]),
                ignore: Vec::new(),
            };
            let linter = Linter::new(&crate::config::Config::default(), &selection).unwrap();
            let fixed = linter.fix_source(Path::new("p.md"), &page, FixMode::Safe);
            // Trailing whitespace is the only thing fixed here: removing it
            // line by line from the original must give the same text.
            let expected: String = page
                .split_inclusive('\n')
                .map(|l| {
                    let body = l.trim_end_matches('\n');
                    let kept = body.trim_end_matches([' ', '\t']);
                    // A hard break (two or more spaces) before a blank line
                    // is not a hard break, so it is trailing whitespace too.
                    format!("{kept}{}", &l[body.len()..])
                })
                .collect();
            prop_assert_eq!(&fixed.text, &expected);
            let again = linter.fix_source(Path::new("p.md"), &fixed.text, FixMode::Safe);
            prop_assert!(!again.changed());
        }
    }
}
