//! `duplicate-block`: the same item twice in one list, or the same
//! paragraph twice in one section.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;
use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::{BlockKind, Document, List, ListItem};
use crate::rules::{Check, Context, Fixable, Group, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "duplicate-block",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: Fixable::Sometimes(Applicability::Safe),
    summary: "the same item twice in one list, or the same paragraph (or a paragraph and an item) twice in one section",
    docs: DOCS,
    check: Check::Page(check),
    prepare: None,
};

const DOCS: &str = "\
Reports a list item that repeats an earlier item of the same list, and a
paragraph that repeats an earlier paragraph or list item of the same
section (between the same two headings). Both are copy-and-paste slips: a hiring step
listed twice, a requirement pasted twice into one level.

Texts are compared as a reader reads them: letter case, punctuation and
spacing do not matter (\"Ability to use GitLab.\" repeats \"Ability to use
GitLab\"), link destinations do. A parent item is compared with its nested
items, so two parents whose sub-items differ are not repeats. Paragraphs
of fewer than four words are not compared.

Across the levels of one nested list, an item of four words or more
that repeats an item at another depth is reported too: one copy lost
(or gained) its indentation. The same sub-item under two different
parents at one depth is the normal layout and is left alone.

The same text in different sections is not reported: job-family pages
repeat the hiring process, \"reports to\" and similar sentences under every
level by design. A bullet that repeats the level it extends is
`extends-redundant`'s finding.

The finding is on the second copy. When the two are written exactly alike,
the fix deletes the second (safe: nothing is lost); otherwise a person
should choose which wording to keep. A paragraph that repeats an item
(a closing remark also typed as the list's first step) has no fix: it is
for a person to say which of the two belongs where.

The severity is `warning`: the page reads oddly but says nothing wrong.

## Bad

```markdown
1. A screening call with a recruiter
2. An interview with the hiring manager
3. An interview with the hiring manager
4. An interview with a peer
```

## Good

```markdown
1. A screening call with a recruiter
2. An interview with the hiring manager
3. An interview with a peer
```
";

/// How much of their [`normalise`]d text the items of a list whose
/// [`fingerprint`]s are alike are compared by before they are read in
/// full, in bytes.
const BEGINNING_BYTES: usize = 48;

/// Paragraphs shorter than this, in words, are not compared.
const MIN_PARAGRAPH_WORDS: usize = 4;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let mut reported = HashSet::default();
    for list in &doc.lists {
        repeated_items(doc, list, &mut reported, out);
    }
    let keys = ItemKeys::new(doc);
    for list in doc.lists.iter().filter(|l| l.parent_item.is_none()) {
        items_at_another_depth(doc, &keys, list, &reported, out);
    }
    repeated_paragraphs(doc, &keys, out);
}

/// The [`normalise`]d own text of each list item, worked out once.
struct ItemKeys<'d> {
    doc: &'d Document,
    keys: Vec<OnceCell<Option<String>>>,
}

