//! Titles and roles, normalised so "Defence Minister" = "defense minister" and
//! "Turkey's foreign minister" = "Turkish Foreign Minister".

use crate::knowledge::{self, country_by_word};
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    /// The head word ("minister", "spokesperson"), American spelling, synonyms folded.
    pub head: String,
    /// Portfolio and rank words ("foreign", "deputy").
    pub qualifiers: BTreeSet<String>,
    /// The country the role belongs to, when the title says ("Turkish", "Ukraine's").
    pub nation: Option<String>,
    /// Names of bodies in the title ("EU Commission", "NATO"): spelled too many ways to compare.
    pub affiliation: BTreeSet<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    /// Names the office ("foreign", "finance").
    Portfolio,
    /// Ranks it ("deputy").
    Rank,
}

/// What a qualifier says about a role; `None` for words that say neither ("senior", "acting").
fn qualifier_kind(q: &str) -> Option<Qualifier> {
    match q {
        "deputy" | "vice" | "assistant" | "under" | "associate" => Some(Qualifier::Rank),
        "special" | "senior" | "top" | "presidential" | "former" | "acting" | "interim" | "longtime" | "new" | "then" | "current" | "outgoing" | "incoming"
        | "veteran" | "chief" | "lead" | "principal" => None,
        _ => Some(Qualifier::Portfolio),
    }
}

/// Synonyms fold onto one head so "spokesman" and "spokesperson" agree.
fn fold_head(w: &str) -> &str {
    match w {
        "spokesman" | "spokeswoman" | "spokesperson" => "spokesperson",
        "advisor" | "adviser" | "aide" => "aide",
        "chairman" | "chairwoman" | "chair" | "chairperson" => "chair",
        "secretary-general" => "general",
        other => other,
    }
}

/// Words that say nothing about which role it is.
fn is_filler(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "of" | "for" | "and" | "its" | "his" | "her" | "their" | "then" | "now" | "current" | "newly" | "appointed" | "mr" | "mrs" | "ms" | "dr")
}

impl Role {
    /// A role from the words of a title phrase; `None` when no title head is among them.
    pub fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<Role> {
        let mut head: Option<String> = None;
        let mut qualifiers = BTreeSet::new();
        let mut affiliation = BTreeSet::new();
        let mut nation = None;
        for (i, raw) in words.into_iter().enumerate() {
            let (stem, possessive) = strip_possessive(raw);
            let lower = stem.trim_end_matches('.').to_lowercase();
            let lower = knowledge::american_spelling(&lower).to_string();
            if lower.is_empty() || is_filler(&lower) || !lower.chars().any(char::is_alphabetic) {
                continue;
            }
            if let Some(c) = country_by_word(stem) {
                let is_demonym = c.demonyms.iter().any(|d| d.eq_ignore_ascii_case(stem)) || c.seats.iter().any(|s| s.eq_ignore_ascii_case(stem));
                if is_demonym || possessive || i == 0 {
                    nation = Some(c.name.to_string());
                    continue;
                }
            } else if possessive {
                // "Trump's envoy", "the company's director": whose, not which role.
                continue;
            }
            if knowledge::is_title_head(&lower) {
                if let Some(prev) = head.take() {
                    qualifiers.insert(prev);
                }
                head = Some(fold_head(&lower).to_string());
            } else if knowledge::TITLE_QUALIFIERS.contains(&lower.as_str()) || stem.chars().next().is_some_and(char::is_lowercase) {
                qualifiers.insert(lower);
            } else {
                affiliation.insert(lower);
            }
        }
        let head = head?;
        qualifiers.remove(&head);
        Some(Role { head, qualifiers, nation, affiliation })
    }

    /// Could one person hold both titles as written? Less specific agrees with more specific;
    /// words like "senior" or "special" say nothing about which office it is.
    pub fn compatible(&self, other: &Role) -> bool {
        // Cheapest first, and nothing allocated: rules compare every title of a person with
        // every other on every check.
        if self.head != other.head || !nations_agree(&self.nation, &other.nation) {
            return false;
        }
        let within = |a: &Role, b: &Role| a.qualifiers_of(Qualifier::Portfolio).all(|x| b.qualifiers_of(Qualifier::Portfolio).any(|y| y == x));
        let no_portfolio = |r: &Role| r.qualifiers_of(Qualifier::Portfolio).next().is_none();
        (within(self, other) || within(other, self))
            && (self.qualifiers_of(Qualifier::Rank).eq(other.qualifiers_of(Qualifier::Rank)) || no_portfolio(self) || no_portfolio(other))
    }

