// An open chat's posts: day separators, author runs, replies under their thread's root (marked
// "↳ reply"), mentions highlighted — every name and text set as text, never markup. The agent's
// own posts have Edit and Delete (shown on hover or focus, reachable by keyboard): Edit turns the
// text into a textarea with the plain text (mentions as @Name), Enter saves and Esc cancels;
// Delete asks inline ("Delete? Yes / No"). Either reads the chat again. An edit or a question
// under way survives the chat being read again (a `chats` event while the agent types).

import { h, replaceChildren } from '../lib/dom.js';
import { dayLabel, formatTime } from '../lib/format.js';
import { postRows } from '../lib/chats.js';
import { mentionsIn, partsText } from '../lib/mentions.js';

/**
 * @param {{ backend: any, toast: Function }} ctx
 * @param {{ chat: () => string | null, reread: () => Promise<void>, deleted: () => void }} hooks
 *   the open chat's id; reading it again (which renders); a post deleted (focus goes elsewhere)
 * @returns {{ element: HTMLElement, render: (posts: any[]) => void, reset: () => void }}
 */
export function postList(ctx, { chat, reread, deleted }) {
  const { backend } = ctx;
  const element = h('ol', { class: 'posts', 'aria-label': 'Posts', 'aria-live': 'polite' });
  let posts = [];
  /** The post being edited: { id, box, saving } — the textarea kept across renders. */
  let editing = null;
  /** The post whose deletion is being asked: { id, busy }. */
  let asking = null;
  /** A chat just opened: its newest posts are shown. */
  let fresh = true;
  /** After the next render, focus this post's control: { id, what: 'edit'|'delete'|'no' }. */
  let refocus = null;
  const controls = new Map(); // `${id}:${what}` → the element, rebuilt each render

  function render(next = posts) {
    const before = { first: posts[0]?.id, last: posts.at(-1)?.id };
    // Where the reader is: at the newest post (keep them there as posts arrive), or reading
    // back (keep the posts they read in place, also when older ones are put above them).
    const { scrollTop = 0, scrollHeight = 0, clientHeight = 0 } = element;
    const atEnd = scrollHeight - scrollTop - clientHeight < 48;
    const fromEnd = scrollHeight - scrollTop;
    posts = next ?? [];
    const ids = new Set(posts.map((p) => p.id));
    if (editing && !ids.has(editing.id)) editing = null;
    if (asking && !ids.has(asking.id)) asking = null;
    const typing = editing && element.ownerDocument?.activeElement === editing.box;
    controls.clear();
    replaceChildren(element, postRows(posts).map(row));
    const olderAbove = posts.at(-1)?.id === before.last && posts[0]?.id !== before.first;
    if (fresh || (atEnd && !olderAbove)) element.scrollTop = element.scrollHeight;
    else if (olderAbove) element.scrollTop = element.scrollHeight - fromEnd;
    fresh = false;
    if (typing) editing.box.focus();
    if (refocus) {
      controls.get(`${refocus.id}:${refocus.what}`)?.focus();
      refocus = null;
    }
  }

  function row(r) {
    if (r.type === 'day') return h('li', { class: 'day-separator' }, dayLabel(r.key));
    const p = r.post;
    const classes = ['post'];
    if (r.reply) classes.push('reply');
    if (r.reply && !r.underRoot) classes.push('orphan');
    if (p.mine) classes.push('mine');
    return h(
      'li',
      { id: `post-${p.id}`, class: classes.join(' '), dataset: { id: p.id } },
      r.reply ? h('span', { class: 'reply-marker muted' }, h('span', { 'aria-hidden': 'true' }, '↳ '), 'reply') : null,
      r.showAuthor ? h('span', { class: 'post-author' }, p.author) : null,
      editing?.id === p.id ? editor(p) : h('span', { class: 'post-text' }, p.parts.map(part)),
      h('span', { class: 'muted post-time' }, r.day ? `${dayLabel(r.day)} ` : '', formatTime(p.time), p.edited ? ' (edited)' : ''),
      p.mine && editing?.id !== p.id ? actions(p) : null,
    );
  }

  const part = (p) => (p.kind === 'mention' ? h('span', { class: p.me ? 'mention me' : 'mention' }, `@${p.name}`) : p.text);

  function keep(id, what, el) {
    controls.set(`${id}:${what}`, el);
    return el;
  }

  function actions(p) {
    if (asking?.id === p.id) {
      return h(
        'span',
        { class: 'post-actions asking', role: 'group', 'aria-label': 'Delete this post?' },
        h('span', { class: 'post-ask' }, 'Delete?'),
        keep(p.id, 'yes', h('button', { type: 'button', class: 'danger', 'aria-label': 'Yes, delete post', disabled: asking.busy, onClick: () => void remove(p) }, 'Yes')),
        keep(p.id, 'no', h('button', { type: 'button', 'aria-label': 'No, keep post', disabled: asking.busy, onClick: () => stopAsking(p.id) }, 'No')),
      );
    }
    return h(
      'span',
      { class: 'post-actions' },
      keep(p.id, 'edit', h('button', { type: 'button', class: 'post-edit', 'aria-label': 'Edit post', onClick: () => startEditing(p) }, 'Edit')),
      keep(p.id, 'delete', h('button', { type: 'button', class: 'post-delete', 'aria-label': 'Delete post', onClick: () => ask(p) }, 'Delete')),
    );
  }

  function editor(p) {
    return h(
      'span',
      { class: 'post-editor' },
      editing.box,
      h(
        'span',
        { class: 'post-editor-actions' },
        h('button', { type: 'button', class: 'primary', disabled: editing.saving, onClick: () => void save(p) }, 'Save'),
        h('button', { type: 'button', disabled: editing.saving, onClick: () => stopEditing(p.id) }, 'Cancel'),
        h('span', { class: 'muted post-editor-hint' }, 'Enter saves · Esc cancels'),
      ),
    );
  }

  function startEditing(p) {
    const box = h('textarea', { id: 'chat-edit-text', class: 'post-edit-text', rows: '2', maxlength: '10000', 'aria-label': 'Edit post text' });
    box.value = partsText(p.parts);
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        void save(p);
      } else if (event.key === 'Escape') {
        // Esc cancels the edit, not the chat.
        event.preventDefault();
        event.stopPropagation?.();
        stopEditing(p.id);
      }
    });
    asking = null;
    editing = { id: p.id, box, saving: false, original: box.value };
    render();
    box.focus();
    box.setSelectionRange?.(box.value.length, box.value.length);
  }

  function stopEditing(id) {
    editing = null;
    refocus = { id, what: 'edit' };
    render();
  }

  async function save(p) {
    const now = editing;
    const id = chat();
    if (!now || now.saving || !id) return;
    const body = now.box.value;
    if (body === now.original) return stopEditing(p.id);
    if (!body.trim()) return ctx.toast('A post cannot be empty.', 'Delete it instead, or type something.', 'info');
    now.saving = true;
    render();
    try {
      // The post's mentions stay mentions while their @Name stays in the text.
      const mentioned = (p.parts ?? []).filter((part) => part.kind === 'mention').map((part) => ({ id: part.id, name: part.name, kind: part.mentionKind ?? 'Person' }));
      await backend.editChatPost(id, p.id, body, mentionsIn(body, mentioned));
      if (editing === now) editing = null;
      refocus = { id: p.id, what: 'edit' };
      await reread();
    } catch (error) {
      // The edit stays, to fix or cancel.
      now.saving = false;
      render();
      now.box.focus();
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  function ask(p) {
    editing = null;
    asking = { id: p.id, busy: false };
    // Focus goes to No: Enter twice does not delete by accident.
    refocus = { id: p.id, what: 'no' };
    render();
  }

  function stopAsking(id) {
    asking = null;
    refocus = { id, what: 'delete' };
    render();
  }

  async function remove(p) {
    const now = asking;
    const id = chat();
    if (!now || now.busy || !id) return;
    now.busy = true;
    render();
    try {
      await backend.deleteChatPost(id, p.id);
      if (asking === now) asking = null;
      await reread();
      deleted();
    } catch (error) {
      now.busy = false;
      refocus = { id: p.id, what: 'no' };
      render();
      ctx.toast(error.message, error.hint, 'error');
    }
  }

  // Esc while asking: keep the post.
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && asking && !event.defaultPrevented) {
      event.preventDefault();
      event.stopPropagation?.();
      stopAsking(asking.id);
    }
  });

  return {
    element,
    render,
    /** Another chat: no edit or question carries over. */
    reset: () => {
      editing = null;
      asking = null;
      refocus = null;
      fresh = true;
    },
    /** The posts shown, oldest first. */
    posts: () => posts,
  };
}
