//! The chosen part of the tree as text: one paragraph a line, headings and list items on
//! lines of their own, `<br>` breaking a line, whitespace collapsed.

use super::dom::{Dom, NodeId};
use super::score::BLOCKS;

/// The text of the subtrees at `roots`, skipping `removed` nodes, tidied to one paragraph a
/// line.
///
/// Lines that are all link text (teasers of other articles, tag lists, "Read more") are
/// dropped from the start and the end: an article opens and closes with prose.
pub fn render(dom: &Dom, roots: &[NodeId], removed: &[bool]) -> String {
    let mut raw = String::new();
    let mut links = Vec::new();
    for &r in roots {
        walk(dom, r, removed, &mut raw, &mut links);
        raw.push('\n');
    }
    let mut lines = Vec::new();
    let mut at = 0;
    for line in raw.split_inclusive('\n') {
        if line.trim().is_empty() {
            at += line.len();
            continue;
        }
        lines.push((line, all_links(line, at, &links)));
        at += line.len();
    }
    // Only at the edges: inside the article a line of links can be content (a list of deals).
    let first = lines.iter().position(|l| !l.1).unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| !l.1).map_or(first, |i| i + 1);
    let kept: String = lines[first..last.max(first)].iter().map(|l| l.0).collect();
    tidy_lines(&kept)
}

/// Whether the text of `line` (at byte `at` of the output) lies inside the `links` ranges.
fn all_links(line: &str, at: usize, links: &[(usize, usize)]) -> bool {
    let text = line.bytes().filter(|b| !b.is_ascii_whitespace()).count();
    if text == 0 {
        return false;
    }
    let end = at + line.len();
    let start = links.partition_point(|&(_, e)| e <= at);
    let mut linked = 0;
    for &(s, e) in links[start..].iter().take_while(|&&(s, _)| s < end) {
        let (s, e) = (s.max(at), e.min(end));
        linked += line[s - at..e - at].bytes().filter(|b| !b.is_ascii_whitespace()).count();
    }
    linked * 10 >= text * 9
}

/// The text of one subtree, lines unjoined.
pub fn plain(dom: &Dom, at: NodeId, removed: &[bool]) -> String {
    let mut raw = String::new();
    walk(dom, at, removed, &mut raw, &mut Vec::new());
    raw
}

/// Appends the text of the subtree at `at` to `out`, and the byte ranges of its link texts
/// (outermost links only, in order) to `links`.
fn walk(dom: &Dom, at: NodeId, removed: &[bool], out: &mut String, links: &mut Vec<(usize, usize)>) {
    let mut link_from = None;
    // An explicit stack: a page nested thousands deep must not overflow the call stack.
    let mut stack: Vec<(NodeId, bool)> = vec![(at, false)];
    while let Some((i, closing)) = stack.pop() {
        let n = &dom.nodes[i];
        let block = BLOCKS.contains(&n.tag.as_str());
        if closing {
            if n.tag == "a" && link_from.is_some_and(|(id, _)| id == i) {
                let (_, from) = link_from.take().unwrap_or((i, out.len()));
                links.push((from, out.len()));
            }
            if block {
                out.push('\n');
            } else if matches!(n.tag.as_str(), "td" | "th") {
                out.push(' ');
            }
            continue;
        }
        if removed[i] && i != at {
            continue;
        }
        if n.is_text() {
            out.push_str(&n.text);
            continue;
        }
        if n.tag == "br" || block {
            out.push('\n');
        }
        if n.tag == "a" && link_from.is_none() {
            link_from = Some((i, out.len()));
        }
        stack.push((i, true));
        stack.extend(n.children.iter().rev().map(|&c| (c, false)));
    }
}

/// Trims every line and drops blank ones, collapsing spaces: text pulled out of HTML reads like
/// a pasted article, one paragraph a line.
pub fn tidy_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let mut words = line.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty());
        let Some(first) = words.next() else { continue };
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(first);
        for w in words {
            out.push(' ');
            out.push_str(w);
        }
    }
    out
}

/// Letters and digits only, lower-cased: the key two renderings of one passage share.
pub fn normal(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}
