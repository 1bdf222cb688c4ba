// A fake backend implementing the contract in ui/js/backend.js with in-memory data, recording
// every call, and able to push events like the Rust side does. Team chats: a small company
// directory (`colleagues`), chats made by new_chat / new_team kept and listed, levels set by
// set_chat_notify, posts edited and deleted as the core answers. Wrap-ups: drafts kept as the
// core keeps them (`callEnded` adds one and sends the `wrap-up` event), autosaved and saved (a
// disposition from the list needed; an autosave never undoes a save), follow-ups grouped; the
// do-not-call list with numbers read and shown in international form; call lists made from
// pasted text or additions, walked with Next (an entry is `called` until its wrap-up is saved).

export const DEMO_INFO = { version: '0.1.0', profile: 'default', mode: 'demo', server: null, dataDir: '/tmp/d' };
export const SIGNED_IN = { state: 'signed_in', mode: 'demo', user: { name: 'Sam Agent', extensionNumber: '101' }, canSignIn: false };

const schemes = (tel) => ['tel', 'callto', 'sms', 'ringdesk'].map((scheme) => ({ scheme, handler: scheme === 'tel' ? tel : { state: 'ringdesk' } }));
/** Linux, with another app on tel:. */
export const HANDLER_OTHER = { schemes: schemes({ state: 'other', app: 'org.gnome.Contacts' }), action: 'register', isDefault: false, advice: 'Other apps open some phone links.' };
/** Linux, after "Make ringdesk the handler". */
const HANDLER_OURS = { schemes: schemes({ state: 'ringdesk' }), action: 'register', isDefault: true, advice: 'ringdesk opens phone links.' };

/** The line as `line` reads it: Available, Call Control granted, three quick replies. */
export const LINE = {
  choice: 'available',
  words: 'Available',
  userStatus: 'Available',
  dndStatus: 'TakeAllCalls',
  telephonyStatus: 'NoCall',
  callControl: true,
  quickReplies: ['Sorry I missed you — I\'m on another call and will call you back shortly.', 'Can\'t talk right now. Can I call you back later today?', 'Please text me what this is about and I\'ll get right back to you.'],
};
const PRESENCE = {
  available: ['Available', 'Available', 'TakeAllCalls'],
  busy: ['Busy', 'Busy', 'TakeAllCalls'],
  dnd: ['Do not disturb', 'Available', 'DoNotAcceptAnyCalls'],
  offline: ['Offline (invisible to colleagues)', 'Offline', 'TakeAllCalls'],
};
/** The LineView `set_presence` answers for `choice`. */
export function lineWith(choice) {
  const [words, userStatus, dndStatus] = PRESENCE[choice];
  return { ...LINE, choice, words, userStatus, dndStatus };
}

/** `sms_templates`: company first, then personal (a built-in one only shows with none of those). */
export const TEMPLATES = [
  { id: 'c1', name: 'Office hours', text: 'We are open Monday to Friday, 9 to 5.', scope: 'company' },
  { id: 'c2', name: 'Directions', text: 'We are at 1 Market St,\nsuite 200 — ring the bell.', scope: 'company' },
  { id: 'p1', name: 'Running late', text: 'Running about 10 minutes late, sorry!', scope: 'personal' },
];

/** A refusal of a template change, as the core words it. */
const refused = (message, hint) => Promise.reject({ code: 'validation', message, hint });

