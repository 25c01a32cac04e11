//! A scripted language client: starts the server, sends requests and
//! notifications over stdio, and keeps every message the server sends so
//! that a test can wait for the one it expects.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How long a test waits for any one message.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A running server and what it has sent.
pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages received and not yet taken by a wait.
    backlog: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    /// Starts `handbook-lint lsp ARGS` in `cwd`.
    pub fn start(cwd: &Path, args: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_handbook-lint"))
            .arg("lsp")
            .args(args)
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the server");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming: rx,
            backlog: VecDeque::new(),
            next_id: 0,
        }
    }

    /// Starts the server and initializes it for the workspace `root`
    /// (if any), declaring `capabilities`.
    pub fn initialized(cwd: &Path, root: Option<&Path>, capabilities: Value) -> Client {
        let mut client = Client::start(cwd, &["--stdio"]);
        let root_uri = root.map(uri);
        let reply = client.request(
            "initialize",
            json!({"processId": null, "rootUri": root_uri, "capabilities": capabilities}),
        );
        assert!(reply.get("result").is_some(), "{reply}");
        client.notify("initialized", json!({}));
        client
    }

    /// Writes one message.
    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The `result` of a request, which must not fail.
    pub fn result(&mut self, method: &str, params: Value) -> Value {
        let reply = self.request(method, params);
        assert!(reply.get("error").is_none(), "{method}: {reply}");
        reply["result"].clone()
    }

    /// The first message, received or to come, that `wanted` accepts.
    pub fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&wanted) {
            return self.backlog.remove(i).expect("in the backlog");
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self.incoming.recv_timeout(left).unwrap_or_else(|_| {
                panic!(
                    "no awaited message within {PATIENCE:?}; got {:?}",
                    self.backlog
                )
            });
            if wanted(&message) {
                return message;
            }
            self.backlog.push_back(message);
        }
    }

    /// Whether a message `wanted` accepts has arrived (without waiting).
    pub fn received(&mut self, wanted: impl Fn(&Value) -> bool) -> bool {
        self.backlog.extend(self.incoming.try_iter());
        self.backlog.iter().any(wanted)
    }

    /// Opens a page.
    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    /// The diagnostics of the next publication for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let message = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// The diagnostics published for version `version` of `uri`.
    pub fn diagnostics_of(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Waits for a log line containing `text`.
    pub fn log_containing(&mut self, text: &str) -> String {
        let message = self.wait(|m| {
            m["method"] == "window/logMessage"
                && m["params"]["message"]
                    .as_str()
                    .is_some_and(|s| s.contains(text))
        });
        message["params"]["message"]
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Shuts the server down and checks that it exits cleanly.
    pub fn shut_down(mut self) {
        let reply = self.request("shutdown", Value::Null);
        assert!(reply["result"].is_null(), "{reply}");
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        assert!(status.success(), "{status}");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some(n) = header.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The `file:` URI of a path.
pub fn uri(path: &Path) -> String {
    handbook_lint::lsp::path_to_uri(path)
        .expect("an absolute path")
        .as_str()
        .to_string()
}

/// The protocol position of the first `needle` in `text` (plus `skip`
/// characters), counting UTF-16 units.
pub fn position(text: &str, needle: &str, skip: usize) -> Value {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count();
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .encode_utf16()
        .count();
    json!({"line": line, "character": column + skip})
}

/// The protocol range of the first `needle` in `text`.
pub fn range_of(text: &str, needle: &str) -> Value {
    let start = position(text, needle, 0);
    let mut end = start.clone();
    end["character"] =
        json!(start["character"].as_u64().unwrap_or(0) + needle.encode_utf16().count() as u64);
    json!({"start": start, "end": end})
}

/// A range from two positions.
pub fn range(l1: u64, c1: u64, l2: u64, c2: u64) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

/// `textDocument` and `position` parameters.
pub fn at(uri: &str, position: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position})
}

/// The protocol range of `len` characters from the first `needle` in
/// `text`, plus `skip` characters (on one line).
pub fn span(text: &str, needle: &str, skip: usize, len: usize) -> Value {
    let start = position(text, needle, skip);
    let mut end = start.clone();
    end["character"] = json!(start["character"].as_u64().unwrap_or(0) + len as u64);
    json!({"start": start, "end": end})
}
