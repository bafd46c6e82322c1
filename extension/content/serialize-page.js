// Injected into the tab by the background (scripting.executeScript): returns the live DOM as HTML,
// including what scripts changed after load and what the user typed into forms. Scripts stay in the
// markup; the daemon removes them when it renders the copy. The value of the last expression is the result.
(() => {
  const root = document.documentElement.cloneNode(true);

  // Form state lives in properties, not attributes: copy it so the copy shows what the user saw.
  const live = document.documentElement.querySelectorAll('input, textarea, select');
  const copies = root.querySelectorAll('input, textarea, select');
  live.forEach((el, i) => {
    const copy = copies[i];
    if (!copy) return;
    if (el instanceof HTMLInputElement) {
      if (el.type === 'checkbox' || el.type === 'radio') {
        copy.toggleAttribute('checked', el.checked);
      } else if (el.type !== 'password' && el.type !== 'file') {
        copy.setAttribute('value', el.value);
      }
    } else if (el instanceof HTMLTextAreaElement) {
      copy.textContent = el.value;
    } else if (el instanceof HTMLSelectElement) {
      Array.from(copy.options).forEach((o, j) => o.toggleAttribute('selected', el.options[j]?.selected ?? false));
    }
  });

  // Canvases keep their pixels only as images.
  const canvases = document.querySelectorAll('canvas');
  const canvasCopies = root.querySelectorAll('canvas');
  canvases.forEach((c, i) => {
    try {
      const img = document.createElement('img');
      img.src = c.toDataURL();
      img.width = c.width;
      img.height = c.height;
      canvasCopies[i]?.replaceWith(img);
    } catch {
      // A tainted canvas cannot be read; it is left as it is.
    }
  });

  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '<!DOCTYPE html>';
  return { html: `${doctype}\n${root.outerHTML}`, url: location.href, title: document.title };
})();
