//! `lost-list-marker`: a line inside a list that reads as an item of its
//! own but has no marker, so Markdown joins it to the item above; a
//! mistyped marker (`-Build`, `_ Work with`); two items on one line.

use std::ops::Range;
use std::sync::LazyLock;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::{Block, BlockKind, Container, Document, List, ListItem};
use crate::pattern::CharClass;
use crate::rules::prose::data::FUNCTION_WORD_SET;
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "lost-list-marker",
    group: Group::Layout,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Unsafe),
    summary: "a line in a list that reads as an item of its own but has no marker (\"-Build\", \"_ Work with\", an unindented new sentence), or two items on one line",
    docs: DOCS,
    check: Check::Page(check),
    prepare: Some(prepare),
};

/// Reads the class of upper-case letters that start the second of two
/// items typed on one line.
fn prepare() {
    LazyLock::force(&UPPER_CASE_LETTERS);
}

const DOCS: &str = "\
Reports list items that lost their marker. Markdown joins a line that does
not start with a list marker to the item above it (a *lazy continuation
line*), so the published page shows two items as one run-on bullet.

- **A mistyped marker** on a line inside a list, or on a paragraph beside
  a list: `-Build` or `*Build` (no space after the marker), or `_`, `=`,
  `•`, `–` or `—` typed for `-`. The fix writes the list's marker (safe).
- **A new sentence on an unindented line** inside a list item: the line
  starts with a capital letter or a number, the line above ends a sentence
  or a phrase, and the line is not indented to the item's text. The fix
  (unsafe: a person should read the line) gives it the marker of the item
  above. When the line closes the list, it may instead be a paragraph that
  lost the blank line before it: the message says both, and there is no
  fix.
- **Two items on one line**: a marker after the end of a sentence
  (`forecast.* Track the pipeline`). The fix (unsafe) breaks the line.

Deliberately wrapped lines are left alone: lines indented to the item's
text, lines after a hard line break, lines that continue a phrase (the line
above ends with a comma, a hyphen or a function word such as \"the\" or
\"with\", or the line starts in lower case), and every unindented capital
line of a list whose items are hard-wrapped that way (there a capital line
is as likely the next sentence of the same item). The function words are
the Snowball project's English stop words (`rules/function-words.txt`).

The severity is `warning`: the text is all there, but the page shows the
wrong list.

## Bad

```markdown
- Maintain the quarterly forecast.* Track the pipeline weekly
- Prepare the board reporting package
Review the budget with each department head
_ Work with the auditors on the year-end close
```

## Good

```markdown
- Maintain the quarterly forecast
- Track the pipeline weekly
- Prepare the board reporting package
- Review the budget with each department head
- Work with the auditors on the year-end close
```
";

/// Characters typed in place of a list marker, followed by a space.
const LOOKALIKE_MARKERS: &[char] = &['_', '=', '•', '·', '◦', '▪', '–', '—'];

/// Markers that need a space after them.
const BULLETS: &[char] = &['-', '*', '+'];

/// The upper-case letters (`\p{Lu}`), one of which starts the second of
/// two items typed on one line (see [`merged_markers`]).
static UPPER_CASE_LETTERS: LazyLock<CharClass> =
    LazyLock::new(|| CharClass::new(r"\p{Lu}").expect("a class"));

/// Where `text` has two items typed on one line: for each, the range from
/// the mark that ends the sentence to the next item's first letter, and
/// the marker's range. These are the matches of `[.!?;] ?([-*+•])
/// +\p{Lu}`, found without a regex: most texts hold no such mark and
/// marker, and a regex search per text run cost more than the rest of
/// the rule.
fn merged_markers(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Most texts hold no marker (the first byte of `•` is 0xE2).
    if memchr::memchr3(b'-', b'*', b'+', bytes).is_none() && memchr::memchr(0xE2, bytes).is_none() {
        return found;
    }
    let mut from = 0;
    while let Some(offset) = bytes[from..]
        .iter()
        .position(|b| matches!(b, b'.' | b'!' | b'?' | b';'))
    {
        let mark = from + offset;
        from = mark + 1;
        if let Some(merged) = merged_at(text, mark) {
            from = merged.0.end;
            found.push(merged);
        }
    }
    found
}

/// The match of [`merged_markers`]' pattern that starts at the mark at
/// byte `mark` of `text`, if there is one.
fn merged_at(text: &str, mark: usize) -> Option<(Range<usize>, Range<usize>)> {
    let marker_len = |at: usize| match text.get(at..)?.chars().next()? {
        c @ ('-' | '*' | '+' | '•') => Some(c.len_utf8()),
        _ => None,
    };
    // One space between the mark and the marker, or none.
    let marker_at =
        if text.as_bytes().get(mark + 1) == Some(&b' ') && marker_len(mark + 2).is_some() {
            mark + 2
        } else {
            mark + 1
        };
    let marker = marker_at..marker_at + marker_len(marker_at)?;
    let spaces = text[marker.end..]
        .bytes()
        .take_while(|&b| b == b' ')
        .count();
    if spaces == 0 {
        return None;
    }
    let letter_at = marker.end + spaces;
    let letter = text[letter_at..].chars().next()?;
    UPPER_CASE_LETTERS
        .contains(letter)
        .then(|| (mark..letter_at + letter.len_utf8(), marker))
}

/// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "vs.", "cf.", "incl.", "approx.", "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "sr.", "jr.",
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    for list in &doc.lists {
        lazy_lines_of(doc, list, out);
    }
    for (index, item) in doc.items.iter().enumerate() {
        merged_items(doc, index, item, out);
    }
    for (index, block) in doc.blocks.iter().enumerate() {
        if block.kind == BlockKind::Paragraph {
            paragraph_beside_a_list(doc, index, block, out);
        }
    }
}