/** The agent's own templates as the core keeps them: named uniquely, at most 25, texts of one SMS. */
function templateStore(initial) {
  let templates = structuredClone(initial);
  let next = 1;
  const personal = () => templates.filter((t) => t.scope === 'personal');
  const check = (name, text, id) => {
    if (name.trim() === '' || text.trim() === '') return refused('A template needs a name and a text', 'Fill in both.');
    if (personal().some((t) => t.id !== id && t.name.toLowerCase() === name.trim().toLowerCase())) return refused(`You already have a template named “${name.trim()}”`, 'Pick another name.');
    if (text.length > 1000) return refused('This text is longer than 1000 characters', 'Shorten it.');
    return null;
  };
  return {
    /** Set to refuse personal templates as an account without the permission does (RingCentral's 403). */
    forbidden: false,
    list: () => Promise.resolve(structuredClone(templates)),
    create(name, text) {
      if (this.forbidden) return Promise.reject({ code: 'internal', message: 'This RingCentral account does not allow personal SMS templates', hint: 'Ask your RingCentral admin to allow them, or use the company templates.' });
      const refusal = check(name, text);
      if (refusal) return refusal;
      if (personal().length >= 25) return refused('You can keep at most 25 templates of your own', 'Delete one before adding another.');
      const template = { id: `new${next++}`, name: name.trim(), text, scope: 'personal' };
      templates.push(template);
      return Promise.resolve(structuredClone(template));
    },
    update(id, name, text) {
      const template = personal().find((t) => t.id === id);
      if (!template) return Promise.reject({ code: 'not_found', message: 'This template is gone', hint: 'It was deleted elsewhere; add it again.' });
      const refusal = check(name, text, id);
      if (refusal) return refusal;
      Object.assign(template, { name: name.trim(), text });
      return Promise.resolve(structuredClone(template));
    },
    delete(id) {
      if (!personal().some((t) => t.id === id)) return Promise.reject({ code: 'not_found', message: 'This template is gone', hint: 'It was deleted elsewhere.' });
      templates = templates.filter((t) => t.id !== id);
      return Promise.resolve(null);
    },
  };
}

/** The sender number the fake's threads text from. */
export const SMS_FROM = '(650) 555-0101';
/** ThreadView.optedOut, and the opt-out error's message, for `number`. */
export const optedOutWords = (number) => `${number} opted out of texts from ${SMS_FROM} (they replied STOP)`;
/** The opt-out error's hint. */
export const OPT_OUT_HINT = 'Call them instead; texts reach them again once they text START to your number.';

/** SettingsView as `settings` reads it first: both call alerts on, ringdesk's own replies. */
export const SETTINGS = {
  ringMeAt: null, linkAction: 'prefill', theme: 'system', notifications: true, doNotDisturb: false,
  callAlerts: true, missedCallAlerts: true, quickReplies: LINE.quickReplies, listCountdownSecs: 5,
  dialShortcut: 'Ctrl+Alt+D', choices: {},
};

/** save_settings as the core does it: the patch merged; quick replies trimmed, blank ones dropped, checked. */
function savedSettings(current, patch) {
  const next = { ...current, ...patch };
  if (patch.quickReplies) {
    const kept = patch.quickReplies.map((r) => r.trim()).filter((r) => r !== '');
    if (kept.length > 10) return Promise.reject({ code: 'validation', message: 'at most 10 quick replies can be kept', hint: 'Remove a reply before adding another.' });
    if (kept.some((r) => r.length > 1000)) return Promise.reject({ code: 'validation', message: 'This text is longer than 1000 characters', hint: 'Shorten it.' });
    next.quickReplies = kept.length ? kept : LINE.quickReplies;
  }
  return Promise.resolve(next);
}

/** A LiveCall as the `live-call` event carries it. */
export function liveCall(fields = {}) {
  return {
    sessionId: 's1', telephonySessionId: 't1', partyId: 'p1', inbound: true, ringOut: false,
    number: '+14155550188', name: null, state: 'ringing', answered: false, started: new Date().toISOString(),
    ...fields,
  };
}

/** A `call-alert` event: an incoming call from Ana Silva (a contact) unless told otherwise. */
export function callAlert(fields = {}) {
  return { kind: 'incoming', title: 'Incoming call', body: 'Ana Silva, Acme Corp', number: '+14155550188', contactId: 7, sessionId: 's1', ...fields };
}

/** The company directory `colleagues` searches (never the agent, Sam Agent). */
export const COLLEAGUES = [
  { personId: '201', name: 'Ana Silva', email: 'ana.silva@example.com', extension: '102' },
  { personId: '202', name: 'Ben Ode', email: 'ben.ode@example.com', extension: '103' },
  { personId: '203', name: 'Anton Berg', email: 'anton.berg@example.com', extension: '104' },
  { personId: '204', name: 'Chloé Martin', email: 'chloe.martin@example.com', extension: '105' },
];

/** A ChatView as the core answers it; a team notifies mentions by default, a conversation all posts. */
export function chatView(fields = {}) {
  const kind = fields.kind ?? 'Team';
  return {
    id: 'c1', kind, name: 'Support', favorite: false, unread: 0, unreadMentions: 0, lastText: null, lastAuthor: null, lastTime: null,
    notify: kind === 'Team' ? 'mentions' : 'all', notifyDefault: true,
    ...fields,
  };
}

