//! Messages to the client, from any thread: responses, diagnostics and
//! log lines.

use crossbeam_channel::Sender;
use lsp_server::{Message, Notification, RequestId, Response};
use lsp_types::notification::{LogMessage, Notification as _, PublishDiagnostics, ShowMessage};
use lsp_types::{
    Diagnostic, LogMessageParams, MessageType, PublishDiagnosticsParams, ShowMessageParams, Uri,
};

/// A handle on the connection's outgoing side.
#[derive(Clone, Debug)]
pub struct Outbox {
    sender: Sender<Message>,
}

impl Outbox {
    /// Sends through `sender`.
    pub fn new(sender: Sender<Message>) -> Outbox {
        Outbox { sender }
    }

    /// Sends a message. A closed channel means the client is gone; the
    /// message loop then ends on its own.
    pub fn send(&self, message: Message) {
        let _ = self.sender.send(message);
    }

    /// Answers a request.
    pub fn respond(&self, id: RequestId, result: impl serde::Serialize) {
        self.send(Message::Response(Response::new_ok(id, result)));
    }

    /// Refuses a request.
    pub fn refuse(&self, id: RequestId, code: lsp_server::ErrorCode, message: impl Into<String>) {
        self.send(Message::Response(Response::new_err(
            id,
            code as i32,
            message.into(),
        )));
    }

    /// Sends a notification.
    pub fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )));
    }

    /// Writes a line to the client's log.
    pub fn log(&self, typ: MessageType, message: impl Into<String>) {
        let params = LogMessageParams {
            typ,
            message: message.into(),
        };
        self.notify(LogMessage::METHOD, params);
    }

    /// Shows a message to the user (and logs it).
    pub fn show(&self, typ: MessageType, message: impl Into<String>) {
        let message = message.into();
        self.log(typ, message.clone());
        self.notify(ShowMessage::METHOD, ShowMessageParams { typ, message });
    }

    /// Publishes a page's diagnostics.
    pub fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.notify(PublishDiagnostics::METHOD, params);
    }
}

/// How a request is answered.
#[derive(Debug)]
pub enum Reply {
    /// The answer.
    Answer(serde_json::Value),
    /// No answer: `empty` (`null` or `[]`) is sent and `why` is logged.
    Nothing {
        /// The empty result.
        empty: serde_json::Value,
        /// Why there is none, for the log.
        why: String,
    },
    /// The request is refused with an error, which is also logged.
    Refuse(lsp_server::ErrorCode, String),
}

impl Reply {
    /// An answer from a serialisable value.
    pub fn answer(result: impl serde::Serialize) -> Reply {
        match serde_json::to_value(result) {
            Ok(value) => Reply::Answer(value),
            Err(err) => Reply::Refuse(lsp_server::ErrorCode::InternalError, err.to_string()),
        }
    }

    /// `null`, logging `why`.
    pub fn null(why: impl Into<String>) -> Reply {
        Reply::Nothing {
            empty: serde_json::Value::Null,
            why: why.into(),
        }
    }

    /// `[]`, logging `why`.
    pub fn empty_list(why: impl Into<String>) -> Reply {
        Reply::Nothing {
            empty: serde_json::Value::Array(Vec::new()),
            why: why.into(),
        }
    }

    /// Refuses request parameters that do not parse.
    pub fn bad_params(method: &str, err: &serde_json::Error) -> Reply {
        Reply::Refuse(
            lsp_server::ErrorCode::InvalidParams,
            format!("{method}: invalid parameters: {err}"),
        )
    }
}

impl Outbox {
    /// Sends `reply` to request `id`, logging what was not answered.
    pub fn reply(&self, id: RequestId, reply: Reply) {
        match reply {
            Reply::Answer(value) => self.respond(id, value),
            Reply::Nothing { empty, why } => {
                self.log(MessageType::INFO, format!("handbook-lint: {why}"));
                self.respond(id, empty);
            }
            Reply::Refuse(code, message) => {
                self.log(MessageType::WARNING, format!("handbook-lint: {message}"));
                self.refuse(id, code, message);
            }
        }
    }
}
