using System.Text;

namespace LinkSnap.Core.Urls;

/// <summary>
/// Turns the URL of a page into the key its link is filed under: lowercase scheme and host (IDN as
/// punycode), no default port, no fragment, tracking parameters removed, remaining parameters sorted.
/// The path is kept as is: servers may treat case and trailing slashes as different pages.
/// </summary>
public static class UrlNormalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    };

    public static string Normalize(Uri url)
    {
        var builder = new StringBuilder();
        builder.Append(url.Scheme.ToLowerInvariant()).Append("://");
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            builder.Append(url.UserInfo).Append('@');
        }

        builder.Append(Host(url));
        if (!url.IsDefaultPort)
        {
            builder.Append(':').Append(url.Port);
        }

        var path = url.AbsolutePath;
        builder.Append(path.Length == 0 ? "/" : path);

        var query = NormalizeQuery(url.Query);
        if (query.Length > 0)
        {
            builder.Append('?').Append(query);
        }

        return builder.ToString();
    }

    /// <summary>The host a person would call the site: lowercase, without a leading "www.".</summary>
    public static string Site(Uri url)
    {
        var host = url.HostNameType == UriHostNameType.Dns ? url.Host.ToLowerInvariant() : Host(url);
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static string Host(Uri url) => url.HostNameType switch
    {
        UriHostNameType.IPv6 => url.Host.ToLowerInvariant(),
        _ => url.IdnHost.ToLowerInvariant(),
    };

    private static string NormalizeQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = query[1..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair))
            .OrderBy(pair => pair.Split('=', 2)[0], StringComparer.Ordinal)
            .ThenBy(pair => pair, StringComparer.Ordinal);
        return string.Join('&', kept);
    }

    private static bool IsTracking(string pair)
    {
        var name = Uri.UnescapeDataString(pair.Split('=', 2)[0]);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }
}
