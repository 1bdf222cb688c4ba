//! The ringdesk desktop shell: Tauri and OS wiring over `ringdesk_core`.

/// Runs ringdesk with the process arguments and returns the exit code.
pub fn run() -> i32 {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .map(|()| 0)
        .unwrap_or(1)
}
