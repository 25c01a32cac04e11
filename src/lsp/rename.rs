//! Rename a level: its heading, the sub-headings and grade sentence that
//! name it, the "Extends" references to it, and every link to an anchor
//! that changes as a result, on this page and on the other pages of the
//! workspace, in one workspace edit.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use lsp_server::{ErrorCode, Request};
use lsp_types::{
    DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, PrepareRenameResponse,
    RenameParams, TextDocumentEdit, TextDocumentPositionParams, TextEdit, Uri, WorkspaceEdit,
};

use super::convert::{path_to_uri, Text};
use super::outbox::Reply;
use super::view::{Placed, View};
use super::ClientSupport;
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::family::names;
use crate::site::link::Target;
use crate::site::{heading_anchors, Destination, PageRef, Resolution, SiteIndex};

/// The prepare request's method.
pub const PREPARE_METHOD: &str = "textDocument/prepareRename";

/// The rename request's method.
pub const METHOD: &str = "textDocument/rename";

/// Answers a prepare-rename request: the level name under the cursor.
pub fn prepare(request: &Request, view: &View<'_>) -> Reply {
    let params: TextDocumentPositionParams = match serde_json::from_value(request.params.clone()) {
        Ok(params) => params,
        Err(err) => return Reply::bad_params(PREPARE_METHOD, &err),
    };
    let uri = &params.text_document.uri;
    let Some(placed) = view.placed(uri) else {
        return Reply::null(format!("rename: {} is not open", uri.as_str()));
    };
    let page = &placed.page;
    let offset = page.offset(params.position);
    let Some(heading) = level_heading(&placed, offset) else {
        return Reply::Answer(serde_json::Value::Null);
    };
    let span = name_span(&page.doc, heading);
    Reply::answer(PrepareRenameResponse::RangeWithPlaceholder {
        range: page.range(span),
        placeholder: page.doc.headings[heading].text.clone(),
    })
}

/// Answers a rename request.
pub fn answer(request: &Request, view: &View<'_>, client: &ClientSupport) -> Reply {
    let params: RenameParams = match serde_json::from_value(request.params.clone()) {
        Ok(params) => params,
        Err(err) => return Reply::bad_params(METHOD, &err),
    };
    let at = params.text_document_position;
    let uri = &at.text_document.uri;
    let Some(placed) = view.placed(uri) else {
        return Reply::null(format!("rename: {} is not open", uri.as_str()));
    };
    let new_name = params.new_name.trim();
    if new_name.is_empty() || new_name.contains(['\n', '\r', '#']) {
        return Reply::Refuse(
            ErrorCode::InvalidParams,
            format!("rename: `{new_name}` cannot be a level name"),
        );
    }
    let offset = placed.page.offset(at.position);
    let Some(heading) = level_heading(&placed, offset) else {
        return Reply::Refuse(
            ErrorCode::InvalidParams,
            "rename: only a level's heading can be renamed here".to_string(),
        );
    };
    let (page_edits, anchors) = page_edits(&placed, heading, new_name);
    let mut files: Vec<FileEdits> = vec![FileEdits {
        uri: uri.clone(),
        version: view.documents.get(uri).map(|d| d.version),
        text: Arc::clone(&placed.page.doc.source),
        edits: page_edits,
    }];
    if !anchors.is_empty() {
        files.extend(other_pages(&placed, view, uri, &anchors));
    }
    Reply::answer(workspace_edit(files, client))
}

/// The heading of the level whose heading line holds `offset`.
fn level_heading(placed: &Placed<'_>, offset: usize) -> Option<usize> {
    let level = placed.page.level_heading_at(offset)?;
    placed.page.family.levels[level].heading
}

/// The edits of the page itself, and the anchors they change (old to
/// new).
fn page_edits(
    placed: &Placed<'_>,
    heading: usize,
    new_name: &str,
) -> (Vec<Edit>, BTreeMap<String, String>) {
    let page = &placed.page;
    let doc = &page.doc;
    let family = &page.family;
    let Some(level) = family
        .levels
        .iter()
        .position(|l| l.heading == Some(heading))
    else {
        return (Vec::new(), BTreeMap::new());
    };
    let l = &family.levels[level];
    let mut edits = vec![Edit::replace(name_span(doc, heading), new_name)];
    let roles = l
        .subheadings
        .iter()
        .filter_map(|sub| sub.role.as_ref().map(|(role, span)| (role, span)))
        .chain(l.grade.as_ref().and_then(|g| {
            let span = g.role_span.as_ref().filter(|s| l.span.contains(&s.start))?;
            Some((g.role.as_ref()?, span))
        }));
    for (role, span) in roles {
        // The role as written: markup may surround the name.
        let written = doc.text(span.clone());
        if let Some(renamed) = renamed_role(&l.name, written, new_name) {
            edits.push(Edit::replace(span.clone(), renamed));
        } else if l.answers_to(role) {
            edits.push(Edit::replace(span.clone(), new_name));
        }
    }
    for other in &family.levels {
        for extends in &other.extends {
            if extends.target == Some(level) && !extends.links_elsewhere() {
                let name = reference_form(new_name, &extends.reference);
                edits.push(Edit::replace(extends.reference_span.clone(), name));
            }
        }
    }
    let layout = placed.layout();
    let before = heading_anchors(doc, layout);
    let renamed = Document::parse(&doc.path, Arc::new(apply(&doc.source, &edits)));
    let after = heading_anchors(&renamed, layout);
    let anchors: BTreeMap<String, String> = before
        .into_iter()
        .zip(after)
        .filter(|(old, new)| old != new)
        .collect();
    edits.extend(link_edits(doc, &anchors, |destination| {
        matches!(
            resolve(placed.site(), placed.here.as_ref(), &doc.path, destination),
            Some(Resolution::ThisPage)
        )
    }));
    (edits, anchors)
}

