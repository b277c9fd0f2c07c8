//! Cutting the article into pieces for display: paragraphs, party mentions and the selected
//! card's evidence. Plain logic, tested natively; the article view only renders the pieces.

use crate::extract::{Extraction, Span};

/// A run of text with one look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Where it is.
    pub span: Span,
    /// Index into `Extraction::parties` of the party mentioned here, if any.
    pub party: Option<usize>,
    /// Whether it is part of the selected card's evidence.
    pub evidence: bool,
    /// Whether it is a word of the search query.
    pub hit: bool,
}

/// The most search matches marked in the article; a one-letter query in a book would
/// otherwise cut it into a million pieces.
pub const MAX_HITS: usize = 2000;

/// Where the words of `query` occur in `text`, case-insensitively (ASCII case: lower-casing
/// keeps byte offsets), sorted and never overlapping, at most [`MAX_HITS`].
pub fn query_hits(text: &str, query: &str) -> Vec<Span> {
    let words: Vec<String> = query.split_whitespace().map(str::to_ascii_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    let mut hits: Vec<Span> = Vec::new();
    for w in &words {
        for (at, m) in lower.match_indices(w.as_str()).take(MAX_HITS) {
            hits.push(Span::new(at, at + m.len()));
        }
    }
    hits.sort();
    let mut out: Vec<Span> = Vec::with_capacity(hits.len());
    for h in hits {
        match out.last_mut() {
            Some(last) if h.start <= last.end => last.end = last.end.max(h.end),
            _ => out.push(h),
        }
    }
    out.truncate(MAX_HITS);
    out
}

/// Where the article view stops: after `paragraphs` paragraphs (non-blank lines) or about
/// `bytes` bytes from `from`, whichever comes first, at a character boundary and never past
/// the text. The browser's layout costs with the text rendered (a 2 MB paragraph takes it over
/// a second, issue 14), so the view renders this much and offers the rest; the view cuts the
/// text here before [`paragraphs_with`], so the pieces cost no more than what is shown.
pub fn shown_end(text: &str, from: usize, paragraphs: usize, bytes: usize) -> usize {
    let mut from = from.min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut end = from.saturating_add(bytes).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut at = from;
    let mut seen = 0;
    for line in text[from..end].split_inclusive('\n') {
        at += line.len();
        if !line.trim().is_empty() {
            seen += 1;
            if seen >= paragraphs {
                return at;
            }
        }
    }
    end
}

/// The paragraphs of `text` (split at line breaks, blank lines dropped), each cut into pieces
/// wherever a mention, evidence or search-hit span starts or ends. Spans that do not fit the
/// text or cut a character are ignored, so stale data can never panic the page.
pub fn paragraphs(text: &str, ex: &Extraction, evidence: &[Span]) -> Vec<Vec<Piece>> {
    paragraphs_with(text, ex, evidence, &[])
}

/// [`paragraphs`] with the search hits `hits` (sorted, not overlapping) marked too.
pub fn paragraphs_with(text: &str, ex: &Extraction, evidence: &[Span], hits: &[Span]) -> Vec<Vec<Piece>> {
    let valid = |s: Span| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut mentions: Vec<(Span, usize)> = ex
        .parties
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m.span(), i)))
        .filter(|(s, _)| valid(*s))
        .collect();
    mentions.sort();
    let mut evidence: Vec<Span> = evidence.iter().copied().filter(|s| valid(*s)).collect();
    evidence.sort();

    let hits: Vec<Span> = hits.iter().copied().filter(|s| valid(*s)).collect();
    let mut cuts: Vec<usize> = Vec::with_capacity(mentions.len() * 2 + evidence.len() * 2 + hits.len() * 2);
    for s in &hits {
        cuts.extend([s.start, s.end]);
    }
    for (s, _) in &mentions {
        cuts.extend([s.start, s.end]);
    }
    for s in &evidence {
        cuts.extend([s.start, s.end]);
    }
    let mut start = 0;
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let body = Span::new(start, start + line.trim_end_matches(['\n', '\r']).len());
        if !line.trim().is_empty() {
            cuts.extend([body.start, body.end]);
        }
        start = end;
    }
    cuts.sort_unstable();
    cuts.dedup();

    let (mut m, mut e, mut h) = (0, 0, 0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = Span::new(start, start + line.trim_end_matches(['\n', '\r']).len());
        start += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let first = cuts.partition_point(|&c| c < body.start);
        let mut pieces = Vec::new();
        let mut at = body.start;
        for &cut in cuts[first..].iter().take_while(|&&c| c <= body.end) {
            if cut <= at {
                continue;
            }
            let span = Span::new(at, cut);
            while m < mentions.len() && mentions[m].0.end <= span.start {
                m += 1;
            }
            while e < evidence.len() && evidence[e].end <= span.start {
                e += 1;
            }
            while h < hits.len() && hits[h].end <= span.start {
                h += 1;
            }
            let hit = hits.get(h).is_some_and(|s| s.contains(span));
            let party = mentions.get(m).filter(|(s, _)| s.contains(span)).map(|&(_, p)| p);
            let in_evidence =
                evidence[e..].iter().take_while(|s| s.start <= span.start).any(|s| s.contains(span));
            pieces.push(Piece { span, party, evidence: in_evidence, hit });
            at = cut;
        }
        out.push(pieces);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Party, PartyKind, TextSpan};

    fn party(text: &str, spans: &[(usize, usize)]) -> Party {
        Party {
            id: "p1".into(),
            name: "Ghana".into(),
            kind: PartyKind::Country,
            aliases: vec![],
            mentions: spans.iter().map(|&(a, b)| TextSpan::of(text, Span::new(a, b))).collect(),
            role: None,
            affiliation: None,
            salience: 1.0,
            evidence: vec![],
            confidence: Default::default(),
        }
    }

    #[test]
    fn pieces_tile_each_paragraph() {
        let text = "Ghana said no.\r\n\r\nLater, Ghana agreed.";
        let ex = Extraction { parties: vec![party(text, &[(0, 5), (25, 30)])], ..Default::default() };
        let paras = paragraphs(text, &ex, &[Span::new(18, 37)]);
        assert_eq!(paras.len(), 2);
        let texts: Vec<Vec<&str>> = paras.iter().map(|p| p.iter().map(|x| &text[x.span]).collect()).collect();
        assert_eq!(texts, [vec!["Ghana", " said no."], vec!["Later, ", "Ghana", " agreed", "."]]);
        assert_eq!(paras[0][0].party, Some(0));
        assert!(paras[1][1].evidence && paras[1][1].party == Some(0));
        assert!(!paras[1][3].evidence);
    }

    #[test]
    fn stale_spans_are_ignored() {
        let text = "Zürich";
        let ex =
            Extraction { parties: vec![party("Zürich and more", &[(0, 2), (3, 40)])], ..Default::default() };
        let paras = paragraphs(text, &ex, &[Span::new(1, 2)]);
        assert_eq!(
            paras,
            vec![vec![Piece { span: Span::new(0, 7), party: None, evidence: false, hit: false }]]
        );
    }

    #[test]
    fn every_query_word_is_marked_in_any_case() {
        let text = "The Port deal: Ghana signed the port accord.";
        let hits = query_hits(text, "port  ACCORD");
        let words: Vec<&str> = hits.iter().map(|h| &text[*h]).collect();
        assert_eq!(words, ["Port", "port", "accord"]);
        let paras = paragraphs_with(text, &Extraction::default(), &[], &hits);
        let marked: Vec<&str> = paras[0].iter().filter(|p| p.hit).map(|p| &text[p.span]).collect();
        assert_eq!(marked, ["Port", "port", "accord"]);
        assert!(query_hits(text, "   ").is_empty());
    }

    #[test]
    fn the_view_stops_at_a_paragraph_count_or_a_byte_budget() {
        let text = "One.\n\nTwo.\nThree.\nZürich";
        // (name, from, paragraphs, bytes, expected end)
        let rows = [
            ("two paragraphs, blank lines not counted", 0, 2, 1000, 11),
            ("all paragraphs", 0, 10, 1000, text.len()),
            ("the byte budget first", 0, 10, 8, 8),
            ("a budget inside a character backs off", 0, 10, 20, 19),
            ("from the middle", 6, 1, 1000, 11),
            ("from past the end", 99, 3, 10, text.len()),
        ];
        for (name, from, paragraphs, bytes, end) in rows {
            assert_eq!(shown_end(text, from, paragraphs, bytes), end, "{name}");
        }
    }

    #[test]
    fn overlapping_hits_merge() {
        assert_eq!(query_hits("portland", "port land portl"), vec![Span::new(0, 8)]);
    }
}
