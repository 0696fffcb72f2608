//! Who said a quote: the speech cue next to it and the mention that is its subject.
//!
//! Works on tokens of the masked text around one quote piece: the *head* (the sentence text
//! before the opening mark) and the *tail* (the text after the closing mark up to the sentence
//! end or the next quote).

use super::quotes::MentionKind;
use crate::knowledge::{
    is_capitalised_non_name, is_cue_filler, is_determiner, is_honorific, is_name_particle,
    is_name_title, is_noun_like_reporting_verb, is_organisation_word, is_party_label, is_reporting_verb,
    is_speaker_noun, subject_pronoun,
};
use crate::text::{Span, Token, TokenKind};

/// A speaker mention found next to a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

/// Token view with the text it came from.
pub struct Words<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, span: Span) -> Words<'a> {
        Words {
            text,
            tokens: crate::text::tokenize(text, span),
        }
    }
    fn str(&self, i: usize) -> &'a str {
        self.tokens.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }
    fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }
    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
            && self.str(i) == p
    }
    fn len(&self) -> usize {
        self.tokens.len()
    }
    /// A "." glued to the word before it ("Sen.", "F."), which belongs to that word.
    fn is_glued_dot(&self, i: usize) -> bool {
        i > 0 && self.is_punct(i, ".") && self.tokens[i - 1].span.end == self.tokens[i].span.start
    }
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// Can this token be part of a personal or organisation name?
fn is_name_token(words: &Words, i: usize) -> bool {
    if !words.is_word(i) {
        return false;
    }
    let w = words.str(i);
    if is_name_particle(w) {
        return true;
    }
    is_capitalised(w) && !is_reporting_verb(w)
}

/// A verb at `i` that reports speech. Noun-like forms ("claims") count only when the caller
/// has a subject right next to them, which every caller here requires anyway, except that a
/// capitalised noun-like form would be a name.
fn is_cue_verb(words: &Words, i: usize) -> bool {
    // "As Lee put it: …"
    if words.str(i) == "put" && words.str(i + 1) == "it" {
        return true;
    }
    words.is_word(i) && {
        let w = words.str(i);
        is_reporting_verb(w)
            && !w.eq_ignore_ascii_case("according")
            && (!is_capitalised(w) || i == 0 || !is_noun_like_reporting_verb(w))
    }
}

/// A name run (tokens `a..b`, titles left out) that names an institution, not a person: it
/// holds an institution word ("Port Authority"), or "the" stands right before it ("the Green
/// Lantern"), which a person's name takes only after a word describing them ("the Democrat Ann
/// Roe", "the Norwegian Alma Brekke"). "He" and "she" must never find such a run.
pub(crate) fn names_organisation(words: &Words, a: usize, b: usize) -> bool {
    let institution = (a..b).filter(|&k| words.is_word(k)).any(|k| {
        let w = words.str(k);
        is_organisation_word(w.trim_end_matches("'s").trim_end_matches("’s"))
    });
    let after_the = a > 0
        && words.str(a - 1).eq_ignore_ascii_case("the")
        && !is_speaker_noun(words.str(a))
        && !is_demonym(words.str(a));
    institution || after_the
}

/// Does the name run at tokens `i..b` of a sentence stand behind a title or description that
/// opens the sentence, so that the sentence is about it: "Shelter manager Ann Roe ran the
/// numbers", "Turkey's top diplomat, Ann Roe, opened the talks"? A name-like word in the title
/// ("Shelter", "Turkey's") does not make it someone else's sentence.
pub(crate) fn opens_sentence_with_title(words: &Words, i: usize, b: usize) -> bool {
    let apposition = i > 0 && words.is_punct(i - 1, ",");
    if apposition && !words.is_punct(b, ",") {
        return false;
    }
    let end = if apposition { i - 1 } else { i };
    let start = after_time_stamp(words);
    if end <= start || end - start > 8 {
        return false;
    }
    // A hyphen inside a word ("Farr-Lee's aide") keeps the phrase plain.
    let inner_hyphen = |k: usize| {
        words.is_punct(k, "-")
            && k > 0
            && words.tokens[k - 1].span.end == words.tokens[k].span.start
            && words.tokens.get(k + 1).is_some_and(|t| t.span.start == words.tokens[k].span.end)
    };
    let plain_phrase = (start..end).all(|k| {
        let w = words.str(k);
        (words.is_word(k) && !is_clause_word(w) && !is_preposition(w) && !is_cue_verb(words, k)) || inner_hyphen(k)
    });
    let head = words.str(end - 1);
    plain_phrase && (is_name_title(head) || is_speaker_noun(head))
}

/// The first token after the clock time that opens a live blog's entry ("09:30 Ann Roe
/// arrives", "14:05 – Ann Roe arrives"), 0 when the sentence opens with none.
fn after_time_stamp(words: &Words) -> usize {
    let clock = words.tokens.first().is_some_and(|t| t.kind == TokenKind::Number && t.text(words.text).contains(':'));
    if !clock {
        return 0;
    }
    let mut k = 1;
    while k < words.len() && words.tokens[k].kind == TokenKind::Punct && (is_dash(words.str(k)) || words.is_punct(k, "|")) {
        k += 1;
    }
    k
}

/// The comma closing an adverbial phrase that opens the sentence ("In Lorn, Mayor Ann Roe
/// ...", "After meeting Ann Roe, Piotr ..."): a name before it is not what the sentence is about.
pub(crate) fn opening_phrase_comma(words: &Words) -> Option<usize> {
    let first = after_time_stamp(words);
    if first >= words.len() || !words.is_word(first) {
        return None;
    }
    let w = words.str(first);
    if !is_preposition(w) && !is_subordinator(w) {
        return None;
    }
    (first + 1..words.len().min(first + 30)).find(|&k| words.is_punct(k, ","))
}

