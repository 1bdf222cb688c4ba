// The agent's live calls from `live-call` events, and the one "on the line" (what hang up and
// hold act on — the same order as the core: connected, then on hold). Pure: tested without a DOM.

/**
 * The list after one `live-call` event: an ended call leaves, any other replaces its old self.
 * @param {any[]} calls LiveCall[]
 * @param {{ change: string, call: any }} event
 */
export function applyLiveCall(calls, event) {
  const call = event?.call;
  if (!call?.sessionId) return calls;
  const others = calls.filter((c) => c.sessionId !== call.sessionId);
  return event.change === 'ended' || call.state === 'ended' ? others : [...others, call];
}

/** The connected call, else the held one, else null (a ringing call is not on the line yet). */
export function onTheLine(calls) {
  return calls.find((c) => c.state === 'connected') ?? calls.find((c) => c.state === 'on_hold') ?? null;
}
