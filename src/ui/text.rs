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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_bytes_scales() {
        assert_eq!(human_bytes(12), "12 bytes");
        assert_eq!(human_bytes(512_300), "512 KB");
        assert_eq!(human_bytes(3_400_000), "3.4 MB");
    }
}
