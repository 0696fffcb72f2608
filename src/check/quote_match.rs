//! Finding a draft quote in the sources: verbatim (a contiguous stretch of a source quote) or
//! altered (mostly the same words in the same order). Shared by the quote rules.

use super::Context;
use crate::extract::quotes::{Quote, Speaker};
use crate::facts::{quote_words, Person, PersonId, QuoteWords, SourceQuote};

/// Who the draft says spoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    Nobody,
    /// Speaker inherited from an earlier paragraph only.
    Floating(Option<PersonId>),
    Anonymous,
    /// A named or resolved speaker; `None` when the corpus does not know them.
    Person(Option<PersonId>),
}

pub struct Near<'a> {
    pub doc: usize,
    pub source: &'a SourceQuote,
    /// Share of the draft's words found in order in the source quote.
    pub ratio: f64,
    pub draft_only: Vec<String>,
    pub source_only: Vec<String>,
}

pub struct QuoteMatch<'a> {
    pub quote: Quote,
    pub words: Vec<String>,
    pub said: Said,
    pub verbatim: Vec<(usize, &'a SourceQuote)>,
    pub near: Vec<Near<'a>>,
}

impl QuoteMatch<'_> {
    pub fn speaker_matches(&self, p: Option<PersonId>) -> bool {
        match self.said {
            Said::Person(Some(me)) | Said::Floating(Some(me)) => p == Some(me),
            _ => false,
        }
    }

    /// Does the draft give the quote to the source's person `p`: the same corpus person, or a
    /// name a reader takes for theirs? A misspelt name is name-misspelled's to report, and a
    /// spelling the corpus itself uses for the person names no other speaker.
    pub fn said_by(&self, cx: &Context, p: Option<PersonId>) -> bool {
        if self.speaker_matches(p) {
            return true;
        }
        let (Some(p), Some(said)) = (p, self.quote.speaker.as_ref()) else { return false };
        let me = match self.said {
            Said::Person(me) | Said::Floating(me) => me,
            Said::Nobody | Said::Anonymous => return false,
        };
        names_person(cx, said, p, me)
    }
}

/// Does the draft's speaker, who resolved to the corpus person `me` if any, name `p`?
fn names_person(cx: &Context, said: &Speaker, p: PersonId, me: Option<PersonId>) -> bool {
    let Some(person) = cx.fb.people.get(p) else { return false };
    if let Some(me) = me.and_then(|me| cx.fb.people.get(me)) {
        // Two people of the registry are one only where the corpus spells one name two ways,
        // or gives one of them a descriptor before the full name ("Mayor-elect Ann Roe").
        return me.spellings.iter().any(|a| person.spellings.iter().any(|b| full_names_alike(a, b) || ends_with_full_name(a, b) || ends_with_full_name(b, a)));
    }
    let words = crate::extract::roles::name_words(said.name.as_deref().unwrap_or(&said.text));
    // "Sir Ann" and "Dame Ann" call a person by their first name.
    let by_first_name = words.len() == 1 && first_name_honorific_before(&cx.draft.seg.text, said.mention.start);
    words_name_person(&words, by_first_name, person)
}

/// Do a draft's name words, which the registry could not place, name this person of the
/// corpus: the surname, or a slip of it with agreeing first names? With `by_first_name`, a
/// single word is a first name ("Dame Ann").
pub(super) fn words_name_person<S: AsRef<str>>(words: &[S], by_first_name: bool, person: &Person) -> bool {
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    let Some(&last) = words.last() else { return false };
    person.spellings.iter().any(|spelling| {
        let parts: Vec<&str> = spelling.split(' ').collect();
        let (first, surname) = (parts[0], parts[parts.len() - 1]);
        // "Singer Ana Brisk", which the registry could not place, is still the sources' Brisk.
        (by_first_name && parts.len() >= 2 && spelled_alike(last, first))
            || words.iter().any(|&w| w == surname)
            || (spelled_alike(last, surname) && (words.len() == 1 || parts.len() == 1 || first_names_agree(words[0], first)))
    })
}