/// The lazy continuation lines of `list`'s items that lost a marker.
fn lazy_lines_of(doc: &Document, list: &List, out: &mut Vec<Diagnostic>) {
    let lines: Vec<(&ListItem, Range<usize>)> = list
        .items
        .iter()
        .filter_map(|&i| doc.items.get(i))
        .flat_map(|item| item.lazy_lines.iter().map(move |l| (item, l.clone())))
        .collect();
    if lines.is_empty() {
        return;
    }
    let hard_wrapped = lines.iter().any(|(_, line)| continues_a_phrase(doc, line));
    for (item, line) in lines {
        if let Some(d) = mistyped_marker(doc, &line, Some(item), list.ordered) {
            out.push(d);
        } else if !hard_wrapped {
            if let Some(d) = new_sentence(doc, list, item, &line) {
                out.push(d);
            }
        }
    }
}

/// A line that starts with a mistyped marker: `-Build`, `*Build`, `+Build`,
/// or a look-alike (`_ Work`, `= Work`, `• Work`). `item` is the item whose
/// marker the fix copies.
fn mistyped_marker(
    doc: &Document,
    line: &Range<usize>,
    item: Option<&ListItem>,
    ordered: bool,
) -> Option<Diagnostic> {
    let text = doc.text(line.clone());
    let first = text.chars().next()?;
    doc.text_run_at(line.start)?;
    let after = &text[first.len_utf8()..];
    let typo_end = if BULLETS.contains(&first) {
        after.chars().next().filter(|c| c.is_uppercase())?;
        line.start + first.len_utf8()
    } else if LOOKALIKE_MARKERS.contains(&first) {
        let spaces = after.len() - after.trim_start_matches(' ').len();
        if spaces == 0 {
            return None;
        }
        let start = line.start + first.len_utf8() + spaces;
        let (_, c) = first_prose_char(doc, start..line.end)?;
        if !(c.is_uppercase() || c.is_ascii_digit()) {
            return None;
        }
        start
    } else {
        return None;
    };
    let typo = doc.text(line.start..typo_end);
    let message = if BULLETS.contains(&first) {
        format!("`{first}` needs a space after it to start a list item")
    } else {
        format!(
            "`{}` is not a list marker: the line does not start a list item",
            typo.trim_end()
        )
    };
    let d =
        Diagnostic::new(&RULE, line.start..typo_end, message).with_label("mistyped list marker");
    let line_indent = line.start - doc.lines.line_start(doc.lines.line_of(line.start));
    let prefix = item
        .filter(|i| !ordered && BULLETS.contains(&i.marker))
        .and_then(|i| fix_prefix(doc, i))
        .filter(|p| p.len() - marker_text_len(p) == line_indent);
    let d = match (prefix, item) {
        (Some(_), Some(item)) => d.with_fix(Fix::safe(
            format!("write the marker `{} `", marker_text(item)),
            Edit::replace(line.start..typo_end, format!("{} ", marker_text(item))),
        )),
        _ => d.with_help(
            "start the line with the list's marker and a space, at the indentation of its list",
        ),
    };
    Some(d)
}

