// Settings → Quick replies: the texts Text back offers while a call rings, each in a textarea
// with Remove, "Add reply" (at most 10) and "Save replies", which saves the whole list. What the
// agent is editing survives settings being shown again; a save shows what the backend kept.

import { h, replaceChildren } from '../lib/dom.js';

/** The most quick replies ringdesk keeps (the backend refuses more). */
export const MOST_QUICK_REPLIES = 10;
/** The longest reply, in UTF-16 units (one SMS as RingCentral takes it). */
const MOST_UNITS = 1000;

/**
 * @param {{ backend: any, toast: Function }} ctx
 * @param {(settings: any) => void} onSaved with the SettingsView the save answered
 */
export function createQuickRepliesEditor({ backend, toast }, onSaved) {
  let replies = []; // what the textareas hold
  let dirty = false; // edited since shown or saved
  let areas = [];

  const list = h('ol', { class: 'reply-editor-list', 'aria-labelledby': 'quick-replies-title' });
  const add = h('button', { type: 'button', onClick: () => addReply() }, 'Add reply');
  const saveButton = h('button', { type: 'button', class: 'primary', onClick: () => void save() }, 'Save replies');
  const element = h(
    'div',
    { class: 'reply-editor', role: 'group', 'aria-labelledby': 'quick-replies-title', 'aria-describedby': 'quick-replies-note' },
    h('h3', { class: 'subhead', id: 'quick-replies-title' }, 'Quick replies'),
    h('p', { class: 'muted reply-editor-note', id: 'quick-replies-note' }, `What Text back offers while a call rings, at most ${MOST_QUICK_REPLIES}. With none, ringdesk offers its own.`),
    list,
    h('div', { class: 'reply-editor-actions' }, add, saveButton),
  );

  function rebuild() {
    areas = [];
    replaceChildren(list, replies.map((reply, i) => row(reply, i)));
    add.disabled = replies.length >= MOST_QUICK_REPLIES;
  }

  function row(reply, i) {
    const area = h('textarea', { id: `quick-reply-setting-${i}`, rows: '2', maxlength: String(MOST_UNITS), 'aria-label': `Quick reply ${i + 1}`, placeholder: 'Write a reply' });
    area.value = reply;
    area.addEventListener('input', () => {
      replies[i] = area.value;
      dirty = true;
    });
    areas.push(area);
    const remove = h('button', { type: 'button', class: 'link-button', 'aria-label': `Remove reply ${i + 1}`, onClick: () => removeReply(i) }, 'Remove');
    return h('li', { class: 'reply-editor-row' }, area, remove);
  }

  function addReply() {
    if (replies.length >= MOST_QUICK_REPLIES) return;
    replies.push('');
    dirty = true;
    rebuild();
    areas.at(-1).focus();
  }

  function removeReply(i) {
    replies.splice(i, 1);
    dirty = true;
    rebuild();
    (areas[Math.min(i, areas.length - 1)] ?? add).focus();
  }

  async function save() {
    saveButton.disabled = true;
    try {
      const settings = await backend.saveSettings({ quickReplies: [...replies] });
      dirty = false;
      show(settings?.quickReplies, true);
      onSaved(settings);
      toast('Quick replies saved');
    } catch (error) {
      toast(error.message, error.hint, 'error');
    } finally {
      saveButton.disabled = false;
    }
  }

  /** Shows the saved replies, unless the agent is editing them (`force`: even then). */
  function show(saved, force = false) {
    if (dirty && !force) return;
    const next = Array.isArray(saved) ? saved.map(String) : [];
    dirty = false;
    if (areas.length === next.length && next.every((reply, i) => reply === replies[i])) return;
    replies = next;
    rebuild();
  }

  rebuild();
  return { element, show };
}
