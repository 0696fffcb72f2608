//! place-mismatch: the venue or city of an event contradicts every source.

use super::Context;
use crate::extract::events::{clause_around, event_kinds};
use crate::extract::places::{place_key, PlaceKind};
use crate::finding::{Finding, Rule};
use std::collections::HashSet;

pub fn check(cx: &Context) -> Vec<Finding> {
    let fb = cx.fb;
    let mut out = Vec::new();
    // Every place any relevant source names, for any reason: a place the sources know is never "wrong".
    let known: HashSet<String> = cx.relevant.iter().flat_map(|&d| fb.facts[d].places.iter().map(|p| place_key(&p.0.name))).collect();
    for p in &cx.draft.places {
        if cx.in_quote(p.span) || cx.is_heading(p.sentence) {
            continue;
        }
        let events = event_kinds(&cx.draft.seg, clause_around(&cx.draft.seg, p.sentence, p.span));
        if events.is_empty() || known.contains(&place_key(&p.name)) {
            continue;
        }
        let mut evidence = Vec::new();
        let mut names = Vec::new();
        for &d in &cx.relevant {
            let f = &fb.facts[d];
            for (sp, ev) in &f.places {
                if sp.kind == p.kind && ev.iter().any(|e| events.contains(e)) {
                    if let Some(s) = f.sentences.get(sp.sentence) {
                        evidence.push(fb.evidence(d, *s));
                        if !names.contains(&sp.name) {
                            names.push(sp.name.clone());
                        }
                    }
                }
            }
        }
        if names.is_empty() {
            continue;
        }
        let what = if p.kind == PlaceKind::Venue { "venue" } else { "city" };
        let mut f = Finding::new(Rule::PlaceMismatch, p.span, format!("the sources give the {what} as {}, not {}", names.join(" or "), p.name)).with_evidence(evidence);
        if names.len() == 1 {
            f = f.with_fix(format!("Change to “{}”", names[0]), p.span, names[0].clone());
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::Rule;

    const SRC: &[&str] = &["The talks were held at the Harbour Palace on Monday.", "Officials dined at the Grand Hotel."];

    #[test]
    fn other_venue_for_the_event() {
        let f = findings_of(Rule::PlaceMismatch, SRC, "The talks took place at the Opera Palace.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("Harbour Palace"));
        assert!(findings_of(Rule::PlaceMismatch, SRC, "The talks took place at the Harbour Palace.").is_empty());
        // A venue the sources know, even for something else, is not flagged.
        assert!(findings_of(Rule::PlaceMismatch, SRC, "The talks took place at the Grand Hotel.").is_empty());
    }
}
