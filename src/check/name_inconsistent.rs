//! name-inconsistent: the draft spells one person two ways.

use super::Context;
use crate::extract::names::{NameKind, NameMention};
use crate::facts::PersonId;
use crate::finding::{Finding, Rule};
// Every name of the draft goes through these maps on every check: FxHash (see `check::memo`).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Who a draft name stands for: the corpus person it resolves to, or else the draft's own
/// first mention of the same person (its index in the draft's names).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Who {
    Person(PersonId),
    Mention(usize),
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut first_spelling: HashMap<Who, (String, usize)> = HashMap::default();
    // One finding per second spelling, not one per use of it.
    let mut reported: HashSet<(Who, String)> = HashSet::default();
    let respells = respelled_mentions(&cx.draft.names, &cx.persons);
    let mut out = Vec::new();
    for (i, n) in cx.draft.names.iter().enumerate() {
        let Some((who, resolved)) = who(cx, &respells, i) else { continue };
        let surname = n.last().to_string();
        match first_spelling.get(&who) {
            None => {
                first_spelling.insert(who, (surname, i));
            }
            Some((first, _)) if first.eq_ignore_ascii_case(&surname) => {}
            Some((first, _)) => {
                // Only spellings of the same word: a first name alone ("Alma") is not a respelling.
                if !respelling(cx, who, resolved, first, &surname) || !reported.insert((who, surname.to_lowercase())) {
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
                first_spelling.insert(who, (first, i));
            }
        }
    }
    out
}

/// Two surnames of one person that are spellings of one word: variants the corpus would merge,
/// two spellings the corpus itself gives the person, or a name the corpus does not know one
/// letter away from an earlier mention of the person (`resolved` is false then).
fn respelling(cx: &Context, who: Who, resolved: bool, a: &str, b: &str) -> bool {
    if crate::facts::people_spelling_variants(a, b) {
        return true;
    }
    if !crate::facts::people_one_edit_apart(a, b) {
        return false;
    }
    match who {
        Who::Person(p) if resolved => cx.fb.people.get(p).is_some_and(|person| {
            let spellings = person.surname_spellings();
            [a, b].iter().all(|s| spellings.iter().any(|k| k.eq_ignore_ascii_case(s)))
        }),
        _ => true,
    }
}

/// Who draft name `i` stands for, and whether the corpus resolved it. A name the corpus does
/// not know is the person of an earlier draft mention with the same full first name, or the
/// same office, and a surname one letter away ("Sheriff Rosalind Ykema" ... "Sheriff Ikema").
/// `respells` is `respelled_mentions`.
fn who(cx: &Context, respells: &[Option<usize>], i: usize) -> Option<(Who, bool)> {
    if let Some(p) = cx.persons.get(i).copied().flatten() {
        return Some((Who::Person(p), true));
    }
    let n = &cx.draft.names[i];
    if n.kind == NameKind::Thing || n.words.len() > 3 {
        return None;
    }
    Some(match respells.get(i).copied().flatten() {
        Some(k) => (cx.persons.get(k).copied().flatten().map_or(Who::Mention(respells[k].unwrap_or(k)), Who::Person), false),
        None => (Who::Mention(i), false),
    })
}

/// For each draft name the corpus does not resolve, the first earlier one it respells
/// (`same_person_respelled`). Earlier names are looked up by first name and by office, the
/// only ways two can be one person, so that a draft of many names is not a comparison of
/// every pair.
fn respelled_mentions(names: &[NameMention], persons: &[Option<PersonId>]) -> Vec<Option<usize>> {
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_office: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut out = Vec::with_capacity(names.len());
    for (i, later) in names.iter().enumerate() {
        let same_first = by_first.get(later.words.first().map_or("", String::as_str)).into_iter().flatten();
        let same_office = later.title.as_ref().and_then(|t| by_office.get(t.role.head.as_str())).into_iter().flatten();
        let resolved = persons.get(i).copied().flatten().is_some();
        out.push(if resolved { None } else { same_first.chain(same_office).copied().filter(|&k| same_person_respelled(&names[k], later)).min() });
        if later.kind == NameKind::Thing || later.words.len() < 2 {
            continue;
        }
        if later.words[0].chars().count() >= 3 {
            by_first.entry(later.words[0].as_str()).or_default().push(i);
        }
        if let Some(t) = later.title.as_ref().filter(|t| t.role.is_office()) {
            by_office.entry(t.role.head.as_str()).or_default().push(i);
        }
    }
    out
}

fn same_person_respelled(earlier: &NameMention, later: &NameMention) -> bool {
    if earlier.kind == NameKind::Thing || earlier.words.len() < 2 {
        return false;
    }
    // Places and bodies in the draft can be a letter apart too; one of the two must be a person.
    let a_person = earlier.kind == NameKind::Person || later.kind == NameKind::Person;
    let same_first = || later.words.len() >= 2 && later.words[0] == earlier.words[0] && earlier.words[0].chars().count() >= 3;
    let same_office = || match (&earlier.title, &later.title) {
        (Some(x), Some(y)) => x.role.is_office() && x.role.compatible(&y.role),
        _ => false,
    };
    // Every unresolved name is set against every earlier one: the edit distance, dearest, last.
    a_person && (same_first() || same_office()) && crate::facts::people_one_edit_apart(earlier.last(), later.last())
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
        let twice = findings_of(Rule::NameInconsistent, SRC, "Olek Kovalenko spoke. Kovalenkko left. Kovalenkko came back.");
        assert_eq!(twice.len(), 1);
    }

    #[test]
    fn a_respelling_in_another_initial() {
        let src = &["Sheriff Rosalind Ykema ordered the evacuation.", "Sheriff Rosalind Ikema said deputies were ready."];
        let f = findings_of(Rule::NameInconsistent, src, "Sheriff Rosalind Ykema ordered it. Later Sheriff Ikema said deputies were ready.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("“Ykema” earlier, “Ikema” here"), "{}", f[0].message);
        assert!(findings_of(Rule::NameInconsistent, src, "Sheriff Rosalind Ikema ordered it. Later Sheriff Ikema said so.").is_empty());
    }

    #[test]
    fn a_respelling_of_someone_the_sources_do_not_name() {
        let f = findings_of(Rule::NameInconsistent, SRC, "Jorun Halvorsen said the pier would reopen. Later Jorun Halvorssen left.");
        assert_eq!(f.len(), 1, "{f:?}");
        let f = findings_of(Rule::NameInconsistent, SRC, "Judge Mila Rautio spoke. Judge Rautjo left.");
        assert_eq!(f.len(), 1, "{f:?}");
        // Two people whose names are one letter apart, with nothing else in common.
        assert!(findings_of(Rule::NameInconsistent, SRC, "Jorun Jansen spoke. Later Marit Hansen left.").is_empty());
        assert!(findings_of(Rule::NameInconsistent, SRC, "Judge Mila Rautio spoke. Mayor Rautjo left.").is_empty());
        assert!(findings_of(Rule::NameInconsistent, SRC, "Crews reached Larch Hollow. Larch Hallow was empty.").is_empty());
    }
}
