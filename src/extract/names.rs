//! Name mentions: capitalised runs of words, with any title in front (or in apposition) split off.

use crate::extract::roles::Role;
use crate::knowledge::{self, country_by_word};
use crate::text::{tokenize, Segmented, Span, Token, TokenKind};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    /// Something marks it as a person: a title, a speech verb, a role in apposition.
    Person,
    /// A venue, organisation, country or other non-person.
    Thing,
    /// A capitalised name with no telling context.
    Unknown,
}

#[derive(Debug, Clone, Serialize)]
pub struct TitleMention {
    pub span: Span,
    pub text: String,
    pub role: Role,
}

#[derive(Debug, Clone, Serialize)]
pub struct NameMention {
    /// The name without title or possessive.
    pub span: Span,
    pub words: std::sync::Arc<[String]>,
    pub sentence: usize,
    pub kind: NameKind,
    pub title: Option<TitleMention>,
    /// The name was the first word of its sentence (capitalisation tells nothing then).
    pub sentence_initial: bool,
}

impl NameMention {
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
    pub fn last(&self) -> &str {
        self.words.last().map(String::as_str).unwrap_or("")
    }
}

/// Last words that make a capitalised run a place, body or thing rather than a person.
const THING_WORDS: &[&str] = &[
    "palace", "hotel", "hall", "center", "centre", "stadium", "arena", "building", "house", "castle",
    "embassy", "square", "park", "tower", "museum", "cathedral", "mosque", "church", "airport",
    "station", "library", "theatre", "theater", "complex", "residence", "villa", "club", "forum",
    "pavilion", "office", "union", "river", "sea", "ocean", "lake", "bay", "gulf", "strait",
    "mountains", "island", "islands", "peninsula", "region", "province", "county", "city", "street",
    "road", "avenue", "bridge", "port", "harbour", "harbor", "ministry", "department", "commission",
    "council", "committee", "party", "parliament", "assembly", "congress", "senate", "government",
    "agency", "bank", "fund", "group", "company", "corp", "corporation", "inc", "ltd", "plc",
    "association", "organization", "organisation", "foundation", "institute", "university",
    "college", "school", "court", "times", "news", "post", "journal", "review", "press", "media",
    "television", "tv", "radio", "network", "dispatch", "magazine", "daily", "herald", "gazette",
    "tribune", "telegraph", "guardian", "airlines", "airways", "forces", "army", "navy", "force",
    "guard", "police", "service", "services", "war", "treaty", "accord", "agreement", "act", "law",
    "east", "west", "north", "south", "republic", "kingdom", "federation", "states", "nations",
    "alliance", "pipeline", "pipelines", "stream", "exchange", "market", "markets", "index", "day",
    "cup", "league", "championship", "games", "olympics", "festival", "award", "awards", "prize",
    "summit", "conference", "talks", "program", "programme", "project", "plan", "data",
];

fn is_thing_word(w: &str) -> bool {
    THING_WORDS.contains(&w.to_lowercase().as_str())
}

/// Lowercase particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
fn is_name_particle(w: &str) -> bool {
    matches!(w, "von" | "van" | "der" | "den" | "de" | "da" | "di" | "del" | "della" | "du" | "le" | "la" | "bin" | "ibn" | "al" | "el" | "dos" | "das" | "ten" | "ter")
}

/// Title words that can sit in front of a name: heads, qualifiers, honorifics.
fn is_title_word(w: &str) -> bool {
    let l = w.trim_end_matches('.').to_lowercase();
    knowledge::is_title_head(&l)
        || knowledge::TITLE_QUALIFIERS.contains(&l.as_str())
        || matches!(l.as_str(), "mr" | "mrs" | "ms" | "dr" | "sen" | "rep" | "gov" | "gen" | "col" | "lt" | "sgt" | "capt" | "adm" | "maj" | "prof" | "rev" | "sir" | "dame" | "lord" | "lady" | "st")
}

use crate::extract::roles::strip_possessive;

fn is_capitalized_word(t: &Token, src: &str) -> bool {
    t.is_capitalized(src)
}