impl<'d> ItemKeys<'d> {
    fn new(doc: &'d Document) -> ItemKeys<'d> {
        ItemKeys {
            doc,
            keys: (0..doc.items.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    /// The key of item `index`'s own content (`None` for an empty item).
    fn of(&self, index: usize) -> Option<&str> {
        let cell = self.keys.get(index)?;
        cell.get_or_init(|| {
            let content = self.doc.items.get(index)?.content.clone()?;
            Some(normalise(self.doc.text(content)))
        })
        .as_deref()
    }
}

/// Items of `list` that repeat an earlier item of it; their indexes go
/// into `reported`.
fn repeated_items(
    doc: &Document,
    list: &List,
    reported: &mut HashSet<usize, FixedState>,
    out: &mut Vec<Diagnostic>,
) {
    let written = |item: &ListItem| doc.text(item.marker_span.end..item.span.end);
    // An item's text holds its sub-items: comparing the beginnings first
    // keeps a deep list from being read in full once per level. An item
    // whose beginning no other item shares repeats none, and one whose
    // fingerprint no other item shares has such a beginning.
    let text_of = |i: usize| doc.items.get(i).map_or("", written);
    let fingerprints: Vec<(u64, usize)> = list
        .items
        .iter()
        .map(|&i| fingerprint(text_of(i)))
        .collect();
    let mut shared: HashMap<(u64, usize), usize, FixedState> =
        HashMap::with_capacity_and_hasher(fingerprints.len(), FixedState::default());
    for &print in &fingerprints {
        *shared.entry(print).or_default() += 1;
    }
    let beginning_of: Vec<String> = list
        .items
        .iter()
        .zip(&fingerprints)
        .map(|(&i, print)| {
            if shared.get(print).is_some_and(|&n| n > 1) {
                normalise_up_to(text_of(i), BEGINNING_BYTES)
            } else {
                String::new()
            }
        })
        .collect();
    let mut beginnings: HashMap<&str, usize, FixedState> =
        HashMap::with_capacity_and_hasher(beginning_of.len(), FixedState::default());
    for beginning in &beginning_of {
        *beginnings.entry(beginning).or_default() += 1;
    }
    let mut seen: HashMap<String, usize, FixedState> = HashMap::default();
    for (&index, beginning) in list.items.iter().zip(&beginning_of) {
        let Some(item) = doc.items.get(index) else {
            continue;
        };
        if item.content.is_none() {
            continue; // an empty item is `list-marker`'s
        }
        let written = written(item);
        let unshared =
            beginning.is_empty() || beginnings.get(beginning.as_str()).is_none_or(|&n| n < 2);
        if unshared {
            continue;
        }
        let key = normalise(written);
        if key.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        let Some(&first) = seen.get(&key) else {
            seen.insert(key, index);
            continue;
        };
        let Some(earlier) = doc.items.get(first) else {
            continue;
        };
        let line = doc.line_number(earlier.marker_span.start);
        let content = item.content.clone().unwrap_or(item.marker_span.clone());
        let mut d = Diagnostic::new(
            &RULE,
            content,
            format!("this item repeats the item on line {line} of the same list"),
        )
        .with_label("repeated item");
        let same = written.trim() == doc.text(earlier.marker_span.end..earlier.span.end).trim();
        let one_line = !written.trim().contains('\n');
        if same && one_line && item.sublists.is_empty() {
            let lines = whole_lines(doc, item.marker_span.start..item.marker_span.start);
            d = d.with_fix(Fix::safe("delete the repeated item", Edit::delete(lines)));
        } else {
            d = d.with_help("delete one of the two items");
        }
        reported.insert(index);
        out.push(d);
    }
}

/// Items of the list tree under `list` that repeat an earlier item of
/// the tree nested at another depth: an item whose indentation was lost
/// (or added) when it was copied. Only items without sub-items and of
/// four words or more are compared; the same item under two different
/// parents at one depth is left alone.
fn items_at_another_depth(
    doc: &Document,
    keys: &ItemKeys<'_>,
    list: &List,
    reported: &HashSet<usize, FixedState>,
    out: &mut Vec<Diagnostic>,
) {
    // A list without sub-items has one depth only.
    let nested = list.items.iter().any(|&i| {
        doc.items
            .get(i)
            .is_some_and(|item| !item.sublists.is_empty())
    });
    if !nested {
        return;
    }
    let mut seen: HashMap<&str, (usize, usize), FixedState> = HashMap::default();
    let mut pending: Vec<(usize, usize)> = list.items.iter().rev().map(|&i| (i, 0)).collect();
    while let Some((index, depth)) = pending.pop() {
        let Some(item) = doc.items.get(index) else {
            continue;
        };
        for &sublist in item.sublists.iter().rev() {
            if let Some(sub) = doc.lists.get(sublist) {
                pending.extend(sub.items.iter().rev().map(|&i| (i, depth + 1)));
            }
        }
        let (Some(content), Some(key)) = (item.content.clone(), keys.of(index)) else {
            continue;
        };
        if !item.sublists.is_empty() || word_count(key) < MIN_PARAGRAPH_WORDS {
            continue;
        }
        match seen.get(key) {
            None => {
                seen.insert(key, (index, depth));
            }
            Some(&(first, first_depth)) if first_depth != depth && !reported.contains(&index) => {
                let Some(earlier) = doc.items.get(first) else {
                    continue;
                };
                let line = doc.line_number(earlier.marker_span.start);
                out.push(
                    Diagnostic::new(
                        &RULE,
                        content,
                        format!(
                            "this item repeats the item on line {line} of the same list, at another nesting level"
                        ),
                    )
                    .with_label("repeated item")
                    .with_help("delete one of the two items, or indent it under the item it belongs to"),
                );
            }
            Some(_) => {}
        }
    }
}

/// Paragraphs that repeat an earlier paragraph, or an item of an earlier
/// list, of the same section. Paragraphs and items are filed by their
/// [`fingerprint`]: a paragraph is read in full only when an earlier
/// paragraph or item of its section shares its fingerprint.
fn repeated_paragraphs(doc: &Document, keys: &ItemKeys<'_>, out: &mut Vec<Diagnostic>) {
    let mut paragraphs: HashMap<(u64, usize), Vec<Earlier>, FixedState> = HashMap::default();
    let mut items: HashMap<(u64, usize), Vec<usize>, FixedState> = HashMap::default();
    // The lists of the section not noted yet.
    let mut unread_lists: Vec<usize> = Vec::new();
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Heading(_) => {
                paragraphs.clear();
                items.clear();
                unread_lists.clear();
            }
            BlockKind::List(list) => unread_lists.push(list),
            BlockKind::Paragraph => {
                for list in unread_lists.drain(..) {
                    note_items(doc, list, &mut items);
                }
                let span = block.span.clone();
                let text = doc.text(span.clone());
                let print = fingerprint(text);
                let (earlier, earlier_items) = (paragraphs.get(&print), items.get(&print));
                if earlier.is_none() && earlier_items.is_none() {
                    paragraphs
                        .entry(print)
                        .or_default()
                        .push(Earlier::unread(span));
                    continue;
                }
                let key = normalise(text);
                if word_count(&key) < MIN_PARAGRAPH_WORDS {
                    continue;
                }
                let same = |earlier: &&Earlier| earlier.key(doc) == Some(key.as_str());
                if let Some(first) = earlier.and_then(|e| e.iter().find(same)) {
                    out.push(repeated_paragraph(doc, span, first.span.clone()));
                    continue;
                }
                let item = earlier_items
                    .and_then(|e| e.iter().find(|&&i| keys.of(i) == Some(key.as_str())))
                    .and_then(|&i| doc.items.get(i));
                match item {
                    Some(item) => out.push(repeats_item(doc, span, item)),
                    None => paragraphs
                        .entry(print)
                        .or_default()
                        .push(Earlier::read(span, key)),
                }
            }
            _ => {}
        }
    }
}

/// A paragraph of the section so far, with its key once read.
struct Earlier {
    span: Range<usize>,
    /// Its [`normalise`]d text; `None` when it is too short to compare.
    key: OnceCell<Option<String>>,
}

impl Earlier {
    /// A paragraph not read yet: no other of its section shared its
    /// fingerprint so far.
    fn unread(span: Range<usize>) -> Earlier {
        Earlier {
            span,
            key: OnceCell::new(),
        }
    }

    /// A paragraph read already, with its key.
    fn read(span: Range<usize>, key: String) -> Earlier {
        Earlier {
            span,
            key: OnceCell::from(Some(key)),
        }
    }

    /// Its key, if it has enough words to be compared.
    fn key(&self, doc: &Document) -> Option<&str> {
        self.key
            .get_or_init(|| {
                let key = normalise(doc.text(self.span.clone()));
                (word_count(&key) >= MIN_PARAGRAPH_WORDS).then_some(key)
            })
            .as_deref()
    }
}

/// The finding on a paragraph at `span` that repeats `item`.
fn repeats_item(doc: &Document, span: Range<usize>, item: &ListItem) -> Diagnostic {
    let line = doc.line_number(item.marker_span.start);
    Diagnostic::new(
        &RULE,
        trimmed_span(doc, span),
        format!("this paragraph repeats the item on line {line}, in the list above"),
    )
    .with_label("repeated item")
    .with_help("keep one of the two: the item or the paragraph")
}

/// Files the items of `list` (nested ones included) by the fingerprint of
/// their own text, in the order of a depth-first walk: a list's items,
/// then their sub-lists, the last item's first. That order decides which
/// of equal items a paragraph is said to repeat.
fn note_items(
    doc: &Document,
    list: usize,
    items: &mut HashMap<(u64, usize), Vec<usize>, FixedState>,
) {
    let mut lists = vec![list];
    while let Some(list) = lists.pop() {
        let Some(list) = doc.lists.get(list) else {
            continue;
        };
        for &index in &list.items {
            let Some(item) = doc.items.get(index) else {
                continue;
            };
            if let Some(content) = &item.content {
                let print = fingerprint(doc.text(content.clone()));
                items.entry(print).or_default().push(index);
            }
            lists.extend(item.sublists.iter().copied());
        }
    }
}

/// The finding on `paragraph`, which repeats the paragraph at `first`;
/// with a fix that deletes it when the two are written alike.
fn repeated_paragraph(doc: &Document, paragraph: Range<usize>, first: Range<usize>) -> Diagnostic {
    let line = doc.line_number(first.start);
    let trimmed = trimmed_span(doc, paragraph.clone());
    let d = Diagnostic::new(
        &RULE,
        trimmed.clone(),
        format!("this paragraph repeats the paragraph on line {line} of the same section"),
    )
    .with_label("repeated paragraph");
    if doc.text(paragraph).trim() != doc.text(first).trim() {
        return d.with_help("delete one of the two paragraphs");
    }
    let mut lines = whole_lines(doc, trimmed);
    let next = doc
        .lines
        .line_range(&doc.source, doc.lines.line_of(lines.end));
    if lines.end < doc.source.len() && doc.text(next).trim().is_empty() {
        lines.end = doc.lines.line_start(doc.lines.line_of(lines.end) + 1);
    }
    d.with_fix(Fix::safe(
        "delete the repeated paragraph",
        Edit::delete(lines),
    ))
}

/// The text as a reader compares it: lower case, words of letters and
/// digits separated by one space.
fn normalise(text: &str) -> String {
    normalise_up_to(text, usize::MAX)
}

/// The beginning of [`normalise`]'s text: up to the first character (or
/// space) that ends at or past `limit` bytes. Texts whose normalised
/// forms are equal have equal beginnings.
fn normalise_up_to(text: &str, limit: usize) -> String {
    let mut key: Vec<u8> = Vec::with_capacity(text.len().min(limit.saturating_add(4)));
    normalise_into(text, limit, |piece| key.extend_from_slice(piece));
    // Whole characters were pushed, so the key is UTF-8.
    String::from_utf8(key).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The first eight bytes of [`normalise_up_to`]`(text, 8)`, packed, and
/// its length: texts whose beginnings (of any longer limit) are equal
/// have equal fingerprints, and reading one takes a few bytes of text.
fn fingerprint(text: &str) -> (u64, usize) {
    let mut packed = [0u8; 8];
    let mut length = 0;
    normalise_into(text, packed.len(), |piece| {
        for &byte in piece {
            if let Some(slot) = packed.get_mut(length) {
                *slot = byte;
            }
            length += 1;
        }
    });
    (u64::from_le_bytes(packed), length)
}

/// Hands [`normalise_up_to`]'s text to `push`, a character or a space at
/// a time.
fn normalise_into(text: &str, limit: usize, mut push: impl FnMut(&[u8])) {
    let mut length = 0;
    let mut gap = false;
    let mut at = 0;
    while let Some(&byte) = text.as_bytes().get(at) {
        if length >= limit {
            break;
        }
        // ASCII, most of a page, is read byte by byte through a table;
        // other characters are decoded.
        let folded = KEY_BYTE[usize::from(byte)];
        let other = if folded == NOT_ASCII {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += c.len_utf8();
            Some(c).filter(|c| c.is_alphanumeric())
        } else {
            at += 1;
            None
        };
        if folded == GAP || (folded == NOT_ASCII && other.is_none()) {
            gap = true;
            continue;
        }
        if gap && length > 0 {
            push(b" ");
            length += 1;
            if length >= limit {
                break;
            }
        }
        gap = false;
        let Some(c) = other else {
            push(&[folded]);
            length += 1;
            continue;
        };
        // The limit is checked after each character pushed.
        let mut buffer = [0; 4];
        for lower in c.to_lowercase() {
            if length >= limit {
                break;
            }
            let piece = lower.encode_utf8(&mut buffer).as_bytes();
            push(piece);
            length += piece.len();
        }
    }
}

/// [`KEY_BYTE`] of an ASCII character that is not a letter or digit.
const GAP: u8 = 0;
/// [`KEY_BYTE`] of a byte outside ASCII.
const NOT_ASCII: u8 = 0xFF;

/// What each byte adds to a key: an ASCII letter or digit in lower case,
/// [`GAP`] for other ASCII, [`NOT_ASCII`] for the rest.
static KEY_BYTE: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_alphanumeric() {
            b.to_ascii_lowercase()
        } else {
            GAP
        };
        byte += 1;
    }
    table
};

/// The number of words of a [`normalise`]d text (one for an empty one,
/// as splitting it at spaces gives).
fn word_count(key: &str) -> usize {
    key.bytes().filter(|&b| b == b' ').count() + 1
}

/// `span` without the white space at its ends.
fn trimmed_span(doc: &Document, span: Range<usize>) -> Range<usize> {
    let text = doc.text(span.clone());
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.start + text.trim_end().len();
    start..end.max(start)
}

/// The whole lines that hold `span`, line endings included.
fn whole_lines(doc: &Document, span: Range<usize>) -> Range<usize> {
    let first = doc.lines.line_of(span.start);
    let last = doc
        .lines
        .line_of(span.end.saturating_sub(1).max(span.start));
    let end = doc.lines.line_start(last + 1).min(doc.source.len());
    doc.lines.line_start(first)..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn normalising_joins_lower_case_words_with_one_space() {
        /// Words of letters and digits, lower-cased, joined by a space.
        fn by_words(text: &str) -> String {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        }
        for text in [
            "",
            "  Ability to  use GitLab. ",
            "1. First -- second\n   - third_item (a/b)!",
            "don't stop; 42x",
            "\u{2018}Ünïcode\u{2019} — İstanbul ΣΑΣ",
        ] {
            assert_eq!(normalise(text), by_words(text), "{text:?}");
            assert_eq!(
                normalise_up_to(text, usize::MAX),
                by_words(text),
                "{text:?}"
            );
            assert_eq!(
                word_count(&normalise(text)),
                normalise(text).split(' ').count()
            );
            for limit in [1, 5, 48] {
                let beginning = normalise_up_to(text, limit);
                assert!(by_words(text).starts_with(&beginning), "{text:?} {limit}");
                assert!(beginning.len() >= limit.min(by_words(text).len()));
            }
        }
    }

    /// A fingerprint is the first eight bytes of the text's beginning and
    /// that beginning's length, so equal beginnings give equal ones.
    #[test]
    fn fingerprints_are_the_first_bytes_of_the_beginning() {
        let mut rng = crate::testing::Lcg(0xf1_9e4b_5eed);
        let pieces = ["a", "B", "1", " ", "-", ".", "İ", "ß", "É", "x y", "\n  - "];
        for _ in 0..20_000 {
            let text = rng.pieces(&pieces, 14);
            let beginning = normalise_up_to(&text, 8);
            let mut packed = [0u8; 8];
            for (slot, byte) in packed.iter_mut().zip(beginning.bytes()) {
                *slot = byte;
            }
            assert_eq!(
                fingerprint(&text),
                (u64::from_le_bytes(packed), beginning.len()),
                "{text:?}"
            );
            assert!(normalise_up_to(&text, BEGINNING_BYTES).starts_with(&beginning));
        }
    }

    /// The comparison of paragraphs as it reads every paragraph and item
    /// in full: what [`repeated_paragraphs`] must find.
    fn repeated_paragraphs_read_in_full(doc: &Document) -> Vec<(usize, String)> {
        let keys = ItemKeys::new(doc);
        let mut found = Vec::new();
        let mut seen: HashMap<String, Range<usize>, FixedState> = HashMap::default();
        let mut items: HashMap<&str, usize, FixedState> = HashMap::default();
        let mut unread_lists: Vec<usize> = Vec::new();
        for block in &doc.blocks {
            match block.kind {
                BlockKind::Heading(_) => {
                    seen.clear();
                    items.clear();
                    unread_lists.clear();
                }
                BlockKind::List(list) => unread_lists.push(list),
                BlockKind::Paragraph => {
                    let key = normalise(doc.text(block.span.clone()));
                    if word_count(&key) < MIN_PARAGRAPH_WORDS {
                        continue;
                    }
                    let line = doc.line_number(block.span.start);
                    if let Some(first) = seen.get(&key) {
                        found.push((line, format!("paragraph {}", doc.line_number(first.start))));
                        continue;
                    }
                    for list in unread_lists.drain(..) {
                        let mut lists = vec![list];
                        while let Some(list) = lists.pop() {
                            for &index in &doc.lists[list].items {
                                if let Some(key) = keys.of(index) {
                                    if word_count(key) >= MIN_PARAGRAPH_WORDS {
                                        items.entry(key).or_insert(index);
                                    }
                                }
                                lists.extend(doc.items[index].sublists.iter().copied());
                            }
                        }
                    }
                    match items.get(key.as_str()) {
                        Some(&i) => found.push((
                            line,
                            format!("item {}", doc.line_number(doc.items[i].marker_span.start)),
                        )),
                        None => {
                            seen.insert(key, block.span.clone());
                        }
                    }
                }
                _ => {}
            }
        }
        found
    }

    /// Filing paragraphs and items by fingerprint finds what reading them
    /// all in full finds, on random pages of repeated texts.
    #[test]
    fn fingerprints_find_what_reading_in_full_finds() {
        let mut rng = crate::testing::Lcg(0x9a4a_6e5c);
        let texts = [
            "Ability to use GitLab",
            "ability to use gitlab.",
            "Ability to use GitLab well",
            "Ability to",
            "Strong written and verbal skills",
            "Strong written, and verbal skills!",
            "Strong",
            "İstanbul office team members",
            "istanbul office team members",
        ];
        for _ in 0..3_000 {
            let mut page = String::new();
            for _ in 0..rng.below(12) {
                let text = texts[rng.below(texts.len())];
                match rng.below(6) {
                    0 => page.push_str("## Section\n\n"),
                    1 | 2 => page.push_str(&format!("{text}\n\n")),
                    3 => page.push_str(&format!(
                        "- {text}\n  - {}\n\n",
                        texts[rng.below(texts.len())]
                    )),
                    _ => page.push_str(&format!("- {text}\n\n")),
                }
            }
            let doc = Document::parse("test.md", page.clone());
            let mut out = Vec::new();
            repeated_paragraphs(&doc, &ItemKeys::new(&doc), &mut out);
            let found: Vec<(usize, String)> = out
                .iter()
                .map(|d| {
                    let line = doc.line_number(d.span.start);
                    let of = d.message.rsplit_once("line ").map_or("", |(_, l)| l);
                    let number: String = of.chars().take_while(char::is_ascii_digit).collect();
                    let kind = if d.message.contains("the item") {
                        "item"
                    } else {
                        "paragraph"
                    };
                    (line, format!("{kind} {number}"))
                })
                .collect();
            assert_eq!(found, repeated_paragraphs_read_in_full(&doc), "{page}");
        }
    }

    #[test]
    fn repeated_items_of_one_list() {
        let src = "- Ability to use GitLab.\n- Strong writing\n- Ability to use GitLab\n\n- Strong writing\n";
        assert_eq!(lines(&RULE, src), vec![3, 5]);
        let found = run(&RULE, src);
        assert!(found[0].fix.is_none(), "the wording differs");
        let fix = found[1].fix.clone().expect("exact copy");
        assert_eq!(&src[fix.edits[0].range()], "- Strong writing\n");
    }

    #[test]
    fn different_lists_and_different_sub_items_are_not_repeats() {
        let src = "- Intro\n\nText.\n\n- Intro\n\n1. Parent\n   - one\n2. Parent\n   - two\n";
        assert!(lines(&RULE, src).is_empty());
    }

    #[test]
    fn repeated_paragraphs_of_one_section() {
        let src = "## Hiring\n\nThe recruiter calls you first.\n\n- step\n\nThe recruiter calls you first.\n\n## Next\n\nThe recruiter calls you first.\n\nShort one.\n\nShort one.\n";
        assert_eq!(lines(&RULE, src), vec![7]);
        let fix = run(&RULE, src)[0].fix.clone().expect("exact copy");
        assert_eq!(
            &src[fix.edits[0].range()],
            "The recruiter calls you first.\n\n"
        );
    }

    #[test]
    fn an_item_repeated_at_another_depth_of_one_list() {
        let src = "- Own the plan\n  - Review the plan every quarter\n- Review the plan every quarter\n- Hire the team\n  - Interview every new engineer\n- Grow the team\n  - Interview every new engineer\n\nA list of its own:\n\n- Review the plan every quarter\n";
        let found = run(&RULE, src);
        assert_eq!(lines(&RULE, src), vec![3]);
        assert!(found[0].message.contains("line 2"));
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn a_paragraph_that_repeats_an_item_above_it() {
        let src = "## Hiring\n\n- A call with the recruiter\n  - More on our hiring page.\n\nMore on our [hiring](/h/) page.\n\nMore on our hiring page\n\n## Next\n\nA call with the recruiter\n";
        let found = run(&RULE, src);
        assert_eq!(lines(&RULE, src), vec![8]);
        assert!(found[0].message.contains("item on line 4"));
        assert!(found[0].fix.is_none(), "which copy to keep is a choice");
    }

    #[test]
    fn normalising_ignores_case_and_punctuation() {
        assert_eq!(
            normalise("Ability to  use GitLab."),
            "ability to use gitlab"
        );
    }
}
