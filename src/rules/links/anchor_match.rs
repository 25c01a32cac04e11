//! Which anchors of a page a broken `#fragment` plausibly meant, for
//! `broken-anchor`'s suggestions and fix.
//!
//! Fragments and anchors are slugs of words (`director-of-digital-experience`).
//! Two slugs are compared word by word: a word matches the same word, a
//! slip of typing (`date` for `data`), another form of it (`level`,
//! `levels`; `managers`, `management`) or its initials (`csm` for
//! `customer-success-manager`). The score is the share of both slugs'
//! letters that match, so an anchor with words the fragment lacks (a level's
//! `-job-grade` or `-requirements` sub-section) ranks below the level
//! itself, and an anchor that shares only a role word (`manager`) with a
//! fragment of several words is not offered at all.

/// Words that do not tell two anchors apart.
const FILLER_WORDS: &[&str] = &["a", "an", "and", "at", "for", "in", "of", "on", "the", "to"];

/// The least score at which an anchor is offered as a suggestion.
const PLAUSIBLE: f64 = 0.6;

/// The least score at which the best anchor is offered as a fix.
const CLOSE: f64 = 0.8;

/// How far ahead of every other anchor the best one must be for a fix.
const MARGIN: f64 = 0.1;

/// The anchors of `anchors` that a link with the broken `fragment` and
/// the text `link_text` plausibly meant, best first, with their scores
/// (between [`PLAUSIBLE`] and 1). The fragment decides; when no anchor is
/// like it, the link's text, which names what the link is for
/// (`[Senior Manager, Enterprise Applications](#senior-manager-data)`), is
/// compared instead.
pub(crate) fn rank<'a>(
    fragment: &str,
    link_text: &str,
    anchors: &'a [String],
) -> Vec<(&'a str, f64)> {
    // The anchors' slugs serve both comparisons.
    let slugs: Vec<Slug> = anchors.iter().map(|a| Slug::new(a)).collect();
    let by_fragment = rank_by(&Slug::new(fragment), anchors, &slugs);
    if by_fragment.is_empty() {
        rank_by(&Slug::new(link_text), anchors, &slugs)
    } else {
        by_fragment
    }
}

/// The anchors like `wanted`, best first; `slugs` are the anchors' own.
fn rank_by<'a>(wanted: &Slug, anchors: &'a [String], slugs: &[Slug]) -> Vec<(&'a str, f64)> {
    let mut ranked: Vec<(&str, f64)> = anchors
        .iter()
        .zip(slugs)
        .map(|(a, slug)| (a.as_str(), wanted.similarity(slug)))
        .filter(|(_, score)| *score >= PLAUSIBLE)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.dedup_by(|a, b| a.0 == b.0);
    ranked
}

/// The best anchor when it is close and clearly ahead of the others. An
/// anchor that only extends the best one (`x-job-grade` after `x`, the
/// sub-sections of the section `x`) does not compete with it.
pub(crate) fn clear_winner<'a>(ranked: &[(&'a str, f64)]) -> Option<&'a str> {
    let (best, score) = *ranked.first()?;
    let extends_best = |other: &str| {
        other
            .strip_prefix(best)
            .is_some_and(|rest| rest.starts_with('-'))
    };
    let runner_up = ranked[1..]
        .iter()
        .filter(|(other, _)| !extends_best(other))
        .map(|r| r.1)
        .fold(0.0, f64::max);
    (score >= CLOSE && score - runner_up >= MARGIN).then_some(best)
}

/// A slug split into its words, lower-cased, filler words dropped.
struct Slug {
    words: Vec<String>,
    /// How many letters the words hold.
    weight: usize,
}

