//! Plain text helpers for the UI, tested natively.

// The HTML reader is the core's readable-article stage, shared with the `extract` CLI.
pub use crate::extract::readable::text::tidy_lines;
// The brief's title, shared with `extract --format md`.
pub use crate::export::headline;

/// A byte count for people: "512 KB", "3.4 MB".
pub fn human_bytes(bytes: usize) -> String {
    if bytes < 1_000 {
        format!("{bytes} bytes")
    } else if bytes < 1_000_000 {
        format!("{} KB", bytes / 1_000)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// The longest text the text area is given, in bytes, and in lines: beyond either, Chromium
/// takes more than a tenth of a second to lay the box out (measured in headless Chromium on a
/// 2-core machine: 2 MB of news 0.7 to 1.3 s, 20 KB of two-letter lines 0.17 s, 100 KB of them
/// 1 s), which would block the page (issue 14: never more than 200 ms).
pub const BOX_BYTES: usize = 200_000;
/// See [`BOX_BYTES`].
pub const BOX_LINES: usize = 2_000;

/// Whether `text` is shown in the text area: under [`BOX_BYTES`] and [`BOX_LINES`]. A longer
/// text is kept and analysed all the same, but the box shows a summary of it instead.
pub fn fits_in_box(text: &str) -> bool {
    text.len() < BOX_BYTES && text.bytes().filter(|&b| b == b'\n').take(BOX_LINES).count() < BOX_LINES
}

/// How long ago something was, for people: "just now", "5 minutes ago", "2 hours ago",
/// "3 days ago" (from a difference in milliseconds).
pub fn ago(millis: f64) -> String {
    let minutes = (millis / 60_000.0).max(0.0) as u64;
    let (n, unit) = match minutes {
        0 => return "saved just now".to_owned(),
        1..=59 => (minutes, "minute"),
        60..=1439 => (minutes / 60, "hour"),
        _ => (minutes / 1440, "day"),
    };
    format!("saved {n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ago_reads_as_words() {
        assert_eq!(ago(20_000.0), "saved just now");
        assert_eq!(ago(60_000.0), "saved 1 minute ago");
        assert_eq!(ago(3.0 * 3_600_000.0), "saved 3 hours ago");
        assert_eq!(ago(2.0 * 86_400_000.0), "saved 2 days ago");
    }

    #[test]
    fn only_short_texts_go_in_the_box() {
        let rows: [(&str, String, bool); 5] = [
            ("empty", String::new(), true),
            ("an article", "Ghana and Togo signed the deal, officials said.\n".repeat(100), true),
            ("just under the byte bound", "a".repeat(BOX_BYTES - 1), true),
            ("at the byte bound", "a".repeat(BOX_BYTES), false),
            ("short lines", "ly\n".repeat(BOX_LINES), false),
        ];
        for (name, text, fits) in rows {
            assert_eq!(fits_in_box(&text), fits, "{name}");
        }
        assert!(fits_in_box(&"ly\n".repeat(BOX_LINES - 1)));
    }

    #[test]
    fn human_bytes_scales() {
        assert_eq!(human_bytes(12), "12 bytes");
        assert_eq!(human_bytes(512_300), "512 KB");
        assert_eq!(human_bytes(3_400_000), "3.4 MB");
    }
}