fn is_demonym(w: &str) -> bool {
    crate::knowledge::country_by_word(w).is_some_and(|c| c.demonyms.iter().any(|d| d.eq_ignore_ascii_case(w)))
}

/// Index past a name run starting at `i`, with the first index that is not a title.
pub(crate) fn name_run_forward(words: &Words, i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    let mut first_non_title = None;
    while j < words.len() {
        if j > i && words.is_glued_dot(j) {
            // "Sen." or the initial in "John F. Kennedy", not a full stop after a name.
            let prev = words.str(j - 1);
            let abbreviation = is_name_title(prev)
                || prev.chars().count() == 1
                || matches!(prev, "Jr" | "Sr" | "St");
            if abbreviation && is_name_token(words, j + 1) {
                j += 1;
                continue;
            }
            break;
        }
        if !is_name_token(words, j) {
            break;
        }
        let w = words.str(j);
        // Title-case headlines run on through "But", "No", "Between": a name does not.
        if j > i && is_capitalised_non_name(w) && !is_name_particle(w) {
            break;
        }
        if first_non_title.is_none() && !is_name_title(w) {
            first_non_title = Some(j);
        }
        j += 1;
        if is_possessive(w) {
            break;
        }
    }
    // Trailing particles are not names ("Smith de").
    while j > i && words.is_word(j - 1) && is_name_particle(words.str(j - 1)) {
        j -= 1;
    }
    // "Mr. King": a surname that is also a title word, after an honorific.
    let first_non_title = first_non_title.or_else(|| {
        let last = (i..j).rev().find(|&k| words.is_word(k))?;
        let before = (i..last).rev().find(|&k| words.is_word(k))?;
        is_honorific(words.str(before)).then_some(last)
    });
    let mut start = first_non_title?;
    let last_word = (start..j)
        .rev()
        .find(|&k| words.is_word(k))
        .unwrap_or(start);
    // "Harbour Minister Ruth Okoye": the name starts after the last title word in the run.
    if let Some(t) = (start..last_word).rev().find(|&k| {
        words.is_word(k) && is_name_title(words.str(k)) && !is_name_particle(words.str(k))
    }) {
        start = t + 1;
    }
    // "Labour Ann Roe": a party label before a first and last name describes the person.
    let party_label = |k: usize| is_party_label(words.str(k)) && (k + 1..j).filter(|&t| words.is_word(t)).count() >= 2;
    while start < j
        && (!words.is_word(start)
            || is_capitalised_non_name(words.str(start))
            || (is_name_title(words.str(start)) && start < last_word)
            || party_label(start))
    {
        start += 1;
    }
    if start >= j {
        return None;
    }
    // "U.S. Secretary", "Foreign Minister": a title with its qualifier, nobody's name.
    if is_name_title(words.str(last_word)) && start < last_word {
        let before = words.str(last_word - 1);
        let acronym = before.contains('.')
            || (before.chars().count() >= 2 && before.chars().all(|c| c.is_uppercase()));
        if acronym || is_name_title(before) || is_capitalised_non_name(before) {
            return None;
        }
    }
    Some((start, j))
}

fn span_of(words: &Words, a: usize, b_exclusive: usize) -> Span {
    let start = words.tokens[a].span.start;
    let mut end = words.tokens[b_exclusive - 1].span.end;
    // A name ends before a possessive ending; a glued final dot belongs only to initials.
    let last = words.str(b_exclusive - 1);
    if is_possessive(last) {
        end -= if last.ends_with("'s") {
            2
        } else {
            "’s".len()
        };
    }
    Span::new(start, end)
}

