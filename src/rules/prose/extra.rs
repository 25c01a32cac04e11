//! The prose rules' lists in force for a run: the lists embedded from
//! `rules/`, plus the entries a configuration adds to them (its `[lists]`
//! table). Without added entries the rules read the embedded lists, built
//! once per process; with them, the combined lists are built once per
//! configuration (and shared by every configuration with the same text).

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::data::{
    self, BrandNames, BrandPhrase, Compile, ConfusedPattern, Entry, ListError, Origin, Shapes,
    VacancyPhrase, BRAND_NAMES, BRAND_NAME_PHRASES, BRAND_PHRASE_STARTS, CONFUSED, INCLUSIVE,
    PLACEHOLDER_PATTERNS, VACANCY,
};
use super::lists::Searcher;
use crate::pattern::LazyRegex;

/// A list that a configuration can add entries to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListKind {
    /// Brand names of one word (`rules/brands.txt`).
    Brands,
    /// Product names of several words (`rules/brand-phrases.txt`).
    BrandPhrases,
    /// `confused-word` patterns (`rules/confused-words.txt`).
    ConfusedWords,
    /// `inclusive-language` entries (`rules/inclusive-language.txt`).
    InclusiveLanguage,
    /// `vacancy-language` phrases (`rules/vacancy-language.txt`).
    VacancyLanguage,
    /// `placeholder` patterns (`rules/placeholders.txt`).
    Placeholders,
}

impl ListKind {
    /// Every kind, in the order of the configuration's keys.
    pub const ALL: [ListKind; 6] = [
        ListKind::Brands,
        ListKind::BrandPhrases,
        ListKind::ConfusedWords,
        ListKind::InclusiveLanguage,
        ListKind::VacancyLanguage,
        ListKind::Placeholders,
    ];

    /// The key of the `[lists]` table (`brand-phrases`).
    pub fn key(self) -> &'static str {
        match self {
            ListKind::Brands => "brands",
            ListKind::BrandPhrases => "brand-phrases",
            ListKind::ConfusedWords => "confused-words",
            ListKind::InclusiveLanguage => "inclusive-language",
            ListKind::VacancyLanguage => "vacancy-language",
            ListKind::Placeholders => "placeholders",
        }
    }

    /// The embedded file the entries add to.
    pub fn embedded_path(self) -> &'static str {
        match self {
            ListKind::Brands => "rules/brands.txt",
            ListKind::BrandPhrases => "rules/brand-phrases.txt",
            ListKind::ConfusedWords => "rules/confused-words.txt",
            ListKind::InclusiveLanguage => "rules/inclusive-language.txt",
            ListKind::VacancyLanguage => "rules/vacancy-language.txt",
            ListKind::Placeholders => "rules/placeholders.txt",
        }
    }

    /// The ids of the rules that read the list.
    pub fn rules(self) -> &'static [&'static str] {
        data::DATA_FILES
            .iter()
            .find(|file| file.path == self.embedded_path())
            .map_or(&[], |file| file.rules)
    }
}

/// Text a configuration adds to one list: a file's, or the entries
/// written inline in the configuration, one a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListText {
    /// The list it adds to.
    pub kind: ListKind,
    /// The file it was read from; for inline entries, the configuration
    /// file.
    pub name: String,
    /// For inline entries, the configuration file's line of each line of
    /// `text`; `None` for a file.
    pub lines: Option<Vec<usize>>,
    /// The entries, in the embedded file's format.
    pub text: String,
}

impl ListText {
    fn origin(&self) -> Origin<'_> {
        Origin {
            name: &self.name,
            lines: self.lines.as_deref(),
        }
    }
}

/// Where some of a list's entries come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListSource {
    /// The list they add to.
    pub kind: ListKind,
    /// The file; for inline entries, the configuration file.
    pub name: String,
    /// Whether the entries are written inline in the configuration.
    pub inline: bool,
    /// How many entries (lines of data, section headers aside).
    pub entries: usize,
}

