using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Turns one HTML document of the archive (the page or a frame) into a self-contained, script-free
/// document: every element is visited once, without recursion (pages nest deeply), and handed to
/// the rule for its kind.
/// </summary>
internal sealed class DocumentConverter
{
    private readonly InliningContext _context;
    private readonly int _depth;
    private readonly ScriptStripper _scripts;
    private IDocument _document = null!;
    private Uri _base = null!;
    private bool _showNoScript;

    public DocumentConverter(InliningContext context, int depth)
    {
        _context = context;
        _depth = depth;
        _scripts = new ScriptStripper(context);
    }

    public IDocument Convert(string html, Uri documentUrl)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        _document = parser.ParseDocument(html);
        _base = DocumentBase(documentUrl);
        _showNoScript = _context.Options.ShowNoScriptContent || !HasVisibleContent(_document.Body);
        _context.Variables.BeginScope();
        Walk(_document);
        DefineVariables(_context.Variables.EndScope());
        ContentPolicy.Apply(_document);
        return _document;
    }

    private void Walk(INode root)
    {
        var stack = new Stack<INode>();
        PushChildren(stack, root.ChildNodes);
        while (stack.Count > 0)
        {
            if (stack.Pop() is not IElement element)
            {
                continue;
            }

            DeclarativeShadowRoots.Restore(element);
            var children = element.ChildNodes;
            var snapshot = children.Length == 0 ? [] : children.ToArray();
            if (Visit(element))
            {
                PushChildren(stack, snapshot);
                if (element is IHtmlTemplateElement template)
                {
                    // Declarative shadow roots become live when the copy is parsed: their content counts too.
                    PushChildren(stack, template.Content.ChildNodes);
                }
            }
        }
    }

    private static void PushChildren(Stack<INode> stack, IEnumerable<INode> children)
    {
        foreach (var child in children.Reverse())
        {
            stack.Push(child);
        }
    }

    /// <summary>Applies the rules for one element; false when it is gone and its content is not to be visited.</summary>
    private bool Visit(IElement element)
    {
        if (_scripts.RemoveIfUnsafe(element))
        {
            return false;
        }

        _scripts.CleanAttributes(element);
        if (element.GetAttribute("style") is { } style && style.Length > 0)
        {
            var rewritten = _context.RewriteCss(style, _base);
            if (!ReferenceEquals(rewritten, style))
            {
                element.SetAttribute("style", rewritten);
            }
        }

        if (element.NamespaceUri == NamespaceNames.SvgUri)
        {
            new SvgRules(_context, _base).Apply(element);
            return true;
        }

        if (element.NamespaceUri != NamespaceNames.HtmlUri)
        {
            return true;
        }

        var resources = new ResourceRules(_context, _base);
        switch (element.LocalName)
        {
            case "noscript":
                return Unwrap(element);
            case "link":
                return new LinkRules(_context, _base).Apply(element);
            case "style":
                ReplaceStyleText(element);
                return false;
            case "iframe" or "frame":
                new FrameRules(_context, _depth).Apply(element, _base);
                return true;
            case "object":
                // Plugins never load in a saved copy; the fallback content is what a reader sees.
                element.Replace([.. element.ChildNodes]);
                return true;
            default:
                return resources.Apply(element);
        }
    }

    private void DefineVariables(HashSet<int> used)
    {
        if (_context.Variables.Definitions(used) is not { } css)
        {
            return;
        }

        var style = _document.CreateElement("style");
        style.TextContent = CssRewriter.ForStyleElement(css);
        var head = _document.Head ?? _document.DocumentElement;
        head.InsertBefore(style, head.FirstChild);
    }

    private bool Unwrap(IElement noscript)
    {
        if (!_showNoScript)
        {
            noscript.Remove();
            return false;
        }

        noscript.Replace([.. noscript.ChildNodes]);
        return true;
    }

    private void ReplaceStyleText(IElement style)
    {
        var css = style.TextContent;
        var rewritten = _context.RewriteCss(css, _base);
        if (!ReferenceEquals(css, rewritten) || css.Contains("</", StringComparison.Ordinal))
        {
            style.TextContent = CssRewriter.ForStyleElement(rewritten);
        }
    }

    private Uri DocumentBase(Uri documentUrl)
    {
        var href = _document.QuerySelector("base[href]")?.GetAttribute("href");
        return href is not null && UrlKeys.Resolve(documentUrl, href) is { Scheme: "http" or "https" } baseUrl ? baseUrl : documentUrl;
    }

    /// <summary>Whether the body shows anything besides noscript fallbacks (a walk that skips their subtrees).</summary>
    private static bool HasVisibleContent(IElement? body)
    {
        if (body is null)
        {
            return false;
        }

        var stack = new Stack<INode>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                if (!string.IsNullOrWhiteSpace(text.Data))
                {
                    return true;
                }

                continue;
            }

            if (node is not IElement element || element.LocalName is "noscript" or "script" or "style" or "template")
            {
                continue;
            }

            if (element.LocalName is "img" or "svg" or "video" or "canvas" or "iframe" or "picture" or "input")
            {
                return true;
            }

            foreach (var child in element.ChildNodes)
            {
                stack.Push(child);
            }
        }

        return false;
    }
}
