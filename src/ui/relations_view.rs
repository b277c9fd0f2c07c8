//! The relations view: the parties as nodes, claims as arrows, outcomes as links, drawn as
//! SVG from the plain graph of `relations.rs`, with the speaker × target table beside it for
//! screen readers and print. A click (or Enter) on a node shows that party's cards, on an
//! arrow the claims of that speaker about that target.

use super::filter::{Filters, Index, Relation};
use super::relations::{self, Graph};
use super::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Claims and outcomes from which the graph is drawn a task after the cards.
const DRAW_LATER_FROM: usize = 1_000;

/// Properties of [`RelationsView`].
#[derive(Properties)]
pub struct RelationsViewProps {
    /// The extraction, indexed (the graph counts the parties the index gives each claim).
    pub index: Rc<Index>,
    /// The active filters (to mark the focused node or arrow).
    pub filters: Filters,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

impl PartialEq for RelationsViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.index, &other.index)
            && self.filters.parties == other.filters.parties
            && self.filters.relation == other.filters.relation
    }
}

/// A click or Enter / Space on a focusable SVG element sends `action`.
fn activate(dispatch: &Callback<Action>, action: Action) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let (d1, a1) = (dispatch.clone(), action.clone());
    let (d2, a2) = (dispatch.clone(), action);
    (
        Callback::from(move |_| d1.emit(a1.clone())),
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                d2.emit(a2.clone());
            }
        }),
    )
}

/// The relations view, with its table.
#[component]
pub fn RelationsView(props: &RelationsViewProps) -> Html {
    // A large extraction's graph is drawn a task after its cards: for the 20,000 claims and
    // outcomes of 2 MB of news it costs tens of milliseconds, and the first render of the
    // cards may not take the page's thread over 200 ms (issue 14).
    let ex = props.index.extraction();
    let key = Rc::as_ptr(ex) as usize;
    let drawn = use_state(|| 0usize);
    let wait = ex.claims.len() + ex.outcomes.len() > DRAW_LATER_FROM && *drawn != key;
    {
        let drawn = drawn.clone();
        use_effect_with((key, wait), move |&(key, wait)| {
            let timer = wait.then(|| super::dom::later(Box::new(move || drawn.set(key))));
            move || drop(timer)
        });
    }
    let g = use_memo((Same(props.index.clone()), wait), |(index, wait)| {
        if *wait {
            Graph::default()
        } else {
            relations::graph_of(&index.0)
        }
    });
    let show_table = use_state(|| false);
    if g.nodes.len() < 2 {
        return html! {};
    }
    let f = &props.filters;
    let d = &props.dispatch;
    let (vx, vy, vw, vh) = relations::view_box(&g);
    let toggle = {
        let show = show_table.clone();
        Callback::from(move |_: MouseEvent| show.set(!*show))
    };
    let summary = format!(
        "{} parties, {} claim arrows between them, {} outcome links. The table below lists the same.",
        g.nodes.len(),
        g.arrows.len(),
        g.links.len()
    );
    html! {
        <section class="ae-relations" aria-label="Relations" data-testid="relations">
            <div class="ae-relations-head">
                <h2 class="ae-relations-title">{"Who said what about whom"}</h2>
                <button type="button" class="ae-link" onclick={toggle} aria-expanded={show_table.to_string()}
                    aria-controls="ae-relations-table" data-testid="relations-table-toggle">
                    {if *show_table { "Hide table" } else { "Show as table" }}
                </button>
            </div>
            <svg class="ae-relations-svg" viewBox={format!("{vx} {vy} {vw} {vh}")} role="group"
                aria-label={summary} data-testid="relations-svg">
                <defs>
                    {marker("ae-arrowhead", "ae-arrowhead")}
                    {marker("ae-arrowhead-blame", "ae-arrowhead blame")}
                </defs>
                {links(&g)}
                {arrows(&g, f, d)}
                {nodes(&g, f, d)}
                {labels(&g, f, d)}
            </svg>
            if g.left_out > 0 {
                <p class="ae-muted ae-small-note">{format!("The {} least central parties are left out of the picture.", g.left_out)}</p>
            }
            <p class="ae-legend ae-muted" aria-hidden="true">
                <span class="ae-legend-item"><span class="ae-legend-line legend-claim"></span>{"claim (speaker → target)"}</span>
                <span class="ae-legend-item"><span class="ae-legend-line legend-blame"></span>{"accusation, criticism"}</span>
                <span class="ae-legend-item"><span class="ae-legend-line legend-agreed"></span>{"agreed"}</span>
                <span class="ae-legend-item"><span class="ae-legend-line legend-failed"></span>{"failed"}</span>
                <span class="ae-legend-item"><span class="ae-legend-line legend-pending"></span>{"pending"}</span>
            </p>
            {table(&g, !*show_table)}
        </section>
    }
}

