//! quote-unsourced: the quote is in no source (information: the writer may have their own interview).

use super::quote_match::Said;
use super::Context;
use crate::finding::{Finding, Rule};

const MIN_WORDS: usize = 4;

pub fn check(cx: &Context) -> Vec<Finding> {
    super::quote_match::match_quotes(cx)
        .into_iter()
        .filter(|m| m.words.len() >= MIN_WORDS && m.verbatim.is_empty() && m.near.is_empty() && !matches!(m.said, Said::Nobody))
        .map(|m| Finding::new(Rule::QuoteUnsourced, m.quote.span, "this quote is in none of the sources"))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::{Rule, Severity};

    #[test]
    fn quote_in_no_source_is_information() {
        let src = &["“We will rebuild the pier before winter,” Mayor Alma Brekke said."];
        let f = findings_of(Rule::QuoteUnsourced, src, "\"The ferry will be free from June onwards,\" Brekke said.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Information);
    }
}