    /// The qualifiers of one kind, in order.
    fn qualifiers_of(&self, kind: Qualifier) -> impl Iterator<Item = &str> + '_ {
        self.qualifiers.iter().map(String::as_str).filter(move |q| qualifier_kind(q) == Some(kind))
    }

    /// Two titles of the same kind that cannot both be right: same head, different portfolio,
    /// rank or country. Different kinds of title ("spokesperson" vs "minister") do not conflict:
    /// people hold several.
    pub fn conflicts(&self, other: &Role) -> bool {
        self.head == other.head && !self.compatible(other)
    }

    /// Is the head a specific office (one per person at a time: "minister", "chief executive")
    /// rather than a description many people share ("official", "negotiator")?
    pub fn is_office(&self) -> bool {
        matches!(
            self.head.as_str(),
            "minister" | "president" | "secretary" | "director" | "executive" | "chair" | "governor" | "mayor"
                | "spokesperson" | "ambassador" | "chancellor" | "premier" | "commissioner" | "treasurer"
                | "ceo" | "cfo" | "coo" | "counsel" | "editor" | "judge" | "prosecutor" | "senator" | "king"
                | "queen" | "pope" | "speaker" | "superintendent" | "principal" | "dean" | "coach" | "captain"
        )
    }

    pub fn describe(&self) -> String {
        let mut s = String::new();
        if let Some(n) = &self.nation {
            s.push_str(n);
            s.push(' ');
        }
        for q in &self.qualifiers {
            s.push_str(q);
            s.push(' ');
        }
        s.push_str(&self.head);
        s
    }
}

fn nations_agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The words of a written name, possessives dropped ("Mr Smith's" → ["Mr", "Smith"]).
pub fn name_words(name: &str) -> Vec<String> {
    name.split_whitespace().map(|w| strip_possessive(w).0.to_string()).collect()
}

pub(crate) fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (w, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(s: &str) -> Role {
        Role::from_words(s.split_whitespace()).unwrap()
    }

    #[test]
    fn british_and_american_titles_agree() {
        assert!(role("Defence Minister").compatible(&role("defense minister")));
        assert!(role("Norway's transport minister").compatible(&role("Norwegian Transport Minister")));
        assert!(role("minister").compatible(&role("Transport Minister")));
    }

    #[test]
    fn different_portfolio_conflicts() {
        assert!(role("Foreign Minister").conflicts(&role("Defense Minister")));
        assert!(role("Norway's defence minister").conflicts(&role("Norwegian Foreign Minister")));
        assert!(!role("spokesperson").conflicts(&role("Foreign Minister")));
        assert!(role("Swedish Foreign Minister").conflicts(&role("Norwegian Foreign Minister")));
    }

    #[test]
    fn descriptive_words_and_possessors_do_not_conflict() {
        assert!(role("special envoy").compatible(&role("Trump's Ukraine envoy")));
        assert!(role("the company's finance director").compatible(&role("finance director")));
        assert!(role("Deputy Foreign Minister").conflicts(&role("Foreign Minister")));
        assert!(role("senior aide").compatible(&role("Kremlin aide")));
        assert!(role("European Commission President").compatible(&role("EU Commission President")));
        assert!(role("Defence Ministry spokesman").conflicts(&role("Foreign Ministry spokesperson")));
    }

    #[test]
    fn synonyms_fold() {
        assert!(role("ministry spokesman").compatible(&role("Ministry spokesperson")));
        assert_eq!(role("Secretary of State").head, "secretary");
        assert!(role("city aide").compatible(&role("City adviser")));
    }

    #[test]
    fn no_head_no_role() {
        assert!(Role::from_words("Foreign Affairs".split_whitespace()).is_none());
    }
}
