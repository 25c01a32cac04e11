//! Go to definition, hover and document symbols.

use serde_json::{json, Value};

use super::client::{at, position, range, span, Client};
use super::handbook::{family_uris, Handbook, ANALYST, GRADES, MANAGER};

/// The range of a heading's text: `line` is the heading as written.
fn heading(text: &str, line: &str) -> Value {
    let markers = line.find(' ').map_or(0, |i| i + 1);
    let start = position(text, line, markers);
    let mut end = start.clone();
    end["character"] = json!(line.encode_utf16().count());
    json!({"start": start, "end": end})
}

/// A client on `handbook` whose workspace index is built.
fn ready(handbook: &Handbook) -> Client {
    let mut client = Client::initialized(handbook.root(), Some(handbook.root()), json!({}));
    client.log_containing("indexed 3 pages");
    client
}

#[test]
fn an_extends_reference_goes_to_the_level_it_names() {
    let handbook = Handbook::new("");
    let (analyst, _) = family_uris(&handbook);
    let mut client = ready(&handbook);
    client.open(&analyst, ANALYST);
    // "Extends the Data Analyst responsibilities" names the level
    // "Data Analyst (Intermediate)".
    let found = client.result(
        "textDocument/definition",
        at(
            &analyst,
            position(ANALYST, "Data Analyst responsibilities", 5),
        ),
    );
    assert_eq!(
        found,
        json!({"uri": analyst, "range": heading(ANALYST, "### Data Analyst (Intermediate)")})
    );
    let found = client.result(
        "textDocument/definition",
        at(
            &analyst,
            position(ANALYST, "Senior Data Analyst requirements", 0),
        ),
    );
    assert_eq!(
        found,
        json!({"uri": analyst, "range": heading(ANALYST, "### Senior Data Analyst")})
    );
    // Plain text leads nowhere.
    let found = client.result(
        "textDocument/definition",
        at(&analyst, position(ANALYST, "Mentor other", 2)),
    );
    assert!(found.is_null(), "{found}");
    client.shut_down();
}

#[test]
fn links_go_to_their_page_and_anchor() {
    let handbook = Handbook::new("");
    let (analyst, manager) = family_uris(&handbook);
    let grades = handbook.uri("content/handbook/grades.md");
    let mut client = ready(&handbook);
    client.open(&analyst, ANALYST);
    client.open(&manager, MANAGER);

    // An in-page link.
    let found = client.result(
        "textDocument/definition",
        at(&analyst, position(ANALYST, "#senior-data-analyst", 3)),
    );
    assert_eq!(
        found,
        json!({"uri": analyst, "range": heading(ANALYST, "### Senior Data Analyst")})
    );
    // A grade link, from its number and from the rest of its sentence.
    let grade_table = json!({"uri": grades, "range": heading(GRADES, "## Grade Table")});
    for needle in ["grade 7", "The Senior Data Analyst is"] {
        let found = client.result(
            "textDocument/definition",
            at(&analyst, position(ANALYST, needle, 5)),
        );
        assert_eq!(found, grade_table, "from `{needle}`");
    }
    // A relative link to another page's anchor.
    let found = client.result(
        "textDocument/definition",
        at(&manager, position(MANAGER, "../data-analyst/", 4)),
    );
    assert_eq!(
        found,
        json!({"uri": analyst, "range": heading(ANALYST, "### Senior Data Analyst")})
    );
    // A page without an anchor: its start.
    handbook.write(
        "content/handbook/values.md",
        "---\ntitle: Values\n---\n\nText.\n",
    );
    let text = "---\ntitle: Values user\n---\n\nSee [values](/handbook/values/).\n";
    let page = handbook.uri("content/handbook/reader.md");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": handbook.uri("content/handbook/values.md"), "type": 1}]}),
    );
    client.open(&page, text);
    client.diagnostics_of(&page, 1);
    let found = client.result(
        "textDocument/definition",
        at(&page, position(text, "/handbook/values/", 2)),
    );
    assert_eq!(
        found,
        json!({"uri": handbook.uri("content/handbook/values.md"), "range": range(0, 0, 0, 0)})
    );
    client.shut_down();
}

#[test]
fn hover_shows_a_level_and_a_findings_rule() {
    let handbook = Handbook::new("");
    let (analyst, _) = family_uris(&handbook);
    let mut client = ready(&handbook);
    let text = ANALYST.replace(
        "- Lead analyses across teams\n",
        "- Lead analyses across teams \n",
    );
    client.open(&analyst, &text);
    client.diagnostics_of(&analyst, 1);

    let hover = client.result(
        "textDocument/hover",
        at(&analyst, position(&text, "### Staff Data Analyst", 6)),
    );
    assert_eq!(
        hover["contents"],
        json!({"kind": "markdown", "value": "**Staff Data Analyst** · grade 8\n- 1 responsibility, and 3 inherited: extends Senior Data Analyst → Data Analyst (Intermediate)\n- 1 requirement, and 3 inherited: extends Senior Data Analyst → Data Analyst (Intermediate)"})
    );
    assert_eq!(hover["range"], heading(&text, "### Staff Data Analyst"));

    // On a reference: the level it names.
    let hover = client.result(
        "textDocument/hover",
        at(&analyst, position(&text, "Data Analyst requirements", 2)),
    );
    assert_eq!(
        hover["contents"]["value"],
        "**Data Analyst (Intermediate)** · grade 6\n- 2 responsibilities\n- 2 requirements"
    );
    assert_eq!(
        hover["range"],
        span(&text, "Data Analyst requirements", 0, 12)
    );

    // On a finding: its rule's documentation.
    let hover = client.result(
        "textDocument/hover",
        at(&analyst, position(&text, "teams \n", 5)),
    );
    let value = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        value.starts_with("**trailing-whitespace** (layout rule"),
        "{value}"
    );
    assert!(value.contains("## Bad"), "{value}");
    client.shut_down();
}

#[test]
fn symbols_outline_the_ladder() {
    let handbook = Handbook::new("");
    let (analyst, _) = family_uris(&handbook);
    let mut client = ready(&handbook);
    client.open(&analyst, ANALYST);
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": analyst}}),
    );
    let names: Vec<&Value> = symbols
        .as_array()
        .expect("symbols")
        .iter()
        .map(|s| &s["name"])
        .collect();
    assert_eq!(
        names,
        [
            "Levels",
            "Performance Indicators",
            "Career Ladder",
            "Hiring Process"
        ]
    );
    let levels = symbols[0]["children"].as_array().expect("levels");
    let shown: Vec<(&Value, &Value)> = levels.iter().map(|s| (&s["name"], &s["detail"])).collect();
    assert_eq!(
        shown,
        [
            (&json!("Data Analyst (Intermediate)"), &json!("grade 6")),
            (&json!("Senior Data Analyst"), &json!("grade 7")),
            (&json!("Staff Data Analyst"), &json!("grade 8")),
        ]
    );
    assert_eq!(
        levels[1]["selectionRange"],
        heading(ANALYST, "### Senior Data Analyst")
    );
    assert_eq!(levels[1]["kind"], 5, "a class");
    let lists: Vec<(&Value, &Value)> = levels[1]["children"]
        .as_array()
        .expect("lists")
        .iter()
        .map(|s| (&s["name"], &s["detail"]))
        .collect();
    assert_eq!(
        lists,
        [
            (
                &json!("Senior Data Analyst Responsibilities"),
                &json!("2 items")
            ),
            (
                &json!("Senior Data Analyst Requirements"),
                &json!("2 items")
            ),
        ]
    );
    client.shut_down();
}