/** A PostView: by a colleague unless `mine`; `text` as one text part. */
export function postView(fields = {}) {
  const { text = 'hello', ...rest } = fields;
  return {
    id: 'p1', author: rest.mine ? 'Sam Agent' : 'Ana Silva', authorId: rest.mine ? '100' : '201', mine: false,
    time: new Date().toISOString(), edited: false, parts: [{ kind: 'text', text }], threadId: null,
    ...rest,
  };
}

/** The team chats the fake keeps: those made by new_chat / new_team, levels set by set_chat_notify. */
function chatStore() {
  const chats = new Map();
  let next = 1;
  const names = (people) => people.map((id) => COLLEAGUES.find((c) => c.personId === id)?.name ?? id);
  const level = (chat, wanted) => {
    const own = chat.kind === 'Team' ? 'mentions' : 'all';
    return wanted === 'default' ? { notify: own, notifyDefault: true } : { notify: wanted, notifyDefault: false };
  };
  return {
    chats,
    get: (id) => chats.get(id)?.view ?? chatView({ id }),
    newChat(people) {
      if (!people?.length) return Promise.reject({ code: 'validation', message: 'A chat needs at least one colleague', hint: 'Pick someone to chat with.' });
      const kind = people.length === 1 ? 'Direct' : 'Group';
      const same = [...chats.values()].find((c) => c.kind === kind && c.people.join() === [...people].sort().join());
      if (same) return Promise.resolve(structuredClone(same.view));
      const view = chatView({ id: `chat${next++}`, kind, name: names(people).join(', ') });
      chats.set(view.id, { kind, people: [...people].sort(), view });
      return Promise.resolve(structuredClone(view));
    },
    newTeam(name, people, open) {
      if (!String(name ?? '').trim()) return Promise.reject({ code: 'validation', message: 'A team needs a name', hint: 'Type one.' });
      const view = chatView({ id: `team${next++}`, kind: 'Team', name: name.trim() });
      chats.set(view.id, { kind: 'Team', people: [...people], public: open, view });
      return Promise.resolve(structuredClone(view));
    },
    setNotify(id, wanted) {
      if (!['all', 'mentions', 'muted', 'default'].includes(wanted)) return Promise.reject({ code: 'validation', message: `“${wanted}” is not a notification level`, hint: 'Use all, mentions, muted or default.' });
      const known = chats.get(id);
      const view = { ...(known?.view ?? chatView({ id })) };
      Object.assign(view, level(view, wanted));
      if (known) known.view = view;
      return Promise.resolve(structuredClone(view));
    },
  };
}

/** The outcomes `dispositions` offers: ringdesk's own, as with a profile that names none. */
export const DISPOSITIONS = ['Connected', 'Left voicemail', 'No answer', 'Wrong number', 'Call back', 'Not interested', 'Sale'];

/** A WrapUpView as the core answers it: a fresh draft of an outbound call to Ana Silva. */
export function wrapUpView(fields = {}) {
  return {
    callKey: 'ringout:1', party: 'Ana Silva', number: '+14155550188', direction: 'Outbound',
    started: new Date(Date.now() - 5 * 60_000).toISOString(), disposition: null, notes: '', tags: [],
    followUpAt: null, followUpNote: '', saved: false,
    ...fields,
  };
}

