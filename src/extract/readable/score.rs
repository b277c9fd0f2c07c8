//! Which part of the tree is the article: furniture dropped, paragraphs scored, the best
//! container and its siblings chosen, then cleaned.
//!
//! The scoring follows Readability.js: every paragraph of 25 characters or more gives
//! `1 + commas + min(length / 100, 3)` to its parent, half to its grandparent and a third per
//! level to the next three; a container starts from a score by its tag and its class/id
//! (`patterns.txt`), and ends multiplied by `1 - link density`. Paragraphs that
//! the page's JSON-LD `articleBody` also contains count three times, so a page that states its
//! article wins over a longer comment thread.

use super::dom::{Dom, NodeId};
use crate::extract::lexicon::data_file;
use std::sync::OnceLock;

/// Elements dropped with their contents before scoring: navigation, forms, page furniture.
const DROP_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "header",
    "button",
    "select",
    "svg",
    "math",
    "menu",
    "dialog",
    "input",
    "label",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "map",
    "figure",
    "picture",
    "figcaption",
];
/// ARIA roles of page furniture.
const DROP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "search",
];
/// Elements that break a line.
pub const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "ul",
    "caption",
    "summary",
    "center",
];
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Text and structure counts of a subtree, over the nodes that are kept.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    /// Bytes of text.
    pub text: u32,
    /// Bytes of text inside links.
    pub links: u32,
    /// Commas in the text.
    pub commas: u32,
    /// `p` elements.
    pub p: u32,
    /// Images.
    pub img: u32,
    /// List items.
    pub li: u32,
    /// Form controls.
    pub input: u32,
    /// Bytes of text in headings.
    pub heading: u32,
    /// Bytes of text in lists.
    pub list_text: u32,
    /// Block elements.
    pub blocks: u32,
}

impl Stats {
    /// Share of the text that is link text.
    pub fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.links as f32 / self.text as f32
        }
    }

    fn add(&mut self, o: &Stats) {
        self.text += o.text;
        self.links += o.links;
        self.commas += o.commas;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.heading += o.heading;
        self.list_text += o.list_text;
        self.blocks += o.blocks;
    }
}

/// The class/id patterns of `patterns.txt`, by kind. A pattern matches as a substring of an
/// element's lower-cased `class` and `id` joined by a space. `unlikely`: the element is dropped
/// before scoring unless a `maybe` pattern also matches or it is an article, main or body
/// element. `positive`: +25 to its score; `negative`: −25. The entries are the regular
/// expressions of Mozilla's Readability.js (unlikelyCandidates, okMaybeItsACandidate,
/// positive, negative), with trafilatura's boilerplate words for cookie banners, newsletters,
/// sharing, captions, bylines and tags added.
struct Patterns {
    unlikely: Vec<&'static str>,
    maybe: Vec<&'static str>,
    positive: Vec<&'static str>,
    negative: Vec<&'static str>,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mut p = Patterns { unlikely: vec![], maybe: vec![], positive: vec![], negative: vec![] };
        for line in data_file!("patterns.txt").lines() {
            let Some((kind, word)) = line.split_once(": ") else { continue };
            let list = match kind {
                "unlikely" => &mut p.unlikely,
                "maybe" => &mut p.maybe,
                "positive" => &mut p.positive,
                _ => &mut p.negative,
            };
            list.push(word.trim());
        }
        p
    })
}

fn any(names: &str, list: &[&str]) -> bool {
    !names.trim().is_empty() && list.iter().any(|w| names.contains(w))
}

/// +25 for a positive class/id, −25 for a negative one.
pub fn class_weight(names: &str) -> f32 {
    let p = patterns();
    let mut w = 0.0;
    if any(names, &p.negative) {
        w -= 25.0;
    }
    if any(names, &p.positive) {
        w += 25.0;
    }
    w
}

/// Options of one pass; a pass that finds too little is retried with fewer of them.
#[derive(Clone, Copy, Debug)]
pub struct Flags {
    /// Drop elements whose class/id says furniture.
    pub strip_unlikely: bool,
    /// Score class/id.
    pub weight_classes: bool,
    /// Clean the chosen content of link lists and widgets.
    pub clean: bool,
}

