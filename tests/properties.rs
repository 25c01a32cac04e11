//! Property tests: on any Markdown-ish page the linter does not panic,
//! every finding lies on character boundaries inside the file, and its
//! line and column are those of its byte offsets.

use std::path::Path;
use std::sync::Arc;

use handbook_lint::document::Document;
use handbook_lint::engine::Linter;
use proptest::prelude::*;

/// Pieces real pages (and broken ones) are made of.
fn piece() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Senior",
        "Manager",
        "Extends",
        "the",
        "responsibilities",
        "requirements",
        "grade",
        "GitLab",
        "Gitlab",
        "naïve",
        "😀",
        "日本",
        "R&D",
        "a*b",
        "x_y",
        "`code`",
        "[",
        "]",
        "(",
        ")",
        "{#id}",
        "&amp;",
        "\\",
        "<",
        ">",
        "|",
        "~~",
        "\u{a0}",
        "\u{200b}",
        "\u{feff}",
        "â€™",
        "\t",
        "  ",
    ]);
    let words = prop::collection::vec(word, 0..8).prop_map(|w| w.join(" "));
    let eol = prop::sample::select(vec!["\n", "\r\n", "\r", "", " \n", "  \n", "\t\r\n"]);
    prop_oneof![
        (1usize..8, words.clone(), eol.clone())
            .prop_map(|(n, w, e)| format!("{} {w}{e}", "#".repeat(n))),
        (
            0usize..6,
            prop::sample::select(vec!["- ", "* ", "+ ", "1. ", "2) ", "* * ", "-"]),
            words.clone(),
            eol.clone()
        )
            .prop_map(|(n, m, w, e)| format!("{}{m}{w}{e}", "  ".repeat(n))),
        (words.clone(), words.clone(), eol.clone()).prop_map(|(t, d, e)| format!(
            "[{t}](/job-families/x/{}#{}) {e}",
            d.replace(' ', "-"),
            t.len()
        )),
        (words.clone(), eol.clone()).prop_map(|(t, e)| format!("[{t}][ref]{e}\n[ref]: /a/b{e}")),
        (words.clone(), eol.clone()).prop_map(|(w, e)| format!("> {w}{e}")),
        (words.clone(), eol.clone()).prop_map(|(w, e)| format!("```{e}{w}{e}```{e}")),
        (words.clone(), eol.clone())
            .prop_map(|(w, e)| format!("| {w} | b |{e}|---|---|{e}| 1 | 2 |{e}")),
        prop::sample::select(vec![
            "<!-- handbook-lint-disable trailing-whitespace -->\n",
            "<!-- handbook-lint-disable-next-line -->\n",
            "<!-- handbook-lint-enable -->\n",
            "<!-- handbook-lint-disable-line nope, trailing-whitespace -->",
            "<!-- unclosed comment\n",
            "<div>\n\nhtml block\n</div>\n",
            "---\n",
            "+++\n",
            "title: T\n",
            "a: &x 1\n",
            "b: *x\n",
            "\n",
            "\r\n",
        ])
        .prop_map(str::to_string),
        (words.clone(), eol.clone()).prop_map(|(w, e)| format!("{w}{e}")),
        any::<String>().prop_map(|s| s.chars().take(40).collect()),
    ]
}

fn page() -> impl Strategy<Value = String> {
    let front = prop::sample::select(vec![
        "",
        "---\ntitle: T\n---\n",
        "---\r\ntitle: \"T\"\r\n---\r\n",
        "\u{feff}---\ntitle: T\n---\n",
        "---\ntitle: T\n",
        "+++\ntitle = \"T\"\n+++\n",
        "---\n: bad: yaml\n---\n",
    ]);
    (front, prop::collection::vec(piece(), 0..30))
        .prop_map(|(front, pieces)| format!("{front}{}", pieces.concat()))
}

fn naive_position(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, source[line_start..offset].chars().count() + 1)
}

fn check_page(source: &str) -> Result<(), TestCaseError> {
    let file = Linter::with_defaults().lint_source(Path::new("p.md"), Arc::new(source.to_string()));
    for f in &file.findings {
        let span = &f.diagnostic.span;
        prop_assert!(
            span.start <= span.end && span.end <= source.len(),
            "{span:?}"
        );
        prop_assert!(
            source.is_char_boundary(span.start) && source.is_char_boundary(span.end),
            "{} splits a character at {span:?}",
            f.diagnostic.rule
        );
        prop_assert_eq!(
            (f.start.line, f.start.column),
            naive_position(source, span.start)
        );
        prop_assert_eq!((f.end.line, f.end.column), naive_position(source, span.end));
    }
    // The model's spans, too, and its sorted lookups against plain scans.
    let doc = Document::parse("p.md", source.to_string());
    let spans = doc
        .headings
        .iter()
        .map(|h| h.span.clone())
        .chain(doc.links.iter().map(|l| l.destination_span.clone()))
        .chain(doc.links.iter().map(|l| l.text_span.clone()))
        .chain(doc.items.iter().map(|i| i.marker_span.clone()))
        .chain(doc.texts.iter().map(|t| t.span.clone()))
        .chain(doc.html.iter().map(|h| h.span.clone()));
    for span in spans {
        prop_assert!(
            span.start <= span.end && span.end <= source.len(),
            "{span:?}"
        );
        prop_assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
    }
    for offset in 0..=source.len() {
        prop_assert_eq!(
            doc.in_html(offset),
            doc.html.iter().any(|h| h.span.contains(&offset)),
            "in_html({})",
            offset
        );
        prop_assert_eq!(
            doc.in_code(offset),
            doc.code.iter().any(|c| c.contains(&offset)),
            "in_code({})",
            offset
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn markdownish_pages_never_panic_and_spans_are_exact(source in page()) {
        check_page(&source)?;
    }

    #[test]
    fn arbitrary_text_never_panics(source in any::<String>()) {
        check_page(&source)?;
    }
}
