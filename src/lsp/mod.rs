//! `handbook-lint lsp`: a language server over standard input and output.
//!
//! Editors get the command line's findings as they type, and navigation
//! that only a model of job families allows:
//!
//! - diagnostics, linted off the message loop after the editor has been
//!   quiet for a moment ([`worker`], [`debounce`]), with the rule id as the code and
//!   the rule's documentation on hover;
//! - quick fixes from the rules' fixes, "fix all", "disable RULE for
//!   this line" and "add WORD to the words file" ([`actions`]);
//! - go to definition from an "Extends" reference to the level's
//!   heading, and from a link to its page and anchor ([`navigate`]);
//! - hover on a level: its grade, what it extends and inherits ([`hover`]);
//! - completion of level names, anchors and page routes ([`complete`]);
//! - the ladder as document symbols ([`symbols`]);
//! - renaming a level across the workspace ([`rename`]).
//!
//! The workspace index ([`index`]) is built once per handbook and updated
//! when files change (watched files, or a save). Text sync is
//! incremental; positions are converted to the UTF-16 columns the
//! protocol counts. The configuration is the nearest `.handbook-lint.toml`
//! above a page.

mod actions;
mod complete;
mod context;
mod convert;
mod debounce;
mod documents;
mod findings;
mod hover;
mod index;
mod navigate;
mod outbox;
mod page;
mod rename;
mod suppression;
mod symbols;
mod view;
mod vocabulary;
mod worker;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};
use std::thread::JoinHandle;

use crossbeam_channel::Sender;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, MessageType, OneOf, Registration,
    RegistrationParams, RenameOptions, ResourceOperationKind, SaveOptions, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};

pub use convert::{path_to_uri, uri_to_path, Text};

use documents::Documents;
use index::Handbooks;
use outbox::{Outbox, Reply};
use view::View;
use worker::{Job, SharedIndex, Worker};

/// Runs the server on standard input and output until the client says
/// `exit`.
pub fn run() -> Result<(), String> {
    let (connection, io_threads) = Connection::stdio();
    let result = serve(connection);
    io_threads
        .join()
        .map_err(|e| format!("language server: {e}"))?;
    result
}

/// Runs the server on `connection` until the client says `exit` or the
/// connection closes.
pub fn serve(connection: Connection) -> Result<(), String> {
    let capabilities = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    let init = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "handbook-lint", "version": env!("CARGO_PKG_VERSION") },
    });
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("language server: {e}"))?;
    connection
        .initialize_finish(id, init)
        .map_err(|e| format!("language server: {e}"))?;
    let outbox = Outbox::new(connection.sender.clone());
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_else(|err| {
        outbox.log(
            MessageType::WARNING,
            format!("handbook-lint: initialize parameters not understood ({err}); assuming a basic client"),
        );
        InitializeParams::default()
    });
    let folders = Arc::new(workspace_folders(&params));
    let mut server = Server::start(outbox, ClientSupport::of(&params), Arc::clone(&folders));
    // `initialize_finish` has already received `initialized`.
    server.watch_files();
    for folder in folders.iter() {
        server.send(Job::Index(folder.clone()));
    }
    let result = server.main_loop(&connection);
    server.stop();
    result
}

/// What the server tells the client it can do.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::from(actions::FIX_ALL_KIND),
            ]),
            ..CodeActionOptions::default()
        })),
        definition_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(complete::TRIGGERS.iter().map(|t| t.to_string()).collect()),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        ..ServerCapabilities::default()
    }
}

/// What the client can take, from its capabilities.
#[derive(Clone, Debug, Default)]
pub struct ClientSupport {
    /// Workspace edits as versioned document changes.
    pub document_changes: bool,
    /// Workspace edits that create files (as document changes).
    pub create_files: bool,
    /// File watchers registered by the server.
    pub watch_files: bool,
}

impl ClientSupport {
    fn of(params: &InitializeParams) -> ClientSupport {
        let workspace = params.capabilities.workspace.as_ref();
        let edit = workspace.and_then(|w| w.workspace_edit.as_ref());
        let document_changes = edit.and_then(|e| e.document_changes).unwrap_or(false);
        ClientSupport {
            document_changes,
            // Creating a file is a document change.
            create_files: document_changes
                && edit
                    .and_then(|e| e.resource_operations.as_ref())
                    .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create)),
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
        }
    }
}

/// The folders of the workspace, from the initialize parameters.
#[allow(deprecated)]
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    let mut uris: Vec<&Uri> = params
        .workspace_folders
        .iter()
        .flatten()
        .map(|f| &f.uri)
        .collect();
    if uris.is_empty() {
        uris.extend(params.root_uri.as_ref());
    }
    uris.into_iter()
        .filter_map(|uri| uri_to_path(uri.as_str()))
        .collect()
}

/// The message loop's state.
struct Server {
    outbox: Outbox,
    client: ClientSupport,
    documents: Documents,
    index: SharedIndex,
    jobs: Sender<Job>,
    threads: Vec<JoinHandle<()>>,
    folders: Arc<Vec<PathBuf>>,
}

impl Server {
    /// Starts the linting and scanning threads.
    fn start(outbox: Outbox, client: ClientSupport, folders: Arc<Vec<PathBuf>>) -> Server {
        // Word lists and patterns are built while the client starts up.
        crate::rules::spawn_preparations(crate::rules::ALL.iter().copied());
        let index: SharedIndex = Arc::new(RwLock::new(Handbooks::default()));
        let (jobs, job_queue) = crossbeam_channel::unbounded();
        let (scans, scan_queue) = crossbeam_channel::unbounded();
        let answers = jobs.clone();
        let scanner = std::thread::spawn(move || {
            vocabulary::scan_loop(scan_queue, |scanned| {
                let _ = answers.send(Job::Scanned(scanned));
            });
        });
        let worker = Worker::new(
            outbox.clone(),
            Arc::clone(&index),
            vocabulary::Vocabulary::new(scans),
            client.clone(),
            Arc::clone(&folders),
        );
        let linting = std::thread::spawn(move || worker.run(job_queue));
        Server {
            outbox,
            client,
            documents: Documents::default(),
            index,
            jobs,
            threads: vec![linting, scanner],
            folders,
        }
    }

