//! quote-misattributed: the quote is in the sources, said by someone else.

use super::quote_match::{person_name, quote_evidence, Said};
use super::Context;
use crate::finding::{Finding, Rule};

/// Short fragments recur in many mouths; only longer quotes identify their speaker.
const MIN_WORDS: usize = 4;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in &cx.quote_matches {
        let Said::Person(me) = m.said else { continue };
        if m.words.len() < MIN_WORDS || m.verbatim.is_empty() {
            continue;
        }
        // Only speakers the corpus marks as people (a title, a speech verb) can be accused.
        let known: Vec<_> = m.verbatim.iter().filter(|(_, sq)| sq.speaker.and_then(|p| cx.fb.people.get(p)).is_some_and(|p| p.confirmed)).collect();
        if known.iter().any(|(_, sq)| sq.speaker == me && me.is_some()) {
            continue;
        }
        // "Rapper Kanye West" that the registry could not place is still the sources' Kanye West.
        let said_text = m.quote.speaker.as_ref().map(|s| s.name.clone().unwrap_or_else(|| s.text.clone())).unwrap_or_default();
        let names_a_source_speaker = known.iter().any(|(_, sq)| {
            sq.speaker.and_then(|p| cx.fb.people.get(p)).is_some_and(|p| p.surname_spellings().iter().any(|s| said_text.split_whitespace().any(|w| crate::extract::roles::strip_possessive(w).0 == *s)))
        });
        if me.is_none() && names_a_source_speaker {
            continue;
        }
        if known.is_empty() {
            // Only unnamed sources said it: the draft's named speaker may be the writer's own
            // identification, so this is worth a look, not a warning.
            let anonymous: Vec<_> = m.verbatim.iter().filter(|(_, sq)| sq.quote.speaker.as_ref().is_some_and(|s| s.anonymous)).collect();
            let named_in_draft = m.quote.speaker.as_ref().is_some_and(|s| s.kind == crate::extract::quotes::MentionKind::Name);
            if let (Some((_, first)), true) = (anonymous.first(), named_in_draft) {
                let who = first.quote.speaker.as_ref().map(|s| s.text.clone()).unwrap_or_default();
                let evidence = anonymous.iter().map(|(d, sq)| quote_evidence(cx, *d, sq)).collect();
                out.push(Finding::new(Rule::QuoteMisattributed, m.quote.span, format!("the sources attribute this quote only to an unnamed source (“{who}”), not to a named person")).with_evidence(evidence).unsure());
            }
            continue;
        }
        // Somebody the sources never name could be anyone; a quote that only some sources
        // attribute (the rest anonymous) is still attributed by them.
        let speaker_text = m.quote.speaker.as_ref().map(|s| s.name.clone().unwrap_or_else(|| s.text.clone())).unwrap_or_default();
        let span = m.quote.speaker.as_ref().map(|s| s.mention).filter(|s| !s.is_empty()).unwrap_or(m.quote.span);
        let evidence = known.iter().map(|(d, sq)| quote_evidence(cx, *d, sq)).collect();
        let fixes_to = person_name(cx, known[0].1.speaker);
        let mut f = Finding::new(
            Rule::QuoteMisattributed,
            m.quote.span,
            format!("the sources attribute this quote to {fixes_to}, not {speaker_text}"),
        )
        .with_evidence(evidence);
        if m.quote.speaker.as_ref().is_some_and(|s| s.kind == crate::extract::quotes::MentionKind::Name) {
            f = f.with_fix(format!("Attribute to {fixes_to}"), span, fixes_to.clone());
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::Rule;

    const SRC: &[&str] = &["“We will rebuild the pier before winter,” Mayor Alma Brekke said. Port chief Tomas Ruud said he agreed."];

    #[test]
    fn someone_else_said_it() {
        let f = findings_of(Rule::QuoteMisattributed, SRC, "\"We will rebuild the pier before winter,\" said Tomas Ruud.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("Alma Brekke"));
        assert!(findings_of(Rule::QuoteMisattributed, SRC, "\"We will rebuild the pier,\" said Alma Brekke.").is_empty());
    }
}