/// Does the word look like it could be part of a name? All-caps words longer than 4 letters
/// (shouting, headlines) do not; acronyms ("JD", "NATO") do.
fn nameish(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    !(upper == letters.len() && letters.len() > 4)
}

/// A set of words the corpus writes in lower case: such a word capitalised at the start of a
/// sentence is just a word, not a name.
pub trait Lexicon {
    fn is_common_word(&self, lower: &str) -> bool;
}

impl Lexicon for std::collections::HashSet<String> {
    fn is_common_word(&self, lower: &str) -> bool {
        self.contains(lower)
    }
}

/// Every name mention in one sentence.
pub fn find_names(seg: &Segmented, sentence: usize, lexicon: &dyn Lexicon) -> Vec<NameMention> {
    let Some(s) = seg.sentences.get(sentence) else { return Vec::new() };
    let src = seg.masked.as_str();
    let toks = tokenize(src, s.span);
    if is_title_case_line(&toks, src) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_capitalized_word(&toks[i], src) || !nameish(toks[i].text(src)) {
            i += 1;
            continue;
        }
        // Collect a run: capitalised words, inner particles, "of" after a title word.
        let start = i;
        let mut j = i;
        let mut words: Vec<(usize, String)> = Vec::new();
        while j < toks.len() {
            let t = &toks[j];
            let text = t.text(src);
            if is_capitalized_word(t, src) && nameish(text) {
                let (stem, poss) = strip_possessive(text);
                words.push((j, stem.to_string()));
                j += 1;
                if poss {
                    break;
                }
                continue;
            }
            let next_cap = toks.get(j + 1).is_some_and(|n| is_capitalized_word(n, src));
            let next_particle_then_cap = toks.get(j + 1).is_some_and(|n| is_name_particle(n.text(src)))
                && toks.get(j + 2).is_some_and(|n| is_capitalized_word(n, src));
            if t.kind == TokenKind::Word && is_name_particle(text) && (next_cap || next_particle_then_cap) && !words.is_empty() {
                words.push((j, text.to_string()));
                j += 1;
                continue;
            }
            if text == "of" && next_cap && words.last().is_some_and(|(_, w)| is_title_word(w)) {
                words.push((j, text.to_string()));
                j += 1;
                continue;
            }
            break;
        }
        i = j.max(i + 1);
        let sentence_initial = start == first_word_index(&toks, src);
        // Split off leading title words and leading sentence-initial common words. Everything up
        // to the last title head is title ("Commission President X").
        let mut k = words[..words.len().saturating_sub(1)]
            .iter()
            .rposition(|(_, w)| knowledge::is_title_head(w))
            .map(|p| p + 1)
            .unwrap_or(0);
        while k < words.len() {
            let w = &words[k].1;
            let lower = w.to_lowercase();
            // A party label before a full name ("Labour Ann Roe") describes her; before a
            // surname alone it may be the name's own first word, so it stays.
            let party_label = knowledge::is_party_label(w) && words.len() - k >= 3;
            let title_like = is_title_word(w) || w == "of" || country_by_word(w).is_some() || party_label;
            // "Van Dellen said": a particle opening the sentence is the surname's, though the
            // corpus writes it lower case inside "Maren van Dellen".
            let particle_of_surname = knowledge::is_name_particle(&lower) && k + 1 < words.len();
            let common_initial = k == 0 && sentence_initial && !particle_of_surname && (knowledge::is_stopword(&lower) || lexicon.is_common_word(&lower));
            if (title_like && k + 1 < words.len()) || common_initial || knowledge::is_stopword(&lower) {
                k += 1;
            } else {
                break;
            }
        }
        if k >= words.len() {
            continue;
        }
        let name_words: Vec<(usize, String)> = words[k..].to_vec();
        let first_tok = name_words[0].0;
        let last_tok = name_words.last().map(|x| x.0).unwrap_or(first_tok);
        let span = Span::new(toks[first_tok].span.start, toks[last_tok].span.start + strip_possessive(toks[last_tok].text(src)).0.len());
        let words_only: Vec<String> = name_words.iter().map(|(_, w)| w.clone()).collect();
        if words_only.iter().all(|w| knowledge::weekday(w).is_some() || knowledge::month(w).is_some()) {
            continue;
        }
        let title = title_before(&toks, src, start, first_tok, seg).or_else(|| title_after(&toks, src, last_tok + 1, seg));
        let thing = words_only.iter().any(|w| is_thing_word(w))
            || (words_only.len() == 1 && (country_by_word(&words_only[0]).is_some() || is_acronym(&words_only[0])))
            || country_by_phrase_words(&words_only);
        let kind = if thing {
            NameKind::Thing
        } else if title.is_some() || speech_verb_near(&toks, src, first_tok, last_tok) {
            NameKind::Person
        } else {
            NameKind::Unknown
        };
        out.push(NameMention { span, words: words_only.into(), sentence, kind, title, sentence_initial: first_tok == first_word_index(&toks, src) });
    }
    out
}