fn links(g: &Graph) -> Html {
    html! {
        <g class="ae-links">
            {for g.links.iter().map(|l| {
                let (a, b) = (&g.nodes[l.a], &g.nodes[l.b]);
                // Links of several statuses between one pair run side by side, 5 px apart.
                let (dx, dy) = (b.x - a.x, b.y - a.y);
                let len = (dx * dx + dy * dy).sqrt().max(1.0);
                let k = g.links.iter().filter(|m| m.a == l.a && m.b == l.b).position(|m| m == l).unwrap_or(0);
                let n = g.links.iter().filter(|m| m.a == l.a && m.b == l.b).count();
                let shift = (k as f64 - (n as f64 - 1.0) / 2.0) * 5.0;
                let (ox, oy) = (-dy / len * shift, dx / len * shift);
                let title = format!("{} outcome{} between {} and {}: {}", l.count, if l.count == 1 { "" } else { "s" },
                    a.name, b.name, l.status.label());
                html! {
                    <line class={classes!("ae-link-line", format!("status-{}", l.status.label()))}
                        x1={(a.x + ox).to_string()} y1={(a.y + oy).to_string()}
                        x2={(b.x + ox).to_string()} y2={(b.y + oy).to_string()}
                        stroke-width={(1.5 + l.count.min(4) as f64).to_string()}>
                        <title>{title}</title>
                    </line>
                }
            })}
        </g>
    }
}

