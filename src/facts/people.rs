//! People learned from the corpus: every spelling the corpus uses for one person, their titles.

use super::{Analysis, Sourced};
use crate::extract::names::NameKind;
use crate::extract::roles::Role;
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub type PersonId = u32;

#[derive(Debug, Clone, Default)]
pub struct Person {
    /// The fullest spelling seen most often.
    pub name: String,
    /// Every full spelling the corpus uses ("Volodymyr Zelensky", "Volodymyr Zelenskiy").
    pub spellings: BTreeSet<String>,
    /// Titles given to the person, with their sources.
    pub roles: Vec<Sourced<Role>>,
    /// Something in the corpus marks this as a person (a title, a speech verb, a quote).
    pub confirmed: bool,
    mentions: usize,
}

impl Person {
    /// Every word used in any spelling of the name ("Zelensky", "Zelenskiy", "Volodymyr").
    pub fn words(&self) -> BTreeSet<&str> {
        self.spellings.iter().flat_map(|s| s.split(' ')).collect()
    }
    pub fn surname_spellings(&self) -> BTreeSet<&str> {
        self.spellings.iter().filter_map(|s| s.rsplit(' ').next()).collect()
    }
}

#[derive(Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    by_full: HashMap<String, PersonId>,
    by_last: HashMap<String, Vec<PersonId>>,
}

fn key(words: &[String]) -> String {
    words.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" ")
}

/// Two spellings of one surname: a letter or two apart, same first letter ("Zelensky"/"Zelenskiy").
pub fn spelling_variants(a: &str, b: &str) -> bool {
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if la == lb || la.chars().next() != lb.chars().next() {
        return la == lb;
    }
    let n = la.chars().count().min(lb.chars().count());
    let d = strsim::damerau_levenshtein(&la, &lb);
    n >= 5 && d <= if n >= 8 { 2 } else { 1 }
}

impl People {
    /// Pass 1: collect full names (two words or more) that are not things.
    pub fn learn(&mut self, _doc: usize, a: &Analysis) {
        let add = |words: &[String], confirmed: bool, this: &mut People| {
            if words.len() < 2 {
                return;
            }
            let k = key(words);
            let id = match this.by_full.get(&k) {
                Some(&id) => id,
                None => {
                    let id = this.persons.len() as PersonId;
                    this.persons.push(Person { name: words.join(" "), ..Default::default() });
                    this.by_full.insert(k, id);
                    id
                }
            };
            let p = &mut this.persons[id as usize];
            p.spellings.insert(words.join(" "));
            p.confirmed |= confirmed;
            p.mentions += 1;
        };
        for n in &a.names {
            if n.kind != NameKind::Thing {
                add(&n.words, n.kind == NameKind::Person, self);
            }
        }
        for q in &a.quotes {
            if let Some(name) = q.speaker.as_ref().and_then(|s| s.name.clone()) {
                let words: Vec<String> = name.split_whitespace().map(|w| crate::extract::roles::strip_possessive(w).0.to_string()).collect();
                add(&words, true, self);
            }
        }
    }

    /// Fold spellings of one person together: same first name, near-identical surname.
    pub fn merge_variants(&mut self) {
        let n = self.persons.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        // Variants share first name, length and the surname's first letter: bucket by those so
        // the pairwise comparison stays small on large corpora.
        let mut groups: BTreeMap<(String, usize, Option<char>), Vec<usize>> = BTreeMap::new();
        for (i, p) in self.persons.iter().enumerate() {
            let words: Vec<&str> = p.name.split(' ').collect();
            let initial = words.last().and_then(|w| w.chars().next()).map(|c| c.to_lowercase().next().unwrap_or(c));
            groups.entry((words[0].to_lowercase(), words.len(), initial)).or_default().push(i);
        }
        for ids in groups.values() {
            for (x, &i) in ids.iter().enumerate() {
                for &j in &ids[x + 1..] {
                    let a = self.persons[i].name.rsplit(' ').next().unwrap_or("");
                    let b = self.persons[j].name.rsplit(' ').next().unwrap_or("");
                    if spelling_variants(a, b) {
                        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                        parent[rj] = ri;
                    }
                }
            }
        }
        // Rebuild: one Person per group; the most mentioned spelling names it.
        let mut new_id: HashMap<usize, PersonId> = HashMap::new();
        let mut merged: Vec<Person> = Vec::new();
        let old = std::mem::take(&mut self.persons);
        let mut remap = vec![0 as PersonId; n];
        for (i, p) in old.into_iter().enumerate() {
            let root = find(&mut parent, i);
            let id = *new_id.entry(root).or_insert_with(|| {
                merged.push(Person::default());
                (merged.len() - 1) as PersonId
            });
            remap[i] = id;
            let m = &mut merged[id as usize];
            if p.mentions > m.mentions || m.name.is_empty() {
                m.name = p.name.clone();
            }
            m.mentions += p.mentions;
            m.confirmed |= p.confirmed;
            m.spellings.extend(p.spellings);
        }
        self.persons = merged;
        for v in self.by_full.values_mut() {
            *v = remap[*v as usize];
        }
        self.by_last.clear();
        for (id, p) in self.persons.iter().enumerate() {
            for s in &p.spellings {
                let last = s.rsplit(' ').next().unwrap_or("").to_lowercase();
                let e = self.by_last.entry(last).or_default();
                if !e.contains(&(id as PersonId)) {
                    e.push(id as PersonId);
                }
            }
        }
    }

    /// The person a name refers to: a full spelling, or a surname (with or without first name)
    /// that only one person has.
    pub fn resolve(&self, words: &[String]) -> Option<PersonId> {
        if words.is_empty() {
            return None;
        }
        if let Some(&id) = self.by_full.get(&key(words)) {
            return Some(id);
        }
        let last = words.last()?.to_lowercase();
        let cands = self.by_last.get(&last)?;
        let cands: Vec<PersonId> = if words.len() >= 2 {
            let first = words[0].to_lowercase();
            cands.iter().copied().filter(|&c| self.persons[c as usize].spellings.iter().any(|s| s.split(' ').next().is_some_and(|f| f.to_lowercase() == first))).collect()
        } else {
            cands.clone()
        };
        if cands.len() == 1 {
            Some(cands[0])
        } else {
            None
        }
    }

    pub fn add_role(&mut self, p: PersonId, role: Sourced<Role>) {
        if let Some(person) = self.persons.get_mut(p as usize) {
            person.confirmed = true;
            person.roles.push(role);
        }
    }

    pub fn get(&self, p: PersonId) -> Option<&Person> {
        self.persons.get(p as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_are_variants_but_different_names_are_not() {
        assert!(spelling_variants("Zelensky", "Zelenskiy"));
        assert!(spelling_variants("Brekke", "Brekka"));
        assert!(!spelling_variants("Hansen", "Jansen"));
        assert!(!spelling_variants("Lind", "Lund"));
    }
}
