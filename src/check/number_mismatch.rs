//! number-mismatch: a count or quantity contradicts every source.

use super::{Context, FactKey};
use crate::extract::number::{is_time_unit, Bound, CountKind, CountMention};
use crate::extract::time::{TimeMention, TimeValue};
use crate::facts::Located;
use crate::finding::{Evidence, Finding, Rule};
use crate::knowledge;
use crate::text::{tokenize, Span, TokenKind};
// Word sets are hashed on every check: FxHash (see `check::memo`).
use rustc_hash::FxHashSet as HashSet;

/// Fractions and percentages are both shares, compared on one scale.
fn is_share(kind: CountKind) -> bool {
    matches!(kind, CountKind::Fraction | CountKind::Percent)
}

/// The values a count allows, as an interval. "About a third" is tighter than "about 300":
/// a fraction word is already a rounding.
pub(crate) fn interval(c: &CountMention) -> (f64, f64) {
    let v = if c.kind == CountKind::Percent { c.value / 100.0 } else { c.value };
    let slack = if c.kind == CountKind::Fraction { 0.10 } else { 0.15 };
    match c.bound {
        Bound::Exact => (v, v),
        Bound::Approximate => (v * (1.0 - slack), v * (1.0 + slack)),
        Bound::Nearly => (v * (1.0 - slack), v),
        Bound::AtLeast => (v, f64::INFINITY),
        Bound::AtMost => (0.0, v),
    }
}

/// The values a source's count allows. A reporter who writes "more than a million" has a figure
/// under two million, or would have written "more than two million"; so "more than" a round
/// number stops short of the next one.
fn source_interval(c: &CountMention) -> (f64, f64) {
    let (low, high) = interval(c);
    match (c.bound, c.kind, next_round_number(c.value)) {
        (Bound::AtLeast, CountKind::Cardinal, Some(next)) => (low, next * (1.0 - 1e-9)),
        _ => (low, high),
    }
}

/// 1,000 → 2,000, a million → two million, 30 → 40; `None` for numbers that are not one digit
/// followed by zeros.
fn next_round_number(v: f64) -> Option<f64> {
    if !(10.0..1e15).contains(&v) || v.fract() != 0.0 {
        return None;
    }
    let magnitude = 10f64.powi(v.log10().floor() as i32);
    let lead = v / magnitude;
    (lead.fract() == 0.0).then(|| (lead + 1.0) * magnitude)
}

/// Does the source count `source` (in `source_text`) allow the draft count `draft` (in
/// `draft_text`)? Figures written to different decimals agree when the finer rounds to the
/// coarser: "$6.8bn" is "$6.75bn", "85 cents" is "84.9 cents".
pub(crate) fn agree(draft: &CountMention, draft_text: &str, source: &CountMention, source_text: &str) -> bool {
    let (a0, a1) = interval(draft);
    let (b0, b1) = source_interval(source);
    if a0 <= b1 + 1e-9 && b0 <= a1 + 1e-9 {
        return true;
    }
    match (written(draft, draft_text), written(source, source_text)) {
        (Some((ma, da, sa)), Some((mb, db, sb))) if da != db && (sa - sb).abs() <= 1e-9 * sa.abs().max(1.0) => {
            let step = 10f64.powi(-(da.min(db) as i32));
            let round = |m: f64| (m / step).round();
            round(ma) == round(mb)
        }
        _ => false,
    }
}

/// A count's number as written: its digits' value, how many decimals they have, and the scale
/// ("6.8bn" → 6.8, 1, a billion). `None` for numbers in words.
fn written(c: &CountMention, text: &str) -> Option<(f64, usize, f64)> {
    let number = c.number_span.slice(text);
    let digits = number.split(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == ',')).find(|p| !p.is_empty())?;
    let mantissa: f64 = digits.replace(',', "").parse().ok()?;
    if mantissa == 0.0 {
        return None;
    }
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len().min(9));
    Some((mantissa, decimals, c.value / mantissa))
}

/// Content words of a sentence, for telling whether two sentences talk about the same thing.
pub(crate) fn content_words(text: &str, skip: &HashSet<String>) -> HashSet<String> {
    tokenize(text, Span::new(0, text.len()))
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| knowledge::noun_lemma(t.text(text)))
        .filter(|w| w.len() > 2 && !knowledge::is_stopword(w) && knowledge::number_word(w).is_none() && !skip.contains(w))
        .collect()
}

