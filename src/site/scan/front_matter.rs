//! A page's front matter as the scan reads it, without a YAML parse: the
//! text between `---` (YAML) or `+++` (TOML) lines, and the routes a Hugo
//! front matter gives its page (`url`, `aliases`).

/// The routes a Hugo front matter (YAML or TOML) gives its page besides
/// its file's: `url` and the `aliases` list.
pub fn front_matter_routes(front_matter: &str) -> Vec<String> {
    let mut routes = Vec::new();
    let mut in_aliases = false;
    for line in front_matter.lines() {
        let trimmed = line.trim();
        if in_aliases {
            if let Some(item) = trimmed.strip_prefix("- ") {
                push_value(item, &mut routes);
                continue;
            }
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            in_aliases = false;
        }
        if line.starts_with([' ', '\t']) {
            continue; // nested keys
        }
        let Some((key, value)) = trimmed.split_once([':', '=']) else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "url" => push_value(value, &mut routes),
            "aliases" if value.is_empty() => in_aliases = true,
            "aliases" => {
                let list = value.trim_start_matches('[').trim_end_matches(']');
                for item in list.split(',') {
                    push_value(item, &mut routes);
                }
            }
            _ => {}
        }
    }
    routes
}

fn push_value(value: &str, out: &mut Vec<String>) {
    let value = value.split(" #").next().unwrap_or(value).trim();
    let value = value.trim_matches(|c| c == '"' || c == '\'').trim();
    if !value.is_empty() {
        out.push(value.to_string());
    }
}

/// Where the body starts after a `---` (YAML) or `+++` (TOML) front matter.
pub(super) fn front_matter_end(source: &str) -> usize {
    split_front_matter(source).map_or(0, |(_, end)| end)
}

/// The front matter of a page: the lines between an opening `---` (YAML)
/// or `+++` (TOML) line and the matching closing line.
pub fn front_matter(source: &str) -> Option<&str> {
    split_front_matter(source).map(|(text, _)| text)
}

/// The front matter's text and the offset where the body starts after
/// it; `None` without an opening line or without its closing line.
fn split_front_matter(source: &str) -> Option<(&str, usize)> {
    let source_trimmed = source.strip_prefix('\u{feff}').unwrap_or(source);
    let bom = source.len() - source_trimmed.len();
    let mut lines = source_trimmed.split_inclusive('\n');
    let first = lines.next()?;
    let delimiter = first.trim_end();
    if delimiter != "---" && delimiter != "+++" {
        return None;
    }
    let start = bom + first.len();
    let mut offset = start;
    for line in lines {
        let line_start = offset;
        offset += line.len();
        if line.trim_end() == delimiter {
            return Some((&source[start..line_start], offset));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_routes_from_front_matter() {
        let yaml = "title: X\nurl: /jobs/x/\naliases:\n  - /old/x/\n  - \"/older/x\"\nlevels:\n  url: nested\n";
        assert_eq!(
            front_matter_routes(yaml),
            vec!["/jobs/x/", "/old/x/", "/older/x"]
        );
        let toml = "title = \"X\"\naliases = [\"/a/\", \"/b/\"]\n";
        assert_eq!(front_matter_routes(toml), vec!["/a/", "/b/"]);
        assert_eq!(front_matter_routes("aliases: [/c/, d]\n"), vec!["/c/", "d"]);
    }
}
