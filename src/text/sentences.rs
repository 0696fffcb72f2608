//! Sentence boundaries inside one paragraph.

use super::Span;

/// Words that end with a full stop without ending the sentence. General English only.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "maj", "st", "mt", "ft", "jr", "sr", "rev", "hon", "pres", "vs", "etc", "inc", "ltd",
    "co", "corp", "no", "nos", "vol", "p", "pp", "fig", "approx", "dept", "est", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k",
    "u.n", "e.u", "d.c", "ph.d", "b.c", "a.d",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    if w.is_empty() {
        return false;
    }
    // Single letters are initials ("John F. Kennedy"); dotted runs are acronyms ("U.S.").
    if w.chars().count() == 1 && w.chars().all(|c| c.is_alphabetic()) {
        return true;
    }
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    ABBREVIATIONS.contains(&w.as_str())
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\u{201d}' | '\u{2019}' | '\'' | ')' | ']' | '\u{bb}')
}

/// Split `span` of `text` into sentences. Boundaries: `.`, `!`, `?` (plus closing quotes and
/// brackets) followed by whitespace and something that can start a sentence.
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(para) = text.get(span.start..span.end) else { return out };
    let next_char = |at: usize| para.get(at..).and_then(|r| r.chars().next());
    let mut start = 0usize;
    let mut from = 0usize;
    // '…' is 0xE2 0x80 0xA6.
    while let Some(off) = super::find_char_from(para, from, &['.', '!', '?', '\u{2026}'], |b| matches!(b, b'.' | b'!' | b'?' | 0xE2)) {
        let c = next_char(off).unwrap_or('.');
        // Further stops and closing quotes or brackets belong to this sentence.
        let mut end = off + c.len_utf8();
        while let Some(ch) = next_char(end).filter(|&ch| matches!(ch, '.' | '!' | '?') || is_closer(ch)) {
            end += ch.len_utf8();
        }
        // Needs whitespace after, then an uppercase letter, digit or opening quote.
        let mut next = end;
        while let Some(ch) = next_char(next).filter(|ch| ch.is_whitespace()) {
            next += ch.len_utf8();
        }
        let saw_space = next > end;
        let starts_sentence = next_char(next).is_some_and(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '[')
        });
        let boundary = saw_space && starts_sentence && {
            if c == '.' && end == off + 1 {
                let word_start = para[..off].rfind(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"' || ch == '\u{201c}').map(|p| p + para[p..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
                !is_abbreviation(&para[word_start..off])
            } else {
                true
            }
        };
        if boundary || next >= para.len() {
            push(para, span.start, start, end, &mut out);
            start = next;
            from = next;
        } else {
            from = end;
        }
    }
    push(para, span.start, start, para.len(), &mut out);
    out
}

fn push(para: &str, base: usize, s: usize, e: usize, out: &mut Vec<Span>) {
    if s >= e {
        return;
    }
    let piece = &para[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(base + s + lead, base + e - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t, Span::new(0, t.len())).into_iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Mr. Smith met U.S. officials at 9 a.m. Friday. They talked."),
            vec!["Mr. Smith met U.S. officials at 9 a.m. Friday.", "They talked."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(split("He said \"Go.\" Then he left."), vec!["He said \"Go.\"", "Then he left."]);
        assert_eq!(split("“I hope so.” She left."), vec!["“I hope so.”", "She left."]);
    }

    #[test]
    fn lowercase_after_full_stop_does_not_split() {
        assert_eq!(split("It cost 3.5 million. ok then"), vec!["It cost 3.5 million. ok then"]);
    }

    #[test]
    fn multibyte_before_an_abbreviation() {
        assert_eq!(split("“Mr. Smith left.” Then\u{a0}Dr. Jones came."), vec!["“Mr. Smith left.”", "Then\u{a0}Dr. Jones came."]);
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(split("John F. Kennedy spoke."), vec!["John F. Kennedy spoke."]);
    }
}
