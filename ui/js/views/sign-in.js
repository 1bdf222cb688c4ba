// First run and signed out: sign in with RingCentral in the browser, with a JWT credential, or
// try the demo. Shown over the views until a session exists.

import { h } from '../lib/dom.js';

export function createSignIn({ backend, store, toast }) {
  const status = h('p', { class: 'sign-in-status', role: 'status', 'aria-live': 'polite' });
  const browser = h('button', { type: 'button', class: 'primary', onClick: () => run(backend.signInBrowser, 'Finish signing in in your browser…') }, 'Sign in with RingCentral');
  const jwt = h('input', { id: 'jwt', type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const jwtForm = h(
    'form',
    { class: 'jwt-form', hidden: true, onSubmit: (e) => { e.preventDefault(); void run(() => backend.signInJwt(jwt.value.trim()), 'Signing in…'); } },
    h('label', { for: 'jwt' }, 'JWT credential'),
    jwt,
    h('button', { type: 'submit' }, 'Sign in'),
  );
  const jwtToggle = h('button', { type: 'button', onClick: () => { jwtForm.hidden = false; jwt.focus(); } }, 'Use a JWT credential');
  const demo = h('button', { type: 'button', onClick: () => run(backend.startDemo, 'Starting the demo…') }, 'Try the demo');
  const element = h(
    'section',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-title', hidden: true },
    h('h1', { id: 'sign-in-title' }, 'Welcome to ringdesk'),
    h('p', { class: 'muted' }, 'Sign in to your RingCentral account to call and text from this computer.'),
    browser,
    jwtToggle,
    jwtForm,
    demo,
    status,
  );

  async function run(action, pending) {
    status.textContent = pending;
    try {
      const session = await action();
      jwt.value = '';
      store.update({ session });
      status.textContent = '';
    } catch (error) {
      status.textContent = '';
      toast(error.message, error.hint, 'error');
    }
  }

  store.subscribe(({ session }) => {
    element.hidden = !session || session.state !== 'signed_out';
    browser.disabled = !session?.canSignIn;
    browser.title = session?.canSignIn ? '' : 'No RingCentral app is configured: set RINGCENTRAL_CLIENT_ID';
    // The machine's policy may allow one way of signing in, and no demo.
    const methods = session?.signInMethods ?? 'either';
    browser.hidden = methods === 'jwt';
    jwtToggle.hidden = methods !== 'either';
    if (methods !== 'either') jwtForm.hidden = methods === 'browser';
    demo.hidden = session?.demoAllowed === false;
  });

  return { element };
}
