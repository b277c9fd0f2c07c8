//! The word lists of the parties stage, parsed once into lookup tables.
//!
//! # Algorithm
//!
//! Entry point: [`gazetteer`], the shared tables, built on first use from the data files:
//! `countries.txt`, `organizations.txt` and `places.txt` (names, with `|`-separated columns of
//! forms), `titles.txt`, `group_nouns.txt` (`word | class | sort`), the one-word-a-line lists
//! (given names, head words, common and function words) and `party_words.txt`, the small
//! closed lists in the `label: words` format of [`crate::extract::lexicon::labelled`], read
//! into [`Lists`] (a label that names no [`List`] fails the tests). Multi-word entries are
//! keyed the way the text is read: each entry is run through the segmenter and its token texts
//! are joined by single spaces in lower case, so "St. John's" in a data file and "St. John's"
//! in an article give the same key. Acronyms ("UN", "U.S.", "WHO") are kept apart and match
//! only with their exact capitals, so "us" or "who" in running text never become the United
//! States or the World Health Organization. Every word's facts are folded into one table keyed
//! by the word's hash, so the scan probes it once per token.
//!
//! # Known failure cases
//!
//! * The first entry to claim a key keeps it: a name shared by a country and a place or an
//!   organisation is always the country ("Georgia" the state of the US is the country).
//! * Only the first 254 collective nouns (in key order) fit the one-byte index of
//!   [`WordInfo::group`]; any beyond would be silently ignored (there are 74 today).
//! * A misspelt sort in `group_nouns.txt` would read as `group`; the tests check the file.

use crate::extract::lexicon::{data_file, entries, hash_bytes, labelled};
pub use crate::extract::lexicon::{hash_str, Fx};
use crate::extract::segment::{segment, Document, TokenKind};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A `HashMap` with the [`Fx`] hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
/// A `HashSet` with the [`Fx`] hasher.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fx>>;

/// The hash of one word's lookup key (lower case, straight apostrophes). Distinct keys of
/// the word lists collide with probability about 2^-64 per lookup, which is ignored.
pub fn key_hash(word: &str) -> u64 {
    // Short ASCII words, most of any text, are lower-cased on the stack and hashed as bytes.
    let mut buf = [0u8; 48];
    if word.len() <= buf.len() && word.is_ascii() {
        for (b, c) in buf.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        return hash_bytes(&buf[..word.len()]);
    }
    with_key(word, hash_str)
}

/// Calls `f` with the lookup key of one word (lower case, straight apostrophes), built on
/// the stack for short ASCII words so the hot path does not allocate.
pub fn with_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if word.len() <= buf.len() && word.is_ascii() {
        for (b, c) in buf.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        if let Ok(key) = std::str::from_utf8(&buf[..word.len()]) {
            return f(key);
        }
    }
    let mut key = String::with_capacity(word.len());
    push_key(&mut key, word);
    f(&key)
}

/// How a gazetteer name refers to its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The canonical name ("Ukraine", "United Nations").
    Name,
    /// Another name or acronym ("UN", "Türkiye").
    Alias,
    /// A capital or seat of government standing for its state ("Kyiv", "the Kremlin").
    Capital,
    /// An adjective or demonym ("Ukrainian", "Ukrainians").
    Adjective,
}

/// What a gazetteer name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Index into [`Gazetteer::countries`].
    Country(usize),
    /// Index into [`Gazetteer::orgs`].
    Org(usize),
    /// Index into [`Gazetteer::places`].
    Place(usize),
}

/// A gazetteer hit: the entry and the form of the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// What is named.
    pub entry: Entry,
    /// How it is named.
    pub form: Form,
}

/// How a collective noun relates to whoever is named before it (see `data/group_nouns.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// Speaks or acts for the country or body before it ("Chilean officials").
    State,
    /// One unnamed person with a role ("a Chilean spokesman").
    Person,
    /// A collective of its own ("analysts", "Tamil rebels").
    Group,
}

/// A collective noun's class (synonyms share one) and sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupNoun {
    /// The class that merges synonyms ("rebels" for separatists and insurgents too).
    pub class: &'static str,
    /// How it relates to a name before it.
    pub sort: Sort,
}

