//! Group phrases that stand for several parties at once: "both sides", "the two countries",
//! "the two leaders", and sources that coordinate names ("Both Peru and Chile", "Lund and
//! Berg").
//!
//! Approach: [`Focus::new`] walks the mentions once and records, in article order,
//!
//! * every run of two or more parties joined by "and" (with commas and "the" between):
//!   "Peru and Chile met in Lima", "talks between Kyiv and Moscow", "Peru, Chile and
//!   Bolivia"; a mention whose phrase takes in the one before it ("Chilean Foreign Minister
//!   Ana Lund") replaces it as the conjunct;
//! * the two most mentioned parties so far, whenever that pair changes.
//!
//! Each is kept for three sets of parties: actors (countries, organisations and groups; the
//! frequency pair only counts countries and organisations), countries, and people. A group
//! phrase ([`phrase_at`]: "both" or "the/these/all" + "two/three/four", up to two modifiers,
//! and a head noun from `data/pair_nouns.txt`) then stands for the last run of its set before
//! it, else the most mentioned pair before it; "leaders"/"ministers" with no people to go by
//! fall back to the countries: "Peru and Chile met in Lima. Both sides said the talks were
//! useful." → Peru and Chile. "both parties" and "the two camps" take only a run: in home
//! politics the two parties may never be named.
//!
//! Cost: phrases are looked for only where they matter (a claim's source, the sentence of its
//! cue, the words before an outcome's verb), one lookup per determiner; the mentions are walked
//! once, and only in an article that has a group phrase ([`LazyFocus`]); a lookup is two
//! binary searches.
//!
//! Known failure cases: a group phrase in a quotation continued into a later sentence is not
//! a target; a run that lists places of no interest to the dispute ("exports to
//! Peru and Chile") counts like any other; "the two leaders" named in separate clauses
//! ("Lund hosted Berg") falls back to the two most mentioned people, who may include a
//! third; the number in the phrase is not checked against the size of the run.

use crate::extract::annotate::{class, Annotated};
use crate::extract::lexicon::WordMap;
use crate::extract::lexicon::{data_file, hash_str, labelled};
use crate::extract::model::PartyKind;
use crate::extract::parties::Parties;
use crate::extract::span::Span;
use std::cell::OnceCell;
use std::sync::OnceLock;

/// Which parties a group phrase stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// Countries, organisations or groups ("both sides", "the two delegations").
    Actors,
    /// Like [`Want::Actors`], but only parties named together ("both parties", "the two
    /// camps"): in home politics "both parties" are parties the article may never name.
    Named,
    /// States ("both countries", "the two governments").
    Countries,
    /// People, else the countries they lead ("the two leaders", "both ministers").
    People,
}

const LEAD: u8 = 1;
const DET: u8 = 2;
const NUMBER: u8 = 4;
const ACTORS: u8 = 8;
const COUNTRIES: u8 = 16;
const PEOPLE: u8 = 32;
const NAMED: u8 = 64;

/// The words of `data/pair_nouns.txt` and their bits, keyed by the [`hash_str`] of the word,
/// so a token is one probe with the hash its document already holds.
fn lexicon() -> &'static WordMap<u64, u8> {
    static MAP: OnceLock<WordMap<u64, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: WordMap<u64, u8> = WordMap::default();
        for (label, words) in labelled(data_file!("data/pair_nouns.txt")) {
            // An unknown label is caught by the `every_label_is_known` test.
            let bit = pair_bit(label).unwrap_or(0);
            for word in words {
                *map.entry(hash_str(word)).or_default() |= bit;
            }
        }
        map
    })
}

/// The bit of a label of `data/pair_nouns.txt`, `None` for an unknown label.
fn pair_bit(label: &str) -> Option<u8> {
    Some(match label {
        "lead" => LEAD,
        "det" => DET,
        "number" => NUMBER,
        "actors" => ACTORS,
        "countries" => COUNTRIES,
        "people" => PEOPLE,
        "named" => NAMED,
        _ => return None,
    })
}

