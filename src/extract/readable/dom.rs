//! A light element tree over html5gum's WHATWG tokens.
//!
//! The tokenizer is conformant (entities, attributes, comments, raw text in `script` and
//! `style`); the tree is built with a subset of the HTML tree-construction rules that matter
//! for reading: void elements, `p` closed by the next block, `li`/`dt`/`dd`/`tr`/`td`/`option`
//! closed by their next sibling, and an end tag closing up to its nearest open element (a stray
//! end tag is ignored). The `head`'s `title`, `meta` and JSON-LD scripts are collected on the
//! way; `script`, `style`, `template` and the like never enter the tree.
//!
//! Known failure cases: mis-nested formatting elements (`<b><p>x</b>`) are not reparented as a
//! browser would (the text is kept, in a slightly different tree), and tables are not fostered.

use html5gum::{naive_next_state, Emitter, Error, Reader, State, Tokenizer};

/// Index of a node in [`Dom::nodes`]; the root is `0`.
pub type NodeId = usize;

/// An element or a run of text.
#[derive(Debug, Default)]
pub struct Node {
    /// Lower-case tag name; empty for a text node.
    pub tag: String,
    /// The text of a text node, whitespace collapsed to single spaces.
    pub text: String,
    /// `class` and `id`, lower-cased and joined by a space.
    pub names: String,
    /// `itemprop`, lower-cased.
    pub itemprop: String,
    /// Hidden by `hidden`, `aria-hidden="true"`, `display:none` or a dialog/alert `role`
    /// that marks page furniture.
    pub hidden: bool,
    /// `role`, lower-cased.
    pub role: String,
    /// Child nodes in document order.
    pub children: Vec<NodeId>,
    /// The parent (the root is its own parent).
    pub parent: NodeId,
}

impl Node {
    /// Whether this is a text node.
    pub fn is_text(&self) -> bool {
        self.tag.is_empty()
    }
}

/// The parsed page: its tree and what the `head` says.
#[derive(Debug, Default)]
pub struct Dom {
    /// Every node; children always come after their parent.
    pub nodes: Vec<Node>,
    /// `<title>`'s text.
    pub title: String,
    /// `<meta>` tags as (`property` or `name` or `itemprop`, lower-cased; `content`).
    pub meta: Vec<(String, String)>,
    /// The contents of every `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `datetime` of the first `<time>` element.
    pub first_time: String,
}

/// Elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "keygen",
];
/// Elements whose contents never reach the tree (read for metadata at most).
const RAW: &[&str] =
    &["script", "style", "noscript", "template", "iframe", "textarea", "xmp", "noembed", "noframes"];
/// Block elements that close an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
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
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// What a raw-text element being read is for.
enum Raw {
    /// Skipped.
    Skip,
    /// `<title>`.
    Title,
    /// A JSON-LD script.
    JsonLd,
}

/// Builds the tree.
#[derive(Default)]
struct Builder {
    dom: Dom,
    /// Open elements, innermost last; starts with the root.
    open: Vec<NodeId>,
    raw: Option<(String, Raw)>,
}

/// A start tag as read: its name and the attributes the reader looks at.
#[derive(Default)]
struct Tag {
    name: String,
    self_closing: bool,
    attrs: Vec<(String, String)>,
}

/// Attributes kept from start tags; the others are skipped as they are read.
const ATTRS: &[&str] = &[
    "class",
    "id",
    "itemprop",
    "role",
    "hidden",
    "aria-hidden",
    "style",
    "type",
    "datetime",
    "property",
    "name",
    "content",
];

/// Parses `html` into a [`Dom`].
pub fn parse(html: &str) -> Dom {
    let mut b = Builder { dom: Dom::default(), open: vec![0], raw: None };
    b.dom.nodes.push(Node { tag: "#root".to_owned(), ..Node::default() });
    let mut emitter = TreeEmitter { builder: b, ..TreeEmitter::default() };
    // The emitter yields no tokens: one `next` reads the whole page into the tree.
    let mut tokens = Tokenizer::new_with_emitter(PageReader(html.as_bytes()), &mut emitter);
    while tokens.next().is_some() {}
    drop(tokens);
    emitter.builder.dom
}