/// A mention starting at token `i`, reading forward; returns it and the index after it.
fn mention_forward(words: &Words, i: usize) -> Option<(Mention, usize)> {
    let w = words.str(i);
    if !words.is_word(i) || is_clause_word(w) || is_subordinator(w) || is_preposition(w) {
        return None;
    }
    if subject_pronoun(w).is_some() {
        let t = words.tokens[i];
        return Some((
            Mention {
                span: t.span,
                kind: MentionKind::Pronoun,
            },
            i + 1,
        ));
    }
    if (is_capitalised(w) && !is_determiner(w))
        || (is_name_particle(w) && is_name_token(words, i + 1))
    {
        if let Some((a, b)) = name_run_forward(words, i) {
            if !is_possessive(words.str(b - 1)) {
                return Some((
                    Mention {
                        span: span_of(words, a, b),
                        kind: MentionKind::Name,
                    },
                    b,
                ));
            }
        }
    }
    if is_determiner(w) || !is_capitalised(w) || is_name_title(w) {
        // A description, possibly ending in a name ("the party's nominee, Jane Roe" is
        // handled by the appositive step; "campaign manager Jane Roe" ends in a name).
        let mut j = i + 1;
        let limit = (i + 8).min(words.len());
        let mut last_noun = None;
        let mut last_speaker_noun = None;
        while j < limit && !is_cue_verb(words, j) {
            let wj = words.str(j);
            // "the 46-year-old": numbers and hyphens inside a description.
            let glued_hyphen = words.is_punct(j, "-")
                && words.tokens[j - 1].span.end == words.tokens[j].span.start;
            if words.tokens[j].kind == TokenKind::Number || glued_hyphen {
                j += 1;
                continue;
            }
            if !words.is_word(j) {
                break;
            }
            if is_capitalised(wj) && !is_name_title(wj) && !is_possessive(wj) {
                if let Some((a, b)) = name_run_forward(words, j) {
                    return Some((
                        Mention {
                            span: span_of(words, a, b),
                            kind: MentionKind::Name,
                        },
                        b,
                    ));
                }
                break;
            }
            if crate::knowledge::is_function_word(wj) || is_clause_word(wj) {
                break;
            }
            last_noun = Some(j);
            if is_speaker_noun(wj) {
                last_speaker_noun = Some(j);
            }
            j += 1;
        }
        if is_determiner(w) || is_name_title(w) {
            // "a source involved in the talks": the description ends at its person noun.
            let head = last_speaker_noun.or(last_noun).unwrap_or(i);
            if head > i || is_name_title(w) {
                if is_speaker_noun(words.str(head)) || is_name_title(words.str(head)) {
                    return Some((
                        Mention {
                            span: span_of(words, i, head + 1),
                            kind: MentionKind::Description,
                        },
                        head + 1,
                    ));
                }
                // "the Post said": determiner plus a capitalised name.
                if is_capitalised(words.str(head)) && head == i + 1 {
                    return Some((
                        Mention {
                            span: span_of(words, i, head + 1),
                            kind: MentionKind::Name,
                        },
                        head + 1,
                    ));
                }
            }
            if let Some((a, b)) = name_run_forward(words, i + 1) {
                return Some((
                    Mention {
                        span: span_of(words, a, b),
                        kind: MentionKind::Name,
                    },
                    b,
                ));
            }
        }
        if is_name_title(w) {
            if let Some((a, b)) = name_run_forward(words, i) {
                return Some((
                    Mention {
                        span: span_of(words, a, b),
                        kind: MentionKind::Name,
                    },
                    b,
                ));
            }
        }
        return None;
    }
    let (a, b) = name_run_forward(words, i)?;
    let last = words.str(b - 1);
    if is_possessive(last) {
        // "Roe's spokesman said": the possessive name plus the noun after it.
        let mut j = b;
        while j < (b + 4).min(words.len())
            && words.is_word(j)
            && !is_cue_verb(words, j)
            && !is_capitalised(words.str(j))
        {
            j += 1;
        }
        if j > b && is_speaker_noun(words.str(j - 1)) {
            return Some((
                Mention {
                    span: span_of(words, i, j),
                    kind: MentionKind::Description,
                },
                j,
            ));
        }
        return None;
    }
    Some((
        Mention {
            span: span_of(words, a, b),
            kind: MentionKind::Name,
        },
        b,
    ))
}

/// The name filling the appositive that opens at the comma `comma` and closes at the next
/// comma: "the port director, Ann Roe, said" names Roe, whom a description alone would leave to
/// a guess among everyone holding that title.
fn appositive_name(words: &Words, comma: usize) -> Option<Mention> {
    if !words.is_punct(comma, ",") || !is_name_token(words, comma + 1) {
        return None;
    }
    let (a, b) = name_run_forward(words, comma + 1)?;
    if !words.is_punct(b, ",") || is_possessive(words.str(b - 1)) {
        return None;
    }
    Some(Mention {
        span: span_of(words, a, b),
        kind: MentionKind::Name,
    })
}

/// Skip an appositive or parenthesis after a mention: ", the minister," or "(D-Ohio)".
fn skip_apposition(words: &Words, mut j: usize) -> usize {
    if words.is_punct(j, "(") {
        if let Some(k) = (j + 1..(j + 12).min(words.len())).find(|&k| words.is_punct(k, ")")) {
            j = k + 1;
        }
    }
    if words.is_punct(j, ",") {
        // Find the closing comma; the cue verb must follow it.
        let limit = (j + 30).min(words.len());
        if let Some(k) = (j + 1..limit).find(|&k| words.is_punct(k, ",")) {
            return k + 1;
        }
    }
    j
}

fn skip_fillers(words: &Words, mut j: usize) -> usize {
    let mut n = 0;
    while j < words.len()
        && n < 3
        && words.is_word(j)
        && is_cue_filler(words.str(j))
        && !is_cue_verb(words, j)
    {
        j += 1;
        n += 1;
    }
    j
}

fn is_subordinator(w: &str) -> bool {
    matches!(
        crate::knowledge::lower(w).as_ref(),
        "when"
            | "as"
            | "after"
            | "while"
            | "because"
            | "if"
            | "although"
            | "though"
            | "since"
            | "before"
            | "until"
            | "once"
            | "whereas"
            | "unless"
            | "whenever"
    )
}

fn is_preposition(w: &str) -> bool {
    matches!(
        crate::knowledge::lower(w).as_ref(),
        "in" | "on"
            | "at"
            | "from"
            | "after"
            | "during"
            | "with"
            | "by"
            | "for"
            | "of"
            | "through"
            | "into"
            | "under"
            | "over"
            | "about"
            | "against"
            | "across"
            | "toward"
            | "towards"
            | "among"
            | "before"
            | "since"
            | "like"
    )
}

/// After a noun-like verb ("Lee claims ..."), what follows must read as its object, not as the
/// rest of a noun phrase ("Democratic claims as", "his posts on").
fn starts_clause_object(words: &Words, i: usize) -> bool {
    if !words.is_word(i) {
        return words.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && matches!(t.text(words.text), "\u{201c}" | "\"" | ":")
        });
    }
    let w = words.str(i).to_lowercase();
    !is_preposition(&w)
        && !matches!(
            w.as_str(),
            "as" | "were" | "are" | "was" | "is" | "and" | "or" | "have" | "had" | "has"
        )
}

