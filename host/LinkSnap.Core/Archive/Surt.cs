namespace LinkSnap.Core.Archive;

/// <summary>
/// Sort-friendly URI keys (SURT) as warcio and ReplayWeb.page compute them: "www" dropped, host
/// reversed with commas, ")" then path and the sorted query, all lower case.
/// </summary>
public static class Surt
{
    public static string Of(string url)
    {
        if (!url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            return url;
        }

        if (!Uri.TryCreate(url.ToLowerInvariant(), UriKind.Absolute, out var uri))
        {
            return url;
        }

        var host = uri.IdnHost;
        var www = host.StartsWith("www", StringComparison.Ordinal) ? host.IndexOf('.') : -1;
        if (www > 0 && host[3..www].All(char.IsAsciiDigit))
        {
            host = host[(www + 1)..];
        }

        var key = string.Join(',', host.Split('.').Reverse());
        if (!uri.IsDefaultPort)
        {
            key += ":" + uri.Port;
        }

        key += ")" + uri.AbsolutePath;
        if (uri.Query.Length > 1)
        {
            key += "?" + string.Join('&', uri.Query[1..].Split('&').Order(StringComparer.Ordinal));
        }

        return key;
    }
}