/// "Marit Asvik" and "Marit Osvik": the same first names, surnames one edit apart. Two
/// edits make two people even in a long name ("Kalamakis", "Kalamidis").
fn full_names_alike(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    a.len() >= 2
        && a.len() == b.len()
        && a[..a.len() - 1].iter().zip(&b[..b.len() - 1]).all(|(x, y)| first_names_agree(x, y))
        && one_edit_apart(a[a.len() - 1], b[b.len() - 1])
}

/// "Green Ann Roe" ends with the full first and last name "Ann Roe": a word the registry kept
/// before a name does not make another person.
fn ends_with_full_name(longer: &str, name: &str) -> bool {
    let (longer, name): (Vec<&str>, Vec<&str>) = (longer.split(' ').collect(), name.split(' ').collect());
    name.len() >= 2 && longer.len() > name.len() && longer[longer.len() - name.len()..].iter().zip(&name).all(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// Equal, or one edit apart in a name of five letters or more, whatever the letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a == b || (a.chars().count().min(b.chars().count()) >= 5 && strsim::damerau_levenshtein(&a, &b) <= 1)
}

/// Honorifics that go with a first name: "Sir Ann Roe" is "Sir Ann", never "Sir Roe".
fn first_name_honorific_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    matches!(word.to_lowercase().as_str(), "sir" | "dame" | "lord" | "lady")
}

/// A name the corpus does not know, taken for one it does: the slips name-misspelled reports
/// (same first letter, one edit, two in a long name), or one edit in any letter ("Asvik" and
/// "Osvik").
fn spelled_alike(a: &str, b: &str) -> bool {
    if one_edit_apart(a, b) {
        return true;
    }
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let n = a.chars().count().min(b.chars().count());
    let d = strsim::damerau_levenshtein(&a, &b);
    a.chars().next() == b.chars().next() && n >= 4 && d <= if n >= 7 { 2 } else { 1 }
}

/// First names of one person: alike, or one is the other's initial.
fn first_names_agree(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.to_lowercase().starts_with(&x.to_lowercase());
    spelled_alike(a, b) || initial(a, b) || initial(b, a)
}

