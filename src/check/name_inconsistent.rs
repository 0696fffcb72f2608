//! name-inconsistent: the draft spells one person two ways.

use super::Context;
use crate::facts::PersonId;
use crate::finding::{Finding, Rule};
use std::collections::HashMap;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut first_spelling: HashMap<PersonId, (String, usize)> = HashMap::new();
    let mut out = Vec::new();
    for (i, n) in cx.draft.names.iter().enumerate() {
        let Some(p) = cx.persons[i] else { continue };
        let surname = n.last().to_string();
        match first_spelling.get(&p) {
            None => {
                first_spelling.insert(p, (surname, i));
            }
            Some((first, _)) if first.eq_ignore_ascii_case(&surname) => {}
            Some((first, _)) => {
                // Only spellings of the same word: a first name alone ("Alma") is not a respelling.
                if !crate::facts::people_spelling_variants(first, &surname) {
                    continue;
                }
                let first = first.clone();
                let name_span = n.span;
                let text = name_span.slice(&cx.draft.seg.text);
                let start = name_span.start + text.rfind(&surname).unwrap_or(0);
                let span = crate::text::Span::new(start, start + surname.len());
                out.push(
                    Finding::new(Rule::NameInconsistent, span, format!("the draft spells this person two ways: “{first}” earlier, “{surname}” here"))
                        .with_fix(format!("Change to “{first}”"), span, first.clone()),
                );
                first_spelling.insert(p, (first, i));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::{Rule, Severity};

    const SRC: &[&str] = &["Mayor Olek Kovalenko said yes.", "Mayor Olek Kovalenkko said yes again."];

    #[test]
    fn two_spellings_in_one_draft() {
        let f = findings_of(Rule::NameInconsistent, SRC, "Mayor Olek Kovalenko spoke. Later Kovalenkko left.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Information);
        assert!(findings_of(Rule::NameInconsistent, SRC, "Olek Kovalenko spoke. Later Kovalenko left.").is_empty());
    }
}
