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
    fn human_bytes_scales() {
        assert_eq!(human_bytes(12), "12 bytes");
        assert_eq!(human_bytes(512_300), "512 KB");
        assert_eq!(human_bytes(3_400_000), "3.4 MB");
    }
}