/// What the word lists say about one word, looked up once per token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// A collective noun: 1 + its index in the gazetteer's list, or 0 (see
    /// [`Gazetteer::group_noun`]). Kept to one byte so the per-token table stays small.
    pub group: u8,
    /// The first word of some title ("foreign" of "foreign minister").
    pub title_start: bool,
    /// The first word of some gazetteer name.
    pub name_start: bool,
    /// A common given name.
    pub first_name: bool,
    /// A capitalised word that is never a name (Monday).
    pub not_name: bool,
    /// A function word or an ordinary word never in a person's name.
    pub common: bool,
    /// A function word.
    pub function: bool,
}

/// All word lists of the parties stage.
pub struct Gazetteer {
    /// Canonical country names.
    pub countries: Vec<&'static str>,
    /// Every name of each country, with its form.
    country_forms: Vec<Vec<(&'static str, Form)>>,
    /// Canonical organisation names.
    pub orgs: Vec<&'static str>,
    /// Canonical place names.
    pub places: Vec<&'static str>,
    names: FastMap<String, Hit>,
    acronyms: FastMap<String, Hit>,
    name_prefixes: FastSet<String>,
    titles: FastMap<String, bool>,
    title_prefixes: FastSet<String>,
    first_names: FastSet<String>,
    org_heads: FastSet<&'static str>,
    place_heads: FastSet<&'static str>,
    groups: FastMap<String, GroupNoun>,
    not_names: FastSet<String>,
    function_words: FastSet<String>,
    common_words: FastSet<&'static str>,
    misc_heads: FastSet<&'static str>,
    /// Keyed by the [`key_hash`] of the word: one probe of a `u64` per token.
    words: FastMap<u64, WordInfo>,
    group_list: Vec<GroupNoun>,
    /// The small closed word lists (`data/party_words.txt`).
    pub lists: Lists,
    /// See [`Gazetteer::name_endings`].
    name_endings: Vec<String>,
}

/// The shared tables, built on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::build)
}

