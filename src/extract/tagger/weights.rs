//! The weight table of the name tagger and its file format (`src/extract/data/names.model`).
//!
//! The table has `2^bits` rows of [`LABELS`] weights; a feature id picks its row by its top
//! bits ([`features::bucket`]). Each weight is an `i16` count of quanta (linear quantisation:
//! a codebook with coarse steps for large weights was tried and cost a point of F1, because the
//! errors on the few large, bias-like weights add up). A label's score is the sum of its weights
//! over the features of a word, in units of `1 / scale`.
//!
//! File layout (all integers little-endian):
//!
//! | bytes | content |
//! | --- | --- |
//! | 4 | magic `NAMT` |
//! | 4 | file format version (`u32`, 1) |
//! | 4 | feature set version ([`features::FEATURE_VERSION`]) |
//! | 4 | gazetteer fingerprint ([`features::Gazetteer::fingerprint`]) |
//! | 1 | `bits` (log2 of the number of rows, 10..=24) |
//! | 1 | number of labels (9) |
//! | 2 | reserved, 0 |
//! | 4 | `scale` (`f32`): quanta per unit of trained weight |
//! | 4 | `n`: number of non-zero weights (`u32`) |
//! | varies | `n` cell gaps (cell = `row * 9 + label`, increasing), unsigned LEB128: see below |
//! | varies | the `n` weights in quanta, in the same order, zigzag LEB128 (-64..=63 in one byte) |
//!
//! A gap is the cell minus the previous cell minus one (the first gap is the first cell).
//! Gaps and weights are stored apart so that gzip (which the page is served with) finds the
//! repetition in each. A file that does not parse, or was made for another feature set or other
//! word lists, yields no model ([`Model::decode`] returns `None`).

use super::features::{self, LABELS};

const MAGIC: &[u8; 4] = b"NAMT";
const FORMAT: u32 = 1;

/// Anything that can score a feature: the quantised [`Model`] at run time, the trainer's
/// working weights while training. Scores are integers so both add exactly.
pub trait Weights {
    /// Adds the weights of `feature` for every label to `scores`.
    fn add(&self, feature: u64, scores: &mut [i32; LABELS]);
}

/// A quantised weight table. Most of its `2^bits` rows are all zero (about one in five holds a
/// weight), so only those rows are kept, in row order, with a bitmap of which rows they are and
/// a running count per bitmap word to find a row's place. The bitmap (16 KB at 17 bits) and
/// the packed rows stay in the CPU caches where a dense table (2.4 MB) did not, and a feature
/// whose row is empty (an unseen word, most bigrams) costs one bit test.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    bits: u32,
    scale: f32,
    /// Bit `r % 64` of word `r / 64` is set when row `r` has a non-zero weight.
    present: Vec<u64>,
    /// `rank[w]`: the number of rows present before bitmap word `w`.
    rank: Vec<u32>,
    /// The rows present, in row order.
    rows: Vec<[i16; LABELS]>,
}

impl Weights for Model {
    fn add(&self, feature: u64, scores: &mut [i32; LABELS]) {
        if let Some(row) = self.row(features::bucket(feature, self.bits)) {
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += i32::from(w);
            }
        }
    }
}

impl Model {
    /// A table of `2^bits` rows, from cells in `row * 9 + label` order (`cells.len()` must be
    /// `2^bits * 9`, else the table is empty); `scale` is quanta per unit of trained weight.
    pub fn new(bits: u32, scale: f32, cells: &[i16]) -> Model {
        let n = 1usize << bits.clamp(1, 24);
        let mut model = Model::with_rows(bits, scale, 0);
        if cells.len() == n * LABELS {
            model.present = vec![0; n.div_ceil(64)];
            for (r, c) in cells.chunks_exact(LABELS).enumerate().filter(|(_, c)| c.iter().any(|&w| w != 0)) {
                model.push_row(r, std::array::from_fn(|l| c[l]));
            }
            model.finish_rank();
        }
        model
    }

    /// A model with no rows yet, room for `capacity` of them.
    fn with_rows(bits: u32, scale: f32, capacity: usize) -> Model {
        Model { bits, scale, present: Vec::new(), rank: Vec::new(), rows: Vec::with_capacity(capacity) }
    }

    /// Appends row `r` (rows must come in increasing order, each at most once).
    fn push_row(&mut self, r: usize, row: [i16; LABELS]) {
        self.present[r / 64] |= 1 << (r % 64);
        self.rows.push(row);
    }

    /// Fills [`Model::rank`] from the bitmap, once every row is in.
    fn finish_rank(&mut self) {
        let mut before = 0u32;
        self.rank = self
            .present
            .iter()
            .map(|w| {
                let at = before;
                before += w.count_ones();
                at
            })
            .collect();
    }

    /// The weights of row `r`, if it has any non-zero one.
    fn row(&self, r: usize) -> Option<&[i16; LABELS]> {
        let word = *self.present.get(r / 64)?;
        let bit = r % 64;
        if (word >> bit) & 1 == 0 {
            return None;
        }
        let below = (word & ((1u64 << bit) - 1)).count_ones() as usize;
        self.rows.get(self.rank[r / 64] as usize + below)
    }

