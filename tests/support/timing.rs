//! What the cost test and the throughput benchmark share (included with `#[path]`, so it is
//! not a test target of its own): the project's own news articles to time, and the clock to
//! time them by.

use std::time::Duration;

/// The articles of `tests/articles/` (news in our own words), in file-name order.
pub fn articles() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("article")).collect()
}

/// CPU time this thread has used: other processes on a shared, loaded machine stretch the
/// wall clock, not this.
pub fn thread_cpu() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant libc knows.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(u64::try_from(ts.tv_sec).unwrap_or(0), u32::try_from(ts.tv_nsec).unwrap_or(0))
}
