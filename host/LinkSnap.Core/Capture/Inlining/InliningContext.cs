namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// State shared by one conversion (the page and all its frames): the archive, caches of rewritten
/// stylesheets, and the counts reported in <see cref="InliningStats"/>.
/// </summary>
internal sealed class InliningContext(MhtmlArchive archive, InliningOptions options)
{
    private readonly HashSet<ArchivePart> _inlined = [];
    private readonly Dictionary<ArchivePart, (string Text, HashSet<int> Variables)> _stylesheets = [];
    private readonly Dictionary<ArchivePart, string> _stylesheetUris = [];
    private readonly HashSet<ArchivePart> _stylesheetsInProgress = [];
    private readonly List<string> _missingUrls = [];
    private long _inlinedBytes;

    private const int MaxListedMissing = 50;

    public MhtmlArchive Archive { get; } = archive;

    public CssImageVariables Variables { get; } = new();

    public InliningOptions Options { get; } = options;

    public int Missing { get; set; }

    public int Frames { get; set; }

    public int ScriptsRemoved { get; set; }

    public InliningStats Stats => new()
    {
        ResourcesInlined = _inlined.Count,
        ResourcesMissing = Missing,
        FramesInlined = Frames,
        ScriptsRemoved = ScriptsRemoved,
        InlinedBytes = _inlinedBytes,
        ArchiveParts = Archive.PartCount,
        MissingUrls = _missingUrls,
    };

    /// <summary>The archive part a reference points to, or null (counted as missing) when it is not there.</summary>
    public ArchivePart? FindPart(Uri baseUri, string reference)
    {
        var url = UrlKeys.Resolve(baseUri, reference);
        var part = url is null ? null : Archive.Find(url);
        if (part is null || part.Bytes.Length > Options.MaxResourceBytes)
        {
            Missing++;
            if (_missingUrls.Count < MaxListedMissing)
            {
                _missingUrls.Add(url?.AbsoluteUri ?? reference);
            }

            return null;
        }

        return part;
    }

    /// <summary>
    /// A data: URI for a subresource reference (image, font, media...), or null when the archive
    /// does not have it. data: references are kept as they are.
    /// </summary>
    public string? ResourceUri(Uri baseUri, string reference)
    {
        var cleaned = UrlKeys.Clean(reference);
        if (cleaned.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return cleaned;
        }

        var part = FindPart(baseUri, cleaned);
        if (part is null)
        {
            return null;
        }

        if (part.IsCss)
        {
            return StylesheetUri(part, baseUri);
        }

        Count(part);
        var hash = cleaned.IndexOf('#');
        // SVG fragment identifiers (#id, #svgView(...)) pick what a sprite shows; other types ignore them.
        return hash > 0 && part.MimeType == "image/svg+xml" ? part.DataUri + cleaned[hash..] : part.DataUri;
    }

    /// <summary>
    /// Rewrites a stylesheet's references against its own base URL. Large images become variables
    /// where var() is allowed (not in SVG presentation attributes).
    /// </summary>
    public string RewriteCss(string css, Uri baseUri, bool allowVariables = true) =>
        CssRewriter.Rewrite(
            css,
            (url, variableAllowed) => CssResource(baseUri, url, allowVariables && variableAllowed),
            url => FindPart(baseUri, url) is { } part ? StylesheetUri(part, baseUri) : null);

    /// <summary>
    /// The rewritten text of a stylesheet part (computed once); empty while it is being imported
    /// (cycles). Its references resolve against its own URL, or the referrer's for cid: parts.
    /// </summary>
    public string StylesheetText(ArchivePart part, Uri referrerBase)
    {
        if (_stylesheets.TryGetValue(part, out var cached))
        {
            Variables.Use(cached.Variables);
            return cached.Text;
        }

        if (!_stylesheetsInProgress.Add(part))
        {
            return "";
        }

        var baseUri = part.Location is { } location && Uri.TryCreate(location, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : referrerBase;
        Variables.BeginScope();
        var text = RewriteCss(part.GetText(), baseUri);
        var variables = Variables.EndScope();
        _stylesheetsInProgress.Remove(part);
        _stylesheets[part] = (text, variables);
        Variables.Use(variables);
        Count(part);
        return text;
    }

    private string StylesheetUri(ArchivePart part, Uri referrerBase)
    {
        // Called even when the URI is cached: it records the sheet's variables in the current scope.
        var text = StylesheetText(part, referrerBase);
        if (!_stylesheetUris.TryGetValue(part, out var uri))
        {
            uri = DataUris.FromText("text/css", text);
            _stylesheetUris[part] = uri;
        }

        return uri;
    }

    private string CssResource(Uri baseUri, string url, bool variableAllowed)
    {
        // url(#id) points into the document (SVG filters, masks); an empty url() loads nothing.
        if (url.Length == 0 || url.StartsWith('#'))
        {
            return url;
        }

        var uri = ResourceUri(baseUri, url) ?? DataUris.Empty;
        return variableAllowed && uri.Length >= CssImageVariables.MinLength ? Variables.Reference(uri) : uri;
    }

    private void Count(ArchivePart part)
    {
        if (_inlined.Add(part))
        {
            _inlinedBytes += part.Bytes.Length;
        }
    }
}
