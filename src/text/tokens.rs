//! Word and number tokens with byte spans.

use super::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and dots ("Kovalenko's", "U.S.", "face-to-face").
    Word,
    /// Digits with inner `,` `.` `:` ("1,000", "3.5", "09:30").
    Number,
    /// Any other non-space character, one per token.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        self.span.slice(src)
    }
    pub fn is_capitalized(&self, src: &str) -> bool {
        self.kind == TokenKind::Word && self.text(src).chars().next().is_some_and(|c| c.is_uppercase())
    }
}

fn is_inner_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | '\u{2010}' | '\u{2011}')
}

/// Tokens of `text[span]`, with spans into `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(s) = text.get(span.start..span.end) else { return out };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    let end_of = |k: usize| if k < chars.len() { chars[k].0 } else { s.len() };
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += 1;
            while i < chars.len() {
                let d = chars[i].1;
                if d.is_ascii_digit() {
                    i += 1;
                } else if matches!(d, ',' | '.' | ':') && chars.get(i + 1).is_some_and(|n| n.1.is_ascii_digit()) {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if c.is_alphabetic() {
            kind = TokenKind::Word;
            i += 1;
            while i < chars.len() {
                let d = chars[i].1;
                if d.is_alphanumeric() {
                    i += 1;
                } else if is_inner_word_joiner(d) && chars.get(i + 1).is_some_and(|n| n.1.is_alphabetic()) {
                    i += 2;
                } else if d == '.' && is_acronym_so_far(&chars[start..i]) {
                    // "U.S." keeps its final dot.
                    i += 1;
                    break;
                } else {
                    break;
                }
            }
        } else {
            kind = TokenKind::Punct;
            i += 1;
        }
        out.push(Token { span: Span::new(span.start + chars[start].0, span.start + end_of(i)), kind });
    }
    out
}

fn is_acronym_so_far(chars: &[(usize, char)]) -> bool {
    // "U.S" → true: single letters separated by dots.
    chars.len() >= 3 && chars.iter().enumerate().all(|(k, &(_, c))| if k % 2 == 0 { c.is_alphabetic() } else { c == '.' })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t, Span::new(0, t.len())).iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(words("U.S. envoy's 1,000-strong face-to-face talks at 09:30."),
            vec!["U.S.", "envoy's", "1,000", "-", "strong", "face-to-face", "talks", "at", "09:30", "."]);
    }

    #[test]
    fn multibyte_text() {
        assert_eq!(words("Kovalenko’s «talks» — ok"), vec!["Kovalenko’s", "«", "talks", "»", "—", "ok"]);
    }
}
