// The native-messaging protocol as the extension sees it. The table itself lives in protocol.json,
// shared with the relay and the daemon (docs/protocol.md), so the three never disagree.
import { api } from './browser-api.js';

let tablePromise;

/** The protocol table (message types, field rules, limits, error codes), loaded once. */
export function loadProtocol() {
  tablePromise ??= fetch(api.runtime.getURL('shared/protocol.json')).then((r) => r.json());
  return tablePromise;
}

/** Null when the message fits the table, else {code, message} exactly as the relay would answer. */
export function validateRequest(table, message) {
  if (typeof message?.id !== 'string' || message.id.length === 0 || message.id.length > 100) {
    return { code: 'bad-message', message: '"id" must be a non-empty string of at most 100 characters' };
  }
  const spec = table.messages[message.type];
  if (!spec) {
    return { code: 'unknown-type', message: `unknown message type "${message.type}"` };
  }
  for (const [name, value] of Object.entries(message)) {
    if (name === 'id' || name === 'type') continue;
    const rule = spec.request[name];
    if (!rule) return { code: 'bad-message', message: `"${name}" is not a field of ${message.type}` };
    const problem = checkField(rule, value);
    if (problem) {
      const code = name === 'html' && problem.startsWith('longer') ? 'too-large' : 'bad-message';
      return { code, message: `"${name}" ${problem}` };
    }
  }
  for (const [name, rule] of Object.entries(spec.request)) {
    if (rule.required && !(name in message)) {
      return { code: 'bad-message', message: `"${name}" is required for ${message.type}` };
    }
  }
  return null;
}

function checkField(rule, value) {
  switch (rule.type) {
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      if (rule.maxLength !== undefined && value.length > rule.maxLength) return `longer than ${rule.maxLength} characters`;
      if (rule.enum && !rule.enum.includes(value)) return `must be one of ${rule.enum.join(', ')}`;
      return null;
    case 'string[]':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'must be an array of strings';
      if (rule.maxItems !== undefined && value.length > rule.maxItems) return `has more than ${rule.maxItems} items`;
      if (rule.maxLength !== undefined && value.some((v) => v.length > rule.maxLength)) {
        return `has an item longer than ${rule.maxLength} characters`;
      }
      return null;
    case 'integer':
      if (!Number.isInteger(value)) return 'must be an integer';
      if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
        return `must be between ${rule.min} and ${rule.max}`;
      }
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'id':
      if (typeof value === 'string' && value.length > 0 && value.length <= 100) return null;
      if (Number.isInteger(value) && value > 0) return null;
      return 'must be a non-empty string or positive integer id';
    default:
      return `has an unsupported rule type ${rule.type}`;
  }
}
