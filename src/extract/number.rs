//! Counts and quantities.

use crate::extract::time::{find_times, hedge_at, unit_minutes, Hedge, TimeValue};
use crate::knowledge::{is_speech_verb, is_stopword, month, noun_lemma, number_word, weekday};
use crate::text::{tokenize, Segmented, Span, Token, TokenKind};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountKind {
    Cardinal,
    /// "fourth ballot", "267th".
    Ordinal,
    /// "a fifth of", "half of".
    Fraction,
    /// "twice the size".
    Multiplier,
    Percent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    /// "about", "some", "roughly".
    Approximate,
    /// "nearly", "almost", "just under": close to the number and not above it.
    Nearly,
    /// "more than", "over", "at least".
    AtLeast,
    /// "less than", "under", "up to", "at most".
    AtMost,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountMention {
    /// The number and its unit phrase.
    pub span: Span,
    /// The number itself.
    pub number_span: Span,
    pub value: f64,
    pub kind: CountKind,
    pub bound: Bound,
    /// The counted thing as written, lowercased ("sanction packages").
    pub unit: String,
    /// Lemma of the unit's head noun ("package"); empty when nothing is counted.
    pub head: String,
    /// Lemma of the noun a count glued to its unit describes: "ceasefire" in "a 30-day
    /// ceasefire", "panel" in "a 12-member panel"; empty otherwise. Two such counts are about
    /// the same thing only when they describe the same noun.
    pub describes: String,
}

/// Whether a count's head is a unit of time ("day", "hour"): such counts ("a 30-day
/// ceasefire", "two hours") are also reported by `find_times` as durations, so a checker
/// comparing both should look at only one of them.
pub fn is_time_unit(head: &str) -> bool {
    unit_minutes(head).is_some()
}

/// Counts in sentence `sentence` of `seg`. Times, dates, years and numbers inside names are not counts.
pub fn find_counts(seg: &Segmented, sentence: usize) -> Vec<CountMention> {
    find_counts_beside(seg, sentence, &find_times(seg, sentence))
}

/// `find_counts` for a caller that has the sentence's times already.
pub fn find_counts_beside(seg: &Segmented, sentence: usize, times: &[crate::extract::time::TimeMention]) -> Vec<CountMention> {
    let Some(s) = seg.sentences.get(sentence) else { return Vec::new() };
    let w = Words::new(&seg.masked, s.span);
    let mut taken: Vec<Span> = times
        .iter()
        .filter(|t| matches!(t.value, TimeValue::Clock { .. } | TimeValue::Date { .. }))
        .map(|t| t.span)
        .collect();
    // By start, each with the furthest end so far: whether a count overlaps a time is one
    // binary search, not a pass over every time (a long table is one sentence of many).
    taken.sort_by_key(|t| t.start);
    let furthest_end: Vec<usize> = taken.iter().scan(0, |end, t| {
        *end = t.end.max(*end);
        Some(*end)
    }).collect();
    let in_a_time = |s: Span| {
        let starting_before_end = taken.partition_point(|t| t.start < s.end);
        starting_before_end > 0 && furthest_end[starting_before_end - 1] > s.start
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match count_at(&w, i) {
            Some((m, end)) if !in_a_time(m.number_span) => {
                out.push(m);
                i = end.max(i + 1);
            }
            _ => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// The tokens of one sentence with their lowercase forms; every accessor answers "" or false
/// past the end, so pattern code can look ahead without bounds checks.
pub(crate) struct Words<'a> {
    text: &'a str,
    toks: Vec<Token>,
    lower: Vec<String>,
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str, span: Span) -> Words<'a> {
        let toks = tokenize(text, span);
        let lower = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
        Words { text, toks, lower }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    pub(crate) fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    pub(crate) fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    pub(crate) fn is_capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_capitalized(self.text))
    }

    /// Tokens `a` and `b` touch, with no space between them.
    pub(crate) fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    /// The span from token `start` up to (not including) token `end`.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let s = self.toks.get(start).map(|t| t.span.start).unwrap_or(0);
        let e = end.checked_sub(1).and_then(|k| self.toks.get(k)).map(|t| t.span.end).unwrap_or(s);
        Span::new(s, e)
    }

    /// A line break between tokens `a` and `b`: scraped pages put captions and counters on
    /// their own lines, and a phrase never continues across them.
    pub(crate) fn line_break_between(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => self.text.get(x.span.end..y.span.start).is_some_and(|gap| gap.contains('\n')),
            _ => false,
        }
    }

    /// The text from token `first` through token `last`, inclusive.
    pub(crate) fn text_between(&self, first: usize, last: usize) -> &'a str {
        self.span(first, last + 1).slice(self.text)
    }
}

// ---------------------------------------------------------------------------------------------
// Number words

fn small_number(word: &str) -> Option<f64> {
    number_word(word).filter(|v| *v < 100.0 && word != "dozen")
}

fn scale_word(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Reads number words from the start of `words` (lowercase): "two", "twenty-five", "a
/// thousand", "two hundred and fifty", "a dozen". Returns the value and how many words were
/// used. "a"/"an" count only before a scale word; "and" only inside a number.
pub(crate) fn parse_number_words(words: &[&str]) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    let mut seen_number = false;
    let mut k = 0;
    while k < words.len() {
        let word = words[k];
        if matches!(word, "a" | "an") && !seen_number {
            let next = words.get(k + 1).copied().unwrap_or("");
            if scale_word(next).is_some() || next == "dozen" {
                current = 1.0;
                seen_number = true;
                k += 1;
                continue;
            }
            break;
        }
        if word == "and" && seen_number && current % 100.0 == 0.0 && current > 0.0 {
            if words.get(k + 1).copied().and_then(compound_small).is_some() {
                k += 1;
                continue;
            }
            break;
        }
        if let Some(v) = compound_small(word) {
            if seen_number && current % 100.0 != 0.0 {
                break;
            }
            current += v;
        } else if word == "dozen" && seen_number {
            current *= 12.0;
        } else if word == "dozen" {
            current = 12.0;
        } else if word == "hundred" && seen_number {
            current *= 100.0;
        } else if let (Some(scale), true) = (scale_word(word), seen_number) {
            total += current * scale;
            current = 0.0;
        } else {
            break;
        }
        seen_number = true;
        k += 1;
        used = k;
    }
    (used > 0).then_some((total + current, used))
}

