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
    /// The title as its source wrote it ("Foreign Ministry spokesperson"), for messages.
    pub written: String,
}

/// How two titles given to one person stand to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    /// Both can be true: the same title, or titles people hold together.
    None,
    /// Titles of one kind that one person cannot hold at once: two portfolios of one office,
    /// two ranks, a sheriff who is a fire chief, a chief executive who is finance director.
    Sure,
    /// Two offices one person seldom holds together, but might.
    Unsure,
}

/// What kind of office a title is: titles of one kind exclude each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Heads a police, fire or sheriff's service.
    ServiceHead,
    /// Governs a state or town: governor, mayor, premier.
    Governs,
    /// Runs an organisation: president, chair, chief executive, general secretary,
    /// managing director. One person often holds two of these.
    RunsOrganisation,
    /// Holds one function inside an organisation: finance director, safety officer, counsel.
    OrganisationFunction,
    /// Another office (minister, ambassador, spokesperson, judge...).
    OtherOffice,
    /// A description many people share ("official", "negotiator", "commander").
    Description,
}

/// Synonyms fold onto one head so "spokesman" and "spokesperson" agree.
fn fold_head(w: &str) -> &str {
    match w {
        "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "spokesmen" | "spokeswomen" => "spokesperson",
        "advisor" | "adviser" | "aide" => "aide",
        "chairman" | "chairwoman" | "chair" | "chairperson" => "chair",
        "ceo" => "executive",
        other => other,
    }
}

/// Compound heads: the office and the rank or portfolio written into them.
fn split_compound_head(w: &str) -> Option<(&'static str, &'static str)> {
    Some(match w {
        "secretary-general" => ("secretary", "general"),
        "vice-president" => ("president", "vice"),
        "vice-chairman" | "vice-chairwoman" | "vice-chair" => ("chair", "vice"),
        "under-secretary" | "undersecretary" => ("secretary", "under"),
        "lieutenant-governor" => ("governor", "lieutenant"),
        _ => return None,
    })
}

/// Words that say nothing about which role it is. "Ministry" and "department" name the body
/// the portfolio word already names ("Foreign Ministry spokesperson" = "foreign spokesperson").
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "of" | "for" | "and" | "its" | "his" | "her" | "their" | "then" | "now" | "current" | "newly" | "appointed" | "mr" | "mrs"
            | "ms" | "dr" | "ministry" | "department" | "dept" | "yesterday" | "today" | "tomorrow" | "tonight"
    ) || knowledge::WEEKDAYS.contains(&w)
}

/// One form for a portfolio's noun and adjective: "economy" and "economic", "finance" and
/// "financial", "industry" and "industrial" name one office.
fn portfolio_stem(w: &str) -> &str {
    for suffix in ["ical", "ics", "ic", "ial", "al", "y", "e"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 4 {
                return stem;
            }
        }
    }
    w
}

/// Rank words: "deputy minister" and "minister", "lieutenant governor" and "governor" are two offices.
fn is_rank(w: &str) -> bool {
    matches!(w, "deputy" | "vice" | "assistant" | "under" | "associate" | "lieutenant")
}

/// What a qualifier says of a title.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    /// "deputy", "vice": which office of a ladder.
    Rank,
    /// "foreign", "finance": which office it is.
    Portfolio,
    /// "senior", "acting": nothing about which office.
    Descriptive,
}

fn qualifier_kind(q: &str) -> Qualifier {
    match q {
        q if is_rank(q) => Qualifier::Rank,
        "special" | "senior" | "top" | "presidential" | "former" | "acting" | "interim" | "longtime" | "new" | "then" | "current" | "outgoing"
        | "incoming" | "veteran" | "chief" | "lead" | "principal" => Qualifier::Descriptive,
        _ => Qualifier::Portfolio,
    }
}

/// Services whose head is a "chief": police and fire.
fn is_service(w: &str) -> bool {
    matches!(w, "fire" | "police")
}

impl Role {
    /// A role from the words of a title phrase; `None` when no title head is among them.
    pub fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<Role> {
        let mut head: Option<String> = None;
        let mut qualifiers = BTreeSet::new();
        let mut affiliation = BTreeSet::new();
        let mut nation = None;
        let mut written: Vec<&str> = Vec::new();
        for (i, raw) in words.into_iter().enumerate() {
            if written.is_empty() && (matches!(raw, ",") || is_filler(&raw.to_lowercase())) {
                continue;
            }
            written.push(raw);
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
            if let Some((office, qualifier)) = split_compound_head(&lower) {
                if let Some(prev) = head.take() {
                    qualifiers.insert(prev);
                }
                head = Some(office.to_string());
                qualifiers.insert(qualifier.to_string());
            } else if knowledge::is_title_head(&lower) {
                if let Some(prev) = head.take() {
                    qualifiers.insert(prev);
                }
                head = Some(fold_head(&lower).to_string());
            } else if knowledge::TITLE_QUALIFIERS.contains(&lower.as_str())
                || knowledge::is_portfolio_word(&lower)
                || stem.chars().next().is_some_and(char::is_lowercase)
            {
                qualifiers.insert(lower);
            } else {
                affiliation.insert(lower);
            }
        }
        let head = head?;
        qualifiers.remove(&head);
        while written.last().is_some_and(|w| *w == ",") {
            written.pop();
        }
        Some(Role { head, qualifiers, nation, affiliation, written: written.join(" ") })
    }

