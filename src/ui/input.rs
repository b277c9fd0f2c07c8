//! The input panel: a text area, a file button, a drop zone, the sample and a clear button.

use super::sample::SAMPLE;
use super::state::{Action, PageInfo};
use super::{storage, text};
use gloo::file::callbacks::FileReader;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Files larger than this are refused before reading: no news article is this long.
const MAX_FILE_BYTES: f64 = 20e6;

/// A short message under the text area.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Shown as an error (red) rather than information.
    pub error: bool,
    /// The message.
    pub text: String,
}

impl Notice {
    /// An informational notice.
    pub fn info(text: String) -> Notice {
        Notice { error: false, text }
    }

    /// An error notice.
    pub fn error(text: String) -> Notice {
        Notice { error: true, text }
    }
}

/// Properties of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The current text.
    pub text: Rc<str>,
    /// A notice about the text, from the app.
    pub notice: Option<Notice>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
    /// Where the app saves its state (cleared by "Clear").
    pub storage_key: Option<AttrValue>,
}

/// What a file holds, as text, by the core's input policy ([`crate::extract::input`]).
#[cfg(test)]
fn file_text(name: &str, bytes: &[u8]) -> Result<String, String> {
    file_action(name, bytes).map(|action| match action {
        Action::Edit(text) | Action::LoadPage(text, _) => text.to_string(),
        _ => String::new(),
    })
}

/// The action loading a file makes: [`Action::LoadPage`] for a web page (its article and
/// headline), [`Action::Edit`] for a text file.
fn file_action(name: &str, bytes: &[u8]) -> Result<Action, String> {
    use crate::extract::input::{file_article, Page};
    let lower = name.to_ascii_lowercase();
    let kind = lower.rsplit_once('.').map_or("", |(_, ext)| ext);
    if !matches!(kind, "txt" | "text" | "md" | "markdown" | "html" | "htm") {
        return Err(format!("“{name}” is not a .txt, .md or .html file."));
    }
    // The core's input policy, the CLI's too: a BOM dropped, UTF-16 with a BOM decoded, a web
    // page read into its article exactly as `extract --text` prints it.
    Ok(match file_article(name, bytes).map_err(|e| format!("“{name}” {e}."))? {
        Page::Text(text) => Action::Edit(Rc::from(text.as_ref())),
        Page::Html(article) => Action::LoadPage(Rc::from(article.text.as_str()), PageInfo::of(&article)),
    })
}

/// The clipboard's HTML flavour as an article: the readable stage on the copied markup, so
/// copied paragraphs and headings keep their lines. `None` when it yields no text (the plain
/// flavour is pasted then).
pub fn pasted_html(html: &str) -> Option<(String, Option<PageInfo>)> {
    let article = crate::extract::readable::read(html);
    (!article.text.trim().is_empty()).then(|| {
        let page = PageInfo::of(&article);
        (article.text, page)
    })
}