/// The page as html5gum reads it. Its own string reader is built for speed: every method is
/// `inline(always)`, with an 8-bytes-at-a-time search specialised for each state's set of
/// stop bytes, so each of the tokenizer's 78 states carries a copy. This one is called, not
/// inlined: the readable stage is a third smaller in wasm (issue 12's 40 KB budget) and still
/// reads HTML at well over its 20 MB/s (`scripts/bench`).
struct PageReader<'a>(&'a [u8]);

impl Reader for PageReader<'_> {
    type Error = std::convert::Infallible;

    #[inline(never)]
    fn read_byte(&mut self) -> Result<Option<u8>, Self::Error> {
        let (&first, rest) = match self.0.split_first() {
            Some(split) => split,
            None => return Ok(None),
        };
        self.0 = rest;
        Ok(Some(first))
    }

    /// The bytes up to the first of `needle`, or that byte alone when it comes first (the
    /// contract of [`Reader::read_until`]).
    #[inline(never)]
    fn read_until<'b>(
        &'b mut self,
        needle: &[u8],
        _: &'b mut [u8; 4],
    ) -> Result<Option<&'b [u8]>, Self::Error> {
        if self.0.is_empty() {
            return Ok(None);
        }
        let at = find_any(self.0, needle).unwrap_or(self.0.len()).max(1);
        let (chunk, rest) = self.0.split_at(at);
        self.0 = rest;
        Ok(Some(chunk))
    }

    #[inline(never)]
    fn try_read_string(&mut self, s: &[u8], case_sensitive: bool) -> Result<bool, Self::Error> {
        let Some(next) = self.0.get(..s.len()) else { return Ok(false) };
        let found = if case_sensitive { next == s } else { next.eq_ignore_ascii_case(s) };
        if found {
            self.0 = &self.0[s.len()..];
        }
        Ok(found)
    }
}

/// Where the first byte of `needle` is in `haystack`: eight bytes at a time, each needle byte
/// tested on a word at once ("has a zero byte" on the word xor the byte repeated; a false hit
/// can only sit above a true one, so the lowest hit is the first match).
fn find_any(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = haystack.chunks_exact(8);
    for (k, word) in (&mut words).enumerate() {
        let x = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let hits = needle.iter().fold(0, |hits, &b| {
            let v = x ^ ONES.wrapping_mul(u64::from(b));
            hits | (v.wrapping_sub(ONES) & !v & HIGH)
        });
        if hits != 0 {
            return Some(k * 8 + hits.trailing_zeros() as usize / 8);
        }
    }
    let done = haystack.len() - words.remainder().len();
    words.remainder().iter().position(|b| needle.contains(b)).map(|i| done + i)
}

/// html5gum's tokenizer calls this as it reads; it builds the tree directly. It keeps only
/// what the tree needs (text runs, tag names, the attributes of [`ATTRS`]) and ignores errors,
/// comments and doctypes, which makes the generic tokenizer compiled for it much smaller in
/// wasm than one built for html5gum's general-purpose callback emitter.
#[derive(Default)]
struct TreeEmitter {
    builder: Builder,
    /// Text read since the last tag, comment or doctype.
    text: Vec<u8>,
    /// The tag being read: a start tag, or an end tag when `end`.
    tag: Tag,
    tag_name: Vec<u8>,
    end: bool,
    /// The attribute being read.
    attr_name: Vec<u8>,
    attr_value: Vec<u8>,
    /// The last start tag's name: an end tag matching it closes raw text (WHATWG's
    /// "appropriate end tag token").
    last_start_tag: Vec<u8>,
}

impl TreeEmitter {
    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            self.builder.text(&lossy(&self.text));
            self.text.clear();
        }
    }

    /// Keeps the attribute just read when the tree looks at it (the first of a name wins, as
    /// in WHATWG's tokenizer).
    fn flush_attr(&mut self) {
        if self.attr_name.is_empty() {
            return;
        }
        let name = lossy(&self.attr_name);
        if ATTRS.contains(&name.as_ref()) && !self.tag.attrs.iter().any(|(n, _)| *n == name) {
            let value = lossy(&self.attr_value).into_owned();
            self.tag.attrs.push((name.into_owned(), value));
        }
        self.attr_name.clear();
        self.attr_value.clear();
    }
}