fn country_by_phrase_words(words: &[String]) -> bool {
    words.len() > 1 && country_by_word(&words.join(" ")).is_some()
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && letters.len() <= 5 && w.len() > 1 && !is_initials(w)
}

/// "JD", "J.D." are a person's initials when followed by a surname; treat 2-letter all-caps as
/// initials only when used as a first name (handled by the caller keeping them in the run).
fn is_initials(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() == 2 && w.contains('.')
}

fn first_word_index(toks: &[Token], src: &str) -> usize {
    toks.iter().position(|t| t.kind == TokenKind::Word && !matches!(t.text(src), "")).unwrap_or(0)
}

/// Headlines in Title Case carry no reliable facts and would make every word a name.
fn is_title_case_line(toks: &[Token], src: &str) -> bool {
    let words: Vec<&Token> = toks.iter().filter(|t| t.kind == TokenKind::Word && t.text(src).len() > 3).collect();
    if words.len() < 4 {
        return false;
    }
    let caps = words.iter().filter(|t| t.is_capitalized(src)).count();
    let ends_like_sentence = toks.last().is_some_and(|t| matches!(t.text(src), "." | "!" | "?" | "\"" | "”"));
    caps * 10 >= words.len() * 8 && !ends_like_sentence
}

fn speech_verb_near(toks: &[Token], src: &str, first: usize, last: usize) -> bool {
    let after = toks.get(last + 1).map(|t| t.text(src)).unwrap_or("");
    let after2 = toks.get(last + 2).map(|t| t.text(src)).unwrap_or("");
    let before = if first > 0 { toks[first - 1].text(src) } else { "" };
    knowledge::is_speech_verb(after)
        || (after == "," && knowledge::is_speech_verb(after2))
        || knowledge::is_speech_verb(before)
        || (first >= 2 && toks[first - 1].text(src) == "to" && toks[first - 2].text(src).eq_ignore_ascii_case("according"))
}

/// Words allowed inside a title phrase read leftwards from a name.
fn title_phrase_word(t: &Token, src: &str) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = t.text(src);
    let (stem, _) = strip_possessive(w);
    is_title_word(stem) || country_by_word(stem).is_some() || t.is_capitalized(src) || w == "of" || is_acronym(stem) || is_portfolio_noun(stem)
}

/// Lower-case words naming a title's service or body: "fire chief", "health and safety
/// officer", "defence ministry spokesman".
fn is_portfolio_noun(w: &str) -> bool {
    let l = w.to_lowercase();
    knowledge::is_portfolio_word(&l) || matches!(l.as_str(), "ministry" | "department")
}

/// "health and safety": an "and" between two lower-case title words, read leftwards from `k`
/// (the "and"). Not between names ("Minister Alma Brekke and President ...").
fn and_inside_title(toks: &[Token], src: &str, k: usize) -> bool {
    let word = |i: usize| toks.get(i).filter(|t| t.kind == TokenKind::Word && !t.is_capitalized(src)).map(|t| t.text(src).to_lowercase());
    let lower_title_word = |i: usize| word(i).is_some_and(|w| is_title_word(&w) || is_portfolio_noun(&w));
    toks.get(k).is_some_and(|t| t.text(src) == "and") && k >= 1 && lower_title_word(k - 1) && lower_title_word(k + 1)
}

