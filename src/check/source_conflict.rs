//! source-conflict: the sources disagree on the fact the draft states (information).

use super::number_mismatch::{agree, content_words, same_unit};
use super::quote_match::quote_evidence;
use super::Context;
use crate::finding::{Finding, Rule};
use std::collections::HashSet;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // Two wordings of one quote: the draft follows one of them.
    for m in super::quote_match::match_quotes(cx) {
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
    let fb = cx.fb;
    for c in &cx.draft.counts {
        if c.fact.head.is_empty() || crate::extract::number::is_time_unit(&c.fact.head) || cx.in_quote(c.fact.span) {
            continue;
        }
        let unit: HashSet<String> = c.fact.unit.split_whitespace().map(crate::knowledge::noun_lemma).collect();
        let mine = content_words(cx.draft_sentence(c.sentence), &unit);
        let mut agreeing = Vec::new();
        let mut disagreeing = Vec::new();
        for &d in &cx.relevant {
            let f = &fb.facts[d];
            for sc in &f.counts {
                let Some(s) = f.sentences.get(sc.sentence) else { continue };
                if !same_unit(&c.fact, &sc.fact) || content_words(s.slice(&fb.docs[d].text), &unit).intersection(&mine).count() < 2 {
                    continue;
                }
                if agree(&c.fact, &sc.fact) { agreeing.push((d, *s)) } else { disagreeing.push((d, *s)) }
            }
        }
        if !agreeing.is_empty() && !disagreeing.is_empty() {
            let evidence = agreeing.iter().chain(&disagreeing).map(|(d, s)| fb.evidence(*d, *s)).collect();
            out.push(Finding::new(Rule::SourceConflict, c.fact.span, "the sources disagree on this number").with_evidence(evidence));
        }
    }
    out
}
