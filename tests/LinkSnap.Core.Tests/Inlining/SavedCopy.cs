using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Inlining;

/// <summary>A converted document, parsed back, with the checks every test makes.</summary>
internal sealed class SavedCopy
{
    private static readonly string[] LoadingAttributes = ["src", "srcset", "poster", "background", "data"];

    public SavedCopy(string html)
    {
        Html = html;
        Document = new HtmlParser().ParseDocument(html);
    }

    public string Html { get; }

    public IHtmlDocument Document { get; }

    public IElement Single(string selector) =>
        Document.QuerySelector(selector) ?? throw new AssertionException($"no {selector} in:\n{Html}");

    public SavedCopy Frame(string selector) => new(Single(selector).GetAttribute("srcdoc") ?? throw new AssertionException("no srcdoc"));

    /// <summary>Nothing in the document would make a request: every loading URL is data: (or in-page).</summary>
    public SavedCopy AssertSelfContained()
    {
        foreach (var element in Document.All)
        {
            foreach (var name in LoadingAttributes)
            {
                if (element.GetAttribute(name) is { } value && value.Length > 0)
                {
                    Assert.That(value, Does.StartWith("data:"), $"<{element.LocalName} {name}> loads from the network");
                }
            }

            if (element.LocalName is "link")
            {
                var rel = element.GetAttribute("rel") ?? "";
                Assert.That(rel, Does.Not.Contain("stylesheet").And.Not.Contain("pre"), "a link that loads survived");
                if (rel.Contains("icon"))
                {
                    Assert.That(element.GetAttribute("href"), Does.StartWith("data:"));
                }
            }

            foreach (var attribute in element.Attributes.Where(a => a.LocalName == "href" && element.NamespaceUri == AngleSharp.Dom.NamespaceNames.SvgUri && element.LocalName != "a"))
            {
                Assert.That(attribute.Value, Does.StartWith("data:").Or.StartWith("#"));
            }
        }

        var styles = string.Join("\n", Document.QuerySelectorAll("style").Select(s => s.TextContent))
            + string.Join("\n", Document.All.Select(e => e.GetAttribute("style") ?? ""));
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(styles, @"url\(\s*[""']?([^""')]*)"))
        {
            Assert.That(match.Groups[1].Value, Does.StartWith("data:").Or.StartWith("#"), "a CSS url() loads from the network");
        }

        Assert.That(Document.QuerySelectorAll("script, base, noscript, object, embed, meta[http-equiv=refresh]"), Is.Empty);
        Assert.That(Html, Does.Not.Contain("javascript:").IgnoreCase);
        Assert.That(Document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)), Is.Empty);
        var first = Document.Head!.FirstElementChild!;
        Assert.That(first.GetAttribute("http-equiv"), Is.EqualTo("Content-Security-Policy"));
        Assert.That(first.GetAttribute("content"), Does.StartWith("default-src 'none'"));
        return this;
    }

    /// <summary>The bytes behind a data: URI.</summary>
    public static byte[] DataBytes(string dataUri)
    {
        Assert.That(dataUri, Does.StartWith("data:"));
        var comma = dataUri.IndexOf(',');
        var meta = dataUri[..comma];
        var payload = dataUri[(comma + 1)..];
        return meta.EndsWith(";base64", StringComparison.Ordinal)
            ? Convert.FromBase64String(payload)
            : System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload));
    }

    public static string DataText(string dataUri) => System.Text.Encoding.UTF8.GetString(DataBytes(dataUri));
}
