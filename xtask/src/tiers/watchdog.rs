//! A time limit on a test run: a run that has not ended by then is stopped, with its whole
//! process group, so that one stuck browser session ends one test file with a clear message
//! instead of the whole `cargo xtask test` waiting until CI gives up.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Watches a process group; dropping it (when the run has ended) stops the watch.
pub struct Watchdog {
    ended: Arc<AtomicBool>,
    fired: Arc<AtomicBool>,
    limit: Duration,
}

impl Watchdog {
    /// Kills process group `group` if the watch is still on after `limit`.
    pub fn start(group: u32, limit: Duration) -> Watchdog {
        let ended = Arc::new(AtomicBool::new(false));
        let fired = Arc::new(AtomicBool::new(false));
        let (watch_ended, watch_fired) = (Arc::clone(&ended), Arc::clone(&fired));
        std::thread::spawn(move || {
            let start = Instant::now();
            while start.elapsed() < limit {
                if watch_ended.load(Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
            if !watch_ended.load(Ordering::SeqCst) {
                watch_fired.store(true, Ordering::SeqCst);
                let _ = std::process::Command::new("kill")
                    .args(["-KILL", "--", &format!("-{group}")])
                    .status();
            }
        });
        Watchdog {
            ended,
            fired,
            limit,
        }
    }

    /// The limit it watches for.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// Whether the limit passed and the run was stopped.
    pub fn fired(&self) -> bool {
        self.fired.load(Ordering::SeqCst)
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.ended.store(true, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::CommandExt;

    #[test]
    fn a_run_past_its_limit_is_stopped_and_one_within_it_is_not() {
        let mut slow = std::process::Command::new("sleep")
            .arg("30")
            .process_group(0)
            .spawn()
            .expect("sleep starts");
        let dog = Watchdog::start(slow.id(), Duration::from_millis(300));
        let status = slow.wait().expect("sleep ends");
        assert!(dog.fired(), "the watchdog fired");
        assert!(!status.success(), "the run was killed: {status}");

        let mut quick = std::process::Command::new("true")
            .process_group(0)
            .spawn()
            .expect("true starts");
        let dog = Watchdog::start(quick.id(), Duration::from_secs(5));
        assert!(quick.wait().expect("true ends").success());
        assert!(!dog.fired(), "a run within its limit is left alone");
    }
}
