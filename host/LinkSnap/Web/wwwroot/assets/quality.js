// The capture quality guard's mark (decision 053): a capture whose latest snapshot was flagged
// (consent or sign-in wall, bot check, error page, blank, cut by a fold, missing images) "needs
// attention"; the mark names each sign and what to do, from the message files.
import { h } from './dom.js';
import { t } from './i18n.js';

export function qualityFlags(snapshot) {
  return snapshot?.metadata?.quality?.flags || [];
}

export function attentionBadge(snapshot) {
  const flags = qualityFlags(snapshot);
  if (!flags.length) return null;
  const title = flags.map((f) => `${t(`quality.kind.${f.kind}`)}: ${t(`quality.action.${f.action}`)} (${f.reason})`).join('\n');
  return h('span', { class: 'badge attention', title, dataset: { kinds: flags.map((f) => f.kind).join(' ') } }, t('quality.needsAttention'));
}
