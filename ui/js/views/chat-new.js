// The New chat and New team forms in the Chats list pane. New chat: colleagues picked from the
// company directory; Start chat opens the direct chat with one of them, or the group chat with
// several (the existing one when there is one). New team: a name, members, whether anyone in the
// company can join; Create team opens it. One creation per submit (the button is disabled while
// it is under way); a refusal toasts and the form keeps what was typed. Esc or Cancel closes.

import { h } from '../lib/dom.js';
import { peoplePicker } from './people-picker.js';

/**
 * @param {{ backend: any, toast: Function }} ctx
 * @param {{ team: boolean, onCreated: (chat: any) => void, onCancel: () => void }} options
 * @returns {{ element: HTMLElement, focus: () => void }}
 */
export function chatForm(ctx, { team, onCreated, onCancel }) {
  const { backend } = ctx;
  const titleId = team ? 'team-new-title' : 'chat-new-title';
  const picker = peoplePicker(ctx, { id: 'chat-people-search', label: team ? 'Members' : 'People' });
  const name = team ? h('input', { id: 'team-name', type: 'text', autocomplete: 'off', required: true, maxlength: '250' }) : null;
  const open = team ? h('input', { id: 'team-public', type: 'checkbox' }) : null;
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', id: team ? 'team-create' : 'chat-start' }, team ? 'Create team' : 'Start chat');
  const cancel = h('button', { type: 'button', onClick: () => onCancel() }, 'Cancel');
  const form = h(
    'form',
    { class: 'chat-form', 'aria-labelledby': titleId, novalidate: true, onSubmit: (e) => (e.preventDefault(), void create()) },
    h('h2', { id: titleId }, team ? 'New team' : 'New chat'),
    team ? h('div', { class: 'field' }, h('label', { for: 'team-name' }, 'Team name'), name) : null,
    picker.element,
    team
      ? h('div', { class: 'field toggle' }, open, h('label', { for: 'team-public' }, 'Anyone in the company can join'))
      : h('p', { class: 'muted chat-form-note' }, 'One colleague: a direct chat. Several: a group chat.'),
    problem,
    h('div', { class: 'form-actions' }, submit, cancel),
  );
  // Esc closes the form (the picker's list, when open, takes its own Esc first).
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onCancel();
    }
  });

  let busy = false;
  function refuse(words) {
    problem.textContent = words;
    problem.hidden = false;
  }

  async function create() {
    if (busy) return;
    const people = picker.people().map((p) => p.personId);
    const teamName = name?.value.trim() ?? '';
    if (team && !teamName) return (refuse('A team needs a name.'), name.focus());
    if (!team && people.length === 0) return (refuse('Pick at least one colleague.'), picker.focus());
    problem.hidden = true;
    busy = true;
    submit.disabled = true;
    try {
      const chat = team ? await backend.newTeam(teamName, people, Boolean(open.checked)) : await backend.newChat(people);
      onCreated(chat);
    } catch (error) {
      // The form stays as typed, to fix or try again.
      ctx.toast(error.message, error.hint, 'error');
    } finally {
      busy = false;
      submit.disabled = false;
    }
  }

  return { element: form, focus: () => (team ? name.focus() : picker.focus()) };
}
