//! quote-unattributed: a direct quote has no speaker in the draft.

use super::quote_match::{person_name, quote_evidence, Said};
use super::Context;
use crate::finding::{Finding, Rule};

/// Shorter fragments are usually scare quotes or titles, not statements anyone made.
const MIN_WORDS: usize = 4;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in super::quote_match::match_quotes(cx) {
        if m.quote.partial || m.words.len() < MIN_WORDS || cx.is_heading(cx.draft.seg.sentence_at(m.quote.span.start).unwrap_or(0)) {
            continue;
        }
        let floating_ok = match m.said {
            Said::Nobody => false,
            // A quote in its own paragraph relies on the previous paragraph's speaker: fine when
            // the sources agree it was theirs.
            Said::Floating(p) => m.verbatim.is_empty() || m.verbatim.iter().any(|(_, sq)| sq.speaker == p && p.is_some()),
            _ => true,
        };
        if floating_ok {
            continue;
        }
        let source_speakers: Vec<_> = m.verbatim.iter().filter(|(_, sq)| sq.speaker.is_some()).collect();
        let message = match source_speakers.first() {
            Some((_, sq)) => format!("this quote has no speaker in the draft; the sources attribute it to {}", person_name(cx, sq.speaker)),
            None => "this quote has no speaker in the draft".to_string(),
        };
        let evidence = m.verbatim.iter().map(|(d, sq)| quote_evidence(cx, *d, sq)).collect();
        out.push(Finding::new(Rule::QuoteUnattributed, m.quote.span, message).with_evidence(evidence));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::Rule;

    const SRC: &[&str] = &["“We will rebuild the pier before winter,” Mayor Alma Brekke said."];

    #[test]
    fn bare_quote_is_flagged_and_names_the_source_speaker() {
        let f = findings_of(Rule::QuoteUnattributed, SRC, "The pier is closed.\n\n\"We will rebuild the pier before winter.\"\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("Alma Brekke"));
    }

    #[test]
    fn attributed_quote_is_fine() {
        assert!(findings_of(Rule::QuoteUnattributed, SRC, "\"We will rebuild the pier before winter,\" Brekke said.").is_empty());
    }
}