/// "Norwegian Trade Minister Alma Brekke", "Kremlin aide X", "the company's chief executive, X".
fn title_before(toks: &[Token], src: &str, run_start: usize, name_start: usize, seg: &Segmented) -> Option<TitleMention> {
    // Title words inside the capitalised run come first; then extend leftwards.
    let mut start = name_start;
    let mut k = name_start;
    // Allow "envoy, Ada Fenn": one comma straight after a title head.
    if k == run_start && k >= 2 && toks[k - 1].text(src) == "," && knowledge::is_title_head(toks[k - 2].text(src)) {
        k -= 1;
        start = k;
    }
    while k > 0 && (title_phrase_word(&toks[k - 1], src) || and_inside_title(toks, src, k - 1)) {
        // Stop at a possessive name that is not a country: "Trump's Ukraine envoy" keeps "Trump's".
        k -= 1;
        start = k;
        let (stem, poss) = strip_possessive(toks[k].text(src));
        if poss && country_by_word(stem).is_none() {
            break;
        }
    }
    if start >= name_start {
        return None;
    }
    let mut end_tok = name_start;
    while end_tok > start && matches!(toks[end_tok - 1].text(src), ",") {
        end_tok -= 1;
    }
    let phrase_toks = &toks[start..end_tok];
    let role = Role::from_words(phrase_toks.iter().map(|t| t.text(src)))?;
    let span = Span::new(phrase_toks.first()?.span.start, phrase_toks.last()?.span.end);
    Some(TitleMention { span, text: span.slice(&seg.text).to_string(), role })
}

