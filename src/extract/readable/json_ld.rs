//! The fields of a JSON-LD block that the reader uses, found by key: `headline`,
//! `articleBody`, `datePublished`, the `name`s of `author` and `publisher`. Values are decoded
//! by serde_json as JSON strings (escapes and all); the block is not built into a tree, which
//! keeps the wasm build small.
//!
//! Known failure cases: a `@graph` holding both a `WebPage` and an `Article` gives the first
//! `headline` of either; a key spelled inside a string value ("…\"headline\": …") is not told
//! apart from a real key.

/// What one block says.
#[derive(Debug, Default)]
pub struct Fields {
    /// `headline`.
    pub headline: String,
    /// The longest `articleBody`.
    pub body: String,
    /// `datePublished`.
    pub date: String,
    /// The `author` names (or strings).
    pub authors: Vec<String>,
    /// The first `publisher` name.
    pub publisher: String,
}

/// The fields of `block` when it describes an article (its `@type` names an article, a blog
/// posting or a report, or it has an `articleBody`); `None` otherwise.
pub fn read(block: &str) -> Option<Fields> {
    let typed = values(block, "@type").any(|(at, end)| {
        let t = &block[at..end];
        t.contains("Article") || t.contains("BlogPosting") || t.contains("Report")
    });
    if !typed && !block.contains("\"articleBody\"") {
        return None;
    }
    let first = |key: &str| values(block, key).find_map(|(at, _)| string_at(block, at)).unwrap_or_default();
    let body =
        values(block, "articleBody").filter_map(|(at, _)| string_at(block, at)).max_by_key(String::len);
    let mut authors = Vec::new();
    for (at, end) in values(block, "author") {
        authors.extend(names(block, at, end));
    }
    let publisher = values(block, "publisher").find_map(|(at, end)| names(block, at, end).into_iter().next());
    Some(Fields {
        headline: first("headline"),
        body: body.unwrap_or_default(),
        date: first("datePublished"),
        authors,
        publisher: publisher.unwrap_or_default(),
    })
}

/// The byte ranges of every value of `key` in `json`.
fn values<'a>(json: &'a str, key: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let quoted = format!("\"{key}\"");
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = from + json.get(from..)?.find(&quoted)? + quoted.len();
        from = at;
        let rest = &json[at..];
        let Some(colon) = rest.trim_start().strip_prefix(':') else { continue };
        let start = json.len() - colon.trim_start().len();
        return Some((start, value_end(json, start)));
    })
}

/// Where the JSON value starting at `at` ends: its closing quote or bracket (strings inside
/// skipped), or the next `,`/`}`/`]` for a number or a literal.
fn value_end(json: &str, at: usize) -> usize {
    let bytes = json.as_bytes();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in bytes.iter().enumerate().skip(at) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    if depth == 0 {
                        return i + 1;
                    }
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth <= 1 => return if depth == 1 { i + 1 } else { i },
            b'}' | b']' => depth -= 1,
            b',' if depth == 0 => return i,
            _ => {}
        }
    }
    json.len()
}

/// The JSON string starting at `at`, decoded; `None` when the value there is not a string.
fn string_at(json: &str, at: usize) -> Option<String> {
    if !json[at..].starts_with('"') {
        return None;
    }
    let mut strings = serde_json::Deserializer::from_str(&json[at..]).into_iter::<String>();
    strings.next()?.ok().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// A person or organisation value's names: the string itself, or every `name` inside it;
/// links (`"https://…"`) are not names.
fn names(json: &str, at: usize, end: usize) -> Vec<String> {
    let value = &json[at..end];
    let found: Vec<String> = if value.starts_with('"') {
        string_at(json, at).into_iter().collect()
    } else {
        values(value, "name").filter_map(|(a, _)| string_at(value, a)).collect()
    };
    found.into_iter().filter(|n| !n.starts_with("http")).collect()
}