fn is_clause_word(w: &str) -> bool {
    matches!(
        crate::knowledge::lower(w).as_ref(),
        "and"
            | "or"
            | "but"
            | "that"
            | "who"
            | "whom"
            | "which"
            | "when"
            | "while"
            | "where"
            | "as"
            | "because"
            | "if"
            | "after"
            | "before"
            | "since"
            | "to"
            | "than"
            | "is"
            | "was"
            | "are"
            | "were"
            | "has"
            | "had"
            | "have"
            | "not"
    )
}

fn is_dash(w: &str) -> bool {
    matches!(w, "\u{2014}" | "\u{2013}" | "\u{2015}" | "-")
}

fn skip_leading_punct(words: &Words) -> usize {
    let mut k = 0;
    while k < words.len()
        && words.tokens[k].kind == TokenKind::Punct
        && !words.is_punct(k, "(")
        && !(is_dash(words.str(k)) && k + 1 < words.len() && !is_dash(words.str(k + 1)))
    {
        k += 1;
    }
    k
}

/// A cue right after a quote: `, X said`, `, said X`, `, according to X`, `X added`.
pub fn cue_after(words: &Words) -> Option<Mention> {
    let mut k = skip_leading_punct(words);
    if k >= words.len() {
        return None;
    }
    if words.str(k).eq_ignore_ascii_case("according") && words.str(k + 1).eq_ignore_ascii_case("to")
    {
        return mention_forward(words, k + 2).map(|(m, _)| m);
    }
    if is_dash(words.str(k)) {
        // A sign-off after the quote: “…” — Jane Roe, or “…” ― Jane Roe, a voter.
        if let Some((m, after)) = mention_forward(words, k + 1) {
            if after >= words.len() || words.is_punct(after, ",") || words.is_punct(after, ".") {
                return Some(m);
            }
        }
        k += 1;
    }
    if is_cue_verb(words, k) && !is_noun_like_reporting_verb(words.str(k)) {
        let j = skip_fillers(words, k + 1);
        return mention_forward(words, j)
            .map(|(m, _)| m)
            .or_else(|| name_after_modifiers(words, j));
    }
    if let Some((m, after)) = mention_forward(words, k) {
        let m = match m.kind {
            MentionKind::Description => appositive_name(words, after).unwrap_or(m),
            _ => m,
        };
        let mut j = skip_apposition(words, after);
        // A second appositive: "Roe, the mayor, one of the plaintiffs, said".
        if words.is_punct(j.saturating_sub(1), ",") && !is_cue_verb(words, skip_fillers(words, j)) {
            j = skip_apposition(words, j.saturating_sub(1));
        }
        let j = skip_fillers(words, j);
        if is_cue_verb(words, j) {
            return Some(m);
        }
    }
    subject_phrase_before_verb(words, k)
}

/// `said 9/11 widow Jo Roe`: a name after a few lower-case or numeric modifiers.
fn name_after_modifiers(words: &Words, j: usize) -> Option<Mention> {
    for k in j..(j + 5).min(words.len()) {
        if is_name_token(words, k) && !is_name_particle(words.str(k)) {
            let (a, b) = name_run_forward(words, k)?;
            return Some(Mention {
                span: span_of(words, a, b),
                kind: MentionKind::Name,
            });
        }
        let modifier = words.tokens[k].kind == TokenKind::Number
            || matches!(words.str(k), "/" | "-")
            || (words.is_word(k) && !is_function_word_or_clause(words.str(k)));
        if !modifier {
            return None;
        }
    }
    None
}

fn is_function_word_or_clause(w: &str) -> bool {
    crate::knowledge::is_function_word(w) || is_clause_word(w)
}

/// `“…,” campaign spokesman Jo Roe said` or `“…,” the 34-year-old mother said`: a phrase of
/// plain words running from the tail's start to a reporting verb.
fn subject_phrase_before_verb(words: &Words, k: usize) -> Option<Mention> {
    let limit = (k + 12).min(words.len());
    let mut v = k;
    while v < limit && !is_cue_verb(words, v) {
        let plain = words.is_word(v)
            || words.is_glued_dot(v)
            || words.tokens[v].kind == TokenKind::Number
            || matches!(words.str(v), "(" | ")" | "-");
        if !plain {
            return None;
        }
        v += 1;
    }
    if v >= limit || v == k || is_clause_word(words.str(k)) || is_preposition(words.str(k)) {
        // "“…,” when Lee objected": a new clause, not the quote's cue.
        return None;
    }
    let mut end = v;
    while end > k + 1 && words.is_word(end - 1) && is_cue_filler(words.str(end - 1)) {
        end -= 1;
    }
    let has_preposition =
        (k..end).any(|t| matches!(words.str(t), "of" | "from" | "at" | "with" | "for" | "in"));
    if has_preposition {
        if let Some((m, _)) = mention_forward(words, k) {
            return Some(m);
        }
    }
    if let Some(m) = mention_backward(words, end - 1) {
        if m.span.start >= words.tokens[k].span.start {
            return Some(m);
        }
    }
    // Whole phrase as a description, when it opens with a determiner.
    if is_determiner(words.str(k)) && end > k + 1 {
        return Some(Mention {
            span: span_of(words, k, end),
            kind: MentionKind::Description,
        });
    }
    None
}

