//! Delegations: who led or was in which side's team.

use crate::extract::names::{NameKind, NameMention};
use crate::knowledge::country_by_word;
use crate::text::{tokenize, Segmented, Span, Token, TokenKind};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Membership {
    Head,
    Member,
}

#[derive(Debug, Clone, Serialize)]
pub struct DelegationFact {
    /// The side, as a country name ("Ukraine").
    pub side: String,
    /// Index into the sentence's name mentions given to `find_delegations`.
    pub name: usize,
    pub role: Membership,
    /// The words that say so ("Ukraine's delegation was headed by").
    pub cue: Span,
}

fn is_delegation_noun(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "delegation" | "delegations" | "team" | "side" | "negotiators" | "delegates" | "negotiating")
}

fn is_head_verb(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "led" | "leads" | "lead" | "leading" | "headed" | "heads" | "heading")
}

fn is_head_noun(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "head" | "leader" | "chief")
}

struct Ctx<'a> {
    toks: Vec<Token>,
    src: &'a str,
    /// (first token, last token) of each name mention.
    names: Vec<(usize, usize, NameKind)>,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.text(self.src)).unwrap_or("")
    }
    /// The country a token names, also as the first of two words ("United States").
    fn side_at(&self, i: usize) -> Option<(String, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Word || !t.is_capitalized(self.src) {
            return None;
        }
        if let Some(n) = self.toks.get(i + 1) {
            let two = format!("{} {}", self.word(i), n.text(self.src));
            if let Some(c) = country_by_word(&two) {
                return Some((c.name.to_string(), i + 1));
            }
        }
        country_by_word(self.word(i)).map(|c| (c.name.to_string(), i))
    }
    fn name_starting_after(&self, from: usize, within: usize) -> Option<usize> {
        self.names.iter().position(|&(s, _, k)| s >= from && s <= from + within && k != NameKind::Thing)
    }
    fn name_ending_before(&self, at: usize, within: usize) -> Option<usize> {
        self.names.iter().rposition(|&(_, e, k)| e < at && e + within >= at && k != NameKind::Thing)
    }
    /// Side named just before a delegation noun, else the nearest earlier side word in the sentence.
    fn side_of_ref(&self, r: usize) -> Option<String> {
        let lo = r.saturating_sub(3);
        for i in (lo..r).rev() {
            if let Some((side, _)) = self.side_at(i) {
                return Some(side);
            }
        }
        if let Some(org) = self.org_before(r) {
            return Some(org);
        }
        (0..r).rev().find_map(|i| self.side_at(i).map(|x| x.0))
    }
    /// A non-country side right before a delegation noun: "the union's delegation",
    /// "the Harbour Workers' Union delegation", "ACT's team".
    fn org_before(&self, r: usize) -> Option<String> {
        let mut k = r;
        let mut words = Vec::new();
        while k > 0 {
            let t = &self.toks[k - 1];
            let w = t.text(self.src);
            if t.kind != TokenKind::Word {
                break;
            }
            let (stem, poss) = crate::extract::roles::strip_possessive(w);
            if t.is_capitalized(self.src) && !matches!(stem, "The" | "A" | "An") {
                words.push(stem.to_string());
                k -= 1;
                continue;
            }
            if words.is_empty() && poss && stem.chars().all(char::is_lowercase) && !matches!(stem, "its" | "their" | "his" | "her") {
                // "the union's delegation": a common noun side, only with "the".
                if k >= 2 && self.word(k - 2).eq_ignore_ascii_case("the") {
                    words.push(stem.to_string());
                }
            }
            break;
        }
        if words.is_empty() {
            return None;
        }
        words.reverse();
        Some(org_side(&words))
    }
    /// The subject at the start of the sentence when it names a side ("Aegean Ports sent …").
    fn subject_side(&self, before: usize) -> Option<String> {
        if let Some(s) = (0..before.min(4)).find_map(|i| self.side_at(i).map(|x| x.0)) {
            return Some(s);
        }
        let mut words = Vec::new();
        for i in 0..before {
            let t = &self.toks[i];
            let w = t.text(self.src);
            if i == 0 && w.eq_ignore_ascii_case("the") {
                continue;
            }
            if t.kind == TokenKind::Word && t.is_capitalized(self.src) {
                words.push(crate::extract::roles::strip_possessive(w).0.to_string());
            } else {
                break;
            }
        }
        (!words.is_empty()).then(|| org_side(&words))
    }
}

