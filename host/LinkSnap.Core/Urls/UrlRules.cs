using System.Text.RegularExpressions;

namespace LinkSnap.Core.Urls;

/// <summary>
/// Which URLs can be captured (http and https only, bounded length, with a host) and how a URL is
/// normalized so that the same page saved twice lands on the same link.
/// </summary>
public static partial class UrlRules
{
    /// <summary>Longer URLs are refused: browsers and servers commonly stop at 8 KB.</summary>
    public const int MaxLength = 8 * 1024;

    public static bool TryParse(string? input, out Uri? url, out string? error)
    {
        try
        {
            url = Parse(input);
            error = null;
            return true;
        }
        catch (UrlRejectedException e)
        {
            url = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Validates a URL to capture; throws <see cref="UrlRejectedException"/> with a readable reason.</summary>
    public static Uri Parse(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new UrlRejectedException("The URL is empty: give an http:// or https:// address.");
        }

        if (text.Length > MaxLength)
        {
            throw new UrlRejectedException($"The URL is {text.Length:N0} characters long; the limit is {MaxLength:N0}. Shorten it (drop tracking parameters).");
        }

        var scheme = SchemePattern().Match(text);
        if (!scheme.Success)
        {
            throw new UrlRejectedException($"'{Shorten(text)}' has no scheme: write it as https://{Shorten(text)}");
        }

        var name = scheme.Groups[1].Value.ToLowerInvariant();
        if (name is not ("http" or "https"))
        {
            throw new UrlRejectedException(DescribeScheme(name));
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            throw new UrlRejectedException($"'{Shorten(text)}' is not a valid URL; check it for typos or stray spaces.");
        }

        if (string.IsNullOrEmpty(url.Host))
        {
            throw new UrlRejectedException($"'{Shorten(text)}' has no host name; a capture needs an address like https://example.org/page.");
        }

        return url;
    }

    private static string DescribeScheme(string scheme) => scheme switch
    {
        "file" => "file: URLs name files on this computer; only http and https pages can be captured.",
        "javascript" => "javascript: URLs are scripts, not pages; only http and https pages can be captured.",
        "data" => "data: URLs carry their content inline and have no page to capture; only http and https pages can be captured.",
        "chrome" or "edge" or "about" or "chrome-extension" or "moz-extension" or "view-source" =>
            $"{scheme}: URLs are browser-internal pages; only http and https pages can be captured.",
        _ => $"{scheme}: URLs cannot be captured; only http and https pages can.",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    /// <summary>
    /// What a person typed into a box, as a URL: a bare "example.org/page" (a dotted host name, an optional
    /// port and path, no scheme) gets https://, as a browser's address bar does. Anything else is left for
    /// <see cref="Parse"/> to accept or refuse with its reason.
    /// </summary>
    public static string AssumeHttps(string typed)
    {
        var text = typed.Trim();
        return BareHostPattern().IsMatch(text) ? "https://" + text : text;
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d{1,5})?([/?#]\S*)?$")]
    private static partial Regex BareHostPattern();
}