/// The text area and its tools.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let file_notice = use_state(|| None::<Notice>);
    let reader = use_mut_ref(|| None::<FileReader>);
    let dragging = use_state(|| false);
    let file_input = use_node_ref();

    let load = {
        let dispatch = props.dispatch.clone();
        let file_notice = file_notice.clone();
        let reader = reader.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                file_notice.set(Some(Notice::error(format!(
                    "“{name}” is {}; that is too large for an article.",
                    text::human_bytes(file.size() as usize)
                ))));
                return;
            }
            let dispatch = dispatch.clone();
            let file_notice = file_notice.clone();
            let file = gloo::file::File::from(file);
            let task = gloo::file::callbacks::read_as_bytes(&file, move |result| {
                match result
                    .map_err(|e| format!("“{name}” could not be read: {e}"))
                    .and_then(|b| file_action(&name, &b))
                {
                    Ok(action) => {
                        file_notice.set(None);
                        dispatch.emit(action);
                    }
                    Err(message) => file_notice.set(Some(Notice::error(message))),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    // Whether a text too long for the box is in it anyway, because the user asked.
    let revealed = use_state(|| false);
    let in_box = *revealed || text::fits_in_box(&props.text);
    let on_input = {
        let dispatch = props.dispatch.clone();
        let revealed = revealed.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
                let value = area.value();
                if !text::fits_in_box(&value) && !*revealed {
                    // Emptied before the browser lays it out; the summary stands for it.
                    area.set_value("");
                }
                dispatch.emit(Action::Edit(Rc::from(value)));
            }
        })
    };
    let on_reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_: MouseEvent| revealed.set(true))
    };
    let on_paste = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| on_paste(&e, &dispatch))
    };
    let on_file = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let input: Option<HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
            if let Some(input) = input {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    load.emit(file);
                }
                input.set_value("");
            }
        })
    };
    let on_pick = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                load.emit(file);
            }
        })
    };
    let on_sample = {
        let dispatch = props.dispatch.clone();
        let file_notice = file_notice.clone();
        Callback::from(move |_: MouseEvent| {
            file_notice.set(None);
            // Undoable, as one step: "Undo" brings back what the box held.
            dispatch.emit(Action::LoadPage(Rc::from(SAMPLE), None));
        })
    };
    let on_clear = {
        let dispatch = props.dispatch.clone();
        let key = props.storage_key.clone();
        let file_notice = file_notice.clone();
        Callback::from(move |_: MouseEvent| {
            // Clear is undoable in this tab; a new tab is no longer offered this article.
            if let Some(key) = &key {
                storage::forget_last(key);
            }
            file_notice.set(None);
            dispatch.emit(Action::Reset);
        })
    };

    let notice = (*file_notice).clone().or_else(|| props.notice.clone());
    let size = if props.text.is_empty() { String::new() } else { text::human_bytes(props.text.len()) };
    html! {
        <section class={classes!("ae-input", dragging.then_some("is-dragging"))} aria-label="Article"
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <label class="ae-label" for="ae-text">{"Article text"}</label>
            <textarea id="ae-text" class="ae-textarea" data-testid="article-input"
                placeholder="Paste a news article here, or drop a .txt, .md or .html file…"
                spellcheck="false" value={if in_box { AttrValue::Rc(props.text.clone()) } else { AttrValue::Static("") }}
                oninput={on_input} onpaste={on_paste} aria-describedby={(!in_box).then_some("ae-long-text")} />
            if !in_box {
                <p id="ae-long-text" class="ae-long-text" data-testid="long-text">
                    {format!("The box does not show this {} text (“{}”), so that the page stays responsive; it is analysed and kept all the same. Paste or type in the box to replace it. ",
                        text::human_bytes(props.text.len()), text::headline(&props.text, 60))}
                    <button type="button" class="ae-button ae-quiet" onclick={on_reveal} data-testid="show-long-text">
                        {"Show it in the box (the page may pause)"}
                    </button>
                </p>
            }
            <div class="ae-toolbar">
                <button type="button" class="ae-button" onclick={on_pick} data-testid="load-file">{"Load file…"}</button>
                <input type="file" ref={file_input} class="ae-hidden" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                    onchange={on_file} tabindex="-1" aria-hidden="true" data-testid="file-input" />
                <button type="button" class="ae-button" onclick={on_sample} data-testid="try-sample">{"Try a sample"}</button>
                <button type="button" class="ae-button ae-quiet" onclick={on_clear} data-testid="clear-article"
                    disabled={props.text.is_empty()}>{"Clear"}</button>
                <span class="ae-muted ae-size" aria-live="polite">{size}</span>
            </div>
            if let Some(n) = notice {
                <p class={classes!("ae-notice", n.error.then_some("is-error"))} role={if n.error { "alert" } else { "status" }}
                    data-testid="notice">{n.text}</p>
            }
        </section>
    }
}

/// A paste with an HTML flavour (copied from a browser) goes in as the readable stage reads
/// it; into an empty box it is a page load, with its headline; into text it replaces the
/// selection. A plain paste that makes the text too long for the box ([`text::fits_in_box`])
/// goes straight to the app, so the browser never lays out the long text in the box. Otherwise
/// the browser pastes the plain text as usual.
fn on_paste(e: &Event, dispatch: &Callback<Action>) {
    let Some(event) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
    let data = event.clipboard_data();
    let flavour = |kind: &str| data.as_ref().and_then(|d| d.get_data(kind).ok()).unwrap_or_default();
    let html = flavour("text/html");
    let Some(area) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) else { return };
    let value = area.value();
    let start = area.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = area.selection_end().ok().flatten().map_or(start, |end| end as usize);
    if let Some((text, page)) = (!html.trim().is_empty()).then(|| pasted_html(&html)).flatten() {
        e.prevent_default();
        if value.trim().is_empty() {
            dispatch.emit(Action::LoadPage(Rc::from(text.as_str()), page));
        } else if area
            .set_range_text_with_start_and_end_and_mode(&text, start as u32, end as u32, "end")
            .is_ok()
        {
            dispatch.emit(Action::Edit(Rc::from(area.value())));
        }
        return;
    }
    let pasted = spliced(&value, start, end, &flavour("text/plain"));
    if !text::fits_in_box(&pasted) {
        e.prevent_default();
        dispatch.emit(Action::Edit(Rc::from(pasted)));
    }
}

