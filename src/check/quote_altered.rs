//! quote-altered: the wording differs from every source version of the quote.

use super::quote_match::{quote_evidence, Near, QuoteMatch, Said};
use super::Context;
use crate::finding::{Finding, Rule};

/// Without the draft's speaker to tie a near version to the quote, the words must: this many of
/// them found in order in the source quote, and this share of the draft's.
const UNMISTAKABLE_WORDS: usize = 5;
const UNMISTAKABLE_RATIO: f64 = 0.8;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in &cx.quote_matches {
        if !m.verbatim.is_empty() || m.near.is_empty() {
            continue;
        }
        // The versions by the draft's speaker; failing those, versions so close in wording that
        // they are this quote whoever the draft gives it to, or when it names nobody.
        let mut versions: Vec<&Near> = m.near.iter().filter(|n| m.said_by(cx, n.source.speaker)).collect();
        if versions.is_empty() {
            versions = m.near.iter().filter(|n| unmistakable(m, n)).collect();
        }
        let Some(best) = versions.first() else { continue };
        if elided_faithfully(m, best) {
            continue;
        }
        let (draft_words, source_words) = (best.draft_only.join(" "), best.source_only.join(" "));
        let message = match (draft_words.is_empty(), source_words.is_empty()) {
            (false, false) => format!("the quote differs from the sources: the draft has “{draft_words}” where the source has “{source_words}”"),
            (false, true) => format!("the quote differs from the sources: the draft has “{draft_words}”, which the source does not"),
            (true, false) => format!("the quote differs from the sources: the source has “{source_words}”, which the draft leaves out"),
            (true, true) => String::from("the quote differs from the sources"),
        };
        let evidence = versions.iter().map(|n| quote_evidence(cx, n.doc, n.source)).collect();
        let mut f = Finding::new(Rule::QuoteAltered, m.quote.span, message)
            .with_evidence(evidence)
            .with_fix("Use the source's wording", m.quote.span, best.source.quote.text.clone());
        // The draft gives the words to somebody the corpus knows, and the sources to somebody
        // else: perhaps that person said something alike that the sources do not have.
        let draft_person = matches!(m.said, Said::Person(Some(_)) | Said::Floating(Some(_)));
        if draft_person && best.source.speaker.is_some() && !m.said_by(cx, best.source.speaker) {
            f = f.unsure();
        }
        out.push(f);
    }
    out
}

fn unmistakable(m: &QuoteMatch, near: &Near) -> bool {
    let common = (near.ratio * m.words.len() as f64).round() as usize;
    common >= UNMISTAKABLE_WORDS && near.ratio >= UNMISTAKABLE_RATIO
}

/// “We will rebuild … before winter”: every word is the source's, in its order, and the writer
/// marked where words were left out.
fn elided_faithfully(m: &QuoteMatch, near: &Near) -> bool {
    near.draft_only.is_empty() && (m.quote.text.contains("...") || m.quote.text.contains('…'))
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::{Rule, Severity};

    const SRC: &[&str] = &["“We have waited 12 years for this bridge,” Mayor Alma Brekke said."];

    #[test]
    fn changed_number_inside_quote() {
        let f = findings_of(Rule::QuoteAltered, SRC, "\"We have waited 15 years for this bridge,\" Mayor Alma Brekke said.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("15") && f[0].message.contains("12"));
        assert!(findings_of(Rule::QuoteAltered, SRC, "\"We have waited 12 years for this bridge,\" Brekke said.").is_empty());
    }

    const LONG: &[&str] = &["Harbour chief Tomas Ruud visited the pier. “We will hold this pier for a year, two, three - however long it takes,” Ruud said."];

    #[test]
    fn a_changed_last_word_is_named_on_both_sides() {
        let f = findings_of(Rule::QuoteAltered, LONG, "\"We will hold this pier for a year, two, three - however long it needs,\" Ruud said.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("“needs” where the source has “takes”"), "{}", f[0].message);
    }

    #[test]
    fn the_wording_counts_whoever_the_draft_gives_it_to() {
        // Unnamed, described, or left without a speaker: the words alone make it the same quote.
        for draft in [
            "\"We will hold this pier for a year, two, three - however long it needs,\" the harbour negotiator said.",
            "\"We will hold this pier for a year, two, three - however long it needs,\" a port official said.",
            "The pier is closed.\n\n\"We will hold this pier for a year, two, three - however long it needs.\"",
        ] {
            let f = findings_of(Rule::QuoteAltered, LONG, draft);
            assert_eq!(f.len(), 1, "{draft}: {f:?}");
            assert_eq!(f[0].severity, Severity::Warning, "{draft}");
        }
        // Given to somebody else the corpus knows: worth a look, not an accusation.
        let src = &[LONG[0], "Mayor Alma Brekke opened the fair."];
        let f = findings_of(Rule::QuoteAltered, src, "\"We will hold this pier for a year, two, three - however long it needs,\" Mayor Alma Brekke said.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Information);
    }

    #[test]
    fn loose_likeness_without_the_speaker_is_not_enough() {
        // Three words of five in order: with the speaker it is the same quote, without it not.
        let src = &["“We will not back down,” Mayor Alma Brekke said."];
        assert_eq!(findings_of(Rule::QuoteAltered, src, "\"We will not give in,\" Brekke said.").len(), 1);
        assert!(findings_of(Rule::QuoteAltered, src, "\"We will not give in,\" a fisherman said.").is_empty());
        assert!(findings_of(Rule::QuoteAltered, src, "\"We will not give in,\" said Tomas Ruud.").is_empty());
    }

    #[test]
    fn verbatim_and_marked_elisions_are_faithful() {
        assert!(findings_of(Rule::QuoteAltered, LONG, "\"However long it takes,\" a port official said.").is_empty());
        assert!(findings_of(Rule::QuoteAltered, LONG, "\"We will hold this pier … however long it takes,\" Ruud said.").is_empty());
        assert!(findings_of(Rule::QuoteAltered, LONG, "\"We will hold this pier for a year, two, three - however long it takes,\" the negotiator said.").is_empty());
    }
}