/// The bits of token `i` in [`lexicon`].
fn bits(lex: &WordMap<u64, u8>, w: &Annotated, i: usize) -> u8 {
    if i >= w.len() {
        return 0;
    }
    lex.get(&w.hash(i)).copied().unwrap_or(0)
}

/// The group phrase starting at token `i`, if any: the token after its head noun and what it
/// stands for. "both sides", "the two warring sides", "all three governments", "both the
/// countries"; not "both Peru and Chile" (see [`source_parties`]) nor "the two of them".
pub fn phrase_at(w: &Annotated, i: usize) -> Option<(usize, Want)> {
    let lex = lexicon();
    // Numbers are determiners or digits: a cheap test before comparing words.
    let counted = w.is(i + 1, class::DETERMINER) || w.is_number(i + 1);
    let first = bits(lex, w, i);
    let start = if first & LEAD != 0 {
        if w.lower(i + 1) == "the" {
            i + 2
        } else {
            i + 1
        }
    } else if counted && first & DET != 0 && bits(lex, w, i + 1) & NUMBER != 0 {
        i + 2
    } else {
        return None;
    };
    // The head noun, after at most two lower-case modifiers ("the two foreign ministers").
    for k in start..start + 3 {
        let b = bits(lex, w, k);
        let want = if b & ACTORS != 0 {
            Some(Want::Actors)
        } else if b & NAMED != 0 {
            Some(Want::Named)
        } else if b & COUNTRIES != 0 {
            Some(Want::Countries)
        } else if b & PEOPLE != 0 {
            Some(Want::People)
        } else {
            None
        };
        if let Some(want) = want {
            return Some((k + 1, want));
        }
        if !w.is_word(k) || w.is_cap(k) || matches!(w.lower(k), "and" | "or" | "of" | "the") {
            return None;
        }
    }
    None
}

/// The sets of parties tracked, as indexes into [`Focus::tracks`].
const SET_ACTORS: usize = 0;
const SET_COUNTRIES: usize = 1;
const SET_PEOPLE: usize = 2;

/// Whether a party of `kind` belongs to set `set`; `run` for parties named together, which
/// may be groups ("the rebels and the army"), while the most mentioned pair is never one.
fn fits(set: usize, kind: PartyKind, run: bool) -> bool {
    match set {
        SET_ACTORS => {
            matches!(kind, PartyKind::Country | PartyKind::Organization) || (run && kind == PartyKind::Group)
        }
        SET_COUNTRIES => kind == PartyKind::Country,
        _ => kind == PartyKind::Person,
    }
}

/// The pairs in focus for one set of parties, in article order.
#[derive(Default, Debug)]
struct Track {
    /// Runs named together: the token after the last conjunct, and the parties in order.
    runs: Vec<(usize, Vec<usize>)>,
    /// The two most mentioned parties so far: the token after the mention that made them so.
    top: Vec<(usize, [usize; 2])>,
}

impl Track {
    /// The parties in focus just before token `at`: the last run, else (unless `named`)
    /// the two most mentioned.
    fn before(&self, at: usize, named: bool) -> Option<Vec<usize>> {
        let k = self.runs.partition_point(|r| r.0 <= at);
        if let Some((_, list)) = k.checked_sub(1).and_then(|k| self.runs.get(k)) {
            return Some(list.clone());
        }
        if named {
            return None;
        }
        let k = self.top.partition_point(|t| t.0 <= at);
        k.checked_sub(1).and_then(|k| self.top.get(k)).map(|(_, pair)| pair.to_vec())
    }
}

/// What group phrases can refer to, worked out once per article.
#[derive(Default, Debug)]
pub struct Focus {
    tracks: [Track; 3],
}

/// A [`Focus`] worked out on the first group phrase: most articles have none, and then the
/// mentions are not walked at all.
pub struct LazyFocus<'a> {
    w: &'a Annotated<'a>,
    parties: &'a Parties,
    focus: OnceCell<Focus>,
}

