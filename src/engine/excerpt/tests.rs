// Slices of one span are meant: each test passes the spans of a page.
#![allow(clippy::single_range_in_vec_init)]

use super::*;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use proptest::prelude::*;

fn capture(text: &str, spans: &[Range<usize>]) -> Excerpts {
    Excerpts::capture(text, &LineIndex::new(text), spans.iter().cloned())
}

/// What miette reads of `span`, as (text, offset, length, line, column,
/// line count).
type Read = (String, usize, usize, usize, usize, usize);

fn read(source: &dyn SourceCode, span: Range<usize>, context: usize) -> Option<Read> {
    let span = SourceSpan::from(span);
    let c = source.read_span(&span, context, context).ok()?;
    Some((
        String::from_utf8_lossy(c.data()).into_owned(),
        c.span().offset(),
        c.span().len(),
        c.line(),
        c.column(),
        c.line_count(),
    ))
}

/// The excerpts read every span exactly as the whole text does, with
/// and without context.
fn assert_reads_like_whole(text: &str, spans: &[Range<usize>]) {
    let excerpts = capture(text, spans);
    for span in spans {
        let span = excerpts.clamp(span.clone()).expect("a kept span");
        for context in [0, CONTEXT_LINES] {
            assert_eq!(
                read(&excerpts, span.clone(), context),
                read(&text, span.clone(), context),
                "span {span:?} with {context} context lines in {text:?}"
            );
        }
    }
}

/// The report miette draws for one label over `source`.
fn render<S: SourceCode + std::fmt::Debug + 'static>(source: S, span: Range<usize>) -> String {
    #[derive(Debug)]
    struct Report<S: SourceCode + 'static>(NamedSource<S>, LabeledSpan);
    impl<S: SourceCode + std::fmt::Debug> std::fmt::Display for Report<S> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("finding")
        }
    }
    impl<S: SourceCode + std::fmt::Debug> std::error::Error for Report<S> {}
    impl<S: SourceCode + std::fmt::Debug> miette::Diagnostic for Report<S> {
        fn source_code(&self) -> Option<&dyn SourceCode> {
            Some(&self.0)
        }
        fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
            Some(Box::new(std::iter::once(self.1.clone())))
        }
    }
    let report = Report(
        NamedSource::new("p.md", source),
        LabeledSpan::new_primary_with_span(Some("here".into()), span),
    );
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_context_lines(CONTEXT_LINES)
        .with_width(100)
        .render_report(&mut out, &report)
        .expect("rendered");
    out
}

const PAGE: &str = "# Title\n\nOne line.\nTwo line.\nThree line.\nFour line.\n\nLast line.\n";

#[test]
fn keeps_the_lines_of_a_span_and_one_line_around() {
    let at = PAGE.find("Three").unwrap();
    let excerpts = capture(PAGE, &[at..at + 5]);
    let pieces = excerpts.pieces();
    assert_eq!(pieces.len(), 1);
    assert_eq!(pieces[0].text, "Two line.\nThree line.\nFour line.\n");
    assert_eq!(pieces[0].line, 3);
    assert_eq!(pieces[0].offset, PAGE.find("Two").unwrap());
    assert_eq!(excerpts.text(at..at + 5), Some("Three"));
    assert_eq!(excerpts.line_text(at + 2), Some("Three line."));
    assert_eq!(excerpts.text(0..1), None, "the title is not kept");
    let shown = render(excerpts, at..at + 5);
    assert_eq!(shown, render(PAGE, at..at + 5));
    assert!(shown.contains("[p.md:5:1]"), "{shown}");
    assert!(shown.contains(" 4 │ Two line."), "{shown}");
    assert!(shown.contains(" 6 │ Four line."), "{shown}");
    assert!(!shown.contains("One line."), "{shown}");
}

#[test]
fn neighbouring_findings_share_one_excerpt_and_distant_ones_do_not() {
    let two = PAGE.find("Two").unwrap();
    let four = PAGE.find("Four").unwrap();
    let last = PAGE.find("Last").unwrap();
    let excerpts = capture(PAGE, &[four..four + 4, two..two + 3, 0..1]);
    assert_eq!(excerpts.pieces().len(), 1, "{:?}", excerpts.pieces());
    let excerpts = capture(PAGE, &[0..1, last..last + 4]);
    assert_eq!(excerpts.pieces().len(), 2);
    assert_eq!(excerpts.pieces()[0].text, "# Title\n\n");
    assert_eq!(excerpts.pieces()[1].text, "\nLast line.\n");
    assert_eq!(excerpts.pieces()[1].line, 6);
}

