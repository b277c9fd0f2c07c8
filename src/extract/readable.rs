//! The readable-article stage: an HTML page in, its article's text and metadata out.
//!
//! 1. [`dom`]: html5gum's WHATWG tokens built into a light tree; `script`, `style` and
//!    the like never enter it; `<title>`, `<meta>` and JSON-LD are collected on the way.
//! 2. [`meta`]: headline, byline, date and site from the metadata, and the JSON-LD
//!    `articleBody` when the page states one.
//! 3. [`score`]: furniture dropped (navigation, headers, footers, asides, forms, figures and
//!    their captions, hidden elements, class/id patterns such as `comment`, `related`, `share`, `newsletter`,
//!    `cookie`); paragraphs scored by length and commas, containers by their paragraphs times
//!    one minus their link density, as Readability.js does; paragraphs the JSON-LD
//!    `articleBody` contains weigh three times. The best container and its article-like
//!    siblings are kept, then cleaned of link lists and widgets.
//! 4. [`text`]: one paragraph a line, headings kept, whitespace collapsed, entities decoded
//!    (by the tokenizer); lines of nothing but links are trimmed from the start and the end,
//!    and a first line repeating the headline is dropped.
//!
//! A pass that finds under 500 bytes of text is retried without the class/id rules, then
//! without cleaning; a later pass wins only with over twice the text. When the page's JSON-LD `articleBody` is
//! much longer than what the tree gave, and the page's visible text contains its opening,
//! it is used instead.
//!
//! Known failure cases: articles split into many small containers with no common parent
//! (some live blogs) lose their later parts; a page whose article sits in an element named
//! like furniture (`class="story-footer-text"`) can be dropped on the first pass; teasers of
//! other articles written as full paragraphs beside the article can be kept as siblings.

pub mod dom;
pub mod meta;
pub mod score;
pub mod text;

#[cfg(test)]
mod tests;

use score::{Flags, Scoring};

/// A page's article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// The headline.
    pub title: String,
    /// The authors, joined with ", ".
    pub byline: String,
    /// Publication date as the page gives it (usually ISO 8601).
    pub date: String,
    /// The site or publisher.
    pub site: String,
    /// The article's text, one paragraph a line: what the extractor analyses.
    pub text: String,
}

/// Passes tried in turn until one finds enough text.
const PASSES: [Flags; 3] = [
    Flags { strip_unlikely: true, weight_classes: true, clean: true },
    Flags { strip_unlikely: false, weight_classes: false, clean: true },
    Flags { strip_unlikely: false, weight_classes: false, clean: false },
];
/// Text (bytes) a pass must find to stop the retries.
const ENOUGH: usize = 500;

/// The article of an HTML page.
///
/// ```
/// use article_explorer::extract::readable::read;
/// let page = "<title>Port deal</title><nav><a href=/>Home</a></nav><article><h1>Port deal</h1>\
///             <p>Ghana and Togo signed the port deal on Monday, officials said.</p></article>";
/// let a = read(page);
/// assert_eq!(a.title, "Port deal");
/// assert_eq!(a.text, "Ghana and Togo signed the port deal on Monday, officials said.");
/// ```
pub fn read(html: &str) -> Article {
    let dom = dom::parse(html);
    let m = meta::read(&dom);
    let body = text::normal(&m.body);
    let mut best = String::new();
    for flags in PASSES {
        let found = pass(&dom, flags, &body);
        // A looser pass must find much more to win: on a short page it mostly adds furniture.
        if found.len() > best.len() * 2 {
            best = found;
        }
        if best.len() >= ENOUGH {
            break;
        }
    }
    let best = drop_headline(best, &m.title);
    let text = prefer_json_ld(&dom, best, &m.body, &body);
    Article { title: m.title, byline: m.byline, date: m.date, site: m.site, text }
}

/// One pass of drop, score, choose, clean and render.
fn pass(dom: &dom::Dom, flags: Flags, body: &str) -> String {
    let mut removed = score::dropped(dom, flags);
    let stats = score::stats(dom, &removed);
    let sc = Scoring { dom, removed: &removed, stats: &stats, flags, body };
    let scores = score::score(&sc);
    let Some(top) = score::top_candidate(dom, &scores) else {
        return text::render(dom, &[0], &removed);
    };
    let roots = score::with_siblings(&sc, &scores, top);
    if flags.clean {
        let mut cleaned = removed.clone();
        score::clean(&sc, &scores, &roots, &mut cleaned);
        removed = cleaned;
    }
    text::render(dom, &roots, &removed)
}

/// Drops a first line that repeats the headline: it is shown apart from the article.
fn drop_headline(text: String, title: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    let key = text::normal(first);
    let title = text::normal(title);
    if !key.is_empty() && (key == title || title.starts_with(&key) && key.len() * 2 > title.len()) {
        text.split_once('\n').map(|(_, rest)| rest.to_owned()).unwrap_or_default()
    } else {
        text
    }
}

/// The JSON-LD `articleBody` instead of `found` when it is over twice as long and the page
/// shows its opening.
fn prefer_json_ld(dom: &dom::Dom, found: String, raw: &str, body: &str) -> String {
    if body.len() < ENOUGH || text::normal(&found).len() * 2 > body.len() {
        return found;
    }
    let removed = vec![false; dom.nodes.len()];
    let page = text::normal(&text::plain(dom, 0, &removed));
    let opening: String = body.chars().take(80).collect();
    if page.contains(&opening) {
        text::tidy_lines(raw)
    } else {
        found
    }
}
