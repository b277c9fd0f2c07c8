//! The extraction as compact bytes: what the worker posts to the page instead of JSON.
//!
//! Parsing the worker's JSON reply cost the page 60–90 ms on a 500 KB article and kept a JSON
//! parser for [`Extraction`] in the wasm. These bytes are read back without one: numbers as
//! LEB128, strings as a length and UTF-8, and every exported span as its two offsets only, its
//! text taken again from the article the page already holds (a span whose text differs from
//! the article's bytes, which the core never makes, carries its text). The bytes are posted as
//! a transferable buffer, so nothing is copied between the threads.
//!
//! The structs are taken apart and rebuilt field by field without `..`: a field added to the
//! model fails to compile here until it travels too. `decode(encode(x), text) == x` is tested
//! below over the extractions of the articles in tests/articles/.
//!
//! The page reads a long answer in steps ([`Decoding`]), a few kilobytes of bytes each, so
//! that the 20,000 cards of 2 MB of news are read over several tasks: in one, they held the
//! page's thread for over 200 ms on a busy machine (issue 14).

use crate::extract::records::{Confidence, NameEvidence, SpeakerBasis};
use crate::extract::{
    Claim, Content, CueClass, Extraction, Figure, Outcome, Party, PartyKind, Span, Status, TextSpan,
};

/// The bytes of `extraction` of `text`.
pub fn encode(extraction: &Extraction, text: &str) -> Vec<u8> {
    let mut w = Writer { bytes: Vec::with_capacity(1024), text };
    extraction.put(&mut w);
    w.bytes
}

/// The extraction of `text` that [`encode`] wrote, or `None` when `bytes` are not such bytes
/// (the page reads them in steps, [`Decoding`]).
#[cfg(test)]
pub fn decode(bytes: &[u8], text: &str) -> Option<Extraction> {
    let mut r = Reader { bytes, at: 0, text };
    let extraction = Extraction::take(&mut r)?;
    (r.at == bytes.len()).then_some(extraction)
}

/// What a step of a [`Decoding`] came to.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// More bytes are left to read.
    More,
    /// The whole extraction.
    Done(Extraction),
    /// The bytes are not what [`encode`] writes.
    Bad,
}

/// [`decode`] in steps: each [`Decoding::step`] reads the items of about `budget` bytes (at
/// least one item, and whole items only), so a long answer is read over several tasks.
pub struct Decoding {
    bytes: Vec<u8>,
    text: String,
    at: usize,
    lists: Lists,
}

impl Decoding {
    /// A decoding of `bytes`, the answer for `text`, not started yet.
    pub fn new(bytes: Vec<u8>, text: String) -> Decoding {
        Decoding { bytes, text, at: 0, lists: Lists::default() }
    }

    /// Reads about `budget` more bytes.
    pub fn step(&mut self, budget: usize) -> Step {
        let mut r = Reader { bytes: &self.bytes, at: self.at, text: &self.text };
        let until = r.at.saturating_add(budget.max(1));
        let done = self.lists.advance(&mut r, until);
        self.at = r.at;
        match done {
            None => Step::Bad,
            Some(false) => Step::More,
            Some(true) if r.at == self.bytes.len() => Step::Done(std::mem::take(&mut self.lists).finish()),
            Some(true) => Step::Bad,
        }
    }
}

/// The four lists of an extraction as far as they are read, and how many items of the list
/// being read are left (`None` before its length).
#[derive(Default)]
struct Lists {
    parties: Vec<Party>,
    claims: Vec<Claim>,
    outcomes: Vec<Outcome>,
    sentences: Vec<Span>,
    list: usize,
    left: Option<usize>,
}

/// Takes up to `left` more items into `into` while the reader is before `until`; how many are
/// left. A list's first call reserves its length (capped by the bytes left: every item takes
/// at least one byte, so a bad length cannot reserve much).
fn take_into<T: Wire>(r: &mut Reader, into: &mut Vec<T>, left: Option<usize>, until: usize) -> Option<usize> {
    let mut left = match left {
        Some(n) => n,
        None => {
            let n = r.index()?;
            into.reserve(n.min(r.bytes.len() - r.at));
            n
        }
    };
    while left > 0 && r.at < until {
        into.push(T::take(r)?);
        left -= 1;
    }
    Some(left)
}

