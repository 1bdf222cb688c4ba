//! Builds the Tauri context. Capabilities live under `src-tauri/capabilities` while the
//! manifest sits at the repository root, so the pattern must be given explicitly: a plain
//! `tauri_build::build()` would silently load no capabilities at all.

fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
