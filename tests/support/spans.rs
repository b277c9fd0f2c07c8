//! The one span check the integration tests share (included with `#[path]`, so it is not a
//! test target of its own): a span lies inside the text, on char boundaries, and repeats the
//! text it covers.

use article_explorer::extract::TextSpan;

/// Fails with `what` and the span when `span` does not slice `text` to its stated text.
pub fn check_span(text: &str, span: &TextSpan, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} off char boundaries"
    );
    assert_eq!(&text[span.start..span.end], span.text, "{what}: span text");
}