/// A mention ending at token `end` (inclusive), reading backward.
fn mention_backward(words: &Words, end: usize) -> Option<Mention> {
    let w = words.str(end);
    if words.is_word(end) && subject_pronoun(w).is_some() {
        return Some(Mention {
            span: words.tokens[end].span,
            kind: MentionKind::Pronoun,
        });
    }
    if words.is_punct(end, ")") {
        let start = (end.saturating_sub(12)..end)
            .rev()
            .find(|&k| words.is_punct(k, "("))?;
        return start
            .checked_sub(1)
            .and_then(|k| mention_backward(words, k));
    }
    if words.is_punct(end, ",") {
        // "X, the minister, said": back over the appositive to the comma after X.
        let limit = end.saturating_sub(30);
        let open = (limit..end).rev().find(|&k| words.is_punct(k, ","))?;
        let outer = open
            .checked_sub(1)
            .and_then(|k| mention_backward(words, k))
            .filter(|m| m.kind != MentionKind::Pronoun);
        if outer.is_some_and(|m| m.kind == MentionKind::Description) {
            if let Some(name) = appositive_name(words, open) {
                return Some(name);
            }
        }
        return outer;
    }
    if !words.is_word(end) && !words.is_glued_dot(end) {
        return None;
    }
    if is_name_token(words, end) || words.is_glued_dot(end) {
        let mut a = end;
        while a > 0 && (is_name_token(words, a - 1) || words.is_glued_dot(a - 1)) {
            a -= 1;
        }
        // The name starts after the last title word ("DNC Chairwoman Ann Roe") and after a
        // sentence-initial non-name ("In", "The").
        let last_word = if words.is_glued_dot(end) {
            end.saturating_sub(1)
        } else {
            end
        };
        if let Some(t) = (a..last_word).rev().find(|&k| {
            (words.is_word(k) && is_name_title(words.str(k)) && !is_name_particle(words.str(k)))
                || (words.is_word(k) && is_possessive(words.str(k)))
        }) {
            a = t + 1;
        }
        while a <= end
            && (!words.is_word(a)
                || is_capitalised_non_name(words.str(a))
                || is_possessive(words.str(a))
                || (a < last_word && is_name_title(words.str(a)))
                || (is_party_label(words.str(a)) && (a + 1..=end).filter(|&t| words.is_word(t)).count() >= 2))
        {
            a += 1;
        }
        if a == last_word && is_name_title(words.str(a)) {
            // "Mr. King" names King; "the President" describes.
            let honorific_before =
                (a.saturating_sub(2)..a).any(|k| words.is_word(k) && is_honorific(words.str(k)));
            if !honorific_before {
                a = end + 1;
            }
        }
        if a > end
            && !(a.saturating_sub(3)..=end).any(|k| words.is_word(k) && is_name_title(words.str(k)))
        {
            return None;
        }
        if a > end {
            // Only titles: "the President said" is a description.
            let head = end;
            let det = (end.saturating_sub(3)..=end).find(|&k| is_determiner(words.str(k)));
            let start = det.unwrap_or(head);
            return Some(Mention {
                span: span_of(words, start, end + 1),
                kind: MentionKind::Description,
            });
        }
        let mut b = end + 1;
        if words.is_glued_dot(end) && !words.str(end - 1).chars().all(|c| c.is_uppercase()) {
            b = end;
        }
        if b <= a {
            return None;
        }
        if let Some(person) = person_of_organisation(words, a, b) {
            return Some(person);
        }
        return Some(Mention {
            span: span_of(words, a, b),
            kind: MentionKind::Name,
        });
    }
    // A description ending in a lower-case word: back to its determiner or possessive
    // ("the 34-year-old mother of three"), or a bare speaker noun ("officials").
    let lower = w.to_lowercase();
    if crate::knowledge::is_function_word(&lower)
        || is_clause_word(&lower)
        || (lower.ends_with("ly") && !is_speaker_noun(&lower))
    {
        return None;
    }
    let mut a = end;
    let limit = end.saturating_sub(8);
    let mut opened = false;
    while a > limit {
        let p = a - 1;
        let hyphen = words.is_punct(p, "-")
            && p > 0
            && words.tokens[p - 1].span.end == words.tokens[p].span.start;
        let plain = words.is_word(p)
            || words.is_glued_dot(p)
            || words.tokens[p].kind == TokenKind::Number
            || hyphen;
        if !plain {
            break;
        }
        let pw = words.str(p);
        if is_determiner(pw) {
            a = p;
            opened = true;
            break;
        }
        if is_possessive(pw) {
            a = p;
            while a > 0 && is_name_token(words, a - 1) && !is_capitalised_non_name(words.str(a - 1))
            {
                a -= 1;
            }
            opened = true;
            break;
        }
        if is_clause_word(pw) || is_reporting_verb(pw) {
            break;
        }
        a = p;
    }
    if !(a..=end).any(|k| is_speaker_noun(words.str(k))) {
        return None;
    }
    if !opened {
        if !is_speaker_noun(w) {
            return None;
        }
        // Without a determiner only the noun and its plain modifiers: stop at "of".
        while a < end && crate::knowledge::is_function_word(words.str(a)) {
            a += 1;
        }
        if let Some(k) = (a..end)
            .rev()
            .find(|&k| crate::knowledge::is_function_word(words.str(k)))
        {
            a = k + 1;
        }
    }
    Some(Mention {
        span: span_of(words, a, end + 1),
        kind: MentionKind::Description,
    })
}

/// "Ann Roe of Lorn University said": the organisation run `a..b` is where the speaker
/// works; the person named before "of", "at" or "from" is who speaks.
fn person_of_organisation(words: &Words, a: usize, b: usize) -> Option<Mention> {
    if !names_organisation(words, a, b) {
        return None;
    }
    let mut k = a.checked_sub(1)?;
    if words.str(k).eq_ignore_ascii_case("the") {
        k = k.checked_sub(1)?;
    }
    if !matches!(words.str(k), "of" | "at" | "from") {
        return None;
    }
    let person = mention_backward(words, k.checked_sub(1)?)?;
    let first = words.tokens.iter().position(|t| t.span.start >= person.span.start)?;
    let last = words.tokens.iter().rposition(|t| t.span.end <= person.span.end)?;
    (person.kind == MentionKind::Name && !names_organisation(words, first, last + 1)).then_some(person)
}

