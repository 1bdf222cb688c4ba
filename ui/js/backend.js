// The only module that touches window.__TAURI__. Views get a backend object and never know
// whether it is the real app, a test fake or a browser preview.
//
// The contract (commands, their arguments and JSON shapes) is documented here once — calls,
// texts, contacts, team chats, the line, wrap-ups with their follow-ups, the do-not-call list;
// the Rust side lives in src-tauri/src/commands/ and is checked by tests/ipc.rs.

/** Commands: name in JS → [Tauri command, argument names]. */
const COMMANDS = {
  appInfo: ['app_info', []],
  uiReady: ['ui_ready', []],
  // Session: { state: 'signed_in'|'signed_out'|'connecting', mode, user, canSignIn }
  session: ['session', []],
  signInBrowser: ['sign_in_browser', []],
  signInJwt: ['sign_in_jwt', ['jwt']],
  startDemo: ['start_demo', []],
  signOut: ['sign_out', []],
  // Dial: NumberPreview { input, ok, e164, display, international, country, countryName,
  //   valid, kind, extension, postDial, contact, warning, error }
  parseNumber: ['parse_number', ['text']],
  suggest: ['suggest', ['query']],
  callOptions: ['call_options', []],
  placeCall: ['place_call', ['to']],
  cancelCall: ['cancel_call', ['id']],
  // History: { rows: CallRow[], next: cursor|null }
  calls: ['list_calls', ['filter', 'search', 'after', 'limit']],
  syncNow: ['sync_now', []],
  // History was opened: the missed calls are seen (the tray's count clears too).
  historySeen: ['history_seen', []],
  // Messages
  conversations: ['list_conversations', ['search']],
  thread: ['open_thread', ['number']],
  measureSms: ['measure_sms', ['text']],
  sendSms: ['send_sms', ['to', 'text', 'from']],
  // TemplateView[] { id, name, text, scope: 'company'|'personal'|'built_in' }
  smsTemplates: ['sms_templates', []],
  // The agent's own templates: create → TemplateView (scope 'personal'), update → TemplateView,
  //   delete → null. Refused (validation: a blank or duplicate name, more than 25 personal
  //   templates, a text over 1000 units; the account not allowing personal templates) with
  //   { code, message, hint }.
  createTemplate: ['create_sms_template', ['name', 'text']],
  updateTemplate: ['update_sms_template', ['id', 'name', 'text']],
  deleteTemplate: ['delete_sms_template', ['id']],
  markRead: ['mark_read', ['number']],
  cancelOutbox: ['cancel_outbox', ['id']],
  // Contacts
  contacts: ['list_contacts', ['search', 'after', 'limit']],
  contact: ['contact', ['id']],
  addContact: ['add_contact', ['contact']],
  // ContactView (`contact`) carries `person_id` (snake_case): a directory colleague's Team
  //   Messaging id (their Chat button), null otherwise.
  // Team chats: ChatView[], ChatPostsView { chat, posts }, PostView[] (shapes below).
  chats: ['list_chats', ['search']],
  chatPosts: ['chat_posts', ['chat', 'before', 'limit']],
  markChatRead: ['mark_chat_read', ['chat']],
  olderChatPosts: ['older_chat_posts', ['chat', 'before', 'count']],
  // PostSentView { chat, outboxId, state: 'sent'|'pending'|'unknown'|…, postId|null }; mentions
  //   [{ id, name }]: people picked from the @-completion, each `@name` in text becomes a mention.
  postToChat: ['post_to_chat', ['chat', 'text', 'mentions']],
  // The agent's own posts only (PostView.mine): edit → the edited PostView, delete → null.
  editChatPost: ['edit_chat_post', ['chat', 'post', 'text', 'mentions']],
  deleteChatPost: ['delete_chat_post', ['chat', 'post']],
  // level: 'all'|'mentions'|'muted'|'default' → the ChatView.
  setChatNotify: ['set_chat_notify', ['chat', 'level']],
  // The company directory, never the agent: [{ personId, name, email, extension }].
  colleagues: ['colleagues', ['query', 'limit']],
  // people: person ids → ChatView (direct for one, group for several; the existing one if any).
  newChat: ['new_chat', ['people']],
  newTeam: ['new_team', ['name', 'people', 'public']],
  // Settings and status
  settings: ['settings', []],
  saveSettings: ['save_settings', ['patch']],
  status: ['status', []],
  resetConnection: ['reset_connection', []],
  // Desktop: HandlerStatus { schemes: [{ scheme, handler: { state: 'ringdesk'|'other'|'nobody'|'unknown', app? } }],
  //   action: 'register'|'open_settings'|'explain', isDefault, advice }
  handlerStatus: ['handler_status', []],
  makeDefaultHandler: ['make_default_handler', []],
  // The dial-from-anywhere shortcut: { shortcut (as set; '' none), active: bool, problem|null }
  //   — problem says why it is not in force (a Wayland desktop, a key another app holds).
  dialShortcutStatus: ['dial_shortcut_status', []],
  // The line: LineView { choice: 'available'|'busy'|'dnd'|'offline', words, userStatus,
  //   dndStatus, telephonyStatus, callControl: bool, quickReplies: string[] }
  line: ['line', []],
  setPresence: ['set_presence', ['choice']],
  // Call Control on the call on the line (null; without the permission: an error saying so).
  // hold_call holds with hold = true and resumes with false; reject_call sends a ringing call
  // to voicemail.
  hangUp: ['hang_up', []],
  holdCall: ['hold_call', ['hold']],
  rejectCall: ['reject_call', []],
  // CallerView { lastCall: CallRow|null, lastText: { text, created, inbound }|null } for the
  //   incoming-call banner (the ringing call itself, sessionId, left out).
  caller: ['caller', ['number', 'sessionId']],
  // Wrap-ups: WrapUpView { callKey, party (name or number as shown), number (E.164), direction:
  //   'Inbound'|'Outbound', started (ISO), disposition|null, notes, tags: string[],
  //   followUpAt (ISO)|null, followUpNote, saved: bool }. `input` is WrapUpInput { callKey,
  //   disposition|null, notes, tags: string[], followUpAt: 'YYYY-MM-DDTHH:MM' (local, as a
  //   datetime-local field gives it) or ISO | null, followUpNote }. dispositions → string[] in
  //   order (digit 1 picks the first); autosave keeps a draft (never undoes a save); save needs a
  //   disposition from the list, else { code, message, hint }.
  dispositions: ['dispositions', []],
  autosaveWrapup: ['autosave_wrapup', ['input']],
  saveWrapup: ['save_wrapup', ['input']],
  // → WrapUpView|null.
  wrapup: ['wrapup', ['callKey']],
  // Drafts, oldest first (the "to wrap up" count).
  wrapupsToDo: ['wrapups_to_do', []],
  // A History row's *Wrap up*: the call's WrapUpView, started as a draft when it has none.
  wrapupForCall: ['wrapup_for_call', ['callId']],
  // { overdue: WrapUpView[], today: WrapUpView[], upcoming: WrapUpView[] }, soonest first.
  followUps: ['follow_ups', []],
  // The do-not-call list: [{ number (as shown), note }]; add → { number, note } (a number it
  //   cannot read is refused with { code, message, hint }); remove → whether it was on the list.
  doNotCallList: ['do_not_call_list', []],
  addDoNotCall: ['add_do_not_call', ['number', 'note']],
  removeDoNotCall: ['remove_do_not_call', ['number']],
  // CRM links: IntegrationsView { webhook: ConnectorView|null, suitedash: ConnectorView|null,
  //   exports: ExportView[] } with ConnectorView { name, capabilities { pulls, pushes }, url,
  //   publicId, secretSet (the secret itself never reaches the window), queue { pending, sending,
  //   delivered, failed }, failed: EventView[], quota { month, used, quota, warning, reserved }|null,
  //   lastPull|null }, EventView { eventId, kind, state, attempts, created, nextAt, httpStatus,
  //   error }, ExportView { id, at, path, rows, marked }. setWebhook({ url, secret? }) and
  //   setSuitedash({ publicId, apiUrl, monthlyQuota, secretKey? }) → IntegrationsView (an empty
  //   url / publicId turns it off). testIntegration('webhook'|'suitedash') → { connector:
  //   'webhook', httpStatus } | { connector: 'suitedash', publicId, apiUrl, contacts, quota }.
  //   addSuitedashLead({ number, name, company, email, tags }) → EventView (queued once per number).
  integrations: ['integrations', []],
  setWebhook: ['set_webhook', ['setup']],
  setSuitedash: ['set_suitedash', ['setup']],
  testIntegration: ['test_integration', ['connector']],
  replayEvent: ['replay_event', ['eventId']],
  pullSuitedash: ['pull_suitedash', []],
  addSuitedashLead: ['add_suitedash_lead', ['lead']],
  // A SuiteDash contact's page (ContactView.source 'suitedash', .tags): the tags replaced in the
  //   cache at once and queued for SuiteDash → EventView.
  setSuitedashTags: ['set_suitedash_tags', ['contact', 'tags']],
  generateSuitedashExport: ['generate_suitedash_export', ['all']],
  markExported: ['mark_exported', ['id']],
  // Call lists: CallListView { name, finished, countdownSecs (the setting: seconds before the
  //   next call once one is wrapped up; 0: only Next), entries: EntryView[] } with EntryView { position
  //   (1 first), name, display, number (E.164), note, state: 'waiting'|'dialing'|'called'|'done'|
  //   'call_back'|'skipped', callKey|null, returnAt (ISO)|null }. paste/add → ListImportView
  //   { list, skipped: [{ line, reason }] } (the list is made when there is none; additions are
  //   [{ number, name, note }]); skip/move → the CallListView; next → CallView|null (null: the
  //   list is through; refused with { code, message, hint } while a call is live or the list's
  //   last call waits for its wrap-up).
  callLists: ['call_lists', []],
  callList: ['call_list', ['name']],
  pasteCallList: ['paste_call_list', ['name', 'text']],
  addToCallList: ['add_to_call_list', ['name', 'additions']],
  skipListEntry: ['skip_list_entry', ['name', 'position']],
  moveListEntry: ['move_list_entry', ['name', 'position', 'to']],
  deleteCallList: ['delete_call_list', ['name']],
  nextInList: ['next_in_list', ['name']],
};