/// One form for the inflections of a word ("agreed", "agreement" → "agre"; "cutting", "cuts" →
/// "cut") and for the few verbs news uses interchangeably for one counted event ("swap",
/// "exchange"), so that two sentences about one event share their words.
pub(crate) fn word_stem(word: &str) -> &str {
    let mut w = word;
    for _ in 0..2 {
        let Some(suffix) = ["ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "e", "y"]
            .iter()
            .find(|s| w.len() >= s.len() + 3 && w.ends_with(*s))
        else {
            break;
        };
        w = &w[..w.len() - suffix.len()];
    }
    // "cutt" (from "cutting") is "cut"; "kill" and "press" keep their double letter.
    let b = w.as_bytes();
    if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !matches!(b[b.len() - 1], b'l' | b's' | b'z') && b[b.len() - 1].is_ascii_alphabetic() {
        w = &w[..w.len() - 1];
    }
    match w {
        "swap" => "exchang",
        "fre" => "releas",
        "dead" | "death" | "died" => "kill",
        "wound" | "hurt" => "injur",
        other => other,
    }
}

/// The stems of a sentence's content words, without the counted thing's.
fn stems(words: &HashSet<String>, unit: &HashSet<&str>) -> HashSet<String> {
    words.iter().map(|w| word_stem(w)).filter(|w| !unit.contains(w)).map(str::to_string).collect()
}

/// How many of `words`' stems are in `stems`.
fn shared_stems(words: &HashSet<String>, stems: &HashSet<String>, unit: &HashSet<&str>) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for w in words {
        let s = word_stem(w);
        if stems.contains(s) && !unit.contains(s) && !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.len()
}

/// "two more regions" counts an addition to something, not the thing itself.
pub(crate) fn counts_an_addition(c: &CountMention, text: &str) -> bool {
    let after = text.get(c.number_span.end..).unwrap_or("").trim_start();
    let first = after.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
    // Asked of every count on every check: compared without a lower-cased copy.
    ["more", "additional", "other", "further", "extra", "new", "another"].iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// "1,200 of its 3,600 jobs", "a third of its 3,600 staff": 3,600 is the whole a part is taken
/// from, not the thing a plain count of jobs is about.
fn is_whole_of_a_part(c: &CountMention, text: &str) -> bool {
    let mut from = c.number_span.start.saturating_sub(48);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let Some(before) = text.get(from..c.number_span.start) else { return false };
    let toks = tokenize(before, Span::new(0, before.len()));
    let words: Vec<String> = toks.iter().rev().take(4).map(|t| t.text(before).to_lowercase()).collect();
    let mut k = 0;
    if words.get(k).is_some_and(|w| matches!(w.as_str(), "its" | "their" | "the" | "his" | "her" | "our" | "all")) {
        k += 1;
    }
    if words.get(k).map(String::as_str) != Some("of") {
        return false;
    }
    let part = toks.iter().rev().nth(k + 1);
    part.is_some_and(|t| {
        let w = t.text(before).to_lowercase();
        t.kind == TokenKind::Number
            || w == "%"
            || matches!(w.as_str(), "cent" | "percent" | "half" | "quarter" | "quarters" | "third" | "thirds" | "fifth" | "fifths" | "tenth" | "tenths")
            || knowledge::number_word(&w).is_some()
    })
}

/// Nouns for a workforce: "a third of its staff" and "a third of its jobs" are one share.
fn is_workforce(head: &str) -> bool {
    matches!(head, "job" | "staff" | "workforce" | "worker" | "employee" | "employe" | "personnel")
}

/// Same counted thing: same head noun, the same modifier when both name one, and the same
/// described noun when both are glued to their unit ("30-day ceasefire").
pub(crate) fn same_unit(a: &CountMention, b: &CountMention) -> bool {
    let shares = is_share(a.kind) && is_share(b.kind);
    if a.head.is_empty() || (a.kind != b.kind && !shares) {
        return false;
    }
    if a.head != b.head && !(shares && is_workforce(&a.head) && is_workforce(&b.head)) {
        return false;
    }
    // A length of time counts nothing by itself: "30-day" is only comparable with "60-day"
    // when both are the length of the same kind of thing.
    if is_time_unit(&a.head) && (a.describes.is_empty() || a.describes != b.describes) {
        return false;
    }
    if !a.describes.is_empty() && !b.describes.is_empty() && a.describes != b.describes {
        return false;
    }
    let modifier = |c: &CountMention| c.unit.split_whitespace().rev().nth(1).map(knowledge::noun_lemma);
    match (modifier(a), modifier(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// When a clause says something happened: weekdays, dates (month, day) and bare years.
#[derive(Default, Debug)]
struct When {
    weekdays: Vec<u8>,
    dates: Vec<(u8, Option<u8>)>,
    years: Vec<i32>,
}

/// How the times of a source count's clause stand to the draft count's.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Timing {
    /// They give the same weekday, date or year, and no other.
    Same,
    /// Nothing to compare.
    Unknown,
    /// Another weekday or date, or a year the draft does not give: another moment, or another
    /// event ("the 1987 fire destroyed 14 homes").
    Other,
}

impl When {
    fn is_empty(&self) -> bool {
        self.weekdays.is_empty() && self.dates.is_empty() && self.years.is_empty()
    }

    fn of(times: &[&TimeMention], text: &str, within: Span, count: Span) -> When {
        let mut when = When::default();
        for t in times.iter().filter(|t| within.contains(t.span)) {
            match t.value {
                TimeValue::Weekday { day } => when.weekdays.push(day),
                TimeValue::Date { month, day, .. } => when.dates.push((month, day)),
                _ => {}
            }
        }
        // The year nearest the count is its own: "a deficit of 129 billion in 1987, and 100
        // billion in 1989".
        let mut nearest: Option<(usize, i32)> = None;
        for t in tokenize(text, within) {
            let year = t.text(text);
            let inside_time = times.iter().any(|m| m.span.overlaps(t.span));
            if t.kind == TokenKind::Number && year.len() == 4 && !t.span.overlaps(count) && !inside_time {
                if let Ok(y @ 1900..=2099) = year.parse::<i32>() {
                    let distance = if t.span.start >= count.end { t.span.start - count.end } else { count.start.saturating_sub(t.span.end) };
                    if nearest.is_none_or(|(d, _)| distance < d) {
                        nearest = Some((distance, y));
                    }
                }
            }
        }
        when.years.extend(nearest.map(|(_, y)| y));
        when
    }

    /// The clause's times, or the sentence's day when the clause has none and the sentence one.
    /// A year elsewhere in the sentence is as often another event's ("the regions it annexed in
    /// 2022") as this one's.
    fn around(times: &[&TimeMention], text: &str, sentence: Span, count: Span) -> When {
        let clause = When::of(times, text, crate::extract::events::clause_in(text, sentence, count), count);
        if !clause.is_empty() {
            return clause;
        }
        let all = When::of(times, text, sentence, count);
        if all.weekdays.len() + all.dates.len() == 1 {
            When { years: Vec::new(), ..all }
        } else {
            When::default()
        }
    }

    /// `around` count `c` in its sentence `sentence`, among `times`, all of one text (the
    /// draft's, or one source's).
    fn around_count(times: &[Located<TimeMention>], text: &str, sentence: Span, c: &Located<CountMention>) -> When {
        let own: Vec<&TimeMention> = times.iter().filter(|t| t.sentence == c.sentence).map(|t| &t.fact).collect();
        When::around(&own, text, sentence, c.fact.span)
    }

    /// How a source's times (`self`) stand to the draft's.
    fn against(&self, draft: &When) -> Timing {
        let mut same = false;
        if !self.weekdays.is_empty() && !draft.weekdays.is_empty() {
            if !self.weekdays.iter().any(|d| draft.weekdays.contains(d)) {
                return Timing::Other;
            }
            same = true;
        }
        if !self.dates.is_empty() && !draft.dates.is_empty() {
            let meet = |(m1, d1): &(u8, Option<u8>), (m2, d2): &(u8, Option<u8>)| m1 == m2 && (d1.is_none() || d2.is_none() || d1 == d2);
            if !self.dates.iter().any(|a| draft.dates.iter().any(|b| meet(a, b))) {
                return Timing::Other;
            }
            same = true;
        }
        if !self.years.is_empty() {
            if !self.years.iter().any(|y| draft.years.contains(y)) {
                return Timing::Other;
            }
            same = true;
        }
        if same { Timing::Same } else { Timing::Unknown }
    }
}

/// Stems of the content words next to a count in its clause: up to `n` on either side, the
/// words that say what is done to or with the counted thing ("adopted", "cut", "assigned").
pub(crate) fn near_stems(text: &str, sentence: Span, count: Span, n: usize) -> Vec<String> {
    let clause = crate::extract::events::clause_in(text, sentence, count);
    let toks = tokenize(text, clause);
    let content = |t: &&crate::text::Token| {
        let w = knowledge::noun_lemma(t.text(text));
        t.kind == TokenKind::Word && w.len() > 2 && !knowledge::is_stopword(&w) && knowledge::number_word(&w).is_none()
    };
    let before = toks.iter().filter(|t| t.span.end <= count.start).rev().filter(content).take(n);
    let after = toks.iter().filter(|t| t.span.start >= count.end).filter(content).take(n);
    before.chain(after).map(|t| word_stem(&knowledge::noun_lemma(t.text(text))).to_string()).collect()
}

/// A source count of the same unit as a draft count, at no other time.
pub(crate) struct Candidate<'a> {
    pub doc: usize,
    pub sentence: Span,
    pub count: &'a CountMention,
    /// The source's clause gives the same time as the draft's.
    pub same_time: bool,
    /// Word stems the two sentences share, the counted thing's left out.
    pub shared: usize,
    /// Word stems beside the two counts in their clauses that are the same ("adopted 17
    /// sanction packages", "cut 1,200 jobs"): what is done with the counted thing.
    pub near: usize,
    /// The two sentences name people, places or bodies, and none the same: the count is
    /// another's ("Lemmon Films took $30m" against "Gable Pictures took $28m").
    pub other_subject: bool,
    /// The whole a part is taken from ("of its 3,600 jobs").
    pub whole: bool,
    /// What a sum of money is ("a $5bn deal", "profit of £3m"), when the source says.
    pub money_for: Option<String>,
}

impl Candidate<'_> {
    /// Whether the draft count, which the sources do not confirm, contradicts this one: about
    /// the same thing by every sign the two sentences give, and a figure a writer could have
    /// put in its place.
    pub(crate) fn contradicts(&self, draft: &DraftCount) -> bool {
        let described = !draft.count.describes.is_empty() && draft.count.describes == self.count.describes;
        (!self.whole || draft.whole)
            // Sentences naming no one in common are about someone else's figures, unless they
            // give the same day.
            && (!self.other_subject || self.same_time)
            && (self.near > 0 || self.same_time || described)
            && could_be_mistaken_for(draft.count.value, self.count.value)
            && (!is_money(&draft.count.head) || (draft.money_for.is_some() && draft.money_for == self.money_for))
            // "rose to 1.60 dollars from 1.53": the draft gives the source's figure beside its own.
            && !draft.beside.iter().any(|v| *v == self.count.value)
    }
}

/// Two figures a writer could put one for the other: close (a quarter for a fifth, 1,500 for
/// 1,200, two million for one), or the same digits at another scale (million for billion).
/// Figures further apart are of different things ("41 Britons" against "about 440").
fn could_be_mistaken_for(a: f64, b: f64) -> bool {
    if a <= 0.0 || b <= 0.0 {
        return a == b;
    }
    let ratio = a.max(b) / a.min(b);
    if ratio <= 4.0 {
        return true;
    }
    let shift = ratio.log10().round();
    shift >= 1.0 && (ratio / 10f64.powf(shift) - 1.0).abs() < 0.01
}

/// Currencies, which count anything that costs: a sum is compared only with a sum for the same thing.
fn is_money(head: &str) -> bool {
    matches!(
        head,
        "dollar" | "euro" | "pound" | "pence" | "penny" | "cent" | "yen" | "yuan" | "renminbi" | "rupee" | "rouble" | "ruble"
            | "franc" | "krona" | "krone" | "kronor" | "peso" | "rand" | "lira" | "lire" | "dinar" | "dirham" | "riyal" | "shekel"
            | "zloty" | "baht" | "ringgit" | "rupiah" | "hryvnia" | "forint" | "real" | "won" | "mark" | "guilder" | "crown"
            | "sterling" | "dlr" | "stg" | "ct" | "usd" | "eur" | "gbp"
    )
}

/// What a sum of money is: the noun after it ("a $5bn deal", "$4bn in aid") or before it
/// ("profit of £3m", "a bid worth $6bn").
fn money_for(text: &str, sentence: Span, c: &CountMention) -> Option<String> {
    let toks = tokenize(text, sentence);
    let is_noun = |t: &crate::text::Token| {
        let w = t.text(text).to_lowercase();
        t.kind == TokenKind::Word && w.len() > 2 && !knowledge::is_stopword(&w) && !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("ly")
    };
    let after: Vec<&crate::text::Token> = toks.iter().filter(|t| t.span.start >= c.span.end).take(2).collect();
    let noun_after = match after.as_slice() {
        [t, ..] if is_noun(t) => Some(*t),
        [t, u, ..] if matches!(t.text(text), "in" | "of" | "for") && is_noun(u) => Some(*u),
        _ => None,
    };
    let before: Vec<&crate::text::Token> = toks.iter().filter(|t| t.span.end <= c.span.start).rev().take(2).collect();
    let noun_before = match before.as_slice() {
        [t, u, ..] if matches!(t.text(text), "of" | "worth" | "totalling" | "totaling") && is_noun(u) => Some(*u),
        _ => None,
    };
    noun_after.or(noun_before).map(|t| word_stem(&knowledge::noun_lemma(t.text(text))).to_string())
}

/// The people, places and bodies a sentence names: each run of capitalised words as its words,
/// lower-cased (countries by their name: "Ukrainian", "Kyiv" and "Ukraine" are one), and its
/// initials. Left out of the words: titles, calendar words, the counted thing, and a first word
/// the corpus writes in lower case.
fn names_in(text: &str, sentence: Span, lexicon: &std::collections::HashSet<String>, unit: &HashSet<&str>) -> Vec<(Vec<String>, String)> {
    let toks = tokenize(text, sentence);
    let first_word = toks.iter().position(|t| t.kind == TokenKind::Word);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (mut words, mut initials) = (Vec::new(), String::new());
        while i < toks.len() && toks[i].is_capitalized(text) {
            let word = crate::extract::roles::strip_possessive(toks[i].text(text)).0.to_lowercase();
            if !knowledge::is_stopword(&word) {
                initials.extend(word.chars().next());
            }
            let calendar = knowledge::weekday(&word).is_some() || knowledge::month(&word).is_some();
            let title = knowledge::is_title_head(&word) || knowledge::TITLE_QUALIFIERS.contains(&word.as_str()) || knowledge::is_portfolio_word(&word);
            let common = knowledge::is_stopword(&word) || (Some(i) == first_word && lexicon.contains(&word));
            let counted = unit.contains(word_stem(&knowledge::noun_lemma(&word)));
            if word.chars().count() > 1 && !calendar && !title && !common && !counted {
                words.push(knowledge::country_by_word(toks[i].text(text)).map_or(word, |c| c.name.to_lowercase()));
            }
            i += 1;
        }
        if words.is_empty() {
            i += 1;
        } else {
            runs.push((words, initials));
        }
    }
    runs
}

/// Do two sentences' names (see `names_in`) share one, or does one abbreviate a run of the
/// other's ("EU", "European Union")?
fn share_a_name(a: &[(Vec<String>, String)], b: &[(Vec<String>, String)]) -> bool {
    let words = |runs: &[(Vec<String>, String)]| runs.iter().flat_map(|r| r.0.iter().cloned()).collect::<Vec<String>>();
    let (wa, wb) = (words(a), words(b));
    let abbreviates = |words: &[String], runs: &[(Vec<String>, String)]| runs.iter().any(|r| r.1.chars().count() > 1 && words.contains(&r.1));
    wa.iter().any(|w| wb.contains(w)) || abbreviates(&wa, b) || abbreviates(&wb, a)
}

/// The draft count being checked, with what the rules read of its sentence.
pub(crate) struct DraftCount<'a> {
    pub count: &'a CountMention,
    pub whole: bool,
    pub money_for: Option<String>,
    /// The values of the other counts of the same thing in its sentence.
    pub beside: Vec<f64>,
}

