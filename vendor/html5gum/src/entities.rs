// The WHATWG named character references (https://html.spec.whatwg.org/entities.json), as a
// data table rather than the generated `match` tree of upstream html5gum 0.9.0, which costs
// about 26 KB gzip in a wasm build; this table costs about 10 KB. `entities.txt` lists every
// name, without its `&`, in sorted order and front-coded (a digit: how many leading
// characters it shares with the name before), then its code points in hex.

use std::sync::OnceLock;

pub(crate) struct CharRef {
    /// Name as it appears escaped in HTML, without its first two characters
    pub(crate) name: &'static str,
    /// Unescaped character codepoints
    pub(crate) characters: &'static str,
}

/// The table: (name, characters), and per first-two-character group its key and range.
struct Table {
    entries: Vec<(String, String)>,
    groups: Vec<([u8; 2], usize, usize)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries: Vec<(String, String)> = Vec::with_capacity(2300);
        let mut prev = String::new();
        for line in include_str!("entities.txt").lines() {
            // Front-coded: a digit, the characters shared with the previous name, then the rest.
            let shared = usize::from(line.as_bytes()[0] - b'0');
            let mut parts = line[1..].split(' ');
            let mut name = prev[..shared].to_owned();
            name.push_str(parts.next().unwrap_or(""));
            let characters: String = parts
                .filter_map(|hex| u32::from_str_radix(hex, 16).ok().and_then(char::from_u32))
                .collect();
            prev.clone_from(&name);
            entries.push((name, characters));
        }
        // Grouped by the first two characters, longest name first: the first name that matches
        // is the longest, as the specification asks.
        entries.sort_by(|a, b| a.0.as_bytes()[..2].cmp(&b.0.as_bytes()[..2]).then(b.0.len().cmp(&a.0.len())));
        let mut groups: Vec<([u8; 2], usize, usize)> = Vec::new();
        for (i, (name, _)) in entries.iter().enumerate() {
            let key = [name.as_bytes()[0], name.as_bytes()[1]];
            match groups.last_mut() {
                Some(g) if g.0 == key => g.2 = i + 1,
                _ => groups.push((key, i, i + 1)),
            }
        }
        Table { entries, groups }
    })
}

pub(crate) fn try_read_character_reference<E>(
    first_char: char,
    second_char: char,
    mut try_read: impl FnMut(&str) -> Result<bool, E>,
) -> Result<Option<CharRef>, E> {
    if !first_char.is_ascii() || !second_char.is_ascii() {
        return Ok(None);
    }
    let t = table();
    let key = [first_char as u8, second_char as u8];
    let Ok(at) = t.groups.binary_search_by_key(&key, |g| g.0) else {
        return Ok(None);
    };
    let (_, start, end) = t.groups[at];
    for (name, characters) in &t.entries[start..end] {
        let rest = &name[2..];
        if rest.is_empty() || try_read(rest)? {
            return Ok(Some(CharRef { name: rest, characters: characters.as_str() }));
        }
    }
    Ok(None)
}
