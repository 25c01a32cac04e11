//! `handbook-lint lsp`: a language server over standard input and output.
//!
//! Editors get the same findings as the command line, as they type:
//! diagnostics when a page is opened, changed or saved (full document
//! sync), with the rule id as the diagnostic's code and a link to the
//! rule's documentation; quick fixes from the rules' fixes; and a "fix
//! all" source action that applies every safe fix as `--fix` would.
//! Positions are converted to the UTF-16 columns the protocol counts.
//! The configuration is the nearest `.handbook-lint.toml` from the page's
//! folder upwards.

mod convert;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic as LspDiagnostic, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, MessageType, NumberOrString, PublishDiagnosticsParams, SaveOptions,
    ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};

pub use convert::{uri_to_path, Text};

use crate::config::Config;
use crate::diagnostic::Severity;
use crate::engine::fix::{apply_once, FixMode};
use crate::engine::{Finding, Linter, Selection};

/// The diagnostics' `source`.
const SOURCE: &str = "handbook-lint";

/// The kind of the "fix all" action.
const FIX_ALL_KIND: &str = "source.fixAll.handbook-lint";

/// Runs the server until the client says `exit`.
pub fn run() -> Result<(), String> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    let init = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "handbook-lint", "version": env!("CARGO_PKG_VERSION") },
    });
    let (id, _params) = connection
        .initialize_start()
        .map_err(|e| format!("language server: {e}"))?;
    connection
        .initialize_finish(id, init)
        .map_err(|e| format!("language server: {e}"))?;
    let mut server = Server {
        connection: &connection,
        documents: HashMap::new(),
        warned: Vec::new(),
    };
    let result = server.main_loop();
    drop(connection);
    io_threads
        .join()
        .map_err(|e| format!("language server: {e}"))?;
    result
}

/// What the server tells the client it can do.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(true),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::from(FIX_ALL_KIND),
            ]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

