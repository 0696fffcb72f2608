//! source-conflict: the sources disagree on the fact the draft states (information).

use super::number_mismatch::{agree, candidates, checkable, count_key, quoted};
use super::quote_match::quote_evidence;
use super::Context;
use crate::extract::number::CountMention;
use crate::facts::Located;
use crate::finding::{Finding, Rule};

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
        if !checkable(cx, c) {
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
    let mut agreeing = Vec::new();
    let mut disagreeing = Vec::new();
    let (draft, mut same) = candidates(cx, c);
    // A count the draft dates is compared with the sources' counts for that day, when they have one.
    if same.iter().any(|k| k.same_time) {
        same.retain(|k| k.same_time);
    }
    for k in same {
        // Sources disagree only about one thing: sentences much like the draft's, or giving
        // the same day.
        let likeness = k.shared + if k.same_time { 2 } else { 0 };
        if likeness < 3 {
            continue;
        }
        if agree(&c.fact, &cx.draft.seg.text, k.count, &fb.docs[k.doc].text) {
            agreeing.push((k.doc, k.sentence, k.count));
        } else if k.contradicts(&draft) {
            disagreeing.push((k.doc, k.sentence, k.count));
        }
    }
    // Sources disagree only when one document says otherwise than another.
    disagreeing.retain(|(d, _, _)| !agreeing.iter().any(|(a, _, _)| a == d));
    if agreeing.is_empty() || disagreeing.is_empty() {
        return None;
    }
    let mut evidence: Vec<(usize, crate::text::Span)> = Vec::new();
    let mut said: Vec<String> = Vec::new();
    for (d, s, count) in agreeing.iter().chain(&disagreeing) {
        if !evidence.contains(&(*d, *s)) {
            evidence.push((*d, *s));
        }
        let value = quoted(count.span.slice(&fb.docs[*d].text));
        if !said.contains(&value) {
            said.push(value);
        }
    }
    let evidence = evidence.into_iter().map(|(d, s)| fb.evidence(d, s)).collect();
    Some(Finding::new(Rule::SourceConflict, c.fact.span, format!("the sources disagree on this number: {}", said.join(" / "))).with_evidence(evidence))
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

    #[test]
    fn counts_of_other_days_do_not_disagree() {
        let src = &[
            "Harbour officials counted 38 trawlers waiting at anchor on Tuesday.",
            "Agents said 45 trawlers were waiting at anchor on Tuesday.",
            "Harbour officials counted 31 trawlers waiting at anchor on Monday.",
            "Harbour officials counted 41 trawlers waiting at anchor on Wednesday.",
        ];
        let f = findings_of(Rule::SourceConflict, src, "Harbour officials counted 38 trawlers waiting at anchor on Tuesday.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("45 trawlers") && !f[0].message.contains("31") && !f[0].message.contains("41"), "{}", f[0].message);
        assert!(findings_of(Rule::SourceConflict, src, "Harbour officials counted 31 trawlers waiting at anchor on Monday.").is_empty());
    }
}
