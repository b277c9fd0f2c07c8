//! Exports: the cards as CSV and as a Markdown brief. (The JSON export is
//! [`crate::extract::to_json`], byte for byte what the `extract` CLI prints.)

use crate::extract::{Claim, Extraction, Status};
use std::fmt::Write;

/// Who made a claim, for a card title or a brief: the speaking parties' names joined ("Peru
/// and Chile" for "both sides"), else the source as written, else `None`.
pub fn speaker_label(c: &Claim, ex: &Extraction) -> Option<String> {
    let names: Vec<&str> = c.speaker_ids().filter_map(|id| ex.party(id)).map(|p| p.name.as_str()).collect();
    match names.as_slice() {
        [] => c.source.as_ref().map(|s| s.text.clone()),
        [one] => Some((*one).to_owned()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// One CSV with a `type` column, so a spreadsheet can filter it, after a UTF-8 byte-order
/// mark (without it Excel reads the file as Latin-1 and garbles curly quotes). Columns:
/// type, id, label (party name / speaker / status), detail (kind and role / cue / summary),
/// text (aliases / content / evidence), parties, start, end, source (a claim's speaker as
/// written), direct (a claim: true for a quotation), cue_class, sentence (the sentence the item
/// is in) and edited (what an analyst's correction changed, empty here). `text` is the article
/// the extraction was made from.
pub fn to_csv(ex: &Extraction, text: &str) -> String {
    to_csv_marked(ex, text, &|_| String::new())
}

/// [`to_csv`] with the `edited` cell of each row from `edited(id)`.
pub fn to_csv_marked(ex: &Extraction, text: &str, edited: &dyn Fn(&str) -> String) -> String {
    let mut out = format!("{BOM}{CSV_HEADER}\r\n");
    csv_rows(&mut out, ex, text, None, edited);
    out
}

/// The byte-order mark that starts every CSV.
pub const BOM: &str = "\u{feff}";

/// The header line of [`to_csv`], without its line break.
pub const CSV_HEADER: &str =
    "type,id,label,detail,text,parties,start,end,source,direct,cue_class,sentence,edited";

/// The rows of [`to_csv`] without its header, appended to `out`; with `lead`, every row starts
/// with that cell (the batch CLI's `file` column).
pub fn write_csv_rows(out: &mut String, ex: &Extraction, text: &str, lead: Option<&str>) {
    csv_rows(out, ex, text, lead, &|_| String::new());
}

/// The sentence `index` of the extraction, on one line.
fn sentence(ex: &Extraction, text: &str, index: usize) -> String {
    let span = ex.sentences.get(index);
    let s = span.and_then(|s| text.get(s.start..s.end)).unwrap_or_default();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn csv_rows(
    out: &mut String,
    ex: &Extraction,
    text: &str,
    lead: Option<&str>,
    edited: &dyn Fn(&str) -> String,
) {
    let name = |id: &str| ex.party(id).map_or(id.to_owned(), |p| p.name.clone());
    let names = |ids: &[String]| ids.iter().map(|id| name(id)).collect::<Vec<_>>().join("; ");
    let lead = lead.map(|cell| csv_cell(cell) + ",");
    let mut row = |cells: [&str; 12]| {
        let line: Vec<String> =
            cells.iter().map(|c| csv_cell(c)).chain([csv_cell(&edited(cells[1]))]).collect();
        out.push_str(lead.as_deref().unwrap_or_default());
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    for p in &ex.parties {
        let detail = match &p.role {
            Some(role) => format!("{}; {role}", p.kind.label()),
            None => p.kind.label().to_owned(),
        };
        let (start, end) = p.mentions.first().map_or((0, 0), |m| (m.start, m.end));
        let affiliation = p.affiliation.as_deref().map(name).unwrap_or_default();
        let at = ex.sentences.iter().position(|s| s.start <= start && start < s.end.max(s.start + 1));
        let sentence = at.map(|i| sentence(ex, text, i)).unwrap_or_default();
        row([
            "party",
            &p.id,
            &p.name,
            &detail,
            &p.aliases.join("; "),
            &affiliation,
            &start.to_string(),
            &end.to_string(),
            "",
            "",
            "",
            &sentence,
        ]);
    }
    for c in &ex.claims {
        let speaker = speaker_label(c, ex).unwrap_or_default();
        let span = c.content.pieces();
        let (start, end) = (span.first().map_or(0, |s| s.start), span.last().map_or(0, |s| s.end));
        let detail = format!("{} ({})", c.cue.text, c.cue_class.label());
        row([
            "claim",
            &c.id,
            &speaker,
            &detail,
            &c.words(),
            &names(&c.targets),
            &start.to_string(),
            &end.to_string(),
            c.source.as_ref().map_or("", |s| s.text.as_str()),
            if c.direct { "true" } else { "false" },
            c.cue_class.label(),
            &sentence(ex, text, c.sentence),
        ]);
    }
    for o in &ex.outcomes {
        let (start, end) = (o.evidence.start.to_string(), o.evidence.end.to_string());
        row([
            "outcome",
            &o.id,
            o.status.label(),
            &o.summary,
            &o.evidence.text,
            &names(&o.parties),
            &start,
            &end,
            "",
            "",
            "",
            &sentence(ex, text, o.sentence),
        ]);
    }
}

/// What a spreadsheet may read as the start of a formula: `=`, `+`, `-`, `@`, their
/// full-width forms (which some spreadsheets fold to ASCII), a tab and a carriage return.
const FORMULA_STARTS: [char; 10] =
    ['=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}', '\t', '\r'];

/// Quotes a cell when it needs it (RFC 4180), and defuses spreadsheet formulas: a cell that
/// starts with one of `FORMULA_STARTS` gets a leading apostrophe.
pub fn csv_cell(cell: &str) -> String {
    let cell = if cell.starts_with(FORMULA_STARTS) { format!("'{cell}") } else { cell.to_owned() };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
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

/// The title the app gives a brief: "Brief: " and the article's first line, cut to 80
/// characters.
pub fn brief_title(text: &str) -> String {
    format!("Brief: {}", headline(text, 80))
}

/// Text from the article made inert in Markdown: every ASCII mark that Markdown or inline
/// HTML could read as syntax anywhere in a line (emphasis, code, links and images, raw tags
/// and entities, tables, strike-through) gets a backslash, as does a `#`, `+` or `-` that
/// opens the text (a heading or list item if it ever starts a line), and line breaks become
/// spaces. So an article holding `<img src=x onerror=...>` or `[x](javascript:...)` is shown
/// as that text, never run or linked, wherever the brief is rendered.
pub fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, c) in text.char_indices() {
        let opening = i == 0 && matches!(c, '#' | '+' | '-');
        if opening || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~') {
            out.push('\\');
        }
        out.push(if matches!(c, '\n' | '\r') { ' ' } else { c });
    }
    out
}

/// A Markdown brief: parties, claims grouped by speaker, outcomes by status. Every piece of
/// the article in it goes through [`md_text`].
pub fn to_markdown(ex: &Extraction, title: &str) -> String {
    fn party_name(ex: &Extraction, id: &str) -> String {
        md_text(ex.party(id).map_or(id, |p| p.name.as_str()))
    }
    let name = |id| party_name(ex, id);
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", md_text(title));
    let _ = writeln!(
        md,
        "{} parties, {} claims, {} outcomes.\n",
        ex.parties.len(),
        ex.claims.len(),
        ex.outcomes.len()
    );
    md.push_str("## Parties\n\n");
    if ex.parties.is_empty() {
        md.push_str("None found.\n");
    }
    for p in &ex.parties {
        let _ = write!(md, "- **{}** ({})", md_text(&p.name), p.kind.label());
        if let Some(role) = &p.role {
            let _ = write!(md, ", {}", md_text(role));
        }
        if let Some(aff) = &p.affiliation {
            let _ = write!(md, ", {}", name(aff));
        }
        if !p.aliases.is_empty() {
            let aliases: Vec<String> = p.aliases.iter().map(|a| md_text(a)).collect();
            let _ = write!(md, "; also: {}", aliases.join(", "));
        }
        let _ =
            writeln!(md, "; {} mention{}", p.mentions.len(), if p.mentions.len() == 1 { "" } else { "s" });
    }
    md.push_str("\n## Claims\n");
    if ex.claims.is_empty() {
        md.push_str("\nNone found.\n");
    }
    // Claims grouped by who made them, groups in order of their first claim.
    let mut groups: Vec<(String, Vec<&Claim>)> = Vec::new();
    for c in &ex.claims {
        let label = if c.speaker.is_some() { speaker_label(c, ex) } else { None }
            .unwrap_or_else(|| "Unattributed".to_owned());
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, claims)) => claims.push(c),
            None => groups.push((label, vec![c])),
        }
    }
    for (label, claims) in groups {
        let _ = writeln!(md, "\n### {}\n", md_text(&label));
        for c in claims {
            let (cue, content) = (md_text(&c.cue.text), md_text(c.words().trim()));
            if c.direct {
                let _ = writeln!(md, "- *{cue}*: “{content}”");
            } else {
                let _ = writeln!(md, "- *{cue}*: {content}");
            }
        }
    }
    md.push_str("\n## Outcomes\n");
    if ex.outcomes.is_empty() {
        md.push_str("\nNone found.\n");
    }
    for status in Status::ALL {
        let items: Vec<_> = ex.outcomes.iter().filter(|o| o.status == status).collect();
        if items.is_empty() {
            continue;
        }
        let mut label = status.label().to_owned();
        label[..1].make_ascii_uppercase();
        let _ = writeln!(md, "\n### {label}\n");
        for o in items {
            let parties: Vec<String> = o.parties.iter().map(|id| name(id)).collect();
            let _ = write!(md, "- {}", md_text(&o.summary));
            if !parties.is_empty() {
                let _ = write!(md, " ({})", parties.join(", "));
            }
            md.push('\n');
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 14, item 6: a spreadsheet runs a cell that opens like a formula, in ASCII or in
    /// the full-width forms some fold to ASCII; a tab or carriage return hides one.
    #[test]
    fn csv_cells_that_open_like_formulas_are_defused() {
        for (cell, want) in [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\u{ff1d}1+2", "'\u{ff1d}1+2"),
            ("\u{ff0b}1", "'\u{ff0b}1"),
            ("\u{ff0d}1", "'\u{ff0d}1"),
            ("\u{ff20}SUM(A1)", "'\u{ff20}SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "\"'\r=1\""),
            ("Ana Lund", "Ana Lund"),
            ("a = b", "a = b"),
        ] {
            assert_eq!(csv_cell(cell), want, "{cell:?}");
        }
    }

    /// Issue 14, item 6: article text in the brief is shown, never interpreted.
    #[test]
    fn markdown_text_is_escaped() {
        for (text, want) in [
            ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
            ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
            ("*bold* and _it_", "\\*bold\\* and \\_it\\_"),
            ("`code`", "\\`code\\`"),
            ("# Heading", "\\# Heading"),
            ("- item", "\\- item"),
            ("a | b ~~c~~ &amp; \\", "a \\| b \\~\\~c\\~\\~ \\&amp; \\\\"),
            ("line one\nline two", "line one line two"),
            ("Ana Lund said 3-2 (U.S.) #1", "Ana Lund said 3-2 (U.S.) #1"),
        ] {
            assert_eq!(md_text(text), want, "{text:?}");
        }
    }

    /// The whole brief of an article quoting markup: no raw tag, link or heading gets through.
    #[test]
    fn markdown_brief_carries_no_raw_markup() {
        let text = "# <img src=x onerror=alert(1)>\n\
                    Norland and Castavia signed a *fishing* accord on Monday, officials said. \
                    “We will see [the map](javascript:alert(1)) <script>x</script>,” said Foreign Minister Ana Lund.";
        let ex = crate::extract::analyze(text);
        assert!(!ex.claims.is_empty(), "the quote is a claim: {ex:?}");
        let md = to_markdown(&ex, &brief_title(text));
        // Each may appear only with a backslash before it.
        let unescaped = |raw: &str| md.match_indices(raw).any(|(i, _)| !md[..i].ends_with('\\'));
        for raw in ["<img", "<script", "](javascript", "*fishing*"] {
            assert!(!unescaped(raw), "{raw} in\n{md}");
        }
        // "Brief: " comes first, so the article's "#" opens nothing and is left as it is.
        assert!(md.starts_with("# Brief: # \\<img"), "{md}");
        assert!(md.contains("\\<script\\>"), "{md}");
    }

    #[test]
    fn headline_cuts_at_a_word() {
        assert_eq!(headline("\n Short title\nbody", 40), "Short title");
        assert_eq!(headline("Ministers meet in Accra to discuss tariffs", 20), "Ministers meet in…");
    }
}
