//! The story at a glance, as plain data: who speaks about whom and which outcomes link whom,
//! laid out for the relations view. No `yew` here: the graph, its layout and the
//! speaker × target table are tested natively; `relations_view.rs` only draws them.
//!
//! Layout: the parties on a circle, the most salient at the top, each node's radius from its
//! salience. The next most salient go a fixed stride of slots further round (about 0.38 of the
//! circle, the golden section), so the central parties, which most arrows join, are spread
//! apart and their arrows cross the middle as long, separate curves instead of bunching
//! between neighbours. The circle grows with the number of nodes so that neighbours never
//! touch (for 2 to [`MAX_NODES`] parties), and the view box fits the circle with room for the
//! labels. Fixed arithmetic, no randomness: the same extraction always gives the same picture.

use super::filter::Index;
use crate::extract::{CueClass, Extraction, Party, PartyKind, Status};
use std::collections::BTreeMap;

/// The most parties drawn; the rest (the least salient) are left out of the picture, and the
/// view says how many.
pub const MAX_NODES: usize = 30;

/// Node radius for a party of salience 0 and of salience 1.
const MIN_RADIUS: f64 = 7.0;
const MAX_RADIUS: f64 = 20.0;
/// Space kept between two neighbouring nodes on the circle.
const GAP: f64 = 14.0;
/// Room around the circle for the labels.
const MARGIN: f64 = 95.0;
/// The smallest circle, so a few parties are not crowded together.
const MIN_RING: f64 = 150.0;
/// Above this many arrows, their labels show only on hover, focus or selection.
pub const LABELLED_ARROWS: usize = 12;

/// One party on the picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Its exported id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind (the node's colour).
    pub kind: PartyKind,
    /// Centre and radius.
    pub x: f64,
    /// Centre, y.
    pub y: f64,
    /// Radius, from salience.
    pub r: f64,
}

/// Claims from one speaker about one target.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Index into [`Graph::nodes`] of the speaker.
    pub from: usize,
    /// Index of the target.
    pub to: usize,
    /// How many claims, per cue class, most frequent first (ties in class order).
    pub classes: Vec<(CueClass, usize)>,
}

impl Arrow {
    /// How many claims the arrow stands for.
    pub fn count(&self) -> usize {
        self.classes.iter().map(|c| c.1).sum()
    }

    /// The label: the commonest class as a verb ("accuses"), with the count when above one.
    pub fn label(&self) -> String {
        let verb = self.classes.first().map_or("says", |c| verb(c.0));
        match self.count() {
            1 => verb.to_owned(),
            n => format!("{verb} ×{n}"),
        }
    }
}

/// Outcomes linking two parties, of one status.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Index of one party (the lower index).
    pub a: usize,
    /// Index of the other.
    pub b: usize,
    /// The status (the link's colour).
    pub status: Status,
    /// How many outcomes.
    pub count: usize,
}

/// The picture: nodes, claim arrows and outcome links, and the view box.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    /// The parties drawn, most salient first.
    pub nodes: Vec<Node>,
    /// Claims, one arrow per speaker and target.
    pub arrows: Vec<Arrow>,
    /// Outcomes, one link per pair of parties and status.
    pub links: Vec<Link>,
    /// Side of the square that holds the circle and its nodes, from 0, 0 ([`view_box`] widens
    /// it for long labels).
    pub size: f64,
    /// Parties left out of the picture (beyond [`MAX_NODES`]).
    pub left_out: usize,
}

/// The verb for a cue class on an arrow: "accuses", "urges", "warns" ...
pub fn verb(class: CueClass) -> &'static str {
    match class {
        CueClass::Say => "says",
        CueClass::Assert => "asserts",
        CueClass::Accuse => "accuses",
        CueClass::Deny => "denies",
        CueClass::Warn => "warns",
        CueClass::Urge => "urges",
        CueClass::Welcome => "welcomes",
        CueClass::Criticise => "criticises",
        CueClass::Promise => "promises",
        CueClass::Believe => "believes",
        CueClass::Describe => "describes",
        CueClass::Report => "reports",
    }
}

/// The graph of an extraction: the parties that are actors (not places) or take part in a
/// claim or outcome, most salient first, at most [`MAX_NODES`].
pub fn graph(ex: &Extraction) -> Graph {
    graph_of(&Index::new(std::rc::Rc::new(ex.clone())))
}

