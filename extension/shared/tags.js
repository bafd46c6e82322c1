// Tag text as typed in the popup and options: comma-separated, trimmed, case-insensitively unique
// (the daemon normalizes further: NFC, hierarchy with "/").

export function parseTags(text) {
  const seen = new Set();
  const tags = [];
  for (const raw of String(text ?? '').split(',')) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

/** The tag being typed: the text after the last comma. */
export function currentToken(text) {
  const i = text.lastIndexOf(',');
  return text.slice(i + 1).trim();
}

/** Replaces the tag being typed with a chosen one and leaves the input ready for the next. */
export function completeToken(text, tag) {
  const i = text.lastIndexOf(',');
  const head = i < 0 ? '' : text.slice(0, i + 1) + ' ';
  return `${head}${tag}, `;
}

export function formatTags(tags) {
  return tags.length ? `${tags.join(', ')}, ` : '';
}