impl Slug {
    fn new(text: &str) -> Slug {
        let lower = text.to_lowercase();
        let words = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !FILLER_WORDS.contains(w))
            .map(String::from)
            .collect::<Vec<_>>();
        let weight = words.iter().map(|w| w.chars().count()).sum();
        Slug { words, weight }
    }

    /// The share of both slugs' letters that match, from 0 to 1.
    fn similarity(&self, other: &Slug) -> f64 {
        let total = self.weight + other.weight;
        if total == 0 {
            return 0.0;
        }
        if self.words == other.words {
            return 1.0;
        }
        let mut ours = vec![false; self.words.len()];
        let mut theirs = vec![false; other.words.len()];
        // Exact words first, then the looser matches, so that a loose
        // match never takes a word an exact one needs.
        for loose in [false, true] {
            for (i, word) in self.words.iter().enumerate() {
                if ours[i] {
                    continue;
                }
                let found = other
                    .words
                    .iter()
                    .enumerate()
                    .find(|(j, theirs_word)| {
                        !theirs[*j]
                            && if loose {
                                same_word(word, theirs_word)
                            } else {
                                word == *theirs_word
                            }
                    })
                    .map(|(j, _)| j);
                if let Some(j) = found {
                    ours[i] = true;
                    theirs[j] = true;
                }
            }
        }
        match_initials(&self.words, &mut ours, &other.words, &mut theirs);
        match_initials(&other.words, &mut theirs, &self.words, &mut ours);
        let matched = |words: &[String], used: &[bool]| -> usize {
            words
                .iter()
                .zip(used)
                .filter(|(_, used)| **used)
                .map(|(w, _)| w.chars().count())
                .sum()
        };
        let score =
            (matched(&self.words, &ours) + matched(&other.words, &theirs)) as f64 / total as f64;
        score.max(self.spelling_similarity(other))
    }

    /// How alike the slugs are letter by letter, for a slip that splits
    /// or joins words (`jobgrade`, `job-grade`): counted only then, and
    /// only when the letters are nearly the same.
    fn spelling_similarity(&self, other: &Slug) -> f64 {
        if self.words.len() == other.words.len() {
            return 0.0;
        }
        let (a, b) = (self.words.concat(), other.words.concat());
        let (la, lb) = (a.chars().count(), b.chars().count());
        if la.min(lb) < 5 {
            return 0.0;
        }
        // The distance is at least the difference in length: when that
        // alone keeps the score under 0.9, it is not worked out.
        let best_possible = 1.0 - la.abs_diff(lb) as f64 / la.max(lb) as f64;
        if best_possible < 0.9 {
            return 0.0;
        }
        let score = strsim::normalized_damerau_levenshtein(&a, &b);
        if score >= 0.9 {
            score
        } else {
            0.0
        }
    }
}