/// A role (a sub-heading's or grade sentence's) that names the level
/// `old`, renamed to `new`, keeping its form: the level's name itself,
/// the name with the title turned round ("SEC Manager" for "Manager,
/// SEC"), or the name within a longer role ("Associate Recruiter" for
/// "Associate"). `None` when the role does not name the level so.
fn renamed_role(old: &str, role: &str, new: &str) -> Option<String> {
    if names::key(role) == names::key(old) {
        return Some(new.to_string());
    }
    if let Some(turned) = names::title_last(old) {
        if names::key(&turned) == names::key(role) {
            return Some(names::title_last(new).unwrap_or_else(|| new.to_string()));
        }
    }
    let at = find_words(role, old)?;
    Some(format!("{}{new}{}", &role[..at], &role[at + old.len()..]))
}

/// Where `words` occurs in `text` as whole words, ignoring ASCII case.
fn find_words(text: &str, words: &str) -> Option<usize> {
    if words.is_empty() {
        return None;
    }
    let lower_text = text.to_ascii_lowercase();
    let lower_words = words.to_ascii_lowercase();
    lower_text
        .match_indices(&lower_words)
        .map(|(i, _)| i)
        .find(|&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + words.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// The new name as a reference writes it: without "(Intermediate)" when
/// the reference left it out.
fn reference_form(new_name: &str, reference: &str) -> String {
    if reference.to_lowercase().contains("intermediate") {
        return new_name.to_string();
    }
    let lower = new_name.to_lowercase();
    match lower.rfind("(intermediate)") {
        Some(i) if i > 0 && lower.ends_with("(intermediate)") => {
            new_name[..i].trim_end().to_string()
        }
        _ => new_name.to_string(),
    }
}

/// The heading's name as written: its line without the `#` markers, a
/// closing `#` run, a `{#id}` attribute and surrounding spaces.
pub fn name_span(doc: &Document, heading: usize) -> Range<usize> {
    let h = &doc.headings[heading];
    let line = doc
        .lines
        .line_range(&doc.source, doc.lines.line_of(h.span.start));
    let text = doc.text(line.clone());
    let mut start = text.len() - text.trim_start().len();
    if text[start..].starts_with('#') {
        start += text[start..].len() - text[start..].trim_start_matches('#').len();
        start += text[start..].len() - text[start..].trim_start().len();
    }
    let mut end = text.trim_end().len().max(start);
    if h.custom_id.is_some() && text[..end].ends_with('}') {
        if let Some(open) = text[start..end].rfind('{') {
            end = text[..start + open].trim_end().len().max(start);
        }
    }
    let closing = text[start..end].trim_end_matches('#');
    if closing.len() < end - start && (closing.is_empty() || closing.ends_with([' ', '\t'])) {
        end = start + closing.trim_end().len();
    }
    line.start + start..line.start + end.max(start)
}

/// Resolves a destination written on a page.
fn resolve(
    site: Option<&SiteIndex>,
    here: Option<&PageRef>,
    path: &Path,
    written: &str,
) -> Option<Resolution> {
    let destination = Destination::parse(written);
    match site {
        Some(site) => Some(site.resolve(here, path, &destination)),
        None => matches!(destination.target, Target::FragmentOnly).then_some(Resolution::ThisPage),
    }
}

/// Edits of the fragments of `doc`'s links that `to_page` accepts and
/// whose anchor `anchors` renames (each definition once).
fn link_edits(
    doc: &Document,
    anchors: &BTreeMap<String, String>,
    to_page: impl Fn(&str) -> bool,
) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    for link in &doc.links {
        let destination = Destination::parse(&link.destination);
        let (Some(fragment), Some(at)) = (&destination.fragment, destination.fragment_offset)
        else {
            continue;
        };
        let Some(new) = anchors.get(fragment) else {
            continue;
        };
        if !to_page(&link.destination) {
            continue;
        }
        let range = link.destination_span.start + at..link.destination_span.end;
        if doc.text(range.clone()).contains(['\n', ' ']) || edits.iter().any(|e| e.range() == range)
        {
            continue;
        }
        edits.push(Edit::replace(range, new.clone()));
    }
    edits
}

/// One file's edits.
struct FileEdits {
    uri: Uri,
    version: Option<i32>,
    text: Arc<String>,
    edits: Vec<Edit>,
}

/// The edits of the other pages linking to the renamed anchors: the
/// pages the index says link here, and every open page.
fn other_pages(
    placed: &Placed<'_>,
    view: &View<'_>,
    uri: &Uri,
    anchors: &BTreeMap<String, String>,
) -> Vec<FileEdits> {
    let (Some(handbook), Some(here)) = (placed.handbook, placed.here.as_ref()) else {
        return Vec::new();
    };
    let site = handbook.site.as_ref();
    let mut paths: Vec<std::path::PathBuf> = handbook
        .linking_to(here)
        .iter()
        .map(|p| site.path(p))
        .collect();
    for (open, _) in view.documents.iter() {
        if open != uri {
            if let Some(path) = super::convert::uri_to_path(open.as_str()) {
                paths.push(path);
            }
        }
    }
    let mut seen = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        let Some(there) = site
            .locate(&path)
            .filter(|p| p != here && !seen.contains(p))
        else {
            continue;
        };
        seen.push(there.clone());
        let Some((open, text)) = view.text_of(&path) else {
            continue;
        };
        let doc = Document::parse(&path, Arc::clone(&text));
        let edits = link_edits(
            &doc,
            anchors,
            |written| matches!(resolve(Some(site), Some(&there), &path, written), Some(Resolution::Page(p)) if &p == here),
        );
        if edits.is_empty() {
            continue;
        }
        let Some(file_uri) = open.clone().or_else(|| path_to_uri(&path)) else {
            continue;
        };
        let version = open.and_then(|u| view.documents.get(&u).map(|d| d.version));
        files.push(FileEdits {
            uri: file_uri,
            version,
            text,
            edits,
        });
    }
    files
}

