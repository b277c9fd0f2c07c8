//! A long article is worked on two threads natively ([`par`]); the split must change nothing.
//! Each case builds a text past the fork threshold from the project's own articles and
//! compares the whole JSON export of the split run with the one-thread run.
#![cfg(not(target_arch = "wasm32"))] // one thread in the browser: nothing to split

#[path = "support/timing.rs"]
#[allow(dead_code)] // the articles only, not the clock
mod timing;

use article_explorer::extract::{analyze, par, to_json};

/// The articles, in the order `order` gives their indices, each followed by `glue`, until the
/// text passes `size` bytes.
fn long_text(order: impl Fn(usize, usize) -> usize, glue: &str, size: usize) -> String {
    let articles = timing::articles();
    let mut text = String::new();
    for k in 0.. {
        if text.len() >= size {
            break;
        }
        text.push_str(&articles[order(k, articles.len())]);
        text.push_str(glue);
    }
    text
}

#[test]
fn split_runs_equal_the_one_thread_run() {
    let size = 2 * par::FORK_BYTES;
    let cases = [
        ("articles in order, blank lines between", long_text(|k, n| k % n, "\n\n", size)),
        ("articles shuffled", long_text(|k, n| (k * 7 + 3) % n, "\n\n", size)),
        // One paragraph break only: the split point still lands between paragraphs.
        ("articles run together", long_text(|k, n| k % n, " ", size)),
    ];
    for (name, text) in cases {
        assert!(text.len() >= par::FORK_BYTES, "{name}: too short to be split");
        let split = to_json(&analyze(&text));
        let single = to_json(&par::sequentially(|| analyze(&text)));
        assert!(split == single, "{name}: the split run differs from the one-thread run");
    }
}