/// Source counts of the same unit as draft count `c`, at no other time, with what tells
/// whether each is about the same thing (see `Candidate`).
pub(crate) fn candidates<'a>(cx: &'a Context, c: &'a Located<CountMention>) -> (DraftCount<'a>, Vec<Candidate<'a>>) {
    let fb = cx.fb;
    let draft_text = &cx.draft.seg.text;
    let lemmas: Vec<String> = c.fact.unit.split_whitespace().map(knowledge::noun_lemma).collect();
    let unit: HashSet<&str> = c.fact.unit.split_whitespace().chain(lemmas.iter().map(String::as_str)).map(word_stem).collect();
    let mine = stems(&cx.content_words(cx.draft_sentence(c.sentence)), &unit);
    let sentence = cx.draft.seg.sentences.get(c.sentence).map_or(c.fact.span, |s| s.span);
    let draft_when = When::around_count(&cx.draft.times, draft_text, sentence, c);
    let draft_near = near_stems(draft_text, sentence, c.fact.span, 3);
    let draft_names = names_in(draft_text, sentence, &fb.lexicon, &unit);
    let money = is_money(&c.fact.head);
    let beside = cx.draft.counts.iter().filter(|o| o.sentence == c.sentence && o.fact.span != c.fact.span && same_unit(&c.fact, &o.fact)).map(|o| o.fact.value).collect();
    let draft = DraftCount { count: &c.fact, whole: is_whole_of_a_part(&c.fact, draft_text), money_for: money.then(|| money_for(draft_text, sentence, &c.fact)).flatten(), beside };
    let mut out = Vec::new();
    for &d in &cx.relevant {
        let f = &fb.facts[d];
        let text = &fb.docs[d].text;
        for sc in &f.counts {
            if !same_unit(&c.fact, &sc.fact) || counts_an_addition(&sc.fact, text) {
                continue;
            }
            let Some(s) = f.sentences.get(sc.sentence) else { continue };
            let timing = When::around_count(&f.times, text, *s, sc).against(&draft_when);
            if timing == Timing::Other {
                continue;
            }
            let shared = shared_stems(&cx.content_words(s.slice(text)), &mine, &unit);
            let mut near = near_stems(text, *s, sc.fact.span, 3);
            near.retain(|w| draft_near.contains(w) && !unit.contains(w.as_str()));
            near.sort_unstable();
            near.dedup();
            let names = names_in(text, *s, &fb.lexicon, &unit);
            out.push(Candidate {
                doc: d,
                sentence: *s,
                count: &sc.fact,
                same_time: timing == Timing::Same,
                shared,
                near: near.len(),
                other_subject: !names.is_empty() && !draft_names.is_empty() && !share_a_name(&names, &draft_names),
                whole: is_whole_of_a_part(&sc.fact, text),
                money_for: if money { money_for(text, *s, &sc.fact) } else { None },
            });
        }
    }
    (draft, out)
}

