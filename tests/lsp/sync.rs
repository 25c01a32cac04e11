//! Start-up, text sync (incremental and whole), diagnostics and the
//! rules' quick fixes.

use serde_json::{json, Value};

use super::client::{range, uri, Client};

#[test]
fn start_up_accepts_stdio_and_advertises_the_capabilities() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut client = Client::start(dir.path(), &["--stdio"]);
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    assert_eq!(
        caps["completionProvider"]["triggerCharacters"],
        json!(["#", "/", " "])
    );
    assert_eq!(init["result"]["serverInfo"]["name"], "handbook-lint");
    client.notify("initialized", json!({}));
    client.shut_down();
}

#[test]
fn diagnostics_and_quick_fixes_over_stdio() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = dir.path().join("job families");
    std::fs::create_dir(&folder).expect("folder");
    let uri = uri(&folder.join("analyst.md"));
    assert!(uri.contains("job%20families"), "{uri}");
    let mut client = Client::initialized(dir.path(), None, json!({}));

    // Line 4 has an emoji (two UTF-16 units) and CJK text (one each)
    // before its trailing space.
    let text = "---\ntitle: Analyst\n---\n\n😀 職 text \n";
    client.open(&uri, text);
    let diags = client.diagnostics_of(&uri, 1);
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["code"], "trailing-whitespace");
    assert_eq!(d["source"], "handbook-lint");
    assert_eq!(d["severity"], 2);
    assert_eq!(d["range"], range(4, 9, 4, 10));
    // The rule's documentation is the hover on the finding: there is no
    // page to link to.
    assert!(d.get("codeDescription").is_none(), "{d}");

    // A whole-text change (no range) is still understood.
    let text = "---\ntitle: Analyst\n---\n\n😀 職 text \n\n職務 \t\n";
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let diags = client.diagnostics_of(&uri, 2);
    let ranges: Vec<&Value> = diags.iter().map(|d| &d["range"]).collect();
    assert_eq!(ranges, vec![&range(4, 9, 4, 10), &range(6, 2, 6, 4)]);

    let actions = client.result(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": range(6, 3, 6, 3),
            "context": {"diagnostics": [diags[1]]}
        }),
    );
    let actions = actions.as_array().expect("actions");
    let fixes: Vec<&Value> = actions
        .iter()
        .filter(|a| a["title"] == "Remove the trailing whitespace (trailing-whitespace)")
        .collect();
    assert_eq!(fixes.len(), 1, "{actions:?}");
    assert_eq!(fixes[0]["kind"], "quickfix");
    let edits = &fixes[0]["edit"]["changes"][&uri];
    assert_eq!(edits, &json!([{"range": range(6, 2, 6, 4), "newText": ""}]));
    assert_eq!(fixes[0]["diagnostics"][0]["code"], "trailing-whitespace");
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
    let actions = client.result(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": range(4, 0, 4, 0),
            "context": {"diagnostics": [], "only": ["quickfix"]}
        }),
    );
    assert!(actions
        .as_array()
        .expect("actions")
        .iter()
        .all(|a| a["kind"] == "quickfix"));

    let reply = client.request("textDocument/formatting", json!({}));
    assert_eq!(
        reply["error"]["code"], -32601,
        "unknown methods are refused"
    );

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(client.diagnostics(&uri).is_empty());
    client.shut_down();
}

#[test]
fn incremental_changes_are_applied_in_order() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let uri = uri(&dir.path().join("page.md"));
    let mut client = Client::initialized(dir.path(), None, json!({}));
    client.open(&uri, "---\ntitle: Analyst\n---\n\nThe 😀 team.\n");
    assert!(client.diagnostics_of(&uri, 1).is_empty());
    // Typing, one edit a version, as fast as the client can send: "the"
    // after the emoji (two UTF-16 units), then a space at the end of
    // the line, then a new line with a doubled word.
    let edits = [
        (range(4, 7, 4, 7), "the "),
        (range(4, 16, 4, 16), " "),
        (range(4, 17, 4, 17), "\nIt is is here."),
    ];
    for (version, (range, text)) in edits.iter().enumerate() {
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version + 2},
                "contentChanges": [{"range": range, "text": text}],
            }),
        );
    }
    let diags = client.diagnostics_of(&uri, 4);
    let found: Vec<(&Value, &Value)> = diags.iter().map(|d| (&d["code"], &d["range"])).collect();
    assert_eq!(
        found,
        vec![
            (&json!("trailing-whitespace"), &range(4, 16, 4, 17)),
            (&json!("repeated-word"), &range(5, 6, 5, 8)),
        ],
        "the text is `The 😀 the team. ` and `It is is here.`"
    );
    client.shut_down();
}

#[test]
fn configuration_is_found_from_the_page_folder() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let project = dir.path().join("handbook");
    std::fs::create_dir_all(project.join("content")).expect("folders");
    std::fs::write(
        project.join(".handbook-lint.toml"),
        "[rules]\nfront-matter = \"off\"\ntrailing-whitespace = \"error\"\n",
    )
    .expect("configuration");
    let uri = uri(&project.join("content/page.md"));
    // The server runs elsewhere: the page's folder decides.
    let mut client = Client::initialized(dir.path(), None, json!({}));
    client.open(&uri, "No front matter. \n");
    let diags = client.diagnostics_of(&uri, 1);
    let codes: Vec<&Value> = diags.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, vec!["trailing-whitespace"]);
    assert_eq!(diags[0]["severity"], 1, "configured as an error");
    client.shut_down();
}

#[test]
fn entries_the_configuration_adds_to_the_lists_make_findings() {
    use super::handbook::{family_uris, Handbook, ANALYST};
    let handbook = Handbook::new(
        "[lists.placeholders]\nfiles = [\"placeholders.txt\"]\nentries = ['\\bTK\\b']\n",
    );
    let list = handbook.root().join("placeholders.txt");
    std::fs::write(&list, "# none yet\n").expect("list file");
    let (analyst, _) = family_uris(&handbook);
    let mut client = Client::initialized(handbook.root(), Some(handbook.root()), json!({}));
    let item = "- Lead analyses across teams\n";
    let text = ANALYST.replace(item, "- Lead analyses across teams: TK, then FROB\n");
    let line = ANALYST
        .lines()
        .position(|l| format!("{l}\n") == item)
        .expect("the item");
    let placeholders = |diags: &[Value]| -> Vec<Value> {
        diags
            .iter()
            .filter(|d| d["code"] == "placeholder")
            .map(|d| d["range"]["start"]["line"].clone())
            .collect()
    };
    client.open(&analyst, &text);
    let diags = client.diagnostics_of(&analyst, 1);
    assert_eq!(placeholders(&diags), [line], "{diags:?}");
    // A list file changed on disk: the open page is linted again with it.
    std::fs::write(&list, "\\bFROB\\b\n").expect("list file");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&list), "type": 2}]}),
    );
    let diags = client.diagnostics_of(&analyst, 1);
    assert_eq!(placeholders(&diags), [line, line], "{diags:?}");
    client.shut_down();
}
