using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// What to do to a settled page just before <c>Page.captureSnapshot</c> so that the saved copy can
/// show it. Chromium's MHTML writer drops srcset (for an image without src it keeps no trace of the
/// candidate it displayed) and the stylesheets of shadow roots (their &lt;style&gt; elements and
/// adopted sheets), and it keeps no canvas pixels. All are written into attributes — the page itself does not change — which the
/// converter reads and removes.
/// </summary>
public static class SnapshotPreparation
{
    /// <summary>Attribute holding the URL an image displayed; the converter reads and removes it.</summary>
    public const string CurrentSourceAttribute = "data-linksnap-current-src";

    /// <summary>Attribute of a shadow host holding the CSS of its (open) shadow root.</summary>
    public const string ShadowCssAttribute = "data-linksnap-shadow-css";

    /// <summary>
    /// Attribute the eager-image pass (PageScripts.MakeImagesEager) leaves on an image whose placeholder
    /// <c>src</c> it replaced, so a second pass does not swap again; the converter removes it.
    /// </summary>
    public const string PlaceholderAttribute = "data-linksnap-placeholder";

    /// <summary>Attribute of a &lt;canvas&gt; holding its pixels as a data: URI (MHTML keeps no canvas content).</summary>
    public const string CanvasAttribute = "data-linksnap-canvas";

    /// <summary>Marks the images and canvases of the document and of its open shadow roots, and the shadow roots' CSS.</summary>
    public const string MarkCurrentSourcesScript = """
        () => {
          const text = sheet => { try { return [...sheet.cssRules].map(r => r.cssText).join('\n'); } catch { return ''; } };
          const mark = root => {
            for (const img of root.querySelectorAll('img')) {
              if (img.currentSrc && !img.currentSrc.startsWith('data:') && img.complete && img.naturalWidth > 0) {
                img.setAttribute('data-linksnap-current-src', img.currentSrc);
              }
            }
            for (const canvas of root.querySelectorAll('canvas')) {
              try {
                if (canvas.width > 0 && canvas.height > 0 && canvas.width * canvas.height <= 16777216) {
                  canvas.setAttribute('data-linksnap-canvas', canvas.toDataURL());
                }
              } catch { /* a tainted canvas cannot be read */ }
            }
            for (const el of root.querySelectorAll('*')) {
              if (!el.shadowRoot) continue;
              const css = [...el.shadowRoot.styleSheets, ...(el.shadowRoot.adoptedStyleSheets || [])].map(text).filter(t => t).join('\n');
              if (css) el.setAttribute('data-linksnap-shadow-css', css);
              mark(el.shadowRoot);
            }
          };
          mark(document);
        }
        """;

    /// <summary>Runs <see cref="MarkCurrentSourcesScript"/> in every frame; frames that went away are skipped.</summary>
    public static async Task MarkCurrentSourcesAsync(IPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var frame in page.Frames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await frame.EvaluateAsync(MarkCurrentSourcesScript).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // A detached or hung frame keeps Chromium's own choice of src.
            }
        }
    }
}
