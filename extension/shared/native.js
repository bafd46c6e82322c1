// Sends protocol messages to the relay. Each call starts a relay process (sendNativeMessage); the
// relay starts the daemon when needed, so a reply can take a few seconds on the first message. A daemon
// stopped on purpose (`linksnap stop`) is not started: the relay answers daemon-stopped, and only the
// "start" message (the popup's Start button, or the option to start LinkSnap automatically) starts it.
import { api } from './browser-api.js';
import { loadProtocol, validateRequest } from './protocol.js';
import { getSettings } from './settings.js';

const REPLY_TIMEOUT_MS = 45000;
/** start waits for a cold daemon start (the relay allows it LINKSNAP_RELAY_START_TIMEOUT_MS, 30 s by default). */
const START_TIMEOUT_MS = 120000;

/** A failed message. code is a protocol error code, or 'host-missing' when no relay could be run. */
export class NativeError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'NativeError';
    this.code = code;
  }
}

/** True when the failure means "LinkSnap is not reachable right now" (keep the request, retry later). */
export function isUnreachable(error) {
  return error instanceof NativeError && ['host-missing', 'daemon-unavailable', 'daemon-stopped'].includes(error.code);
}

/** Sends {type, ...fields}; when LinkSnap was stopped on purpose and the person chose to start it automatically, starts it and sends again. */
export async function sendNative(type, fields = {}) {
  try {
    return await sendOnce(type, fields);
  } catch (e) {
    if (e.code !== 'daemon-stopped' || type === 'start' || !(await getSettings()).autoStart) throw e;
    await startOnce();
    return sendOnce(type, fields);
  }
}

/** The start message under way: a popup's messages all find LinkSnap stopped at once, and one start serves them all. */
let starting = null;
function startOnce() {
  starting ??= sendOnce('start').finally(() => { starting = null; });
  return starting;
}

/** Sends {type, ...fields}; resolves with the reply's result or rejects with a NativeError. */
async function sendOnce(type, fields = {}) {
  const table = await loadProtocol();
  const message = { id: crypto.randomUUID(), type, ...fields };
  const invalid = validateRequest(table, message);
  if (invalid) throw new NativeError(invalid.code, invalid.message);

  let reply;
  try {
    reply = await withTimeout(api.runtime.sendNativeMessage(table.hostName, message), type === 'start' ? START_TIMEOUT_MS : REPLY_TIMEOUT_MS);
  } catch (e) {
    throw new NativeError('host-missing', hostMissingText(e));
  }
  if (!reply || typeof reply !== 'object') {
    throw new NativeError('internal', 'the LinkSnap relay sent an empty reply');
  }
  if (reply.ok) return reply.result ?? {};
  throw new NativeError(reply.error?.code ?? 'internal', reply.error?.message ?? 'unknown error from LinkSnap');
}

function hostMissingText(e) {
  const text = String(e?.message ?? e);
  if (/not found|no such native application/i.test(text)) {
    return 'the LinkSnap native host is not installed: run `linksnap install`';
  }
  return `could not reach the LinkSnap native host (${text})`;
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reply within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
