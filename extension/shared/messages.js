// The popup and options pages ask the background to act (so queueing and badge logic live in one place).
import { api } from './browser-api.js';
import { t } from './i18n.js';

export class BackgroundError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export async function ask(kind, fields = {}) {
  const reply = await api.runtime.sendMessage({ kind, ...fields });
  if (!reply) throw new BackgroundError(t('error_noBackground'), null);
  if (!reply.ok) throw new BackgroundError(reply.error, reply.code);
  return reply.result;
}