/// [`graph`] of the extraction `index` holds, counted over the parties of each claim and
/// outcome as the index gives them (numbers, not ids): by ids, the 20,000 claims and outcomes
/// of 2 MB of news took the page's thread over 50 ms (issue 14).
pub fn graph_of(index: &Index) -> Graph {
    let ex = index.extraction();
    let claims = (0..ex.claims.len()).map(|i| index.claim_parties(i));
    let mut named = vec![false; ex.parties.len()];
    let all = claims.clone().flat_map(|(s, t)| s.iter().chain(t));
    for &p in all.chain((0..ex.outcomes.len()).flat_map(|i| index.outcome_parties(i))) {
        if let Some(n) = named.get_mut(p as usize) {
            *n = true;
        }
    }
    let mut parties: Vec<(usize, &Party)> =
        ex.parties.iter().enumerate().filter(|(i, p)| p.kind != PartyKind::Place || named[*i]).collect();
    parties.sort_by(|(_, a), (_, b)| b.salience.total_cmp(&a.salience).then_with(|| a.name.cmp(&b.name)));
    let left_out = parties.len().saturating_sub(MAX_NODES);
    parties.truncate(MAX_NODES);
    let radii: Vec<f64> = parties
        .iter()
        .map(|(_, p)| MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * f64::from(p.salience.clamp(0.0, 1.0)))
        .collect();
    let (centres, size) = circle(&radii);
    let nodes: Vec<Node> = parties
        .iter()
        .zip(centres)
        .zip(&radii)
        .map(|(((_, p), (x, y)), &r)| Node { id: p.id.clone(), name: p.name.clone(), kind: p.kind, x, y, r })
        .collect();
    let mut node = vec![None; ex.parties.len()];
    for (n, (i, _)) in parties.iter().enumerate() {
        node[*i] = Some(n);
    }
    let node = |p: &u32| node.get(*p as usize).copied().flatten();
    let arrows = arrows(ex, claims, &node, nodes.len());
    let links = links(ex, (0..ex.outcomes.len()).map(|i| index.outcome_parties(i)), &node);
    Graph { arrows, links, nodes, size, left_out }
}

/// Centres on a circle for nodes of radii `radii`, in order clockwise from the top, and the
/// side of the square view box holding them with their labels.
pub fn circle(radii: &[f64]) -> (Vec<(f64, f64)>, f64) {
    let n = radii.len();
    let biggest = radii.iter().copied().fold(MIN_RADIUS, f64::max);
    // Neighbours are 2·R·sin(π/n) apart: big enough for two of the biggest nodes and a gap.
    let ring = match n {
        0 | 1 => 0.0,
        2 => 110.0,
        _ => ((2.0 * biggest + GAP) / (2.0 * (std::f64::consts::PI / n as f64).sin())).max(MIN_RING),
    };
    let size = 2.0 * (ring + biggest + MARGIN);
    let c = size / 2.0;
    let step = stride(n);
    let centres = (0..n)
        .map(|i| {
            let slot = (i * step) % n.max(1);
            let angle =
                -std::f64::consts::FRAC_PI_2 + 2.0 * std::f64::consts::PI * slot as f64 / n.max(1) as f64;
            (round(c + ring * angle.cos()), round(c + ring * angle.sin()))
        })
        .collect();
    (centres, round(size))
}

/// The stride between the slots of consecutive nodes: the whole number nearest 0.38·n that
/// shares no factor with n, so that every slot is used once.
fn stride(n: usize) -> usize {
    let gcd = |mut a: usize, mut b: usize| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let mut s = ((n as f64 * 0.382).round() as usize).max(1);
    while n > 1 && gcd(s, n) != 1 {
        s += 1;
    }
    s
}

/// Rounded to a tenth, so the SVG stays short and the output is the same on every platform.
fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// One arrow per speaker and target node, in that order; `claims` gives each claim's speakers
/// and targets, `node` a party's node.
fn arrows<'i>(
    ex: &Extraction,
    claims: impl Iterator<Item = (&'i [u32], &'i [u32])>,
    node: &dyn Fn(&u32) -> Option<usize>,
    n: usize,
) -> Vec<Arrow> {
    let mut pairs: Vec<Vec<(CueClass, usize)>> = vec![Vec::new(); n * n];
    for (c, (speakers, targets)) in ex.claims.iter().zip(claims) {
        for s in speakers.iter().filter_map(node) {
            for t in targets.iter().filter_map(node).filter(|&t| t != s) {
                let classes = &mut pairs[s * n + t];
                match classes.iter_mut().find(|(k, _)| *k == c.cue_class) {
                    Some((_, count)) => *count += 1,
                    None => classes.push((c.cue_class, 1)),
                }
            }
        }
    }
    pairs
        .into_iter()
        .enumerate()
        .filter(|(_, classes)| !classes.is_empty())
        .map(|(at, mut classes)| {
            classes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Arrow { from: at / n, to: at % n, classes }
        })
        .collect()
}

