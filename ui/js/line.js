// The agent's line (a LineView: presence, whether Call Control is granted, the quick replies),
// kept in `store.line`: read once signed in, patched by `presence` events, set by the picker,
// forgotten at sign-out. Views read it from the store; `get()` reads it when not yet known.

import { withPresence } from './lib/presence.js';

/**
 * @param {{ backend: any, store: any }} ctx
 */
export function createLine({ backend, store }) {
  let pending = null; // the read for this session (in flight or done)
  let signedIn = false;
  let events = 0; // `presence` events seen: a read that started earlier keeps them

  function load() {
    const seen = events;
    const read = Promise.resolve().then(() => backend.line()).then(
      (line) => {
        if (pending !== read) return line;
        const current = store.get().line;
        const fresh = events !== seen && current ? withPresence(line, current) : line;
        store.update({ line: fresh });
        return fresh;
      },
      (error) => {
        if (pending === read) pending = null;
        throw error;
      },
    );
    pending = read;
    return read;
  }

  store.subscribe(() => {
    const now = store.get().session?.state === 'signed_in';
    if (now === signedIn) return;
    signedIn = now;
    pending = null;
    // Presence, the permission and the replies belong to the account signed in; a failed read
    // leaves the strip without presence and the call controls hidden, and is retried on demand.
    if (now) load().catch(() => {});
    else queueMicrotask(() => store.update({ line: null }));
  });

  return {
    /** The LineView, read from the backend when not known yet. */
    get: () => pending ?? load(),
    /** Sets presence (`available`, `busy`, `dnd`, `offline`); rejects with a UiError. */
    async set(choice) {
      const line = await backend.setPresence(choice);
      pending = Promise.resolve(line);
      store.update({ line });
      return line;
    },
    /** A `presence` event: here or on another device. */
    presence(presence) {
      if (!presence) return;
      events += 1;
      store.update({ line: withPresence(store.get().line, presence) });
    },
  };
}