/// `value` with the characters `start..end` (UTF-16 offsets, as a text area gives them)
/// replaced by `pasted`.
fn spliced(value: &str, start: usize, end: usize, pasted: &str) -> String {
    let byte = |at: usize| {
        value
            .char_indices()
            .scan(0, |units, (i, c)| {
                let here = *units;
                *units += c.len_utf16();
                Some((here, i))
            })
            .find(|&(units, _)| units >= at)
            .map_or(value.len(), |(_, i)| i)
    };
    let (start, end) = (byte(start), byte(end.max(start)));
    [&value[..start], pasted, &value[end..]].concat()
}

#[cfg(test)]
mod tests {
    use super::{file_action, file_text, pasted_html, spliced};
    use crate::ui::state::Action;

    #[test]
    fn file_text_checks_type_and_encoding() {
        assert_eq!(file_text("a.TXT", b"\xEF\xBB\xBFHello").unwrap(), "Hello");
        assert_eq!(file_text("notes.md", b"# Title").unwrap(), "# Title");
        assert!(file_text("photo.png", b"x").unwrap_err().contains("not a .txt"));
        assert!(file_text("latin.txt", b"caf\xe9").unwrap_err().contains("not UTF-8"));
    }

    #[test]
    fn html_file_loads_its_article_and_headline() {
        let page = b"<title>Port deal | Example</title><meta property='og:title' content='Port deal signed'>\
            <meta property='article:published_time' content='2026-03-02T09:00:00Z'>\
            <nav><a href='/'>Home</a></nav><article><p>Ghana and Togo signed the port deal on Monday, officials said.</p></article>";
        let Ok(Action::LoadPage(text, Some(page))) = file_action("saved.HTM", page) else {
            panic!("not a page")
        };
        assert_eq!(&*text, "Ghana and Togo signed the port deal on Monday, officials said.");
        assert_eq!((page.title.as_str(), page.day()), ("Port deal signed", Some("2026-03-02")));
        assert_eq!(page.file_stem(), "2026-03-02-port-deal-signed");
        assert!(matches!(file_action("a.txt", b"Plain text."), Ok(Action::Edit(_))));
    }

    #[test]
    fn a_paste_replaces_the_selection_by_utf16_offsets() {
        // (name, value, start, end, pasted, expected)
        let rows = [
            ("into an empty box", "", 0, 0, "Ghana", "Ghana"),
            ("over the whole text", "Togo", 0, 4, "Ghana", "Ghana"),
            ("at the caret", "Ghana Togo", 6, 6, "and ", "Ghana and Togo"),
            ("after a wide character", "Zürich 😀 Accra", 10, 15, "Lomé", "Zürich 😀 Lomé"),
            ("offsets past the end", "Accra", 9, 12, " Lomé", "Accra Lomé"),
        ];
        for (name, value, start, end, pasted, expected) in rows {
            assert_eq!(spliced(value, start, end, pasted), expected, "{name}");
        }
    }

    #[test]
    fn pasted_html_keeps_paragraphs_and_headings() {
        let copied =
            "<meta charset='utf-8'><h2>Port deal</h2><p>Ghana and Togo signed the port deal on Monday.</p>\
                      <p>Both parliaments must still approve it, the ministers said.</p>";
        let (text, _) = pasted_html(copied).unwrap();
        assert_eq!(text, "Port deal\nGhana and Togo signed the port deal on Monday.\nBoth parliaments must still approve it, the ministers said.");
        assert!(pasted_html("<img src=x>").is_none());
    }
}
