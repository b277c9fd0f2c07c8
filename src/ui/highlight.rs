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
}

/// The paragraphs of `text` (split at line breaks, blank lines dropped), each cut into pieces
/// wherever a mention or evidence span starts or ends. Spans that do not fit the text or cut a
/// character are ignored, so stale data can never panic the page.
pub fn paragraphs(text: &str, ex: &Extraction, evidence: &[Span]) -> Vec<Vec<Piece>> {
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

    let mut cuts: Vec<usize> = Vec::with_capacity(mentions.len() * 2 + evidence.len() * 2);
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

    let (mut m, mut e) = (0, 0);
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
            let party = mentions.get(m).filter(|(s, _)| s.contains(span)).map(|&(_, p)| p);
            let in_evidence =
                evidence[e..].iter().take_while(|s| s.start <= span.start).any(|s| s.contains(span));
            pieces.push(Piece { span, party, evidence: in_evidence });
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
        assert_eq!(paras, vec![vec![Piece { span: Span::new(0, 7), party: None, evidence: false }]]);
    }
}
