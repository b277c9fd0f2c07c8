// The WHATWG named character references (https://html.spec.whatwg.org/entities.json), as a
// data table rather than the generated `match` tree of upstream html5gum 0.9.0, which costs
// about 26 KB gzip in a wasm build; this table costs about 11 KB. `entities.txt` lists every
// name, without its `&`, and its code points in hex, grouped by the name's first two
// characters in upstream's order (longest name first within a group, as matching needs).

use std::sync::OnceLock;

pub(crate) struct CharRef {
    /// Name as it appears escaped in HTML, without its first two characters
    pub(crate) name: &'static str,
    /// Unescaped character codepoints
    pub(crate) characters: &'static str,
}

/// The table: (name, characters), and per first-two-character group its key and range.
struct Table {
    entries: Vec<(&'static str, String)>,
    groups: Vec<([u8; 2], usize, usize)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries = Vec::with_capacity(2300);
        let mut groups: Vec<([u8; 2], usize, usize)> = Vec::new();
        for line in include_str!("entities.txt").lines() {
            let mut parts = line.split(' ');
            let name = parts.next().unwrap_or("");
            let characters: String = parts
                .filter_map(|hex| u32::from_str_radix(hex, 16).ok().and_then(char::from_u32))
                .collect();
            let key = [name.as_bytes()[0], name.as_bytes()[1]];
            match groups.last_mut() {
                Some(g) if g.0 == key => g.2 += 1,
                _ => groups.push((key, entries.len(), entries.len() + 1)),
            }
            entries.push((name, characters));
        }
        groups.sort_by_key(|g| g.0);
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
