//! quote-unattributed: a direct quote has no speaker in the draft.

use super::quote_match::{person_name, quote_evidence, Said};
use super::Context;
use crate::finding::{Finding, Rule};

/// Shorter fragments are usually scare quotes or titles, not statements anyone made.
const MIN_WORDS: usize = 4;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in &cx.quote_matches {
        if m.quote.partial || m.words.len() < MIN_WORDS || cx.is_heading(cx.draft.seg.sentence_at(m.quote.span.start).unwrap_or(0)) {
            continue;
        }
        let floating_ok = match m.said {
            Said::Nobody => false,
            // A quote in its own paragraph relies on the previous paragraph's speaker: fine unless
            // the sources do not give it to somebody else.
            Said::Floating(p) => !m.verbatim.iter().any(|(_, sq)| sq.speaker.is_some() && sq.speaker != p && !names_same(cx, m.quote.speaker.as_ref(), sq.speaker) && !m.said_by(cx, sq.speaker)),
            _ => true,
        };
        if floating_ok {
            continue;
        }
        let source_speakers: Vec<_> = m.verbatim.iter().filter(|(_, sq)| sq.speaker.is_some()).collect();
        // A speech verb beside the quote means the writer did attribute it and the parser missed
        // the shape: say so quietly rather than accuse.
        let cue_nearby = has_speech_cue_outside_quotes(cx, m.quote.span) || person_earlier_in_paragraph(cx, m.quote.span);
        let message = match source_speakers.first() {
            Some((_, sq)) => format!("this quote has no speaker in the draft; the sources attribute it to {}", person_name(cx, sq.speaker)),
            None => "this quote has no speaker in the draft".to_string(),
        };
        let evidence = m.verbatim.iter().map(|(d, sq)| quote_evidence(cx, *d, sq)).collect();
        let mut f = Finding::new(Rule::QuoteUnattributed, m.quote.span, message).with_evidence(evidence);
        if cue_nearby {
            f = f.unsure();
        }
        out.push(f);
    }
    out
}

/// A reader infers the speaker of a quote that follows, in its own paragraph, a sentence about a
/// person ("Holmes cruised to victory. \"It was nice to get that out of the way.\""); only a quote
/// standing alone is certainly unattributed.
fn person_earlier_in_paragraph(cx: &Context, quote: crate::text::Span) -> bool {
    let seg = &cx.draft.seg;
    let Some(para) = seg.sentence_at(quote.start).and_then(|i| seg.sentences.get(i)).and_then(|s| seg.paragraphs.get(s.paragraph)) else {
        return false;
    };
    let before = crate::text::Span::new(para.start, quote.start);
    let named = cx.draft.names.iter().any(|n| n.kind != crate::extract::names::NameKind::Thing && before.contains(n.span) && !cx.in_quote(n.span));
    let pronoun = crate::text::tokenize(&seg.masked, before)
        .iter()
        .any(|t| crate::knowledge::is_person_pronoun(t.text(&seg.masked)) && !cx.quote_spans.iter().any(|q| q.contains(t.span)));
    named || pronoun
}

/// Does the draft's speaker text name the source's person (when the registry could not place it)?
fn names_same(cx: &Context, said: Option<&crate::extract::quotes::Speaker>, source: Option<crate::facts::PersonId>) -> bool {
    let (Some(said), Some(person)) = (said, source.and_then(|p| cx.fb.people.get(p))) else { return false };
    let text = said.name.clone().unwrap_or_else(|| said.text.clone());
    person.surname_spellings().iter().any(|s| text.split_whitespace().any(|w| crate::extract::roles::strip_possessive(w).0 == *s))
}

/// Is there a speech verb ("said", "told", "according") outside every quotation in the quote's
/// sentences or the sentence either side of them — the one before even in the previous
/// paragraph when the quote opens its own ("X said the plan was dead.\n\n\"…\"")?
fn has_speech_cue_outside_quotes(cx: &Context, quote: crate::text::Span) -> bool {
    let seg = &cx.draft.seg;
    let mut first = seg.sentence_at(quote.start).unwrap_or(0);
    let mut last = seg.sentence_at(quote.end.saturating_sub(1)).unwrap_or(first);
    let paragraph = seg.sentences.get(first).map(|s| s.paragraph);
    let opens_paragraph = seg.sentences.get(first).is_some_and(|s| seg.paragraphs.get(s.paragraph).is_some_and(|p| quote.start <= p.start + 3));
    if first > 0 && (seg.sentences.get(first - 1).map(|s| s.paragraph) == paragraph || opens_paragraph) && !cx.is_heading(first - 1) {
        first -= 1;
    }
    if seg.sentences.get(last + 1).map(|s| s.paragraph) == paragraph && paragraph.is_some() {
        last += 1;
    }
    let (Some(a), Some(b)) = (seg.sentences.get(first), seg.sentences.get(last)) else { return false };
    let span = crate::text::Span::new(a.span.start, b.span.end);
    crate::text::tokenize(&seg.masked, span).iter().any(|t| {
        let w = t.text(&seg.masked);
        t.kind == crate::text::TokenKind::Word
            && !cx.quote_spans.iter().any(|q| q.contains(t.span))
            && (crate::knowledge::is_speech_verb(w) || w.eq_ignore_ascii_case("according"))
    })
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
    fn a_cue_the_parser_could_not_read_makes_it_information() {
        let f = findings_of(Rule::QuoteUnattributed, SRC, "\"We will rebuild the pier before winter,\" the harbour board of Brekke's city, after a long meeting, said.");
        assert!(f.iter().all(|f| f.severity == crate::finding::Severity::Information), "{f:?}");
    }

    #[test]
    fn a_quote_after_a_sentence_about_someone_is_information() {
        let f = findings_of(Rule::QuoteUnattributed, SRC, "Brekke toured the pier. \"We will rebuild the pier before winter.\"");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::finding::Severity::Information);
    }

    #[test]
    fn attributed_quote_is_fine() {
        assert!(findings_of(Rule::QuoteUnattributed, SRC, "\"We will rebuild the pier before winter,\" Brekke said.").is_empty());
    }
}