#[test]
fn findings_at_the_start_and_end_of_a_page() {
    let end = PAGE.len();
    let spans = [0..0, 0..7, end..end, end - 1..end, end - 5..end + 10];
    assert_reads_like_whole(PAGE, &spans);
    let excerpts = capture(PAGE, &[end..end]);
    assert_eq!(render(excerpts, end..end), render(PAGE, end..end));
    let no_newline = "# Title\n\ntext";
    assert_reads_like_whole(no_newline, &[13..14, 14..14, 0..0]);
    assert_reads_like_whole("", &[0..0, 0..3]);
    assert_reads_like_whole("\n\nbaéé\r \r \n", &[0..0]);
    assert_reads_like_whole("\r\n\n\n\na\n", &[0..0, 1..1, 0..1, 1..2]);
}

#[test]
fn crlf_and_lone_carriage_returns_count_as_miette_counts() {
    let page = "# T\r\n\r\nOne\r\nTwo\rTwo b\r\nThree\r\n";
    let spans: Vec<Range<usize>> = (0..=page.len())
        .flat_map(|s| [s..s, s..(s + 2).min(page.len())])
        .collect();
    assert_reads_like_whole(page, &spans);
    let three = page.find("Three").unwrap();
    let excerpts = capture(page, &[three..three + 5]);
    assert!(excerpts.pieces()[0].text.starts_with("Two\rTwo b"));
    assert_eq!(excerpts.pieces()[0].line, 3);
    let shown = read(&excerpts, three..three + 5, 0).unwrap();
    assert_eq!(shown.3, 5, "the lone \\r ends a line");
    assert_eq!(excerpts.line_text(three), Some("Three\r"));
    assert_eq!(
        render(excerpts, three..three + 5),
        render(page, three..three + 5)
    );
}

#[test]
fn a_span_over_several_lines_keeps_all_of_them() {
    let from = PAGE.find("One").unwrap();
    let to = PAGE.find("Four").unwrap();
    let excerpts = capture(PAGE, &[from..to]);
    assert_eq!(
        excerpts.pieces()[0].text,
        "\nOne line.\nTwo line.\nThree line.\nFour line.\n\n"
    );
    assert_eq!(render(excerpts, from..to), render(PAGE, from..to));
}

#[test]
fn a_long_line_is_clipped_around_the_span() {
    let long = "word é ".repeat(100_000);
    let page = format!("# Title\n\nFirst.\n{long}typo and more {long}\nLast.\n");
    let at = page.find("typo").unwrap();
    let excerpts = capture(&page, &[at..at + 4, at + 1..at + 3]);
    assert!(
        excerpts.held_bytes() < 2 * MARGIN + 16,
        "{}",
        excerpts.held_bytes()
    );
    assert_eq!(excerpts.text(at..at + 4), Some("typo"));
    let piece = &excerpts.pieces()[0];
    assert_eq!(piece.line, 3);
    assert!(page.is_char_boundary(piece.offset));
    assert_eq!(piece.column, piece.offset - page.find(&long).unwrap());
    let column = page[page.find(&long).unwrap()..at].len() + 1;
    let shown = render(excerpts.clone(), at..at + 4);
    assert!(shown.contains(&format!("[p.md:4:{column}]")), "{shown}");
    assert!(shown.contains(" 4 │ "), "{shown}");
    let row = shown.lines().find(|l| l.contains("typo and more")).unwrap();
    let mark = shown.lines().find(|l| l.contains("┬")).unwrap();
    let col = |line: &str, pat: &str| line[..line.find(pat).unwrap()].chars().count();
    assert_eq!(col(row, "typo"), col(mark, "─"), "{shown}");
    // A span longer than an excerpt is shown up to the excerpt's end.
    let huge = capture(&page, &[10..page.len()]);
    assert!(huge.held_bytes() <= MAX_EXCERPT + 8);
    let clamped = huge.clamp(10..page.len()).unwrap();
    assert!(clamped.end < page.len());
    assert!(render(huge, clamped).contains("[p.md:3:2]"));
}

#[test]
fn a_clipped_window_does_not_split_a_crlf() {
    let long = "x".repeat(MAX_EXCERPT);
    let page = format!("{long}\r\nab\r\n{long}");
    let at = long.len() + 2;
    let excerpts = capture(&page, &[at..at + 2]);
    let piece = &excerpts.pieces()[0];
    assert!(!piece.text.starts_with('\n'));
    assert_reads_like_whole(&page, &[]);
    let read = read(&excerpts, at..at + 2, 0).unwrap();
    assert_eq!((read.3, read.4), (1, 0));
}

fn page_and_spans() -> impl Strategy<Value = (String, Vec<(usize, usize)>)> {
    "[ab é\r\n]{0,80}".prop_flat_map(|text| {
        let len = text.len();
        let spans = proptest::collection::vec((0..=len, 0..=len), 1..6);
        (Just(text), spans)
    })
}

proptest! {
    #[test]
    fn reads_like_the_whole_page((text, raw) in page_and_spans()) {
        let spans: Vec<Range<usize>> = raw
            .into_iter()
            .map(|(a, b)| {
                let a = floor_char_boundary(&text, a.min(b));
                a..floor_char_boundary(&text, b.max(a))
            })
            .collect();
        assert_reads_like_whole(&text, &spans);
    }
}
