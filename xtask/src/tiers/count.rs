//! Counting what a tier's test runs report, and judging a tier by it: a tier that printed
//! no result line, ran fewer tests than its committed floor, or ignored a test without a
//! reason has not passed, whatever its exit status.

use std::collections::BTreeMap;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::watchdog::Watchdog;

use crate::{root, Outcome};

/// The file of committed floors: the fewest tests each tier may run.
pub const FLOORS: &str = "tests/tier-floors.json";

/// What one tier's runs counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counted {
    /// Tests that passed.
    pub passed: u64,
    /// Tests that failed.
    pub failed: u64,
    /// Tests ignored, with or without a reason.
    pub ignored: u64,
    /// Tests ignored without a reason.
    pub unexplained: u64,
    /// Runs that printed no result line at all.
    pub silent_runs: u64,
}

thread_local! {
    /// What the tier running now has counted.
    static COUNTED: std::cell::Cell<Counted> = const { std::cell::Cell::new(Counted {
        passed: 0, failed: 0, ignored: 0, unexplained: 0, silent_runs: 0,
    }) };
}

/// Starts counting a new tier.
pub fn reset() {
    COUNTED.with(|c| c.set(Counted::default()));
}

/// What the tier running now has counted so far.
pub fn current() -> Counted {
    COUNTED.with(|c| c.get())
}

fn add(f: impl FnOnce(&mut Counted)) {
    COUNTED.with(|c| {
        let mut now = c.get();
        f(&mut now);
        c.set(now);
    });
}

/// Adds checks run outside `cargo test` (the size budget's) to the tier running now.
pub fn count(passed: usize, failed: usize) {
    add(|c| {
        c.passed += passed as u64;
        c.failed += failed as u64;
    });
}

/// The numbers of a `cargo test` result line (after `test result: `), or of a plain
/// `N passed, N failed[, N skipped]` closing line: passed, failed, ignored.
pub fn parse_result(rest: &str) -> Option<(u64, u64, u64)> {
    let number = |word: &str| {
        rest.split([';', ',']).find_map(|part| {
            let part = part.trim();
            let part = part
                .strip_prefix("ok. ")
                .or_else(|| part.strip_prefix("FAILED. "))
                .unwrap_or(part);
            part.strip_suffix(word)?.trim().parse::<u64>().ok()
        })
    };
    Some((
        number(" passed")?,
        number(" failed")?,
        number(" ignored").unwrap_or(0),
    ))
}

/// Whether a test's line says it was ignored without saying why. libtest prints
/// `test name ... ignored` bare, and `test name ... ignored, REASON` with one.
pub fn ignored_without_reason(line: &str) -> bool {
    line.starts_with("test ") && line.trim_end().ends_with("... ignored")
}

/// Runs a test command, echoing its output and adding its result lines to the tier's count.
/// `closing` is the prefix of its result lines: `test result: ` for libtest, or the plain
/// form such as `schemas: `.
pub fn run_counted_as(cmd: &mut Command, closing: &str) -> Outcome {
    match run_lines(cmd, closing, None, &|| None)? {
        Ran::Finished(outcome) => outcome,
        Ran::Stopped(_) => unreachable!("a run without a limit is never stopped"),
    }
}

/// How a run under a time limit ended.
pub enum Ran {
    /// It ended by itself, passing or failing.
    Finished(Outcome),
    /// It was stopped, for the reason given: it was still running at its limit, or it
    /// ended itself and said why (as an end-to-end test does when its browser does not
    /// start). Nothing it printed was counted as a run without a result line.
    Stopped(String),
}

/// Runs a libtest command as `run_counted` does, stopping it, with every process it started
/// in its group, if it has not ended within `limit`. Once it has ended, `stopped_itself`
/// says why, if the run ended itself early.
pub fn run_counted_within(
    cmd: &mut Command,
    limit: Duration,
    stopped_itself: &dyn Fn() -> Option<String>,
) -> Result<Ran, String> {
    run_lines(cmd, "test result: ", Some(limit), stopped_itself)
}

