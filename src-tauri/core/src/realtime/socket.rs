//! One notification WebSocket: a fresh single-use token, the connection (recovering a session
//! with `&wsc=` when asked), `ConnectionDetails` before anything is sent, and the subscription
//! request matched to its reply by `messageId`. WebSocket pings are answered by tungstenite on
//! the next read, which the session loop always has pending.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio::time::{timeout_at, Instant};
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{connect_async, MaybeTlsStream, WebSocketStream};

use super::error::RealtimeError;
use super::frame::{self, Details, Incoming, Wsc};
use crate::api::models::WsToken;
use crate::api::subscription::WS_TOKEN;
use crate::api::{Call, Client, Priority};
use crate::origin;
use crate::secret::Secret;

/// An open notification WebSocket.
#[derive(Debug)]
pub(crate) struct Socket {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

/// A socket whose `ConnectionDetails` arrived.
#[derive(Debug)]
pub(crate) struct Opened {
    pub socket: Socket,
    pub wsc: Option<Wsc>,
    pub details: Details,
}

/// The `wss://…?access_token=…[&wsc=…]` address (it holds secrets: never log it). The `uri` is
/// the server's: the token goes only to `wss://`, or to `ws://` on this machine (the
/// simulator); anything else is refused before a connection is tried.
fn address(ticket: &WsToken, recover: Option<&Secret>) -> Result<String, RealtimeError> {
    let refused = || RealtimeError::UnsafeAddress {
        address: origin::shown(&ticket.uri),
    };
    let mut url = url::Url::parse(&ticket.uri).map_err(|_| refused())?;
    let allowed = match url.scheme() {
        "wss" => true,
        "ws" => origin::is_loopback(&url),
        _ => false,
    };
    if !allowed || !url.username().is_empty() || url.password().is_some() {
        return Err(refused());
    }
    url.set_fragment(None);
    {
        let mut query = url.query_pairs_mut();
        query.append_pair("access_token", ticket.ws_access_token.expose());
        if let Some(wsc) = recover {
            query.append_pair("wsc", wsc.expose());
        }
    }
    Ok(url.into())
}

fn handshake_error(error: tungstenite::Error) -> RealtimeError {
    let status = match &error {
        tungstenite::Error::Http(response) => Some(response.status().as_u16()),
        _ => None,
    };
    RealtimeError::Handshake {
        status,
        message: error.to_string(),
    }
}

/// Opens a socket: a new WebSocket token (tokens are single-use), the upgrade, and the
/// `ConnectionDetails` frame (an `Error` frame instead is the error). `recover` asks RingCentral
/// to reattach the session of that `wsc` token. Each step is bounded by `limit`.
pub(crate) async fn open(
    client: &Client,
    recover: Option<&Secret>,
    limit: Duration,
) -> Result<Opened, RealtimeError> {
    let call = Call::new(&WS_TOKEN, &[]).priority(Priority::Background);
    let ticket: WsToken = client.fetch(call).await?;
    let mut socket = Socket::connect(&address(&ticket, recover)?, limit).await?;
    let deadline = Instant::now() + limit;
    loop {
        match socket.next_before(deadline, "ConnectionDetails").await? {
            Some(Incoming::ConnectionDetails { wsc, details }) => {
                return Ok(Opened {
                    socket,
                    wsc,
                    details,
                })
            }
            Some(Incoming::Error { code, message }) => {
                return Err(RealtimeError::Ended { code, message })
            }
            _ => {}
        }
    }
}

impl Socket {
    /// The WebSocket upgrade to `address`, bounded by `limit`.
    pub async fn connect(address: &str, limit: Duration) -> Result<Self, RealtimeError> {
        let (ws, _) = tokio::time::timeout(limit, connect_async(address))
            .await
            .map_err(|_| RealtimeError::Timeout {
                what: "WebSocket handshake",
                after: limit,
            })?
            .map_err(handshake_error)?;
        Ok(Self { ws })
    }

    /// The next frame: `Some` for a text frame, `None` for other traffic (pings, pongs, an
    /// unreadable frame — logged and skipped). A closed or broken socket is an error.
    pub async fn next(&mut self) -> Result<Option<Incoming>, RealtimeError> {
        match self.ws.next().await {
            Some(Ok(Message::Text(text))) => match frame::parse(text.as_str()) {
                Ok(incoming) => Ok(Some(incoming)),
                Err(error) => {
                    tracing::warn!(%error, "skipping a notification frame");
                    Ok(None)
                }
            },
            Some(Ok(Message::Close(close))) => Err(RealtimeError::Closed(
                close.map_or_else(|| "closed".into(), |c| format!("{} {}", c.code, c.reason)),
            )),
            Some(Ok(_)) => Ok(None),
            Some(Err(error)) => Err(RealtimeError::Closed(error.to_string())),
            None => Err(RealtimeError::Closed("the connection ended".into())),
        }
    }

    /// [`Socket::next`], failing with a timeout at `deadline`.
    async fn next_before(
        &mut self,
        deadline: Instant,
        what: &'static str,
    ) -> Result<Option<Incoming>, RealtimeError> {
        let after = deadline.saturating_duration_since(Instant::now());
        timeout_at(deadline, self.next())
            .await
            .map_err(|_| RealtimeError::Timeout { what, after })?
    }

    /// Sends a text frame.
    pub async fn send(&mut self, text: String) -> Result<(), RealtimeError> {
        self.ws
            .send(Message::Text(text.into()))
            .await
            .map_err(|e| RealtimeError::Closed(e.to_string()))
    }

    /// Subscribes to `filters` (replacing any subscription of this connection). Returns the
    /// subscription id and the frames that arrived before the reply, to be handled in order.
    pub async fn subscribe(
        &mut self,
        filters: &[String],
        limit: Duration,
    ) -> Result<(String, Vec<Incoming>), RealtimeError> {
        let message_id = frame::message_id();
        self.send(frame::subscribe(&message_id, filters)).await?;
        let deadline = Instant::now() + limit;
        let mut early = Vec::new();
        loop {
            match self.next_before(deadline, "subscription reply").await? {
                Some(Incoming::Response {
                    message_id: id,
                    status,
                    body,
                }) if id == message_id => {
                    if !(200..300).contains(&status) {
                        let (code, message) = frame::error_of(body.as_ref());
                        return Err(RealtimeError::Refused {
                            status,
                            code,
                            message,
                        });
                    }
                    let id = frame::subscription_id(body.as_ref()).unwrap_or_default();
                    return Ok((id, early));
                }
                Some(Incoming::Error { code, message }) => {
                    return Err(RealtimeError::Ended { code, message })
                }
                Some(other) => early.push(other),
                None => {}
            }
        }
    }

    /// Closes politely (bounded: a dead peer does not hold the caller).
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(2), self.ws.close(None)).await;
    }
}

#[cfg(test)]
mod address_tests;