/// An unindented line inside `item` that starts a new sentence after a
/// line that ends one: an item whose marker was lost, or a paragraph
/// that lost the blank line before it.
fn new_sentence(
    doc: &Document,
    list: &List,
    item: &ListItem,
    line: &Range<usize>,
) -> Option<Diagnostic> {
    let (at, first) = first_prose_char(doc, line.clone())?;
    let lead = doc.text(line.start..at);
    if !lead.chars().all(|c| matches!(c, '*' | '_' | '[' | '~')) {
        return None; // starts with code, HTML or an image
    }
    let previous = previous_line(doc, line.start);
    if runs_on(previous) {
        return None;
    }
    let ends_sentence = previous.ends_with(['.', '!', '?', ':', ';']);
    if !(first.is_uppercase() || (first.is_ascii_digit() && ends_sentence)) {
        return None;
    }
    let word_end = doc
        .text(line.clone())
        .find(char::is_whitespace)
        .map_or(line.end, |i| line.start + i);
    let span = line.start..word_end;
    let closes_list = doc.text(line.end..list.span.end).trim().is_empty();
    if closes_list {
        return Some(
            Diagnostic::new(
                &RULE,
                span,
                "this line is joined to the last item of the list: an item without its marker, or a paragraph without a blank line before it",
            )
            .with_label("no list marker")
            .with_help(format!(
                "start it with `{} ` if it is an item, or leave a blank line before it if it is a paragraph after the list",
                if list.ordered { "1." } else { marker_text(item) }
            )),
        );
    }
    let d = Diagnostic::new(
        &RULE,
        span,
        "this line reads as an item of its own but has no list marker: Markdown joins it to the item above",
    )
    .with_label("no list marker");
    Some(match fix_prefix(doc, item) {
        Some(prefix) if !list.ordered => d.with_fix(Fix::unsafe_(
            format!("start the line with `{}`", prefix.trim_start()),
            Edit::replace(
                doc.lines.line_start(doc.lines.line_of(line.start))..line.start,
                prefix,
            ),
        )),
        _ => d.with_help(
            "start the line with the list's marker, at the indentation of the item above",
        ),
    })
}

/// Two items typed on one line in `item`'s own text: a marker after the
/// end of a sentence.
fn merged_items(doc: &Document, index: usize, item: &ListItem, out: &mut Vec<Diagnostic>) {
    let Some(content) = &item.content else { return };
    let first = doc.texts.partition_point(|t| t.span.end <= content.start);
    for run in doc.texts[first..]
        .iter()
        .take_while(|t| t.span.start < content.end)
    {
        if run.container != Container::Item(index) || !run.is_verbatim() {
            continue;
        }
        for (whole, marker) in merged_markers(&run.text) {
            let marker_at = run.span.start + marker.start;
            let mut d = Diagnostic::new(
                &RULE,
                marker_at..run.span.start + marker.end,
                format!(
                    "two list items on one line: `{}` after the end of a sentence starts the next item",
                    &run.text[marker]
                ),
            )
            .with_label("marker inside the item");
            let break_from = run.span.start + whole.start + 1;
            let break_to = run.span.start + whole.end - last_char_len(&run.text[whole.clone()]);
            match fix_prefix(doc, item) {
                Some(prefix) if BULLETS.contains(&item.marker) => {
                    d = d.with_fix(Fix::unsafe_(
                        "put the second item on a line of its own",
                        Edit::replace(break_from..break_to, format!("\n{prefix}")),
                    ));
                }
                _ => d = d.with_help("put the second item on a line of its own"),
            }
            out.push(d);
        }
    }
}

