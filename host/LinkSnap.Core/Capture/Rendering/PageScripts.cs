namespace LinkSnap.Core.Capture.Rendering;

/// <summary>Small functions evaluated in the captured page (or in a blank helper page).</summary>
internal static class PageScripts
{
    /// <summary>Lazy images would be missing from every artifact: make them load now. Returns the image count.</summary>
    public const string MakeImagesEager = """
        () => {
          for (const img of document.querySelectorAll('img')) {
            if (img.loading === 'lazy') img.loading = 'eager';
            const src = img.getAttribute('data-src') || img.getAttribute('data-lazy-src') || img.getAttribute('data-original');
            const current = img.getAttribute('src') || '';
            if (src && (current === '' || current.startsWith('data:'))) img.setAttribute('src', src);
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
    /// Init script of fresh captures: a form submitted by script while the document loads waits
    /// for the load event. Starting a navigation aborts the document's parser, so a page that
    /// submitted a form during parsing (to a host the capture refuses, whose navigation is then
    /// cancelled) was saved cut short at the form and never fired load.
    /// </summary>
    public const string DeferFormSubmissions = """
        (() => {
          const proto = HTMLFormElement.prototype, submit = proto.submit, requestSubmit = proto.requestSubmit;
          let loaded = false;
          const waiting = [];
          addEventListener('load', () => { loaded = true; for (const run of waiting.splice(0)) run(); }, { once: true });
          proto.submit = function () { if (loaded) return submit.call(this); waiting.push(() => submit.call(this)); };
          proto.requestSubmit = function (submitter) { if (loaded) return requestSubmit.call(this, submitter); waiting.push(() => requestSubmit.call(this, submitter)); };
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

    /// <summary>Head metadata (meta, Open Graph, JSON-LD, links) and the start of the visible text.</summary>
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
          const text = document.body ? document.body.innerText || '' : '';
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
            text: text.slice(0, 4000),
            textLength: text.length,
            markers: ['#challenge-form', '#challenge-running', '#cf-challenge-running', '.cf-browser-verification', '.g-recaptcha', '.h-captcha', 'iframe[src*="captcha" i]', 'script[src*="/cdn-cgi/challenge-platform/"]']
              .filter(sel => { try { return !!document.querySelector(sel); } catch (e) { return false; } }),
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
