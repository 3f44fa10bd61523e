//! The app's WebAssembly module, built by Folio itself rather than by Trunk's `rust` asset,
//! so that it can be split into parts loaded on first use (ADR 013). Trunk runs
//! wasm-bindgen on the whole module and cannot keep the linker's exports that a split part
//! links against, so the steps run here, in the order the prototype proved: rustc keeping
//! its relocations, the splitter on rustc's module, wasm-bindgen, then wasm-opt on each
//! part. Trunk still builds the page, its styles, the copied files and the loader in
//! `index.html`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::names::parts::{name_parts, LOADER};
use crate::tiers::scratch::Scratch;
use crate::{root, run, tool_path, Outcome};

/// The binary and the feature that make the app in the browser.
const BIN: &str = "folio";
const TARGET: &str = "wasm32-unknown-unknown";
/// wasm-opt's flags for every part: measured in docs/performance.md ("What each optimisation
/// bought"); `-O3` was kept after two whole WebKit tiers passed with it.
pub const WASM_OPT: [&str; 3] = ["-O3", "--low-memory-unused", "--converge"];

/// Builds the module into `dist/` in place of the one Trunk's `rust` asset left there
/// (unoptimised: `data-wasm-opt="0"`), under Trunk's name, which its loader in `index.html`
/// imports. Its parts are named by their bytes here, and the pair and the parts' loader
/// afterwards ([`crate::names::name_by_content`]). Returns the parts' names.
pub fn build_into(dist: &Path) -> Result<Vec<String>, String> {
    let stem = crate::names::module_stem(dist)?;
    let rustc_module = compile()?;
    let bytes = std::fs::read(&rustc_module)
        .map_err(|e| format!("cannot read {}: {e}", rustc_module.display()))?;
    let work = Scratch::new("module")?;
    let split = work.path().join("split");
    let parts = split_module(&bytes, &split, &stem)?;
    let bound = work.path().join("bound");
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--keep-lld-exports"])
        // A name of its own, not the stem: the module imports from `./folio_bg.js` by this
        // name, which renaming the pair must not change.
        .arg(format!("--out-name={BIN}"))
        .arg("--out-dir")
        .arg(&bound)
        .arg(split.join("main.wasm"))
        .env("PATH", tool_path()))?;
    copy(
        &bound.join(format!("{BIN}.js")),
        &dist.join(format!("{stem}.js")),
    )?;
    optimise(
        &bound.join(format!("{BIN}_bg.wasm")),
        &dist.join(format!("{stem}_bg.wasm")),
    )?;
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    let mut written = Vec::new();
    for part in &parts {
        let name = file_name(part)?;
        optimise(part, &dist.join(&name))?;
        written.push(name);
    }
    copy(&split.join(LOADER), &dist.join(LOADER))?;
    name_parts(dist, &written)
}

/// rustc's module, with its relocations, which the splitter needs ("No linking section
/// found" without them). Only the app's own link gets the flag, so the dependencies build
/// as in every other release build.
fn compile() -> Result<PathBuf, String> {
    run(Command::new("cargo")
        .args(["rustc", "--release", "--offline", "--target", TARGET])
        .args(["--bin", BIN, "--features", "split"])
        .args(["--", "-Clink-args=--emit-relocs"])
        .current_dir(root()))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    Ok(target
        .join(TARGET)
        .join("release")
        .join(format!("{BIN}.wasm")))
}

/// Runs the splitter on rustc's module: `out/main.wasm` for wasm-bindgen, one
/// `split_*.wasm` per part loaded on first use, and their loader. Returns the parts.
fn split_module(bytes: &[u8], out: &Path, stem: &str) -> Result<Vec<PathBuf>, String> {
    let main = out.join("main.wasm");
    let link = format!("./{LOADER}");
    let script = format!("./{stem}.js");
    let mut options = wasm_split_cli_support::Options::new(bytes);
    options.output_dir = out;
    options.main_out_path = &main;
    options.link_name = &link;
    options.main_module = &script;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| format!("cannot split the module: {e:#}"))?;
    Ok(split.split_modules)
}

/// wasm-opt, npm's (Debian's 108 breaks the app at start-up), with [`WASM_OPT`].
fn optimise(from: &Path, to: &Path) -> Outcome {
    run(Command::new("wasm-opt")
        .args(WASM_OPT)
        .arg("--output")
        .arg(to)
        .arg(from)
        .env("PATH", tool_path()))
}

fn copy(from: &Path, to: &Path) -> Outcome {
    std::fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("no file name in {}", path.display()))
}