/// Per node: dropped with its subtree.
pub fn dropped(dom: &Dom, flags: Flags) -> Vec<bool> {
    let mut out = vec![false; dom.nodes.len()];
    for (i, n) in dom.nodes.iter().enumerate().skip(1) {
        out[i] = out[n.parent] || !n.is_text() && drops(n, flags);
    }
    out
}

fn drops(n: &super::dom::Node, flags: Flags) -> bool {
    if n.hidden || DROP_TAGS.contains(&n.tag.as_str()) || DROP_ROLES.contains(&n.role.as_str()) {
        return true;
    }
    if !flags.strip_unlikely || matches!(n.tag.as_str(), "article" | "main" | "body" | "html" | "a") {
        return false;
    }
    n.itemprop != "articlebody" && any(&n.names, &patterns().unlikely) && !any(&n.names, &patterns().maybe)
}

/// Stats of every subtree, skipping `removed` nodes.
pub fn stats(dom: &Dom, removed: &[bool]) -> Vec<Stats> {
    let mut out = vec![Stats::default(); dom.nodes.len()];
    for i in (1..dom.nodes.len()).rev() {
        if removed[i] {
            continue;
        }
        let n = &dom.nodes[i];
        let s = &mut out[i];
        if n.is_text() {
            let t = n.text.trim();
            s.text = t.len() as u32;
            s.commas = t.matches([',', '，', '、']).count() as u32;
        } else {
            own_counts(&n.tag, s);
        }
        let s = out[i];
        out[n.parent].add(&s);
    }
    out
}

fn own_counts(tag: &str, s: &mut Stats) {
    match tag {
        "a" => s.links = s.text,
        "p" => s.p += 1,
        "img" => s.img += 1,
        "li" => s.li += 1,
        "input" | "select" | "textarea" | "button" => s.input += 1,
        "ul" | "ol" => s.list_text = s.text,
        t if HEADINGS.contains(&t) => s.heading = s.text,
        _ => {}
    }
    if BLOCKS.contains(&tag) {
        s.blocks += 1;
    }
}

/// The starting score of a container by its tag.
fn tag_score(tag: &str) -> f32 {
    match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// What scoring needs: the tree, what is dropped, the subtree stats and the pass's flags.
pub struct Scoring<'a> {
    /// The page.
    pub dom: &'a Dom,
    /// Nodes dropped before scoring.
    pub removed: &'a [bool],
    /// Their stats.
    pub stats: &'a [Stats],
    /// The pass.
    pub flags: Flags,
    /// Normalised JSON-LD `articleBody`, or empty.
    pub body: &'a str,
}

/// Scores of every node (0 for nodes never scored); `None` where no paragraph was found.
pub fn score(sc: &Scoring) -> Vec<Option<f32>> {
    let dom = sc.dom;
    let mut scores: Vec<Option<f32>> = vec![None; dom.nodes.len()];
    for i in 1..dom.nodes.len() {
        let Some((owner, points)) = paragraph(sc, i) else { continue };
        let mut at = owner;
        for level in 0..5 {
            if at == 0 {
                break;
            }
            let init = || init_score(sc, at);
            let s = scores[at].get_or_insert_with(init);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            *s += points / divider;
            at = dom.nodes[at].parent;
        }
    }
    for (i, s) in scores.iter_mut().enumerate() {
        if let Some(s) = s {
            *s *= 1.0 - sc.stats[i].link_density();
        }
    }
    scores
}

fn init_score(sc: &Scoring, at: NodeId) -> f32 {
    let n = &sc.dom.nodes[at];
    let weight = if sc.flags.weight_classes { class_weight(&n.names) } else { 0.0 };
    let markup = if n.itemprop == "articlebody" { 25.0 } else { 0.0 };
    tag_score(&n.tag) + weight + markup
}