// Events the backend pushes (subscribe with `backend.on`): session, connection, call, sync,
// messages, new-text, link, navigate, settings and problem. `navigate` { view, number? } comes
// from the tray and a clicked notification; `settings` (a SettingsView) when the tray changed
// one; `problem` { message, hint } when ringdesk cannot do something by itself as set up (a
// config.toml it cannot read), and null once that is over. `messages` carries the unread total
// of the whole cache, sent again when the window says it is ready (`ui_ready`).
//
// Live calls: `live-call` { change: 'ringing'|'changed'|'ended', call: LiveCall, missed? } with
// LiveCall { sessionId, telephonySessionId, partyId, inbound, ringOut, number, name|null,
// state: 'ringing'|'connected'|'on_hold'|'ended', answered, started|null }: ringing = an inbound
// call rings; changed = answered, held or resumed, or an outbound call appeared (ringOut: the
// agent's own RingOut); ended, with `missed`. `call-alert` { kind: 'incoming'|'missed', title,
// body, number (E.164), contactId|null, sessionId } follows the live-call event of an inbound
// call that rings or was missed (the desktop notification is Rust's; the window shows a banner).
// `presence` { userStatus, dndStatus, telephonyStatus } when presence changes, here or on
// another device. `missed-calls` (a number): missed calls not yet seen in History (the core
// counts them for the window and the tray; `historySeen` clears them). `navigate` may carry
// `contact` (an id) with view `contacts`: a clicked incoming-call notification.
//
// Team chats: `chats` { chat|null } when the cache's chats changed (a post, a chat joined or
// left, a catch-up): read the list (and that chat, when open) again. A ChatView is { id, kind,
// name, favorite, unread, unreadMentions, lastText|null, lastAuthor|null, lastTime|null,
// notify: 'all'|'mentions'|'muted' (the level in force), notifyDefault (the agent chose none: the
// kind's default) }; a PostView { id, author, authorId, mine, time, edited, parts:
// [{ kind: 'text', text } | { kind: 'mention', id, name, me }], threadId|null } — parts are text,
// never markup; a reply's threadId is its root post's id (a root's is null or its own id).
// `navigate` { view: 'chats', chat } (a clicked chat notification) opens that chat.
//
// Wrap-ups: `wrap-up` (a WrapUpView, a draft) when a call ringdesk placed has ended, connected or
// failed: the window offers its wrap-up card.

