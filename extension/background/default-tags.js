// The default tags live in the daemon (issue 17 item 5), so that merging or renaming a tag in the
// library renames them too. Versions before kept them in extension storage: those are moved to the
// daemon once, the first time it answers, and then forgotten here.
import { sendNative } from '../shared/native.js';
import { forgetLegacyDefaultTags, legacyDefaultTags } from '../shared/settings.js';

let moving = null;

/** Moves old extension-side default tags to the daemon (kept with the daemon's own, which come first). Throws when unreachable. */
export function moveLegacyDefaultTags() {
  moving ??= (async () => {
    try {
      const legacy = await legacyDefaultTags();
      if (legacy === null) return;
      if (legacy.length > 0) {
        const { tags } = await sendNative('default-tags');
        const known = new Set(tags.map((t) => t.toLowerCase()));
        const added = legacy.filter((t) => !known.has(t.toLowerCase()));
        if (added.length > 0) await sendNative('set-default-tags', { tags: [...tags, ...added] });
      }
      await forgetLegacyDefaultTags();
    } finally {
      moving = null;
    }
  })();
  return moving;
}

/** The daemon's default tags (after the one-time move). */
export async function defaultTags() {
  await moveLegacyDefaultTags();
  return (await sendNative('default-tags')).tags;
}

export async function setDefaultTags(tags) {
  const stored = (await sendNative('set-default-tags', { tags })).tags;
  await forgetLegacyDefaultTags(); // the new list replaces the old ones
  return stored;
}
