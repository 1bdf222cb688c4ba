//! Placing a RingOut and following it: a [`RingOutCall`] publishes every change of either leg on
//! a watch channel until the call is final, and can be cancelled while it is still ringing.
//! [`call_words`] is the one place a call's progress and outcome are put into words.
//!
//! ```no_run
//! # async fn demo(client: ringdesk_core::api::Client, plan: ringdesk_core::calls::CallPlan)
//! # -> Result<(), ringdesk_core::calls::CallError> {
//! let call = ringdesk_core::calls::place(&client, &plan).await?;
//! let mut progress = call.progress();
//! while progress.changed().await.is_ok() {
//!     let now = progress.borrow().clone();
//!     println!("{}", now.phase.label());
//!     if now.phase.is_final() { break; }
//! }
//! # Ok(()) }
//! ```

mod follow;
mod plan;
mod progress;
mod words;

pub use follow::{place, CallProgress, RingOutCall};
pub use plan::{plan_call, CallError, CallPlan, CallTarget, RingMeAt};
pub use progress::{phase, CallPhase, Leg};
pub use words::{call_words, phone_noun, CallWords};