fn run_lines(
    cmd: &mut Command,
    closing: &str,
    limit: Option<Duration>,
    stopped_itself: &dyn Fn() -> Option<String>,
) -> Result<Ran, String> {
    use std::io::BufRead;
    eprintln!("$ {}", crate::describe(cmd));
    if limit.is_some() {
        // Its own group, so that the watchdog can stop it with all it started.
        cmd.process_group(0);
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{}`: {e}", crate::describe(cmd)))?;
    let dog = limit.map(|limit| Watchdog::start(child.id(), limit));
    let mut results = 0;
    if let Some(out) = child.stdout.take() {
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            if ignored_without_reason(&line) {
                add(|c| c.unexplained += 1);
            }
            if let Some((p, f, i)) = line.strip_prefix(closing).and_then(parse_result) {
                results += 1;
                add(|c| {
                    c.passed += p;
                    c.failed += f;
                    c.ignored += i;
                });
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if let Some(dog) = dog.as_ref().filter(|d| d.fired()) {
        return Ok(Ran::Stopped(format!(
            "still running after {} s",
            dog.limit().as_secs()
        )));
    }
    if let Some(why) = stopped_itself() {
        return Ok(Ran::Stopped(why));
    }
    if results == 0 {
        add(|c| c.silent_runs += 1);
    }
    Ok(Ran::Finished(if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", crate::describe(cmd)))
    }))
}

pub fn run_counted(cmd: &mut Command) -> Outcome {
    run_counted_as(cmd, "test result: ")
}

/// Why a tier that ran without an error still fails, if it does: below its floor, a run
/// without a result line, or a test ignored without a reason.
pub fn judge(name: &str, counted: Counted, floor: u64) -> Outcome {
    if counted.silent_runs > 0 {
        return Err(format!(
            "{name}: {} run(s) printed no result line: nothing can be said to have passed",
            counted.silent_runs
        ));
    }
    if counted.unexplained > 0 {
        return Err(format!(
            "{name}: {} test(s) ignored without a reason: write #[ignore = \"why\"]",
            counted.unexplained
        ));
    }
    if counted.passed == 0 || counted.passed < floor {
        return Err(format!(
            "{name}: {} test(s) passed, fewer than the {floor} in {FLOORS}: tests were lost",
            counted.passed
        ));
    }
    Ok(())
}

/// The committed floors, by tier key.
pub fn floors() -> Result<BTreeMap<String, u64>, String> {
    let value = crate::budget::read_json(&root().join(FLOORS))?;
    Ok(value
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| v.as_u64().map(|n| (k.clone(), n)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_lines_of_libtest_and_the_plain_form_are_read() {
        for (line, numbers) in [
            (
                "ok. 63 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.01s",
                Some((63, 0, 2)),
            ),
            (
                "FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out",
                Some((3, 1, 0)),
            ),
            (
                "ok. 6 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.25s",
                Some((6, 0, 0)),
            ),
            ("17 passed, 0 failed", Some((17, 0, 0))),
            ("17 passed, 2 failed, 1 skipped", Some((17, 2, 0))),
            ("no numbers here", None),
            ("5 passed", None),
        ] {
            assert_eq!(parse_result(line), numbers, "{line}");
        }
    }

    #[test]
    fn an_ignored_test_must_say_why() {
        assert!(ignored_without_reason("test slow_one ... ignored"));
        assert!(!ignored_without_reason(
            "test slow_one ... ignored, needs a GPU"
        ));
        assert!(!ignored_without_reason("test fine ... ok"));
    }

    fn counted(passed: u64) -> Counted {
        Counted {
            passed,
            ..Counted::default()
        }
    }

    #[test]
    fn a_tier_fails_empty_below_its_floor_silent_or_with_an_unexplained_ignore() {
        assert!(judge("t", counted(10), 10).is_ok());
        assert!(judge("t", counted(0), 0).is_err(), "zero never passes");
        assert!(judge("t", counted(9), 10).is_err(), "below the floor");
        let silent = Counted {
            silent_runs: 1,
            ..counted(10)
        };
        assert!(judge("t", silent, 1).is_err(), "a run with no result line");
        let unexplained = Counted {
            unexplained: 1,
            ..counted(10)
        };
        assert!(
            judge("t", unexplained, 1).is_err(),
            "an ignore without a reason"
        );
    }

    #[test]
    fn the_committed_floors_name_every_tier() {
        let floors = floors().expect("tests/tier-floors.json reads");
        for key in [
            "checks", "native", "schemas", "wasm", "e2e", "nginx", "budget",
        ] {
            assert!(
                floors.get(key).is_some_and(|n| *n > 0),
                "no floor for {key}"
            );
        }
    }
}
