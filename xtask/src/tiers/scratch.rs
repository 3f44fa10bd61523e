//! A tier's own temporary folder under `target/`, given to what the tier runs as `TMPDIR`:
//! its test binaries, and in the browser tiers the WebDriver server and so the browsers'
//! profiles (the bench gives one to Playwright and Lighthouse the same way). They land there
//! rather than in the machine's `/tmp`, and are removed as the tier goes. ChromeDriver leaves
//! part of a profile behind when the browser writes to it after the session's end (about
//! 100 MB each), every Firefox session has a profile folder of its own (about 40 MB), and
//! native tests leave small sites they served; left in `/tmp`, runs piled up gigabytes on a
//! disk CI shares.

use std::path::{Path, PathBuf};

/// A folder emptied when made, on [`Scratch::clear`], and removed when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    /// `target/scratch/NAME`, empty.
    pub fn new(name: &str) -> Result<Scratch, String> {
        let dir = crate::root().join("target/scratch").join(name);
        let scratch = Scratch(dir);
        scratch.clear()?;
        Ok(scratch)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Removes everything in the folder, keeping the folder itself.
    pub fn clear(&self) -> Result<(), String> {
        match std::fs::remove_dir_all(&self.0) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot empty {}: {e}", self.0.display())),
        }
        std::fs::create_dir_all(&self.0)
            .map_err(|e| format!("cannot make {}: {e}", self.0.display()))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scratch_folder_is_emptied_by_clear_and_gone_once_dropped() {
        let scratch = Scratch::new("scratch-self-test").unwrap();
        let dir = scratch.path().to_owned();
        std::fs::create_dir_all(dir.join("profile/Default")).unwrap();
        std::fs::write(dir.join("profile/Default/Cookies"), b"x").unwrap();
        scratch.clear().unwrap();
        assert!(dir.is_dir(), "the folder itself stays");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "and is empty");
        std::fs::write(dir.join("left"), b"x").unwrap();
        drop(scratch);
        assert!(!dir.exists(), "dropping removes it with what it holds");
    }

    #[test]
    fn a_new_scratch_folder_starts_empty_even_if_a_stopped_run_left_one() {
        let dir = crate::root().join("target/scratch/scratch-left-over");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("old-profile"), b"x").unwrap();
        let scratch = Scratch::new("scratch-left-over").unwrap();
        assert_eq!(std::fs::read_dir(scratch.path()).unwrap().count(), 0);
    }
}
