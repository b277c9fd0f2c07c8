//! Word lists, kept as data under `src/extract/data/` and parsed once on first use.
//!
//! Each data file starts with `#` lines saying where its entries come from; blank lines and
//! `#` lines are skipped. Entries are compiled into the binary with `include_str!`, so the
//! browser build needs no network and the native build no files at run time.

/// The non-comment, non-blank lines of a data file, trimmed.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn entries_skip_comments_and_blanks() {
        let got: Vec<_> = super::entries("# source: made up\n\n alpha \n#x\nbeta\n").collect();
        assert_eq!(got, ["alpha", "beta"]);
    }
}
