//! delegation-mismatch: the draft puts a person at the head of, or in, a side's delegation that
//! the sources give to another person or side.

use super::quote_match::words_name_person;
use super::Context;
use crate::extract::delegations::{same_side, side_label, Membership};
use crate::facts::PersonId;
use crate::finding::{Finding, Rule};

pub fn check(cx: &Context) -> Vec<Finding> {
    let fb = cx.fb;
    // (side, person, role, doc, sentence) from the relevant sources.
    let mut src = Vec::new();
    for &d in &cx.relevant {
        let f = &fb.facts[d];
        for (side, p, role, s) in &f.delegations {
            if let Some(sentence) = f.sentences.get(*s) {
                src.push((side.as_str(), *p, *role, d, *sentence));
            }
        }
    }
    let mut out = Vec::new();
    for d in &cx.draft.delegations {
        let name = &cx.draft.names[d.name];
        if cx.in_quote(name.span) {
            continue;
        }
        // "the company's delegation": a common noun that names no side the sources know.
        let generic = d.side.strip_prefix("org:").is_some_and(|o| !o.contains(' ') && o.chars().all(char::is_lowercase));
        if generic && !src.iter().any(|x| same_side(x.0, &d.side)) {
            continue;
        }
        let person = cx.persons.get(d.name).copied().flatten();
        let person_sides: Vec<_> = src.iter().filter(|x| Some(x.1) == person).collect();
        let heads_of_side: Vec<_> = src.iter().filter(|x| same_side(x.0, &d.side) && x.2 == Membership::Head).collect();
        let display = person.and_then(|p| fb.people.get(p)).map(|p| p.name.clone()).unwrap_or_else(|| name.text());
        let (message, evidence) = if !person_sides.is_empty() && !person_sides.iter().any(|x| same_side(x.0, &d.side)) {
            let other = side_label(person_sides[0].0);
            let mut ev: Vec<_> = person_sides.iter().map(|x| (x.3, x.4)).collect();
            ev.extend(heads_of_side.iter().map(|x| (x.3, x.4)));
            (format!("the sources put {display} in {other}'s delegation, not {}'s", side_label(&d.side)), ev)
        } else if d.role == Membership::Head && !heads_of_side.is_empty() && !heads_of_side.iter().any(|x| Some(x.1) == person || names_head_misspelt(cx, person, &name.words, x.1)) {
            let head = fb.people.get(heads_of_side[0].1).map(|p| p.name.clone()).unwrap_or_default();
            let mut ev: Vec<_> = heads_of_side.iter().map(|x| (x.3, x.4)).collect();
            ev.extend(src.iter().filter(|x| same_side(x.0, &d.side) && x.2 == Membership::Member).map(|x| (x.3, x.4)));
            (format!("the sources say {head} led {}'s delegation, not {display}", side_label(&d.side)), ev)
        } else {
            continue;
        };
        let mut evidence = evidence;
        evidence.sort();
        evidence.dedup();
        let evidence = evidence.into_iter().map(|(doc, s)| fb.evidence(doc, s)).collect();
        out.push(Finding::new(Rule::DelegationMismatch, name.span, message).with_evidence(evidence));
    }
    out
}

/// A name the registry could not place that is a slip of the head's own ("Brekke" written
/// "Brekka"): one error, which name-misspelled reports, not another person at the head.
fn names_head_misspelt(cx: &Context, person: Option<PersonId>, words: &[String], head: PersonId) -> bool {
    person.is_none() && cx.fb.people.get(head).is_some_and(|h| words_name_person(words, false, h))
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::Rule;

    const SRC: &[&str] = &[
        "Norway's delegation was led by Trade Minister Alma Brekke. Tomas Ruud, the head of the Swedish delegation, spoke first.",
    ];

    #[test]
    fn wrong_head_and_wrong_side() {
        let f = findings_of(Rule::DelegationMismatch, SRC, "Norway's delegation was headed by Foreign Minister Per Dahl.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("Alma Brekke"));
        let f = findings_of(Rule::DelegationMismatch, SRC, "Tomas Ruud, the head of Norway's delegation, spoke.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("Sweden"));
    }

    #[test]
    fn a_misspelt_head_is_no_other_head() {
        // One slip in the head's surname is name-misspelled's to report.
        assert!(findings_of(Rule::DelegationMismatch, SRC, "Norway's delegation was led by Trade Minister Alma Brekka.").is_empty());
        assert!(findings_of(Rule::DelegationMismatch, SRC, "Norway's delegation was headed by Alma Brekkes.").is_empty());
        // Another first name with a surname like hers is still another person.
        let f = findings_of(Rule::DelegationMismatch, SRC, "Norway's delegation was led by Trade Minister Petter Brekka.");
        assert_eq!(f.len(), 1, "{f:?}");
        // So is a name far from hers.
        assert_eq!(findings_of(Rule::DelegationMismatch, SRC, "Norway's delegation was led by Alma Berg.").len(), 1);
    }

    #[test]
    fn agreement_is_silent() {
        assert!(findings_of(Rule::DelegationMismatch, SRC, "The Norwegian team was led by Alma Brekke.").is_empty());
    }
}
