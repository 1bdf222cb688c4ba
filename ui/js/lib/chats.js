// Team chats, pure: posts as display rows — grouped by day and by author run, each reply under
// its thread's root post when the root is loaded — the notification levels a chat can have, and
// the unread total the rail shows. Tested without a DOM.

import { dayKey } from './format.js';

/** Notification levels as the select offers them (`default`: the chat kind's own). */
export const NOTIFY_LEVELS = [
  { value: 'all', label: 'All posts' },
  { value: 'mentions', label: 'Mentions only' },
  { value: 'muted', label: 'Muted' },
];

/** The words for a level in force (`all`, `mentions`, `muted`). */
export const notifyWords = (level) => NOTIFY_LEVELS.find((l) => l.value === level)?.label ?? null;

/**
 * The select's value for a ChatView: `default` while the agent chose nothing, else the level.
 * @param {{ notify?: string, notifyDefault?: boolean } | null | undefined} chat
 */
export function notifyChoice(chat) {
  if (!chat || chat.notifyDefault || !notifyWords(chat.notify)) return 'default';
  return chat.notify;
}

/**
 * The level the chat's Default means, or null when it cannot be told: the core's `defaultNotify`,
 * else the level in force while the agent chose none (or as `seen` then), every post in direct
 * and group chats.
 */
export function defaultLevel(chat, seen = null) {
  if (notifyWords(chat?.defaultNotify)) return chat.defaultNotify;
  if (chat?.notifyDefault && notifyWords(chat.notify)) return chat.notify;
  if (notifyWords(seen)) return seen;
  if (chat?.kind === 'Direct' || chat?.kind === 'Group') return 'all';
  return null;
}

/** A reply: in a thread whose root is another post. */
export const isReply = (post) => post?.threadId != null && post.threadId !== '' && post.threadId !== post.id;

/**
 * Posts (oldest first) as display rows. Posts that start or stand alone keep their order; each
 * reply whose root is in the list follows that root and the root's earlier replies (a reply
 * whose root is not loaded stays where it is, still marked a reply). A day separator comes
 * whenever the day of the posts that start rows changes; a reply shown under a root of another
 * day carries its own `day`. `showAuthor` starts each run of one author's posts (a new day, or a
 * move between a thread's replies and the posts around it, starts a new run).
 * @returns {Array<{ type: 'day', key: string } | { type: 'post', post: any, showAuthor: boolean,
 *   reply: boolean, underRoot: boolean, day?: string }>}
 */
export function postRows(posts) {
  const list = posts ?? [];
  // Roots replies gather under: loaded posts that are not replies themselves.
  const ids = new Set(list.filter((p) => !isReply(p)).map((p) => p.id));
  const replies = new Map(); // root id → its replies, oldest first
  const top = [];
  for (const post of list) {
    if (isReply(post) && ids.has(post.threadId)) {
      if (!replies.has(post.threadId)) replies.set(post.threadId, []);
      replies.get(post.threadId).push(post);
    } else {
      top.push(post);
    }
  }

  const rows = [];
  let day = null;
  let author = null;
  let replyRun = false;
  const push = (post, reply, underRoot, own) => {
    const showAuthor = post.authorId !== author || reply !== replyRun;
    const row = { type: 'post', post, showAuthor, reply, underRoot };
    if (own !== undefined) row.day = own;
    rows.push(row);
    author = post.authorId;
    replyRun = reply;
  };
  for (const post of top) {
    const key = dayKey(post.time);
    if (key !== day) {
      rows.push({ type: 'day', key });
      day = key;
      author = null;
    }
    push(post, isReply(post), false);
    for (const reply of replies.get(post.id) ?? []) {
      const own = dayKey(reply.time);
      push(reply, true, true, own !== day ? own : undefined);
    }
  }
  return rows;
}

/** The unread posts across chats (the rail's badge). */
export function unreadTotal(chats) {
  return (chats ?? []).reduce((sum, c) => sum + (Number(c.unread) || 0), 0);
}

/**
 * The open chat's posts after reading its newest page again: the page as it is now (edits in,
 * deleted posts gone), after the older posts already shown that precede it.
 * @param {Array<{ id: string, time: string }>} shown posts shown, oldest first
 * @param {Array<{ id: string, time: string }>} page the newest posts, oldest first
 */
export function mergePosts(shown, page) {
  const fresh = page ?? [];
  if (!fresh.length) return [];
  const ids = new Set(fresh.map((p) => p.id));
  const start = fresh[0].time;
  const before = (shown ?? []).filter((p) => !ids.has(p.id) && p.time < start);
  return [...before, ...fresh];
}