impl<'a> LazyFocus<'a> {
    /// Nothing is worked out yet; built once per article by the pipeline and shared by the
    /// claims and outcomes stages.
    pub fn new(w: &'a Annotated<'a>, parties: &'a Parties) -> LazyFocus<'a> {
        LazyFocus { w, parties, focus: OnceCell::new() }
    }

    /// [`Focus::referents`], working the focus out first if needed.
    pub fn referents(&self, want: Want, at: usize) -> Vec<usize> {
        self.focus.get_or_init(|| Focus::new(self.w, self.parties)).referents(want, at)
    }

    /// The parties of every group phrase in tokens `a..b` that lies inside one of `pieces`,
    /// for a claim's targets: "She urged both sides to keep talking" is aimed at the two sides.
    pub fn all_in(&self, a: usize, b: usize, pieces: &[Span]) -> Vec<usize> {
        let w = self.w;
        let mut out: Vec<usize> = Vec::new();
        let inside = |i: usize, e: usize| pieces.iter().any(|p| p.contains(w.range(i, e)));
        for i in (a..b).filter(|&i| w.is(i, class::DETERMINER)) {
            let Some((_, want)) = phrase_at(w, i).filter(|&(e, _)| e <= b && inside(i, e)) else { continue };
            for p in self.referents(want, i) {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }
}

/// The two most mentioned parties of one set, most mentioned first.
#[derive(Default)]
struct Top([Option<usize>; 2]);

impl Top {
    /// Counts one more mention of `p` (already added to `counts`); whether the pair changed.
    fn bump(&mut self, counts: &[u32], p: usize) -> bool {
        let n = |q: usize| counts.get(q).copied().unwrap_or(0);
        match self.0 {
            [Some(a), _] if a == p => false,
            [Some(a), Some(b)] if b == p => {
                let swap = n(b) > n(a);
                if swap {
                    self.0 = [Some(b), Some(a)];
                }
                swap
            }
            [None, _] => {
                self.0[0] = Some(p);
                false
            }
            [Some(_), None] => {
                self.0[1] = Some(p);
                true
            }
            [Some(a), Some(b)] => {
                if n(p) <= n(b) {
                    return false;
                }
                self.0 = if n(p) > n(a) { [Some(p), Some(a)] } else { [Some(a), Some(p)] };
                true
            }
        }
    }
}

impl Focus {
    /// Walks the mentions once (see the module doc).
    pub fn new(w: &Annotated, parties: &Parties) -> Focus {
        let doc = w.doc();
        let mut focus = Focus::default();
        let mut counts = vec![0u32; parties.list.len()];
        // The sets each party is counted in, worked out once per party.
        let sets: Vec<u8> = parties
            .list
            .iter()
            .map(|r| (0..3).filter(|&set| fits(set, r.kind, false)).fold(0u8, |acc, set| acc | 1 << set))
            .collect();
        let mut tops: [Top; 3] = Default::default();
        // The run being read: (party, first token of its phrase), the token after the last
        // conjunct, and whether an "and" joined it.
        let mut run: Vec<(usize, usize)> = Vec::new();
        let (mut end, mut joined) = (0usize, false);
        for m in &parties.mentions {
            let (Some(c), Some(&mask)) = (counts.get_mut(m.party), sets.get(m.party)) else { continue };
            *c += 1;
            for (set, top) in tops.iter_mut().enumerate() {
                if mask & 1 << set != 0 && top.bump(&counts, m.party) {
                    if let [Some(a), Some(b)] = top.0 {
                        focus.tracks[set].top.push((m.tokens.end, [a, b]));
                    }
                }
            }
            let s = m.extent_tokens.start.min(m.tokens.start);
            let e = m.extent_tokens.end.max(m.tokens.end);
            // "Chilean Foreign Minister Ana Lund": the person's phrase takes in the adjective.
            if let Some(last) = run.last_mut().filter(|l| s <= l.1) {
                *last = (m.party, s);
                end = end.max(e);
                continue;
            }
            if s < end {
                continue;
            }
            // Conjuncts of one sentence (checked only for the rare joined pair).
            let same = |first: usize| doc.sentence_of(first) == doc.sentence_of(s);
            // A dozen conjuncts at most, so each run costs little whatever the text.
            let and =
                run.first().filter(|_| run.len() < 12).and_then(|r| join(w, end, s).filter(|_| same(r.1)));
            if let Some(and) = and {
                run.push((m.party, s));
                joined |= and;
                end = e;
                continue;
            }
            if joined {
                focus.flush(parties, &run, joined, end);
            }
            run.clear();
            run.push((m.party, s));
            (end, joined) = (e, false);
        }
        focus.flush(parties, &run, joined, end);
        focus
    }

    /// Records a finished run, for every set with two or more of its parties in it.
    fn flush(&mut self, parties: &Parties, run: &[(usize, usize)], joined: bool, end: usize) {
        if !joined || run.len() < 2 {
            return;
        }
        for (set, track) in self.tracks.iter_mut().enumerate() {
            let mut list: Vec<usize> = Vec::new();
            for &(p, _) in run {
                let fit = parties.list.get(p).is_some_and(|r| fits(set, r.kind, true));
                if fit && !list.contains(&p) {
                    list.push(p);
                }
            }
            if list.len() >= 2 {
                track.runs.push((end, list));
            }
        }
    }

    /// The parties a group phrase of `want` starting at token `at` stands for (empty when
    /// the article gives fewer than two).
    pub fn referents(&self, want: Want, at: usize) -> Vec<usize> {
        let order: &[usize] = match want {
            Want::Actors | Want::Named => &[SET_ACTORS],
            Want::Countries => &[SET_COUNTRIES, SET_ACTORS],
            Want::People => &[SET_PEOPLE, SET_COUNTRIES, SET_ACTORS],
        };
        order.iter().find_map(|&s| self.tracks[s].before(at, want == Want::Named)).unwrap_or_default()
    }
}

/// The first group phrase in tokens `a..b` (ending by `b`): its first token and what it
/// stands for.
pub fn first_phrase(w: &Annotated, a: usize, b: usize) -> Option<(usize, Want)> {
    (a..b)
        .filter(|&i| w.is(i, class::DETERMINER))
        .find_map(|i| phrase_at(w, i).filter(|(e, _)| *e <= b).map(|(_, want)| (i, want)))
}

/// Whether tokens `from..to` join two conjuncts: only "and", "&", commas, "the" and "'s", at
/// least one of them; `Some(true)` when an "and" is among them.
fn join(w: &Annotated, from: usize, to: usize) -> Option<bool> {
    if to <= from || to - from > 3 {
        return None;
    }
    let mut and = false;
    for i in from..to {
        match w.lower(i) {
            "and" | "&" => and = true,
            "," | "the" | "'s" => {}
            _ => return None,
        }
    }
    Some(and)
}

/// The parties a claim's source `a..b` stands for when it is more than one: a coordination
/// of names ("Both Peru and Chile", "Lund and Berg", "Peru, Chile and Bolivia") or, with no
/// name before it, a group phrase ("Both sides", "Officials from the two countries").
/// `None` leaves the source to the single-speaker rules.
pub fn source_parties(
    w: &Annotated,
    parties: &Parties,
    focus: &LazyFocus,
    a: usize,
    b: usize,
) -> Option<Vec<usize>> {
    let head_end = (a + 1..b).find(|&i| w.is_punct(i, ",") || w.is_punct(i, "(")).unwrap_or(b);
    if let Some(list) = coordinated(w, parties, a, b) {
        return Some(list);
    }
    // The phrase must come before any name: not "Peru's envoy to both countries".
    let (at, want) = first_phrase(w, a, head_end)?;
    if !parties.within(w.range(a, at)).is_empty() {
        return None;
    }
    Some(focus.referents(want, at)).filter(|r| r.len() >= 2)
}

/// "Peru and Chile", "Peru, Chile and Bolivia", "Peru's Lund and Chile's Berg": the parties
/// around the first "and" in tokens `a..full` (a source, or the words before an outcome's
/// verb), the right one of the same kind as the left.
pub fn coordinated(w: &Annotated, parties: &Parties, a: usize, full: usize) -> Option<Vec<usize>> {
    // The "and" may follow list commas ("Peru, Chile and Bolivia"), not an appositive's.
    let j = (a + 1..full).find(|&i| w.lower(i) == "and")?;
    let list_comma =
        |i: usize| parties.at_token(i - 1).is_some() && (i + 1 == j || parties.at_token(i + 1).is_some());
    if (a + 1..j).any(|i| (w.is_punct(i, ",") && !list_comma(i)) || w.is_punct(i, "(")) {
        return None;
    }
    let kind = |p: usize| parties.list.get(p).map(|r| r.kind);
    let actor = |p: usize| kind(p).is_some_and(|k| k != PartyKind::Place);
    // The serial comma: "Peru, Chile, and Bolivia".
    let before = if w.is_punct(j - 1, ",") && j >= a + 2 { j - 2 } else { j - 1 };
    let left = parties.at_token(before).filter(|m| actor(m.party) && m.tokens.start >= a)?;
    let lk = kind(left.party);
    // A list: "Peru, Chile and Bolivia" (or "Peru, Chile, and Bolivia"), also when the
    // source as found starts inside it; not "In Peru, Chile and Bolivia said ...".
    let sentence_start = w.doc().sentences.get(w.doc().sentence_of(a)).map_or(0, |s| s.tokens.start);
    let mut list = vec![left.party];
    let mut start = left.tokens.start;
    // At most a dozen items, so a text with no sentence stops stays linear.
    while list.len() < 12 && start >= sentence_start + 2 && w.is_punct(start - 1, ",") {
        let Some(m) =
            parties.at_token(start - 2).filter(|m| m.tokens.start >= sentence_start && kind(m.party) == lk)
        else {
            break;
        };
        let lead = m.tokens.start.checked_sub(1).filter(|&k| k >= sentence_start);
        let opens = lead.is_none_or(|k| !w.is_word(k) || w.lower(k) == "both");
        if m.tokens.start < a && !opens {
            break;
        }
        list.insert(0, m.party);
        start = m.tokens.start;
    }
    let right_end = (j + 1..full).find(|&i| w.is_punct(i, ",") || w.is_punct(i, "(")).unwrap_or(full);
    let after = parties.within(w.range(j + 1, right_end));
    let right =
        after.iter().find(|m| kind(m.party) == lk).or_else(|| after.iter().find(|m| actor(m.party)))?;
    list.push(right.party);
    let mut distinct: Vec<usize> = Vec::with_capacity(list.len());
    for p in list {
        if !distinct.contains(&p) {
            distinct.push(p);
        }
    }
    (distinct.len() >= 2).then_some(distinct)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::parties::find_parties;
    use crate::extract::segment::segment;

    fn names(list: &[usize], parties: &Parties) -> Vec<String> {
        list.iter().filter_map(|&p| parties.list.get(p)).map(|r| r.name.clone()).collect()
    }

    /// A text and the parties its first group phrase stands for.
    struct Case {
        text: &'static str,
        want: &'static [&'static str],
    }

    macro_rules! cases {
        ($name:ident: $( [$text:expr, $want:expr] ),+ $(,)?) => {
            #[test]
            fn $name() {
                for c in [$(Case { text: $text, want: &$want }),+] {
                    let doc = segment(c.text);
                    let w = Annotated::new(&doc);
                    let parties = find_parties(&doc);
                    let focus = Focus::new(&w, &parties);
                    let got = (0..w.len()).find_map(|i| phrase_at(&w, i).map(|(_, want)| focus.referents(want, i)));
                    let got = names(&got.unwrap_or_default(), &parties);
                    assert_eq!(got, c.want, "{}", c.text);
                }
            }
        };
    }

    cases!(named_together:
        ["Peru and Chile met in Lima. Both sides said the talks were useful.", ["Peru", "Chile"]],
        ["Talks between Norway and Sweden resumed on Monday. The two countries signed a memo.", ["Norway", "Sweden"]],
        ["Peru, Chile and Bolivia sent envoys. All three governments backed the plan.", ["Peru", "Chile", "Bolivia"]],
        ["Peru and Chile met. Later Norway and the European Union talked. Both sides were upbeat.", ["Norway", "European Union"]],
    );

    cases!(most_mentioned:
        ["Norway hosted the talks. Sweden came late. Norway spoke first and Sweden replied. Then Peru left. The two countries agreed.", ["Norway", "Sweden"]],
        ["Norway spoke. Both sides left.", []],
    );

    cases!(named_only:
        ["Norway hosted Sweden. Norway and Sweden spoke. Officials from both parties left.", ["Norway", "Sweden"]],
        ["Norway hosted Sweden. Officials from both parties left.", []],
    );

    cases!(people:
        ["President Ana Lund and Prime Minister Erik Berg met in Oslo. The two leaders said little.", ["Ana Lund", "Erik Berg"]],
        ["Peru and Chile met in Lima. The two leaders shook hands.", ["Peru", "Chile"]],
    );

    /// [`first_phrase`] looks up only determiners, so every word that opens a phrase must be one.
    #[test]
    fn openers_are_determiners() {
        for (label, words) in labelled(data_file!("data/pair_nouns.txt")) {
            let bits = match label {
                "lead" => LEAD,
                "det" => DET,
                "number" => NUMBER,
                _ => continue,
            };
            for word in words {
                let doc = segment(word);
                let w = Annotated::new(&doc);
                if bits == NUMBER {
                    assert!(
                        w.is(0, class::DETERMINER) || w.is_number(0),
                        "{word} is neither a determiner nor a number"
                    );
                } else {
                    assert!(w.is(0, class::DETERMINER), "{word} is not a determiner in speech_words.txt");
                }
            }
        }
    }

    #[test]
    fn every_label_is_known() {
        for (label, _) in labelled(data_file!("data/pair_nouns.txt")) {
            assert!(pair_bit(label).is_some(), "unknown label {label:?} in data/pair_nouns.txt");
        }
    }

    #[test]
    fn phrases() {
        let cases: [(&str, Option<Want>); 7] = [
            ("both sides", Some(Want::Actors)),
            ("the two warring sides", Some(Want::Actors)),
            ("both the countries", Some(Want::Countries)),
            ("the two foreign ministers", Some(Want::People)),
            ("both Peru and Chile", None),
            ("the two of them", None),
            ("the sides", None),
        ];
        for (text, want) in cases {
            let doc = segment(text);
            let w = Annotated::new(&doc);
            assert_eq!(phrase_at(&w, 0).map(|p| p.1), want, "{text}");
        }
    }

    #[test]
    fn coordinated_sources() {
        let cases: [(&str, &str, &[&str]); 4] = [
            ("Both Peru and Chile", "Both Peru and Chile said that talks would go on.", &["Peru", "Chile"]),
            (
                "Peru, Chile and Bolivia",
                "Peru, Chile and Bolivia said that talks would go on.",
                &["Peru", "Chile", "Bolivia"],
            ),
            (
                "Peru, Chile, and Bolivia",
                "Peru, Chile, and Bolivia said that talks would go on.",
                &["Peru", "Chile", "Bolivia"],
            ),
            ("Chilean officials", "Chilean officials said that talks would go on.", &[]),
        ];
        for (source, text, want) in cases {
            let doc = segment(text);
            let w = Annotated::new(&doc);
            let parties = find_parties(&doc);
            let focus = LazyFocus::new(&w, &parties);
            let n = (0..w.len()).find(|&i| w.range(0, i + 1).text(text) == source).expect("source") + 1;
            let got = source_parties(&w, &parties, &focus, 0, n).unwrap_or_default();
            assert_eq!(names(&got, &parties), want, "{text}");
        }
    }
}
