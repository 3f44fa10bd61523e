//! Free disk where `target/` lives: a run that will not fit says so before it starts, and a
//! tier that failed on a full disk says that, not only the linker's or Trunk's own words.

use std::path::Path;
use std::process::Command;

/// What a fresh clone's `cargo xtask test` writes to `target/`, with room to spare: 3.7 GiB
/// measured on 2026-12-07 with the line-tables-only debug profile and CI's
/// `CARGO_INCREMENTAL=0` (13 GB before them).
pub const FRESH_RUN_BYTES: u64 = 5 * GB;

/// Below this a failed tier is blamed on the disk as well as on its own error.
const NEARLY_FULL_BYTES: u64 = 512 * MB;

const MB: u64 = 1024 * 1024;
const GB: u64 = 1024 * MB;

/// Bytes free to this user on the filesystem that holds `path` (or, before `path` exists, its
/// nearest folder that does), from POSIX `df -P -k`; `None` when `df` is missing or says
/// something else.
pub fn free_bytes(path: &Path) -> Option<u64> {
    let existing = path.ancestors().find(|p| p.exists())?;
    let out = Command::new("df")
        .arg("-P")
        .arg("-k")
        .arg(existing)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let kib: u64 = text
        .lines()
        .nth(1)?
        .split_whitespace()
        .nth(3)?
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// Printed before the first tier when the disk holds less than a fresh run needs. A warning,
/// not a failure: a `target/` that is already built needs far less, so what it holds counts
/// as room (measured only when the free space alone is short).
pub fn warn_if_short(target: &Path) {
    let Some(free) = free_bytes(target) else {
        return;
    };
    if free < FRESH_RUN_BYTES && free + used_bytes(target) < FRESH_RUN_BYTES {
        eprintln!(
            "xtask: warning: {} free on the disk that holds {}; a run from a fresh clone \
             writes about {} there, so this run may stop with \"No space left on device\"",
            size(free),
            target.display(),
            size(FRESH_RUN_BYTES)
        );
    }
}

/// A note to add to a failed tier's error when the disk is nearly full, else `None`.
pub fn full_disk_note(target: &Path) -> Option<String> {
    let free = free_bytes(target)?;
    (free < NEARLY_FULL_BYTES).then(|| {
        format!(
            "the disk that holds {} is nearly full ({} free)",
            target.display(),
            size(free)
        )
    })
}

/// How much `dir` holds, from `du -s -k`; 0 when it does not exist yet.
pub fn used_bytes(dir: &Path) -> u64 {
    let Ok(out) = Command::new("du").arg("-s").arg("-k").arg(dir).output() else {
        return 0;
    };
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .and_then(|kib| kib.parse::<u64>().ok())
        .map_or(0, |kib| kib * 1024)
}

fn size(bytes: u64) -> String {
    if bytes >= GB {
        format!("{:.1} GB", bytes as f64 / GB as f64)
    } else {
        format!("{} MB", bytes / MB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_disk_under_the_workspace_has_a_free_figure() {
        let free = free_bytes(Path::new(env!("CARGO_MANIFEST_DIR")));
        assert!(free.is_some_and(|b| b > 0), "df gave {free:?}");
    }

    #[test]
    fn a_target_not_built_yet_is_measured_on_the_disk_it_will_be_on() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(free_bytes(&root.join("not-built-yet/target")).is_some());
    }

    #[test]
    fn a_directory_that_is_not_there_holds_nothing() {
        assert_eq!(used_bytes(Path::new("/nonexistent/folio-target")), 0);
    }

    #[test]
    fn sizes_read_in_the_unit_that_fits() {
        assert_eq!(size(3 * GB / 2), "1.5 GB");
        assert_eq!(size(300 * MB), "300 MB");
    }
}