/// One link per pair of nodes and status, in that order; `outcomes` gives each outcome's parties.
fn links<'i>(
    ex: &Extraction,
    outcomes: impl Iterator<Item = &'i [u32]>,
    node: &dyn Fn(&u32) -> Option<usize>,
) -> Vec<Link> {
    let mut counts: BTreeMap<(usize, usize, Status), usize> = BTreeMap::new();
    let mut ids: Vec<usize> = Vec::new();
    for (o, parties) in ex.outcomes.iter().zip(outcomes) {
        ids.clear();
        ids.extend(parties.iter().filter_map(node));
        ids.sort_unstable();
        ids.dedup();
        for (k, &a) in ids.iter().enumerate() {
            for &b in &ids[k + 1..] {
                *counts.entry((a, b, o.status)).or_default() += 1;
            }
        }
    }
    counts.into_iter().map(|((a, b, status), count)| Link { a, b, status, count }).collect()
}

/// One row of the speaker × target table: a speaker and, per target, the claims and their
/// classes ("accuses ×2, says").
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The speaker's name.
    pub speaker: String,
    /// One cell per column of [`Table::targets`]: the count and the classes, or 0 and "".
    pub cells: Vec<(usize, String)>,
}

/// The speaker × target table, the picture's equivalent for screen readers and print.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Column heads: every party some arrow points at.
    pub targets: Vec<String>,
    /// One row per speaker with an arrow.
    pub rows: Vec<Row>,
}

/// The table of `g`'s arrows, speakers and targets in node (salience) order.
pub fn table(g: &Graph) -> Table {
    let mut targets: Vec<usize> = g.arrows.iter().map(|a| a.to).collect();
    targets.sort_unstable();
    targets.dedup();
    let mut speakers: Vec<usize> = g.arrows.iter().map(|a| a.from).collect();
    speakers.sort_unstable();
    speakers.dedup();
    let rows = speakers
        .iter()
        .map(|&s| Row {
            speaker: g.nodes[s].name.clone(),
            cells: targets
                .iter()
                .map(|&t| match g.arrows.iter().find(|a| a.from == s && a.to == t) {
                    Some(a) => (a.count(), classes_text(a)),
                    None => (0, String::new()),
                })
                .collect(),
        })
        .collect();
    Table { targets: targets.iter().map(|&t| g.nodes[t].name.clone()).collect(), rows }
}

/// "accuses ×2, says": an arrow's classes with their counts.
pub fn classes_text(a: &Arrow) -> String {
    let part =
        |&(c, n): &(CueClass, usize)| if n == 1 { verb(c).to_owned() } else { format!("{} ×{n}", verb(c)) };
    a.classes.iter().map(part).collect::<Vec<_>>().join(", ")
}

/// The path of an arrow from node `a` to node `b`: a quadratic curve bent to its left, so the
/// two directions between one pair stay apart, from rim to rim (the arrowhead ends at `b`'s
/// edge). Also gives the curve's middle, for the label.
pub fn arrow_path(a: &Node, b: &Node) -> (String, (f64, f64)) {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    // The control point, off the chord's middle by a quarter of its length.
    let bend = len * 0.25;
    let (mx, my) = ((a.x + b.x) / 2.0 - uy * bend, (a.y + b.y) / 2.0 + ux * bend);
    let towards = |n: &Node, r: f64| {
        let (vx, vy) = (mx - n.x, my - n.y);
        let l = (vx * vx + vy * vy).sqrt().max(1.0);
        (round(n.x + vx / l * r), round(n.y + vy / l * r))
    };
    let (sx, sy) = towards(a, a.r + 2.0);
    let (ex, ey) = towards(b, b.r + 4.0);
    let path = format!("M{sx} {sy} Q{} {} {ex} {ey}", round(mx), round(my));
    // The middle of a quadratic curve: a quarter of each end and half the control point.
    let mid = (round((sx + ex) / 4.0 + mx / 2.0), round((sy + ey) / 4.0 + my / 2.0));
    (path, mid)
}

/// Where a node's label goes: outside the circle, away from the centre of the view, and its
/// text anchor ("start", "middle", "end").
pub fn label_at(n: &Node, size: f64) -> (f64, f64, &'static str) {
    let c = size / 2.0;
    let (dx, dy) = (n.x - c, n.y - c);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1.0 {
        return (n.x, round(n.y + n.r + 14.0), "middle");
    }
    let (ux, uy) = (dx / len, dy / len);
    let anchor = if ux > 0.3 {
        "start"
    } else if ux < -0.3 {
        "end"
    } else {
        "middle"
    };
    let push = n.r + 6.0;
    (round(n.x + ux * push), round(n.y + uy * push + if uy > 0.3 { 10.0 } else { 4.0 }), anchor)
}

/// About how wide one character of a node label is, in view-box units (bold 12.5 px
/// system-ui averages 0.6 em; a little over, so a label is never cut).
const LABEL_CHAR: f64 = 7.8;