/// Longest common subsequence with the unmatched words on each side. The source side is the
/// stretch between the first and last match, widened by as many words as the draft changed
/// before its first match or after its last: a quote ending "it needs" against a source's "it
/// takes the long view" has "takes" where the draft has "needs", not nothing.
fn align(draft: &[String], src: &[&str]) -> (usize, Vec<String>, Vec<String>) {
    let (n, m) = (draft.len(), src.len());
    if n == 0 || m == 0 || n * m > 400_000 {
        return (0, Vec::new(), Vec::new());
    }
    let mut dp = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[at(i, j)] = if draft[i] == src[j] { dp[at(i + 1, j + 1)] + 1 } else { dp[at(i + 1, j)].max(dp[at(i, j + 1)]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut draft_only = Vec::new();
    let mut src_only = Vec::new();
    let mut first_match: Option<usize> = None;
    let mut after_last_match = 0;
    let mut pending_src: Vec<String> = Vec::new();
    // Draft words changed before the first match and since the last one.
    let (mut leading, mut trailing) = (0, 0);
    while i < n && j < m {
        if draft[i] == src[j] {
            first_match.get_or_insert(j);
            src_only.append(&mut pending_src);
            trailing = 0;
            i += 1;
            j += 1;
            after_last_match = j;
        } else if dp[at(i + 1, j)] >= dp[at(i, j + 1)] {
            draft_only.push(draft[i].clone());
            if first_match.is_none() {
                leading += 1;
            } else {
                trailing += 1;
            }
            i += 1;
        } else {
            if first_match.is_some() {
                pending_src.push(src[j].to_string());
            }
            j += 1;
        }
    }
    trailing += n - i;
    draft_only.extend(draft[i..].iter().cloned());
    if let Some(first) = first_match {
        let before = &src[first.saturating_sub(leading)..first];
        let after = &src[after_last_match..(after_last_match + trailing).min(m)];
        src_only = before.iter().map(|w| w.to_string()).chain(src_only).chain(after.iter().map(|w| w.to_string())).collect();
    }
    (dp[at(0, 0)] as usize, draft_only, src_only)
}

pub fn match_quotes<'a>(cx: &Context<'a>) -> Vec<QuoteMatch<'a>> {
    let fb = cx.fb;
    let mut out = Vec::new();
    for q in &cx.draft.quotes {
        let hits = cx.memo.quote_hits(&q.text, || find_in_sources(cx, quote_words(&q.text)));
        if hits.words.is_empty() {
            continue;
        }
        let said = match &q.speaker {
            None => Said::Nobody,
            Some(s) if s.anonymous => Said::Anonymous,
            Some(s) if s.from_earlier_paragraph => Said::Floating(cx.speaker_person(s)),
            Some(s) => Said::Person(cx.speaker_person(s)),
        };
        let verbatim = hits.verbatim.iter().filter_map(|&(d, i)| Some((d, fb.facts.get(d)?.quotes.get(i)?))).collect();
        let mut near: Vec<Near> = hits
            .near
            .iter()
            .filter_map(|(d, i, ratio, draft_only, source_only)| {
                let source = fb.facts.get(*d)?.quotes.get(*i)?;
                Some(Near { doc: *d, source, ratio: *ratio, draft_only: draft_only.clone(), source_only: source_only.clone() })
            })
            .collect();
        near.sort_by(|a, b| b.ratio.total_cmp(&a.ratio));
        out.push(QuoteMatch { quote: q.clone(), words: hits.words.clone(), said, verbatim, near });
    }
    out
}

/// Where the relevant sources have the quote `words`, verbatim or nearly.
fn find_in_sources(cx: &Context, words: Vec<String>) -> super::memo::QuoteHits {
    let mut hits = super::memo::QuoteHits { words, ..Default::default() };
    let words = &hits.words;
    let run = QuoteWords::new(words);
    let (mut verbatim, mut near) = (Vec::new(), Vec::new());
    for &d in &cx.relevant {
        for (i, sq) in cx.fb.facts[d].quotes.iter().enumerate() {
            if sq.words.contains_run(&run) {
                verbatim.push((d, i));
            } else if words.len() >= 4 {
                let source_words: Vec<&str> = sq.words.iter().collect();
                let (common, draft_only, source_only) = align(words, &source_words);
                let ratio = common as f64 / words.len() as f64;
                if ratio >= 0.6 && common >= 3 {
                    near.push((d, i, ratio, draft_only, source_only));
                }
            }
        }
    }
    hits.verbatim = verbatim;
    hits.near = near;
    hits
}

/// The evidence for a source quote: its sentence, or the quote itself when it spans sentences.
pub fn quote_evidence(cx: &Context, doc: usize, sq: &SourceQuote) -> crate::finding::Evidence {
    let f = &cx.fb.facts[doc];
    let sentence = f.sentences.iter().find(|s| s.contains(sq.quote.span) || s.overlaps(sq.quote.span)).copied().unwrap_or(sq.quote.span);
    let span = crate::text::Span::new(sentence.start.min(sq.quote.span.start), sentence.end.max(sq.quote.span.end));
    cx.fb.evidence(doc, span)
}

