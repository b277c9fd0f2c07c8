//! The chosen part of the tree as text: one paragraph a line, headings and list items on
//! lines of their own, `<br>` breaking a line, whitespace collapsed.

use super::dom::{Dom, NodeId};
use super::score::BLOCKS;

/// The text of the subtrees at `roots`, skipping `removed` nodes, tidied to one paragraph a
/// line.
pub fn render(dom: &Dom, roots: &[NodeId], removed: &[bool]) -> String {
    let mut raw = String::new();
    for &r in roots {
        walk(dom, r, removed, &mut raw);
        raw.push('\n');
    }
    tidy_lines(&raw)
}

/// The text of one subtree, lines unjoined.
pub fn plain(dom: &Dom, at: NodeId, removed: &[bool]) -> String {
    let mut raw = String::new();
    walk(dom, at, removed, &mut raw);
    raw
}

fn walk(dom: &Dom, at: NodeId, removed: &[bool], out: &mut String) {
    // An explicit stack: a page nested thousands deep must not overflow the call stack.
    let mut stack: Vec<(NodeId, bool)> = vec![(at, false)];
    while let Some((i, closing)) = stack.pop() {
        let n = &dom.nodes[i];
        let block = BLOCKS.contains(&n.tag.as_str());
        if closing {
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
