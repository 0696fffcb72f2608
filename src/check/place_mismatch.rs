//! place-mismatch: the venue or city of an event contradicts every source.

use super::{Context, FactKey};
use crate::extract::events::{clause_around, event_kinds};
use crate::extract::places::{place_key, PlaceKind, PlaceMention};
use crate::extract::time::set_against_another_event;
use crate::finding::{Finding, Rule};

fn is_venue(k: PlaceKind) -> bool {
    k == PlaceKind::Venue
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let fb = cx.fb;
    let mut out = Vec::new();
    // Every place any relevant source names, for any reason: a place the sources know is never "wrong".
    let known = cx.memo.known_places(|| cx.relevant.iter().flat_map(|&d| fb.facts[d].places.iter().map(|p| place_key(&p.0.name))).collect());
    for (p, _) in &cx.draft.places {
        if cx.in_quote(p.span) || cx.is_heading(p.sentence) {
            continue;
        }
        let mentioned_anywhere = p.name.split(' ').all(|w| fb.vocabulary.contains(w));
        if known.contains(&place_key(&p.name)) || (!is_venue(p.kind) && mentioned_anywhere) {
            continue;
        }
        // The rest reads the place and its sentence alone, as written and as masked.
        let Some(sentence) = cx.draft.seg.sentences.get(p.sentence).map(|s| s.span) else { continue };
        let anchor = sentence.start;
        let key = FactKey::for_text(2 * sentence.len() + p.name.len())
            .with(&p.name)
            .with(p.kind)
            .with((p.span.start - anchor, p.span.end - anchor))
            .with(sentence.slice(&cx.draft.seg.text))
            .with(sentence.slice(&cx.draft.seg.masked));
        out.extend(cx.memo.findings_about(Rule::PlaceMismatch, key, anchor, || about(cx, p).into_iter().collect()));
    }
    out
}

/// The finding, if any, about draft place `p`, which the sources do not name.
fn about(cx: &Context, p: &PlaceMention) -> Option<Finding> {
    let fb = cx.fb;
    let events = event_kinds(&cx.draft.seg, clause_around(&cx.draft.seg, p.sentence, p.span));
    // "They met in Lorn on Thursday, a day before the talks": another meeting's place.
    if events.is_empty() || set_against_another_event(&cx.draft.seg, p.sentence, p.span) {
        return None;
    }
    let draft_words = cx.content_words(cx.draft_sentence(p.sentence));
    // Source places of the same kind for the same kind of event, ranked by how much their
    // sentence shares with the draft's.
    let mut cands = Vec::new();
    for &d in &cx.relevant {
        let f = &fb.facts[d];
        for (sp, ev) in &f.places {
            if is_venue(sp.kind) != is_venue(p.kind) || !ev.iter().any(|e| events.contains(e)) {
                continue;
            }
            let Some(s) = f.sentences.get(sp.sentence) else { continue };
            let overlap = cx.content_words(s.slice(&fb.docs[d].text)).intersection(&draft_words).count();
            cands.push((overlap, d, *s, sp.name.clone()));
        }
    }
    let best = cands.iter().map(|c| c.0).max().unwrap_or(0);
    cands.retain(|c| c.0 == best);
    if cands.is_empty() {
        return None;
    }
    let mut names: Vec<String> = cands.iter().map(|c| c.3.clone()).collect();
    names.sort();
    names.dedup();
    let evidence = cands.iter().map(|c| fb.evidence(c.1, c.2)).collect();
    let what = if is_venue(p.kind) { "venue" } else { "place" };
    let mut f = Finding::new(Rule::PlaceMismatch, p.span, format!("the sources give the {what} as {}, not {}", names.join(" or "), p.name)).with_evidence(evidence);
    if names.len() == 1 {
        f = f.with_fix(format!("Change to “{}”", names[0]), p.span, names[0].clone());
    }
    // A locality no list knows might be a district of the sources' city.
    // So might a place set by an event word with other senses ("an appeal for calm in …").
    if p.kind == PlaceKind::Region && crate::knowledge::country_by_word(&p.name).is_none() || events.doubtful() {
        f = f.unsure();
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::{Rule, Severity};

    const SRC: &[&str] = &["The talks were held at the Harbour Palace in Oslo on Monday.", "Officials dined at the Grand Hotel.", "A summit in Norway is planned."];

    #[test]
    fn other_venue_for_the_event() {
        let f = findings_of(Rule::PlaceMismatch, SRC, "The talks took place at the Opera Palace.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("Harbour Palace"));
        assert!(findings_of(Rule::PlaceMismatch, SRC, "The talks took place at the Harbour Palace.").is_empty());
        // A venue the sources know, even for something else, is not flagged.
        assert!(findings_of(Rule::PlaceMismatch, SRC, "The talks took place at the Grand Hotel.").is_empty());
    }

    #[test]
    fn other_city_or_country() {
        let f = findings_of(Rule::PlaceMismatch, SRC, "The talks were held in Stockholm.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        let f = findings_of(Rule::PlaceMismatch, SRC, "The summit in Denmark is planned.");
        assert_eq!(f.len(), 1, "{f:?}");
        // An unknown locality may be part of the sources' city: said, but only as information.
        let f = findings_of(Rule::PlaceMismatch, SRC, "The talks were held in Grunerlokka.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Information);
        assert!(findings_of(Rule::PlaceMismatch, SRC, "The talks were held in Oslo.").is_empty());
    }

    #[test]
    fn a_place_set_against_the_event_is_another_events() {
        for other in [
            "The envoys met in Stockholm on Sunday, a day before the talks.",
            "Ahead of the talks, the envoys met in Stockholm.",
            "On the eve of the summit, the ministers dined in Stockholm.",
        ] {
            assert!(findings_of(Rule::PlaceMismatch, SRC, other).is_empty(), "{other}");
        }
        // Silence is the price of not telling which event an anchored place belongs to.
        assert!(findings_of(Rule::PlaceMismatch, SRC, "The talks were held in Stockholm a day after the vote.").is_empty());
        assert_eq!(findings_of(Rule::PlaceMismatch, SRC, "The talks were held in Stockholm.").len(), 1);
    }
}
