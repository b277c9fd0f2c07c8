//! The readable text of an HTML file, as the app's file loader and the `extract` CLI read
//! `.html` and `.htm` files.

/// Trims every line, drops runs of blank lines and non-breaking spaces, so text pulled out of
/// HTML reads like a pasted article: one paragraph a line.
pub fn tidy_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let line = line.replace('\u{a0}', " ");
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

/// Elements whose contents are not text to read.
const SKIP: [&str; 8] = ["script", "style", "noscript", "template", "svg", "head", "iframe", "object"];
/// Elements that start a line of their own.
const BLOCK: [&str; 22] = [
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "article",
    "section",
    "header",
    "footer",
    "ul",
    "ol",
    "table",
    "hr",
    "figcaption",
    "pre",
];

/// The readable text of an HTML document: tags dropped, the contents of `script`, `style`,
/// `head` and the like skipped, block elements on lines of their own, entities decoded.
///
/// A small scanner rather than the browser's `DOMParser`: it runs natively in tests, and it
/// never hands the page's Content-Security-Policy inline styles to reject.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        rest = &rest[lt..];
        if let Some(body) = rest.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |end| &body[end + 3..]);
            continue;
        }
        let end = tag_end(rest);
        let tag = &rest[1..end.saturating_sub(1).max(1)];
        rest = &rest[end..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            // Skip to the matching close tag (case-insensitively), or to the end.
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(at) => {
                    let after = &rest[at..];
                    &after[tag_end(after)..]
                }
                None => "",
            };
            continue;
        }
        if BLOCK.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    out.push_str(&decode_entities(rest));
    tidy_lines(&out)
}

/// Length of the tag at the start of `s` (which starts with `<`), up to and including its `>`,
/// with quoted attribute values allowed to contain `>`.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// Decodes the character references news pages use: numeric ones and the common named ones.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[..rest.len().min(12)].find(';');
        let decoded = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "mdash" => '—',
                "ndash" => '–',
                "lsquo" => '‘',
                "rsquo" => '’',
                "ldquo" => '“',
                "rdquo" => '”',
                "hellip" => '…',
                _ => {
                    let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
                    };
                    code.and_then(char::from_u32)?
                }
            };
            Some((c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_lines_joins_paragraphs() {
        assert_eq!(tidy_lines("  <x>\n\n\n  Two\u{a0} words  \n\t\n"), "<x>\nTwo words");
        assert_eq!(tidy_lines(""), "");
    }

    #[test]
    fn html_to_text_keeps_the_readable_text() {
        let cases = [
            ("<p>One</p><p>Two &amp; three</p>", "One\nTwo & three"),
            ("<html><head><title>T</title><style>p{}</style></head><body><h1>Head</h1>Body<br>line</body></html>", "Head\nBody\nline"),
            ("<SCRIPT>alert('<p>')</SCRIPT>Safe <b>bold</b>", "Safe bold"),
            ("<a href=\"x>y\">link</a> &ldquo;quoted&rdquo; &#8212; &#x41; &bogus; & done", "link “quoted” — A &bogus; & done"),
            ("<!-- <p>hidden</p> -->shown<p", "shown"),
            ("no tags at all", "no tags at all"),
        ];
        for (html, want) in cases {
            assert_eq!(html_to_text(html), want, "{html}");
        }
    }
}