    /// Could one person hold both titles as written? Less specific agrees with more specific;
    /// words like "senior" or "special" say nothing about which office it is. A rank differs
    /// only where the titles are otherwise alike ("Governor" is not "Lieutenant Governor"); a
    /// bare "minister" may stand for a deputy foreign minister.
    pub fn compatible(&self, other: &Role) -> bool {
        // Cheapest first: rules compare every title of a person with every other on every check.
        if self.head != other.head || !nations_agree(&self.nation, &other.nation) {
            return false;
        }
        let (pa, ra) = self.portfolio_and_rank();
        let (pb, rb) = other.portfolio_and_rank();
        let bare_stands_for_ranked = |p: &BTreeSet<&str>, r: &BTreeSet<&str>, p_other: &BTreeSet<&str>| p.is_empty() && r.is_empty() && !p_other.is_empty();
        (pa.is_subset(&pb) || pb.is_subset(&pa)) && (ra == rb || bare_stands_for_ranked(&pa, &ra, &pb) || bare_stands_for_ranked(&pb, &rb, &pa))
    }

    /// Qualifiers that name the office ("foreign", "finance") and those that rank it ("deputy").
    fn portfolio_and_rank(&self) -> (BTreeSet<&str>, BTreeSet<&str>) {
        let mut portfolio = BTreeSet::new();
        let mut rank = BTreeSet::new();
        for q in &self.qualifiers {
            match qualifier_kind(q) {
                // A vice minister is a deputy minister.
                Qualifier::Rank => {
                    rank.insert(if q == "vice" { "deputy" } else { q.as_str() });
                }
                Qualifier::Descriptive => {}
                Qualifier::Portfolio => {
                    portfolio.insert(portfolio_stem(q));
                }
            }
        }
        (portfolio, rank)
    }

    /// Two titles of the same kind that cannot both be right: same head, different portfolio,
    /// rank or country. Different kinds of title ("spokesperson" vs "minister") do not conflict:
    /// people hold several.
    pub fn conflicts(&self, other: &Role) -> bool {
        self.head == other.head && !self.compatible(other)
    }

    /// How strongly two titles for one person exclude each other. The same office with another
    /// portfolio, rank or country is sure; so are two offices of a kind one person holds one
    /// of (a sheriff is no fire chief; a chief executive is no operations director). Other
    /// pairs of offices are unsure; a description ("negotiator", "incident commander") goes
    /// with anything.
    pub fn clash(&self, other: &Role) -> Clash {
        if self.compatible(other) {
            return Clash::None;
        }
        if self.head == other.head {
            return Clash::Sure;
        }
        use Kind::*;
        match (self.kind(), other.kind()) {
            (Description, _) | (_, Description) => Clash::None,
            (ServiceHead, ServiceHead) | (Governs, Governs) => Clash::Sure,
            (RunsOrganisation, OrganisationFunction) | (OrganisationFunction, RunsOrganisation) | (OrganisationFunction, OrganisationFunction) => Clash::Sure,
            _ => Clash::Unsure,
        }
    }

