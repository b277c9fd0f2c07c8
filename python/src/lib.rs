//! `article_explorer._core`: the extraction core for Python.
//!
//! Every function returns the `extract` CLI's JSON (`explorer::extract::to_json`), parsed by
//! Python's own `json.loads` when a dict is wanted, so the two can never drift apart. The
//! analysis runs with the GIL released; `analyze_many` spreads a batch over a rayon pool.

use explorer::extract;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

/// The CLI's JSON for one article.
fn json(text: &str) -> String {
    extract::to_json(&extract::analyze(text))
}

/// `value` as a Rust string, or a `TypeError` naming the argument.
fn text_of(value: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => {
            let kind = value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".to_owned());
            Err(PyTypeError::new_err(format!("{} must be str, not {kind}", what())))
        }
    }
}

/// The extraction of one article: a dict with `parties`, `claims`, `outcomes` and
/// `sentences`, equal to `json.loads` of the `extract` CLI's output for the same text.
#[pyfunction]
fn analyze<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = text_of(text, &|| "text".to_owned())?;
    let json = py.detach(|| json(&text));
    py.import("json")?.call_method1("loads", (json,))
}

/// The extraction of one article as the CLI's pretty JSON text.
#[pyfunction]
fn analyze_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_of(text, &|| "text".to_owned())?;
    Ok(py.detach(|| json(&text)))
}

/// The article a file holds, by the `extract` CLI's input policy: UTF-8 with its byte-order
/// mark dropped, UTF-16 with a byte-order mark decoded, `.html`/`.htm` (by `name`) reduced to
/// its readable text. Anything else (not UTF-8, UTF-16 without a mark, binary) raises
/// `ValueError` with the CLI's reason.
#[pyfunction]
#[pyo3(signature = (name, data))]
fn file_text(name: &str, data: &[u8]) -> PyResult<String> {
    match extract::input::file_text(name, data) {
        Ok(text) => Ok(text.into_owned()),
        Err(e) => Err(PyValueError::new_err(format!("{name} {e}"))),
    }
}

/// The extractions of many articles, in their order, as a list of dicts. `texts` is any
/// iterable of str; `threads` is the number of Rust threads (default: all cores). The GIL is
/// released while they run, so other Python threads go on.
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("texts must be an iterable of str, not a str"));
    }
    let texts = texts
        .try_iter()?
        .enumerate()
        .map(|(i, item)| text_of(&item?, &|| format!("texts[{i}]")))
        .collect::<PyResult<Vec<String>>>()?;
    let pool = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyRuntimeError::new_err(e.to_string()))?,
        ),
        None => None,
    };
    let run = || texts.par_iter().map(|t| json(t)).collect::<Vec<String>>();
    let jsons = py.detach(|| match &pool {
        Some(pool) => pool.install(run),
        None => run(),
    });
    let loads = py.import("json")?.getattr("loads")?;
    let dicts = jsons.into_iter().map(|j| loads.call1((j,))).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, dicts)
}

/// Parties, claims and outcomes of news articles (the Rust half of `article_explorer`).
#[pymodule(name = "_core")]
mod core_module {
    #[pymodule_export]
    use super::{analyze, analyze_json, analyze_many, file_text};

    // Python's name for it, not Rust's.
    #[allow(non_upper_case_globals)]
    #[pymodule_export]
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