/// "seven", "twenty-five".
fn compound_small(word: &str) -> Option<f64> {
    match word.split_once('-') {
        Some((tens, unit)) => {
            let t = small_number(tens).filter(|t| *t >= 20.0 && *t % 10.0 == 0.0)?;
            let u = small_number(unit).filter(|u| (1.0..10.0).contains(u))?;
            Some(t + u)
        }
        None => small_number(word),
    }
}

fn ordinal_word(word: &str) -> Option<f64> {
    let simple = |w: &str| -> Option<f64> {
        let v = match w {
            "first" => 1.0,
            "second" => 2.0,
            "third" => 3.0,
            "fourth" => 4.0,
            "fifth" => 5.0,
            "sixth" => 6.0,
            "seventh" => 7.0,
            "eighth" => 8.0,
            "ninth" => 9.0,
            "tenth" => 10.0,
            "eleventh" => 11.0,
            "twelfth" => 12.0,
            "thirteenth" => 13.0,
            "fourteenth" => 14.0,
            "fifteenth" => 15.0,
            "sixteenth" => 16.0,
            "seventeenth" => 17.0,
            "eighteenth" => 18.0,
            "nineteenth" => 19.0,
            "twentieth" => 20.0,
            "thirtieth" => 30.0,
            "fortieth" => 40.0,
            "fiftieth" => 50.0,
            "sixtieth" => 60.0,
            "seventieth" => 70.0,
            "eightieth" => 80.0,
            "ninetieth" => 90.0,
            "hundredth" => 100.0,
            "thousandth" => 1000.0,
            _ => return None,
        };
        Some(v)
    };
    match word.split_once('-') {
        Some((tens, unit)) => {
            let t = small_number(tens).filter(|t| *t >= 20.0 && *t % 10.0 == 0.0)?;
            Some(t + simple(unit).filter(|u| *u < 10.0)?)
        }
        None => simple(word),
    }
}