/// A cue before a quote: `X said: “`, `X told reporters “`, `According to X, “`, `X: “`.
pub fn cue_before(words: &Words) -> Option<Mention> {
    let n = words.len();
    if n == 0 {
        return None;
    }
    if let Some(k) = (0..n.saturating_sub(1)).rev().find(|&k| {
        words.str(k).eq_ignore_ascii_case("according")
            && words.str(k + 1).eq_ignore_ascii_case("to")
    }) {
        if let Some((m, _)) = mention_forward(words, k + 2) {
            return Some(m);
        }
    }
    // The first reporting verb with a subject: the main clause's speaker, which is also who
    // a reader takes the quote from ("Lee said the critics called it “a farce”").
    // A head opening with a subordinate clause ("When Lee objected, Roe said") has its main
    // clause, and so its speaker, last.
    let subordinate = words.is_word(0) && is_subordinator(words.str(0));
    let order: Box<dyn Iterator<Item = usize>> = if subordinate {
        Box::new((0..n).rev())
    } else {
        Box::new(0..n)
    };
    for v in order {
        if !is_cue_verb(words, v) {
            continue;
        }
        let noun_like = is_noun_like_reporting_verb(words.str(v));
        let mut s = v;
        let mut skipped = 0;
        while s > 0 && skipped < 3 && words.is_word(s - 1) && is_cue_filler(words.str(s - 1)) {
            s -= 1;
            skipped += 1;
        }
        if s > 0 {
            let ing = crate::knowledge::lower(words.str(v)).ends_with("ing");
            let participle = ing
                && (words.is_punct(s - 1, ",")
                    || matches!(
                        words.str(s - 1),
                        "by" | "before" | "after" | "while" | "when"
                    ));
            if matches!(
                crate::knowledge::lower(words.str(s - 1)).as_ref(),
                "and" | "but"
            ) || participle
            {
                // "She paused and said", "Lee left, saying": the sentence's subject speaks.
                if !noun_like {
                    if let Some(m) = sentence_subject(words, s - 1) {
                        return Some(m);
                    }
                }
                continue;
            }
            if let Some(m) = mention_backward(words, s - 1) {
                // "the tweets", "his claims": a noun, not a verb with a subject.
                let introduces_quote = v + 1 == n || words.str(v + 1) == "that";
                let noun_after_determiner = noun_like
                    && !introduces_quote
                    && (m.kind == MentionKind::Description
                        || is_possessive(words.str(s - 1))
                        || (m.kind == MentionKind::Name && !starts_clause_object(words, v + 1)));
                // "In a message posted Friday": a phrase after a preposition is no subject.
                let first = words
                    .tokens
                    .iter()
                    .position(|t| t.span.start >= m.span.start)
                    .unwrap_or(0);
                let participle = crate::knowledge::lower(words.str(v)).ends_with("ing");
                let after_preposition = !participle
                    && m.kind == MentionKind::Description
                    && first > 0
                    && words.is_word(first - 1)
                    && is_preposition(words.str(first - 1));
                if !noun_after_determiner && !after_preposition {
                    return Some(m);
                }
            }
        }
        let takes_object = {
            let w = words.str(v).to_lowercase();
            w.ends_with("ing")
                || matches!(
                    w.as_str(),
                    "told"
                        | "tell"
                        | "tells"
                        | "asked"
                        | "ask"
                        | "asks"
                        | "urged"
                        | "warned"
                        | "called"
                        | "accused"
                        | "praised"
                        | "criticized"
                        | "described"
                )
        };
        if !noun_like && !takes_object && (s == 0 || words.is_punct(s - 1, ",")) {
            if let Some((m, _)) = mention_forward(words, v + 1) {
                return Some(m);
            }
        }
    }
    // A colon introduces a quote even without a reporting verb: "Pollsters agree - Jo Roe:",
    // "Lee leaned in and boomed:". The name right before the colon, else the sentence subject.
    if words.is_punct(n - 1, ":") && n >= 2 {
        if let Some(m) = mention_backward(words, n - 2).filter(|m| m.kind == MentionKind::Name) {
            return Some(m);
        }
        return sentence_subject(words, n - 1);
    }
    None
}