/// The count as a reader would quote it mid-sentence: "about 850 firefighters", not "About".
pub(crate) fn quoted(span_text: &str) -> String {
    let text = crate::text::single_spaced(span_text);
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => first.to_lowercase().chain(text.chars().skip(1)).collect(),
        _ => text,
    }
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &cx.draft.counts {
        if !checkable(cx, c) || cx.is_heading(c.sentence) {
            continue;
        }
        let (key, anchor) = count_key(cx, c);
        out.extend(cx.memo.findings_about(Rule::NumberMismatch, key, anchor, || about(cx, c).into_iter().collect()));
    }
    out
}

/// Whether a draft count is one the number rules compare: it counts something, outside a
/// quote, and is not a length of time the time rule judges.
pub(crate) fn checkable(cx: &Context, c: &Located<CountMention>) -> bool {
    if c.fact.head.is_empty() || cx.in_quote(c.fact.span) || counts_an_addition(&c.fact, &cx.draft.seg.text) {
        return false;
    }
    if is_time_unit(&c.fact.head) {
        // "a 30-day ceasefire" is the length of no event time-conflict knows ("a three-week
        // strike" is); anything else with a time unit is a duration, time-conflict's to judge.
        let duration = cx.draft.times.iter().find(|t| t.sentence == c.sentence && t.fact.span.overlaps(c.fact.number_span));
        return !c.fact.describes.is_empty()
            && duration.is_some_and(|t| matches!(crate::extract::events::adjective_duration_event(&cx.draft.seg, c.sentence, t.fact.span), Some(None)));
    }
    true
}

