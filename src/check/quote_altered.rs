//! quote-altered: the speaker matches but the wording differs from every source version.

use super::quote_match::{quote_evidence, Said};
use super::Context;
use crate::finding::{Finding, Rule};

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in super::quote_match::match_quotes(cx) {
        if !m.verbatim.is_empty() || m.near.is_empty() || matches!(m.said, Said::Nobody | Said::Anonymous) {
            continue;
        }
        // The closest version by the same speaker (or by nobody in particular).
        let Some(best) = m.near.iter().find(|n| m.speaker_matches(n.source.speaker)) else { continue };
        let mut message = String::from("the quote differs from the sources");
        if !best.draft_only.is_empty() || !best.source_only.is_empty() {
            message = format!(
                "the quote differs from the sources: the draft has “{}” where the source has “{}”",
                best.draft_only.join(" "),
                best.source_only.join(" ")
            );
        }
        let evidence = m.near.iter().filter(|n| m.speaker_matches(n.source.speaker)).map(|n| quote_evidence(cx, n.doc, n.source)).collect();
        out.push(
            Finding::new(Rule::QuoteAltered, m.quote.span, message)
                .with_evidence(evidence)
                .with_fix("Use the source's wording", m.quote.span, best.source.quote.text.clone()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::Rule;

    const SRC: &[&str] = &["“We have waited 12 years for this bridge,” Mayor Alma Brekke said."];

    #[test]
    fn changed_number_inside_quote() {
        let f = findings_of(Rule::QuoteAltered, SRC, "\"We have waited 15 years for this bridge,\" Mayor Alma Brekke said.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("15") && f[0].message.contains("12"));
        assert!(findings_of(Rule::QuoteAltered, SRC, "\"We have waited 12 years for this bridge,\" Brekke said.").is_empty());
    }
}
