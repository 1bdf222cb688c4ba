// Entry point: connect the backend and start the app frame.

import { createApp } from './app.js';
import { connectBackend } from './backend.js';

const root = document.getElementById('app');
createApp(root, connectBackend(window)).start();
