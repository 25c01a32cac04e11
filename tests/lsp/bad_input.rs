//! Bad input gives an empty or error response and a log line, never a
//! crash, and the server keeps serving the other pages.

use serde_json::{json, Value};

use super::client::{at, position, range, uri, Client};
use super::handbook::{family_uris, Handbook, ANALYST, GRADES};

/// The server still answers for the analyst page.
fn still_serving(client: &mut Client, analyst: &str) {
    let hover = client.result(
        "textDocument/hover",
        at(analyst, position(ANALYST, "### Staff Data Analyst", 6)),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.starts_with("**Staff Data Analyst**")),
        "{hover}"
    );
}

#[test]
fn a_page_that_is_not_a_job_family() {
    let handbook = Handbook::new("");
    let (analyst, _) = family_uris(&handbook);
    let grades = handbook.uri("content/handbook/grades.md");
    let mut client = Client::initialized(handbook.root(), Some(handbook.root()), json!({}));
    client.open(&grades, GRADES);
    client.open(&analyst, ANALYST);
    assert!(client.diagnostics_of(&grades, 1).is_empty());
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": grades}}),
    );
    assert_eq!(symbols, json!([]));
    client.log_containing("is not a job family");
    let on_heading = at(&grades, position(GRADES, "## Grade Table", 4));
    assert!(client
        .result("textDocument/hover", on_heading.clone())
        .is_null());
    assert!(client
        .result("textDocument/definition", on_heading.clone())
        .is_null());
    assert!(client
        .result("textDocument/prepareRename", on_heading)
        .is_null());
    still_serving(&mut client, &analyst);
    client.shut_down();
}

#[test]
fn an_unsaved_buffer_outside_any_workspace() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut client = Client::initialized(dir.path(), None, json!({}));
    let buffer = "untitled:Untitled-1";
    let text = "## Levels\n\n### Analyst\n\n- Wrk with [the team](/team/#x) and [us](#levels)\n";
    client.open(buffer, text);
    let diags = client.diagnostics_of(buffer, 1);
    let codes: Vec<&Value> = diags.iter().map(|d| &d["code"]).collect();
    assert!(
        codes.contains(&&json!("spelling")),
        "linted with the defaults: {codes:?}"
    );
    client.log_containing("untitled:Untitled-1 is not a file");
    // Links to other pages lead nowhere; the page's own anchors work.
    assert!(client
        .result(
            "textDocument/definition",
            at(buffer, position(text, "/team/", 1))
        )
        .is_null());
    let found = client.result(
        "textDocument/definition",
        at(buffer, position(text, "#levels", 1)),
    );
    assert_eq!(found, json!({"uri": buffer, "range": range(0, 3, 0, 9)}));
    client.shut_down();
}

#[test]
fn a_broken_configuration() {
    let handbook = Handbook::new("colour = \"blue\"\n");
    let (analyst, _) = family_uris(&handbook);
    let mut client = Client::initialized(handbook.root(), Some(handbook.root()), json!({}));
    let text = ANALYST.replace(
        "- Lead analyses across teams\n",
        "- Lead analyses across teams \n",
    );
    client.open(&analyst, &text);
    let shown = client.wait(|m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("colour") && message.ends_with("using the defaults"),
        "{message}"
    );
    client.log_containing("colour");
    let diags = client.diagnostics_of(&analyst, 1);
    let codes: Vec<&Value> = diags.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, ["trailing-whitespace"]);
    still_serving(&mut client, &analyst);
    client.shut_down();
}

#[test]
fn requests_for_documents_that_are_not_open() {
    let handbook = Handbook::new("");
    let (analyst, _) = family_uris(&handbook);
    let mut client = Client::initialized(handbook.root(), Some(handbook.root()), json!({}));
    client.open(&analyst, ANALYST);
    let nowhere = uri(&handbook.path("content/nowhere.md"));
    let somewhere = at(&nowhere, json!({"line": 0, "character": 0}));
    let mut rename = somewhere.clone();
    rename["newName"] = json!("X");
    let requests = [
        ("textDocument/hover", somewhere.clone(), Value::Null),
        ("textDocument/definition", somewhere.clone(), Value::Null),
        ("textDocument/completion", somewhere.clone(), Value::Null),
        ("textDocument/prepareRename", somewhere.clone(), Value::Null),
        ("textDocument/rename", rename, Value::Null),
        (
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": nowhere}}),
            json!([]),
        ),
        (
            "textDocument/codeAction",
            json!({"textDocument": {"uri": nowhere}, "range": range(0, 0, 0, 0), "context": {"diagnostics": []}}),
            json!([]),
        ),
    ];
    for (method, params, empty) in requests {
        assert_eq!(client.result(method, params), empty, "{method}");
        client.log_containing("nowhere.md is not open");
    }
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": nowhere, "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    client.log_containing("which is not open: ignored");
    // Parameters that do not parse are refused.
    let reply = client.request("textDocument/hover", json!({"textDocument": 3}));
    assert_eq!(reply["error"]["code"], -32602, "{reply}");
    let reply = client.request("textDocument/definition", json!({}));
    assert_eq!(reply["error"]["code"], -32602, "{reply}");
    still_serving(&mut client, &analyst);
    client.shut_down();
}