/// The entries a configuration adds, parsed and checked.
#[derive(Debug, Default)]
pub struct ExtraLists {
    brands: BrandNames,
    brand_phrases: Vec<BrandPhrase>,
    /// The shapes of the first words of `brand_phrases`.
    brand_phrase_starts: Shapes,
    confused: Vec<ConfusedPattern>,
    inclusive: Vec<Entry>,
    vacancy: Vec<VacancyPhrase>,
    placeholders: Vec<LazyRegex>,
    sources: Vec<ListSource>,
    /// The search for the combined lists, built on first use.
    pub(super) searcher: OnceLock<Searcher>,
}

impl ExtraLists {
    /// Parses `texts` with the parsers of the embedded lists, compiling
    /// every pattern now: the first line that cannot be used is an error
    /// naming its file and line.
    fn parse(texts: &[ListText]) -> Result<ExtraLists, ListError> {
        let mut extra = ExtraLists::default();
        let mut brands = Vec::new();
        for list in texts {
            let origin = list.origin();
            let text = list.text.as_str();
            let entries = match list.kind {
                ListKind::Brands => {
                    let names = data::parse_brands(text, &origin)?;
                    brands.extend(names.iter().map(|name| name.to_string()));
                    names.len()
                }
                ListKind::BrandPhrases => {
                    let phrases = data::parse_brand_phrases(text, &origin)?;
                    let count = phrases.len();
                    extra.brand_phrases.extend(
                        phrases
                            .into_iter()
                            .map(|(words, name)| (words, name.to_string().into())),
                    );
                    count
                }
                ListKind::ConfusedWords => {
                    let patterns = data::parse_confused(text, &origin, Compile::Now)?;
                    let count = patterns.len();
                    extra.confused.extend(patterns);
                    count
                }
                ListKind::InclusiveLanguage => {
                    let found = data::entries(text, &origin, data::INCLUSIVE_SECTIONS)?;
                    let count = found.len();
                    extra.inclusive.extend(found);
                    count
                }
                ListKind::VacancyLanguage => {
                    let phrases = data::parse_vacancy(text, &origin)?;
                    let count = phrases.len();
                    extra.vacancy.extend(phrases);
                    count
                }
                ListKind::Placeholders => {
                    let patterns = data::parse_placeholders(text, &origin, Compile::Now)?;
                    let count = patterns.len();
                    extra.placeholders.extend(patterns);
                    count
                }
            };
            extra.sources.push(ListSource {
                kind: list.kind,
                name: list.name.clone(),
                inline: list.lines.is_some(),
                entries,
            });
        }
        extra.brands = BrandNames::new(brands.into_iter().map(Into::into));
        extra.brand_phrase_starts = data::phrase_starts(&extra.brand_phrases);
        Ok(extra)
    }
}

/// A list in force: the embedded entries, then the added ones, indexed
/// as one list.
#[derive(Debug)]
pub struct Chain<'a, T> {
    embedded: &'a [T],
    extra: &'a [T],
}

impl<T> Clone for Chain<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Chain<'_, T> {}

impl<'a, T> Chain<'a, T> {
    /// The entry at `index`.
    pub fn get(&self, index: usize) -> Option<&'a T> {
        match self.embedded.get(index) {
            Some(entry) => Some(entry),
            None => self.extra.get(index - self.embedded.len()),
        }
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.embedded.len() + self.extra.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries, embedded first.
    pub fn iter(&self) -> impl Iterator<Item = &'a T> + use<'a, T> {
        self.embedded.iter().chain(self.extra.iter())
    }
}

/// The prose rules' lists in force: the embedded ones, and those a
/// configuration adds. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct ProseLists {
    extra: Option<Arc<ExtraLists>>,
}

