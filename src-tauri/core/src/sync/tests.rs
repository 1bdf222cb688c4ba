//! Sync engine tests with a scripted upstream.