/// What a rule's findings about draft count `c` depend on, for `RuleMemo::findings_about`: the
/// count with its spans relative to its start (the anchor), its text and its sentence's text.
pub(crate) fn count_key(cx: &Context, c: &Located<CountMention>) -> (FactKey, usize) {
    // Every field, so that a field added to counts cannot be left out of the key.
    let CountMention { span, number_span, value, kind, bound, unit, head, describes } = &c.fact;
    let anchor = span.start.min(number_span.start);
    let relative = |s: &Span| (s.start - anchor, s.end - anchor);
    let sentence = cx.draft_sentence(c.sentence);
    let key = FactKey::for_text(sentence.len() + unit.len() + head.len() + describes.len() + span.len())
        .with(relative(span))
        .with(relative(number_span))
        .with(value.to_bits())
        .with(kind)
        .with(bound)
        .with(unit)
        .with(head)
        .with(describes)
        .with(span.slice(&cx.draft.seg.text))
        .with(sentence)
        // The sentence's times are read from its text, but where the count sits in it decides
        // which clause's times are its own.
        .with(cx.draft.seg.sentences.get(c.sentence).map(|s| anchor.saturating_sub(s.span.start)));
    (key, anchor)
}

/// The finding, if any, about draft count `c`, which the filters in `check` let through.
fn about(cx: &Context, c: &Located<CountMention>) -> Option<Finding> {
    let fb = cx.fb;
    let (draft, candidates) = candidates(cx, c);
    let mut same: Vec<Candidate> = candidates.into_iter().filter(|k| k.shared > 0).collect();
    if same.is_empty() || same.iter().any(|k| agree(&c.fact, &cx.draft.seg.text, k.count, &fb.docs[k.doc].text)) {
        return None;
    }
    // What the draft contradicts: counts of the thing itself, by every sign; at the draft's
    // time when the sources give it; and among those, the ones whose words are most like the
    // draft's.
    same.retain(|k| k.contradicts(&draft));
    if same.iter().any(|k| k.same_time) {
        same.retain(|k| k.same_time);
    }
    let likeness = |k: &Candidate| (k.near, k.shared);
    let best = same.iter().map(likeness).max()?;
    if a_source_gives_it(cx, c) {
        return None;
    }
    let values: Vec<f64> = same.iter().filter(|k| likeness(k) == best).map(|k| k.count.value).collect();
    same.retain(|k| values.contains(&k.count.value));
    same.sort_by_key(|k| std::cmp::Reverse(likeness(k)));
    let mut said: Vec<String> = Vec::new();
    for (n, k) in same.iter().enumerate() {
        if !same[..n].iter().any(|o| o.count.value == k.count.value && o.count.kind == k.count.kind) {
            said.push(quoted(k.count.span.slice(&fb.docs[k.doc].text)));
        }
    }
    let mut evidence: Vec<Evidence> = Vec::new();
    for k in &same {
        if !evidence.iter().any(|e| e.doc == k.doc && e.span == k.sentence) {
            evidence.push(fb.evidence(k.doc, k.sentence));
        }
    }
    let mut f = Finding::new(
        Rule::NumberMismatch,
        c.fact.span,
        format!("the sources say {}, not {}", said.join(" or "), quoted(c.fact.span.slice(&cx.draft.seg.text))),
    )
    .with_evidence(evidence);
    // "first round" and "second round" are usually two different rounds, not a disagreement.
    if c.fact.kind == CountKind::Ordinal {
        f = f.unsure();
    }
    let numbers: Vec<&str> = same.iter().map(|k| k.count.number_span.slice(&fb.docs[k.doc].text)).collect();
    if numbers.iter().all(|n| *n == numbers[0]) && same.iter().all(|k| k.count.kind == c.fact.kind) {
        f = f.with_fix("Use the source's number", c.fact.number_span, numbers[0].to_string());
    }
    Some(f)
}

