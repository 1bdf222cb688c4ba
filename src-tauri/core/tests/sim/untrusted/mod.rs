//! Issue #13, "never trust the server": what a server (or a proxy, or a page in the browser)
//! says is input, bounded and checked — it cannot make a send happen twice, take the token
//! elsewhere, panic the process, or end a session another process holds.

mod absurd_numbers;
mod ambiguous_send;
mod foreign_links;
mod forged_callback;
mod jwt_binding;
mod keychain_trouble;
