// Words for call lists, pure (tested in node): progress, each entry's state, the countdown.

import { formatTime } from './format.js';

/** "2 of 5 done", "All 5 done". */
export function listProgress(list) {
  const total = list?.entries?.length ?? 0;
  const finished = Number(list?.finished) || 0;
  if (total === 0) return 'No numbers yet';
  return finished >= total ? `All ${total} done` : `${finished} of ${total} done`;
}

/** Whether Next has something to dial now: a waiting entry, or a call back whose time came. */
export function hasWaiting(list, now = Date.now()) {
  return (list?.entries ?? []).some(
    (e) => e.state === 'waiting' || (e.state === 'call_back' && e.returnAt && Date.parse(e.returnAt) <= now),
  );
}

const STATE_WORDS = {
  waiting: 'To call',
  dialing: 'Dialing…',
  called: 'Called — wrap up',
  done: 'Done',
  skipped: 'Skipped',
};

/** What an entry's state says: "Call back at 14:00" for a call back. */
export function entryStateWords(entry) {
  if (entry?.state === 'call_back') return entry.returnAt ? `Call back ${formatTime(entry.returnAt)}` : 'Call back';
  return STATE_WORDS[entry?.state] ?? String(entry?.state ?? '');
}

/** The countdown's words: what happens, when, and how to stop it. */
export function countdownWords(seconds) {
  return `Next call in ${seconds} s — press any key to stop`;
}