/// An arrowhead marker; `class` sets its colour (blame arrows are red).
fn marker(id: &'static str, class: &'static str) -> Html {
    html! {
        <marker {id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" {class} />
        </marker>
    }
}

/// The action of arrow `a`: show its claims, or everything again when it is the focus.
fn arrow_action(g: &Graph, a: &relations::Arrow, f: &Filters) -> (Action, bool) {
    let relation = Relation { from: g.nodes[a.from].name.clone(), to: g.nodes[a.to].name.clone() };
    let on = f.relation.as_ref() == Some(&relation);
    (Action::SetRelation(if on { None } else { Some(relation) }), on)
}

/// Whether an arrow's class is blame (drawn red): accuses, criticises.
fn blame(a: &relations::Arrow) -> bool {
    matches!(a.classes[0].0, crate::extract::CueClass::Accuse | crate::extract::CueClass::Criticise)
}

fn arrows(g: &Graph, f: &Filters, d: &Callback<Action>) -> Html {
    html! {
        <g class="ae-arrows">
            {for g.arrows.iter().map(|a| {
                let (from, to) = (&g.nodes[a.from], &g.nodes[a.to]);
                let (path, _) = relations::arrow_path(from, to);
                let (action, on) = arrow_action(g, a, f);
                let (onclick, onkeydown) = activate(d, action);
                let claims = if a.count() == 1 { "1 claim".to_owned() } else { format!("{} claims", a.count()) };
                let aria = format!("{} {} {}: {claims}. Show these claims", from.name, relations::classes_text(a), to.name);
                let head = if blame(a) { "url(#ae-arrowhead-blame)" } else { "url(#ae-arrowhead)" };
                html! {
                    <g class={classes!("ae-arrow", blame(a).then_some("is-blame"), on.then_some("is-on"))}
                        tabindex="0" role="button" aria-label={aria.clone()} aria-pressed={on.to_string()}
                        data-testid="relation-arrow" data-from={from.name.clone()} data-to={to.name.clone()}
                        {onclick} {onkeydown}>
                        <title>{aria}</title>
                        <path class="ae-arrow-hit" d={path.clone()} />
                        <path class="ae-arrow-line" d={path} marker-end={head}
                            stroke-width={(1.2 + a.count().min(5) as f64 * 0.6).to_string()} />
                    </g>
                }
            })}
        </g>
    }
}

/// The arrows' labels, above everything so none is hidden under a line; a click on one is a
/// click on its arrow. With many arrows only the focused arrow's label shows (the table has
/// them all).
fn labels(g: &Graph, f: &Filters, d: &Callback<Action>) -> Html {
    let many = g.arrows.len() > relations::LABELLED_ARROWS;
    html! {
        <g class="ae-arrow-labels" aria-hidden="true">
            {for g.arrows.iter().filter(|a| !many || arrow_action(g, a, f).1).map(|a| {
                let (_, (mx, my)) = relations::arrow_path(&g.nodes[a.from], &g.nodes[a.to]);
                let (action, on) = arrow_action(g, a, f);
                let d = d.clone();
                html! {
                    <text class={classes!("ae-arrow-label", blame(a).then_some("is-blame"), on.then_some("is-on"))}
                        x={mx.to_string()} y={(my + 4.0).to_string()} text-anchor="middle"
                        data-testid="relation-label" data-from={g.nodes[a.from].name.clone()} data-to={g.nodes[a.to].name.clone()}
                        onclick={Callback::from(move |_| d.emit(action.clone()))}>{a.label()}</text>
                }
            })}
        </g>
    }
}

fn nodes(g: &Graph, f: &Filters, d: &Callback<Action>) -> Html {
    html! {
        <g class="ae-nodes">
            {for g.nodes.iter().map(|n| {
                let on = f.parties.contains(&n.name);
                let action = if on { Action::ToggleParty(n.name.clone()) } else { Action::OnlyParty(n.name.clone()) };
                let (onclick, onkeydown) = activate(d, action);
                let (lx, ly, anchor) = relations::label_at(n, g.size);
                html! {
                    <g class={classes!("ae-node", format!("kind-{}", n.kind.label()), on.then_some("is-on"))}
                        tabindex="0" role="button" aria-label={format!("{} ({}). Show its cards", n.name, n.kind.label())}
                        aria-pressed={on.to_string()} data-testid="relation-node" data-party={n.name.clone()}
                        {onclick} {onkeydown}>
                        <circle cx={n.x.to_string()} cy={n.y.to_string()} r={n.r.to_string()} />
                        <text x={lx.to_string()} y={ly.to_string()} text-anchor={anchor}>{n.name.clone()}</text>
                    </g>
                }
            })}
        </g>
    }
}

/// The speaker × target table: visually hidden unless asked for (screen readers read it),
/// and shown by the print stylesheet (stable id `ae-relations-table`).
fn table(g: &Graph, hidden: bool) -> Html {
    let t = relations::table(g);
    if t.rows.is_empty() {
        return html! {
            <div class={classes!("ae-relations-table-wrap", hidden.then_some("ae-sr"))}>
                <p id="ae-relations-table" class="ae-relations-table">{"No claim names a target."}</p>
            </div>
        };
    }
    html! {
        // The wrapper hides it: a table grows to its content whatever its own width says.
        <div class={classes!("ae-relations-table-wrap", hidden.then_some("ae-sr"))}>
        <table id="ae-relations-table" class="ae-relations-table" data-testid="relations-table">
            <caption>{"Claims by speaker (rows) about target (columns)"}</caption>
            <thead>
                <tr>
                    <th scope="col">{"Speaker"}</th>
                    {for t.targets.iter().map(|n| html! { <th scope="col">{n.clone()}</th> })}
                </tr>
            </thead>
            <tbody>
                {for t.rows.iter().map(|r| html! {
                    <tr>
                        <th scope="row">{r.speaker.clone()}</th>
                        {for r.cells.iter().map(|(n, classes)| html! {
                            <td>{if *n == 0 { String::new() } else { format!("{n} ({classes})") }}</td>
                        })}
                    </tr>
                })}
            </tbody>
        </table>
        </div>
    }
}

/// An `Rc` compared by identity, for the memo key.
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Same<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
