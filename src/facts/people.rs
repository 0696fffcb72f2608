//! People learned from the corpus: every spelling the corpus uses for one person, their titles.

use super::{Analysis, Sourced};
use crate::extract::names::NameKind;
use crate::extract::roles::Role;
use std::collections::{BTreeSet, HashMap};

pub type PersonId = u32;

#[derive(Debug, Clone, Default)]
pub struct Person {
    /// The fullest spelling seen most often.
    pub name: String,
    /// Every full spelling the corpus uses ("Olek Kovalenko", "Olek Kovalenkko"), sorted, no
    /// repeats. Most people have one: a Vec is a tenth of a BTreeSet's size for that.
    pub spellings: Vec<String>,
    /// Titles given to the person, with their sources.
    pub roles: Vec<Sourced<Role>>,
    /// Something in the corpus marks this as a person (a title, a speech verb, a quote).
    pub confirmed: bool,
    mentions: usize,
}

impl Person {
    /// Every word used in any spelling of the name ("Kovalenko", "Kovalenkko", "Olek").
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
    /// Offices the corpus gives each spelling before spellings are merged (see `merge_variants`).
    offices: HashMap<PersonId, Vec<String>>,
}

fn key<S: AsRef<str>>(words: &[S]) -> String {
    // Called for every name in a draft on every check: one buffer, not a string per word.
    let mut key = String::with_capacity(words.iter().map(|w| w.as_ref().len() + 1).sum());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        let word = word.as_ref();
        if word.is_ascii() {
            key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            // Whole-word lowering: a final sigma lowers differently from one inside a word.
            key.push_str(&word.to_lowercase());
        }
    }
    key
}

/// Two spellings of one name: one edit apart ("Tchaikovsky"/"Tchaikovskiy", "Chatzidakis"/"Hatzidakis").
/// Two edits apart are different people as often as not ("Lazaridis"/"Lazarakis").
pub fn spelling_variants(a: &str, b: &str) -> bool {
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if la == lb {
        return true;
    }
    let n = la.chars().count().min(lb.chars().count());
    let d = strsim::damerau_levenshtein(&la, &lb);
    let same_initial = la.chars().next() == lb.chars().next();
    n >= 5 && d <= 1 && (same_initial || n >= 7)
}

/// Two spellings of a surname one edit apart, even in the first letter ("Ykema"/"Ikema"), and
/// long enough. Different people as often as not, unless something else ties them.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    // Lower-casing keeps a word's length in most scripts; the few it changes are compared in full.
    if a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    la != lb && la.chars().count().min(lb.chars().count()) >= 5 && strsim::damerau_levenshtein(&la, &lb) <= 1
}

/// The word with each one letter left out: two words one edit apart share one of these keys.
fn deletion_keys(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.to_lowercase().chars().collect();
    let mut keys = vec![chars.iter().collect::<String>()];
    for i in 0..chars.len() {
        keys.push(chars.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, c)| c).collect());
    }
    keys
}

/// The lower-case surname with its particles, when a name ends in one ("Joris van Oosten",
/// "Ursula von der Leyen"): what the person is called by surname alone ("Van Oosten said").
fn particle_surname<S: AsRef<str>>(words: &[S]) -> Option<String> {
    let n = words.len();
    // The particles start after the given names; each is written lower case inside the name.
    let first_particle = (1..n.saturating_sub(1)).find(|&k| crate::knowledge::is_name_particle(words[k].as_ref()))?;
    (first_particle..n - 1).all(|k| crate::knowledge::is_name_particle(words[k].as_ref())).then(|| key(&words[first_particle..]))
}

/// A surname alone with its particles, capitalised as at a sentence's start ("Van Oosten",
/// "De la Cruz"): the lower-case key it shares with the full name, or None for anything else.
fn surname_with_particles<S: AsRef<str>>(words: &[S]) -> Option<String> {
    let n = words.len();
    let particle = |w: &str| crate::knowledge::is_name_particle(&w.to_lowercase());
    (n >= 2 && (0..n - 1).all(|k| particle(words[k].as_ref())) && !particle(words[n - 1].as_ref())).then(|| key(words))
}