/** A time as the core reads it (ISO, or a local `YYYY-MM-DDTHH:MM`), as ISO; null if it cannot. */
function readTime(text) {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return null;
  const date = new Date(text.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Wrap-ups as the core keeps them (callKey → WrapUpView). */
function wrapUpStore() {
  const wrapups = new Map();
  const answer = (view) => Promise.resolve(structuredClone(view));
  const write = (input, saved) => {
    const known = wrapups.get(input?.callKey);
    if (!known) return Promise.reject({ code: 'validation', message: `there is no call ${input?.callKey} to wrap up`, hint: 'Pick a call from `ringdesk wrapups`.' });
    // An autosave landing after the save never turns it back into a draft.
    if (known.saved && !saved) return answer(known);
    const notes = String(input.notes ?? '').trimEnd();
    if ([...notes].length > 10_000) return Promise.reject({ code: 'validation', message: 'notes can be at most 10000 characters', hint: 'Shorten the notes.' });
    const at = String(input.followUpAt ?? '').trim();
    const followUpAt = at ? readTime(at) : null;
    if (at && !followUpAt) return Promise.reject({ code: 'validation', message: `"${at}" is not a time ringdesk can read`, hint: 'Write it as 2026-12-05T15:00 (your time) or with a time zone.' });
    const tags = [];
    for (const tag of (input.tags ?? []).flatMap((t) => String(t).split(',')).map((t) => t.trim())) {
      if (tag && tags.length < 20 && !tags.some((k) => k.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    }
    Object.assign(known, {
      disposition: DISPOSITIONS.find((d) => d.toLowerCase() === String(input.disposition ?? '').trim().toLowerCase()) ?? null,
      notes, tags, followUpAt, followUpNote: String(input.followUpNote ?? '').trim(), saved: known.saved || saved,
    });
    return answer(known);
  };
  return {
    wrapups,
    /** A call ringdesk placed has ended: its draft is kept (the caller sends the event). */
    add(view) {
      wrapups.set(view.callKey, structuredClone(view));
      return structuredClone(view);
    },
    autosave: (input) => write(input, false),
    save(input) {
      const given = String(input?.disposition ?? '').trim();
      if (!DISPOSITIONS.some((d) => d.toLowerCase() === given.toLowerCase())) {
        return Promise.reject({ code: 'validation', message: `"${given}" is not a disposition: use one of ${DISPOSITIONS.join(', ')}`, hint: 'Pick one of the dispositions listed (a profile\'s own list is set in config.toml).' });
      }
      return write(input, true);
    },
    get: (key) => Promise.resolve(wrapups.has(key) ? structuredClone(wrapups.get(key)) : null),
    toDo: () => answer([...wrapups.values()].filter((w) => !w.saved).sort((a, b) => a.started.localeCompare(b.started))),
    followUps() {
      const now = Date.now();
      const midnight = new Date();
      midnight.setHours(24, 0, 0, 0);
      const month = 30 * 86_400_000;
      const due = [...wrapups.values()]
        .filter((w) => w.followUpAt && Math.abs(Date.parse(w.followUpAt) - now) <= month)
        .sort((a, b) => a.followUpAt.localeCompare(b.followUpAt));
      const at = (w) => Date.parse(w.followUpAt);
      return answer({
        overdue: due.filter((w) => at(w) <= now),
        today: due.filter((w) => at(w) > now && at(w) < midnight.getTime()),
        upcoming: due.filter((w) => at(w) >= midnight.getTime()),
      });
    },
  };
}

/** A number as the do-not-call list reads it: [E.164, shown internationally], or a refusal. */
function dncNumber(text) {
  const raw = String(text ?? '').trim();
  if (/[a-z]/i.test(raw)) return { error: { code: 'validation', message: `${JSON.stringify(raw.match(/[a-z]+/i)[0])} is text, not part of a phone number`, hint: 'Type the number with digits only.' } };
  let digits = raw.replace(/\D/g, '');
  if (!digits) return { error: { code: 'validation', message: 'no phone number was given', hint: 'Type the number with digits only.' } };
  if (!raw.startsWith('+') && digits.length === 10) digits = `1${digits}`;
  const e164 = `+${digits}`;
  const shown = /^1\d{10}$/.test(digits) ? `+1 ${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}` : e164;
  return { e164, shown };
}

/** The do-not-call list as the core keeps it, in the order added. */
function dncStore() {
  const entries = []; // { e164, number, note }
  return {
    entries,
    list: () => Promise.resolve(entries.map(({ number, note }) => ({ number, note }))),
    add(number, note) {
      const read = dncNumber(number);
      if (read.error) return Promise.reject(read.error);
      const entry = { e164: read.e164, number: read.shown, note: String(note ?? '').trim() };
      const at = entries.findIndex((e) => e.e164 === read.e164);
      if (at >= 0) entries[at].note = entry.note;
      else entries.push(entry);
      return Promise.resolve({ number: entry.number, note: entry.note });
    },
    remove(number) {
      const read = dncNumber(number);
      if (read.error) return Promise.reject(read.error);
      const at = entries.findIndex((e) => e.e164 === read.e164);
      if (at >= 0) entries.splice(at, 1);
      return Promise.resolve(at >= 0);
    },
  };
}

/** CRM links as the core keeps them: the setups (secrets only as "set"), queues, exports. */
function integrationStore() {
  const state = { webhook: null, suitedash: null, exports: [], leads: [], replayed: [] };
  const connector = (name, url, publicId, secretSet) => ({
    name, url, publicId, secretSet,
    capabilities: { pulls: [], pushes: [] },
    queue: { pending: 0, sending: 0, delivered: 0, failed: 0 },
    failed: [],
    quota: name === 'suitedash' ? { month: '2026-12', used: 3, quota: 400, warning: false, reserved: false } : null,
    lastPull: null,
  });
  const view = () => Promise.resolve(structuredClone({ webhook: state.webhook, suitedash: state.suitedash, exports: state.exports }));
  return {
    state,
    view,
    setWebhook(setup) {
      if (setup.url && !setup.url.startsWith('https://')) {
        return Promise.reject({ code: 'config', message: 'integrations.webhook.url: use https://', hint: 'Use an https:// address.' });
      }
      state.webhook = setup.url ? connector('webhook', setup.url, '', Boolean(setup.secret) || Boolean(state.webhook?.secretSet)) : null;
      return view();
    },
    setSuitedash(setup) {
      state.suitedash = setup.publicId
        ? connector('suitedash', setup.apiUrl || 'https://app.suitedash.com/secure-api', setup.publicId, Boolean(setup.secretKey) || Boolean(state.suitedash?.secretSet))
        : null;
      if (state.suitedash) state.suitedash.quota.quota = setup.monthlyQuota || 400;
      return view();
    },
    test(connector) {
      if (connector === 'webhook') return Promise.resolve({ connector: 'webhook', httpStatus: 200 });
      if (!state.suitedash?.secretSet) return Promise.reject({ code: 'config', message: 'the suitedash secret is not in the keychain', hint: 'Store the secret key.' });
      return Promise.resolve({ connector: 'suitedash', publicId: state.suitedash.publicId, apiUrl: state.suitedash.url, contacts: 12, quota: state.suitedash.quota });
    },
    replay(eventId) {
      state.replayed.push(eventId);
      for (const c of [state.webhook, state.suitedash]) if (c) c.failed = c.failed.filter((e) => e.eventId !== eventId);
      return Promise.resolve({ eventId, kind: 'sms.sent', state: 'pending', attempts: 1, created: '', nextAt: '', httpStatus: null, error: null });
    },
    lead(lead) {
      state.leads.push(lead);
      return Promise.resolve({ eventId: `evt_${state.leads.length}`, kind: 'contact.create', state: 'pending', attempts: 0, created: '', nextAt: '', httpStatus: null, error: null });
    },
    exportNow(all) {
      const exp = { id: state.exports.length + 1, at: '2026-12-05T10:00:00Z', path: `/data/exports/suitedash-${state.exports.length + 1}.csv`, rows: all ? 5 : 2, marked: false };
      state.exports.unshift(exp);
      return Promise.resolve(structuredClone(exp));
    },
    mark(id) {
      const exp = state.exports.find((e) => e.id === id);
      exp.marked = true;
      return Promise.resolve(structuredClone(exp));
    },
  };
}

/** Call lists as the core keeps them: entries in order, each moving waiting → called → done. */
function listStore(countdown) {
  const lists = new Map(); // lower-case name → { name, entries: [{ name, number, note, state, callKey }] }
  let ringouts = 0;
  const view = (list) => ({
    name: list.name,
    countdownSecs: countdown(),
    finished: list.entries.filter((e) => e.state === 'done' || e.state === 'skipped').length,
    entries: list.entries.map((e, i) => ({ position: i + 1, name: e.name, display: e.number, number: e.number, note: e.note, state: e.state, callKey: e.callKey ?? null, returnAt: null })),
  });
  const find = (name) => lists.get(String(name ?? '').trim().toLowerCase());
  const missing = (name) => Promise.reject({ code: 'validation', message: `there is no call list ${JSON.stringify(name)}`, hint: 'Make it first.' });
  const add = (name, entries, skipped = []) => {
    const key = String(name).trim().toLowerCase();
    if (!lists.has(key)) lists.set(key, { name: String(name).trim(), entries: [] });
    lists.get(key).entries.push(...entries.map((e) => ({ ...e, state: 'waiting', callKey: null })));
    return Promise.resolve({ list: view(lists.get(key)), skipped });
  };
  return {
    lists,
    names: () => Promise.resolve([...lists.values()].map((l) => l.name)),
    get: (name) => (find(name) ? Promise.resolve(view(find(name))) : missing(name)),
    paste(name, text) {
      const entries = [];
      const skipped = [];
      String(text).split('\n').forEach((line, i) => {
        const found = line.match(/[+(]?\d[\d ().-]{5,}\d/);
        if (!found) {
          if (line.trim()) skipped.push({ line: i + 1, reason: 'no phone number' });
          return;
        }
        const words = (t) => t.replace(/^[\s,;:—()-]+|[\s,;:—()-]+$/g, '');
        entries.push({ name: words(line.slice(0, found.index)), number: found[0].replace(/[^\d+]/g, ''), note: words(line.slice(found.index + found[0].length)) });
      });
      return add(name, entries, skipped);
    },
    add: (name, additions) => add(name, additions.map((a) => ({ name: a.name ?? '', number: a.number, note: a.note ?? '' }))),
    skip(name, position) {
      const list = find(name);
      if (!list) return missing(name);
      const entry = list.entries[position - 1];
      if (entry?.state === 'waiting') entry.state = 'skipped';
      return Promise.resolve(view(list));
    },
    move(name, position, to) {
      const list = find(name);
      if (!list) return missing(name);
      const [entry] = list.entries.splice(position - 1, 1);
      list.entries.splice(Math.max(0, to - 1), 0, entry);
      return Promise.resolve(view(list));
    },
    remove(name) {
      if (!find(name)) return missing(name);
      lists.delete(String(name).trim().toLowerCase());
      return Promise.resolve(null);
    },
    next(name) {
      const list = find(name);
      if (!list) return missing(name);
      const called = list.entries.find((e) => e.state === 'called');
      if (called) return Promise.reject({ code: 'validation', message: `wrap up the call to ${called.name || called.number} first`, hint: 'Save its wrap-up, then go on with the list.' });
      const entry = list.entries.find((e) => e.state === 'waiting');
      if (!entry) return Promise.resolve(null);
      ringouts += 1;
      entry.state = 'called';
      entry.callKey = `ringout:${ringouts}@0`;
      return Promise.resolve({ id: String(ringouts), phase: 'ringing', done: false, cancellable: true, party: { e164: entry.number }, callKey: entry.callKey });
    },
    /** A saved wrap-up settles its list entry. */
    settle(saved) {
      for (const list of lists.values()) {
        for (const e of list.entries) if (e.callKey === saved.callKey) e.state = 'done';
      }
    },
  };
}

export function fakeBackend(overrides = {}) {
  const log = [];
  const handlers = new Map();
  let settings = structuredClone(SETTINGS);
  const templates = templateStore(TEMPLATES);
  const teamChats = chatStore();
  const wrapups = wrapUpStore();
  const dnc = dncStore();
  const crm = integrationStore();
  const callLists = listStore(() => settings.listCountdownSecs ?? 5);
  const record = (name, value) => (...args) => {
    log.push([name, ...args]);
    return typeof value === 'function' ? value(...args) : Promise.resolve(structuredClone(value));
  };
  const backend = {
    /** Every command invoked, as [name, ...args]. */
    log,
    /** Numbers that replied STOP: their thread says so and texts to them are refused. */
    optedOut: new Set(),
    /** The templates `sms_templates` reads and the template commands change (`forbidden`: refuse them). */
    templates,
    /** The wrap-ups kept (callKey → WrapUpView). */
    wrapups: wrapups.wrapups,
    /** The call lists kept (lower-case name → { name, entries }). */
    listsKept: callLists.lists,
    /** The do-not-call list kept ({ e164, number, note }, in the order added). */
    doNotCall: dnc.entries,
    /** The CRM links kept: { webhook, suitedash, exports, leads, replayed }. */
    crm: crm.state,
    /** A call ringdesk placed has ended: a draft is kept and the `wrap-up` event offers it. */
    callEnded(fields = {}) {
      const view = wrapups.add(wrapUpView(fields));
      backend.emit('wrap-up', view);
      return view;
    },
    /** Pushes an event to the app as the Rust side would. */
    emit(event, payload) {
      for (const handler of handlers.get(event) ?? []) handler(payload);
    },
    on(event, handler) {
      if (!handlers.has(event)) handlers.set(event, []);
      handlers.get(event).push(handler);
      return () => {};
    },
    appInfo: record('appInfo', DEMO_INFO),
    uiReady: record('uiReady', null),
    session: record('session', SIGNED_IN),
    signInBrowser: record('signInBrowser', SIGNED_IN),
    signInJwt: record('signInJwt', SIGNED_IN),
    startDemo: record('startDemo', SIGNED_IN),
    signOut: record('signOut', { ...SIGNED_IN, state: 'signed_out', user: null }),
    parseNumber: record('parseNumber', (text) =>
      Promise.resolve(
        /^\+?[0-9 ()-]{7,}$/.test(text)
          ? { input: text, ok: true, e164: '+16505550123', display: '(650) 555-0123', countryName: 'United States', valid: true, contact: null }
          : { input: text, ok: false, error: { message: 'This is not a phone number.', hint: 'Check it' } },
      ),
    ),
    suggest: record('suggest', []),
    callOptions: record('callOptions', { ringMeAt: [{ value: 'fw1', label: 'Desk phone' }], callerIds: [], selectedRingMeAt: 'fw1', selectedCallerId: null }),
    placeCall: record('placeCall', (to) =>
      Promise.resolve({ id: 'c1', party: { name: null, display: to }, phase: 'ringing_you', words: { you: 'Ringing your desk phone…', them: '', summary: '' }, cancellable: true, final: false, success: false, startedAt: Date.now() }),
    ),
    cancelCall: record('cancelCall', (id) =>
      Promise.resolve({ id, party: { display: 'x' }, phase: 'cancelled', words: { you: 'Cancelled', them: '', summary: 'Cancelled' }, cancellable: false, final: true, success: false, startedAt: Date.now(), endedAt: Date.now() }),
    ),
    calls: record('calls', { rows: [], next: null }),
    syncNow: record('syncNow', null),
    conversations: record('conversations', []),
    thread: record('thread', (number) =>
      Promise.resolve({ number, display: number, name: null, unread: 0, messages: [], senders: [], sender: null, optedOut: backend.optedOut.has(number) ? optedOutWords(number) : null }),
    ),
    measureSms: record('measureSms', (text) => Promise.resolve({ units: text.length, limit: 1000, segments: Math.max(1, Math.ceil(text.length / 160)), tooLong: text.length > 1000 })),
    sendSms: record('sendSms', (to) =>
      backend.optedOut.has(to) ? Promise.reject({ code: 'validation', message: optedOutWords(to), hint: OPT_OUT_HINT }) : Promise.resolve({ id: 1, pending: false }),
    ),
    smsTemplates: record('smsTemplates', () => templates.list()),
    createTemplate: record('createTemplate', (name, text) => templates.create(name, text)),
    updateTemplate: record('updateTemplate', (id, name, text) => templates.update(id, name, text)),
    deleteTemplate: record('deleteTemplate', (id) => templates.delete(id)),
    markRead: record('markRead', null),
    cancelOutbox: record('cancelOutbox', null),
    contacts: record('contacts', { rows: [], next: null }),
    /** The chats new_chat / new_team made (id → { kind, people, view }). */
    teamChats: teamChats.chats,
    chats: record('chats', () => Promise.resolve([...teamChats.chats.values()].map((c) => structuredClone(c.view)))),
    chatPosts: record('chatPosts', (chat) => Promise.resolve({ chat: structuredClone(teamChats.get(chat)), posts: [] })),
    markChatRead: record('markChatRead', null),
    olderChatPosts: record('olderChatPosts', []),
    postToChat: record('postToChat', (chat) => Promise.resolve({ chat, outboxId: 1, state: 'sent', postId: 'p-new' })),
    editChatPost: record('editChatPost', (chat, post, text) => Promise.resolve(postView({ id: post, mine: true, edited: true, text }))),
    deleteChatPost: record('deleteChatPost', null),
    setChatNotify: record('setChatNotify', (chat, level) => teamChats.setNotify(chat, level)),
    colleagues: record('colleagues', (query, limit = 8) => {
      const q = String(query ?? '').trim().toLowerCase();
      return Promise.resolve(structuredClone(COLLEAGUES.filter((c) => q && (c.name.toLowerCase().includes(q) || c.email.includes(q))).slice(0, limit)));
    }),
    newChat: record('newChat', (people) => teamChats.newChat(people)),
    newTeam: record('newTeam', (name, people, open) => teamChats.newTeam(name, people, open)),
    contact: record('contact', null),
    addContact: record('addContact', null),
    settings: record('settings', () => Promise.resolve(structuredClone(settings))),
    saveSettings: record('saveSettings', (patch) =>
      savedSettings(settings, patch).then((next) => {
        settings = next;
        return structuredClone(next);
      }),
    ),
    status: record('status', { user: 'Sam Agent', extension: '101', budgets: [] }),
    resetConnection: record('resetConnection', SIGNED_IN),
    handlerStatus: record('handlerStatus', HANDLER_OTHER),
    makeDefaultHandler: record('makeDefaultHandler', HANDLER_OURS),
    line: record('line', LINE),
    setPresence: record('setPresence', (choice) => Promise.resolve(lineWith(choice))),
    hangUp: record('hangUp', null),
    holdCall: record('holdCall', null),
    rejectCall: record('rejectCall', null),
    // The core counts missed calls; opening History makes them seen (and says so, like Rust).
    historySeen: record('historySeen', () => {
      backend.emit('missed-calls', 0);
      return Promise.resolve(null);
    }),
    caller: record('caller', { lastCall: null, lastText: null }),
    dispositions: record('dispositions', DISPOSITIONS),
    autosaveWrapup: record('autosaveWrapup', (input) => wrapups.autosave(input)),
    saveWrapup: record('saveWrapup', (input) => wrapups.save(input).then((saved) => {
      callLists.settle(saved);
      return saved;
    })),
    wrapupForCall: record('wrapupForCall', (callId) => Promise.resolve(structuredClone(wrapups.wrapups.get(callId) ?? wrapups.add(wrapUpView({ callKey: callId }))))),
    dialShortcutStatus: record('dialShortcutStatus', () => Promise.resolve({ shortcut: settings.dialShortcut, active: Boolean(settings.dialShortcut), problem: null })),
    callLists: record('callLists', () => callLists.names()),
    callList: record('callList', (name) => callLists.get(name)),
    pasteCallList: record('pasteCallList', (name, text) => callLists.paste(name, text)),
    addToCallList: record('addToCallList', (name, additions) => callLists.add(name, additions)),
    skipListEntry: record('skipListEntry', (name, position) => callLists.skip(name, position)),
    moveListEntry: record('moveListEntry', (name, position, to) => callLists.move(name, position, to)),
    deleteCallList: record('deleteCallList', (name) => callLists.remove(name)),
    nextInList: record('nextInList', (name) => callLists.next(name)),
    wrapup: record('wrapup', (callKey) => wrapups.get(callKey)),
    wrapupsToDo: record('wrapupsToDo', () => wrapups.toDo()),
    followUps: record('followUps', () => wrapups.followUps()),
    doNotCallList: record('doNotCallList', () => dnc.list()),
    addDoNotCall: record('addDoNotCall', (number, note) => dnc.add(number, note)),
    removeDoNotCall: record('removeDoNotCall', (number) => dnc.remove(number)),
    integrations: record('integrations', () => crm.view()),
    setWebhook: record('setWebhook', (setup) => crm.setWebhook(setup)),
    setSuitedash: record('setSuitedash', (setup) => crm.setSuitedash(setup)),
    testIntegration: record('testIntegration', (connector) => crm.test(connector)),
    replayEvent: record('replayEvent', (eventId) => crm.replay(eventId)),
    pullSuitedash: record('pullSuitedash', () => Promise.resolve({ contacts: 12, companies: 3, removed: 0, pages: 4 })),
    addSuitedashLead: record('addSuitedashLead', (lead) => crm.lead(lead)),
    setSuitedashTags: record('setSuitedashTags', (contact, tags) => Promise.resolve({ eventId: 'evt_tags', kind: 'contact.tags', state: 'pending', attempts: 0, created: '', nextAt: '', httpStatus: null, error: null, contact, tags })),
    generateSuitedashExport: record('generateSuitedashExport', (all) => crm.exportNow(all)),
    markExported: record('markExported', (id) => crm.mark(id)),
  };
  return Object.assign(backend, overrides);
}
