//! The language server, driven over stdio as an editor drives it.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(cwd: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_handbook-lint"))
            .arg("lsp")
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
            loop {
                let mut length = None;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(n) = header.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("JSON message");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages: rx,
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(20))
                .expect("the server answers within 20 s");
            if wanted(&message) {
                return message;
            }
        }
    }

    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let message = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

fn range(l1: u64, c1: u64, l2: u64, c2: u64) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

#[test]
fn diagnostics_and_quick_fixes_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("job families");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("analyst.md");
    let uri = format!("file://{}", path.to_str().unwrap().replace(' ', "%20"));
    let mut client = Client::start(dir.path());

    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 1, "full sync");
    assert!(caps["codeActionProvider"]["codeActionKinds"]
        .as_array()
        .unwrap()
        .contains(&json!("quickfix")));
    client.notify("initialized", json!({}));

    // Line 4 has an emoji (two UTF-16 units) and CJK text (one each)
    // before its trailing space.
    let text = "---\ntitle: Analyst\n---\n\n😀 職 text \n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let diags = client.diagnostics(&uri);
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["code"], "trailing-whitespace");
    assert_eq!(d["source"], "handbook-lint");
    assert_eq!(d["severity"], 2);
    assert_eq!(d["range"], range(4, 9, 4, 10));
    // No documentation link: the rule's text is served offline by
    // `handbook-lint explain`, and a link to no page is worse than none.
    assert!(d.get("codeDescription").is_none(), "{d}");

    let text = "---\ntitle: Analyst\n---\n\n😀 職 text \n\n職務 \t\n";
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let diags = client.diagnostics(&uri);
    let ranges: Vec<&Value> = diags.iter().map(|d| &d["range"]).collect();
    assert_eq!(ranges, vec![&range(4, 9, 4, 10), &range(6, 2, 6, 4)]);

    let reply = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": range(6, 3, 6, 3),
            "context": {"diagnostics": [diags[1]]}
        }),
    );
    let actions = reply["result"].as_array().expect("actions");
    let quickfixes: Vec<&Value> = actions.iter().filter(|a| a["kind"] == "quickfix").collect();
    assert_eq!(quickfixes.len(), 1, "{actions:?}");
    let edits = &quickfixes[0]["edit"]["changes"][&uri];
    assert_eq!(edits, &json!([{"range": range(6, 2, 6, 4), "newText": ""}]));
    assert_eq!(
        quickfixes[0]["diagnostics"][0]["code"],
        "trailing-whitespace"
    );
    let fix_all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll.handbook-lint")
        .expect("a fix-all action");
    let all = &fix_all["edit"]["changes"][&uri][0];
    assert_eq!(all["range"], range(0, 0, 7, 0));
    assert_eq!(
        all["newText"],
        "---\ntitle: Analyst\n---\n\n😀 職 text\n\n職務\n"
    );

    // Only quick fixes asked for: no fix-all.
    let reply = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": range(4, 0, 4, 0),
            "context": {"diagnostics": [], "only": ["quickfix"]}
        }),
    );
    let kinds: Vec<&Value> = reply["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["kind"])
        .collect();
    assert_eq!(kinds, vec!["quickfix"]);

    let reply = client.request("textDocument/hover", json!({}));
    assert_eq!(
        reply["error"]["code"], -32601,
        "unknown methods are refused"
    );

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(client.diagnostics(&uri).is_empty());

    let reply = client.request("shutdown", Value::Null);
    assert!(reply["result"].is_null());
    client.notify("exit", Value::Null);
    let status = client.child.wait().expect("the server exits");
    assert!(status.success());
}

#[test]
fn configuration_is_found_from_the_page_folder() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("handbook");
    std::fs::create_dir_all(project.join("content")).unwrap();
    std::fs::write(
        project.join(".handbook-lint.toml"),
        "[rules]\nfront-matter = \"off\"\ntrailing-whitespace = \"error\"\n",
    )
    .unwrap();
    let uri = format!("file://{}/content/page.md", project.display());
    // The server runs elsewhere: the page's folder decides.
    let mut client = Client::start(dir.path());
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": "No front matter. \n"}}),
    );
    let diags = client.diagnostics(&uri);
    let codes: Vec<&Value> = diags.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, vec!["trailing-whitespace"]);
    assert_eq!(diags[0]["severity"], 1, "configured as an error");
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().expect("exit").success());
}
