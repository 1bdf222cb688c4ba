//! Sending one request the careful way: breaker, budget, timeout, and retries decided by
//! [`retry::decide`](super::retry::decide). Shared by the API client and the OAuth calls.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use reqwest::header::HeaderMap;

use super::breaker::{Breaker, BreakerPolicy, BreakerState};
use super::endpoint::{Endpoint, Priority};
use super::error::ApiError;
use super::rate_limit::{BudgetView, Budgets};
use super::retry::{self, Decision, Outcome, RetryPolicy};
use crate::clock::{Clock, SystemClock};

/// How the client behaves; the defaults are what agents get.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Timeout of every request (25 s: what agents expect of calls and status checks).
    pub timeout: Duration,
    /// Retries.
    pub retry: RetryPolicy,
    /// Circuit breaker.
    pub breaker: BreakerPolicy,
    /// Access tokens are refreshed this long before they expire.
    pub refresh_margin: Duration,
    /// How often a RingOut's status is polled.
    pub ringout_poll: Duration,
    /// The source of time.
    pub clock: Arc<dyn Clock>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(25),
            retry: RetryPolicy::default(),
            breaker: BreakerPolicy::default(),
            refresh_margin: Duration::from_secs(300),
            ringout_poll: Duration::from_secs(2),
            clock: Arc::new(SystemClock),
        }
    }
}

/// A request ready to go (headers include any authorization).
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// The operation.
    pub endpoint: &'static Endpoint,
    /// Absolute URL, query included.
    pub url: String,
    /// Headers.
    pub headers: HeaderMap,
    /// Body bytes (empty for none).
    pub body: Vec<u8>,
    /// Who waits for it.
    pub priority: Priority,
}

/// A complete answer.
#[derive(Debug, Clone)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// Headers.
    pub headers: HeaderMap,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// The HTTP layer with its guards, for one server.