struct Server<'a> {
    connection: &'a Connection,
    /// Open documents: their text.
    documents: HashMap<Uri, String>,
    /// Configuration files already reported as broken.
    warned: Vec<String>,
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<(), String> {
        for message in &self.connection.receiver {
            match message {
                Message::Request(request) => {
                    if self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| format!("language server: {e}"))?
                    {
                        return Ok(());
                    }
                    let response = self.request(request);
                    self.send(Message::Response(response));
                }
                Message::Notification(notification) => self.notification(notification),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, message: Message) {
        // A closed channel means the client is gone; the loop ends on its
        // own when the reader stops.
        let _ = self.connection.sender.send(message);
    }

    fn request(&mut self, request: Request) -> Response {
        if request.method != CodeActionRequest::METHOD {
            return Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("unhandled method {}", request.method),
            );
        }
        match serde_json::from_value::<CodeActionParams>(request.params) {
            Ok(params) => {
                let actions = self.code_actions(&params);
                Response::new_ok(request.id, actions)
            }
            Err(err) => {
                Response::new_err(request.id, ErrorCode::InvalidParams as i32, err.to_string())
            }
        }
    }

    fn notification(&mut self, notification: Notification) {
        let params = notification.params;
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    let uri = p.text_document.uri;
                    self.documents.insert(uri.clone(), p.text_document.text);
                    self.publish(&uri, Some(p.text_document.version));
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    let uri = p.text_document.uri;
                    // Full sync: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().next_back() {
                        self.documents.insert(uri.clone(), change.text);
                    }
                    self.publish(&uri, Some(p.text_document.version));
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(params) {
                    let uri = p.text_document.uri;
                    if let Some(text) = p.text {
                        self.documents.insert(uri.clone(), text);
                    }
                    self.publish(&uri, None);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    let uri = p.text_document.uri;
                    self.documents.remove(&uri);
                    self.send_diagnostics(uri, Vec::new(), None);
                }
            }
            _ => {}
        }
    }

    /// The linter and findings for an open document, if it is linted at
    /// all (a page the configuration excludes is not).
    fn lint(&mut self, uri: &Uri) -> Option<(Linter, PathBuf, Vec<Finding>)> {
        let text = self.documents.get(uri)?.clone();
        let path = uri_to_path(uri.as_str());
        let folder = path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let config = match Config::discover(None, &folder) {
            Ok(config) => config,
            Err(err) => {
                let message = err.to_string();
                if !self.warned.contains(&message) {
                    self.warned.push(message.clone());
                    self.show_error(format!("handbook-lint: {message}; using the defaults"));
                }
                Config::default()
            }
        };
        let path = path.unwrap_or_else(|| PathBuf::from(uri.path().as_str()));
        if config.is_excluded(&path) {
            return None;
        }
        let linter = match Linter::new(&config, &Selection::default()) {
            Ok(linter) => linter,
            Err(message) => {
                self.show_error(format!("handbook-lint: {message}"));
                return None;
            }
        };
        let file = linter.lint_in_handbook(&path, Arc::new(text), &config);
        Some((linter, path, file.findings))
    }

    fn show_error(&self, message: String) {
        let params = ShowMessageParams {
            typ: MessageType::ERROR,
            message,
        };
        self.send(Message::Notification(Notification::new(
            ShowMessage::METHOD.to_string(),
            params,
        )));
    }

    fn publish(&mut self, uri: &Uri, version: Option<i32>) {
        let diagnostics = match (self.lint(uri), self.documents.get(uri)) {
            (Some((_, _, findings)), Some(text)) => {
                let text = Text::new(text);
                findings.iter().map(|f| diagnostic(&text, f)).collect()
            }
            _ => Vec::new(),
        };
        self.send_diagnostics(uri.clone(), diagnostics, version);
    }

    fn send_diagnostics(&self, uri: Uri, diagnostics: Vec<LspDiagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.to_string(),
            params,
        )));
    }

    fn code_actions(&mut self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let Some((linter, path, findings)) = self.lint(uri) else {
            return Vec::new();
        };
        let Some(source) = self.documents.get(uri) else {
            return Vec::new();
        };
        let text = Text::new(source);
        let wanted = |kind: &CodeActionKind| {
            params.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|o| {
                    kind.as_str() == o.as_str()
                        || kind.as_str().starts_with(&format!("{}.", o.as_str()))
                })
            })
        };
        let mut actions = Vec::new();
        if wanted(&CodeActionKind::QUICKFIX) {
            let lines = params.range.start.line..=params.range.end.line;
            for finding in &findings {
                let d = &finding.diagnostic;
                let Some(fix) = d.fix.as_deref() else {
                    continue;
                };
                // Findings on the lines of the requested range: editors
                // ask with the cursor's position, which need not be on
                // the span itself (a trailing space is hard to click).
                let range = text.range(d.span.clone());
                if range.end.line < *lines.start() || range.start.line > *lines.end() {
                    continue;
                }
                let pass = apply_once(source, [fix]);
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
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("{} ({})", capitalise(&fix.description), d.rule),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic(&text, finding)]),
                    edit: Some(workspace_edit(uri, edits)),
                    is_preferred: Some(fix.applicability == crate::diagnostic::Applicability::Safe),
                    ..CodeAction::default()
                }));
            }
        }
        let fix_all = CodeActionKind::from(FIX_ALL_KIND);
        if wanted(&fix_all) {
            let outcome = linter.fix_source(&path, source, FixMode::Safe);
            if outcome.changed() {
                let edit = TextEdit {
                    range: text.range(0..source.len()),
                    new_text: outcome.text,
                };
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: "Fix all safe handbook-lint findings".to_string(),
                    kind: Some(fix_all),
                    edit: Some(workspace_edit(uri, vec![edit])),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
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

/// A finding as a protocol diagnostic.
fn diagnostic(text: &Text<'_>, finding: &Finding) -> LspDiagnostic {
    let d = &finding.diagnostic;
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    } else if !d.suggestions.is_empty() {
        message.push_str("\ndid you mean: ");
        message.push_str(&d.suggestions.join(", "));
    }
    LspDiagnostic {
        range: text.range(d.span.clone()),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        source: Some(SOURCE.to_string()),
        message,
        ..LspDiagnostic::default()
    }
}
