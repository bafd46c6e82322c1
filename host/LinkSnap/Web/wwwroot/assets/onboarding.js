// An empty library: how to start on this machine. Load the extension (with this installation's own
// folder), import bookmarks, or paste a link in the Add box above.
import { api } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

export function renderOnboarding() {
  const folder = h('code', { id: 'extension-folder' }, '…');
  api.setup().then((setup) => { folder.textContent = setup.extensionFolder || t('onboarding.noFolder'); }).catch(() => { folder.textContent = t('onboarding.noFolder'); });
  return h('section', { class: 'onboarding', id: 'onboarding' },
    h('h1', {}, t('onboarding.title')),
    h('p', {}, t('onboarding.intro')),
    h('ol', {},
      h('li', {},
        h('strong', {}, t('onboarding.extension.title')),
        h('ol', { class: 'steps' },
          h('li', {}, t('onboarding.extension.install'), ' ', h('code', {}, t('onboarding.extension.installCommand'))),
          h('li', {}, t('onboarding.extension.chromium'), ' ', h('code', {}, t('onboarding.extension.chromiumPage'))),
          h('li', {}, t('onboarding.extension.load'), ' ', folder),
          h('li', {}, t('onboarding.extension.firefox'), ' ', h('code', {}, t('onboarding.extension.firefoxPage'))),
          h('li', {}, t('onboarding.extension.restart')))),
      h('li', {},
        h('strong', {}, t('onboarding.import.title')), ' ',
        t('onboarding.import.text'), ' ',
        h('a', { href: '/import', 'data-nav': true, id: 'onboarding-import' }, t('onboarding.import.link'))),
      h('li', {},
        h('strong', {}, t('onboarding.add.title')), ' ',
        t('onboarding.add.text'), ' ',
        h('button', { type: 'button', id: 'onboarding-add', onclick: () => document.getElementById('add-url').focus() }, t('onboarding.add.button')))));
}
