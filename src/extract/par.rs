//! Two-way fork-join for the stages that split cleanly, so a long article uses both cores of
//! a laptop natively while the browser build (one thread) runs the same closures in turn.
//!
//! Only long inputs fork: starting a thread costs tens of microseconds, nothing against a
//! 10 MB article and too much for a 5 KB one, and a batch of small files is already spread
//! over the cores by the CLI. Callers split their work so that the two halves give exactly
//! what one pass gives (`scripts/same-output` checks it), so the output never depends on
//! whether, or where, the work was split.

/// Below this many bytes of text a stage never forks.
pub const FORK_BYTES: usize = 256 * 1024;

/// Whether a stage over `bytes` of text should split its work in two.
pub fn worth_forking(bytes: usize) -> bool {
    bytes >= FORK_BYTES && cores() > 1 && !SEQUENTIAL.get()
}

std::thread_local! {
    /// Set inside [`sequentially`].
    static SEQUENTIAL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every stage on this thread unsplit: the reference the split stages are
/// tested against, and a way to time one core.
pub fn sequentially<T>(f: impl FnOnce() -> T) -> T {
    let before = SEQUENTIAL.replace(true);
    let out = f();
    SEQUENTIAL.set(before);
    out
}

/// [`join`] for a stage over `bytes` of text: on two threads if [`worth_forking`], else one
/// after the other on this one.
pub fn join_for<A, B: Send>(bytes: usize, a: impl FnOnce() -> A, b: impl FnOnce() -> B + Send) -> (A, B) {
    if worth_forking(bytes) {
        join(a, b)
    } else {
        (a(), b())
    }
}

/// Runs `a` and `b`, on two threads where there are two, and returns both results. `a` runs
/// on the caller's thread (so it may hold what cannot cross threads), `b` on a new one. A
/// panic in either is passed on to the caller, as if both had run on its thread.
pub fn join<A, B: Send>(a: impl FnOnce() -> A, b: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(target_arch = "wasm32")]
    {
        // One thread: no thread code in the page at all.
        (a(), b())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if cores() < 2 {
            return (a(), b());
        }
        std::thread::scope(|scope| {
            let other = scope.spawn(b);
            let first = a();
            match other.join() {
                Ok(second) => (first, second),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }
}

/// How many threads may run at once here (1 in the browser build).
fn cores() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::OnceLock;
        static CORES: OnceLock<usize> = OnceLock::new();
        *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_returns_both_results_in_order() {
        let (a, b) = join(|| (0..1000u64).sum::<u64>(), || "right".to_owned());
        assert_eq!((a, b.as_str()), (499_500, "right"));
    }

    #[test]
    fn a_panic_on_the_other_thread_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| join(|| 1, || -> i32 { panic!("second half") }));
        assert!(caught.is_err());
    }

    #[test]
    fn short_texts_never_fork() {
        assert!(!worth_forking(FORK_BYTES - 1));
    }

    #[test]
    fn nothing_forks_inside_sequentially() {
        assert!(!sequentially(|| worth_forking(100 * FORK_BYTES)));
        assert_eq!(worth_forking(100 * FORK_BYTES), cores() > 1);
    }
}
