//! Completion: level names after "Extends the " (with the list word of
//! the list the item sits in), anchors after `#` in a link (this page's
//! and, through the site index, other pages'), and page routes after
//! `](/`, a folder at a time.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use lsp_server::Request;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse,
    CompletionTextEdit, Position, Range, TextEdit,
};
use regex::Regex;

use super::navigate::{destined, Destined};
use super::outbox::Reply;
use super::page::Page;
use super::view::{Placed, View};
use crate::site::heading_anchors;

/// The request's method.
pub const METHOD: &str = "textDocument/completion";

/// Characters after which editors should ask.
pub const TRIGGERS: [&str; 3] = ["#", "/", " "];

/// The most routes one answer lists. A folder with more (thousands of
/// pages in one department) is answered with the ones that start with
/// what is typed, marked incomplete so that the editor asks again as
/// the user types: a list of every page would take longer to send and
/// read than the user waits.
const MAX_ROUTES: usize = 200;

/// A list item's start up to "Extends the " / "Extends that of the ",
/// then what is typed of the level's name.
static EXTENDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|__)?extends\s+(?:that\s+of\s+)?the\s+([^\n]*)$",
    )
    .expect("the pattern is valid")
});

/// Answers a completion request.
pub fn answer(request: &Request, view: &View<'_>) -> Reply {
    let params: CompletionParams = match serde_json::from_value(request.params.clone()) {
        Ok(params) => params,
        Err(err) => return Reply::bad_params(METHOD, &err),
    };
    let at = params.text_document_position;
    let uri = &at.text_document.uri;
    let Some(placed) = view.placed(uri) else {
        return Reply::null(format!("completion: {} is not open", uri.as_str()));
    };
    let offset = placed.page.offset(at.position);
    let source = &placed.page.doc.source;
    let line_start = placed
        .page
        .doc
        .lines
        .line_start(placed.page.doc.lines.line_of(offset));
    let before = source.get(line_start..offset).unwrap_or("");
    let mut is_incomplete = false;
    let items = if let Some(typed) = EXTENDS.captures(before).and_then(|c| c.get(1)) {
        let rest = line_rest(source, offset);
        level_names(&placed.page, offset, typed.as_str(), rest, at.position)
    } else if let Some(destination) = destination_typed(before) {
        match destination.split_once('#') {
            Some((page, typed)) => anchors(&placed, view, page, typed, at.position),
            None if destination.starts_with('/') => {
                let (items, cut) = routes(&placed, destination, at.position);
                is_incomplete = cut;
                items
            }
            None => Vec::new(),
        }
    } else {
        Vec::new()
    };
    if items.is_empty() && !is_incomplete {
        return Reply::Answer(serde_json::Value::Null);
    }
    if is_incomplete {
        return Reply::answer(CompletionResponse::List(CompletionList {
            is_incomplete,
            items,
        }));
    }
    Reply::answer(CompletionResponse::Array(items))
}

/// What follows `offset` on its line.
fn line_rest(source: &str, offset: usize) -> &str {
    let rest = source.get(offset..).unwrap_or("");
    rest.split('\n').next().unwrap_or("")
}

/// The link destination being typed at the end of `before` (after `](`
/// or a reference definition's `]: `), if the cursor is in one.
fn destination_typed(before: &str) -> Option<&str> {
    let inline = before.rfind("](").map(|i| &before[i + 2..]);
    let definition = || {
        let trimmed = before.trim_start();
        let (_, rest) = trimmed.strip_prefix('[')?.split_once("]:")?;
        Some(rest.trim_start())
    };
    let typed = inline.or_else(definition)?;
    let typed = typed.strip_prefix('<').unwrap_or(typed);
    (!typed.contains([')', ' ', '\t', '>'])).then_some(typed)
}

/// A text edit replacing the `typed` characters before `cursor`.
fn replace_typed(typed: &str, cursor: Position, text: String) -> CompletionTextEdit {
    let units = typed.encode_utf16().count() as u32;
    let start = Position {
        line: cursor.line,
        character: cursor.character.saturating_sub(units),
    };
    CompletionTextEdit::Edit(TextEdit {
        range: Range { start, end: cursor },
        new_text: text,
    })
}

/// The levels an "Extends the …" item may name: the levels below the
/// one it is in first, nearest first.
fn level_names(
    page: &Page,
    offset: usize,
    typed: &str,
    rest: &str,
    cursor: Position,
) -> Vec<CompletionItem> {
    let family = &page.family;
    let Some((current, kind)) = page.list_at(offset) else {
        return Vec::new();
    };
    let word = if rest.trim().is_empty() {
        format!(" {}", kind.word())
    } else {
        String::new()
    };
    let mut candidates: Vec<(bool, usize, usize)> = family
        .levels
        .iter()
        .enumerate()
        .filter(|(i, level)| *i != current && !level.is_implicit())
        .map(|(i, _)| {
            let below = family.is_above(current, i);
            (!below, current.abs_diff(i), i)
        })
        .collect();
    candidates.sort();
    candidates
        .into_iter()
        .enumerate()
        .map(|(rank, (_, _, i))| {
            let level = &family.levels[i];
            let name = family.name_for(i, typed);
            CompletionItem {
                label: name.clone(),
                kind: Some(CompletionItemKind::REFERENCE),
                detail: level.grade.as_ref().map(|g| format!("grade {}", g.text)),
                sort_text: Some(format!("{rank:04}")),
                filter_text: Some(name.clone()),
                text_edit: Some(replace_typed(typed, cursor, format!("{name}{word}"))),
                ..CompletionItem::default()
            }
        })
        .collect()
}