/// Configurations whose added lists were built lately, by their text: a
/// configuration read again (the language server reads it for each page
/// it lints) finds its lists built.
static BUILT: Mutex<Vec<(Vec<ListText>, Arc<ExtraLists>)>> = Mutex::new(Vec::new());

/// How many configurations' lists [`BUILT`] keeps.
const BUILT_KEPT: usize = 4;

impl ProseLists {
    /// The embedded lists plus the entries of `texts`, parsed with the
    /// embedded lists' parsers. A line that cannot be used is an error
    /// naming its file and line.
    pub fn with_extra(texts: Vec<ListText>) -> Result<ProseLists, ListError> {
        if texts.is_empty() {
            return Ok(ProseLists::default());
        }
        let mut built = BUILT.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, extra)) = built.iter().find(|(key, _)| *key == texts) {
            return Ok(ProseLists {
                extra: Some(Arc::clone(extra)),
            });
        }
        let extra = Arc::new(ExtraLists::parse(&texts)?);
        if built.len() >= BUILT_KEPT {
            built.remove(0);
        }
        built.push((texts, Arc::clone(&extra)));
        Ok(ProseLists { extra: Some(extra) })
    }

    /// The added lists, if any.
    pub(super) fn extra(&self) -> Option<&ExtraLists> {
        self.extra.as_deref()
    }

    /// Where the added entries come from, in the order they were named.
    pub fn sources(&self) -> &[ListSource] {
        self.extra().map_or(&[], |extra| &extra.sources)
    }

    /// The owner's spelling of the brand name whose lower-case form is
    /// `lower`: an added spelling first.
    pub fn brand(&self, lower: &str) -> Option<&str> {
        self.extra()
            .and_then(|extra| extra.brands.get(lower))
            .or_else(|| BRAND_NAMES.get(lower))
    }

    /// Whether the ASCII word `name` may be a brand name in some case
    /// (when it is not, [`ProseLists::brand`] finds nothing for it).
    pub fn may_be_brand(&self, name: &str) -> bool {
        BRAND_NAMES.may_be(name) || self.extra().is_some_and(|extra| extra.brands.may_be(name))
    }

    /// The added brand names, as their owners spell them.
    pub fn added_brands(&self) -> impl Iterator<Item = &str> {
        self.extra()
            .into_iter()
            .flat_map(|extra| extra.brands.names())
    }

    /// Whether the word `first` may start one of [`ProseLists::brand_phrases`]
    /// (when it may not, none of them starts with it in any case).
    pub fn may_start_brand_phrase(&self, first: &str) -> bool {
        BRAND_PHRASE_STARTS.may_be(first)
            || self
                .extra()
                .is_some_and(|extra| extra.brand_phrase_starts.may_be(first))
    }

    /// Product names of several words.
    pub fn brand_phrases(&self) -> Chain<'_, BrandPhrase> {
        self.chain(&BRAND_NAME_PHRASES, |extra| &extra.brand_phrases)
    }

    /// `confused-word` patterns.
    pub fn confused(&self) -> Chain<'_, ConfusedPattern> {
        self.chain(&CONFUSED, |extra| &extra.confused)
    }

    /// `inclusive-language` entries.
    pub fn inclusive(&self) -> Chain<'_, Entry> {
        self.chain(&INCLUSIVE, |extra| &extra.inclusive)
    }

    /// `vacancy-language` phrases.
    pub fn vacancy(&self) -> Chain<'_, VacancyPhrase> {
        self.chain(&VACANCY, |extra| &extra.vacancy)
    }

    /// `placeholder` patterns.
    pub fn placeholders(&self) -> Chain<'_, LazyRegex> {
        self.chain(&PLACEHOLDER_PATTERNS, |extra| &extra.placeholders)
    }

    fn chain<'a, T>(
        &'a self,
        embedded: &'a [T],
        added: impl Fn(&'a ExtraLists) -> &'a [T],
    ) -> Chain<'a, T> {
        Chain {
            embedded,
            extra: self.extra().map_or(&[], added),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(kind: ListKind, name: &str, text: &str) -> ListText {
        ListText {
            kind,
            name: name.to_string(),
            lines: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn added_entries_follow_the_embedded_ones() {
        let lists = ProseLists::with_extra(vec![
            file(ListKind::Brands, "b.txt", "# ours\nFrobCo\nGITLAB\n"),
            file(ListKind::BrandPhrases, "p.txt", "Frob Cloud\n"),
            file(
                ListKind::ConfusedWords,
                "c.txt",
                r"\bfrob (?P<w>it)\b => its | x",
            ),
            file(
                ListKind::InclusiveLanguage,
                "i.txt",
                "[pronouns]\nxe -> they\n",
            ),
            file(
                ListKind::VacancyLanguage,
                "v.txt",
                "[as an offer]\nfree frobs\n",
            ),
            file(ListKind::Placeholders, "h.txt", r"\bFROBME\b"),
        ])
        .expect("valid lists");
        assert_eq!(lists.brand("frobco"), Some("FrobCo"));
        assert!(lists.may_be_brand("Frobco"));
        // An added spelling of an embedded name replaces it.
        assert_eq!(lists.brand("gitlab"), Some("GITLAB"));
        assert_eq!(lists.brand("github"), Some("GitHub"));
        let phrases = lists.brand_phrases();
        assert_eq!(phrases.len(), BRAND_NAME_PHRASES.len() + 1);
        let last = phrases
            .get(phrases.len() - 1)
            .map(|(_, name)| name.as_ref());
        assert_eq!(last, Some("Frob Cloud"));
        assert_eq!(lists.confused().len(), CONFUSED.len() + 1);
        let xe = lists.inclusive().get(INCLUSIVE.len());
        assert!(xe.is_some_and(|e| e.term == "xe" && e.section == "pronouns"));
        let offer = lists.vacancy().get(VACANCY.len());
        assert!(offer.is_some_and(|p| p.context == data::VacancyContext::AsOffer));
        assert_eq!(lists.placeholders().len(), PLACEHOLDER_PATTERNS.len() + 1);
        assert!(lists
            .placeholders()
            .get(lists.placeholders().len())
            .is_none());
        let counts: Vec<(ListKind, usize)> = lists
            .sources()
            .iter()
            .map(|s| (s.kind, s.entries))
            .collect();
        assert_eq!(counts[0], (ListKind::Brands, 2));
        assert_eq!(counts[3], (ListKind::InclusiveLanguage, 1));
    }

    #[test]
    fn the_same_text_shares_its_built_lists() {
        let texts = || vec![file(ListKind::Brands, "same.txt", "Shareco\n")];
        let first = ProseLists::with_extra(texts()).expect("valid");
        let second = ProseLists::with_extra(texts()).expect("valid");
        let (Some(a), Some(b)) = (&first.extra, &second.extra) else {
            panic!("added lists expected");
        };
        assert!(Arc::ptr_eq(a, b));
        let none = ProseLists::with_extra(Vec::new()).expect("no lists");
        assert!(none.extra.is_none());
        assert_eq!(none.confused().len(), CONFUSED.len());
    }

    #[test]
    fn inline_entries_are_named_by_their_configuration_line() {
        let inline = ListText {
            kind: ListKind::Placeholders,
            name: "lint.toml".to_string(),
            lines: Some(vec![7, 9]),
            text: "TBD\n(unclosed\n".to_string(),
        };
        let err = ProseLists::with_extra(vec![inline])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("lint.toml: line 9: "), "{err}");
        assert!(err.contains("not a valid regular expression"), "{err}");
    }

    #[test]
    fn every_kind_names_an_embedded_file_and_its_rules() {
        for kind in ListKind::ALL {
            assert!(!kind.rules().is_empty(), "{kind:?}");
        }
        assert_eq!(ListKind::Placeholders.rules(), ["placeholder"]);
    }
}