impl Lists {
    /// Reads on until `until`; `Some(true)` once the four lists are whole.
    fn advance(&mut self, r: &mut Reader, until: usize) -> Option<bool> {
        while self.list < 4 {
            let left = match self.list {
                0 => take_into(r, &mut self.parties, self.left, until)?,
                1 => take_into(r, &mut self.claims, self.left, until)?,
                2 => take_into(r, &mut self.outcomes, self.left, until)?,
                _ => take_into(r, &mut self.sentences, self.left, until)?,
            };
            if left > 0 {
                self.left = Some(left);
                return Some(false);
            }
            self.list += 1;
            self.left = None;
        }
        Some(true)
    }

    fn finish(self) -> Extraction {
        let Lists { parties, claims, outcomes, sentences, list: _, left: _ } = self;
        Extraction { parties, claims, outcomes, sentences }
    }
}

struct Writer<'a> {
    bytes: Vec<u8>,
    text: &'a str,
}

impl Writer<'_> {
    fn num(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.bytes.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.bytes.push(n as u8);
    }

    fn str(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    text: &'a str,
}

impl Reader<'_> {
    fn num(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn index(&mut self) -> Option<usize> {
        usize::try_from(self.num()?).ok()
    }

    fn str(&mut self) -> Option<String> {
        let len = self.index()?;
        let piece = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        String::from_utf8(piece.to_vec()).ok()
    }
}

trait Wire: Sized {
    fn put(&self, w: &mut Writer);
    fn take(r: &mut Reader) -> Option<Self>;
}

impl Wire for usize {
    fn put(&self, w: &mut Writer) {
        w.num(*self as u64);
    }
    fn take(r: &mut Reader) -> Option<usize> {
        r.index()
    }
}