    /// The present rows with their row numbers, in row order.
    fn numbered_rows(&self) -> impl Iterator<Item = (usize, &[i16; LABELS])> + '_ {
        let numbers =
            self.present.iter().enumerate().flat_map(|(w, &bits)| {
                (0..64).filter(move |b| (bits >> b) & 1 == 1).map(move |b| w * 64 + b)
            });
        numbers.zip(&self.rows)
    }

    /// A model with no weights: every word is outside any name.
    pub fn empty() -> Model {
        Model::new(1, 1.0, &[])
    }

    /// Quanta per unit of trained weight (to turn score margins into comparable numbers).
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of non-zero weights.
    pub fn non_zero(&self) -> usize {
        self.rows.iter().flatten().filter(|&&w| w != 0).count()
    }

    /// The model in the file format of the module doc.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for word in [FORMAT, features::FEATURE_VERSION, features::Gazetteer::fingerprint()] {
            out.extend_from_slice(&word.to_le_bytes());
        }
        out.extend_from_slice(&[self.bits as u8, LABELS as u8, 0, 0]);
        out.extend_from_slice(&self.scale.to_le_bytes());
        let cells: Vec<(u64, i16)> = self
            .numbered_rows()
            .flat_map(|(r, row)| row.iter().enumerate().map(move |(l, &w)| ((r * LABELS + l) as u64, w)))
            .filter(|&(_, w)| w != 0)
            .collect();
        out.extend_from_slice(&(cells.len() as u32).to_le_bytes());
        let mut next = 0;
        for &(cell, _) in &cells {
            leb128(&mut out, cell - next);
            next = cell + 1;
        }
        for &(_, w) in &cells {
            leb128(&mut out, zigzag(w));
        }
        out
    }

    /// Reads a model written by [`Model::encode`]; `None` when the bytes are not one, or when it
    /// was trained with another feature set or other word lists.
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        let header_ok = r.take(4)? == MAGIC
            && r.u32()? == FORMAT
            && r.u32()? == features::FEATURE_VERSION
            && r.u32()? == features::Gazetteer::fingerprint();
        let (bits, labels) = (u32::from(r.take(1)?[0]), usize::from(r.take(1)?[0]));
        r.take(2)?;
        if !header_ok || labels != LABELS || !(10..=24).contains(&bits) {
            return None;
        }
        let scale = f32::from_bits(r.u32()?);
        let n = r.u32()? as usize;
        let size = (1usize << bits) * LABELS;
        let mut index = Vec::with_capacity(n.min(bytes.len()));
        let mut next = 0u64;
        for _ in 0..n {
            let cell = next.checked_add(r.leb128()?)?;
            index.push(usize::try_from(cell).ok().filter(|&c| c < size)?);
            next = cell + 1;
        }
        let mut weights = Vec::with_capacity(index.len());
        for _ in 0..n {
            let z = r.leb128()?;
            weights.push(i16::try_from((z >> 1) as i64 ^ -((z & 1) as i64)).ok()?);
        }
        (r.at == bytes.len()).then(|| Model::from_cells(bits, scale, &index, &weights))
    }

    /// A table from its non-zero cells (`index`, increasing) and their weights, row by row
    /// without building the dense table. A weight stored as 0 leaves its row as it is.
    fn from_cells(bits: u32, scale: f32, index: &[usize], weights: &[i16]) -> Model {
        let mut model = Model::with_rows(bits, scale, index.len());
        model.present = vec![0; (1usize << bits).div_ceil(64)];
        let mut open: Option<(usize, [i16; LABELS])> = None;
        for (&cell, &w) in index.iter().zip(weights) {
            let r = cell / LABELS;
            if let Some((at, row)) = open.filter(|&(at, _)| at != r) {
                model.push_nonzero(at, row);
                open = None;
            }
            open.get_or_insert((r, [0; LABELS])).1[cell % LABELS] = w;
        }
        if let Some((at, row)) = open {
            model.push_nonzero(at, row);
        }
        model.finish_rank();
        model
    }

    /// [`Model::push_row`] unless the row is all zeros (so equal tables compare equal).
    fn push_nonzero(&mut self, r: usize, row: [i16; LABELS]) {
        if row.iter().any(|&w| w != 0) {
            self.push_row(r, row);
        }
    }
}

/// A signed weight as an unsigned number, small magnitudes small (0, -1, 1, -2 → 0, 1, 2, 3).
fn zigzag(w: i16) -> u64 {
    ((i64::from(w) << 1) ^ (i64::from(w) >> 63)) as u64
}

/// Appends `n` as unsigned LEB128.
fn leb128(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A cursor over the model bytes.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn leb128(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let mut cells = vec![0i16; (1 << 10) * LABELS];
        cells[0] = 5;
        cells[200] = -32768;
        cells[201] = -1;
        cells[9215] = 32767;
        let model = Model::new(10, 12.5, &cells);
        let mut scores = [0; LABELS];
        model.add(22 << 54, &mut scores);
        assert_eq!(scores[2..4], [-32768, -1]);
        let bytes = model.encode();
        assert_eq!(Model::decode(&bytes), Some(model));
        assert_eq!(Model::decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Model::decode(b"NAMT"), None);
        assert_eq!(Model::decode(&[]), None);
    }
}
