//! `ringdesk`: the command line, and the front that hands links to the window (see
//! `ringdesk_app::front`). A console program on Windows, so the command line prints.

fn main() {
    std::process::exit(ringdesk_app::front::run());
}
