//! The phone parsers never allocate in proportion to an oversized input: a 10 MB link costs one
//! length comparison, and an input at the cap costs a small multiple of the cap.
//!
//! A binary of its own, because it installs a counting global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use ringdesk_core::phone::{parse_input, parse_link, MAX_INPUT_BYTES, MAX_SMS_LINK_BYTES};

/// Counts the bytes each thread asks for, so the test harness's own threads do not interfere.
struct Counting;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    let _ = ALLOCATED.try_with(|allocated| allocated.set(allocated.get() + bytes));
}

// SAFETY: every call is forwarded unchanged to the system allocator; counting touches only a
// const-initialised thread-local, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: the caller upholds `alloc`'s contract, which `System` shares.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        // SAFETY: the caller upholds `realloc`'s contract, which `System` shares.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Bytes allocated on this thread while `work` runs.
fn allocated_by(work: impl FnOnce()) -> usize {
    let before = ALLOCATED.with(Cell::get);
    work();
    ALLOCATED.with(Cell::get) - before
}

#[test]
fn parsing_allocates_nothing_for_oversized_input_and_little_at_the_cap() {
    const TEN_MB: usize = 10 * 1024 * 1024;
    let oversized = [
        format!("tel:+1{}", "5".repeat(TEN_MB)),
        format!("sms:+15105550101?body={}", "a".repeat(TEN_MB)),
        format!("callto:{}", "📞".repeat(TEN_MB / 4)),
        "(650) 555-0100 x ".repeat(TEN_MB / 17),
    ];
    for input in &oversized {
        let bytes = allocated_by(|| {
            assert!(parse_link(input).is_err() && parse_input(input).is_err());
        });
        assert_eq!(
            bytes,
            0,
            "rejecting {} bytes allocates nothing",
            input.len()
        );
    }

    let at_cap = [
        format!("tel:+1{}", "-".repeat(MAX_INPUT_BYTES - 16)) + "6505550100",
        format!(
            "tel:+16505550100;{}",
            "a=b;".repeat((MAX_INPUT_BYTES - 18) / 4)
        ),
        format!(
            "sms:+15105550101?body={}",
            "%41".repeat((MAX_SMS_LINK_BYTES - 24) / 3)
        ),
        format!("{}+1 650 555 0100", " ".repeat(MAX_INPUT_BYTES - 20)),
    ];
    for input in &at_cap {
        let bytes = allocated_by(|| {
            let _ = parse_link(input);
            let _ = parse_input(input);
        });
        assert!(
            bytes <= 8 * input.len() + 4096,
            "{bytes} bytes allocated for a {}-byte input",
            input.len()
        );
    }
}
