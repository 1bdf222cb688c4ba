// The window under test: a fake DOM installed before each test, timers mocked (toasts and clocks
// need no waiting), and the app started in a fresh root over a fake backend.

import { beforeEach, afterEach, mock } from 'node:test';

import { installFakeDom } from './fake-dom.js';
import { fakeBackend } from './fake-backend.js';

let doc;
beforeEach(() => {
  doc = installFakeDom();
  globalThis.requestAnimationFrame = (fn) => setTimeout(fn, 0);
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
});
afterEach(() => mock.timers.reset());

const { createApp } = await import('../../ui/js/app.js');

/** Lets pending promises and events settle. */
export const flush = () => new Promise((resolve) => setImmediate(resolve));

/** The app started over `backend` in a new root: `{ root, app, backend }`. */
export async function started(backend = fakeBackend()) {
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  const app = createApp(root, backend);
  await app.start();
  return { root, app, backend };
}