/// First names of one person: equal, a spelling variant ("Dimitris"/"Dimitrios"), or an initial.
fn first_names_agree(a: &str, b: &str) -> bool {
    let (x, y) = (a.trim_end_matches('.').to_lowercase(), b.trim_end_matches('.').to_lowercase());
    x == y
        || (x.chars().count() == 1 && y.starts_with(&x))
        || (y.chars().count() == 1 && x.starts_with(&y))
        || (x.chars().count().min(y.chars().count()) >= 4 && strsim::damerau_levenshtein(&x, &y) <= 1)
}

impl People {
    /// Pass 1: collect full names (two words or more) that are not things.
    pub fn learn(&mut self, _doc: usize, a: &Analysis) {
        let add = |words: &[String], confirmed: bool, office: Option<&str>, this: &mut People| {
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
            let spelling = words.join(" ");
            if let Err(at) = p.spellings.binary_search(&spelling) {
                p.spellings.insert(at, spelling);
            }
            p.confirmed |= confirmed;
            p.mentions += 1;
            if let Some(office) = office {
                let offices = this.offices.entry(id).or_default();
                if !offices.iter().any(|o| o == office) {
                    offices.push(office.to_string());
                }
            }
        };
        for n in &a.names {
            // "Latin American", "South African": peoples, not persons.
            let demonym = n.words.last().is_some_and(|w| crate::knowledge::country_by_word(w).is_some());
            if n.kind != NameKind::Thing && !demonym {
                let office = n.title.as_ref().filter(|t| t.role.is_office()).map(|t| t.role.head.as_str());
                add(&n.words, n.kind == NameKind::Person, office, self);
            }
        }
        for q in &a.quotes {
            if let Some(name) = q.speaker.as_ref().and_then(|s| s.name.clone()) {
                let words: Vec<String> = crate::extract::roles::name_words(&name);
                // "Latin American" is a people, not a person a quote can be pinned on.
                if words.last().is_some_and(|w| crate::knowledge::country_by_word(w).is_some()) {
                    continue;
                }
                add(&words, true, None, self);
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
        // Candidate pairs share a surname deletion key (one edit apart) or the same first name;
        // both indexes keep the comparison near-linear on large corpora.
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in self.persons.iter().enumerate() {
            let words: Vec<&str> = p.name.split(' ').collect();
            let surname = words.last().copied().unwrap_or("");
            if surname.chars().count() >= 5 {
                for k in deletion_keys(surname) {
                    by_key.entry(format!("{}|{k}", words.len())).or_default().push(i);
                }
            }
            by_key.entry(format!("{}#{}", words.len(), words[0].to_lowercase())).or_default().push(i);
        }
        for ids in by_key.values() {
            if ids.len() > 200 {
                continue;
            }
            for (x, &i) in ids.iter().enumerate() {
                for &j in &ids[x + 1..] {
                    if i == j {
                        continue;
                    }
                    let a: Vec<&str> = self.persons[i].name.split(' ').collect();
                    let b: Vec<&str> = self.persons[j].name.split(' ').collect();
                    let same_rest = a.len() == b.len() && a[..a.len() - 1].iter().zip(&b[..b.len() - 1]).all(|(x, y)| first_names_agree(x, y));
                    // "Sheriff Rosalind Ykema" and "Sheriff Rosalind Ikema": the same full first
                    // name and the same office make one person of surnames that differ in the initial.
                    let same_first = a.len() == b.len() && a[..a.len() - 1] == b[..b.len() - 1] && a[0].chars().count() >= 3;
                    let same_office = || {
                        let (oi, oj) = (self.offices.get(&(i as PersonId)), self.offices.get(&(j as PersonId)));
                        oi.zip(oj).is_some_and(|(x, y)| x.iter().any(|o| y.contains(o)))
                    };
                    let (sa, sb) = (a[a.len() - 1], b[b.len() - 1]);
                    if same_rest && (spelling_variants(sa, sb) || (same_first && one_edit_apart(sa, sb) && same_office())) {
                        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                        if ri != rj {
                            parent[rj] = ri;
                        }
                    }
                }
            }
        }
        // "Van Oosten" is the surname of the corpus's one Joris van Oosten, not a man called Van.
        let mut by_particle_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in self.persons.iter().enumerate() {
            if let Some(k) = particle_surname(&p.name.split(' ').collect::<Vec<_>>()) {
                by_particle_surname.entry(k).or_default().push(i);
            }
        }
        for i in 0..n {
            let Some(k) = surname_with_particles(&self.persons[i].name.split(' ').collect::<Vec<_>>()) else { continue };
            let Some(full) = by_particle_surname.get(&k) else { continue };
            let mut roots: Vec<usize> = full.iter().map(|&j| find(&mut parent, j)).collect();
            roots.sort_unstable();
            roots.dedup();
            // Two people with that surname leave the bare surname unplaced.
            if let [root] = roots[..] {
                let ri = find(&mut parent, i);
                if ri != root {
                    parent[ri] = root;
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
            // A full name, however rare, names the person before a bare "Van Oosten".
            let bare = |name: &str| surname_with_particles(&name.split(' ').collect::<Vec<_>>()).is_some();
            let (p_bare, m_bare) = (bare(&p.name), bare(&m.name));
            if m.name.is_empty() || (m_bare && !p_bare) || (p_bare == m_bare && p.mentions > m.mentions) {
                m.name = p.name.clone();
            }
            m.mentions += p.mentions;
            m.confirmed |= p.confirmed;
            m.spellings.extend(p.spellings);
            m.spellings.sort_unstable();
            m.spellings.dedup();
        }
        for p in &mut merged {
            p.spellings.shrink_to_fit();
        }
        self.offices = HashMap::new();
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
    pub fn resolve<S: AsRef<str>>(&self, words: &[S]) -> Option<PersonId> {
        if words.is_empty() {
            return None;
        }
        if let Some(&id) = self.by_full.get(&key(words)) {
            return Some(id);
        }
        // "Rapper Kanye West": a descriptor the title list lacks, before a known full name.
        if words.len() >= 3 {
            if let Some(&id) = self.by_full.get(&key(&words[words.len() - 2..])) {
                return Some(id);
            }
        }
        let last = words.last()?.as_ref().to_lowercase();
        let cands = self.by_last.get(&last)?;
        let cands: Vec<PersonId> = if let Some(surname) = surname_with_particles(words) {
            // "Van Oosten": whoever's full name ends in "van Oosten".
            cands.iter().copied().filter(|&c| self.persons[c as usize].spellings.iter().any(|s| particle_surname(&s.split(' ').collect::<Vec<_>>()).as_ref() == Some(&surname))).collect()
        } else if words.len() >= 2 {
            let first = words[0].as_ref().to_lowercase();
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
        assert!(spelling_variants("Tchaikovsky", "Tchaikovskiy"));
        assert!(spelling_variants("Brekke", "Brekka"));
        assert!(!spelling_variants("Hansen", "Jansen"));
        assert!(spelling_variants("Chatzidakis", "Hatzidakis"));
        assert!(!spelling_variants("Lazaridis", "Lazarakis"));
        assert!(!spelling_variants("Lind", "Lund"));
    }
}

#[cfg(test)]
mod merge_tests {
    use crate::corpus::SourceDoc;
    use crate::facts::FactBase;

    #[test]
    fn transliterated_full_names_are_one_person() {
        let docs = vec![
            SourceDoc::from_text("/a.txt", "Union president Dimitris Hatzidakis said no."),
            SourceDoc::from_text("/b.txt", "Union president Dimitrios Chatzidakis said no again."),
            SourceDoc::from_text("/c.txt", "Spokesman Nikos Lazarakis and secretary Nikos Lazaridis spoke."),
        ];
        let fb = FactBase::build(docs);
        let h = fb.people.resolve(&["Hatzidakis".to_string()]).unwrap();
        assert_eq!(fb.people.resolve(&["Chatzidakis".to_string()]), Some(h));
        assert_ne!(fb.people.resolve(&["Lazarakis".to_string()]), fb.people.resolve(&["Lazaridis".to_string()]));
    }

    #[test]
    fn one_office_joins_surnames_that_differ_in_the_first_letter() {
        let docs = vec![
            SourceDoc::from_text("/a.txt", "Sheriff Rosalind Ykema ordered the evacuation."),
            SourceDoc::from_text("/b.txt", "Sheriff Rosalind Ikema said deputies were ready."),
            SourceDoc::from_text("/c.txt", "Judge Ana Ikema and Mayor Ana Ykema met."),
        ];
        let fb = FactBase::build(docs);
        let who = |w: &[&str]| fb.people.resolve(&w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(who(&["Rosalind", "Ykema"]), who(&["Rosalind", "Ikema"]));
        assert!(who(&["Rosalind", "Ykema"]).is_some());
        // Without a shared office they stay two people.
        assert_ne!(who(&["Ana", "Ykema"]), who(&["Ana", "Ikema"]));
    }

    fn resolve(fb: &FactBase, name: &str) -> Option<u32> {
        fb.people.resolve(&name.split(' ').collect::<Vec<_>>())
    }

    #[test]
    fn a_surname_with_its_particle_opening_a_sentence_is_the_full_name() {
        let docs = vec![
            SourceDoc::from_text("/a.txt", "The case was led by prosecutor Maren van Dellen. Van Dellen said she was pleased."),
            SourceDoc::from_text("/b.txt", "Judge Ilse de la Mora spoke first. De la Mora said the hearing was over."),
        ];
        let fb = FactBase::build(docs);
        let maren = resolve(&fb, "Maren van Dellen").unwrap();
        assert_eq!(resolve(&fb, "Van Dellen"), Some(maren));
        assert_eq!(resolve(&fb, "van Dellen"), Some(maren));
        assert_eq!(fb.people.get(maren).unwrap().name, "Maren van Dellen");
        let ilse = resolve(&fb, "Ilse de la Mora").unwrap();
        assert_eq!(resolve(&fb, "De la Mora"), Some(ilse));
        assert_ne!(maren, ilse);
    }

    #[test]
    fn a_surname_with_a_particle_two_people_share_names_neither() {
        let docs = vec![
            SourceDoc::from_text("/a.txt", "Prosecutor Maren van Dellen and lawyer Otto van Dellen met. Van Dellen said the hearing was over."),
            SourceDoc::from_text("/b.txt", "Singer Van Dellen performed on Friday."),
        ];
        let fb = FactBase::build(docs);
        let (maren, otto) = (resolve(&fb, "Maren van Dellen").unwrap(), resolve(&fb, "Otto van Dellen").unwrap());
        assert_ne!(maren, otto);
        let bare = resolve(&fb, "Van Dellen");
        assert!(bare != Some(maren) && bare != Some(otto), "{bare:?}");
    }
}

#[cfg(test)]
mod particle_tests {
    use super::*;

    #[test]
    fn particles_mark_the_surname() {
        assert_eq!(particle_surname(&["Maren", "van", "Dellen"]), Some("van dellen".to_string()));
        assert_eq!(particle_surname(&["Ilse", "de", "la", "Mora"]), Some("de la mora".to_string()));
        assert_eq!(particle_surname(&["Maren", "Dellen"]), None);
        assert_eq!(particle_surname(&["Van", "Dellen"]), None);
        assert_eq!(surname_with_particles(&["Van", "Dellen"]), Some("van dellen".to_string()));
        assert_eq!(surname_with_particles(&["De", "la", "Mora"]), Some("de la mora".to_string()));
        assert_eq!(surname_with_particles(&["Maren", "Dellen"]), None);
        assert_eq!(surname_with_particles(&["Dellen"]), None);
    }
}