/// The name or pronoun opening the sentence ("Lee", "She"), after a leading adverbial phrase
/// ("Before the vote, Lee ..."), when it comes before token `limit`.
fn sentence_subject(words: &Words, limit: usize) -> Option<Mention> {
    let mut starts = vec![0];
    let w0 = words.str(0);
    // "Smiling broadly, Lee ...": a participle opening the sentence.
    let opening_participle = (w0.ends_with("ing") || w0.ends_with("ed"))
        && words
            .tokens
            .get(1)
            .is_some_and(|t| !t.is_capitalized(words.text));
    let opening_phrase = opening_participle
        || is_preposition(w0)
        || is_subordinator(w0)
        || (is_capitalised_non_name(w0) && subject_pronoun(w0).is_none() && !is_determiner(w0));
    if words.is_word(0) && opening_phrase {
        // "With the vote near, Lee ...": the subject follows the opening phrase.
        // The phrase may hold commas itself ("On July 6, 2015, Lee ..."): try a few.
        starts.clear();
        starts.extend(
            (0..limit.min(30))
                .filter(|&k| words.is_punct(k, ","))
                .take(3)
                .map(|c| c + 1),
        );
    }
    for k in starts {
        if k >= limit {
            continue;
        }
        if let Some((m, after)) = mention_forward(words, k) {
            let verb_follows = words.is_word(after)
                && !is_preposition(words.str(after))
                && !matches!(
                    words.str(after),
                    "and" | "or" | "but" | "that" | "who" | "which"
                )
                || words.is_punct(after, ",");
            if m.kind != MentionKind::Description && after <= limit && verb_follows {
                return Some(m);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(t: &str) -> Option<String> {
        let w = Words::new(t, Span::new(0, t.len()));
        cue_after(&w).map(|m| m.span.slice(t).to_string())
    }
    fn before(t: &str) -> Option<String> {
        let w = Words::new(t, Span::new(0, t.len()));
        cue_before(&w).map(|m| m.span.slice(t).to_string())
    }

    #[test]
    fn tail_cues() {
        assert_eq!(after(", he said."), Some("he".into()));
        assert_eq!(
            after(", said Greta Lindqvist."),
            Some("Greta Lindqvist".into())
        );
        assert_eq!(
            after(", Sen. Arne Bolt said on Monday."),
            Some("Arne Bolt".into())
        );
        assert_eq!(
            after(", Bolt, a farmer from the valley, told reporters."),
            Some("Bolt".into())
        );
        assert_eq!(
            after(", the harbour official said."),
            Some("the harbour official".into())
        );
        assert_eq!(
            after(", according to Mira Okafor."),
            Some("Mira Okafor".into())
        );
        assert_eq!(after(" she later added."), Some("she".into()));
        assert_eq!(
            after(", Okafor's spokesman said."),
            Some("Okafor's spokesman".into())
        );
        assert_eq!(after(" and the crowd cheered."), None);
        assert_eq!(after(", Mr. Oakes said."), Some("Oakes".into()));
        assert_eq!(
            after(" Rep. Ida Vance (D-Ore.) said Friday."),
            Some("Ida Vance".into())
        );
        assert_eq!(after(", said Hester."), Some("Hester".into()));
        assert_eq!(
            after(", said the 46-year-old."),
            Some("the 46-year-old".into())
        );
        assert_eq!(after(", it read."), Some("it".into()));
        assert_eq!(
            after(", said 9/11 widow Ada Strand."),
            Some("Ada Strand".into())
        );
        assert_eq!(
            after(", says a source involved in the deal."),
            Some("a source".into())
        );
        assert_eq!(after(", von der Brink said."), Some("von der Brink".into()));
        assert_eq!(after(" Mr. King, 82, told me."), Some("King".into()));
        assert_eq!(
            after(" Mr. Abel of the Rivers Club said."),
            Some("Abel".into())
        );
        assert_eq!(
            after(" harbour spokesman Tom Ekwueme said on Monday."),
            Some("Tom Ekwueme".into())
        );
        assert_eq!(
            after(" the 34-year-old baker said."),
            Some("the 34-year-old baker".into())
        );
        assert_eq!(
            after(" Ann Lee, the mayor, one of the plaintiffs, said."),
            Some("Ann Lee".into())
        );
        assert_eq!(after(" \u{2014} he said."), Some("he".into()));
        assert_eq!(after(", when Roe objected."), None);
        assert_eq!(after(" \u{2015} Lina Park"), Some("Lina Park".into()));
        assert_eq!(after(""), None);
    }

    #[test]
    fn head_cues() {
        assert_eq!(before("Okafor said: "), Some("Okafor".into()));
        assert_eq!(
            before("Greta Lindqvist, the port director, told reporters: "),
            Some("Greta Lindqvist".into())
        );
        assert_eq!(
            before("According to Ursula von Hagen, "),
            Some("Ursula von Hagen".into())
        );
        assert_eq!(
            before("In a statement, a senior official said "),
            Some("a senior official".into())
        );
        assert_eq!(before("He called it a "), Some("He".into()));
        assert_eq!(before("Lindqvist: "), Some("Lindqvist".into()));
        assert_eq!(
            before("Port Chairwoman Ann Roe said "),
            Some("Ann Roe".into())
        );
        assert_eq!(before("Mr. King said "), Some("King".into()));
        assert_eq!(before("The President said "), Some("The President".into()));
        assert_eq!(
            before("Asked why, the 40-year-old father of two replied, "),
            Some("the 40-year-old father of two".into())
        );
        assert_eq!(
            before("She opens the door and repeatedly says, "),
            Some("She".into())
        );
        assert_eq!(
            before("Before the vote, Mayor Ina Holt pushed for a delay, saying, "),
            Some("Ina Holt".into())
        );
        assert_eq!(
            before("The result did not surprise pollster Ken Ames: "),
            Some("Ken Ames".into())
        );
        assert_eq!(before("Holt leaned in and boomed: "), Some("Holt".into()));
        assert_eq!(
            before("Holt ended his speech by saying "),
            Some("Holt".into())
        );
        assert_eq!(
            before("Smiling broadly, Mrs. Holt thanked the crowd and then boomed, "),
            Some("Holt".into())
        );
        assert_eq!(
            before("The vote came days after Holt told The Harbour Gazette he was "),
            Some("Holt".into())
        );
        assert_eq!(
            before("Holt skipped the debate but told his donors, "),
            Some("Holt".into())
        );
        assert_eq!(before("The ad claims "), Some("The ad".into()));
        assert_eq!(before("Stated Holt: "), Some("Holt".into()));
        assert_eq!(
            before("On July 6, 2015, Holt made the following comment: "),
            Some("Holt".into())
        );
        assert_eq!(
            before("Holt, a former party chairman, poked at the mayor, tweeting, "),
            Some("Holt".into())
        );
        assert_eq!(
            before("As Professor Ines Holt put it: "),
            Some("Ines Holt".into())
        );
        assert_eq!(
            before("When Roe noted the cost, Holt replied, "),
            Some("Holt".into())
        );
        assert_eq!(
            before("The clip shows Ina Holt saying, "),
            Some("Ina Holt".into())
        );
        assert_eq!(
            before("With voters restless, Mayor Holt is offering a new promise: "),
            Some("Holt".into())
        );
        assert_eq!(before("The weather turned "), None);
    }

    /// The resolved name of each quote's speaker in `t`.
    fn speakers(t: &str) -> Vec<Option<String>> {
        let seg = crate::text::Segmented::new(t, crate::text::TextKind::Markdown);
        crate::extract::quotes::find_quotes(&seg)
            .into_iter()
            .map(|q| q.speaker.and_then(|s| s.name))
            .collect()
    }

    fn organisation(t: &str) -> bool {
        let w = Words::new(t, Span::new(0, t.len()));
        let i = w.tokens.iter().position(|t| t.is_capitalized(w.text)).unwrap_or(0);
        let (a, b) = name_run_forward(&w, i).expect("a name run");
        names_organisation(&w, a, b)
    }

    #[test]
    fn a_party_label_is_no_part_of_the_speakers_name() {
        assert_eq!(after(", said Liberal Democrat Piet Harmsen.").as_deref(), Some("Piet Harmsen"));
        assert_eq!(before("Conservative Ilse Brandvik said:").as_deref(), Some("Ilse Brandvik"));
    }

    #[test]
    fn a_person_of_an_institution_is_the_speaker() {
        assert_eq!(before("Dr Ilse Brandvik of Velmora University called it").as_deref(), Some("Ilse Brandvik"));
        assert_eq!(before("Piet Harmsen of Korrin Securities said:").as_deref(), Some("Piet Harmsen"));
        assert_eq!(before("Piet Harmsen at the Korrin Bank said:").as_deref(), Some("Piet Harmsen"));
        // The institution alone still speaks for itself.
        assert_eq!(before("The Korrin Bank said:").as_deref(), Some("Korrin Bank"));
    }

    #[test]
    fn institutions_are_not_people() {
        assert!(organisation("a spokesman for the Harbour Authority"));
        assert!(organisation("at the Green Lantern shelter"));
        assert!(organisation("The Green Lantern said"));
        assert!(!organisation("evacuee Rosa Quintal said"));
        assert!(!organisation("the Democrat Rosa Quintal said"));
        assert!(!organisation("the Norwegian Alma Brekke said"));
        // A capital's name opens institutions as often as any other word.
        assert!(organisation("she wrote for The Oslo Courier"));
        assert!(!organisation("Dame Alma Brekke said"));
    }

    #[test]
    fn he_and_she_never_resolve_to_an_organisation() {
        // The person the sentence is about, not the institution in its opening phrase.
        assert_eq!(
            speakers("At the Green Lantern shelter near the school, evacuee Rosa Quintal, 71, described the night. “We left with nothing,” she said."),
            vec![Some("Rosa Quintal".to_string())]
        );
        // An institution named after the person does not take her place either.
        assert_eq!(
            speakers("Chief executive Omar Feld spoke first.\n\nThe talks were held at Northern Canal Authority offices.\n\n“Cranes do not strike,” he said."),
            vec![Some("Omar Feld".to_string())]
        );
        // A person after "the" and a describing word is still a person.
        let s = speakers("The talks stalled. The Norwegian Alma Brekke walked out. “We are done here,” she said.");
        assert!(s[0].as_deref().is_some_and(|n| n.ends_with("Alma Brekke")), "{s:?}");
    }

    #[test]
    fn a_titled_person_after_a_name_like_modifier_is_the_subject() {
        let t = "Smoke rose at noon, when a ranger on Kestrel Ridge first reported it.\n\n\
                 Most families went to the school gym. Shelter manager Piotr Wadowski counted the cots on Wednesday. \
                 “We have room for 600 people,” he said.";
        assert_eq!(speakers(t), vec![Some("Piotr Wadowski".to_string())]);
        // In apposition to the description that opens the sentence.
        let t = "Ana Brisk chaired the meeting.\n\nNorway's top negotiator, Piotr Wadowski, opened the talks. Afterward he said the gap was \"wider than we had hoped for\".";
        assert_eq!(speakers(t), vec![Some("Piotr Wadowski".to_string())]);
        // A titled name further into the sentence is not what it is about.
        let t = "Piotr Wadowski ran the shelter.\n\nLakeside sent two ministers, with Deputy Minister Ana Brisk at their head. “We have room for 600 people,” he said.";
        assert_eq!(speakers(t), vec![Some("Piotr Wadowski".to_string())]);
        // An untitled name after another name is still no subject unless it speaks.
        let t = "Piotr Wadowski ran the shelter.\n\nLakeside hired Ana Brisk on Monday. “We have room for 600 people,” he said.";
        assert_eq!(speakers(t), vec![Some("Piotr Wadowski".to_string())]);
    }

    #[test]
    fn a_name_in_apposition_to_a_description_is_the_speaker() {
        assert_eq!(
            before("Norway's trade minister, Dame Alma Brekke, said simply: "),
            Some("Alma Brekke".into())
        );
        assert_eq!(
            before("The port director, Anton Weiss, told reporters: "),
            Some("Anton Weiss".into())
        );
        assert_eq!(
            after(", the harbour board's chief executive, Ines Holt, said."),
            Some("Ines Holt".into())
        );
        // A name first keeps its own mention; a description in apposition stays a description.
        assert_eq!(
            before("Anton Weiss, the port director, said: "),
            Some("Anton Weiss".into())
        );
        assert_eq!(
            before("The port director, a veteran of the docks, said: "),
            Some("The port director".into())
        );
        assert_eq!(
            after(", Holt, a farmer from the valley, said."),
            Some("Holt".into())
        );
    }
}
