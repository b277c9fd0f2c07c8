//! What the page says about its article: headline, byline, date and site from `<meta>` tags
//! (Open Graph, `article:*`, Dublin Core, `name=author`), the `<title>`, and JSON-LD objects of
//! a `NewsArticle`-like type (with `@graph` and arrays walked), whose `articleBody` is the
//! strongest signal of where the article is.
//!
//! Known failure cases: a byline only in the visible text ("By Ama Mensah") is not read here;
//! a JSON-LD block that is not valid JSON is ignored.

use super::dom::Dom;
use serde_json::Value;

/// The metadata found.
#[derive(Debug, Default)]
pub struct Meta {
    /// Headline.
    pub title: String,
    /// Author names, joined with ", ".
    pub byline: String,
    /// Publication date as the page gives it (usually ISO 8601).
    pub date: String,
    /// Publisher or site name.
    pub site: String,
    /// JSON-LD `articleBody`, or empty.
    pub body: String,
}

/// Reads the metadata of `dom`.
pub fn read(dom: &Dom) -> Meta {
    let mut m = Meta::default();
    for block in &dom.json_ld {
        if let Ok(v) = serde_json::from_str::<Value>(block.trim()) {
            visit(&v, &mut m, 0);
        }
    }
    let tag = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| dom.meta.iter().find(|(key, v)| key == k && !v.is_empty()).map(|(_, v)| v.clone()))
    };
    let or = |field: &mut String, value: Option<String>| {
        if field.is_empty() {
            *field = value.unwrap_or_default();
        }
    };
    or(&mut m.title, tag(&["og:title", "twitter:title", "headline", "dc.title"]));
    or(&mut m.title, Some(without_site(&dom.title).to_owned()));
    let author = tag(&["author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"]);
    or(&mut m.byline, author.filter(|a| !a.starts_with("http")));
    let date = tag(&["article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date"]);
    or(&mut m.date, date);
    or(&mut m.date, Some(dom.first_time.clone()));
    or(&mut m.site, tag(&["og:site_name", "application-name", "twitter:site"]));
    m.byline = m.byline.trim_start_matches("By ").trim_start_matches("by ").trim().to_owned();
    m
}

/// Whether a JSON-LD `@type` names an article.
fn is_article(v: &Value) -> bool {
    let t = |s: &str| {
        s.contains("Article") || s.contains("BlogPosting") || s == "Report" || s == "LiveBlogPosting"
    };
    match v.get("@type") {
        Some(Value::String(s)) => t(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(t)),
        _ => false,
    }
}

fn visit(v: &Value, m: &mut Meta, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|x| visit(x, m, depth + 1)),
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                visit(g, m, depth + 1);
            }
            if is_article(v) {
                take_article(v, m);
            }
        }
        _ => {}
    }
}

fn take_article(v: &Value, m: &mut Meta) {
    let s = |key: &str| v.get(key).and_then(Value::as_str).map(str::trim).unwrap_or("").to_owned();
    let body = s("articleBody");
    if body.len() > m.body.len() {
        m.body = body;
    }
    if m.title.is_empty() {
        m.title = s("headline");
    }
    if m.date.is_empty() {
        m.date = s("datePublished");
    }
    if m.byline.is_empty() {
        m.byline = names(v.get("author")).join(", ");
    }
    if m.site.is_empty() {
        m.site = names(v.get("publisher")).join(", ");
    }
}

/// Names of a `Person`/`Organization` value, a list of them, or a plain string.
fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) if !s.starts_with("http") => vec![s.trim().to_owned()],
        Some(Value::Object(o)) => {
            o.get("name").and_then(Value::as_str).map(|s| vec![s.trim().to_owned()]).unwrap_or_default()
        }
        Some(Value::Array(a)) => a.iter().flat_map(|x| names(Some(x))).collect(),
        _ => vec![],
    }
}

/// A `<title>` without the site name it usually carries ("Port deal signed | The Daily
/// Example"): the part before the first separator, when that part has three words or more.
fn without_site(title: &str) -> &str {
    let cut = [" | ", " – ", " — ", " - ", " :: ", " » "].iter().filter_map(|sep| title.find(sep)).min();
    match cut {
        Some(at) if title[..at].split_whitespace().count() >= 3 => title[..at].trim(),
        _ => title,
    }
}
