using System.Globalization;
using System.Text;

namespace LinkSnap.Core.Export;

/// <summary>
/// Netscape bookmark HTML, the file every browser imports: each link sits in the folder of its first
/// tag (a hierarchical tag "a/b" is folder b inside folder a), carries all its tags in TAGS=, its
/// saved and edited times in ADD_DATE/LAST_MODIFIED (Unix seconds), its read/private states in
/// TOREAD/PRIVATE and its note as &lt;DD&gt;.
/// The links arrive sorted by folder (<see cref="ExportReader.Read"/>), so folders open and close as
/// the walk goes and nothing is held back.
/// </summary>
internal static class NetscapeExportWriter
{
    private const int FlushAt = 64 * 1024;

    public static async Task WriteAsync(IEnumerable<ExportLink> links, Stream stream, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        var text = new StringBuilder();
        text.Append("""
            <!DOCTYPE NETSCAPE-Bookmark-file-1>
            <!-- This is an automatically generated file.
                 It will be read and overwritten.
                 DO NOT EDIT! -->
            <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
            <TITLE>Bookmarks</TITLE>
            <H1>Bookmarks</H1>
            <DL><p>

            """);
        var open = new List<string>();
        foreach (var link in links)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = link.Folder?.Split('/') ?? [];
            var shared = 0;
            while (shared < open.Count && shared < path.Length && open[shared] == path[shared])
            {
                shared++;
            }

            while (open.Count > shared)
            {
                open.RemoveAt(open.Count - 1);
                Indent(text, open.Count + 1).Append("</DL><p>\n");
            }

            for (var i = shared; i < path.Length; i++)
            {
                Indent(text, open.Count + 1).Append("<DT><H3>").Append(Escape(path[i])).Append("</H3>\n");
                Indent(text, open.Count + 1).Append("<DL><p>\n");
                open.Add(path[i]);
            }

            WriteLink(Indent(text, open.Count + 1), link);
            if (text.Length > FlushAt)
            {
                await writer.WriteAsync(text, cancellationToken);
                text.Clear();
            }
        }

        for (var depth = open.Count; depth > 0; depth--)
        {
            Indent(text, depth).Append("</DL><p>\n");
        }

        text.Append("</DL><p>\n");
        await writer.WriteAsync(text, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteLink(StringBuilder text, ExportLink link)
    {
        text.Append("<DT><A HREF=\"").Append(Escape(link.Url))
            .Append("\" ADD_DATE=\"").Append(Seconds(link.SavedAt))
            .Append("\" LAST_MODIFIED=\"").Append(Seconds(link.UpdatedAt)).Append('"');
        if (link.Tags.Count > 0)
        {
            text.Append(" TAGS=\"").Append(Escape(string.Join(',', link.Tags))).Append('"');
        }

        // Pinboard's attributes: TOREAD="1" is unread; "0" says it was read, so that a re-import keeps it.
        text.Append(" TOREAD=\"").Append(link.Flag("is_read") ? '0' : '1').Append('"');
        if (link.Flag("is_private"))
        {
            text.Append(" PRIVATE=\"1\"");
        }

        text.Append('>').Append(Escape(link.Title.Length > 0 ? link.Title : link.Url)).Append("</A>\n");
        if (link.Note.Length > 0)
        {
            text.Append("<DD>").Append(Escape(link.Note)).Append('\n');
        }
    }

    private static string Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static StringBuilder Indent(StringBuilder text, int depth) => text.Append(' ', depth * 4);

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
