//! The service worker that keeps the app on the device (`web/sw.js`), written into the build
//! by `tafukt bundle` with the list of every file to keep and a version that changes whenever
//! one of them does. Names with trunk's content hash (code, styles) count by name; the
//! others (the page, lessons, catalogues, thumbnails) by content.

use std::path::{Path, PathBuf};

const TEMPLATE: &str = include_str!("../../../web/sw.js");

/// Every file under `dir`, as paths relative to it with `/` separators, sorted.
fn files(dir: &Path, under: &str, out: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = format!("{under}{}", entry.file_name().to_string_lossy());
        let path = entry.path();
        if path.is_dir() {
            files(&path, &format!("{name}/"), out)?;
        } else {
            out.push((name, path));
        }
    }
    Ok(())
}

/// Whether trunk named the file by its content (`app-0123456789abcdef.css`).
fn named_by_content(name: &str) -> bool {
    let stem = name.rsplit('/').next().unwrap_or(name).split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Files of the studio app (ARCHITECTURE.md, "Core and full"): the worker keeps them when a
/// teacher first opens the studio, and in each new version once it has.
pub fn on_demand(name: &str) -> bool {
    name.starts_with("tafukt-studio-") || name == "studio.css"
}

/// Writes `sw.js` into `root`, listing every file of the build but itself.
pub fn write_service_worker(root: &Path) -> Result<(), String> {
    let mut all = Vec::new();
    files(root, "", &mut all)?;
    // Not itself, nor the single-file build for USB sticks (`tafukt.html`, written after it
    // and over a megabyte): a pupil of a served Tafukt never needs it.
    all.retain(|(name, _)| name != "sw.js" && name != "tafukt.html");
    all.sort();
    // FNV-1a over names, and over contents where the name does not already say them.
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    };
    for (name, path) in &all {
        feed(name.as_bytes());
        if !named_by_content(name) {
            feed(&std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?);
        }
    }
    // The studio is kept once a teacher has opened it, never fetched ahead for a pupil.
    let (on_demand, kept): (Vec<_>, Vec<_>) = all.iter().map(|(n, _)| n.clone()).partition(|n| on_demand(n));
    let list: Vec<String> = std::iter::once("./".to_string()).chain(kept).collect();
    let json = |l: &Vec<String>| serde_json::to_string(l).map_err(|e| e.to_string());
    let text = TEMPLATE
        .replace("__VERSION__", &format!("tafukt-{hash:016x}"))
        .replace("__FILES__", &json(&list)?)
        .replace("__ON_DEMAND__", &json(&on_demand)?);
    std::fs::write(root.join("sw.js"), text).map_err(|e| format!("sw.js: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_and_the_version_follow_the_files() {
        let root = std::env::temp_dir().join(format!("tafukt-offline-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("lessons/en")).unwrap();
        std::fs::write(root.join("index.html"), "<p>hi</p>").unwrap();
        std::fs::write(root.join("app-0123456789abcdef.css"), "a{}").unwrap();
        std::fs::write(root.join("lessons/en/index.bin"), [1, 2]).unwrap();
        // The studio's files are kept apart: only a teacher who opens the studio gets them.
        std::fs::write(root.join("tafukt-studio-0123456789abcdef_bg.wasm"), [0]).unwrap();
        std::fs::write(root.join("studio.css"), "b{}").unwrap();
        let version = |root: &Path| {
            write_service_worker(root).unwrap();
            let sw = std::fs::read_to_string(root.join("sw.js")).unwrap();
            assert!(
                sw.contains(
                    r#"const FILES = ["./","app-0123456789abcdef.css","index.html","lessons/en/index.bin"];"#
                ),
                "{sw}"
            );
            assert!(
                sw.contains(r#"const ON_DEMAND = ["studio.css","tafukt-studio-0123456789abcdef_bg.wasm"];"#),
                "{sw}"
            );
            sw.lines().find(|l| l.starts_with("const VERSION")).unwrap().to_string()
        };
        let first = version(&root);
        assert_eq!(version(&root), first, "the same build gives the same version");
        std::fs::write(root.join("lessons/en/index.bin"), [1, 3]).unwrap();
        let changed = version(&root);
        assert_ne!(changed, first, "a changed lesson is a new version");
        // A file named by its content counts by name only.
        std::fs::write(root.join("app-0123456789abcdef.css"), "b{}").unwrap();
        assert_eq!(version(&root), changed);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
