//! Files generated from the sources and checked in (JSON Schemas, world thumbnails): written
//! by one command and checked by the same command with `--check`, so they cannot go stale.

use std::path::Path;

/// Writes `files` into `dir`, or with `check` only compares them and reports stale ones.
/// `command` is how to regenerate them, for the message. True when nothing is stale.
pub fn write_or_check(
    dir: &Path,
    files: Vec<(String, String)>,
    check: bool,
    command: &str,
) -> Result<bool, String> {
    let mut ok = true;
    for (name, text) in files {
        let path = dir.join(name);
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if current != text {
                println!("stale: {} (run `{command}`)", path.display());
                ok = false;
            } else {
                println!("ok   {}", path.display());
            }
        } else {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    Ok(ok)
}
