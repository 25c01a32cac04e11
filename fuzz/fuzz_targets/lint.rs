//! Fuzzes the whole per-page path: decoding, `Document::parse`, every
//! rule through `Linter`, suppressions and positions. Besides panics, it
//! checks that every finding lies on character boundaries inside the page
//! and that its line and column are those of its offsets.

#![no_main]

use std::path::Path;
use std::sync::{Arc, LazyLock};

use handbook_lint::engine::{decode, Linter};
use libfuzzer_sys::fuzz_target;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::with_defaults);

fuzz_target!(|data: &[u8]| {
    let Ok(source) = decode(data.to_vec()) else {
        return;
    };
    let file = LINTER.lint_source(Path::new("fuzz.md"), Arc::new(source.clone()));
    for f in &file.findings {
        let span = &f.diagnostic.span;
        assert!(span.start <= span.end && span.end <= source.len());
        assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
        let before = &source[..span.start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = source[line_start..span.start].chars().count() + 1;
        assert_eq!((f.start.line, f.start.column), (line, column));
    }
});
