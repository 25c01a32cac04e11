//! Code actions: the rules' fixes as quick fixes, "fix all", "disable
//! RULE for this line" and "add WORD to the words file".

use std::collections::HashMap;
use std::path::Path;

use lsp_server::Request;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CreateFile,
    CreateFileOptions, DocumentChangeOperation, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Position, Range, ResourceOp, TextDocumentEdit,
    TextEdit, Uri, WorkspaceEdit,
};

use super::convert::{path_to_uri, Text};
use super::findings::{diagnostic, Linted};
use super::outbox::Reply;
use super::suppression::disable_for_line;
use super::ClientSupport;
use crate::diagnostic::Applicability;
use crate::engine::fix::apply_once;
use crate::engine::Finding;
use crate::rules::spelling;

/// The request's method.
pub const METHOD: &str = "textDocument/codeAction";

/// The kind of the "fix all" action.
pub const FIX_ALL_KIND: &str = "source.fixAll.handbook-lint";

/// What the answer needs besides the request.
pub struct Needs<'a, L, F> {
    /// The findings of an open page's current version.
    pub linted: L,
    /// The page's text with every safe fix applied, if it changes.
    pub fix_all: F,
    /// What the client can apply.
    pub client: &'a ClientSupport,
}

/// Answers a code action request.
pub fn answer<'a, L, F>(request: &Request, needs: Needs<'_, L, F>) -> Reply
where
    L: Fn(&Uri) -> Option<&'a Linted>,
    F: Fn(&Linted) -> Option<String>,
{
    let params: CodeActionParams = match serde_json::from_value(request.params.clone()) {
        Ok(params) => params,
        Err(err) => return Reply::bad_params(METHOD, &err),
    };
    let uri = &params.text_document.uri;
    let Some(linted) = (needs.linted)(uri) else {
        return Reply::empty_list(format!("code actions: {} is not open", uri.as_str()));
    };
    let text = Text::new(&linted.text);
    let lines = params.range.start.line..=params.range.end.line;
    // Findings on the lines of the requested range: editors ask with the
    // cursor's position, which need not be on the span itself (a
    // trailing space is hard to click).
    let here: Vec<&Finding> = linted
        .findings
        .iter()
        .filter(|f| {
            let range = text.range(f.diagnostic.span.clone());
            range.end.line >= *lines.start() && range.start.line <= *lines.end()
        })
        .collect();
    let mut actions = Vec::new();
    if wanted(&params, &CodeActionKind::QUICKFIX) {
        actions.extend(quick_fixes(uri, linted, &text, &here));
        actions.extend(disable_actions(uri, linted, &text, &here));
        actions.extend(add_word_actions(linted, &text, &here, needs.client));
    }
    let fix_all = CodeActionKind::from(FIX_ALL_KIND);
    if wanted(&params, &fix_all) {
        if let Some(fixed) = (needs.fix_all)(linted) {
            let edit = TextEdit {
                range: text.range(0..linted.text.len()),
                new_text: fixed,
            };
            actions.push(CodeAction {
                title: "Fix all safe handbook-lint findings".to_string(),
                kind: Some(fix_all),
                edit: Some(edit_of(uri, vec![edit])),
                ..CodeAction::default()
            });
        }
    }
    let actions: Vec<CodeActionOrCommand> = actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect();
    Reply::answer(actions)
}

/// Whether the client asked for actions of `kind` (or did not say).
fn wanted(params: &CodeActionParams, kind: &CodeActionKind) -> bool {
    params.context.only.as_ref().is_none_or(|only| {
        only.iter().any(|o| {
            kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str()))
        })
    })
}

