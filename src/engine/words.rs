//! `handbook-lint words`: the words of a tree that the spelling rule
//! does not know, counted over the pages, so that a team adopting the
//! linter can review them and start its `words_file` in one step.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{discover, read_source, DiscoverError};
use crate::config::Config;
use crate::document::Document;
use crate::rules::prose::spelling::{self, Tier};
use crate::rules::Context;

/// An unknown word of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordTally {
    /// The word as written most often.
    pub word: String,
    /// How many times it is written.
    pub count: usize,
    /// The pages that use it, in path order.
    pub pages: Vec<PathBuf>,
    /// The correction, when the word looks like a typo of one.
    pub likely_typo_of: Option<String>,
}

/// The unknown words of the pages under `paths`, most frequent first
/// (then alphabetically). Known misspellings and capitalised words that
/// the handbook itself shows to be names (see
/// [`spelling::corpus_vocabulary`]) are left out.
pub fn tally(paths: &[PathBuf], config: &Config) -> Result<Vec<WordTally>, DiscoverError> {
    let files = discover(paths, config)?;
    let per_page: Vec<Vec<spelling::Judged>> = files
        .par_iter()
        .map(|path| page_words(path, config))
        .collect();
    let names = spelling::corpus_vocabulary(
        per_page
            .iter()
            .enumerate()
            .flat_map(|(page, words)| words.iter().map(move |w| (page, w.word.as_str()))),
    );
    let mut tallies: HashMap<String, (WordTally, HashMap<String, usize>)> = HashMap::new();
    for (page, words) in per_page.iter().enumerate() {
        for judged in words {
            let key = spelling::vocabulary_key(&judged.word);
            if names.contains(&key) {
                continue;
            }
            let (tally, forms) = tallies.entry(key).or_insert_with(|| {
                let tally = WordTally {
                    word: judged.word.clone(),
                    count: 0,
                    pages: Vec::new(),
                    likely_typo_of: None,
                };
                (tally, HashMap::new())
            });
            tally.count += 1;
            if tally.pages.last() != Some(&files[page]) {
                tally.pages.push(files[page].clone());
            }
            if judged.tier == Tier::Likely {
                tally.likely_typo_of = judged.suggestions.first().cloned();
            }
            *forms.entry(judged.word.clone()).or_default() += 1;
        }
    }
    let mut out: Vec<WordTally> = tallies
        .into_values()
        .map(|(mut tally, forms)| {
            if let Some((form, _)) = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            {
                tally.word = form;
            }
            tally
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
    Ok(out)
}

/// The unknown words of one page (none when it cannot be read).
fn page_words(path: &Path, config: &Config) -> Vec<spelling::Judged> {
    let Ok(source) = read_source(path) else {
        return Vec::new();
    };
    let doc = Document::parse(path, source);
    let cx = Context::new(&doc, &config.settings, None);
    spelling::judge_page(&cx)
        .into_iter()
        .filter(|j| matches!(j.tier, Tier::Likely | Tier::Unknown))
        .collect()
}
