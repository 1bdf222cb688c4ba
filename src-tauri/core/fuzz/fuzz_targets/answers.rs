//! Any bytes as a RingCentral answer — a token answer, a call-log, message or contact page, a
//! WebSocket frame, an error body — fed to the decoders ringdesk runs on them: none panics.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ringdesk_core::fuzzing;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the decoder, so one corpus covers them all.
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    match which % 6 {
        0 => fuzzing::token_answer(body),
        1 => fuzzing::call_log_page(body),
        2 => fuzzing::message_page(body),
        3 => fuzzing::contact_page(body),
        4 => {
            if let Ok(text) = std::str::from_utf8(body) {
                fuzzing::websocket_frame(text);
            }
        }
        _ => {
            let status = u16::from(which) * 3;
            fuzzing::error_answer(status, body);
        }
    }
});