/// The rules' own fixes.
fn quick_fixes(uri: &Uri, linted: &Linted, text: &Text<'_>, here: &[&Finding]) -> Vec<CodeAction> {
    let mut actions = Vec::new();
    for finding in here {
        let d = &finding.diagnostic;
        let Some(fix) = d.fix.as_deref() else {
            continue;
        };
        let pass = apply_once(&linted.text, [fix]);
        if pass.applied == 0 {
            continue;
        }
        let edits = pass
            .edits
            .iter()
            .map(|e| TextEdit {
                range: text.range(e.range()),
                new_text: e.replacement.clone(),
            })
            .collect();
        actions.push(CodeAction {
            title: format!("{} ({})", capitalise(&fix.description), d.rule),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic(text, finding)]),
            edit: Some(edit_of(uri, edits)),
            is_preferred: Some(fix.applicability == Applicability::Safe),
            ..CodeAction::default()
        });
    }
    actions
}

/// "Disable RULE for this line", once per rule and line.
fn disable_actions(
    uri: &Uri,
    linted: &Linted,
    text: &Text<'_>,
    here: &[&Finding],
) -> Vec<CodeAction> {
    let doc = crate::document::Document::parse(&linted.path, linted.text.clone());
    let mut seen: Vec<(&str, usize)> = Vec::new();
    let mut actions = Vec::new();
    for finding in here {
        let d = &finding.diagnostic;
        let line = doc.lines.line_of(d.span.start);
        if seen.contains(&(d.rule, line)) {
            continue;
        }
        seen.push((d.rule, line));
        let Some(edit) = disable_for_line(&doc, d.span.start, d.rule) else {
            continue;
        };
        actions.push(CodeAction {
            title: format!("Disable {} for this line", d.rule),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic(text, finding)]),
            edit: Some(edit_of(
                uri,
                vec![TextEdit {
                    range: text.range(edit.range()),
                    new_text: edit.replacement,
                }],
            )),
            ..CodeAction::default()
        });
    }
    actions
}

/// "Add WORD to the words file", for the spelling findings, when the
/// configuration names a words file.
fn add_word_actions(
    linted: &Linted,
    text: &Text<'_>,
    here: &[&Finding],
    client: &ClientSupport,
) -> Vec<CodeAction> {
    let Some(file) = linted.words_file.as_deref().filter(|_| linted.on_disk) else {
        return Vec::new();
    };
    let mut words: Vec<&str> = Vec::new();
    let mut actions = Vec::new();
    for finding in here {
        let d = &finding.diagnostic;
        if d.rule != spelling::RULE.id {
            continue;
        }
        let Some(word) = linted.text.get(d.span.clone()) else {
            continue;
        };
        if words.contains(&word) {
            continue;
        }
        words.push(word);
        let Some(edit) = append_word(file, word, client) else {
            continue;
        };
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        actions.push(CodeAction {
            title: format!("Add `{word}` to the words file ({name})"),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic(text, finding)]),
            edit: Some(edit),
            ..CodeAction::default()
        });
    }
    actions
}

/// The edit appending `word` as a line of the words file `file`,
/// creating the file when it does not exist (if the client can).
fn append_word(file: &Path, word: &str, client: &ClientSupport) -> Option<WorkspaceEdit> {
    let uri = path_to_uri(file)?;
    match std::fs::read_to_string(file) {
        Ok(content) => {
            let end = Text::new(&content).position(content.len());
            let line = if content.is_empty() || content.ends_with('\n') {
                format!("{word}\n")
            } else {
                format!("\n{word}\n")
            };
            Some(edit_of(&uri, vec![insert(end, line)]))
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound && client.create_files => {
            let create = DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: Some(CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            }));
            let fill = DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: vec![OneOf::Left(insert(
                    Position::default(),
                    format!("{word}\n"),
                ))],
            });
            Some(WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![create, fill])),
                ..WorkspaceEdit::default()
            })
        }
        Err(_) => None,
    }
}

fn insert(at: Position, text: String) -> TextEdit {
    TextEdit {
        range: Range { start: at, end: at },
        new_text: text,
    }
}

/// A workspace edit of one page.
pub fn edit_of(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
