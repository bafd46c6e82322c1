using System.Net;
using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Cli;

/// <summary>How the CLI shows API answers to a person (and, with --json, to a script).</summary>
public static class CliOutput
{
    public static void WriteJson(TextWriter output, object value) =>
        output.WriteLine(JsonSerializer.Serialize(value, value.GetType(), SnapshotJson.Indented));

    /// <summary>A value as the API writes it (an enum's word, a time in UTC), so text and --json say the same.</summary>
    public static string Word<T>(T value) => JsonSerializer.SerializeToElement(value, SnapshotJson.Options) is { ValueKind: JsonValueKind.String } s ? s.GetString()! : $"{value}";

    public static void WriteLinks(TextWriter output, LinkPageDto page)
    {
        if (page.Items.Count == 0)
        {
            output.WriteLine("No links.");
            return;
        }

        foreach (var link in page.Items)
        {
            var status = link.Latest is { } latest ? Word(latest.Status) : "-";
            var tags = string.Join(", ", link.Tags);
            output.WriteLine($"{link.Id,6}  {status,-8} {link.Title ?? link.Url}{StateWords(link)}");
            output.WriteLine($"        {link.Url}{(tags.Length > 0 ? "  [" + tags + "]" : "")}");
            if (link.Snippet is { Length: > 0 } html)
            {
                output.WriteLine("        " + SnippetText(html));
            }
        }

        output.WriteLine($"({page.Items.Count} of {page.Total}{(page.TotalIsLowerBound ? "+" : "")})");
    }

    public static void WriteLinkHeader(TextWriter output, LinkDto link)
    {
        output.WriteLine($"Link {link.Id}: {link.Title ?? "(no title yet)"}");
        output.WriteLine($"  url:   {link.Url}");
        output.WriteLine($"  tags:  {string.Join(", ", link.Tags)}");
        if (link.Note is { Length: > 0 } note)
        {
            output.WriteLine($"  note:  {note}");
        }

        output.WriteLine($"  saved: {Word(link.CreatedAt)}, {link.SnapshotCount} snapshot(s)");
        output.WriteLine($"  state: {(StateWords(link) is { Length: > 0 } states ? states.Trim(' ', '(', ')') : "unread")}");
    }

    /// <summary>One line per URL of a list capture: queued (link, snapshot), in the background import, or refused with the reason.</summary>
    public static void WriteCaptureList(TextWriter output, CaptureListResult result)
    {
        foreach (var item in result.Items)
        {
            output.WriteLine(item.Status switch
            {
                CaptureListItem.Queued => $"queued      {item.Url}  (link {item.LinkId}, snapshot {item.SnapshotId})",
                CaptureListItem.Background => $"background  {item.Url}  (import {item.ImportId})",
                _ => $"invalid     {item.Url}  ({item.Position}: {item.Reason})",
            });
        }

        if (result.Duplicates > 0)
        {
            output.WriteLine($"{result.Duplicates} duplicate(s) merged.");
        }

        if (result.Import is { } import)
        {
            output.WriteLine($"More than {CaptureList.MaxUserCaptures} URLs: they are captured in the background, after your own captures (import {import.Id}, shown on the library's Import page).");
        }
    }

    /// <summary>" (read, favorite, archived, private)" with the states a link has; "" for an unread plain link.</summary>
    private static string StateWords(LinkDto link)
    {
        var states = new[] { ("read", link.Read), ("favorite", link.Favorite), ("archived", link.Archived), ("private", link.Private) }
            .Where(s => s.Item2).Select(s => s.Item1).ToList();
        return states.Count == 0 ? "" : $" ({string.Join(", ", states)})";
    }

    /// <summary>One snapshot (detail): status, reason and the path of every file saved.</summary>
    public static void WriteSnapshot(TextWriter output, SnapshotDto snapshot, long? linkId)
    {
        var head = $"Snapshot {snapshot.Id}{(linkId is null ? "" : $" of link {linkId}")}: {Word(snapshot.Status)}";
        output.WriteLine(head + (snapshot.Reason is { } reason ? $" ({reason})" : ""));
        output.WriteLine($"  taken: {Word(snapshot.CreatedAt)}  mode: {Word(snapshot.Mode)}");
        foreach (var artifact in snapshot.Artifacts ?? [])
        {
            var ok = artifact.Status == Core.Capture.ArtifactStatus.Ok;
            var where = ok && snapshot.Folder is not null && artifact.FileName is not null
                ? Path.Combine(snapshot.Folder, artifact.FileName)
                : Word(artifact.Status) + (artifact.Error is { } e ? ": " + e : "");
            output.WriteLine($"  {artifact.Kind,-13} {where}");
        }
    }

    /// <summary>The API's snippet is HTML with &lt;mark&gt;; a terminal gets the hits in brackets.</summary>
    public static string SnippetText(string html) =>
        WebUtility.HtmlDecode(html.Replace("<mark>", "[", StringComparison.Ordinal).Replace("</mark>", "]", StringComparison.Ordinal));
}
