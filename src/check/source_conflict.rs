//! source-conflict: the sources disagree on the fact the draft states (information).

use super::number_mismatch::{agree, count_key, counts_an_addition, same_unit, shared_words};
use super::quote_match::quote_evidence;
use super::Context;
use crate::extract::number::CountMention;
use crate::facts::Located;
use crate::finding::{Finding, Rule};
// Word sets are hashed on every check: FxHash (see `check::memo`).
use rustc_hash::FxHashSet as HashSet;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // Two wordings of one quote: the draft follows one of them.
    for m in &cx.quote_matches {
        let Some((d, sq)) = m.verbatim.first() else { continue };
        let other = m.near.iter().find(|n| n.doc != *d && n.source.speaker == sq.speaker && sq.speaker.is_some());
        if let Some(n) = other {
            out.push(
                Finding::new(Rule::SourceConflict, m.quote.span, format!("the sources word this quote differently: {} and {} disagree", cx.fb.docs[*d].label, cx.fb.docs[n.doc].label))
                    .with_evidence(vec![quote_evidence(cx, *d, sq), quote_evidence(cx, n.doc, n.source)]),
            );
        }
    }
    // Two values for one count: the draft agrees with some sources but not others.
    for c in &cx.draft.counts {
        if c.fact.head.is_empty() || crate::extract::number::is_time_unit(&c.fact.head) || cx.in_quote(c.fact.span) || counts_an_addition(&c.fact, &cx.draft.seg.text) {
            continue;
        }
        let (key, anchor) = count_key(cx, c);
        out.extend(cx.memo.findings_about(Rule::SourceConflict, key, anchor, || count_conflict(cx, c).into_iter().collect()));
    }
    out
}

/// The finding, if any, that the sources disagree on draft count `c`.
fn count_conflict(cx: &Context, c: &Located<CountMention>) -> Option<Finding> {
    let fb = cx.fb;
    let unit: HashSet<String> = c.fact.unit.split_whitespace().map(crate::knowledge::noun_lemma).collect();
    let mine = cx.content_words(cx.draft_sentence(c.sentence));
    let mut agreeing = Vec::new();
    let mut disagreeing = Vec::new();
    for &d in &cx.relevant {
        let f = &fb.facts[d];
        for sc in &f.counts {
            let Some(s) = f.sentences.get(sc.sentence) else { continue };
            if !same_unit(&c.fact, &sc.fact)
                || counts_an_addition(&sc.fact, &fb.docs[d].text)
                || shared_words(&cx.content_words(s.slice(&fb.docs[d].text)), &mine, &unit) < 3
            {
                continue;
            }
            if agree(&c.fact, &sc.fact) { agreeing.push((d, *s)) } else { disagreeing.push((d, *s)) }
        }
    }
    // Sources disagree only when one document says otherwise than another.
    disagreeing.retain(|(d, _)| !agreeing.iter().any(|(a, _)| a == d));
    if agreeing.is_empty() || disagreeing.is_empty() {
        return None;
    }
    let evidence = agreeing.iter().chain(&disagreeing).map(|(d, s)| fb.evidence(*d, *s)).collect();
    Some(Finding::new(Rule::SourceConflict, c.fact.span, "the sources disagree on this number").with_evidence(evidence))
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::{Rule, Severity};

    #[test]
    fn two_wordings_of_one_quote() {
        let src = &[
            "“We will rebuild the old pier before the winter storms,” Mayor Alma Brekke said.",
            "“We will rebuild the pier before winter,” Mayor Alma Brekke said.",
        ];
        let f = findings_of(Rule::SourceConflict, src, "\"We will rebuild the pier before winter,\" Mayor Alma Brekke said.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Information);
        assert_eq!(f[0].evidence.len(), 2);
    }

    #[test]
    fn two_counts_of_one_thing() {
        let src = &["Port officials counted 38 ships waiting outside the harbour on Tuesday.", "Port officials counted 45 ships waiting outside the harbour on Tuesday."];
        let f = findings_of(Rule::SourceConflict, src, "Port officials counted 45 ships waiting outside the harbour.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(findings_of(Rule::SourceConflict, &src[..1], "Port officials counted 38 ships waiting outside the harbour.").is_empty());
    }
}