    fn send(&self, job: Job) {
        let _ = self.jobs.send(job);
    }

    /// Stops the threads and waits for them.
    fn stop(self) {
        self.send(Job::Stop);
        drop(self.jobs);
        for thread in self.threads {
            let _ = thread.join();
        }
    }

    fn main_loop(&mut self, connection: &Connection) -> Result<(), String> {
        for message in &connection.receiver {
            match message {
                Message::Request(request) => {
                    let shutdown = connection
                        .handle_shutdown(&request)
                        .map_err(|e| format!("language server: {e}"))?;
                    if shutdown {
                        return Ok(());
                    }
                    self.request(request);
                }
                Message::Notification(notification) => {
                    if notification.method == "exit" {
                        return Ok(());
                    }
                    self.notification(notification);
                }
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn request(&mut self, request: Request) {
        let method = request.method.as_str();
        if method == hover::METHOD || method == actions::METHOD {
            self.send(Job::Request(request));
            return;
        }
        let id = request.id.clone();
        let reply = catch_unwind(AssertUnwindSafe(|| self.answer(&request))).unwrap_or_else(|_| {
            Reply::Refuse(
                ErrorCode::InternalError,
                format!("{}: internal error", request.method),
            )
        });
        self.outbox.reply(id, reply);
    }

    /// Answers the requests that read the open pages and the index.
    fn answer(&self, request: &Request) -> Reply {
        let handbooks = self.index.read().unwrap_or_else(PoisonError::into_inner);
        let view = View {
            documents: &self.documents,
            handbooks: &handbooks,
            folders: &self.folders,
        };
        match request.method.as_str() {
            navigate::METHOD => navigate::answer(request, &view),
            complete::METHOD => complete::answer(request, &view),
            symbols::METHOD => symbols::answer(request, &view),
            rename::PREPARE_METHOD => rename::prepare(request, &view),
            rename::METHOD => rename::answer(request, &view, &self.client),
            other => Reply::Refuse(
                ErrorCode::MethodNotFound,
                format!("unhandled method {other}"),
            ),
        }
    }

    fn notification(&mut self, notification: Notification) {
        let Notification { method, params } = notification;
        let bad = |err: serde_json::Error| {
            self.outbox.log(
                MessageType::WARNING,
                format!("handbook-lint: {method}: invalid parameters: {err}"),
            );
        };
        match method.as_str() {
            DidOpenTextDocument::METHOD => {
                match serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    Ok(p) => {
                        let doc = p.text_document;
                        let open = self.documents.open(doc.uri.clone(), doc.text, doc.version);
                        self.edited(doc.uri, open);
                    }
                    Err(err) => bad(err),
                }
            }
            DidChangeTextDocument::METHOD => {
                match serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    Ok(p) => {
                        let uri = p.text_document.uri;
                        match self.documents.change(
                            &uri,
                            p.content_changes,
                            p.text_document.version,
                        ) {
                            Some(open) => self.edited(uri, open),
                            None => self.outbox.log(
                                MessageType::WARNING,
                                format!(
                                    "handbook-lint: change to {}, which is not open: ignored",
                                    uri.as_str()
                                ),
                            ),
                        }
                    }
                    Err(err) => bad(err),
                }
            }
            DidSaveTextDocument::METHOD => {
                match serde_json::from_value::<DidSaveTextDocumentParams>(params) {
                    Ok(p) => {
                        if let Some(path) = uri_to_path(p.text_document.uri.as_str()) {
                            self.send(Job::Changed(vec![path]));
                        }
                    }
                    Err(err) => bad(err),
                }
            }
            DidCloseTextDocument::METHOD => {
                match serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    Ok(p) => {
                        self.documents.close(&p.text_document.uri);
                        self.send(Job::Close(p.text_document.uri));
                    }
                    Err(err) => bad(err),
                }
            }
            DidChangeWatchedFiles::METHOD => {
                match serde_json::from_value::<DidChangeWatchedFilesParams>(params) {
                    Ok(p) => {
                        let paths: Vec<PathBuf> = p
                            .changes
                            .iter()
                            .filter_map(|c| uri_to_path(c.uri.as_str()))
                            .collect();
                        if !paths.is_empty() {
                            self.send(Job::Changed(paths));
                        }
                    }
                    Err(err) => bad(err),
                }
            }
            _ => {}
        }
    }

    fn edited(&self, uri: Uri, open: documents::OpenDocument) {
        self.send(Job::Edit {
            uri,
            version: open.version,
            text: open.text,
        });
    }

    /// Asks the client to report changes to pages, configuration files
    /// and words files (`*.txt`), when it lets servers register watchers.
    fn watch_files(&self) {
        if !self.client.watch_files {
            return;
        }
        let watchers = [
            "**/*.{md,markdown,html,erb}",
            "**/.handbook-lint.toml",
            "**/*.txt",
        ]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.to_string()),
            kind: None,
        })
        .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "handbook-lint-watched-files".to_string(),
                method: DidChangeWatchedFiles::METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.outbox.send(Message::Request(Request::new(
            lsp_server::RequestId::from("handbook-lint-register-watchers".to_string()),
            "client/registerCapability".to_string(),
            params,
        )));
    }
}
