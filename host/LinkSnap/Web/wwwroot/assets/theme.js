// Light/dark: follows the system until the person picks one; the choice is remembered.
import { t } from './i18n.js';
const order = ['system', 'light', 'dark'];

function apply(theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  const button = document.getElementById('theme-toggle');
  button.title = t(`theme.${theme}`);
  button.textContent = theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐';
}

export function initTheme() {
  let theme = localStorage.getItem('linksnap-theme') || 'system';
  if (!order.includes(theme)) theme = 'system';
  apply(theme);
  document.getElementById('theme-toggle').addEventListener('click', () => {
    theme = order[(order.indexOf(theme) + 1) % order.length];
    localStorage.setItem('linksnap-theme', theme);
    apply(theme);
  });
}