/// A paragraph right before or after a list whose lines start with a
/// mistyped marker (`-Demonstrated …` above the list it belongs to).
fn paragraph_beside_a_list(doc: &Document, index: usize, block: &Block, out: &mut Vec<Diagnostic>) {
    let list_of = |b: Option<&Block>| match b.map(|b| b.kind) {
        Some(BlockKind::List(l)) => doc.lists.get(l),
        _ => None,
    };
    let before = index
        .checked_sub(1)
        .and_then(|i| list_of(doc.blocks.get(i)));
    let after = list_of(doc.blocks.get(index + 1));
    let Some(list) = after.or(before) else { return };
    // A paragraph that runs straight into a list (no blank line) belongs
    // to it; a `*` note after a blank line may be a footnote mark.
    let touching = after.is_some_and(|l| {
        doc.lines.line_of(l.span.start) == doc.lines.line_of(block.span.end.saturating_sub(1)) + 1
    });
    let model = list.items.first().and_then(|&i| doc.items.get(i));
    let first_line = doc.lines.line_of(block.span.start);
    let last_line = doc
        .lines
        .line_of(block.span.end.saturating_sub(1).max(block.span.start));
    for number in first_line..=last_line {
        let range = doc.lines.line_range(&doc.source, number);
        let text = doc.text(range.clone());
        let indent = text.len() - text.trim_start_matches(' ').len();
        let line = range.start + indent..range.end;
        if doc.text(line.clone()).starts_with('*') && !touching {
            continue;
        }
        if let Some(d) = mistyped_marker(doc, &line, model, list.ordered) {
            out.push(d);
        }
    }
}

/// The first character of prose in `range` and its offset, past
/// emphasis and link markup; `None` when code, HTML or an image comes
/// first.
fn first_prose_char(doc: &Document, range: Range<usize>) -> Option<(usize, char)> {
    let start = range.start;
    for (i, c) in doc.text(range).char_indices() {
        let at = start + i;
        if c.is_whitespace() {
            continue;
        }
        if doc.text_run_at(at).is_some() {
            return Some((at, c));
        }
        if !matches!(c, '*' | '_' | '[' | '~') {
            return None;
        }
    }
    None
}

/// Whether a lazy line plainly continues the line above: it starts in
/// lower case, or the line above breaks off mid-phrase.
fn continues_a_phrase(doc: &Document, line: &Range<usize>) -> bool {
    first_prose_char(doc, line.clone()).is_some_and(|(_, c)| c.is_lowercase())
        || runs_on(previous_line(doc, line.start))
}

/// Whether a line breaks off mid-phrase: it ends with a comma, a hyphen,
/// a slash, an opening bracket or quote, a function word, or an
/// abbreviation whose full stop ends no sentence.
fn runs_on(line: &str) -> bool {
    let line = line.trim_end();
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    if matches!(
        last,
        ',' | '-' | '–' | '—' | '/' | '&' | '(' | '[' | '+' | '“' | '‘' | '='
    ) {
        return true;
    }
    let word = line.rsplit(char::is_whitespace).next().unwrap_or("");
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) || is_initialism(&lower) {
        return true;
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    word.chars().next().is_some_and(char::is_lowercase)
        && FUNCTION_WORD_SET.contains(bare.replace('’', "'").as_str())
}