impl Wire for bool {
    fn put(&self, w: &mut Writer) {
        w.num(u64::from(*self));
    }
    fn take(r: &mut Reader) -> Option<bool> {
        match r.num()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Wire for f32 {
    fn put(&self, w: &mut Writer) {
        w.num(u64::from(self.to_bits()));
    }
    fn take(r: &mut Reader) -> Option<f32> {
        Some(f32::from_bits(u32::try_from(r.num()?).ok()?))
    }
}

impl Wire for String {
    fn put(&self, w: &mut Writer) {
        w.str(self);
    }
    fn take(r: &mut Reader) -> Option<String> {
        r.str()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut Writer) {
        self.is_some().put(w);
        if let Some(x) = self {
            x.put(w);
        }
    }
    fn take(r: &mut Reader) -> Option<Option<T>> {
        Some(if bool::take(r)? { Some(T::take(r)?) } else { None })
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, w: &mut Writer) {
        self.len().put(w);
        self.iter().for_each(|x| x.put(w));
    }
    fn take(r: &mut Reader) -> Option<Vec<T>> {
        let len = r.index()?;
        // Every item takes at least one byte: a bad length cannot reserve much.
        let mut items = Vec::with_capacity(len.min(r.bytes.len() - r.at));
        for _ in 0..len {
            items.push(T::take(r)?);
        }
        Some(items)
    }
}

impl Wire for Span {
    fn put(&self, w: &mut Writer) {
        self.start.put(w);
        self.end.put(w);
    }
    fn take(r: &mut Reader) -> Option<Span> {
        Some(Span::new(usize::take(r)?, usize::take(r)?))
    }
}

impl Wire for TextSpan {
    fn put(&self, w: &mut Writer) {
        let TextSpan { start, end, text } = self;
        start.put(w);
        end.put(w);
        let own = text != Span::new(*start, *end).text(w.text);
        own.put(w);
        if own {
            text.put(w);
        }
    }
    fn take(r: &mut Reader) -> Option<TextSpan> {
        let (start, end) = (usize::take(r)?, usize::take(r)?);
        let text = match <Option<String> as Wire>::take(r)? {
            Some(own) => own,
            None => Span::new(start, end).text(r.text).to_owned(),
        };
        Some(TextSpan { start, end, text })
    }
}

/// An enum as its position in `all`.
fn put_in<T: PartialEq>(all: &[T], x: &T, w: &mut Writer) {
    all.iter().position(|y| y == x).unwrap_or(usize::MAX).put(w);
}

fn take_in<T: Copy>(all: &[T], r: &mut Reader) -> Option<T> {
    all.get(r.index()?).copied()
}

impl Wire for PartyKind {
    fn put(&self, w: &mut Writer) {
        put_in(&PartyKind::ALL, self, w);
    }
    fn take(r: &mut Reader) -> Option<PartyKind> {
        take_in(&PartyKind::ALL, r)
    }
}

impl Wire for Status {
    fn put(&self, w: &mut Writer) {
        put_in(&Status::ALL, self, w);
    }
    fn take(r: &mut Reader) -> Option<Status> {
        take_in(&Status::ALL, r)
    }
}

impl Wire for Confidence {
    fn put(&self, w: &mut Writer) {
        put_in(&Confidence::ALL, self, w);
    }
    fn take(r: &mut Reader) -> Option<Confidence> {
        take_in(&Confidence::ALL, r)
    }
}

impl Wire for NameEvidence {
    fn put(&self, w: &mut Writer) {
        put_in(&NameEvidence::ALL, self, w);
    }
    fn take(r: &mut Reader) -> Option<NameEvidence> {
        take_in(&NameEvidence::ALL, r)
    }
}

impl Wire for SpeakerBasis {
    fn put(&self, w: &mut Writer) {
        put_in(&SpeakerBasis::ALL, self, w);
    }
    fn take(r: &mut Reader) -> Option<SpeakerBasis> {
        take_in(&SpeakerBasis::ALL, r)
    }
}

impl Wire for CueClass {
    fn put(&self, w: &mut Writer) {
        w.str(self.label());
    }
    fn take(r: &mut Reader) -> Option<CueClass> {
        CueClass::from_label(&r.str()?)
    }
}

impl Wire for Content {
    fn put(&self, w: &mut Writer) {
        match self {
            Content::One(span) => {
                false.put(w);
                span.put(w);
            }
            Content::Split(spans) => {
                true.put(w);
                spans.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Option<Content> {
        Some(if bool::take(r)? { Content::Split(Vec::take(r)?) } else { Content::One(TextSpan::take(r)?) })
    }
}

impl Wire for Party {
    fn put(&self, w: &mut Writer) {
        let Party { id, name, kind, aliases, mentions, role, affiliation, salience, evidence, confidence } =
            self;
        id.put(w);
        name.put(w);
        kind.put(w);
        aliases.put(w);
        mentions.put(w);
        role.put(w);
        affiliation.put(w);
        salience.put(w);
        evidence.put(w);
        confidence.put(w);
    }
    fn take(r: &mut Reader) -> Option<Party> {
        Some(Party {
            id: Wire::take(r)?,
            name: Wire::take(r)?,
            kind: Wire::take(r)?,
            aliases: Wire::take(r)?,
            mentions: Wire::take(r)?,
            role: Wire::take(r)?,
            affiliation: Wire::take(r)?,
            salience: Wire::take(r)?,
            evidence: Wire::take(r)?,
            confidence: Wire::take(r)?,
        })
    }
}

impl Wire for Claim {
    fn put(&self, w: &mut Writer) {
        let Claim {
            id,
            speaker,
            speakers,
            source,
            cue,
            content,
            text,
            direct,
            targets,
            cue_class,
            sentence,
            basis,
            confidence,
        } = self;
        id.put(w);
        speaker.put(w);
        speakers.put(w);
        source.put(w);
        cue.put(w);
        content.put(w);
        text.put(w);
        direct.put(w);
        targets.put(w);
        cue_class.put(w);
        sentence.put(w);
        basis.put(w);
        confidence.put(w);
    }
    fn take(r: &mut Reader) -> Option<Claim> {
        Some(Claim {
            id: Wire::take(r)?,
            speaker: Wire::take(r)?,
            speakers: Wire::take(r)?,
            source: Wire::take(r)?,
            cue: Wire::take(r)?,
            content: Wire::take(r)?,
            text: Wire::take(r)?,
            direct: Wire::take(r)?,
            targets: Wire::take(r)?,
            cue_class: Wire::take(r)?,
            sentence: Wire::take(r)?,
            basis: Wire::take(r)?,
            confidence: Wire::take(r)?,
        })
    }
}

impl Wire for Figure {
    fn put(&self, w: &mut Writer) {
        let Figure { span, value, counts } = self;
        span.put(w);
        value.put(w);
        counts.put(w);
    }
    fn take(r: &mut Reader) -> Option<Figure> {
        Some(Figure { span: Wire::take(r)?, value: Wire::take(r)?, counts: Wire::take(r)? })
    }
}

impl Wire for Outcome {
    fn put(&self, w: &mut Writer) {
        let Outcome {
            id,
            status,
            summary,
            parties,
            figures,
            evidence,
            asserted,
            claim,
            sentence,
            trigger,
            signal,
            rule,
            confidence,
        } = self;
        id.put(w);
        status.put(w);
        summary.put(w);
        parties.put(w);
        figures.put(w);
        evidence.put(w);
        asserted.put(w);
        claim.put(w);
        sentence.put(w);
        trigger.put(w);
        signal.put(w);
        rule.put(w);
        confidence.put(w);
    }
    fn take(r: &mut Reader) -> Option<Outcome> {
        Some(Outcome {
            id: Wire::take(r)?,
            status: Wire::take(r)?,
            summary: Wire::take(r)?,
            parties: Wire::take(r)?,
            figures: Wire::take(r)?,
            evidence: Wire::take(r)?,
            asserted: Wire::take(r)?,
            claim: Wire::take(r)?,
            sentence: Wire::take(r)?,
            trigger: Wire::take(r)?,
            signal: Wire::take(r)?,
            rule: Wire::take(r)?,
            confidence: Wire::take(r)?,
        })
    }
}

impl Wire for Extraction {
    fn put(&self, w: &mut Writer) {
        let Extraction { parties, claims, outcomes, sentences } = self;
        parties.put(w);
        claims.put(w);
        outcomes.put(w);
        sentences.put(w);
    }
    fn take(r: &mut Reader) -> Option<Extraction> {
        let mut lists = Lists::default();
        lists.advance(r, usize::MAX)?.then(|| lists.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every article of tests/articles/, and one span whose text is not the article's.
    #[test]
    fn decode_gives_back_what_encode_wrote() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/articles");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                let ex = crate::extract::analyze(&text);
                assert_eq!(decode(&encode(&ex, &text), &text).as_ref(), Some(&ex), "{}", path.display());
                seen += usize::from(!ex.claims.is_empty());
            }
        }
        assert!(seen > 3, "the articles should give claims to carry");
        let text = "Ghana said so.";
        let mut ex = crate::extract::analyze(text);
        ex.sentences.push(Span::new(0, 5));
        if let Some(p) = ex.parties.first_mut() {
            p.mentions.push(TextSpan { start: 0, end: 5, text: "other".to_owned() });
        }
        assert_eq!(decode(&encode(&ex, text), text), Some(ex));
    }

    /// Read in steps of any size, the bytes give back the same extraction; each step but the
    /// last reads at least one item and stops at the first item past its budget.
    #[test]
    fn a_decoding_in_steps_gives_what_decode_gives() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/sample.txt")).unwrap();
        let text = text.repeat(4);
        let ex = crate::extract::analyze(&text);
        let bytes = encode(&ex, &text);
        for budget in [0, 1, 7, 100, 1_000, bytes.len()] {
            let mut decoding = Decoding::new(bytes.clone(), text.clone());
            let mut steps = 0;
            let got = loop {
                steps += 1;
                let before = decoding.at;
                match decoding.step(budget) {
                    Step::More => assert!(decoding.at > before, "budget {budget}: a step reads something"),
                    done => break done,
                }
            };
            assert_eq!(got, Step::Done(ex.clone()), "budget {budget}");
            if budget >= 1_000 {
                assert!(steps <= bytes.len() / budget + 2, "budget {budget}: {steps} steps");
            }
        }
        let mut cut = Decoding::new(bytes[..bytes.len() - 1].to_vec(), text.clone());
        assert_eq!(std::iter::repeat_with(|| cut.step(64)).find(|s| *s != Step::More), Some(Step::Bad));
        let mut longer = Decoding::new([bytes.as_slice(), &[0]].concat(), text);
        assert_eq!(longer.step(usize::MAX), Step::Bad);
    }

    /// Bytes cut short or with trailing garbage are refused, never misread.
    #[test]
    fn bad_bytes_are_refused() {
        let text = "Ghana and Togo signed a border deal on Monday, officials said.";
        let bytes = encode(&crate::extract::analyze(text), text);
        for cut in 0..bytes.len() {
            assert_eq!(decode(&bytes[..cut], text), None, "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer, text), None);
    }
}
