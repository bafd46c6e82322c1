using LinkSnap.Core.Capture.Inlining;
using LinkSnap.Core.Capture.Readability;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>Small functions evaluated in the captured page (or in a blank helper page).</summary>
internal static class PageScripts
{
    /// <summary>
    /// Lazy images would be missing from every artifact: make them load now. Its argument is the list of
    /// lazy-image attributes (quality-rules.json). A script loader's real image goes into <c>src</c> when
    /// <c>src</c> is empty, a <c>data:</c> URL or a different image (a placeholder such as
    /// <c>/placeholder.png</c>); should the real one fail, the placeholder comes back. Returns the image count.
    /// </summary>
    public const string MakeImagesEager = $$"""
        (attributes) => {
          const resolve = (v) => { try { const u = new URL(v, document.baseURI); return /^(https?|data):$/.test(u.protocol) ? u.href : null; } catch (e) { return null; } };
          for (const img of document.querySelectorAll('img')) {
            if (img.loading === 'lazy') img.loading = 'eager';
            const name = attributes.find(a => (img.getAttribute(a) || '').trim());
            const real = name ? resolve(img.getAttribute(name).trim()) : null;
            const current = img.getAttribute('src') || '';
            if (real && real !== img.src && !img.hasAttribute('{{SnapshotPreparation.PlaceholderAttribute}}')) {
              img.setAttribute('{{SnapshotPreparation.PlaceholderAttribute}}', current);
              if (current !== '' && !current.startsWith('data:')) img.addEventListener('error', () => img.setAttribute('src', current), { once: true });
              img.setAttribute('src', real);
            }
            const srcset = img.getAttribute('data-srcset');
            if (srcset && !img.getAttribute('srcset')) img.setAttribute('srcset', srcset);
          }
          for (const s of document.querySelectorAll('source[data-srcset]')) {
            if (!s.getAttribute('srcset')) s.setAttribute('srcset', s.getAttribute('data-srcset'));
          }
          for (const f of document.querySelectorAll('iframe[loading="lazy"]')) f.loading = 'eager';
          return document.images.length;
        }
        """;

    /// <summary>
    /// Init script of fresh captures: a navigation the page starts in its own tab before its load
    /// event is held and started again once the page has loaded. Starting a navigation aborts the
    /// document's parser: a page that left for a host the capture refuses (whose navigation is then
    /// cancelled) was saved cut short at the script and never fired load, so the capture waited out
    /// the navigation timeout. One rule, one slot (the last request wins, as a later navigation
    /// replaces an earlier one in a browser too), caught where script can still stop it:
    /// the Navigation API's <c>navigate</c> event fires before Chromium aborts the document for
    /// every navigation of the tab (<c>location =</c>, <c>href =</c>, <c>assign()</c>, <c>replace()</c>,
    /// <c>reload()</c>, a link's <c>click()</c>; Location's members cannot be replaced by script);
    /// a form submission, though, aborts the parser when it is scheduled, before its navigate event,
    /// so forms are held at their two entries: the <c>submit</c> event (a button's <c>click()</c>,
    /// <c>requestSubmit()</c>, Enter), seen after the page's own handlers so a form the page sends
    /// itself (fetch) is left alone, and <c>submit()</c>, the one way that fires no event.
    /// A held form is sent as a copy holding the fields as they were (and the submitter's own name and value).
    /// </summary>
    public const string HoldNavigationsUntilLoad = """
        (() => {
          if (window !== window.top) return;
          let loaded = false, held = null;
          const own = (value) => !value || ['_self', '_top', '_parent'].includes(value.toLowerCase());
          const attr = (submitter, name, fallback) => submitter && submitter.hasAttribute('form' + name) ? submitter['form' + name[0].toUpperCase() + name.slice(1)] : fallback;
          const holdForm = (form, submitter) => {
            if (loaded || !own(attr(submitter, 'target', form.getAttribute('target'))) || attr(submitter, 'method', form.method) === 'dialog') return false;
            held = { url: attr(submitter, 'action', form.action), method: attr(submitter, 'method', form.method), enctype: attr(submitter, 'enctype', form.enctype), formData: new FormData(form, submitter || undefined) };
            return true;
          };
          const submit = HTMLFormElement.prototype.submit;
          HTMLFormElement.prototype.submit = function () { if (!holdForm(this, null)) submit.call(this); };
          addEventListener('submit', event => {
            // Added now, this listener runs after every submit listener the page has.
            addEventListener('submit', late => { if (late === event && !event.defaultPrevented && holdForm(event.target, event.submitter)) event.preventDefault(); }, { once: true });
          }, { capture: true });
          if (typeof navigation !== 'undefined') {
            navigation.addEventListener('navigate', event => {
              if (loaded || !event.cancelable || event.destination.sameDocument || event.downloadRequest !== null || event.navigationType === 'traverse') return;
              event.preventDefault();
              held = event.formData
                ? { url: event.destination.url, method: 'post', enctype: 'multipart/form-data', formData: event.formData }
                : { url: event.destination.url, type: event.navigationType };
            });
          }
          const send = ({ url, method, enctype, formData }) => {
            const copy = document.createElement('form');
            Object.assign(copy, { action: url, method, enctype, hidden: true });
            for (const [name, value] of formData) {
              const input = Object.assign(document.createElement('input'), { name, type: typeof value === 'string' ? 'hidden' : 'file' });
              if (typeof value === 'string') { input.value = value; } else { const files = new DataTransfer(); files.items.add(value); input.files = files.files; }
              copy.append(input);
            }
            (document.body || document.documentElement).append(copy);
            submit.call(copy);
          };
          addEventListener('load', () => {
            loaded = true;
            const next = held;
            held = null;
            if (!next) return;
            if (next.formData) send(next);
            else if (next.type === 'reload') location.reload();
            else if (next.type === 'replace') location.replace(next.url);
            else location.assign(next.url);
          }, { once: true });
        })();
        """;