/// The files' edits as one workspace edit: versioned document changes
/// when the client takes them, else a map of changes.
fn workspace_edit(files: Vec<FileEdits>, client: &ClientSupport) -> WorkspaceEdit {
    let converted: Vec<(Uri, Option<i32>, Vec<TextEdit>)> = files
        .into_iter()
        .map(|file| {
            let text = Text::new(&file.text);
            let mut edits = file.edits;
            edits.sort_by_key(|e| (e.byte_start, e.byte_end));
            edits.dedup();
            let edits = edits
                .into_iter()
                .map(|e| TextEdit {
                    range: text.range(e.range()),
                    new_text: e.replacement,
                })
                .collect();
            (file.uri, file.version, edits)
        })
        .collect();
    if client.document_changes {
        let changes = converted
            .into_iter()
            .map(|(uri, version, edits)| TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            })
            .collect();
        return WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(changes)),
            ..WorkspaceEdit::default()
        };
    }
    WorkspaceEdit {
        changes: Some(
            converted
                .into_iter()
                .map(|(uri, _, edits)| (uri, edits))
                .collect(),
        ),
        ..WorkspaceEdit::default()
    }
}

/// `text` with `edits` (which do not overlap) applied.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.byte_start));
    let mut out = text.to_string();
    for edit in sorted {
        if edit.byte_end <= out.len()
            && out.is_char_boundary(edit.byte_start)
            && out.is_char_boundary(edit.byte_end)
        {
            out.replace_range(edit.range(), &edit.replacement);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_name_leaves_markers_attributes_and_closing_hashes() {
        let text = "## Senior *Analyst* {#sa}\n\n### Staff Analyst ###\n\nLead\n----\n\n#### C# Developer\n";
        let doc = Document::parse("a.md", text.to_string());
        let names: Vec<&str> = (0..doc.headings.len())
            .map(|h| doc.text(name_span(&doc, h)))
            .collect();
        assert_eq!(
            names,
            ["Senior *Analyst*", "Staff Analyst", "Lead", "C# Developer"]
        );
    }

    #[test]
    fn roles_keep_their_form() {
        assert_eq!(
            renamed_role("Senior Analyst", "Sr. Analyst", "Lead Analyst").as_deref(),
            Some("Lead Analyst")
        );
        assert_eq!(
            renamed_role("Manager, SEC", "SEC Manager", "Manager, SEC Reporting").as_deref(),
            Some("SEC Reporting Manager")
        );
        assert_eq!(
            renamed_role("Associate", "Associate Recruiter", "Junior").as_deref(),
            Some("Junior Recruiter")
        );
        assert_eq!(
            renamed_role("Lead", "Recruiting Lead", "Principal").as_deref(),
            Some("Recruiting Principal")
        );
        assert_eq!(renamed_role("Lead", "Leadership", "Principal"), None);
        assert_eq!(
            renamed_role("Senior Analyst", "Staff Analyst", "Lead Analyst"),
            None
        );
    }

    #[test]
    fn references_keep_their_form() {
        assert_eq!(
            reference_form("Data Analyst (Intermediate)", "Analyst"),
            "Data Analyst"
        );
        assert_eq!(
            reference_form("Data Analyst (Intermediate)", "Analyst (Intermediate)"),
            "Data Analyst (Intermediate)"
        );
        assert_eq!(
            reference_form("Lead Analyst", "Senior Analyst"),
            "Lead Analyst"
        );
    }
}
