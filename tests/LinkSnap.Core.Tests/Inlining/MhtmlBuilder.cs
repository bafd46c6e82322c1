using System.Text;

namespace LinkSnap.Core.Tests.Inlining;

/// <summary>Writes MHTML the way Chromium does: text parts quoted-printable, binary parts base64.</summary>
internal sealed class MhtmlBuilder
{
    private const string Boundary = "----MultipartBoundary--test42----";
    private readonly StringBuilder _parts = new();
    private readonly string _pageUrl;

    public MhtmlBuilder(string pageUrl, string html, string? charset = null)
    {
        _pageUrl = pageUrl;
        Text(pageUrl, "text/html", html, charset, contentId: "<frame-main@mhtml.blink>");
    }

    public MhtmlBuilder Text(string location, string type, string text, string? charset = null, string? contentId = null)
    {
        var bytes = (charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset)).GetBytes(text);
        return Part(location, type + (charset is null ? "" : "; charset=" + charset), QuotedPrintable(bytes), "quoted-printable", contentId);
    }

    public MhtmlBuilder Binary(string location, string type, byte[] bytes) =>
        Part(location, type, Base64(bytes), "base64", null);

    public MhtmlBuilder Frame(string contentId, string location, string html) =>
        Text(location, "text/html", html, contentId: "<" + contentId + ">");

    public override string ToString() =>
        "From: <Saved by Blink>\r\n"
        + "Snapshot-Content-Location: " + _pageUrl + "\r\n"
        + "Subject: test\r\n"
        + "Date: Sat, 28 Nov 2026 17:00:00 -0000\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + Boundary + "\"\r\n\r\n\r\n"
        + _parts + "--" + Boundary + "--\r\n";

    private MhtmlBuilder Part(string location, string type, string body, string encoding, string? contentId)
    {
        _parts.Append("--").Append(Boundary).Append("\r\n")
            .Append("Content-Type: ").Append(type).Append("\r\n");
        if (contentId is not null)
        {
            _parts.Append("Content-ID: ").Append(contentId).Append("\r\n");
        }

        _parts.Append("Content-Transfer-Encoding: ").Append(encoding).Append("\r\n")
            .Append("Content-Location: ").Append(location).Append("\r\n\r\n")
            .Append(body).Append("\r\n\r\n");
        return this;
    }

    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks);

    /// <summary>RFC 2045 quoted-printable with soft line breaks at 76 columns, written out by hand.</summary>
    private static string QuotedPrintable(byte[] bytes)
    {
        var output = new StringBuilder();
        var column = 0;
        foreach (var b in bytes)
        {
            string token = b == '\n' ? "\r\n"
                : b == '\r' ? ""
                : b is >= 33 and <= 126 && b != '=' || b == ' ' ? ((char)b).ToString()
                : "=" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
            if (token == "\r\n")
            {
                output.Append(token);
                column = 0;
                continue;
            }

            if (column + token.Length > 75)
            {
                output.Append("=\r\n");
                column = 0;
            }

            output.Append(token);
            column += token.Length;
        }

        return output.ToString();
    }
}