/// `e.g.`, `i.e.`, `u.s.`: single letters each followed by a full stop.
fn is_initialism(word: &str) -> bool {
    let mut letters = 0;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if !c.is_alphabetic() || chars.next() != Some('.') {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The text of the line before the one starting at or holding `offset`.
fn previous_line(doc: &Document, offset: usize) -> &str {
    let line = doc.lines.line_of(offset);
    match line.checked_sub(1) {
        Some(previous) => doc.text(doc.lines.line_range(&doc.source, previous)),
        None => "",
    }
}

/// What a new item beside `item` starts with: the item's indentation
/// (spaces only) and its marker, or `None` when the item's line holds
/// anything else before its marker (a block quote, another marker).
fn fix_prefix(doc: &Document, item: &ListItem) -> Option<String> {
    let line_start = doc
        .lines
        .line_start(doc.lines.line_of(item.marker_span.start));
    let indent = doc.text(line_start..item.marker_span.start);
    if !indent.chars().all(|c| c == ' ') {
        return None;
    }
    Some(format!("{indent}{} ", marker_text(item)))
}

/// The marker to give a new item beside `item`.
fn marker_text(item: &ListItem) -> &'static str {
    match item.marker {
        '*' => "*",
        '+' => "+",
        _ => "-",
    }
}

/// The length in bytes of the last character of `text`.
fn last_char_len(text: &str) -> usize {
    text.chars().next_back().map_or(0, char::len_utf8)
}

/// The length of the marker and its space at the end of a prefix made by
/// [`fix_prefix`].
fn marker_text_len(prefix: &str) -> usize {
    prefix.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn merged_markers_are_the_matches_of_the_whole_pattern() {
        let whole = regex::Regex::new(r"[.!?;] ?([-*+•]) +\p{Lu}").expect("pattern");
        let pieces = [
            ".", "!", ";", ",", " ", "  ", "-", "*", "•", "A", "É", "a", "ß", "Ⅳ", "ǅ", "x",
        ];
        let mut random = crate::testing::Lcg(3);
        let mut matched = 0;
        for _ in 0..20_000 {
            let text = random.mutate("Done. - Next; * Then!  •  Élan", &pieces, 5);
            let expected: Vec<(Range<usize>, Range<usize>)> = whole
                .captures_iter(&text)
                .filter_map(|c| Some((c.get(0)?.range(), c.get(1)?.range())))
                .collect();
            assert_eq!(merged_markers(&text), expected, "{text:?}");
            matched += expected.len();
        }
        assert!(matched > 1000, "{matched}");
    }

    #[test]
    fn unindented_sentences_between_items() {
        let src = "- Draft the plan\n- Review the budget.\nMeet each department head\n- Close the books\n";
        assert_eq!(lines(&RULE, src), vec![3]);
        let fix = run(&RULE, src)[0].fix.clone().expect("fix");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(fix.edits[0].replacement, "- ");
    }

    #[test]
    fn wrapped_lines_are_left_alone() {
        let src = "- Partner with the\nFinance team on planning\n- Work with sales,\nMarketing and support\n- Build reports\n  Indented line here\n";
        assert!(lines(&RULE, src).is_empty());
        // A hard-wrapped list: a capital line may be the item's next sentence.
        let wrapped = "- Own the roadmap for the\nproduct. Talk to customers.\nWrite the release notes.\n- Next item\n";
        assert!(lines(&RULE, wrapped).is_empty());
    }

    #[test]
    fn mistyped_markers() {
        let src = "- Lead the team\n-Build the plan\n_ Work with finance\n- Hire\n";
        assert_eq!(lines(&RULE, src), vec![2, 3]);
        let fixes: Vec<String> = run(&RULE, src)
            .iter()
            .filter_map(|d| d.fix.as_ref().map(|f| f.edits[0].replacement.clone()))
            .collect();
        assert_eq!(fixes, vec!["- ", "- "]);
        let beside = "## Requirements\n\n-Five years of experience\n- Ability to use GitLab\n";
        assert_eq!(lines(&RULE, beside), vec![3]);
        let note = "- one\n- two\n\n*Notes are welcome\n";
        assert!(lines(&RULE, note).is_empty());
    }

    #[test]
    fn merged_items_on_one_line() {
        let src = "- Own the forecast.* Track the pipeline\n- Next\n";
        assert_eq!(lines(&RULE, src), vec![1]);
        let fix = run(&RULE, src)[0].fix.clone().expect("fix");
        assert_eq!(&src[fix.edits[0].range()], "* ");
        assert_eq!(fix.edits[0].replacement, "\n- ");
    }

    #[test]
    fn a_paragraph_joined_to_the_last_item_has_no_fix() {
        let src = "- The last step is an offer.\nMore details are on the hiring page.\n";
        let found = run(&RULE, src);
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn abbreviations_and_initialisms_run_on() {
        assert!(runs_on("such as, e.g."));
        assert!(runs_on("reports to the Sr."));
        assert!(runs_on("work with the"));
        assert!(!runs_on("the end."));
        assert!(!runs_on("Global Digital"));
    }
}