/// A paragraph at `i`: the node whose ancestors it scores (its parent for a leaf block, itself
/// for text loose in a container) and its points.
fn paragraph(sc: &Scoring, i: NodeId) -> Option<(NodeId, f32)> {
    let n = &sc.dom.nodes[i];
    if sc.removed[i] || n.is_text() {
        return None;
    }
    let s = &sc.stats[i];
    // A table cell or a container counts as a paragraph only when it holds no blocks: its
    // paragraphs score it instead.
    let leaf = matches!(n.tag.as_str(), "p" | "pre")
        || matches!(n.tag.as_str(), "td" | "div" | "section" | "article" | "blockquote" | "span")
            && inner_blocks(&n.tag, s) == 0;
    let (owner, len) = if leaf {
        (n.parent, s.text)
    } else if BLOCKS.contains(&n.tag.as_str()) {
        (i, loose_text(sc, i))
    } else {
        return None;
    };
    if len < 25 || leaf && sc.dom.nodes[n.parent].tag == "p" {
        return None;
    }
    let commas = if leaf { s.commas } else { 0 };
    let mut points = 1.0 + commas as f32 + (len as f32 / 100.0).min(3.0);
    if leaf && !sc.body.is_empty() && in_body(sc, i) {
        points *= 3.0;
    }
    Some((owner, points))
}

/// Block elements inside a subtree, not counting its root.
pub fn inner_blocks(tag: &str, s: &Stats) -> u32 {
    s.blocks - u32::from(BLOCKS.contains(&tag))
}

/// Bytes of text directly in a container, outside its block children.
fn loose_text(sc: &Scoring, i: NodeId) -> u32 {
    let n = &sc.dom.nodes[i];
    if sc.stats[i].blocks <= 1 {
        return 0;
    }
    n.children
        .iter()
        .filter(|&&c| !sc.removed[c] && !BLOCKS.contains(&sc.dom.nodes[c].tag.as_str()))
        .map(|&c| sc.stats[c].text)
        .sum()
}

/// Whether the paragraph's text begins a passage of the JSON-LD `articleBody`.
fn in_body(sc: &Scoring, i: NodeId) -> bool {
    let text = super::text::plain(sc.dom, i, sc.removed);
    let key: String = super::text::normal(&text).chars().take(60).collect();
    key.len() >= 20 && sc.body.contains(&key)
}

