// Team chats, pure: posts grouped by day and by author run, and the unread total the rail
// shows. Tested without a DOM.

import { dayKey } from './format.js';

/**
 * Posts (oldest first) as display rows: a day separator when the day changes, and each post with
 * `showAuthor` when it starts a run of one author's posts (a new day starts a new run).
 * @returns {Array<{ type: 'day', key: string } | { type: 'post', post: any, showAuthor: boolean }>}
 */
export function postRows(posts) {
  const rows = [];
  let day = null;
  let author = null;
  for (const post of posts ?? []) {
    const key = dayKey(post.time);
    if (key !== day) {
      rows.push({ type: 'day', key });
      day = key;
      author = null;
    }
    rows.push({ type: 'post', post, showAuthor: post.authorId !== author });
    author = post.authorId;
  }
  return rows;
}

/** The unread posts across chats (the rail's badge). */
export function unreadTotal(chats) {
  return (chats ?? []).reduce((sum, c) => sum + (Number(c.unread) || 0), 0);
}