impl Emitter for &mut TreeEmitter {
    type Token = ();

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag.extend(last_start_tag.unwrap_or_default());
    }
    fn emit_eof(&mut self) {
        self.flush_text();
    }
    fn emit_error(&mut self, _: Error) {}
    fn should_emit_errors(&mut self) -> bool {
        false
    }
    fn pop_token(&mut self) -> Option<()> {
        None
    }
    fn emit_string(&mut self, c: &[u8]) {
        self.text.extend_from_slice(c);
    }
    fn init_start_tag(&mut self) {
        self.tag = Tag::default();
        self.tag_name.clear();
        self.end = false;
    }
    fn init_end_tag(&mut self) {
        self.tag_name.clear();
        self.end = true;
    }
    fn init_comment(&mut self) {
        self.flush_text();
    }
    fn emit_current_tag(&mut self) -> Option<State> {
        self.flush_text();
        self.flush_attr();
        let name = lossy(&self.tag_name).into_owned();
        if self.end {
            self.last_start_tag.clear();
            self.builder.end(&name);
        } else {
            self.last_start_tag.clone_from(&self.tag_name);
            let mut tag = std::mem::take(&mut self.tag);
            tag.name = name;
            self.builder.start(tag);
        }
        // Raw text after `script`, `style`, `title`, `textarea` and the like, as a browser reads it.
        naive_next_state(&self.last_start_tag)
    }
    fn emit_current_comment(&mut self) {}
    fn emit_current_doctype(&mut self) {}
    fn set_self_closing(&mut self) {
        self.tag.self_closing = !self.end;
    }
    fn set_force_quirks(&mut self) {}
    fn push_tag_name(&mut self, s: &[u8]) {
        self.tag_name.extend_from_slice(s);
    }
    fn push_comment(&mut self, _: &[u8]) {}
    fn push_doctype_name(&mut self, _: &[u8]) {}
    fn init_doctype(&mut self) {
        self.flush_text();
    }
    fn init_attribute(&mut self) {
        self.flush_attr();
    }
    fn push_attribute_name(&mut self, s: &[u8]) {
        self.attr_name.extend_from_slice(s);
    }
    fn push_attribute_value(&mut self, s: &[u8]) {
        self.attr_value.extend_from_slice(s);
    }
    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}
    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}
    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}
    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}
    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.end && !self.last_start_tag.is_empty() && self.last_start_tag == self.tag_name
    }
}

/// The bytes the tokenizer read, as text. They are the page's own, so almost always valid
/// UTF-8: checked by `from_utf8` (a word at a time) first, and repaired only when they are
/// not, because `from_utf8_lossy` walks them a character at a time (a fifth of the stage).
fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// An attribute's value.
fn attr(tag: &Tag, name: &str) -> Option<String> {
    tag.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
}

impl Builder {
    fn start(&mut self, tag: Tag) {
        let name = tag.name.clone();
        match name.as_str() {
            "meta" => return self.meta(&tag),
            "title" => return self.raw = Some((String::new(), Raw::Title)),
            "script" => {
                let kind = attr(&tag, "type").unwrap_or_default().to_ascii_lowercase();
                let raw = if kind.contains("ld+json") { Raw::JsonLd } else { Raw::Skip };
                return self.raw = Some((String::new(), raw));
            }
            "time" if self.dom.first_time.is_empty() => {
                self.dom.first_time = attr(&tag, "datetime").unwrap_or_default();
            }
            n if RAW.contains(&n) => return self.raw = Some((String::new(), Raw::Skip)),
            _ => {}
        }
        self.close_implied(&name);
        let node = element(&tag, name);
        let id = self.push(node);
        // `<x/>` closes itself only for foreign (SVG, MathML) elements, which are dropped anyway.
        let closed = tag.self_closing && !CLOSES_P.contains(&tag.name.as_str());
        if !VOID.contains(&self.dom.nodes[id].tag.as_str()) && !closed {
            self.open.push(id);
        }
    }

    /// Closes what the start of `name` closes implicitly.
    fn close_implied(&mut self, name: &str) {
        let siblings: &[&str] = match name {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "tr" => &["tr", "td", "th"],
            "td" | "th" => &["td", "th"],
            "option" => &["option"],
            _ => &[],
        };
        let top = self.top_tag();
        if siblings.contains(&top) {
            self.open.pop();
        }
        if CLOSES_P.contains(&name) && self.top_tag() == "p" {
            self.open.pop();
        }
    }