/// An organisation as a side: "org:" + its words, lower case.
fn org_side(words: &[String]) -> String {
    format!("org:{}", words.join(" ").to_lowercase())
}

/// Do two side names mean the same side? Countries must be equal; organisations also match by
/// initials ("ACT" = "Aegean Container Terminals") or by their last word ("the union" = "the
/// Harbour Workers' Union").
pub fn same_side(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (Some(x), Some(y)) = (a.strip_prefix("org:"), b.strip_prefix("org:")) else { return false };
    let initials = |s: &str| s.split_whitespace().filter_map(|w| w.chars().next()).collect::<String>();
    let last = |s: &str| s.rsplit(' ').next().unwrap_or("").trim_end_matches(['\'', '’']).to_string();
    let one_word = |s: &str| !s.contains(' ');
    (one_word(x) && x.len() >= 2 && initials(y) == x)
        || (one_word(y) && y.len() >= 2 && initials(x) == y)
        || ((one_word(x) || one_word(y)) && last(x) == last(y))
}

/// How a side is shown to people.
pub fn side_label(side: &str) -> String {
    match side.strip_prefix("org:") {
        Some(org) => format!("the {org}"),
        None => side.to_string(),
    }
}

/// Delegation facts in one sentence, given its name mentions.
pub fn find_delegations(seg: &Segmented, sentence: usize, names: &[NameMention]) -> Vec<DelegationFact> {
    let Some(s) = seg.sentences.get(sentence) else { return Vec::new() };
    let src = seg.masked.as_str();
    let toks = tokenize(src, s.span);
    // Tokens are in order and do not overlap: binary searches, so that a sentence of many names
    // (a long table is one sentence) is not names × tokens.
    let tok_of = |pos: usize| toks.partition_point(|t| t.span.start < pos);
    let tok_end = |pos: usize| toks.partition_point(|t| t.span.end <= pos).saturating_sub(1);
    let name_toks: Vec<(usize, usize, NameKind)> = names.iter().map(|n| (tok_of(n.span.start), tok_end(n.span.end), n.kind)).collect();
    let cx = Ctx { toks, src, names: name_toks };
    let mut out: Vec<DelegationFact> = Vec::new();
    let mut push = |side: String, name: usize, role: Membership, a: usize, b: usize, cx: &Ctx| {
        if out.iter().any(|f| f.name == name && f.side == side) {
            return;
        }
        let (lo, hi) = (a.min(b), a.max(b).min(cx.toks.len().saturating_sub(1)));
        let cue = Span::new(cx.toks[lo].span.start, cx.toks[hi].span.end);
        out.push(DelegationFact { side, name, role, cue });
    };
    let n = cx.toks.len();
    for r in 0..n {
        let w = cx.word(r);
        if is_delegation_noun(w) {
            let Some(side) = cx.side_of_ref(r) else { continue };
            // A: "<side> delegation (was|will be) led by NAME"
            for v in r + 1..(r + 5).min(n) {
                if is_head_verb(cx.word(v)) && cx.word(v + 1) == "by" {
                    if let Some(ni) = cx.name_starting_after(v + 2, 6) {
                        push(side.clone(), ni, Membership::Head, r, v + 1, &cx);
                    }
                }
            }
            // C: "the head of <side>'s delegation, NAME" / "NAME, the head of the <side> delegation"
            let lo = r.saturating_sub(5);
            if let Some(h) = (lo..r).rev().find(|&i| is_head_noun(cx.word(i)) && cx.word(i + 1) == "of") {
                let after = if cx.word(r + 1) == "," { cx.name_starting_after(r + 2, 0) } else { None };
                let before = {
                    let mut k = h;
                    while k > 0 && matches!(cx.word(k - 1).to_lowercase().as_str(), "the" | "a" | "an" | ",") {
                        k -= 1;
                    }
                    if k < h && cx.word(k) == "," { cx.name_ending_before(k, 1) } else { None }
                };
                if let Some(ni) = after.or(before) {
                    push(side.clone(), ni, Membership::Head, h, r, &cx);
                }
            }
        }
        // B: "NAME (, who)? led the <side> delegation"
        if is_head_verb(w) && cx.word(r + 1) != "by" {
            let target = (r + 1..(r + 5).min(n)).find(|&i| is_delegation_noun(cx.word(i)));
            if let Some(t) = target {
                let side_between = (r + 1..t).find_map(|i| cx.side_at(i).map(|x| x.0));
                if let (Some(side), Some(ni)) = (side_between, cx.name_ending_before(r, 3)) {
                    push(side, ni, Membership::Head, r, t, &cx);
                }
            }
        }
        // D: "<side>'s team … included NAME and NAME" / "<side> is sending …, including NAME"
        let lw = w.to_lowercase();
        if lw.starts_with("includ") || lw == "comprising" {
            let last_ref = (0..r).rev().find(|&i| is_delegation_noun(cx.word(i)));
            let has_ref = last_ref.is_some() || (0..r).any(|i| matches!(cx.word(i), "sending" | "sent" | "send"));
            let side = last_ref.and_then(|i| cx.side_of_ref(i)).or_else(|| (0..r).find_map(|i| cx.side_at(i).map(|x| x.0)));
            if let (true, Some(side)) = (has_ref, side) {
                for (ni, &(s0, _, k)) in cx.names.iter().enumerate() {
                    if s0 > r && k != NameKind::Thing {
                        push(side.clone(), ni, Membership::Member, r, r, &cx);
                    }
                }
            }
        }
        // F: "<side> was represented by NAME, NAME and NAME" / G: "<side> sent NAME and NAME"
        let represented = lw == "represented" && cx.word(r + 1) == "by";
        let sent = lw == "sent" && r <= 4 && cx.name_starting_after(r + 1, 4).is_some() && !(r + 1..(r + 5).min(n)).any(|i| is_delegation_noun(cx.word(i)));
        if represented || sent {
            if let Some(side) = cx.subject_side(r) {
                let from = if represented { r + 2 } else { r + 1 };
                let mut next = from;
                while let Some(ni) = cx.name_starting_after(next, 6) {
                    push(side.clone(), ni, Membership::Member, r, r, &cx);
                    // Always move forward, whatever the name's token bounds.
                    next = (cx.names[ni].1 + 1).max(cx.names[ni].0 + 1).max(next + 1);
                    // A list goes on only through commas and "and".
                    let gap: Vec<&str> = (next..cx.names.get(ni + 1).map_or(next, |n| n.0)).map(|i| cx.word(i)).collect();
                    if gap.iter().any(|w| matches!(*w, "." | ";" | "who" | "which" | "while" | "but")) {
                        break;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::names::find_names;
    use crate::text::TextKind;
    use std::collections::HashSet;

    fn facts(text: &str) -> Vec<(String, String, Membership)> {
        let seg = Segmented::new(text, TextKind::Plain);
        let lex = HashSet::new();
        let mut out = Vec::new();
        for i in 0..seg.sentences.len() {
            let names = find_names(&seg, i, &lex);
            for f in find_delegations(&seg, i, &names) {
                out.push((f.side, names[f.name].text(), f.role));
            }
        }
        out
    }

    #[test]
    fn passive_active_and_apposition() {
        assert_eq!(facts("Norway's delegation was headed by Trade Minister Alma Brekke."), vec![("Norway".into(), "Alma Brekke".into(), Membership::Head)]);
        assert_eq!(facts("Tomas Ruud, who led the Swedish side, said little."), vec![("Sweden".into(), "Tomas Ruud".into(), Membership::Head)]);
        assert_eq!(facts("Tomas Ruud, the head of the Swedish delegation, left early."), vec![("Sweden".into(), "Tomas Ruud".into(), Membership::Head)]);
        assert_eq!(facts("The head of Sweden's delegation, Tomas Ruud, left early."), vec![("Sweden".into(), "Tomas Ruud".into(), Membership::Head)]);
    }

    #[test]
    fn members_and_representation() {
        let f = facts("Sweden's team included Tomas Ruud and Ella Lind.");
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|x| x.0 == "Sweden" && x.2 == Membership::Member));
        assert_eq!(facts("Norway was represented by Alma Brekke."), vec![("Norway".into(), "Alma Brekke".into(), Membership::Member)]);
    }

    #[test]
    fn side_from_earlier_in_clause() {
        assert_eq!(facts("Norway sent a team led by Alma Brekke."), vec![("Norway".into(), "Alma Brekke".into(), Membership::Head)]);
    }
}

#[cfg(test)]
mod org_tests {
    use super::*;

    #[test]
    fn organisations_match_by_initials_or_head_word() {
        assert!(same_side("org:act", "org:aegean container terminals"));
        assert!(same_side("org:union", "org:harbour workers' union"));
        assert!(!same_side("org:union", "org:aegean container terminals"));
        assert!(!same_side("Norway", "Sweden"));
    }
}