    public const string ImagesComplete = "() => Array.from(document.images).every(i => i.complete)";

    /// <summary>[width, height] of the whole document, measured as Playwright does for full-page screenshots.</summary>
    public const string PageSize = """
        () => {
          const d = document.documentElement, b = document.body;
          const w = Math.max(d ? d.scrollWidth : 0, d ? d.offsetWidth : 0, d ? d.clientWidth : 0, b ? b.scrollWidth : 0, b ? b.offsetWidth : 0);
          const h = Math.max(d ? d.scrollHeight : 0, d ? d.offsetHeight : 0, d ? d.clientHeight : 0, b ? b.scrollHeight : 0, b ? b.offsetHeight : 0);
          return [Math.ceil(w), Math.ceil(h)];
        }
        """;

    /// <summary>
    /// Head metadata (meta, Open Graph, JSON-LD, links) and the start of the visible text: of the main
    /// container when the page marks one (<see cref="ArticleFallback.PageTextScript"/>), with the whole body's length.
    /// </summary>
    public const string Facts = """
        () => {
          const meta = (sel) => { const el = document.querySelector(sel); const v = el && el.getAttribute('content'); return v && v.trim() ? v.trim() : null; };
          const link = (sel) => { const el = document.querySelector(sel); return el && el.href ? el.href : null; };
          const ld = {};
          for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
            try {
              const json = JSON.parse(s.textContent);
              for (const it of [].concat(json && json['@graph'] ? json['@graph'] : json)) {
                if (!it || typeof it !== 'object') continue;
                ld.datePublished ??= it.datePublished;
                ld.description ??= it.description;
                if (it.author) { const a = [].concat(it.author)[0]; ld.author ??= typeof a === 'string' ? a : (a && a.name); }
                if (it.publisher && it.publisher.name) ld.publisher ??= it.publisher.name;
              }
            } catch (e) { }
          }
          const page = (
        """
        + ArticleFallback.PageTextScript
        + """
        )();
          return {
            title: document.title || meta('meta[property="og:title"]'),
            lang: (document.documentElement && document.documentElement.getAttribute('lang')) || meta('meta[http-equiv="content-language" i]'),
            description: meta('meta[name="description" i]') || meta('meta[property="og:description"]') || (typeof ld.description === 'string' ? ld.description : null),
            siteName: meta('meta[property="og:site_name"]') || meta('meta[name="application-name" i]') || ld.publisher || null,
            published: meta('meta[property="article:published_time"]') || meta('meta[name="date" i]') || meta('meta[itemprop="datePublished"]')
              || (typeof ld.datePublished === 'string' ? ld.datePublished : null)
              || (document.querySelector('time[datetime]') ? document.querySelector('time[datetime]').getAttribute('datetime') : null),
            author: meta('meta[name="author" i]') || (typeof ld.author === 'string' ? ld.author : null),
            canonical: link('link[rel~="canonical" i]'),
            icon: link('link[rel~="icon" i]') || link('link[rel~="apple-touch-icon" i]'),
            text: page.text,
            textLength: page.length,
          };
        }
        """;

    /// <summary>Scales an image (base64 bytes) to a width in a canvas and returns a base64 PNG/WebP.</summary>
    public const string Thumbnail = """
        async ([base64, type, width]) => {
          const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
          const url = URL.createObjectURL(new Blob([bytes], { type }));
          try {
            const img = new Image();
            img.src = url;
            await img.decode();
            const w = Math.min(width, img.naturalWidth || width);
            const h = Math.max(1, Math.round((img.naturalHeight || w) * w / (img.naturalWidth || w)));
            const canvas = new OffscreenCanvas(w, h);
            const ctx = canvas.getContext('2d');
            ctx.imageSmoothingQuality = 'high';
            ctx.drawImage(img, 0, 0, w, h);
            const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
            const out = new Uint8Array(await blob.arrayBuffer());
            let s = '';
            for (let i = 0; i < out.length; i += 0x8000) s += String.fromCharCode.apply(null, out.subarray(i, i + 0x8000));
            return { type: blob.type, data: btoa(s) };
          } finally {
            URL.revokeObjectURL(url);
          }
        }
        """;
}
