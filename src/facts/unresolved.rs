//! A source document's facts between the two passes of `FactBase::build`: everything but the
//! people, whose names stay spellings until the whole corpus has been read. Far smaller than the
//! document's `Analysis`, so a large corpus never holds all its analyses at once.

use super::{quote_words, Analysis, DocFacts, PersonId, People, QuoteWords, SourceQuote, Sourced};
use crate::extract::delegations::Membership;
use crate::extract::names::NameKind;
use crate::extract::roles::{name_words, Role};
use crate::text::Span;
use std::collections::HashMap;

/// Every distinct name spelling of the corpus (words joined by spaces), numbered.
#[derive(Default)]
pub struct Spellings {
    ids: HashMap<Box<str>, u32>,
}

impl Spellings {
    /// The number of a spelling; `None` for no words at all, which name nobody.
    fn id<S: AsRef<str>>(&mut self, words: &[S]) -> Option<u32> {
        if words.is_empty() {
            return None;
        }
        let joined = words.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(" ");
        let next = self.ids.len() as u32;
        Some(*self.ids.entry(joined.into_boxed_str()).or_insert(next))
    }

    /// The person each spelling refers to, by number. Resolving depends on the words alone, so
    /// each spelling is resolved once however often the corpus uses it.
    pub fn resolve_all(self, people: &People) -> Vec<Option<PersonId>> {
        let mut out = vec![None; self.ids.len()];
        for (spelling, id) in self.ids {
            let words: Vec<&str> = spelling.split(' ').collect();
            out[id as usize] = people.resolve(&words);
        }
        out
    }
}

/// A name that may be a person's.
struct Name {
    spelling: u32,
    span: Span,
    /// The title given with the name, with where.
    title: Option<Box<Sourced<Role>>>,
}

pub struct Unresolved {
    facts: DocFacts,
    names: Vec<Name>,
    /// (side, index into `names`, role, sentence index)
    delegations: Vec<(String, usize, Membership, usize)>,
    /// The spelling of each quote's speaker (parallel to `facts.quotes`).
    speakers: Vec<Option<u32>>,
}

impl Unresolved {
    pub fn new(doc: usize, a: Analysis, spellings: &mut Spellings) -> Unresolved {
        let sentences: Vec<Span> = a.seg.sentences.iter().map(|s| s.span).collect();
        // Things never resolve to a person; neither do the delegations they head.
        let mut kept_as: Vec<Option<usize>> = Vec::with_capacity(a.names.len());
        let mut names = Vec::new();
        for n in &a.names {
            let spelling = if n.kind == NameKind::Thing { None } else { spellings.id(&n.words) };
            kept_as.push(spelling.map(|_| names.len()));
            if let Some(spelling) = spelling {
                let title = n.title.as_ref().map(|t| {
                    let sentence = sentences.get(n.sentence).copied().unwrap_or(n.span);
                    Box::new(Sourced { fact: t.role.clone(), doc, sentence })
                });
                names.push(Name { spelling, span: n.span, title });
            }
        }
        let delegations = a
            .delegations
            .into_iter()
            .filter_map(|d| {
                let name = (*kept_as.get(d.name)?)?;
                Some((d.side, name, d.role, a.names[d.name].sentence))
            })
            .collect();
        let speakers = a
            .quotes
            .iter()
            .map(|q| {
                let s = q.speaker.as_ref().filter(|s| !s.anonymous)?;
                spellings.id(&name_words(s.name.as_deref().unwrap_or(&s.text)))
            })
            .collect();
        let quotes = a.quotes.into_iter().map(|q| SourceQuote { words: QuoteWords::new(&quote_words(&q.text)), quote: q, speaker: None }).collect();
        let local_zone = crate::extract::places::local_zone_of(&a.places);
        let facts = DocFacts { sentences, places: a.places, times: a.times, counts: a.counts, quotes, delegations: Vec::new(), mentions: Vec::new(), local_zone };
        Unresolved { facts, names, delegations, speakers }
    }

    /// The document's facts with people in place of spellings; titles go to the people.
    pub fn resolve(self, person_of: &[Option<PersonId>], people: &mut People) -> DocFacts {
        let Unresolved { mut facts, names, delegations, speakers } = self;
        let person = |spelling: u32| person_of.get(spelling as usize).copied().flatten();
        let mut person_of_name = Vec::with_capacity(names.len());
        for n in names {
            let p = person(n.spelling);
            if let Some(p) = p {
                facts.mentions.push((p, n.span));
                if let Some(title) = n.title {
                    people.add_role(p, *title);
                }
            }
            person_of_name.push(p);
        }
        facts.delegations = delegations.into_iter().filter_map(|(side, name, role, sentence)| Some((side, person_of_name[name]?, role, sentence))).collect();
        for (q, spelling) in facts.quotes.iter_mut().zip(speakers) {
            q.speaker = spelling.and_then(person);
        }
        facts.shrink_to_fit();
        facts
    }
}