    fn kind(&self) -> Kind {
        let (portfolio, rank) = self.portfolio_and_rank();
        let has = |w: &str| self.qualifiers.contains(w);
        match self.head.as_str() {
            "sheriff" => Kind::ServiceHead,
            "chief" | "commissioner" if self.qualifiers.iter().any(|q| is_service(q)) => Kind::ServiceHead,
            "governor" | "mayor" | "premier" if rank.is_empty() => Kind::Governs,
            "minister" if has("prime") && rank.is_empty() => Kind::Governs,
            // A vice-president or deputy chair often holds a post of their own as well.
            _ if !rank.is_empty() && self.is_office() => Kind::OtherOffice,
            "president" | "chair" | "executive" => Kind::RunsOrganisation,
            "secretary" if has("general") => Kind::RunsOrganisation,
            "director" if has("managing") || has("executive") || has("general") => Kind::RunsOrganisation,
            // A police or army officer is a rank-and-file job, not a post in an organisation.
            "director" | "officer" | "manager" if !portfolio.is_empty() && !self.qualifiers.iter().any(|q| is_service(q) || knowledge::is_military_word(q)) => {
                Kind::OrganisationFunction
            }
            "counsel" | "treasurer" | "cfo" | "coo" => Kind::OrganisationFunction,
            _ if self.is_office() => Kind::OtherOffice,
            _ => Kind::Description,
        }
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
                | "sheriff"
        )
    }

    /// The normalised reading of the title ("Ukraine deputy defense minister"), for hovers.
    pub fn describe(&self) -> String {
        let mut words: Vec<&str> = self.nation.iter().map(String::as_str).collect();
        for kind in [Qualifier::Descriptive, Qualifier::Rank, Qualifier::Portfolio] {
            words.extend(self.qualifiers.iter().map(String::as_str).filter(|q| qualifier_kind(q) == kind));
        }
        words.push(&self.head);
        words.join(" ")
    }

    /// The title as a message quotes it: as written, or its reading when nothing was.
    pub fn as_written(&self) -> String {
        if self.written.is_empty() {
            self.describe()
        } else {
            crate::text::single_spaced(&self.written)
        }
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
    fn the_body_a_portfolio_names_is_not_part_of_the_title() {
        // "Ministry" capitalised or not, and the word for a spokesperson, say nothing of which office.
        assert!(role("Defence Ministry spokeswoman").compatible(&role("Norway's defence ministry spokesman")));
        assert!(role("Norway's defence ministry spokesman").conflicts(&role("Foreign Ministry spokesperson")));
        assert!(role("Fire Chief").compatible(&role("the county fire chief")));
        assert!(role("Brannock County Fire Chief").compatible(&role("fire chief")));
        assert!(role("Police Chief").conflicts(&role("Fire Chief")));
    }

    #[test]
    fn ranks_are_offices_of_their_own() {
        assert_eq!(role("Lieutenant Governor").clash(&role("Governor")), Clash::Sure);
        assert_eq!(role("Vice President").clash(&role("President")), Clash::Sure);
        assert_eq!(role("vice-president").clash(&role("President")), Clash::Sure);
        assert_eq!(role("deputy minister").clash(&role("minister")), Clash::Sure);
        assert_eq!(role("deputy minister").clash(&role("Foreign Minister")), Clash::Sure);
        // A bare "minister" may stand for a deputy foreign minister; "acting" ranks nothing.
        assert!(role("minister").compatible(&role("Deputy Foreign Minister")));
        assert!(role("Acting Governor").compatible(&role("Governor")));
        assert!(role("Secretary-General").compatible(&role("general secretary")));
    }

    #[test]
    fn offices_of_one_kind_exclude_each_other() {
        assert_eq!(role("Sheriff").clash(&role("Fire Chief")), Clash::Sure);
        assert_eq!(role("Governor").clash(&role("Mayor")), Clash::Sure);
        assert_eq!(role("general secretary").clash(&role("health and safety officer")), Clash::Sure);
        assert_eq!(role("president").clash(&role("health and safety officer")), Clash::Sure);
        assert_eq!(role("chief executive").clash(&role("operations director")), Clash::Sure);
        assert_eq!(role("general counsel").clash(&role("operations director")), Clash::Sure);
        assert!(role("chief executive").compatible(&role("CEO")));
    }

    #[test]
    fn titles_people_hold_together_do_not_clash() {
        // Chairs are often chief executives too, and presidents general secretaries elsewhere.
        assert_eq!(role("chair").clash(&role("chief executive")), Clash::Unsure);
        assert_eq!(role("president").clash(&role("general secretary")), Clash::Unsure);
        // Offices of different kinds: unsure at most.
        assert_eq!(role("Foreign Ministry spokesperson").clash(&role("Deputy Foreign Minister")), Clash::Unsure);
        assert_eq!(role("Sheriff").clash(&role("Governor")), Clash::Unsure);
        // Descriptions go with anything.
        assert_eq!(role("incident commander").clash(&role("fire chief")), Clash::None);
        assert_eq!(role("minister").clash(&role("head of delegation")), Clash::None);
        assert_eq!(role("chief negotiator").clash(&role("Labour Minister")), Clash::None);
        // A police officer holds no post in the union whose general secretary she may be.
        assert_eq!(role("police officer").clash(&role("general secretary")), Clash::None);
    }

    #[test]
    fn one_portfolio_in_its_noun_and_adjective_forms() {
        assert!(role("Argentine Economic Minister").compatible(&role("Argentina's economy minister")));
        assert!(role("financial director").compatible(&role("finance director")));
        assert!(role("MITI vice minister").compatible(&role("Japan's deputy minister")));
        assert!(role("economy minister").conflicts(&role("energy minister")));
    }

    #[test]
    fn a_vice_president_may_hold_another_post() {
        assert_eq!(role("vice-president").clash(&role("director of sport")), Clash::Unsure);
        assert_eq!(role("deputy mayor").clash(&role("governor")), Clash::Unsure);
    }

    #[test]
    fn titles_keep_their_wording() {
        assert_eq!(role("the Foreign Ministry spokesperson").as_written(), "Foreign Ministry spokesperson");
        assert_eq!(role("Ukraine's deputy defence minister").describe(), "Ukraine deputy defense minister");
        assert_eq!(role("Yesterday Argentina's economy minister").as_written(), "Argentina's economy minister");
    }

    #[test]
    fn no_head_no_role() {
        assert!(Role::from_words("Foreign Affairs".split_whitespace()).is_none());
    }
}
