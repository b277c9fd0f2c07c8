//! What the page says about its article: headline, byline, date and site from `<meta>` tags
//! (Open Graph, `article:*`, Dublin Core, `name=author`), the `<title>`, and JSON-LD objects of
//! a `NewsArticle`-like type ([`super::json_ld`]), whose `articleBody` is the
//! strongest signal of where the article is.
//!
//! Known failure cases: a byline only in the visible text ("By Ama Mensah") is not read here;
//! JSON-LD is read by key, with the failure cases [`super::json_ld`] lists.

use super::dom::Dom;

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
        if let Some(f) = super::json_ld::read(block) {
            take_article(f, &mut m);
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

fn take_article(f: super::json_ld::Fields, m: &mut Meta) {
    if f.body.len() > m.body.len() {
        m.body = f.body;
    }
    let or = |field: &mut String, value: String| {
        if field.is_empty() {
            *field = value;
        }
    };
    or(&mut m.title, f.headline);
    or(&mut m.date, f.date);
    or(&mut m.byline, f.authors.join(", "));
    or(&mut m.site, f.publisher);
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