/// Whether two different words are one word: a slip of typing, or another
/// form of it sharing a long stem (`level` and `levels`, `managers` and
/// `management`, `engineer` and `engineering`).
fn same_word(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    let stem = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if stem >= 4 && stem * 4 >= shorter * 3 {
        return true;
    }
    let allowed = match shorter {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    // The distance is at least the difference in length, and at least
    // half the letters the two do not share.
    allowed > 0
        && la.abs_diff(lb) <= allowed
        && unshared_letters(a, b).is_none_or(|n| n.div_ceil(2) <= allowed)
        && strsim::damerau_levenshtein(a, b) <= allowed
}

/// How many letters of ASCII `a` and `b` the other lacks, counted with
/// repeats (`None` outside ASCII). An edit changes this count by two at
/// most (a swap of neighbours by none), so the edit distance is at least
/// half of it.
fn unshared_letters(a: &str, b: &str) -> Option<usize> {
    if !a.is_ascii() || !b.is_ascii() {
        return None;
    }
    let mut balance = [0i32; 128];
    for byte in a.bytes() {
        balance[usize::from(byte)] += 1;
    }
    for byte in b.bytes() {
        balance[usize::from(byte)] -= 1;
    }
    Some(balance.iter().map(|n| n.unsigned_abs() as usize).sum())
}

/// Matches each unmatched word of `short` that is the initials of a run
/// of unmatched words of `long` (`csm`, `csms` for
/// `customer-success-management`).
fn match_initials(
    short: &[String],
    short_used: &mut [bool],
    long: &[String],
    long_used: &mut [bool],
) {
    for (i, word) in short.iter().enumerate() {
        if short_used[i]
            || !(2..=6).contains(&word.len())
            || !word.chars().all(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        let mut forms = vec![word.as_str()];
        if let Some(singular) = word.strip_suffix('s').filter(|s| s.len() >= 2) {
            forms.push(singular);
        }
        'forms: for form in forms {
            let n = form.len();
            for start in 0..long.len().saturating_sub(n - 1) {
                let run = start..start + n;
                if long_used[run.clone()].iter().any(|u| *u) {
                    continue;
                }
                let initials: String = long[run.clone()]
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .collect();
                if initials == form {
                    short_used[i] = true;
                    long_used[run].iter_mut().for_each(|u| *u = true);
                    break 'forms;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unshared_letters_never_rule_out_a_close_word() {
        let mut rng = crate::testing::Lcg(0x5eed_0fa1_1ce5);
        let letters = b"abcde";
        let word = |rng: &mut crate::testing::Lcg| -> String {
            let n = rng.below(7);
            (0..n)
                .map(|_| char::from(letters[rng.below(letters.len())]))
                .collect()
        };
        for _ in 0..20_000 {
            let (a, b) = (word(&mut rng), word(&mut rng));
            let distance = strsim::damerau_levenshtein(&a, &b);
            let unshared = unshared_letters(&a, &b).unwrap_or(0);
            assert!(unshared.div_ceil(2) <= distance, "{a:?} {b:?}");
        }
        assert_eq!(unshared_letters("level", "levels"), Some(1));
        assert_eq!(unshared_letters("team", "mate"), Some(0));
        assert_eq!(unshared_letters("café", "cafe"), None);
    }

    fn anchors(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn best(fragment: &str, list: &[&str]) -> Vec<String> {
        let anchors = anchors(list);
        rank(fragment, "", &anchors)
            .into_iter()
            .map(|(a, _)| a.to_string())
            .collect()
    }

    #[test]
    fn a_level_ranks_above_its_sub_sections() {
        let list = [
            "director-digital-experience-job-grade",
            "director-digital-experience-requirements",
            "director-digital-experience",
            "manager-digital-experience",
        ];
        assert_eq!(
            best("director-of-digital-experience", &list)[0],
            "director-digital-experience"
        );
        let list = [
            "senior-director-of-csm-requirements",
            "senior-director-of-csm-job-grade",
            "senior-director-of-customer-success-management",
            "director-of-customer-success-management",
        ];
        assert_eq!(
            best("senior-director-of-CSMs", &list)[0],
            "senior-director-of-customer-success-management"
        );
    }

    #[test]
    fn initials_match_the_words_they_stand_for() {
        let list = [
            "manager-csm",
            "manager-csm-job-grade",
            "senior-manager-csm",
            "staff-csm",
        ];
        let anchors = anchors(&list);
        let ranked = rank("manager-of-customer-success-managers", "", &anchors);
        assert_eq!(ranked[0].0, "manager-csm");
        assert_eq!(clear_winner(&ranked), Some("manager-csm"));
    }

    #[test]
    fn unrelated_anchors_are_not_offered() {
        let list = [
            "secure",
            "scalability",
            "responsibilties",
            "growth",
            "requirements",
        ];
        assert!(best("specialties", &list).is_empty());
        let list = ["senior-manager-enterprise-applications", "levels"];
        assert!(best("senior-manager-data", &list).is_empty());
        let list = ["director-sales", "senior-director-sales"];
        assert!(best("senior-manager", &list).is_empty());
    }

    #[test]
    fn slips_and_forms_of_a_word_match() {
        assert_eq!(
            best("senior-manager-date", &["senior-manager-data", "levels"]),
            vec!["senior-manager-data"]
        );
        assert_eq!(best("level", &["levels", "job-grade"]), vec!["levels"]);
        assert_eq!(
            best("jobgrade", &["job-grade", "levels"]),
            vec!["job-grade"]
        );
        assert_eq!(
            best("perfomance-indicators", &["performance-indicators"]),
            vec!["performance-indicators"]
        );
    }

    #[test]
    fn the_link_text_names_the_anchor_too() {
        let anchors = anchors(&["levels", "senior-manager-enterprise-applications"]);
        let ranked = rank(
            "senior-manager-data",
            "Senior Manager, Enterprise Applications",
            &anchors,
        );
        assert_eq!(
            clear_winner(&ranked),
            Some("senior-manager-enterprise-applications")
        );
        assert!(rank("senior-manager-data", "", &anchors).is_empty());
        // The fragment decides when an anchor is like it.
        let anchors = self::anchors(&["manager-csm", "senior-manager-csm"]);
        let ranked = rank("manager-tam", "Manager/Senior Manager, CSM", &anchors);
        assert_eq!(ranked[0].0, "manager-csm");
    }

    #[test]
    fn close_ties_get_no_fix() {
        let anchors = anchors(&["job-grade-1", "job-grade-2"]);
        let ranked = rank("job-grade-3", "", &anchors);
        assert_eq!(ranked.len(), 2);
        assert_eq!(clear_winner(&ranked), None);
    }

    #[test]
    fn a_renamed_level_is_suggested_without_a_fix() {
        let anchors = anchors(&["manager-csm", "senior-manager-csm", "manager-csm-job-grade"]);
        let ranked = rank("manager-tam", "", &anchors);
        assert_eq!(ranked.first().map(|r| r.0), Some("manager-csm"));
        assert_eq!(clear_winner(&ranked), None);
    }
}