/// The view box `(x, y, width, height)` of the picture: the square of [`circle`], widened
/// sideways as far as a long label sticks out of it. The labels at the sides run away from
/// the circle, and a name such as "Volta Basin Authority" is wider than the margin kept for
/// labels, so without this the view cut it off wherever the picture had no spare width
/// around it (a narrow column, a phone).
pub fn view_box(g: &Graph) -> (f64, f64, f64, f64) {
    let (mut left, mut right) = (0.0_f64, g.size);
    for n in &g.nodes {
        let (lx, _, anchor) = label_at(n, g.size);
        let w = LABEL_CHAR * n.name.chars().count() as f64;
        let (a, b) = match anchor {
            "end" => (lx - w, lx),
            "start" => (lx, lx + w),
            _ => (lx - w / 2.0, lx + w / 2.0),
        };
        left = left.min(a - 4.0);
        right = right.max(b + 4.0);
    }
    (round(left), 0.0, round(right - left), g.size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn radii(n: usize) -> Vec<f64> {
        (0..n).map(|i| MAX_RADIUS - (MAX_RADIUS - MIN_RADIUS) * i as f64 / n.max(1) as f64).collect()
    }

    #[test]
    fn no_two_nodes_overlap_for_2_to_30_parties() {
        for n in 2..=MAX_NODES {
            let r = radii(n);
            let (c, size) = circle(&r);
            for i in 0..n {
                let (xi, yi) = c[i];
                assert!(
                    xi - r[i] >= 0.0 && yi - r[i] >= 0.0 && xi + r[i] <= size && yi + r[i] <= size,
                    "n={n} i={i}"
                );
                for j in i + 1..n {
                    let d = ((xi - c[j].0).powi(2) + (yi - c[j].1).powi(2)).sqrt();
                    assert!(d >= r[i] + r[j] + GAP * 0.9, "n={n}: nodes {i} and {j} are {d} apart");
                }
            }
        }
    }

    #[test]
    fn the_view_box_holds_every_label() {
        let long = "Ministry of Foreign Affairs and Regional Integration";
        for n in 2..=MAX_NODES {
            let r = radii(n);
            let (centres, size) = circle(&r);
            let nodes = centres
                .iter()
                .zip(&r)
                .enumerate()
                .map(|(i, (&(x, y), &r))| Node {
                    id: format!("p{i}"),
                    name: if i % 3 == 0 { long.to_owned() } else { format!("P{i}") },
                    kind: PartyKind::Organization,
                    x,
                    y,
                    r,
                })
                .collect();
            let g = Graph { nodes, arrows: vec![], links: vec![], size, left_out: 0 };
            let (x, _, w, h) = view_box(&g);
            assert!(x <= 0.0 && x + w >= size && h == size, "n={n}: the circle's square stays inside");
            for node in &g.nodes {
                let (lx, _, anchor) = label_at(node, size);
                let width = LABEL_CHAR * node.name.chars().count() as f64;
                let (a, b) = match anchor {
                    "end" => (lx - width, lx),
                    "start" => (lx, lx + width),
                    _ => (lx - width / 2.0, lx + width / 2.0),
                };
                assert!(a >= x && b <= x + w, "n={n}: the label of {} runs out of the view", node.id);
            }
        }
    }

    #[test]
    fn every_slot_is_used_once() {
        for n in 1..=MAX_NODES {
            let s = stride(n);
            let mut slots: Vec<usize> = (0..n).map(|i| (i * s) % n).collect();
            slots.sort_unstable();
            assert_eq!(slots, (0..n).collect::<Vec<_>>(), "n={n}");
        }
    }

    #[test]
    fn the_layout_is_deterministic_and_starts_at_the_top() {
        let r = radii(12);
        assert_eq!(circle(&r), circle(&r));
        let (c, size) = circle(&r);
        assert_eq!(c[0].0, size / 2.0);
        assert!(c[0].1 < size / 2.0);
    }

    #[test]
    fn arrows_links_and_table_from_an_article() {
        let text = "Ghana accused Togo of blocking the river talks. \
                    Togo denied that Ghana had been excluded. \
                    Ghana and Togo signed a water accord on Friday.";
        let ex = crate::extract::analyze(text);
        let g = graph(&ex);
        assert_eq!(g, graph(&ex));
        let name = |i: usize| g.nodes[i].name.as_str();
        let pairs: Vec<(&str, &str, String)> =
            g.arrows.iter().map(|a| (name(a.from), name(a.to), a.label())).collect();
        assert!(pairs.contains(&("Ghana", "Togo", "accuses".to_owned())), "{pairs:?}");
        assert!(g.links.iter().any(|l| l.status == Status::Agreed), "{:?}", g.links);
        let t = table(&g);
        let row = t.rows.iter().find(|r| r.speaker == "Ghana").expect("Ghana row");
        let col = t.targets.iter().position(|n| n == "Togo").expect("Togo column");
        assert_eq!(row.cells[col].0, 1);
    }
}