/// The best-scored node, moved up where Readability would: to a common ancestor of several
/// near-best candidates, and through parents with a single child.
pub fn top_candidate(dom: &Dom, scores: &[Option<f32>]) -> Option<NodeId> {
    let mut ranked: Vec<(NodeId, f32)> =
        scores.iter().enumerate().filter_map(|(i, s)| s.map(|s| (i, s))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(mut top, best) = ranked.first()?;
    let close: Vec<NodeId> =
        ranked.iter().skip(1).take(4).filter(|r| r.1 >= best * 0.75).map(|r| r.0).collect();
    if close.len() >= 3 {
        let mut at = dom.nodes[top].parent;
        while at != 0 {
            if close.iter().filter(|&&c| is_ancestor(dom, at, c)).count() >= 3 {
                top = at;
                break;
            }
            at = dom.nodes[at].parent;
        }
    }
    top = climb(dom, scores, top);
    while top != 0
        && dom.nodes[dom.nodes[top].parent].children.iter().filter(|&&c| !dom.nodes[c].is_text()).count() == 1
    {
        let parent = dom.nodes[top].parent;
        if parent == 0 || matches!(dom.nodes[parent].tag.as_str(), "body" | "html") {
            break;
        }
        top = parent;
    }
    Some(top)
}

/// Moves up to a parent that scores higher than the path below it (an article split into
/// several scored sections).
fn climb(dom: &Dom, scores: &[Option<f32>], top: NodeId) -> NodeId {
    let best = scores[top].unwrap_or(0.0);
    let mut last = best;
    let mut at = dom.nodes[top].parent;
    while at != 0 && !matches!(dom.nodes[at].tag.as_str(), "body" | "html") {
        if let Some(s) = scores[at] {
            if s < best / 3.0 {
                break;
            }
            if s > last {
                return at;
            }
            last = s;
        }
        at = dom.nodes[at].parent;
    }
    top
}

fn is_ancestor(dom: &Dom, a: NodeId, mut n: NodeId) -> bool {
    while n != 0 {
        if n == a {
            return true;
        }
        n = dom.nodes[n].parent;
    }
    a == 0
}

/// The top candidate and those of its siblings that read as part of the article.
pub fn with_siblings(sc: &Scoring, scores: &[Option<f32>], top: NodeId) -> Vec<NodeId> {
    let dom = sc.dom;
    let parent = dom.nodes[top].parent;
    if parent == 0 {
        return vec![top];
    }
    let best = scores[top].unwrap_or(0.0);
    let threshold = (best * 0.2).max(10.0);
    let names = &dom.nodes[top].names;
    let mut out = Vec::new();
    for &c in &dom.nodes[parent].children {
        if sc.removed[c] || dom.nodes[c].is_text() {
            continue;
        }
        let n = &dom.nodes[c];
        let bonus = if !names.trim().is_empty() && n.names == *names { best * 0.2 } else { 0.0 };
        let s = &sc.stats[c];
        let ld = s.link_density();
        let plain = n.tag == "p" || inner_blocks(&n.tag, s) == 0 && BLOCKS.contains(&n.tag.as_str());
        let keep = c == top
            || scores[c].unwrap_or(0.0) + bonus >= threshold
            || plain && (s.text > 80 && ld < 0.25 || s.text > 0 && ld == 0.0 && sentence_like(sc, c));
        // A page that states its article body: a sibling must open with a passage of it.
        if keep && (c == top || sc.body.is_empty() || in_body(sc, c)) {
            out.push(c);
        }
    }
    out
}

fn sentence_like(sc: &Scoring, c: NodeId) -> bool {
    let text = super::text::plain(sc.dom, c, sc.removed);
    let t = text.trim();
    t.contains(". ") || t.ends_with('.')
}

/// Marks, inside `roots`, the containers Readability's conditional cleaning removes: link
/// lists, image galleries, forms and widgets with a negative class.
pub fn clean(sc: &Scoring, scores: &[Option<f32>], roots: &[NodeId], removed: &mut [bool]) {
    let dom = sc.dom;
    // Parents come before their children: one pass marks what lies under a root.
    let mut is_root = vec![false; dom.nodes.len()];
    roots.iter().for_each(|&r| is_root[r] = true);
    let mut inside = vec![false; dom.nodes.len()];
    for i in 1..dom.nodes.len() {
        inside[i] = inside[dom.nodes[i].parent] || is_root[i];
        if removed[i] || dom.nodes[i].is_text() {
            continue;
        }
        let n = &dom.nodes[i];
        if removed[n.parent] && n.parent != 0 {
            removed[i] = true;
            continue;
        }
        if is_root[i] || !inside[i] {
            continue;
        }
        if junk(sc, scores, i) {
            removed[i] = true;
        }
    }
}

fn junk(sc: &Scoring, scores: &[Option<f32>], i: NodeId) -> bool {
    let n = &sc.dom.nodes[i];
    let weight = if sc.flags.weight_classes { class_weight(&n.names) } else { 0.0 };
    if HEADINGS.contains(&n.tag.as_str()) {
        return weight < 0.0 || sc.stats[i].link_density() > 0.33;
    }
    if !matches!(n.tag.as_str(), "form" | "fieldset" | "table" | "ul" | "ol" | "div" | "section") {
        return false;
    }
    if weight + scores[i].unwrap_or(0.0) < 0.0 {
        return true;
    }
    let s = &sc.stats[i];
    if s.commas >= 10 {
        return false;
    }
    let is_list =
        matches!(n.tag.as_str(), "ul" | "ol") || s.text > 0 && s.list_text as f32 / s.text as f32 > 0.9;
    let (p, li) = (s.p as f32, s.li as f32 - 100.0);
    let ld = s.link_density();
    let heading_density = if s.text == 0 { 0.0 } else { s.heading as f32 / s.text as f32 };
    s.img > 1 && p / (s.img as f32) < 0.5
        || !is_list && li > p
        || s.input as f32 > (p / 3.0).floor()
        || !is_list && heading_density < 0.9 && s.text < 25 && (s.img == 0 || s.img > 2)
        || !is_list && weight < 25.0 && ld > 0.2
        || weight >= 25.0 && ld > 0.5
        || is_list && ld > 0.5
}