    fn top_tag(&self) -> &str {
        self.dom.nodes[*self.open.last().unwrap_or(&0)].tag.as_str()
    }

    fn push(&mut self, mut node: Node) -> NodeId {
        let parent = *self.open.last().unwrap_or(&0);
        node.parent = parent;
        let id = self.dom.nodes.len();
        self.dom.nodes.push(node);
        self.dom.nodes[parent].children.push(id);
        id
    }

    fn end(&mut self, name: &str) {
        if let Some((text, raw)) = self.raw.take() {
            match raw {
                Raw::Title if self.dom.title.is_empty() => self.dom.title = collapse(&text).trim().to_owned(),
                Raw::JsonLd => self.dom.json_ld.push(text),
                _ => {}
            }
            return;
        }
        if name == "br" {
            self.push(Node { tag: "br".to_owned(), ..Node::default() });
            return;
        }
        // Stop at the root; never close past a table boundary for a cell or a row.
        if let Some(at) = self.open.iter().rposition(|&id| self.dom.nodes[id].tag == name) {
            if at > 0 {
                self.open.truncate(at);
            }
        }
    }

    fn text(&mut self, s: &str) {
        if let Some((text, _)) = self.raw.as_mut() {
            text.push_str(s);
            return;
        }
        let s = collapse(s);
        let parent = *self.open.last().unwrap_or(&0);
        if let Some(&last) = self.dom.nodes[parent].children.last() {
            if self.dom.nodes[last].is_text() {
                let prev = &mut self.dom.nodes[last].text;
                if prev.ends_with(' ') && s.starts_with(' ') {
                    prev.push_str(&s[1..]);
                } else {
                    prev.push_str(&s);
                }
                return;
            }
        }
        self.push(Node { text: s, ..Node::default() });
    }

    fn meta(&mut self, tag: &Tag) {
        let key = attr(tag, "property").or_else(|| attr(tag, "name")).or_else(|| attr(tag, "itemprop"));
        if let (Some(key), Some(content)) = (key, attr(tag, "content")) {
            self.dom.meta.push((key.to_ascii_lowercase(), content.trim().to_owned()));
        }
    }
}

/// A new element node with the attributes the reader looks at.
fn element(tag: &Tag, name: String) -> Node {
    let class = attr(tag, "class").unwrap_or_default();
    let id = attr(tag, "id").unwrap_or_default();
    let style = attr(tag, "style").unwrap_or_default().to_ascii_lowercase().replace(' ', "");
    let aria_hidden = attr(tag, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let hidden = attr(tag, "hidden").is_some()
        || aria_hidden && name != "span" && name != "i"
        || style.contains("display:none")
        || style.contains("visibility:hidden");
    Node {
        names: format!("{class} {id}").to_ascii_lowercase(),
        itemprop: attr(tag, "itemprop").unwrap_or_default().to_ascii_lowercase(),
        role: attr(tag, "role").unwrap_or_default().to_ascii_lowercase(),
        hidden,
        tag: name,
        ..Node::default()
    }
}

/// Whitespace runs (and no-break spaces) as one space.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::find_any;

    /// `find_any` against the plain search it stands for, on matches in the first word, in a
    /// later word, in the tail after the last whole word, in bytes above 0x7f (UTF-8), next
    /// to a byte one above or below a needle byte (where a borrow could mislead), and none.
    #[test]
    fn find_any_is_the_first_needle_byte() {
        let cases: &[(&str, &[u8])] = &[
            ("<p>", b"<&"),
            ("plain text then <b>", b"<&\r\0"),
            ("sixteen bytes..x&", b"&"),
            ("caf\u{e9} & co", b"&"),
            ("\u{e9}t\u{e9}", &[0xa9]),
            ("=;=<", b"<"),
            ("abcdefghijklmnopqrstuvwxyz", b"<>"),
            ("", b"<"),
        ];
        for &(hay, needle) in cases {
            let plain = hay.bytes().position(|b| needle.contains(&b));
            assert_eq!(find_any(hay.as_bytes(), needle), plain, "{hay:?} {needle:?}");
        }
        // Every position in and after the whole words, among neighbouring bytes.
        for at in 0..40 {
            let mut hay = b";=".repeat(20);
            hay[at] = b'<';
            assert_eq!(find_any(&hay, b"\0<"), Some(at), "at {at}");
        }
    }
}