#[derive(Debug)]
pub struct Transport {
    http: reqwest::Client,
    base_url: String,
    options: ClientOptions,
    budgets: Mutex<Budgets>,
    breaker: Mutex<Breaker>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Transport {
    /// A transport for `base_url` (no trailing slash). Redirects are never followed.
    pub fn new(base_url: &str, options: ClientOptions) -> Result<Self, ApiError> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("ringdesk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ApiError::Network {
                operation: "client",
                message: e.to_string(),
            })?;
        Ok(Self {
            http,
            base_url: base_url.trim_end_matches('/').to_string(),
            breaker: Mutex::new(Breaker::new(options.breaker.clone())),
            budgets: Mutex::new(Budgets::default()),
            options,
        })
    }

    /// The server's base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The options in force.
    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// The clock.
    pub fn clock(&self) -> &dyn Clock {
        self.options.clock.as_ref()
    }

    /// Every group's budget now.
    pub fn budgets(&self) -> Vec<BudgetView> {
        lock(&self.budgets).view(self.clock().now())
    }

    /// The breaker's state now.
    pub fn breaker(&self) -> BreakerState {
        lock(&self.breaker).state(self.clock().now())
    }

    /// Refuses `url` unless it is on this transport's server (the same origin, no user info):
    /// a link the server gave never takes a token or a client secret elsewhere.
    pub fn admit_url(&self, operation: &'static str, url: &str) -> Result<(), ApiError> {
        if crate::origin::same_origin(&self.base_url, url) {
            return Ok(());
        }
        Err(ApiError::Malformed {
            operation,
            message: format!(
                "it links to {}, not to {}: ringdesk does not follow it",
                crate::origin::shown(url),
                crate::origin::shown(&self.base_url)
            ),
        })
    }

    /// Sends `request`, waiting for budget and retrying as [`retry::decide`] says. Any HTTP
    /// answer that is not retried is returned, error statuses included. A request to another
    /// server than this transport's is refused ([`Transport::admit_url`]).
    pub async fn execute(&self, request: &Outgoing) -> Result<Answer, ApiError> {
        let endpoint = request.endpoint;
        self.admit_url(endpoint.operation, &request.url)?;
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.admit(request).await?;
            let sent = self.send_once(request).await;
            let now = self.clock().now();
            let outcome = match &sent {
                Ok(answer) => Outcome::Answered {
                    status: answer.status,
                    headers: &answer.headers,
                },
                Err(failure) => failure.outcome(),
            };
            self.record(request, outcome);
            let policy = &self.options.retry.for_priority(request.priority);
            match retry::decide(
                outcome,
                attempt,
                endpoint.idempotent,
                now,
                policy,
                rand::random(),
            ) {
                Decision::Accept => return sent.map_err(|f| f.into_error(endpoint, self)),
                Decision::RetryAfter(wait) => {
                    tracing::info!(operation = endpoint.operation, attempt, ?wait, "retrying");
                    self.clock().sleep(wait).await;
                }
                Decision::GiveUp => return Err(self.give_up(endpoint, sent, now)),
            }
        }
    }

    /// Waits until the breaker and the group's budget let `request` go — at most as long as
    /// the retry policy waits for its priority ([`RetryPolicy::max_rate_wait`], shorter for the
    /// agent's own requests); a longer wait is reported as [`ApiError::RateLimited`].
    ///
    /// [`RetryPolicy::max_rate_wait`]: super::retry::RetryPolicy::max_rate_wait
    async fn admit(&self, request: &Outgoing) -> Result<(), ApiError> {
        let group = request.endpoint.group;
        let interactive = request.priority == Priority::Interactive;
        let patience = self
            .options
            .retry
            .for_priority(request.priority)
            .max_rate_wait;
        let mut waiting = false;
        let result = loop {
            let now = self.clock().now();
            if let Err(retry_in) = lock(&self.breaker).admit(now) {
                break Err(ApiError::CircuitOpen { retry_in });
            }
            let admitted = lock(&self.budgets).admit(group, request.priority, now);
            match admitted {
                Ok(()) => break Ok(()),
                Err(wait) if wait > patience => {
                    // Too long to hold the agent's click, or a background job inside one
                    // call: say how long instead.
                    break Err(ApiError::RateLimited {
                        group,
                        retry_after: wait,
                    });
                }
                Err(wait) => {
                    if interactive && !waiting {
                        waiting = true;
                        lock(&self.budgets).interactive_waiting(group, true);
                    }
                    tracing::debug!(group = group.name(), ?wait, "waiting for rate-limit budget");
                    self.clock().sleep(wait).await;
                }
            }
        };
        if waiting {
            lock(&self.budgets).interactive_waiting(group, false);
        }
        result
    }

    async fn send_once(&self, request: &Outgoing) -> Result<Answer, Failure> {
        let method = request.endpoint.method.clone();
        let call = self
            .http
            .request(method, &request.url)
            .headers(request.headers.clone())
            .body(request.body.clone())
            .timeout(self.options.timeout);
        let work = async {
            let response = call.send().await.map_err(Failure::from_reqwest)?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.bytes().await.map_err(Failure::from_reqwest)?;
            Ok(Answer {
                status,
                headers,
                body: body.to_vec(),
            })
        };
        // reqwest's timeout covers the body too, but an explicit bound keeps the promise.
        match tokio::time::timeout(self.options.timeout + Duration::from_secs(1), work).await {
            Ok(result) => result,
            Err(_) => Err(Failure::TimedOut),
        }
    }

    fn record(&self, request: &Outgoing, outcome: Outcome<'_>) {
        let now = self.clock().now();
        let group = request.endpoint.group;
        let mut breaker = lock(&self.breaker);
        match outcome {
            Outcome::Answered { status, headers } => {
                lock(&self.budgets).observe(group, headers, now);
                if status == 429 {
                    let wait =
                        retry::retry_after(headers, now).unwrap_or(retry::DEFAULT_RETRY_AFTER);
                    lock(&self.budgets).penalise(group, wait, now);
                    tracing::warn!(group = group.name(), ?wait, "rate limited by RingCentral");
                }
                if status >= 500 {
                    breaker.failed(now);
                } else {
                    breaker.succeeded();
                }
            }
            _ => breaker.failed(now),
        }
    }

    fn give_up(
        &self,
        endpoint: &'static Endpoint,
        sent: Result<Answer, Failure>,
        now: std::time::SystemTime,
    ) -> ApiError {
        match sent {
            Ok(answer) if answer.status == 429 => ApiError::RateLimited {
                group: endpoint.group,
                retry_after: retry::retry_after(&answer.headers, now)
                    .unwrap_or(retry::DEFAULT_RETRY_AFTER),
            },
            // A 5xx may come from a proxy that forwarded the request: it may have happened.
            Ok(answer) if !endpoint.idempotent && answer.status >= 500 => {
                ApiError::UnknownOutcome {
                    operation: endpoint.operation,
                }
            }
            Ok(answer) => super::client::status_error(endpoint, &answer),
            Err(failure) => failure.into_error(endpoint, self),
        }
    }
}

/// A failed attempt without an answer.
#[derive(Debug)]
enum Failure {
    NotSent(String),
    TimedOut,
    Lost(String),
}

impl Failure {
    fn from_reqwest(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            Failure::TimedOut
        } else if error.is_connect() {
            Failure::NotSent(error.to_string())
        } else {
            Failure::Lost(error.to_string())
        }
    }

    fn outcome(&self) -> Outcome<'static> {
        match self {
            Failure::NotSent(_) => Outcome::NotSent,
            Failure::TimedOut => Outcome::TimedOut,
            Failure::Lost(_) => Outcome::Lost,
        }
    }

    fn into_error(self, endpoint: &'static Endpoint, transport: &Transport) -> ApiError {
        let operation = endpoint.operation;
        match self {
            Failure::NotSent(message) => ApiError::Network { operation, message },
            _ if !endpoint.idempotent => ApiError::UnknownOutcome { operation },
            Failure::TimedOut => ApiError::Timeout {
                operation,
                after: transport.options.timeout,
            },
            Failure::Lost(message) => ApiError::Network { operation, message },
        }
    }
}
