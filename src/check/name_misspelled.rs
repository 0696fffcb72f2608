//! name-misspelled: a name close to, but not, a spelling the sources use.

use super::{Context, FactKey};
use crate::extract::names::{NameKind, NameMention};
use crate::extract::roles::strip_possessive;
use crate::facts::PersonId;
use crate::finding::{Finding, Rule};
use crate::knowledge::country_by_word;
use crate::text::Span;
use std::collections::HashSet;

/// Are two lower-cased words one or two typing slips apart?
fn close(la: &str, lb: &str) -> bool {
    if la == lb || la.chars().next() != lb.chars().next() {
        return false;
    }
    let n = la.chars().count().min(lb.chars().count());
    let d = strsim::damerau_levenshtein(la, lb);
    n >= 4 && d <= if n >= 7 { 2 } else { 1 }
}

pub fn check(cx: &Context) -> Vec<Finding> {
    // Only people the relevant sources mention can be what the writer meant; every word of
    // every spelling of theirs, lower-cased once. Worked out only if some name needs it.
    let known_words = std::cell::OnceCell::new();
    let mut out = Vec::new();
    for (i, n) in cx.draft.names.iter().enumerate() {
        if n.kind == NameKind::Thing || cx.persons[i].is_some() || cx.is_heading(n.sentence) {
            continue;
        }
        let text = n.span.slice(&cx.draft.seg.text);
        // What `about` reads of the draft: the name's words and text; whether it names a corpus
        // person and whether it is in a heading were settled above.
        let key = FactKey::for_text(2 * text.len()).with(&n.words).with(text);
        out.extend(cx.memo.findings_about(Rule::NameMisspelled, key, n.span.start, || about(cx, n, text, &known_words)));
    }
    out
}

/// Every word of every confirmed spelling of the people the relevant sources mention, with
/// the person and the word lower-cased, in the order of the people.
fn mentioned_words<'a>(cx: &Context<'a>) -> Vec<(PersonId, &'a str, String)> {
    let fb = cx.fb;
    // Ordered, so that which person a shared spelling is reported for never depends on hashing.
    let mentioned: std::collections::BTreeSet<PersonId> = cx.relevant.iter().flat_map(|&d| fb.facts[d].mentions.iter().map(|m| m.0)).collect();
    let mut all = Vec::new();
    for &p in &mentioned {
        let Some(person) = fb.people.get(p).filter(|person| person.confirmed) else { continue };
        all.extend(person.words().into_iter().map(|k| (p, k, k.to_lowercase())));
    }
    all
}

/// The misspelt words of draft name `n`, whose text is `text`.
fn about<'a>(cx: &Context<'a>, n: &NameMention, text: &str, known_words: &std::cell::OnceCell<Vec<(PersonId, &'a str, String)>>) -> Vec<Finding> {
    let fb = cx.fb;
    let mut out = Vec::new();
    let mut search_from = 0;
    for w in n.words.iter() {
        let Some(rel) = text[search_from..].find(w.as_str()) else { continue };
        let start = n.span.start + search_from + rel;
        search_from += rel + w.len();
        let w = strip_possessive(w).0;
        if w.chars().count() < 4 || fb.vocabulary.contains(w) || fb.lexicon.contains(&w.to_lowercase()) || country_by_word(w).is_some() {
            continue;
        }
        let known_words = known_words.get_or_init(|| mentioned_words(cx));
        let lower = w.to_lowercase();
        let mut candidates: Vec<(PersonId, String)> = Vec::new();
        for (p, known, known_lower) in known_words {
            if close(&lower, known_lower) && !candidates.iter().any(|(q, k)| q == p && k == known) {
                candidates.push((*p, known.to_string()));
            }
        }
        let distinct: HashSet<&str> = candidates.iter().map(|c| c.1.as_str()).collect();
        if distinct.len() != 1 {
            continue;
        }
        let known = &candidates[0].1;
        let people: Vec<PersonId> = candidates.iter().map(|c| c.0).collect();
        let names: Vec<&str> = people.iter().filter_map(|&p| fb.people.get(p)).map(|p| p.name.as_str()).collect();
        let people = &people;
        let evidence = fb.facts.iter().enumerate().filter(|(d, _)| cx.relevant.contains(d)).flat_map(|(d, f)| {
            f.mentions.iter().filter(|m| people.contains(&m.0)).take(1).filter_map(move |m| {
                let s = f.sentences.iter().find(|s| s.contains(m.1))?;
                Some((d, *s))
            })
        });
        let evidence: Vec<_> = evidence.take(3).map(|(d, s)| fb.evidence(d, s)).collect();
        let span = Span::new(start, start + w.len());
        out.push(
            Finding::new(Rule::NameMisspelled, span, format!("“{w}” is not a spelling the sources use: they write “{known}” ({})", names.join(" or ")))
                .with_evidence(evidence)
                .with_fix(format!("Change to “{known}”"), span, known.clone()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::Rule;

    const SRC: &[&str] = &["Harbour Minister Alma Brekke said the port would reopen. Brekke spoke on Monday."];

    #[test]
    fn near_miss_is_flagged_with_the_source_spelling() {
        let f = findings_of(Rule::NameMisspelled, SRC, "Minister Alma Brekka said the port would reopen.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("Brekke"));
        assert_eq!(f[0].fixes[0].replacement, "Brekke");
        assert!(!f[0].evidence.is_empty());
    }

    #[test]
    fn exact_and_unrelated_names_are_not() {
        assert!(findings_of(Rule::NameMisspelled, SRC, "Alma Brekke said so. Brekke's aide agreed.").is_empty());
        assert!(findings_of(Rule::NameMisspelled, SRC, "Mayor Tomas Lund said so.").is_empty());
    }
}