/// "Alma Brekke, Norway's trade minister," / "X, the head of the delegation," / "X, director of policy".
fn title_after(toks: &[Token], src: &str, after_name: usize, seg: &Segmented) -> Option<TitleMention> {
    if toks.get(after_name).map(|t| t.text(src)) != Some(",") {
        return None;
    }
    let mut k = after_name + 1;
    if toks.get(k).is_some_and(|t| matches!(t.text(src).to_lowercase().as_str(), "the" | "a" | "an")) {
        k += 1;
    }
    // "X, the company's finance director": the possessor opens the title.
    if toks.get(k).is_some_and(|t| {
        let (stem, poss) = strip_possessive(t.text(src));
        poss && t.kind == TokenKind::Word && stem.chars().all(char::is_lowercase)
    }) && toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
    {
        k += 1;
    }
    let start = k;
    let mut last_head: Option<usize> = None;
    while k < toks.len() && k < start + 8 {
        let t = &toks[k];
        if t.kind != TokenKind::Word {
            break;
        }
        let w = t.text(src);
        let (stem, _) = strip_possessive(w);
        if knowledge::is_title_head(stem) {
            last_head = Some(k);
        } else if !(is_title_word(stem)
            || country_by_word(stem).is_some()
            || t.is_capitalized(src)
            || matches!(w, "of" | "the" | "for" | "and")
            || is_acronym(stem)
            || is_portfolio_noun(stem))
        {
            break;
        }
        k += 1;
    }
    let end = last_head?;
    // The apposition must close: a comma, sentence end, or a verb-ish word after it.
    let phrase_toks = &toks[start..=end];
    let role = Role::from_words(phrase_toks.iter().map(|t| t.text(src)))?;
    let span = Span::new(phrase_toks.first()?.span.start, phrase_toks.last()?.span.end);
    Some(TitleMention { span, text: span.slice(&seg.text).to_string(), role })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextKind;
    use std::collections::HashSet;

    fn names(text: &str) -> Vec<NameMention> {
        let seg = Segmented::new(text, TextKind::Plain);
        let lex: HashSet<String> = ["the", "instead", "held", "van", "de", "la"].iter().map(|s| s.to_string()).collect();
        (0..seg.sentences.len()).flat_map(|i| find_names(&seg, i, &lex)).collect()
    }

    #[test]
    fn title_in_front_is_split_off() {
        let n = names("Transport Minister Alma Brekke met Mayor Tomas Ruud on Monday.");
        let people: Vec<_> = n.iter().filter(|m| m.kind == NameKind::Person).map(|m| (m.text(), m.title.as_ref().unwrap().role.head.clone())).collect();
        assert_eq!(people, vec![("Alma Brekke".to_string(), "minister".to_string()), ("Tomas Ruud".to_string(), "mayor".to_string())]);
    }

    #[test]
    fn lowercase_title_and_possessive() {
        let n = names("The union's chief negotiator Ines Varga's offer was rejected.");
        let p = n.iter().find(|m| m.text() == "Ines Varga").expect("name");
        assert_eq!(p.title.as_ref().unwrap().role.head, "negotiator");
    }

    #[test]
    fn apposition_title() {
        let n = names("Ines Varga, Norway's deputy transport minister, said no.");
        let p = n.iter().find(|m| m.text() == "Ines Varga").unwrap();
        let role = &p.title.as_ref().unwrap().role;
        assert_eq!(role.head, "minister");
        assert!(role.qualifiers.contains("transport") && role.qualifiers.contains("deputy"));
        assert_eq!(role.nation.as_deref(), Some("Norway"));
    }

    #[test]
    fn titles_naming_a_ministry_or_a_service() {
        let n = names("Ines Varga, Norway's defence ministry spokesman, said no. The union's health and safety officer Mia Lund agreed.");
        let title = |who: &str| n.iter().find(|m| m.text() == who).and_then(|m| m.title.as_ref()).map(|t| t.text.clone());
        assert_eq!(title("Ines Varga").as_deref(), Some("Norway's defence ministry spokesman"));
        assert_eq!(title("Mia Lund").as_deref(), Some("health and safety officer"));
        let n = names("Mia Lund, the union's health and safety officer, spoke. Minister Alma Brekke and President Ola Berg met.");
        let lund = n.iter().find(|m| m.text() == "Mia Lund").unwrap();
        assert_eq!(lund.title.as_ref().unwrap().role.describe(), "health safety officer");
        let berg = n.iter().find(|m| m.text() == "Ola Berg").unwrap();
        assert_eq!(berg.title.as_ref().unwrap().text, "President");
    }

    #[test]
    fn secretary_of_state_and_particles() {
        let n = names("Secretary of State Lena Moor and Commission President Ulla von der Brink spoke.");
        let texts: Vec<_> = n.iter().map(|m| m.text()).collect();
        assert!(texts.contains(&"Lena Moor".to_string()), "{texts:?}");
        assert!(texts.contains(&"Ulla von der Brink".to_string()), "{texts:?}");
    }

    #[test]
    fn a_particle_opening_the_sentence_stays_with_the_surname() {
        let n = names("Prosecutor Maren van Dellen spoke. Van Dellen said no. De la Mora agreed.");
        let texts: Vec<_> = n.iter().map(|m| m.text()).collect();
        assert_eq!(texts, vec!["Maren van Dellen", "Van Dellen", "De la Mora"]);
        // A common word opening the sentence is still no part of the name after it.
        let n = names("Instead Dellen said no.");
        assert_eq!(n.iter().map(|m| m.text()).collect::<Vec<_>>(), vec!["Dellen"]);
    }

    #[test]
    fn a_party_label_before_a_full_name_is_no_part_of_it() {
        let n = names("Later Conservative Ilse Brandvik and Liberal Democrat Piet Harmsen spoke.");
        let texts: Vec<_> = n.iter().map(|m| m.text()).collect();
        assert!(texts.contains(&"Ilse Brandvik".to_string()), "{texts:?}");
        assert!(texts.contains(&"Piet Harmsen".to_string()), "{texts:?}");
        // Before a surname alone, the word may be the name's own.
        let n = names("Later Liberal Harmsen spoke.");
        assert!(n.iter().any(|m| m.text() == "Liberal Harmsen"), "{:?}", n.iter().map(|m| m.text()).collect::<Vec<_>>());
    }

    #[test]
    fn venues_are_things() {
        let n = names("Held at the Riverside Palace, the talks began.");
        assert_eq!(n.iter().find(|m| m.text() == "Riverside Palace").unwrap().kind, NameKind::Thing);
        assert!(n.iter().all(|m| m.text() != "Held"));
    }

    #[test]
    fn title_case_headlines_are_skipped() {
        assert!(names("Harbour Strike Talks Collapse After Night Of Bargaining").is_empty());
    }
}