/**
 * Connects to the Tauri backend, or to an "unavailable" backend when the page is opened
 * outside ringdesk (a plain browser preview).
 * @param {any} [host] the global object (window)
 */
export function connectBackend(host = globalThis) {
  const tauri = host.__TAURI__;
  if (!tauri?.core?.invoke) return unavailableBackend();
  const invoke = async (command, args) => {
    try {
      return await tauri.core.invoke(command, args);
    } catch (raw) {
      throw toUiError(raw);
    }
  };
  const backend = {
    /** Subscribes to a backend event; returns a function that unsubscribes. */
    on: (event, handler) => {
      const pending = tauri.event.listen(event, (e) => handler(e.payload));
      return () => pending.then((unlisten) => unlisten());
    },
  };
  for (const [name, [command, params]] of Object.entries(COMMANDS)) {
    backend[name] = (...values) => invoke(command, argsOf(params, values));
  }
  return backend;
}

/** Positional values → the named arguments Tauri expects (camelCase, as Tauri maps them). */
function argsOf(params, values) {
  const args = {};
  params.forEach((param, i) => {
    if (values[i] !== undefined) args[param] = values[i];
  });
  return args;
}

/** Turns whatever the IPC layer rejected with into `{ code, message, hint }`. */
export function toUiError(raw) {
  if (raw && typeof raw === 'object' && typeof raw.message === 'string') {
    return {
      code: typeof raw.code === 'string' ? raw.code : 'internal',
      message: raw.message,
      hint: typeof raw.hint === 'string' ? raw.hint : '',
    };
  }
  return { code: 'internal', message: String(raw ?? 'Unknown error'), hint: 'Try again; if it keeps happening, restart ringdesk.' };
}

function unavailableBackend() {
  const error = {
    code: 'internal',
    message: 'ringdesk’s backend is not available in this page.',
    hint: 'Open the page through the ringdesk app, not a browser.',
  };
  const backend = { on: () => () => {} };
  for (const name of Object.keys(COMMANDS)) backend[name] = () => Promise.reject(error);
  return backend;
}