/// The anchors of the page a destination's `page` part names (this page
/// when it is empty), with their headings.
fn anchors(
    placed: &Placed<'_>,
    view: &View<'_>,
    page: &str,
    typed: &str,
    cursor: Position,
) -> Vec<CompletionItem> {
    let headings: Vec<(String, String)> = if page.is_empty() {
        headed_anchors(&placed.page, placed.layout())
    } else {
        match destined(placed, page) {
            Some(Destined::ThisPage) => headed_anchors(&placed.page, placed.layout()),
            Some(Destined::File(path, layout)) => match view.text_of(&path) {
                Some((_, text)) => headed_anchors(&Page::new(path, text), layout),
                None => Vec::new(),
            },
            None => Vec::new(),
        }
    };
    headings
        .into_iter()
        .enumerate()
        .map(|(i, (anchor, heading))| CompletionItem {
            label: anchor.clone(),
            kind: Some(CompletionItemKind::REFERENCE),
            detail: Some(heading),
            sort_text: Some(format!("{i:05}")),
            text_edit: Some(replace_typed(typed, cursor, anchor)),
            ..CompletionItem::default()
        })
        .collect()
}

/// Each heading's anchor and text, in page order.
fn headed_anchors(page: &Page, layout: crate::site::Layout) -> Vec<(String, String)> {
    heading_anchors(&page.doc, layout)
        .into_iter()
        .zip(&page.doc.headings)
        .map(|(anchor, heading)| (anchor, heading.text.clone()))
        .collect()
}

/// The next segment of the routes that continue `typed` (a route from
/// the site's root): pages and folders of the folder typed so far, and
/// whether the list was cut to [`MAX_ROUTES`].
fn routes(placed: &Placed<'_>, typed: &str, cursor: Position) -> (Vec<CompletionItem>, bool) {
    let Some(handbook) = placed.handbook else {
        return (Vec::new(), false);
    };
    let folder_end = typed.rfind('/').map_or(0, |i| i + 1);
    let (folder, partial) = typed.split_at(folder_end);
    let (segments, cut) = next_segments(handbook.routes_starting_with(folder), folder, partial);
    let items = segments
        .into_iter()
        .map(|(segment, is_page)| CompletionItem {
            label: segment.to_string(),
            kind: Some(if is_page {
                CompletionItemKind::FILE
            } else {
                CompletionItemKind::FOLDER
            }),
            text_edit: Some(replace_typed(partial, cursor, segment.to_string())),
            ..CompletionItem::default()
        })
        .collect();
    (items, cut)
}

/// The segments after `folder` of `routes` (which all start with it),
/// in order, each with whether it is a page itself (`a/`) rather than
/// only a folder of pages. When there are more than [`MAX_ROUTES`], only
/// those that start with `partial` (in any case) are kept, at most
/// [`MAX_ROUTES`] of them, and the second value is true.
fn next_segments<'a>(
    routes: impl Iterator<Item = &'a str>,
    folder: &str,
    partial: &str,
) -> (Vec<(&'a str, bool)>, bool) {
    let mut next: BTreeMap<&str, bool> = BTreeMap::new();
    for route in routes {
        let rest = &route[folder.len()..];
        let Some(end) = rest.find('/') else { continue };
        if end == 0 {
            continue;
        }
        let is_page = end + 1 == rest.len();
        *next.entry(&rest[..=end]).or_default() |= is_page;
    }
    if next.len() <= MAX_ROUTES {
        return (next.into_iter().collect(), false);
    }
    let partial = partial.to_lowercase();
    let kept = next
        .into_iter()
        .filter(|(segment, _)| segment.to_lowercase().starts_with(&partial))
        .take(MAX_ROUTES)
        .collect();
    (kept, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_being_typed_are_found() {
        assert_eq!(destination_typed("See [the levels](#sen"), Some("#sen"));
        assert_eq!(
            destination_typed("a [b](/job-families/"),
            Some("/job-families/")
        );
        assert_eq!(
            destination_typed("[x]: /handbook/#to"),
            Some("/handbook/#to")
        );
        assert_eq!(destination_typed("a [b](/x/) and more"), None);
        assert_eq!(destination_typed("plain text"), None);
    }

    #[test]
    fn extends_items_are_recognised() {
        let typed = |line: &str| EXTENDS.captures(line).map(|c| c[1].to_string());
        assert_eq!(typed("- Extends the Sen").as_deref(), Some("Sen"));
        assert_eq!(typed("* Extends that of the ").as_deref(), Some(""));
        assert_eq!(typed("1. **Extends the An").as_deref(), Some("An"));
        assert_eq!(typed("- It extends the"), None);
    }

    #[test]
    fn a_large_folder_is_cut_to_what_is_typed() {
        let small = ["/a/x/", "/a/x/y/", "/a/z/w/", "/a/"];
        let (segments, cut) = next_segments(small.into_iter(), "/a/", "");
        assert_eq!(segments, [("x/", true), ("z/", false)]);
        assert!(!cut);

        let many: Vec<String> = (0..MAX_ROUTES + 50)
            .map(|i| format!("/f/{}-{i:03}/", if i % 2 == 0 { "even" } else { "odd" }))
            .collect();
        let all = |partial| next_segments(many.iter().map(String::as_str), "/f/", partial);
        let (segments, cut) = all("Od");
        assert!(cut);
        assert_eq!(segments.len(), (MAX_ROUTES + 50) / 2);
        assert!(segments
            .iter()
            .all(|(s, page)| s.starts_with("odd-") && *page));
        let (segments, cut) = all("");
        assert!(cut);
        assert_eq!(segments.len(), MAX_ROUTES);
        assert_eq!(segments[0], ("even-000/", true));
    }
}