/// Lower case with curly apostrophes made straight, appended to `out`.
pub fn push_key(out: &mut String, word: &str) {
    for c in word.chars() {
        match c {
            '’' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The lookup key of a phrase: its tokens, lower case, joined by single spaces.
pub fn phrase_key(phrase: &str) -> String {
    let doc = segment(phrase);
    let mut key = String::new();
    for i in 0..doc.tokens.len() {
        if i > 0 {
            key.push(' ');
        }
        push_key(&mut key, doc.word(i));
    }
    key
}

/// Whether a name is an acronym: two or more letters, all upper case ("UN", "U.S.", "G7").
pub fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !name.chars().any(char::is_lowercase) && !name.contains(' ')
}

impl Gazetteer {
    /// Parses every word list. Countries come first, so that a name shared with a place or
    /// an organisation is the country's (the first entry to claim a key keeps it).
    fn build() -> Gazetteer {
        let mut g = Gazetteer::empty();
        g.add_countries(data_file!("../data/countries.txt"));
        g.add_orgs(data_file!("../data/organizations.txt"));
        for name in entries(data_file!("../data/places.txt")) {
            let entry = Entry::Place(g.places.len());
            g.places.push(name);
            g.add(name, Hit { entry, form: Form::Name });
        }
        g.add_titles(data_file!("../data/titles.txt"));
        g.add_group_nouns(data_file!("../data/group_nouns.txt"));
        g.index_words();
        g
    }

    /// The tables of the one-column word lists, and empty tables for the rest.
    fn empty() -> Gazetteer {
        let lists = Lists::parse(data_file!("../data/party_words.txt"));
        debug_assert!(lists.unknown.is_empty(), "unknown labels in party_words.txt: {:?}", lists.unknown);
        let name_endings = name_endings(&lists);
        Gazetteer {
            countries: Vec::new(),
            country_forms: Vec::new(),
            orgs: Vec::new(),
            places: Vec::new(),
            names: FastMap::default(),
            acronyms: FastMap::default(),
            name_prefixes: FastSet::default(),
            titles: FastMap::default(),
            title_prefixes: FastSet::default(),
            first_names: entries(data_file!("../data/first_names.txt")).map(str::to_lowercase).collect(),
            org_heads: entries(data_file!("../data/org_heads.txt")).collect(),
            place_heads: entries(data_file!("../data/place_heads.txt")).collect(),
            groups: FastMap::default(),
            not_names: entries(data_file!("../data/not_names.txt")).map(phrase_key).collect(),
            function_words: entries(data_file!("../data/sentence_openers.txt"))
                .chain(entries(data_file!("../data/function_words.txt")))
                .map(str::to_lowercase)
                .collect(),
            common_words: entries(data_file!("../data/common_words.txt")).collect(),
            misc_heads: entries(data_file!("../data/misc_heads.txt")).collect(),
            words: FastMap::default(),
            group_list: Vec::new(),
            lists,
            name_endings,
        }
    }

    /// `countries.txt`: `Name | aliases | adjectives and demonyms | capitals and seats`, each
    /// column a comma-separated list.
    fn add_countries(&mut self, data: &'static str) {
        // GUIDE P7: "Kurdish leaders" are a group, not the territory's officials.
        let peoples = self.lists.words(List::StatelessPeople).to_vec();
        for line in entries(data) {
            let mut cols = line.split('|');
            let name = cols.next().unwrap_or("").trim();
            let entry = Entry::Country(self.countries.len());
            self.countries.push(name);
            self.add(name, Hit { entry, form: Form::Name });
            let mut forms = vec![(name, Form::Name)];
            for (col, form) in cols.zip([Form::Alias, Form::Adjective, Form::Capital]) {
                let stateless = |n: &str| form == Form::Adjective && peoples.contains(&n);
                for n in col.split(',').map(str::trim).filter(|n| !n.is_empty() && !stateless(n)) {
                    self.add(n, Hit { entry, form });
                    forms.push((n, form));
                }
            }
            self.country_forms.push(forms);
        }
    }

    /// `organizations.txt`: `Name | aliases`, the aliases comma-separated.
    fn add_orgs(&mut self, data: &'static str) {
        for line in entries(data) {
            let mut cols = line.split('|');
            let name = cols.next().unwrap_or("").trim();
            let entry = Entry::Org(self.orgs.len());
            self.orgs.push(name);
            self.add(name, Hit { entry, form: Form::Name });
            for n in cols.flat_map(|c| c.split(',')).map(str::trim).filter(|n| !n.is_empty()) {
                self.add(n, Hit { entry, form: Form::Alias });
            }
        }
    }

    /// `titles.txt`: one title a line, `~` before an honorific ("~Mr.").
    fn add_titles(&mut self, data: &'static str) {
        for line in entries(data) {
            let (honorific, title) = match line.strip_prefix('~') {
                Some(t) => (true, t),
                None => (false, line),
            };
            // Words split at spaces: "rep." stays one word, as "Rep." is one token in the text.
            let key = title.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            add_prefixes(&mut self.title_prefixes, &key);
            self.titles.entry(key).or_insert(honorific);
        }
    }

    /// `group_nouns.txt`: `noun | class | sort`.
    fn add_group_nouns(&mut self, data: &'static str) {
        for line in entries(data) {
            let mut cols = line.split('|').map(str::trim);
            let (Some(word), Some(class), Some(sort)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let sort = match sort {
                "state" => Sort::State,
                "person" => Sort::Person,
                _ => Sort::Group,
            };
            self.groups.insert(phrase_key(word), GroupNoun { class, sort });
        }
    }

    /// Builds the one-lookup-per-token table from the other tables.
    fn index_words(&mut self) {
        let mut words: FastMap<String, WordInfo> = FastMap::default();
        let first = |k: &str| k.split(' ').next().unwrap_or("").to_owned();
        for k in &self.title_prefixes {
            words.entry(first(k)).or_default().title_start = true;
        }
        for k in &self.name_prefixes {
            words.entry(first(k)).or_default().name_start = true;
        }
        for k in &self.first_names {
            words.entry(k.clone()).or_default().first_name = true;
        }
        for k in self.not_names.iter().filter(|k| !k.contains(' ')) {
            words.entry(k.clone()).or_default().not_name = true;
        }
        for k in &self.common_words {
            words.entry((*k).to_owned()).or_default().common = true;
        }
        for k in &self.function_words {
            let w = words.entry(k.clone()).or_default();
            w.common = true;
            w.function = true;
        }
        let mut list: Vec<(&String, &GroupNoun)> = self.groups.iter().collect();
        list.sort_by(|a, b| a.0.cmp(b.0));
        for (k, g) in list.into_iter().take(254) {
            self.group_list.push(*g);
            words.entry(k.clone()).or_default().group = self.group_list.len() as u8;
        }
        self.words = words.into_iter().map(|(k, v)| (hash_str(&k), v)).collect();
    }

    /// The collective noun a [`WordInfo`] points at, if any.
    pub fn group_noun(&self, info: WordInfo) -> Option<GroupNoun> {
        usize::from(info.group).checked_sub(1).and_then(|i| self.group_list.get(i)).copied()
    }

    /// Everything the word lists say about one word (any case).
    pub fn info(&self, word: &str) -> WordInfo {
        self.info_by_hash(key_hash(word))
    }

    /// [`Gazetteer::info`] for a word whose [`key_hash`] is known.
    pub fn info_by_hash(&self, hash: u64) -> WordInfo {
        self.words.get(&hash).copied().unwrap_or_default()
    }

    /// Adds one name; the first entry to claim a key keeps it (countries before places).
    fn add(&mut self, name: &str, hit: Hit) {
        if is_acronym(name) {
            let key: String =
                segment(name).tokens.iter().map(|t| t.span().text(name)).collect::<Vec<_>>().join(" ");
            add_prefixes(&mut self.name_prefixes, &phrase_key(name));
            self.acronyms.entry(key).or_insert(hit);
            return;
        }
        let key = phrase_key(name);
        let key = key.strip_prefix("the ").map(str::to_owned).unwrap_or(key);
        add_prefixes(&mut self.name_prefixes, &key);
        self.names.entry(key).or_insert(hit);
    }

    /// Every name of country `i` with its form ("Norway", "Norwegian", "Oslo").
    pub fn forms_of(&self, i: usize) -> &[(&'static str, Form)] {
        self.country_forms.get(i).map_or(&[], Vec::as_slice)
    }

    /// The longest gazetteer name starting at token `i` and ending before `end`: the hit and
    /// the index just past it. Every word of a match must be capitalised (or a lower-case
    /// connector such as "of"), so "china" in "fine china" is no country.
    pub fn longest(&self, doc: &Document<'_>, i: usize, end: usize, shouted: bool) -> Option<(Hit, usize)> {
        if !doc.is_capitalized(i) && doc.tokens.get(i).is_none_or(|t| t.kind != TokenKind::Number) {
            return None;
        }
        if !with_key(doc.word(i), |k| self.name_prefixes.contains(k)) {
            return None;
        }
        let mut key = String::new();
        let mut exact = String::new();
        let mut best = None;
        let mut j = i;
        while j < end {
            let w = doc.word(j);
            if j > i {
                if !(doc.is_capitalized(j) || is_connector(w) || doc.tokens[j].kind != TokenKind::Word) {
                    break;
                }
                key.push(' ');
                exact.push(' ');
            }
            push_key(&mut key, w);
            exact.push_str(w);
            if !self.name_prefixes.contains(&key) {
                break;
            }
            j += 1;
            if let Some(hit) = self.names.get(&key) {
                best = Some((*hit, j));
            } else if let Some(hit) = self.acronyms.get(&exact) {
                // In a shouted headline "WHO" or "US" may be plain words.
                if !(shouted && self.function_words.contains(&key)) {
                    best = Some((*hit, j));
                }
            }
        }
        // A name never ends on a connector ("Bank of").
        best.filter(|&(_, j)| !is_connector(doc.word(j - 1)))
    }

    /// The longest title starting at token `i`: index just past it and whether it is a mere
    /// honorific (Mr., Dr.) rather than a role.
    pub fn title(&self, doc: &Document<'_>, i: usize, end: usize) -> Option<(usize, bool)> {
        if i >= end
            || doc.tokens[i].kind != TokenKind::Word
            || !with_key(doc.word(i), |k| self.title_prefixes.contains(k))
        {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        let mut j = i;
        while j < end {
            if j > i {
                key.push(' ');
            }
            push_key(&mut key, doc.word(j));
            if !self.title_prefixes.contains(&key) {
                break;
            }
            j += 1;
            if let Some(&honorific) = self.titles.get(&key) {
                best = Some((j, honorific));
            }
        }
        best
    }

    /// Whether `word` (any case) is a common given name.
    pub fn is_first_name(&self, word: &str) -> bool {
        with_key(word, |k| self.first_names.contains(k))
    }

    /// Whether `word` ends organisation names (Ministry, Bank, Corp.).
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(word)
    }

    /// Whether `word` ends place names (Palace, Province, River).
    pub fn is_place_head(&self, word: &str) -> bool {
        self.place_heads.contains(word)
    }

    /// Whether `word` (any case) is an ordinary word never found in a person's name
    /// ("Human", "Daily", "Gold").
    pub fn is_common_word(&self, word: &str) -> bool {
        if word.len() > 20 {
            return false;
        }
        with_key(word, |k| self.common_words.contains(k) || self.function_words.contains(k))
    }

    /// Whether `word` (any case) is a function word or sentence opener ("the", "which").
    pub fn is_function_word(&self, word: &str) -> bool {
        word.len() <= 20 && with_key(word, |k| self.function_words.contains(k))
    }

    /// The endings dropped from an organisation's lookup key when names are compared (" inc.",
    /// " gmbh", " group"), from `name_ending` in `data/party_words.txt`.
    pub fn name_endings(&self) -> &[String] {
        &self.name_endings
    }

    /// Whether `word` ends names of events, laws and things (Day, War, Cup, Treaty).
    pub fn is_misc_head(&self, word: &str) -> bool {
        self.misc_heads.contains(word)
    }
}

/// Lower-case words that may sit inside a multi-word name ("Bank of England",
/// "Bosnia and Herzegovina", "Rio de Janeiro").
pub fn is_connector(word: &str) -> bool {
    is_in(List::Connector, word)
}

/// The small closed word lists of `data/party_words.txt`, one per label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    /// Words between a title or adjective and a name ("senior").
    Modifier,
    /// Words opening a title given in apposition ("former").
    TitleModifier,
    /// Articles before a title given in apposition.
    Article,
    /// Words that make the next capitalised word a place ("in").
    PlacePreposition,
    /// Nouns before "in" that take a company ("stake").
    HoldingNoun,
    /// Verbs that make the word before them a speaker ("said").
    SpeechVerb,
    /// Legal forms of companies, without a final dot ("Inc", "GmbH").
    LegalForm,
    /// Endings dropped from an organisation's lower-case key when names are compared ("inc.").
    NameEnding,
    /// Capitalised compass words opening a region's name ("East").
    Compass,
    /// Compass adjectives that stay outside a country's name ("eastern").
    RegionWord,
    /// Words opening place names ("Fort").
    PlacePrefix,
    /// Endings of hyphenated modifiers ("-based").
    CompoundSuffix,
    /// Articles, pronouns, prepositions and conjunctions, in lower case.
    ClosedClass,
    /// Endings of adjectives of a people or creed ("-ish").
    AdjectiveSuffix,
    /// Endings of a lone word that is no company's name.
    NotBodySuffix,
    /// Endings of the plural of a people's name ("-ans").
    PluralPeopleSuffix,
    /// Endings of a Russian patronymic ("-ovich").
    PatronymicSuffix,
    /// Particles inside a person's name ("de", "bin").
    Particle,
    /// Lower-case words and marks inside a multi-word name ("of", "&").
    Connector,
    /// Words joining two capitalised parts of a name after a head word ("of", "and").
    RunLink,
    /// Words after a head word opening the rest of its name ("of", "for").
    HeadLink,
    /// Last words of a title a capitalised portfolio may precede ("minister").
    PortfolioHead,
    /// Names of countries and places that are also given names ("Jordan", "Florence").
    GivenNamePlace,
    /// Nouns and prefixes naming a ship before its name ("carrier", "USS").
    Vessel,
    /// Lower-case geographic nouns after a name that make it a place ("the Volta basin").
    GeoNoun,
    /// Plural names of party members and other political camps ("Democrats").
    PartyMember,
    /// Nouns before a company's or outlet's name in apposition ("the retailer Zentrix").
    CompanyNoun,
    /// Nouns of settlements before "of" and a place's name ("the town of Vardby").
    SettlementNoun,
    /// Demonyms of a people without a state, which name no country ("Kurdish").
    StatelessPeople,
    /// Nouns of a news outlet right after its name ("the Vessa Post newspaper").
    OutletNoun,
    /// Months and days of the week, which open no name ("the August Harbour Board index").
    Calendar,
}

impl List {
    /// Every list, with its label in the data file.
    pub const ALL: [(List, &'static str); 31] = [
        (List::Modifier, "modifier"),
        (List::TitleModifier, "title_modifier"),
        (List::Article, "article"),
        (List::PlacePreposition, "place_preposition"),
        (List::HoldingNoun, "holding_noun"),
        (List::SpeechVerb, "speech_verb"),
        (List::LegalForm, "legal_form"),
        (List::NameEnding, "name_ending"),
        (List::Compass, "compass"),
        (List::RegionWord, "region_word"),
        (List::PlacePrefix, "place_prefix"),
        (List::CompoundSuffix, "compound_suffix"),
        (List::ClosedClass, "closed_class"),
        (List::AdjectiveSuffix, "adjective_suffix"),
        (List::NotBodySuffix, "not_body_suffix"),
        (List::PluralPeopleSuffix, "plural_people_suffix"),
        (List::PatronymicSuffix, "patronymic_suffix"),
        (List::Particle, "particle"),
        (List::Connector, "connector"),
        (List::RunLink, "run_link"),
        (List::HeadLink, "head_link"),
        (List::PortfolioHead, "portfolio_head"),
        (List::GivenNamePlace, "given_name_place"),
        (List::Vessel, "vessel"),
        (List::GeoNoun, "geo_noun"),
        (List::PartyMember, "party_member"),
        (List::CompanyNoun, "company_noun"),
        (List::SettlementNoun, "settlement_noun"),
        (List::StatelessPeople, "stateless_people"),
        (List::OutletNoun, "outlet_noun"),
        (List::Calendar, "calendar"),
    ];
}

/// The lists of a `label: word word …` file such as `data/party_words.txt`, parsed.
pub struct Lists {
    /// The words of each list, in file order, indexed by `List as usize`.
    words: Vec<Vec<&'static str>>,
    /// The same words as sets, for membership tests.
    sets: Vec<FastSet<&'static str>>,
    /// Labels of the file that name no [`List`] (a typo): the tests require none.
    pub unknown: Vec<&'static str>,
}

impl Lists {
    /// Parses a `label: word word …` file; unknown labels are kept in [`Lists::unknown`].
    pub fn parse(data: &'static str) -> Lists {
        let mut words = vec![Vec::new(); List::ALL.len()];
        let mut unknown = Vec::new();
        for (label, list) in labelled(data) {
            match List::ALL.iter().find(|(_, l)| *l == label) {
                Some(&(which, _)) => words[which as usize].extend(list),
                None => unknown.push(label),
            }
        }
        let sets = words.iter().map(|w| w.iter().copied().collect()).collect();
        Lists { words, sets, unknown }
    }

    /// Whether `word`, as written, is in `list`.
    pub fn has(&self, list: List, word: &str) -> bool {
        self.sets[list as usize].contains(word)
    }

    /// The words of `list`, in file order.
    pub fn words(&self, list: List) -> &[&'static str] {
        &self.words[list as usize]
    }

    /// Whether `word` ends with one of the endings in `list`.
    pub fn ends_any(&self, list: List, word: &str) -> bool {
        self.words(list).iter().any(|s| word.ends_with(s))
    }
}

/// Whether `word`, as written, is in the party word list `list`.
pub fn is_in(list: List, word: &str) -> bool {
    gazetteer().lists.has(list, word)
}

/// The endings dropped from an organisation's lookup key when names are compared, each with
/// its leading space (" inc.", " inc", " group" ...).
fn name_endings(lists: &Lists) -> Vec<String> {
    lists.words(List::NameEnding).iter().map(|w| format!(" {w}")).collect()
}

/// Adds every word-boundary prefix of `key` to `set` ("bank", "bank of", "bank of chile").
fn add_prefixes(set: &mut FastSet<String>, key: &str) {
    for (i, c) in key.char_indices() {
        if c == ' ' {
            set.insert(key[..i].to_owned());
        }
    }
    set.insert(key.to_owned());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row: a text, and the canonical name and form found at its first token.
    struct Case {
        text: &'static str,
        want: Option<(&'static str, Form)>,
    }

    fn name_of(g: &Gazetteer, e: Entry) -> &'static str {
        match e {
            Entry::Country(i) => g.countries[i],
            Entry::Org(i) => g.orgs[i],
            Entry::Place(i) => g.places[i],
        }
    }

    #[test]
    fn lookups() {
        let g = gazetteer();
        let cases = [
            Case { text: "Kyiv said", want: Some(("Ukraine", Form::Capital)) },
            Case { text: "Norwegian envoys", want: Some(("Norway", Form::Adjective)) },
            Case { text: "U.N. agencies", want: Some(("United Nations", Form::Alias)) },
            Case { text: "UN agencies", want: Some(("United Nations", Form::Alias)) },
            Case {
                text: "United Nations Security Council met",
                want: Some(("United Nations Security Council", Form::Name)),
            },
            Case { text: "White House aides", want: Some(("United States", Form::Capital)) },
            Case { text: "Bosnia and Herzegovina voted", want: Some(("Bosnia and Herzegovina", Form::Name)) },
            Case { text: "Istanbul hosted", want: Some(("Istanbul", Form::Name)) },
            Case { text: "Us too", want: None },
            Case { text: "Bank of", want: None },
        ];
        for c in cases {
            let doc = segment(c.text);
            let got = g.longest(&doc, 0, doc.tokens.len(), false).map(|(h, _)| (name_of(g, h.entry), h.form));
            assert_eq!(got, c.want, "{}", c.text);
        }
    }

    #[test]
    fn every_party_word_label_is_known_and_every_list_filled() {
        let lists = Lists::parse(data_file!("../data/party_words.txt"));
        assert!(lists.unknown.is_empty(), "unknown labels in party_words.txt: {:?}", lists.unknown);
        for (list, label) in List::ALL {
            assert!(!lists.words(list).is_empty(), "party_words.txt has no {label} line");
        }
        assert!(List::ALL.iter().enumerate().all(|(i, (l, _))| *l as usize == i), "List::ALL in order");
    }

    #[test]
    fn a_mistyped_label_is_reported() {
        let lists = Lists::parse("modifer: former\nmodifier: acting\n");
        assert_eq!(lists.unknown, ["modifer"]);
        assert!(lists.has(List::Modifier, "acting") && !lists.has(List::Modifier, "former"));
    }

    #[test]
    fn every_group_noun_has_a_class_and_a_known_sort() {
        for line in entries(data_file!("../data/group_nouns.txt")) {
            let cols: Vec<&str> = line.split('|').map(str::trim).collect();
            assert_eq!(cols.len(), 3, "group_nouns.txt: want `word | class | sort`: {line}");
            assert!(!cols[0].is_empty() && !cols[1].is_empty(), "group_nouns.txt: {line}");
            assert!(["state", "person", "group"].contains(&cols[2]), "group_nouns.txt: unknown sort: {line}");
        }
    }

    #[test]
    fn company_names_lose_their_legal_form_in_keys() {
        let endings = gazetteer().name_endings();
        for e in [" inc.", " inc", " co.", " corp", " ltd.", " plc", " gmbh", " asa", " group"] {
            assert!(endings.iter().any(|x| x == e), "{e}");
        }
    }

    #[test]
    fn titles_groups_and_names() {
        let g = gazetteer();
        let doc = segment("Deputy Foreign Minister Lund and Mr. Berg");
        assert_eq!(g.title(&doc, 0, doc.tokens.len()), Some((3, false)));
        assert_eq!(g.title(&doc, 5, doc.tokens.len()), Some((6, true)));
        assert_eq!(
            g.group_noun(g.info("separatists")).map(|n| (n.class, n.sort)),
            Some(("rebels", Sort::Group))
        );
        assert_eq!(g.group_noun(g.info("Spokesman")).map(|n| n.sort), Some(Sort::Person));
        assert_eq!(g.group_noun(g.info("table")), None);
        assert!(g.is_first_name("Maria") && !g.is_first_name("Table"));
        assert!(g.is_org_head("Ministry") && g.is_place_head("Palace"));
        assert!(g.info("Monday").not_name && g.info("However").function);
        assert!(g.info("foreign").title_start && g.info("kyiv").name_start && g.info("human").common);
    }
}
