using System.Net;
using System.Text.Json;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Cli;

/// <summary>How the CLI shows API answers to a person (and, with --json, to a script).</summary>
public static class CliOutput
{
    public static void WriteJson(TextWriter output, object value) =>
        output.WriteLine(JsonSerializer.Serialize(value, SnapshotJson.Indented));

    public static void WriteLinks(TextWriter output, JsonElement page)
    {
        var items = page.GetProperty("items");
        if (items.GetArrayLength() == 0)
        {
            output.WriteLine("No links.");
            return;
        }

        foreach (var link in items.EnumerateArray())
        {
            var latest = link.GetProperty("latest");
            var status = latest.ValueKind == JsonValueKind.Object ? latest.GetProperty("status").GetString() : "-";
            var title = link.GetProperty("title").GetString() ?? link.GetProperty("url").GetString();
            var tags = string.Join(", ", link.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            output.WriteLine($"{link.GetProperty("id").GetInt64(),6}  {status,-8} {title}{StateWords(link)}");
            output.WriteLine($"        {link.GetProperty("url").GetString()}{(tags.Length > 0 ? "  [" + tags + "]" : "")}");
            if (link.TryGetProperty("snippet", out var snippet) && snippet.GetString() is { Length: > 0 } html)
            {
                output.WriteLine("        " + SnippetText(html));
            }
        }

        var atLeast = page.TryGetProperty("totalIsLowerBound", out var lowerBound) && lowerBound.GetBoolean() ? "+" : "";
        output.WriteLine($"({items.GetArrayLength()} of {page.GetProperty("total").GetInt32()}{atLeast})");
    }

    public static void WriteLinkHeader(TextWriter output, JsonElement link)
    {
        output.WriteLine($"Link {link.GetProperty("id").GetInt64()}: {link.GetProperty("title").GetString() ?? "(no title yet)"}");
        output.WriteLine($"  url:   {link.GetProperty("url").GetString()}");
        output.WriteLine($"  tags:  {string.Join(", ", link.GetProperty("tags").EnumerateArray().Select(t => t.GetString()))}");
        if (link.GetProperty("note").GetString() is { Length: > 0 } note)
        {
            output.WriteLine($"  note:  {note}");
        }

        output.WriteLine($"  saved: {link.GetProperty("createdAt").GetString()}, {link.GetProperty("snapshotCount").GetInt32()} snapshot(s)");
        output.WriteLine($"  state: {(StateWords(link) is { Length: > 0 } states ? states.Trim(' ', '(', ')') : "unread")}");
    }

    /// <summary>One line per URL of a list capture: queued (link, snapshot), in the background import, or refused with the reason.</summary>
    public static void WriteCaptureList(TextWriter output, JsonElement result)
    {
        foreach (var item in result.GetProperty("items").EnumerateArray())
        {
            var url = item.GetProperty("url").GetString();
            output.WriteLine(item.GetProperty("status").GetString() switch
            {
                "queued" => $"queued      {url}  (link {item.GetProperty("linkId").GetInt64()}, snapshot {item.GetProperty("snapshotId").GetInt64()})",
                "background" => $"background  {url}  (import {item.GetProperty("importId").GetInt64()})",
                _ => $"invalid     {url}  ({item.GetProperty("position").GetString()}: {item.GetProperty("reason").GetString()})",
            });
        }

        if (result.GetProperty("duplicates").GetInt32() is > 0 and var duplicates)
        {
            output.WriteLine($"{duplicates} duplicate(s) merged.");
        }

        if (result.GetProperty("import").ValueKind == JsonValueKind.Object)
        {
            output.WriteLine($"More than {Api.CaptureList.MaxUserCaptures} URLs: they are captured in the background, after your own captures (import {result.GetProperty("import").GetProperty("id").GetInt64()}, shown on the library's Import page).");
        }
    }

    /// <summary>" (read, favorite, archived, private)" with the states a link has; "" for an unread plain link.</summary>
    private static string StateWords(JsonElement link)
    {
        var states = new[] { "read", "favorite", "archived", "private" }
            .Where(s => link.TryGetProperty(s, out var value) && value.ValueKind == JsonValueKind.True)
            .ToList();
        return states.Count == 0 ? "" : $" ({string.Join(", ", states)})";
    }

    /// <summary>One snapshot (detail): status, reason and the path of every file saved.</summary>
    public static void WriteSnapshot(TextWriter output, JsonElement snapshot, long? linkId)
    {
        var status = snapshot.GetProperty("status").GetString();
        var head = $"Snapshot {snapshot.GetProperty("id").GetInt64()}{(linkId is null ? "" : $" of link {linkId}")}: {status}";
        output.WriteLine(head + (snapshot.GetProperty("reason").GetString() is { } reason ? $" ({reason})" : ""));
        output.WriteLine($"  taken: {snapshot.GetProperty("createdAt").GetString()}  mode: {snapshot.GetProperty("mode").GetString()}");
        if (!snapshot.TryGetProperty("artifacts", out var artifacts))
        {
            return;
        }

        var folder = snapshot.TryGetProperty("folder", out var f) ? f.GetString() : null;
        foreach (var artifact in artifacts.EnumerateArray())
        {
            var kind = artifact.GetProperty("kind").GetString();
            var ok = artifact.GetProperty("status").GetString() == "ok";
            var file = artifact.GetProperty("fileName").GetString();
            var where = ok && folder is not null && file is not null ? Path.Combine(folder, file) : artifact.GetProperty("status").GetString() + (artifact.GetProperty("error").GetString() is { } e ? ": " + e : "");
            output.WriteLine($"  {kind,-13} {where}");
        }
    }

    /// <summary>The API's snippet is HTML with &lt;mark&gt;; a terminal gets the hits in brackets.</summary>
    public static string SnippetText(string html) =>
        WebUtility.HtmlDecode(html.Replace("<mark>", "[", StringComparison.Ordinal).Replace("</mark>", "]", StringComparison.Ordinal));
}
