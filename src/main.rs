//! The browser app: Trunk builds this binary (`data-bin` in index.html) to WebAssembly.

fn main() {
    article_explorer::ui::start();
}
