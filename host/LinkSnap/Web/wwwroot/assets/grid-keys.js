// Keyboard in the list: arrows move between cards (up/down by a row in the grid), Enter opens,
// Space selects. Cards are focusable; the row width is measured, not assumed.

const stateKeys = { r: 'read', f: 'favorite', e: 'archived' };

export function attachGridKeys(container) {
  const handler = (event) => {
    const card = event.target.closest?.('.card');
    if (!card || event.target !== card) return;
    const cards = [...container.querySelectorAll('.card')];
    const index = cards.indexOf(card);
    const perRow = Math.max(1, cards.filter((c) => c.offsetTop === cards[0].offsetTop).length);
    let next = null;
    switch (event.key) {
      case 'ArrowRight': next = cards[index + 1]; break;
      case 'ArrowLeft': next = cards[index - 1]; break;
      case 'ArrowDown': next = cards[Math.min(cards.length - 1, index + perRow)]; break;
      case 'ArrowUp': next = cards[Math.max(0, index - perRow)]; break;
      case 'Enter':
        event.preventDefault();
        card.querySelector('a.title').click();
        return;
      case ' ':
        event.preventDefault();
        card.querySelector('.select').click();
        return;
      case 'r': case 'f': case 'e':
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        event.preventDefault();
        card.querySelector(`.state-toggle[data-state="${stateKeys[event.key]}"]`)?.click();
        return;
      default: return;
    }
    event.preventDefault();
    next?.focus();
    next?.scrollIntoView({ block: 'nearest' });
  };
  container.addEventListener('keydown', handler);
  return () => container.removeEventListener('keydown', handler);
}
