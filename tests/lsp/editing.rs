//! Completion, rename and the code actions that edit.

use serde_json::{json, Value};

use super::client::{at, position, range, span, Client};
use super::handbook::{family_uris, Handbook, ANALYST, MANAGER};

/// Capabilities of a client that applies versioned document changes
/// and creates files.
fn editing_client() -> Value {
    json!({"workspace": {"workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}}})
}

fn ready(handbook: &Handbook) -> Client {
    let mut client = Client::initialized(handbook.root(), Some(handbook.root()), editing_client());
    client.log_containing("indexed 3 pages");
    client
}

/// `(label, newText, range)` of each completion item, in sort order.
fn completions(items: &Value) -> Vec<(String, String, Value)> {
    let mut items: Vec<&Value> = items.as_array().expect("items").iter().collect();
    items.sort_by_key(|i| {
        i["sortText"]
            .as_str()
            .or(i["label"].as_str())
            .unwrap_or("")
            .to_string()
    });
    items
        .into_iter()
        .map(|i| {
            (
                i["label"].as_str().unwrap_or("").to_string(),
                i["textEdit"]["newText"].as_str().unwrap_or("").to_string(),
                i["textEdit"]["range"].clone(),
            )
        })
        .collect()
}

#[test]
fn level_names_complete_an_extends_item() {
    let handbook = Handbook::new("");
    let (analyst, _) = family_uris(&handbook);
    let mut client = ready(&handbook);
    let text = ANALYST
        .replace(
            "- Set the analytics roadmap\n",
            "- Set the analytics roadmap\n- Extends the Se\n",
        )
        .replace(
            "- Publish internal guidance\n",
            "- Publish internal guidance\n- Extends that of the \n",
        );
    client.open(&analyst, &text);
    let items = client.result(
        "textDocument/completion",
        at(&analyst, position(&text, "- Extends the Se\n", 16)),
    );
    let typed = span(&text, "- Extends the Se\n", 14, 2);
    assert_eq!(
        completions(&items),
        [
            (
                "Senior Data Analyst".into(),
                "Senior Data Analyst responsibilities".into(),
                typed.clone()
            ),
            (
                "Data Analyst".into(),
                "Data Analyst responsibilities".into(),
                typed
            ),
        ],
        "the levels below first, nearest first"
    );
    let items = client.result(
        "textDocument/completion",
        at(&analyst, position(&text, "- Extends that of the \n", 22)),
    );
    let found = completions(&items);
    assert_eq!(found[0].1, "Senior Data Analyst requirements");
    assert_eq!(found[0].2, span(&text, "- Extends that of the \n", 22, 0));
    client.shut_down();
}

#[test]
fn anchors_complete_after_a_hash_on_this_and_other_pages() {
    let handbook = Handbook::new("");
    let (analyst, _) = family_uris(&handbook);
    let mut client = ready(&handbook);
    let text = format!("{ANALYST}\nSee [the ladder](#sen and [grades](/handbook/grades/#\n");
    client.open(&analyst, &text);
    let items = client.result(
        "textDocument/completion",
        at(&analyst, position(&text, "#sen and", 4)),
    );
    let items = items.as_array().expect("items");
    let senior = items
        .iter()
        .find(|i| i["label"] == "senior-data-analyst")
        .expect("the senior level's anchor");
    assert_eq!(senior["detail"], "Senior Data Analyst");
    assert_eq!(senior["textEdit"]["range"], span(&text, "#sen and", 1, 3));
    assert_eq!(items[0]["label"], "levels", "in page order");

    let items = client.result(
        "textDocument/completion",
        at(&analyst, position(&text, "/handbook/grades/#\n", 18)),
    );
    let found: Vec<(&Value, &Value)> = items
        .as_array()
        .expect("items")
        .iter()
        .map(|i| (&i["label"], &i["detail"]))
        .collect();
    assert_eq!(
        found,
        [
            (&json!("grade-table"), &json!("Grade Table")),
            (&json!("accuracy"), &json!("Accuracy")),
        ]
    );
    client.shut_down();
}

#[test]
fn routes_complete_a_folder_at_a_time() {
    let handbook = Handbook::new("");
    let (_, manager) = family_uris(&handbook);
    let mut client = ready(&handbook);
    let text = format!("{MANAGER}\nSee [a](/ and [b](/job-families/ma\n");
    client.open(&manager, &text);
    let items = client.result(
        "textDocument/completion",
        at(&manager, position(&text, "/ and", 1)),
    );
    let found: Vec<(&Value, &Value)> = items
        .as_array()
        .expect("items")
        .iter()
        .map(|i| (&i["label"], &i["kind"]))
        .collect();
    assert_eq!(
        found,
        [
            (&json!("handbook/"), &json!(19)),
            (&json!("job-families/"), &json!(19))
        ]
    );
    let items = client.result(
        "textDocument/completion",
        at(&manager, position(&text, "/job-families/ma\n", 16)),
    );
    assert_eq!(
        completions(&items),
        [
            (
                "data-analyst/".into(),
                "data-analyst/".into(),
                span(&text, "/job-families/ma\n", 14, 2)
            ),
            (
                "manager/".into(),
                "manager/".into(),
                span(&text, "/job-families/ma\n", 14, 2)
            ),
        ]
    );
    client.shut_down();
}

#[test]
fn renaming_a_level_updates_references_and_links_on_two_pages() {
    let handbook = Handbook::new("");
    let (analyst, manager) = family_uris(&handbook);
    let mut client = ready(&handbook);
    // Only the analyst page is open: the manager page is edited from
    // what the index knows links to it.
    client.open(&analyst, ANALYST);
    let heading = position(ANALYST, "### Senior Data Analyst", 6);
    let prepared = client.result("textDocument/prepareRename", at(&analyst, heading.clone()));
    assert_eq!(
        prepared,
        json!({"range": span(ANALYST, "### Senior Data Analyst", 4, 19), "placeholder": "Senior Data Analyst"})
    );
    let mut params = at(&analyst, heading);
    params["newName"] = json!("Lead Data Analyst");
    let edit = client.result("textDocument/rename", params);
    let replace = |range: Value, text: &str| json!({"range": range, "newText": text});
    let fragment = |text: &str, needle: &str| span(text, needle, 0, "senior-data-analyst".len());
    assert_eq!(
        edit,
        json!({"documentChanges": [
            {
                "textDocument": {"uri": analyst, "version": 1},
                "edits": [
                    replace(span(ANALYST, "### Senior Data Analyst", 4, 19), "Lead Data Analyst"),
                    replace(span(ANALYST, "The Senior Data Analyst is", 4, 19), "Lead Data Analyst"),
                    replace(span(ANALYST, "#### Senior Data Analyst Responsibilities", 5, 19), "Lead Data Analyst"),
                    replace(span(ANALYST, "#### Senior Data Analyst Requirements", 5, 19), "Lead Data Analyst"),
                    replace(span(ANALYST, "Senior Data Analyst responsibilities", 0, 19), "Lead Data Analyst"),
                    replace(span(ANALYST, "Senior Data Analyst requirements", 0, 19), "Lead Data Analyst"),
                    replace(fragment(ANALYST, "senior-data-analyst)"), "lead-data-analyst"),
                ]
            },
            {
                "textDocument": {"uri": manager, "version": null},
                "edits": [
                    replace(fragment(MANAGER, "senior-data-analyst)\n- Coach"), "lead-data-analyst"),
                    replace(fragment(MANAGER, "senior-data-analyst) and"), "lead-data-analyst"),
                ]
            }
        ]})
    );

    // Not a level heading: nothing to rename.
    let elsewhere = at(&analyst, position(ANALYST, "## Career Ladder", 4));
    assert!(client
        .result("textDocument/prepareRename", elsewhere.clone())
        .is_null());
    let mut params = elsewhere;
    params["newName"] = json!("Ladder");
    let reply = client.request("textDocument/rename", params);
    assert_eq!(reply["error"]["code"], -32602, "{reply}");
    client.shut_down();
}

#[test]
fn a_rule_is_disabled_for_one_line() {
    let handbook = Handbook::new("");
    let (analyst, _) = family_uris(&handbook);
    let mut client = ready(&handbook);
    let text = ANALYST.replace(
        "- Lead analyses across teams\n",
        "- Lead analyses across teams \n",
    );
    client.open(&analyst, &text);
    let diags = client.diagnostics_of(&analyst, 1);
    assert_eq!(diags.len(), 1, "{diags:?}");
    let line = position(&text, "- Lead analyses", 0)["line"]
        .as_u64()
        .expect("a line");
    let actions = client.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": analyst}, "range": range(line, 0, line, 0), "context": {"diagnostics": diags}}),
    );
    let disable = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Disable trailing-whitespace for this line")
        .expect("a disable action");
    let insert = span(&text, "teams \n", 5, 0);
    let comment = " <!-- handbook-lint-disable-line trailing-whitespace -->";
    assert_eq!(
        disable["edit"]["changes"][&analyst],
        json!([{"range": insert, "newText": comment}])
    );
    // Applied: the finding is gone and the comment is not reported unused.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": analyst, "version": 2}, "contentChanges": [{"range": insert, "text": comment}]}),
    );
    assert_eq!(client.diagnostics_of(&analyst, 2), Vec::<Value>::new());
    client.shut_down();
}

#[test]
fn a_word_is_added_to_the_words_file() {
    let handbook = Handbook::new("words_file = \"words.txt\"\n");
    let (analyst, _) = family_uris(&handbook);
    let words = handbook.path("words.txt");
    let words_uri = handbook.uri("words.txt");
    let mut client = ready(&handbook);
    let text = ANALYST
        .replace("- Build recurring reports\n", "- Build recurring reprots\n")
        .replace("- Mentor other analysts\n", "- Mentor other anlaysts\n");
    client.open(&analyst, &text);
    let diags = client.diagnostics_of(&analyst, 1);
    let codes: Vec<&Value> = diags.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, ["spelling", "spelling"]);

    let line_of = |needle: &str| position(&text, needle, 0)["line"].as_u64().expect("a line");
    let ask = |client: &mut Client, line: u64| {
        let actions = client.result(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": analyst}, "range": range(line, 0, line, 0), "context": {"diagnostics": []}}),
        );
        actions
            .as_array()
            .expect("actions")
            .iter()
            .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Add `")))
            .cloned()
            .expect("an add-word action")
    };
    // The file does not exist yet: it is created with the word.
    let action = ask(&mut client, line_of("reprots"));
    assert_eq!(
        action["title"],
        "Add `reprots` to the words file (words.txt)"
    );
    assert_eq!(
        action["edit"],
        json!({"documentChanges": [
            {"kind": "create", "uri": words_uri, "options": {"overwrite": false, "ignoreIfExists": true}},
            {"textDocument": {"uri": words_uri, "version": null}, "edits": [{"range": range(0, 0, 0, 0), "newText": "reprots\n"}]},
        ]})
    );
    // The client applies it and saves: the page is linted again.
    std::fs::write(&words, "reprots\n").expect("words file");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": words_uri, "type": 1}]}),
    );
    let diags = client.diagnostics_of(&analyst, 1);
    assert_eq!(diags.len(), 1, "{diags:?}");
    // The file exists: the word is appended.
    let action = ask(&mut client, line_of("anlaysts"));
    assert_eq!(
        action["edit"],
        json!({"changes": {words_uri: [{"range": range(1, 0, 1, 0), "newText": "anlaysts\n"}]}})
    );
    client.shut_down();
}
