//! quote-misattributed: the quote is in the sources, said by someone else.

use super::quote_match::{person_name, quote_evidence, Said};
use super::Context;
use crate::finding::{Finding, Rule};

/// Short fragments recur in many mouths; only longer quotes identify their speaker.
const MIN_WORDS: usize = 4;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in &cx.quote_matches {
        if !matches!(m.said, Said::Person(_)) {
            continue;
        }
        if m.words.len() < MIN_WORDS || m.verbatim.is_empty() || !names_a_person(cx, m) {
            continue;
        }
        // Only speakers the corpus marks as people (a title, a speech verb) can be accused.
        let known: Vec<_> = m.verbatim.iter().filter(|(_, sq)| sq.speaker.and_then(|p| cx.fb.people.get(p)).is_some_and(|p| p.confirmed)).collect();
        if known.iter().any(|(_, sq)| m.said_by(cx, sq.speaker)) {
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

/// Could the draft's speaker be a person other than the source's? A pronoun nobody resolved
/// names no one, and an organisation ("the Lorn Port Authority", one the corpus never marks as
/// a person) is where a person works or whom they speak for, not a rival speaker.
fn names_a_person(cx: &Context, m: &super::quote_match::QuoteMatch) -> bool {
    use crate::extract::quotes::MentionKind;
    let Some(s) = m.quote.speaker.as_ref() else { return false };
    match s.kind {
        MentionKind::Pronoun => s.name.is_some(),
        MentionKind::Name => {
            let name = s.name.as_deref().unwrap_or(&s.text);
            let words = crate::extract::roles::name_words(name);
            let institution = words.iter().any(|w| crate::knowledge::is_organisation_word(w));
            // A lone word the registry places nowhere, in no name of a person of the corpus
            // either, may be a company ("Lorncorp said"): no rival speaker.
            let unconfirmed = matches!(m.said, Said::Person(None))
                && words.len() == 1
                && !cx.fb.people.persons.iter().any(|p| p.confirmed && p.words().contains(words[0].as_str()));
            !institution && !unconfirmed
        }
        MentionKind::Description => true,
    }
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

    #[test]
    fn a_title_before_the_name_in_apposition_does_not_stand_for_someone_else() {
        let src = &["Trade Minister Tomas Ruud spoke first. Norway's fisheries minister, Dame Alma Brekke, said simply: “We will rebuild the pier before winter.”"];
        let draft = "Trade Minister Tomas Ruud spoke first. Norway's fisheries minister, Dame Alma Brekke, said simply: \"We will rebuild the pier before winter.\"";
        assert!(findings_of(Rule::QuoteMisattributed, src, draft).is_empty());
        // Still caught when the apposition names the wrong person.
        let wrong = "Norway's fisheries minister, Tomas Ruud, said simply: \"We will rebuild the pier before winter.\"";
        assert_eq!(findings_of(Rule::QuoteMisattributed, src, wrong).len(), 1);
    }

    #[test]
    fn an_honorific_with_a_first_name_names_the_person() {
        let draft = "\"We will rebuild the pier before winter,\" Dame Alma said.";
        assert!(findings_of(Rule::QuoteMisattributed, SRC, draft).is_empty());
        // Another person's first name after the honorific is another person.
        let f = findings_of(Rule::QuoteMisattributed, SRC, "\"We will rebuild the pier before winter,\" Sir Tomas said.");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn an_organisation_or_an_unresolved_pronoun_is_no_rival_speaker() {
        let src = &["“Prices will fall within the year,” said Ilse Brandvik, an analyst at Korrin Securities. Piet Harmsen, a trader, disagreed."];
        // The institution she works for, made the speaker, contradicts nobody.
        let draft = "Korrin Securities said: \"Prices will fall within the year.\"";
        assert!(findings_of(Rule::QuoteMisattributed, src, draft).is_empty());
        let draft = "The Lorn Bureau of Trade has said \"prices will fall within the year,\" according to Ilse Brandvik.";
        assert!(findings_of(Rule::QuoteMisattributed, src, draft).is_empty());
        // "She" with no antecedent names nobody.
        let draft = "The hall fell quiet. She said: \"Prices will fall within the year.\"";
        assert!(findings_of(Rule::QuoteMisattributed, src, draft).is_empty());
        // A person, named or behind a pronoun, is still caught.
        let draft = "Piet Harmsen spoke next. \"Prices will fall within the year,\" he said.";
        assert_eq!(findings_of(Rule::QuoteMisattributed, src, draft).len(), 1);
        let draft = "\"Prices will fall within the year,\" said Piet Harmsen of Korrin Securities.";
        assert_eq!(findings_of(Rule::QuoteMisattributed, src, draft).len(), 1);
    }

    #[test]
    fn a_descriptor_before_the_full_name_is_the_same_speaker() {
        let src = &["“We will rebuild the pier before winter,” said Green Alma Brekke.", "Alma Brekke, the Green candidate, toured the harbour."];
        let draft = "Alma Brekke toured the harbour. \"We will rebuild the pier before winter,\" she said.";
        assert!(findings_of(Rule::QuoteMisattributed, src, draft).is_empty());
    }

    #[test]
    fn a_spelling_of_the_speakers_name_is_the_speaker() {
        // The corpus itself spells her two ways; the draft uses the rarer spelling.
        let src = &[
            "“Leave the valley now,” Sheriff Marit Osvik said at the briefing.",
            "Sheriff Marit Asvik ordered the valley cleared on Tuesday.",
        ];
        let draft = "Sheriff Marit Asvik's message was blunt: \"Leave the valley now.\"";
        assert!(findings_of(Rule::QuoteMisattributed, src, draft).is_empty());
        // A misspelt speaker is one error, reported once, by name-misspelled.
        let draft = "\"Leave the valley now,\" Sheriff Marit Osvic said.";
        assert!(findings_of(Rule::QuoteMisattributed, src, draft).is_empty());
        assert_eq!(findings_of(Rule::NameMisspelled, src, draft).len(), 1);
        // Two people of the corpus with one first name and surnames two edits apart are two.
        let two = &["“Leave the valley now,” Deputy Petros Kalamidis said.", "Deputy Petros Kalamakis drove the lead truck."];
        assert_eq!(findings_of(Rule::QuoteMisattributed, two, "\"Leave the valley now,\" Deputy Petros Kalamakis said.").len(), 1);
        // A name more than a slip away is somebody else.
        let draft = "\"Leave the valley now,\" Sheriff Marit Ostergaard said.";
        let src = &[src[0], "Deputy Marit Ostergaard drove the lead truck."];
        assert_eq!(findings_of(Rule::QuoteMisattributed, src, draft).len(), 1);
    }
}