pub fn person_name(cx: &Context, p: Option<PersonId>) -> String {
    p.and_then(|p| cx.fb.people.get(p)).map(|p| p.name.clone()).unwrap_or_else(|| "an unnamed source".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        quote_words(s)
    }

    fn run(s: &str) -> QuoteWords {
        QuoteWords::new(&w(s))
    }

    #[test]
    fn verbatim_ignores_case_quotes_and_dashes() {
        assert!(run("We will not give up—ever. That’s final.").contains_run(&run("we will not give up - ever")));
        assert!(run("Exchanging 1,000 lives matters").contains_run(&run("1,000 lives")));
        assert!(!run("We fought for 21 years").contains_run(&run("fought for 25 years")));
    }

    #[test]
    fn runs_are_whole_words() {
        assert!(!run("We fought for 210 years").contains_run(&run("for 21")));
        assert!(!run("The unfair vote").contains_run(&run("fair vote")));
        assert!(run("Fair vote").contains_run(&run("fair vote")));
        assert!(!run("Fair vote").contains_run(&run("")));
        assert!(!run("").contains_run(&run("vote")));
        assert_eq!(run("We fought, for 1,000 years").iter().collect::<Vec<_>>(), vec!["we", "fought", "for", "1000", "years"]);
        assert_eq!(run("").iter().count(), 0);
    }

    #[test]
    fn alignment_reports_the_changed_words() {
        let source = w("and we fought them for 21 years until now");
        let source: Vec<&str> = source.iter().map(String::as_str).collect();
        let (common, d, s) = align(&w("we fought them for 25 years"), &source);
        assert_eq!(common, 5);
        assert_eq!(d, vec!["25"]);
        assert_eq!(s, vec!["21"]);
    }

    fn changed(draft: &str, source: &str) -> (Vec<String>, Vec<String>) {
        let source = w(source);
        let source: Vec<&str> = source.iter().map(String::as_str).collect();
        let (_, d, s) = align(&w(draft), &source);
        (d, s)
    }

    #[test]
    fn spellings_of_one_name() {
        assert!(spelled_alike("Asvik", "Osvik"));
        assert!(spelled_alike("Osvic", "Osvik"));
        assert!(spelled_alike("Brekke", "brekka"));
        // Name-misspelled's slips: a draft "Lund" the corpus does not know is its "Lind".
        assert!(spelled_alike("Lind", "Lund"));
        assert!(full_names_alike("Marit Asvik", "Marit Osvik"));
        assert!(!full_names_alike("Tom Lund", "Ann Lind"));
        assert!(!full_names_alike("Lund", "Lind"));
        assert!(ends_with_full_name("Green Marit Osvik", "Marit Osvik"));
        assert!(!ends_with_full_name("Green Marit Osvik", "Osvik"));
        assert!(!ends_with_full_name("Marit Osvik", "Marit Osvik"));
        assert!(!ends_with_full_name("Green Marit Osvik", "Ann Osvik"));
        assert!(spelled_alike("Kalamakis", "Kalamidis"));
        assert!(!full_names_alike("Petros Kalamakis", "Petros Kalamidis"));
        assert!(!spelled_alike("Hans", "Jans"));
        assert!(!spelled_alike("Brekke", "Ruud"));
        assert!(first_names_agree("A.", "Alma"));
        assert!(!first_names_agree("Tomas", "Alma"));
        let t = "Later Sir Ann said and Dame  Ida spoke; Sirius Lee said";
        assert!(first_name_honorific_before(t, t.find("Ann").unwrap()));
        assert!(first_name_honorific_before(t, t.find("Ida").unwrap()));
        assert!(!first_name_honorific_before(t, t.find("Lee").unwrap()));
        assert!(!first_name_honorific_before(t, 0));
        assert!(!first_name_honorific_before("Şir Ann", 3));
    }

    #[test]
    fn a_word_changed_at_either_end_shows_its_source_word() {
        assert_eq!(changed("we will hold out however long it needs", "we will hold out however long it takes, whatever the cost"), (vec!["needs".into()], vec!["takes".into()]));
        assert_eq!(changed("they have waited twelve years", "and we have waited twelve years"), (vec!["they".into()], vec!["we".into()]));
        // The quote ends where the source ends: nothing on the source side to show.
        assert_eq!(changed("we have waited twelve years now", "we have waited twelve years"), (vec!["now".into()], vec![]));
        // A draft that stops early changes nothing.
        assert_eq!(changed("we have waited", "we have waited twelve years"), (vec![], vec![]));
    }
}
