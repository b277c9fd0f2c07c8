//! Plain text helpers for the UI, tested natively.

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

/// The first words of a text, for a title ("Brief: Ghana and Togo sign ...").
pub fn headline(text: &str, max_chars: usize) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    if first.chars().count() <= max_chars {
        return first.to_owned();
    }
    let cut: String = first.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).to_owned();
    format!("{cut}…")
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
    fn human_bytes_scales() {
        assert_eq!(human_bytes(12), "12 bytes");
        assert_eq!(human_bytes(512_300), "512 KB");
        assert_eq!(human_bytes(3_400_000), "3.4 MB");
    }

    #[test]
    fn headline_cuts_at_a_word() {
        assert_eq!(headline("\n Short title\nbody", 40), "Short title");
        assert_eq!(headline("Ministers meet in Accra to discuss tariffs", 20), "Ministers meet in…");
    }
}