/// Whether a relevant source gives the draft's figure for the same kind of thing, at no other
/// time, in a sentence sharing a word with the draft's sentence or the one before it, even a
/// figure the comparison above set aside as maybe about something else ("412 stores across four
/// provinces", or one chain's own 164 stores where the draft, having named the chain, says "the
/// chain"): then the draft may well be right, and a warning that it is not would cost more than
/// the miss.
fn a_source_gives_it(cx: &Context, c: &Located<CountMention>) -> bool {
    let draft_text = &cx.draft.seg.text;
    let sentence = cx.draft.seg.sentences.get(c.sentence).map_or(c.fact.span, |s| s.span);
    let draft_when = When::around_count(&cx.draft.times, draft_text, sentence, c);
    // The sentence and the one before it in its paragraph, which often names what "the chain"
    // or "the company" is.
    let seg = &cx.draft.seg;
    let before = c.sentence.checked_sub(1).filter(|&b| seg.sentences.get(b).zip(seg.sentences.get(c.sentence)).is_some_and(|(a, b)| a.paragraph == b.paragraph));
    let draft_words: Vec<_> = std::iter::once(c.sentence).chain(before).map(|i| cx.content_words(cx.draft_sentence(i))).collect();
    let unit: HashSet<&str> = c.fact.unit.split_whitespace().chain(std::iter::once(c.fact.head.as_str())).collect();
    cx.relevant.iter().any(|&d| {
        let (f, text) = (&cx.fb.facts[d], &cx.fb.docs[d].text);
        f.counts.iter().any(|sc| {
            let Some(s) = f.sentences.get(sc.sentence) else { return false };
            // The figure for another day is the one the draft may have put on the wrong day.
            let at_another_time = || When::around_count(&f.times, text, *s, sc).against(&draft_when) == Timing::Other;
            sc.fact.head == c.fact.head
                && sc.fact.kind == c.fact.kind
                && agree(&c.fact, draft_text, &sc.fact, text)
                && cx.content_words(s.slice(text)).iter().any(|w| draft_words.iter().any(|d| d.contains(w)) && !unit.contains(w.as_str()))
                && !at_another_time()
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::{Rule, Severity};

    #[test]
    fn a_source_with_the_drafts_figure_keeps_it_silent() {
        let src = &["The merged chain will run 412 shops across four provinces.", "The merged chain, which will have 410 shops, will be run from Lorvik."];
        assert!(findings_of(Rule::NumberMismatch, src, "The merged chain will have 412 shops.").is_empty());
        // Neither source's figure: still a mismatch.
        assert_eq!(findings_of(Rule::NumberMismatch, src, "The merged chain will have 300 shops.").len(), 1);
        // One chain's own count, which a source also gives, is not the merged total.
        let src = &["The merged chain will have 410 shops.", "Brannock has 164 shops; Ardlow has 246."];
        assert!(findings_of(Rule::NumberMismatch, src, "Sixty years on, the Brannock chain has 164 shops.").is_empty());
        assert!(findings_of(Rule::NumberMismatch, src, "Brannock opened in 1964. Sixty years on, the chain has 164 shops.").is_empty());
        // A figure the sources give for something unrelated does not excuse a wrong one.
        assert_eq!(findings_of(Rule::NumberMismatch, src, "Sixty years on, the merged chain will have 164 shops.").len(), 1);
    }

    const SRC: &[&str] = &[
        "The only agreement reached was to exchange 1,000 prisoners.",
        "The union represents about 2,400 dockers. The company will cut 300 jobs, and two more terminals may close.",
    ];

    #[test]
    fn same_thing_other_number() {
        let f = findings_of(Rule::NumberMismatch, SRC, "The only agreement was to swap 500 prisoners.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("1,000"));
        assert_eq!(f[0].fixes[0].replacement, "1,000");
        assert!(findings_of(Rule::NumberMismatch, SRC, "The agreement was to exchange a thousand prisoners.").is_empty());
    }

    #[test]
    fn approximations_other_things_and_quotes_are_not_mismatches() {
        assert!(findings_of(Rule::NumberMismatch, SRC, "The union represents some 2,500 dockers.").is_empty());
        assert!(findings_of(Rule::NumberMismatch, SRC, "The company has 300 ships.").is_empty());
        assert!(findings_of(Rule::NumberMismatch, SRC, "\"We swapped 500 prisoners in the agreement,\" he said.").is_empty());
        // "two more terminals" adds to a count; it is not one.
        assert!(findings_of(Rule::NumberMismatch, SRC, "The company may close four terminals, and 300 jobs will go.").is_empty());
    }

    #[test]
    fn approximate_and_hedged_numbers_agree_with_their_source() {
        let src = &["Volunteers planted 1,000 trees along the river on Sunday."];
        for ok in [
            "Volunteers planted about 1,000 trees along the river.",
            "Volunteers planted nearly 1,000 trees along the river.",
            "Volunteers planted a thousand trees along the river.",
            "Volunteers planted some 950 trees along the river.",
        ] {
            assert!(findings_of(Rule::NumberMismatch, src, ok).is_empty(), "{ok}");
        }
        assert_eq!(findings_of(Rule::NumberMismatch, src, "Volunteers planted nearly 1,200 trees along the river.").len(), 1);
    }

    #[test]
    fn shares_in_words_and_percentages() {
        let src = &["With rebels holding nearly a fifth of Moravia, the talks stalled.", "The blaze was 15% contained on Thursday, crews said."];
        let f = findings_of(Rule::NumberMismatch, src, "With rebels holding nearly a quarter of Moravia, talks stalled.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("nearly a fifth of Moravia"), "{}", f[0].message);
        for ok in ["Rebels hold a fifth of Moravia, and the talks stalled.", "Rebels hold about 20% of Moravia, and the talks stalled.", "Rebels hold almost a fifth of Moravia; the talks stalled."] {
            assert!(findings_of(Rule::NumberMismatch, src, ok).is_empty(), "{ok}");
        }
        let f = findings_of(Rule::NumberMismatch, src, "On Thursday the blaze was 25% contained.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].fixes[0].replacement, "15%");
        assert!(findings_of(Rule::NumberMismatch, src, "On Thursday the blaze was about 16% contained.").is_empty());
        // A percentage of something else in the same sentence is not compared.
        assert!(findings_of(Rule::NumberMismatch, src, "On Thursday the blaze was 15% contained and 40% of crews rested.").is_empty());
    }

    #[test]
    fn more_than_a_round_number_stops_short_of_the_next() {
        let src = &["The valley is home to more than a million farmers, officials said."];
        let f = findings_of(Rule::NumberMismatch, src, "The valley, officials said, is home to more than two million farmers.");
        assert_eq!(f.len(), 1, "{f:?}");
        for ok in ["The valley is home to 1.5 million farmers.", "The valley is home to over a million farmers.", "The valley is home to more than 1.2 million farmers."] {
            assert!(findings_of(Rule::NumberMismatch, src, ok).is_empty(), "{ok}");
        }
        // An understatement in the draft is not a contradiction.
        let src = &["The valley is home to three million farmers."];
        assert!(findings_of(Rule::NumberMismatch, src, "The valley is home to more than a million farmers.").is_empty());
    }

    #[test]
    fn lengths_glued_to_a_noun_are_counts_of_that_noun() {
        let src = &["The envoy proposed a 30-day truce and a 12-member monitoring panel."];
        let f = findings_of(Rule::NumberMismatch, src, "The envoy proposed a 60-day truce.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("30-day truce"), "{}", f[0].message);
        assert!(findings_of(Rule::NumberMismatch, src, "The envoy proposed a 30-day truce.").is_empty());
        // A length of another thing, or a plain length of time, is not the truce's.
        assert!(findings_of(Rule::NumberMismatch, src, "The envoy proposed a 60-day review of the truce.").is_empty());
        assert!(findings_of(Rule::NumberMismatch, src, "The envoy waited 60 days for the truce.").is_empty());
        assert!(findings_of(Rule::NumberMismatch, src, "The envoy proposed a 15-member monitoring panel.").len() == 1);
    }

    #[test]
    fn one_event_under_another_verb() {
        // Nothing but the verb ties these sentences to one event: "swap" is "exchange".
        let src = &["The only deal reached was to exchange 1,000 detainees."];
        let f = findings_of(Rule::NumberMismatch, src, "Both capitals will swap 800 detainees.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(findings_of(Rule::NumberMismatch, src, "Both capitals swapped 1,000 detainees.").is_empty());
        // Detainees counted for another reason are not the exchanged ones.
        assert!(findings_of(Rule::NumberMismatch, src, "Both capitals hold 800 detainees.").is_empty());
    }

    #[test]
    fn counts_of_other_days_and_other_events_are_not_compared() {
        let src = &[
            "The harbour office said 31 trawlers were waiting on Monday.",
            "The harbour office said on Wednesday that 41 trawlers were waiting.",
            "By Thursday the flood had destroyed 37 homes.",
            "The great flood of 1953 destroyed 14 homes in the valley.",
        ];
        let f = findings_of(Rule::NumberMismatch, src, "The harbour office said 41 trawlers were waiting on Monday.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("31 trawlers") && !f[0].message.contains("41 trawlers were"), "{}", f[0].message);
        assert!(findings_of(Rule::NumberMismatch, src, "The harbour office said 41 trawlers were waiting on Wednesday.").is_empty());
        let f = findings_of(Rule::NumberMismatch, src, "By Thursday the flood had destroyed 47 homes in the valley.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("37 homes") && !f[0].message.contains("14"), "{}", f[0].message);
        assert_eq!(f[0].evidence.len(), 1);
        // The old flood's toll, given with its year, is checked against that year's.
        assert!(findings_of(Rule::NumberMismatch, src, "The 1953 flood destroyed 14 homes in the valley.").is_empty());
    }

    #[test]
    fn the_whole_a_part_is_taken_from_is_not_evidence() {
        let src = &[
            "The mill says the plan would cut 1,200 of its 3,600 jobs.",
            "The plan would cut 1,200 jobs at the mill.",
            "The mill offered to limit the cuts to 700 jobs.",
        ];
        let f = findings_of(Rule::NumberMismatch, src, "The mill's plan would cut 1,500 jobs.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "the sources say 1,200 jobs, not 1,500 jobs");
        assert!(findings_of(Rule::NumberMismatch, src, "The mill has 3,600 jobs, and the plan would cut 1,200 jobs.").is_empty());
    }

    #[test]
    fn figures_of_other_subjects_are_not_compared() {
        let src = &[
            "Lemmon Films sold 30,000 tickets over the weekend.",
            "The Harwell plant will cut 240 jobs, the company said.",
            "Net profit at Osterby rose to 1.60 euros a share.",
        ];
        // Another studio's takings, another plant's cuts.
        assert!(findings_of(Rule::NumberMismatch, src, "Gable Pictures sold 28,000 tickets over the weekend.").is_empty());
        assert_eq!(findings_of(Rule::NumberMismatch, src, "Lemmon Films sold 28,000 tickets over the weekend.").len(), 1);
        assert!(findings_of(Rule::NumberMismatch, src, "The Tilbury plant will cut 300 jobs, the company said.").is_empty());
        assert_eq!(findings_of(Rule::NumberMismatch, src, "The Harwell plant will cut 300 jobs, the company said.").len(), 1);
        // A figure far from the source's is of something else; one a slip away is not.
        assert!(findings_of(Rule::NumberMismatch, src, "The Harwell plant will cut 2,900 jobs, the company said.").is_empty());
        assert_eq!(findings_of(Rule::NumberMismatch, src, "The Harwell plant will cut 2,400 jobs, the company said.").len(), 1);
    }

    #[test]
    fn sums_of_money_only_for_the_same_thing() {
        let src = &["The donors pledged $4bn in aid for the region on Monday.", "The port sold a $2bn bond on Monday."];
        assert_eq!(findings_of(Rule::NumberMismatch, src, "The donors pledged $6bn in aid for the region.").len(), 1);
        assert!(findings_of(Rule::NumberMismatch, src, "The donors pledged $6bn for the region.").is_empty());
        assert!(findings_of(Rule::NumberMismatch, src, "On Monday the donors spent $3bn on the region.").is_empty());
    }

    #[test]
    fn figures_that_round_to_each_other_agree() {
        let src = &["The merger is a deal worth $6.75bn, bankers said.", "The new mast stands 85 metres tall, the council said."];
        assert!(findings_of(Rule::NumberMismatch, src, "Bankers said the merger is a deal worth $6.8bn.").is_empty());
        assert_eq!(findings_of(Rule::NumberMismatch, src, "Bankers said the merger is a deal worth $7.8bn.").len(), 1);
        assert!(findings_of(Rule::NumberMismatch, src, "The council said the new mast stands 84.9 metres tall.").is_empty());
        assert_eq!(findings_of(Rule::NumberMismatch, src, "The council said the new mast stands 75 metres tall.").len(), 1);
    }

    #[test]
    fn a_source_figure_the_draft_gives_beside_its_own() {
        let src = &["Sterling rose to 1.60 dollars on Wednesday, dealers said."];
        assert!(findings_of(Rule::NumberMismatch, src, "Dealers said sterling rose to 1.60 dollars on Wednesday from 1.53 dollars.").is_empty());
    }

    #[test]
    fn messages_quote_counts_mid_sentence() {
        let src = &["About 850 firefighters are on the lines, crews said."];
        let f = findings_of(Rule::NumberMismatch, src, "Crews said more than 1,000 firefighters are on the lines.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "the sources say about 850 firefighters, not more than 1,000 firefighters");
    }

    #[test]
    fn ordinals_are_only_information() {
        let src = &["The second round of talks will be held next month."];
        let f = findings_of(Rule::NumberMismatch, src, "The first round of talks will be held next month.");
        assert!(f.iter().all(|f| f.severity == Severity::Information), "{f:?}");
    }
}
