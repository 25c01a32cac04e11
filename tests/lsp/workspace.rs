//! The workspace index follows the disk: pages changed, added and saved
//! refresh the diagnostics of the open pages that link to them.

use serde_json::{json, Value};

use super::client::{position, span, Client};
use super::handbook::{family_uris, Handbook, ANALYST, MANAGER};

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

fn watched(client: &mut Client, uri: &str, kind: u8) {
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri, "type": kind}]}),
    );
}

#[test]
fn a_changed_page_refreshes_the_pages_linking_to_it() {
    let handbook = Handbook::new("");
    let (analyst, manager) = family_uris(&handbook);
    let mut client = Client::initialized(
        handbook.root(),
        Some(handbook.root()),
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
    );
    // The server asks to be told of changes.
    let registration = client.wait(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        registration["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    client.open(&manager, MANAGER);
    assert!(codes(&client.diagnostics_of(&manager, 1)).is_empty());

    // The level the manager page links to is renamed on disk.
    let renamed = ANALYST.replace("### Senior Data Analyst", "### Senior Analyst");
    handbook.write("content/job-families/data-analyst.md", &renamed);
    watched(&mut client, &analyst, 2);
    let diags = client.diagnostics_of(&manager, 1);
    assert_eq!(codes(&diags), ["broken-anchor", "broken-anchor"]);
    assert_eq!(
        diags[0]["range"],
        span(MANAGER, "#senior-data-analyst)", 0, 20)
    );

    // And back.
    handbook.write("content/job-families/data-analyst.md", ANALYST);
    watched(&mut client, &analyst, 2);
    assert!(codes(&client.diagnostics_of(&manager, 1)).is_empty());

    // A page that a link waits for is created.
    let text = format!("{MANAGER}\nSee [scientists](/job-families/data-scientist/).\n");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": manager, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    assert_eq!(codes(&client.diagnostics_of(&manager, 2)), ["broken-link"]);
    handbook.write(
        "content/job-families/data-scientist.md",
        "---\ntitle: Data Scientist\n---\n\nText.\n",
    );
    watched(
        &mut client,
        &handbook.uri("content/job-families/data-scientist.md"),
        1,
    );
    assert!(codes(&client.diagnostics_of(&manager, 2)).is_empty());
    // And deleted.
    std::fs::remove_file(handbook.path("content/job-families/data-scientist.md")).expect("removed");
    watched(
        &mut client,
        &handbook.uri("content/job-families/data-scientist.md"),
        3,
    );
    assert_eq!(codes(&client.diagnostics_of(&manager, 2)), ["broken-link"]);
    client.shut_down();
}

#[test]
fn a_saved_page_refreshes_the_pages_linking_to_it() {
    // A client without file watchers (Neovim before 0.10) reports saves.
    let handbook = Handbook::new("");
    let (analyst, manager) = family_uris(&handbook);
    let mut client = Client::initialized(handbook.root(), Some(handbook.root()), json!({}));
    client.log_containing("indexed 3 pages");
    client.open(&manager, MANAGER);
    client.open(&analyst, ANALYST);
    assert!(codes(&client.diagnostics_of(&manager, 1)).is_empty());
    client.diagnostics_of(&analyst, 1);
    let renamed = ANALYST.replace("### Senior Data Analyst", "### Senior Analyst");
    let start = position(ANALYST, "### Senior Data Analyst", 11);
    let end = position(ANALYST, "### Senior Data Analyst", 16);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": analyst, "version": 2}, "contentChanges": [{"range": {"start": start, "end": end}, "text": ""}]}),
    );
    handbook.write("content/job-families/data-analyst.md", &renamed);
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": analyst}}),
    );
    assert_eq!(
        codes(&client.diagnostics_of(&manager, 1)),
        ["broken-anchor", "broken-anchor"]
    );
    client.shut_down();
}
