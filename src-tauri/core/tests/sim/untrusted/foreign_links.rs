//! A paging link on another origin is refused: the bearer token never leaves for it. A second
//! listener stands for the other server and records whatever reaches it.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use ringdesk_core::api::phone_numbers::LIST_PHONE_NUMBERS;
use ringdesk_core::api::{ApiError, Call, Pages};
use serde_json::{json, Value};

use ringdesk_testkit::signin::{jwt_client, quick};
use ringdesk_testkit::sim::{sim, EXTENSION};
use ringdesk_testkit::{Fault, SimAdmin};

/// A server elsewhere: answers every request with an empty page and keeps its head.
struct Elsewhere {
    port: u16,
    heads: Arc<Mutex<Vec<String>>>,
}

impl Elsewhere {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a second listener");
        let port = listener.local_addr().expect("its address").port();
        let heads = Arc::new(Mutex::new(Vec::new()));
        let seen = heads.clone();
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                    head.push(byte[0]);
                }
                seen.lock()
                    .expect("heads")
                    .push(String::from_utf8_lossy(&head).into_owned());
                let body = r#"{"records":[],"paging":{},"navigation":{}}"#;
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            }
        });
        Self { port, heads }
    }

    fn heads(&self) -> Vec<String> {
        self.heads.lock().expect("heads").clone()
    }
}

#[tokio::test]
async fn a_next_page_on_another_origin_never_gets_the_token() {
    let sim = sim(|_| {}).await;
    let client = jwt_client(&sim, quick()).await;
    let elsewhere = Elsewhere::start();
    let server = sim.credentials().server_url.clone();
    let authority = server.trim_start_matches("http://");
    let path = format!("{EXTENSION}/phone-number");
    for link in [
        // Starts with the server's address, then user info: the host is the other listener.
        format!("{server}@127.0.0.1:{}{path}?page=2", elsewhere.port),
        format!(
            "http://{authority}:x@127.0.0.1:{}{path}?page=2",
            elsewhere.port
        ),
        // Same host, another port.
        format!("http://127.0.0.1:{}{path}?page=2", elsewhere.port),
    ] {
        SimAdmin::of(&sim)
            .arm(
                Fault::on("GET", &path)
                    .patch(json!({ "navigation": { "nextPage": { "uri": link } } })),
            )
            .await;
        let mut pages = Pages::<Value>::new(client.client(), Call::new(&LIST_PHONE_NUMBERS, &[]));
        let first = pages
            .next_page()
            .await
            .expect("the first page is ours")
            .expect("a first page");
        assert!(!first.records.is_empty(), "a page with records");
        let second = pages.next_page().await;
        let heads = elsewhere.heads();
        assert!(
            heads.is_empty(),
            "{link}: nothing reaches the other server, let alone an Authorization header: {heads:#?}"
        );
        assert!(
            matches!(&second, Err(ApiError::Malformed { operation, .. }) if *operation == LIST_PHONE_NUMBERS.operation),
            "{link}: a clear refusal naming the operation: {second:?}"
        );
    }
}