/// Denominators of fractions: "third" → 3, "quarters" → 4.
fn fraction_denominator(word: &str) -> Option<f64> {
    let w = word.strip_suffix('s').unwrap_or(word);
    match w {
        "half" | "halve" => Some(2.0),
        "quarter" => Some(4.0),
        "third" | "fourth" | "fifth" | "sixth" | "seventh" | "eighth" | "ninth" | "tenth" => ordinal_word(w),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Counts

fn bound_of(hedge: Hedge) -> Bound {
    match hedge {
        Hedge::Exact => Bound::Exact,
        Hedge::AtMost => Bound::AtMost,
        Hedge::AtLeast | Hedge::JustOver => Bound::AtLeast,
        Hedge::JustUnder => Bound::Nearly,
        Hedge::About => Bound::Approximate,
    }
}

struct Parsed {
    value: f64,
    kind: CountKind,
    /// Token range of the number.
    number: (usize, usize),
    /// Where the unit phrase may start.
    unit_from: usize,
    /// A unit fixed by the number's own form ("30-day", "$5").
    unit: Option<(String, String)>,
}

/// "3.5 million", "260 mln": multiplies `value` by a scale word at `end`; returns the new end.
fn apply_scale(w: &Words, end: usize, value: &mut f64) -> usize {
    let abbreviated = |word: &str| match word {
        "mln" | "mn" => Some(1e6),
        "bln" | "bn" => Some(1e9),
        "tn" | "trn" => Some(1e12),
        _ => None,
    };
    match scale_word(w.lower(end)).or_else(|| abbreviated(w.lower(end))) {
        Some(scale) => {
            *value *= scale;
            end + 1
        }
        None => end,
    }
}

/// "40%", "40 per cent": the number (words `i..end`) read as a percentage.
fn percent_at(w: &Words, i: usize, end: usize, value: f64) -> Option<Parsed> {
    if w.text(end) == "%" {
        return Some(Parsed { value, kind: CountKind::Percent, number: (i, end + 1), unit_from: end + 1, unit: None });
    }
    let after = percent_words_at(w, end)?;
    Some(Parsed { value, kind: CountKind::Percent, number: (i, after), unit_from: after, unit: None })
}

fn count_at(w: &Words, i: usize) -> Option<(CountMention, usize)> {
    let (hedge, start) = hedge_at(w, i).unwrap_or((Hedge::Exact, i));
    let mut bound = bound_of(hedge);
    let hedged = start != i;
    let mut parsed = if w.text(start) == "$" || w.text(start) == "€" || w.text(start) == "£" {
        money_at(w, start)?
    } else if w.is_number(start) {
        match multiplier_at(w, start) {
            Some(p) if !in_name(w, start) => p,
            _ => digits_at(w, start, hedged)?,
        }
    } else {
        words_at(w, start)?
    };
    let (n0, n1) = parsed.number;
    // "1,000-plus", "300-odd".
    if n1 >= 2 && w.text(n1 - 2) == "-" {
        match w.lower(n1 - 1) {
            "plus" => bound = Bound::AtLeast,
            "odd" | "some" => bound = Bound::Approximate,
            _ => {}
        }
    }
    // The upper end of a range ("five to 10 people", "between 200 and 300 troops") only
    // caps the count.
    if !hedged && n0 >= 2 && matches!(w.lower(n0 - 1), "to" | "and" | "or") && is_number_at(w, n0 - 2) {
        bound = Bound::AtMost;
    }
    // "one in five voters", "one out of five": a share.
    let share_of = match (w.lower(n1), w.lower(n1 + 1)) {
        ("in", _) => Some(n1 + 1),
        ("out", "of") => Some(n1 + 2),
        _ => None,
    };
    if let (CountKind::Cardinal, None, Some(d)) = (parsed.kind, &parsed.unit, share_of) {
        if let Some(denominator) = number_value_at(w, d).filter(|d| *d > parsed.value) {
            parsed = Parsed { value: parsed.value / denominator, kind: CountKind::Fraction, number: (n0, d + 1), unit_from: d + 1, unit: None };
        }
    }
    let mut unit_from = parsed.unit_from;
    // "1,000 or more prisoners", "500 or so".
    if w.lower(unit_from) == "or" {
        let b = match w.lower(unit_from + 1) {
            "more" => Some(Bound::AtLeast),
            "fewer" | "less" => Some(Bound::AtMost),
            "so" => Some(Bound::Approximate),
            _ => None,
        };
        if let Some(b) = b {
            bound = b;
            unit_from += 2;
        }
    } else if w.text(unit_from) == "+" && w.adjacent(unit_from - 1, unit_from) {
        bound = Bound::AtLeast;
        unit_from += 1;
    }
    // Where the loop looks for the next count: past this one, or at the whole a share is of
    // ("a third of its 3,600 staff" is a share and a count).
    let mut resume = None;
    let mut describes = String::new();
    let (unit, head, end) = match parsed.unit.clone() {
        Some((unit, head)) => {
            // "a 30-day ceasefire": the count is of days, about a ceasefire.
            let money = matches!(w.text(start), "$" | "€" | "£");
            let (words, described_end) = unit_phrase(w, unit_from);
            match words.last() {
                Some(noun) if parsed.kind == CountKind::Cardinal && !money => {
                    describes = noun_lemma(noun);
                    (unit, head, described_end)
                }
                _ => (unit, head, unit_from),
            }
        }
        None => {
            let from = if matches!(parsed.kind, CountKind::Fraction | CountKind::Percent) && w.lower(unit_from) == "of" {
                let (from, whole) = past_possessor_and_whole(w, skip_determiners(w, unit_from + 1));
                resume = whole;
                Some(from)
            } else if parsed.kind == CountKind::Percent {
                // "25% contained", "a 40% stake": one word says what the share is of.
                Some(unit_from)
            } else {
                Some(unit_from)
            };
            let (mut words, mut end) = from.map(|f| unit_phrase(w, f)).unwrap_or((Vec::new(), unit_from));
            if parsed.kind == CountKind::Percent && w.lower(unit_from) != "of" && words.len() > 1 {
                words.truncate(1);
                end = from.map_or(end, |f| f + 1);
            }
            if words.is_empty() {
                resume = None;
                (String::new(), String::new(), unit_from)
            } else {
                let head = words.last().map(|l| noun_lemma(l)).unwrap_or_default();
                (words.join(" "), head, end)
            }
        }
    };
    if unit.is_empty() && parsed.kind != CountKind::Percent {
        // A number that counts nothing cannot be checked: "the two met", "won 3 to 1", "the
        // first", a page's "0" likes counter. A bare percentage is still a claim.
        return None;
    }
    if is_one_pronoun(w, &parsed, &head) {
        return None;
    }
    let (n0, n1) = parsed.number;
    let end = end.max(n1);
    Some((
        CountMention {
            span: w.span(i.min(n0), end),
            number_span: w.span(n0, n1),
            value: parsed.value,
            kind: parsed.kind,
            bound,
            unit,
            head,
            describes,
        },
        resume.unwrap_or(end),
    ))
}

/// "of the company's 3,600 dock jobs": a share is of the jobs, not of the company, and of
/// all 3,600 of them. From `k` (after "of" and any determiner), where the counted noun starts
/// and where the number of the whole is, if there is one.
fn past_possessor_and_whole(w: &Words, k: usize) -> (usize, Option<usize>) {
    let mut k = k;
    let possessive = |l: &str| l.ends_with("'s") || l.ends_with("’s") || l.ends_with("s'");
    if w.is_word(k) && possessive(w.lower(k)) && (w.is_number(k + 1) || w.is_word(k + 1)) {
        k += 1;
    }
    if w.is_number(k) && plain_value(w.text(k)).is_some() && !is_year_like(w.text(k)) {
        let whole = k;
        k += 1;
        if scale_word(w.lower(k)).is_some() {
            k += 1;
        }
        return (k, Some(whole));
    }
    (k, None)
}

/// "one of the", "the one who", "no one", "one day": "one" that is not a count.
fn is_one_pronoun(w: &Words, p: &Parsed, head: &str) -> bool {
    let (n0, n1) = p.number;
    if n1 != n0 + 1 || w.lower(n0) != "one" {
        return false;
    }
    let before = if n0 > 0 { w.lower(n0 - 1) } else { "" };
    matches!(before, "the" | "no" | "this" | "that" | "every" | "any" | "each" | "which" | "anyone" | "someone" | "other")
        || matches!(head, "another" | "day" | "time" | "way" | "thing" | "point" | "hand" | "side" | "")
}

/// A single-token number, in digits or words ("5", "five").
fn number_value_at(w: &Words, i: usize) -> Option<f64> {
    if w.is_number(i) {
        plain_value(w.text(i))
    } else {
        compound_small(w.lower(i))
    }
}

fn is_number_at(w: &Words, i: usize) -> bool {
    number_value_at(w, i).is_some()
}

fn skip_determiners(w: &Words, mut k: usize) -> usize {
    while matches!(w.lower(k), "the" | "all" | "its" | "their" | "his" | "her" | "our" | "these" | "those" | "this" | "that") {
        k += 1;
    }
    k
}

/// "$5", "$5 billion", "€3.5bn".
fn money_at(w: &Words, i: usize) -> Option<Parsed> {
    let currency = match w.text(i) {
        "$" => "dollars",
        "€" => "euros",
        "£" => "pounds",
        _ => return None,
    };
    if !w.is_number(i + 1) || !w.adjacent(i, i + 1) {
        return None;
    }
    let mut value = plain_value(w.text(i + 1))?;
    let mut end = i + 2;
    let suffix = w.lower(end);
    if w.adjacent(end - 1, end) && w.is_word(end) {
        value *= match suffix {
            "bn" | "b" => 1e9,
            "m" | "mn" | "mln" => 1e6,
            "k" => 1e3,
            "tn" | "trn" => 1e12,
            _ => return None,
        };
        end += 1;
    } else if let Some(scale) = scale_word(suffix) {
        value *= scale;
        end += 1;
    }
    Some(Parsed {
        value,
        kind: CountKind::Cardinal,
        number: (i + 1, end),
        unit_from: end,
        unit: Some((currency.to_string(), noun_lemma(currency))),
    })
}

/// "1,000", "3.5" as a number; times ("09:30") and dotted dates are not numbers.
fn plain_value(text: &str) -> Option<f64> {
    if text.contains(':') || text.matches('.').count() > 1 {
        return None;
    }
    if text.contains(',') && !text.split(',').skip(1).all(|g| g.len() == 3) {
        return None;
    }
    text.replace(',', "").parse().ok()
}

fn is_year_like(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) && matches!(text.parse::<u32>(), Ok(1900..=2099))
}

/// Words after which a capitalised word and a number form a name ("Article 5", "Nord Stream 2").
fn in_name(w: &Words, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = w.text(i - 1);
    if matches!(prev, "#" | "№") {
        return true;
    }
    // "Articles 5 and 6": the second number belongs to the same names.
    if matches!(prev, "and" | "or" | ",") && i >= 2 && w.is_number(i - 2) {
        return in_name(w, i - 2);
    }
    if prev == "." && i >= 2 && matches!(w.lower(i - 2), "no" | "nos") {
        return true;
    }
    if !w.is_capitalized(i - 1) || prev.ends_with("'s") || prev.ends_with("’s") {
        return false;
    }
    let lower = w.lower(i - 1);
    // Hedges, months and sentence-opening function words are not names.
    !(is_stopword(lower) || hedge_at(w, i - 1).is_some() || month(lower).is_some() || weekday(lower).is_some()
        || matches!(lower, "nearly" | "almost" | "roughly" | "approximately" | "around" | "only" | "another" | "exactly"))
}

fn digits_at(w: &Words, i: usize, hedged: bool) -> Option<Parsed> {
    let text = w.text(i);
    let mut value = plain_value(text)?;
    if in_name(w, i) {
        return None;
    }
    // Model names and codes: "F-16", "COVID-19".
    if i >= 2 && w.text(i - 1) == "-" && w.adjacent(i - 1, i) && w.adjacent(i - 2, i - 1) && w.is_word(i - 2) {
        return None;
    }
    // Ranges, scores and compound dates ("2014-2022", "3-1"): leave them alone.
    if (i > 0 && w.text(i - 1) == "-" && w.adjacent(i - 1, i) && w.is_number(i.saturating_sub(2)))
        || (w.text(i + 1) == "-" && w.adjacent(i, i + 1) && w.is_number(i + 2) && w.adjacent(i + 1, i + 2)) && w.lower(i + 3) != "for"
    {
        return None;
    }
    // A list numeral opening a sentence: "1. ", "2)".
    if i == 0 && matches!(w.text(1), "." | ")") {
        return None;
    }
    if i > 0 && w.text(i - 1) == "(" && w.text(i + 1) == ")" {
        return None;
    }
    let mut end = i + 1;
    // Letters glued to the digits: "267th", "1990s", "3.5bn".
    if w.is_word(end) && w.adjacent(i, end) {
        let suffix = w.lower(end);
        match suffix {
            "th" | "st" | "nd" | "rd" => {
                return Some(Parsed { value, kind: CountKind::Ordinal, number: (i, end + 1), unit_from: end + 1, unit: None });
            }
            "bn" => value *= 1e9,
            "tn" | "trn" => value *= 1e12,
            _ => return None,
        }
        end += 1;
    }
    if is_year_like(text) && !hedged && end == i + 1 {
        return None;
    }
    end = apply_scale(w, end, &mut value);
    if let Some(p) = percent_at(w, i, end, value) {
        return Some(p);
    }
    // "1,000-for-1,000 swap".
    if w.text(end) == "-" && w.lower(end + 1) == "for" && w.text(end + 2) == "-" && plain_value(w.text(end + 3)) == Some(value) {
        return Some(Parsed { value, kind: CountKind::Cardinal, number: (i, end + 4), unit_from: end + 4, unit: None });
    }
    // "30-day", "17-member": the unit is glued on.
    if w.text(end) == "-" && w.adjacent(end - 1, end) && w.adjacent(end, end + 1) && w.is_word(end + 1) {
        let glued = w.lower(end + 1);
        if matches!(glued, "strong" | "plus" | "odd" | "some") {
            return Some(Parsed { value, kind: CountKind::Cardinal, number: (i, end + 2), unit_from: end + 2, unit: None });
        }
        let head_part = glued.split('-').next().unwrap_or(glued);
        if !is_unit_word(head_part) {
            return None;
        }
        return Some(Parsed {
            value,
            kind: CountKind::Cardinal,
            number: (i, end),
            unit_from: end + 2,
            unit: Some((glued.to_string(), noun_lemma(head_part))),
        });
    }
    Some(Parsed { value, kind: CountKind::Cardinal, number: (i, end), unit_from: end, unit: None })
}

/// "per cent", "percent", "pct" at `i`: the index after it.
fn percent_words_at(w: &Words, i: usize) -> Option<usize> {
    match w.lower(i) {
        "percent" | "pct" => Some(i + 1),
        "per" if w.lower(i + 1) == "cent" => Some(i + 2),
        _ => None,
    }
}

fn words_at(w: &Words, i: usize) -> Option<Parsed> {
    if !w.is_word(i) {
        return None;
    }
    let lower = w.lower(i);
    // A capitalised number word after a capitalised word is a name ("Air Force One").
    if w.is_capitalized(i) && in_name(w, i) {
        return None;
    }
    if let Some(p) = multiplier_at(w, i) {
        return Some(p);
    }
    if let Some(p) = fraction_at(w, i) {
        return Some(p);
    }
    if let Some(v) = ordinal_word(lower) {
        // "a fifth of" is a fraction, handled above; "the fourth ballot" is an ordinal.
        return Some(Parsed { value: v, kind: CountKind::Ordinal, number: (i, i + 1), unit_from: i + 1, unit: None });
    }
    // "thousand-for-thousand": the same number twice, for an exchange.
    if let Some((a, rest)) = lower.split_once("-for-") {
        let va = parse_number_words(&[a]).filter(|(_, n)| *n == 1).map(|(v, _)| v).or_else(|| scale_word(a))?;
        if Some(va) == parse_number_words(&[rest]).filter(|(_, n)| *n == 1).map(|(v, _)| v).or_else(|| scale_word(rest)) {
            return Some(Parsed { value: va, kind: CountKind::Cardinal, number: (i, i + 1), unit_from: i + 1, unit: None });
        }
        return None;
    }
    // "two-hour", "three-member": number word with a glued unit.
    if let Some((num, glued)) = lower.split_once('-') {
        if compound_small(lower).is_some() {
            // "twenty-five": a plain number word, read below.
        } else {
            let v = compound_small(num).or_else(|| scale_word(num))?;
            let head_part = glued.split('-').next().unwrap_or(glued);
            if !is_unit_word(head_part) {
                return None;
            }
            return Some(Parsed {
                value: v,
                kind: CountKind::Cardinal,
                number: (i, i + 1),
                unit_from: i + 1,
                unit: Some((glued.to_string(), noun_lemma(head_part))),
            });
        }
    }
    let words: Vec<&str> = (i..w.len().min(i + 8)).map(|k| w.lower(k)).collect();
    let (mut value, used) = parse_number_words(&words)?;
    let mut end = i + used;
    end = apply_scale(w, end, &mut value);
    if let Some(p) = percent_at(w, i, end, value) {
        return Some(p);
    }
    Some(Parsed { value, kind: CountKind::Cardinal, number: (i, end), unit_from: end, unit: None })
}

/// "twice the size", "three times as many troops", "twice as large".
fn multiplier_at(w: &Words, i: usize) -> Option<Parsed> {
    let (value, after) = match w.lower(i) {
        "twice" => (2.0, i + 1),
        "thrice" => (3.0, i + 1),
        _ => {
            let (v, n) = if w.is_number(i) {
                (plain_value(w.text(i))?, 1)
            } else {
                let words: Vec<&str> = (i..w.len().min(i + 4)).map(|k| w.lower(k)).collect();
                parse_number_words(&words)?
            };
            if w.lower(i + n) != "times" {
                return None;
            }
            (v, i + n + 1)
        }
    };
    let unit_from = match w.lower(after) {
        "the" => after + 1,
        "as" if matches!(w.lower(after + 1), "many" | "much") => after + 2,
        "as" | "more" | "larger" | "bigger" | "higher" | "greater" | "longer" | "smaller" | "faster" | "that" => after,
        _ => return None,
    };
    Some(Parsed { value, kind: CountKind::Multiplier, number: (i, after), unit_from, unit: None })
}

/// "half of the", "half the", "a fifth of", "two-thirds of", "three quarters of".
fn fraction_at(w: &Words, i: usize) -> Option<Parsed> {
    let lower = w.lower(i);
    if lower == "half" {
        let before = if i > 0 { w.lower(i - 1) } else { "" };
        if ordinal_word(before).is_some() || matches!(before, "a" | "and" | "one") {
            // "second half", "a half", "an hour and a half": not a share of something.
            return None;
        }
        return match w.lower(i + 1) {
            "of" => Some(Parsed { value: 0.5, kind: CountKind::Fraction, number: (i, i + 1), unit_from: i + 1, unit: None }),
            "the" | "its" | "their" | "his" | "her" | "our" | "all" => {
                Some(Parsed { value: 0.5, kind: CountKind::Fraction, number: (i, i + 1), unit_from: skip_determiners(w, i + 1), unit: None })
            }
            _ => None,
        };
    }
    // "two-thirds"
    if let Some((num, den)) = lower.split_once('-') {
        let n = compound_small(num)?;
        let d = fraction_denominator(den)?;
        if w.lower(i + 1) != "of" {
            return None;
        }
        return Some(Parsed { value: n / d, kind: CountKind::Fraction, number: (i, i + 1), unit_from: i + 1, unit: None });
    }
    // "a fifth of", "one third of", "three quarters of".
    let n = match lower {
        "a" | "an" => 1.0,
        _ => compound_small(lower)?,
    };
    let d = fraction_denominator(w.lower(i + 1))?;
    if w.lower(i + 2) != "of" || d == 2.0 {
        return None;
    }
    Some(Parsed { value: n / d, kind: CountKind::Fraction, number: (i, i + 2), unit_from: i + 2, unit: None })
}

/// Words that look like a noun a number can be glued to ("30-day", "17-member"), rather
/// than a verb or adjective ("3-0 win", "two-faced").
fn is_unit_word(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(char::is_alphabetic)
        && !word.ends_with("ed")
        && !word.ends_with("ing")
        && !word.ends_with("ly")
        && !matches!(word, "on" | "to" | "way" | "sided" | "fold" | "off" | "for" | "and" | "or")
}

/// Verbs common right after a counted noun ("1,000 prisoners were freed", "two sides met").
const VERBS: &[&str] = &[
    "met", "meet", "meets", "took", "take", "takes", "killed", "kill", "died", "die", "fled", "flee",
    "left", "leave", "arrived", "arrive", "remain", "remains", "remained", "returned", "return",
    "signed", "sign", "agreed", "agree", "held", "hold", "came", "come", "went", "go", "got", "get",
    "made", "make", "gave", "give", "found", "lost", "won", "became", "become", "including",
    "included", "include", "seen", "saw", "see", "attended", "attend", "face", "faced", "joined",
    "join", "voted", "vote", "received", "receive", "released", "release", "freed", "swapped",
    "exchanged", "captured", "wounded", "injured", "reported", "sent", "send", "crossed",
    "entered", "gathered", "marched", "protested", "waited", "spent", "spend", "cost", "costs",
    "worth", "apiece", "aged", "need", "needed", "needs", "want", "wanted", "wants", "live",
    "lived", "lives", "work", "worked", "works", "stand", "stood", "sat", "began", "begin",
    "ended", "end", "started", "start", "stay", "stayed", "set", "spoke", "speak", "speaks",
    "ran", "run", "fell", "fall", "rose", "rise", "grew", "grow", "paid", "pay", "sold", "bought",
    "brought", "fought", "knew", "flew", "fly", "drove", "broke", "chose", "led", "kept", "keep",
    "sent", "built", "hit", "cut", "put", "did", "do", "felt", "heard", "showed", "shown",
    "struck", "withdrew", "shot", "lay", "laid", "rode", "sank", "shook", "stole", "threw", "tore",
    "woke", "appear", "appeared", "seem", "seemed", "try", "tried", "help", "helped", "say",
    "tell", "think", "thought", "believe", "believed", "know", "hope", "hoped", "expect",
    "expected", "belong", "belonged", "continue", "continued", "move", "moved", "arrive",
];

/// Words that end a unit phrase without being verbs: times of day and sentence adverbs.
const UNIT_STOPS: &[&str] = &[
    "today", "yesterday", "tomorrow", "tonight", "ago", "last", "next", "earlier", "later", "each",
    "apiece", "respectively", "alone", "overnight", "half", "together", "altogether", "total", "overall", "so", "more",
    "less", "fewer", "vs", "versus",
];

/// The counted noun phrase from `k`: up to three words, stopping at function words, verbs,
/// punctuation, numbers and time words.
fn unit_phrase(w: &Words, k: usize) -> (Vec<String>, usize) {
    // "1,000 more troops", "20 other countries": the count is of troops and countries.
    let k = if matches!(w.lower(k), "more" | "other" | "additional" | "extra" | "further") && w.is_word(k + 1) { k + 1 } else { k };
    let mut words = Vec::new();
    let mut end = k;
    for n in 0..3 {
        let i = k + n;
        if !w.is_word(i) || (i > 0 && w.line_break_between(i - 1, i)) {
            break;
        }
        let text = w.text(i);
        let lower = w.lower(i);
        let bare = lower.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches('\'');
        let looks_verb = n > 0 && (bare.ends_with("ed") || bare.ends_with("ing")) && bare.len() > 4;
        let looks_adverb = n > 0 && bare.ends_with("ly") && bare.len() > 4;
        if is_stopword(bare)
            || VERBS.contains(&bare)
            || UNIT_STOPS.contains(&bare)
            // "said", "told" end a phrase; "states", "claims", "remarks" may be the noun.
            || (is_speech_verb(bare) && !bare.ends_with('s'))
            || looks_verb
            || looks_adverb
            || weekday(text).is_some_and(|_| crate::knowledge::WEEKDAYS.contains(&bare))
            || (month(text).is_some() && crate::knowledge::MONTHS.contains(&bare))
            || compound_small(bare).is_some()
            || scale_word(bare).is_some()
            || ordinal_word(bare).is_some()
            || hedge_at(w, i).is_some()
        {
            break;
        }
        words.push(bare.to_string());
        end = i + 1;
        // A possessive ends the phrase: "1,000 prisoners' families" counts prisoners.
        if lower != bare {
            break;
        }
    }
    // "the first Russia–Ukraine talks": the phrase goes on past a hyphen we cannot read.
    if end > k && matches!(w.text(end), "-" | "\u{2013}" | "/") && w.adjacent(end - 1, end) {
        return (Vec::new(), k);
    }
    (words, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextKind;

    fn counts(text: &str) -> Vec<CountMention> {
        let seg = Segmented::new(text, TextKind::Markdown);
        (0..seg.sentences.len()).flat_map(|i| find_counts(&seg, i)).collect()
    }

    /// (value, kind, bound, unit, head) of the only count in `text`.
    fn only(text: &str) -> (f64, CountKind, Bound, String, String) {
        let all = counts(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        let c = &all[0];
        (c.value, c.kind, c.bound, c.unit.clone(), c.head.clone())
    }

    fn card(value: f64, bound: Bound, unit: &str, head: &str) -> (f64, CountKind, Bound, String, String) {
        (value, CountKind::Cardinal, bound, unit.to_string(), head.to_string())
    }

    #[test]
    fn digits_with_units() {
        assert_eq!(only("Guards freed 2,500 detainees overnight."), card(2500.0, Bound::Exact, "detainees", "detainee"));
    }

    #[test]
    fn cardinals() {
        assert_eq!(only("The bloc imposed 14 trade packages on them."), card(14.0, Bound::Exact, "trade packages", "package"));
        assert_eq!(only("The council has 31 members."), card(31.0, Bound::Exact, "members", "member"));
        assert_eq!(only("All 50 states voted."), card(50.0, Bound::Exact, "states", "state"));
        assert_eq!(only("The bloc's 19 member states objected."), card(19.0, Bound::Exact, "member states", "state"));
        assert_eq!(only("Only three ministers spoke."), card(3.0, Bound::Exact, "ministers", "minister"));
        assert_eq!(only("They sent 800 more engineers."), card(800.0, Bound::Exact, "engineers", "engineer"));
        assert!(counts("They want 800 more.").is_empty());
        assert!(counts("Thousands of people marched.").is_empty());
        assert_eq!(only("A thousand volunteers signed up."), card(1000.0, Bound::Exact, "volunteers", "volunteer"));
        assert_eq!(only("They hired 2.5 million temporary workers."), card(2.5e6, Bound::Exact, "temporary workers", "worker"));
        assert_eq!(only("More than a million Canadians voted."), card(1e6, Bound::AtLeast, "canadians", "canadian"));
        assert_eq!(only("Around 400 ships waited."), card(400.0, Bound::Approximate, "ships", "ship"));
        assert_eq!(only("Fewer than 60 lawmakers attended."), card(60.0, Bound::AtMost, "lawmakers", "lawmaker"));
        assert_eq!(only("Some twenty-five engineers stayed behind."), card(25.0, Bound::Approximate, "engineers", "engineer"));
        assert_eq!(only("The firm cut 300 or more jobs."), card(300.0, Bound::AtLeast, "jobs", "job"));
    }

    #[test]
    fn ranges_and_ratios() {
        assert_eq!(only("Between 40 and 60 ships docked."), card(60.0, Bound::AtMost, "ships", "ship"));
        assert_eq!(only("Two or three guards stood there."), card(3.0, Bound::AtMost, "guards", "guard"));
        assert_eq!(only("Roughly one in four adults voted."), (0.25, CountKind::Fraction, Bound::Approximate, "adults".into(), "adult".into()));
        assert_eq!(only("Some 2,000-odd fans came."), card(2000.0, Bound::Approximate, "fans", "fan"));
        assert_eq!(only("They fielded 400-plus candidates."), card(400.0, Bound::AtLeast, "candidates", "candidate"));
        assert_eq!(only("Exports hit 1.5 times the forecast."), (1.5, CountKind::Multiplier, Bound::Exact, "forecast".into(), "forecast".into()));
    }

    #[test]
    fn glued_units_and_exchanges() {
        assert_eq!(only("A 60-day moratorium began."), card(60.0, Bound::Exact, "day", "day"));
        assert_eq!(only("A 12-member panel met."), card(12.0, Bound::Exact, "member", "member"));
        assert_eq!(only("They agreed a hundred-for-hundred hostage swap."), card(100.0, Bound::Exact, "hostage swap", "swap"));
        assert_eq!(only("They agreed a 50-for-50 detainee swap."), card(50.0, Bound::Exact, "detainee swap", "swap"));
        assert_eq!(only("A 5,000-strong force arrived."), card(5000.0, Bound::Exact, "force", "force"));
    }

    #[test]
    fn shares_in_words() {
        let share = |v: f64, bound: Bound, unit: &str, head: &str| (v, CountKind::Fraction, bound, unit.to_string(), head.to_string());
        assert_eq!(only("Rebels hold nearly a quarter of Chad."), share(0.25, Bound::Nearly, "chad", "chad"));
        assert_eq!(only("Almost a fifth of Chad is desert."), share(0.2, Bound::Nearly, "chad", "chad"));
        assert_eq!(only("Three quarters of the members voted."), share(0.75, Bound::Exact, "members", "member"));
        assert_eq!(only("Three-quarters of the members voted."), share(0.75, Bound::Exact, "members", "member"));
        assert_eq!(only("More than half of the members voted."), share(0.5, Bound::AtLeast, "members", "member"));
        assert_eq!(only("One out of five adults voted."), share(0.2, Bound::Exact, "adults", "adult"));
        assert_eq!(only("Two in three adults voted."), share(2.0 / 3.0, Bound::Exact, "adults", "adult"));
        // A share of the firm's staff is a share of the staff, not of the firm.
        assert_eq!(only("It cut a tenth of the firm's office staff."), share(0.1, Bound::Exact, "office staff", "staff"));
        assert!(counts("They met at a quarter past two.").is_empty());
        assert!(counts("Profits rose in the first quarter of 2024.").iter().all(|c| c.kind == CountKind::Ordinal));
    }

    #[test]
    fn a_share_of_a_counted_whole_is_two_counts() {
        let all = counts("The plan cuts about a third of its 3,600 dock staff.");
        let found: Vec<(f64, CountKind, &str)> = all.iter().map(|c| (c.value, c.kind, c.unit.as_str())).collect();
        assert_eq!(found, vec![(1.0 / 3.0, CountKind::Fraction, "dock staff"), (3600.0, CountKind::Cardinal, "dock staff")]);
    }

    #[test]
    fn glued_units_describe_their_noun() {
        let text = "Both sides backed an immediate 30-day ceasefire and a 12-member panel.";
        let all = counts(text);
        let found: Vec<(&str, &str, &str)> = all.iter().map(|c| (c.span.slice(text), c.head.as_str(), c.describes.as_str())).collect();
        assert_eq!(found, vec![("30-day ceasefire", "day", "ceasefire"), ("12-member panel", "member", "panel")]);
        assert_eq!(counts("The fund pledged $4 billion aid.")[0].describes, "");
        assert_eq!(counts("Guards freed 2,500 detainees.")[0].describes, "");
    }

    #[test]
    fn ordinals() {
        assert_eq!(only("It passed on the third ballot."), (3.0, CountKind::Ordinal, Bound::Exact, "ballot".into(), "ballot".into()));
        assert_eq!(only("The 112th session opened."), (112.0, CountKind::Ordinal, Bound::Exact, "session".into(), "session".into()));
        assert_eq!(only("The twenty-first round failed."), (21.0, CountKind::Ordinal, Bound::Exact, "round".into(), "round".into()));
        assert!(counts("He came first.").is_empty());
        assert!(counts("The first Chile–Peru summit ended.").is_empty());
    }

    #[test]
    fn fractions_and_multipliers() {
        assert_eq!(only("Rebels hold a quarter of Chad."), (0.25, CountKind::Fraction, Bound::Exact, "chad".into(), "chad".into()));
        assert_eq!(only("Nearly half the voters abstained."), (0.5, CountKind::Fraction, Bound::Nearly, "voters".into(), "voter".into()));
        assert_eq!(only("Two-thirds of the delegates agreed."), (2.0 / 3.0, CountKind::Fraction, Bound::Exact, "delegates".into(), "delegate".into()));
        assert_eq!(only("The new plant is twice the size."), (2.0, CountKind::Multiplier, Bound::Exact, "size".into(), "size".into()));
        assert_eq!(only("They sent three times as many drones."), (3.0, CountKind::Multiplier, Bound::Exact, "drones".into(), "drone".into()));
        assert!(counts("The second half was dull.").is_empty());
    }

    #[test]
    fn abbreviated_scales() {
        assert_eq!(only("Net profit was 376 mln stg."), card(376e6, Bound::Exact, "stg", "stg"));
        assert_eq!(only("It sold 1.2 bln dlrs of bonds."), card(1.2e9, Bound::Exact, "dlrs", "dlr"));
        // "vs" compares two figures; it is not what they count.
        assert!(counts("Profit rose to 260 mln vs 233 mln.").is_empty());
    }

    #[test]
    fn percentages_and_money() {
        assert_eq!(only("Turnout fell to 38% overall."), (38.0, CountKind::Percent, Bound::Exact, String::new(), String::new()));
        assert_eq!(only("About 62 per cent of farmers agreed."), (62.0, CountKind::Percent, Bound::Approximate, "farmers".into(), "farmer".into()));
        assert_eq!(only("Prices rose 7 percent."), (7.0, CountKind::Percent, Bound::Exact, String::new(), String::new()));
        assert_eq!(only("I am 90 per cent sure."), (90.0, CountKind::Percent, Bound::Exact, "sure".into(), "sure".into()));
        assert_eq!(only("The blaze was 25% contained on Friday."), (25.0, CountKind::Percent, Bound::Exact, "contained".into(), "contained".into()));
        assert_eq!(only("She sold a 40 percent stake in the mill."), (40.0, CountKind::Percent, Bound::Exact, "stake".into(), "stake".into()));
        assert_eq!(only("The fund pledged $4 billion in aid."), card(4e9, Bound::Exact, "dollars", "dollar"));
        assert_eq!(only("It cost €2.5bn to build."), card(2.5e9, Bound::Exact, "euros", "euro"));
    }

    #[test]
    fn not_counts() {
        for t in [
            "The war began in 1939.",
            "Since 2014 the region has changed.",
            "The Apollo 11 crew returned.",
            "Article 5 was invoked.",
            "The F-16 landed.",
            "One of the envoys left.",
            "No one was hurt.",
            "She is the one who spoke.",
            "Talks opened at 0930 GMT.",
            "It was signed on June 3.",
            "It was signed on 4 March 2021.",
            "The two met privately.",
            "The 1980s were hard.",
            "The score was 2-1.",
            "Air Force One landed.",
            "They shut Line 3 and 4 stations.",
            "likes\n0\nshares",
        ] {
            assert!(counts(t).is_empty(), "{t}: {:?}", counts(t));
        }
    }

    #[test]
    fn spans_point_at_the_text() {
        let text = "Officials said more than 1,200 soldiers were moved.";
        let seg = Segmented::new(text, TextKind::Markdown);
        let c = &find_counts(&seg, 0)[0];
        assert_eq!(c.span.slice(text), "more than 1,200 soldiers");
        assert_eq!(c.number_span.slice(text), "1,200");
    }

    #[test]
    fn number_words() {
        assert_eq!(parse_number_words(&["two", "hundred", "and", "fifty", "men"]), Some((250.0, 4)));
        assert_eq!(parse_number_words(&["a", "dozen", "eggs"]), Some((12.0, 2)));
        assert_eq!(parse_number_words(&["three", "million"]), Some((3e6, 2)));
        assert_eq!(parse_number_words(&["a", "man"]), None);
        assert_eq!(parse_number_words(&["two", "three"]), Some((2.0, 1)));
    }

    #[test]
    fn every_cut_of_a_dense_text_is_safe() {
        let dense = "At 0930 GMT+3 on Fri. 16 May 2025, «more than 1,000-for-1,000» $5bn — a fifth of Ürümqi’s 267th 40% … 12:30 a.m. Moscow time; nearly two-thirds, 3-1, F-16, one in five, twice the size.";
        let cuts: Vec<usize> = (0..=dense.len()).filter(|&k| dense.is_char_boundary(k)).collect();
        for &a in cuts.iter().step_by(3) {
            for &b in cuts.iter().filter(|&&b| b >= a).step_by(7) {
                let _ = counts(&dense[a..b]);
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in ["", "$", "$ 5", "5-", "-for-", "a-for-a", "1,00,0 men", "½ of them", "three-", "😀 12 😀", "1.2.3 units", "+5"] {
            let _ = counts(t);
        }
    }
}
