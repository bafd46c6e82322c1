using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace LinkSnap.Core.Archive;

/// <summary>A page of a WACZ with the records that belong to it, as they lie in the source WARC.</summary>
public sealed record WaczPageRecords(WaczPage Page, IReadOnlyList<WarcMember> Members);

/// <summary>A page of a WACZ that was not imported, and why.</summary>
public sealed record WaczSkippedPage(string Url, string Reason);

/// <summary>
/// A WACZ from any tool (LinkSnap, ArchiveWeb.page, Browsertrix), read as its pages and their records.
/// A record marked WARC-Page-ID belongs to that page. Otherwise records belong to the page whose own
/// document record (response, revisit or resource at the page's URL) precedes them, together with the
/// warcinfo just before that document; records before the first page go to it. Pages whose document
/// is not in the archive are listed in <see cref="Skipped"/>.
/// </summary>
public sealed class WaczSource
{
    /// <summary>The WARC files of a WACZ are read into memory whole; larger archives are refused.</summary>
    public const long MaxWarcBytes = 1L << 30;

    private static readonly string[] DocumentTypes = ["response", "revisit", "resource"];

    public required string Software { get; init; }
    public required IReadOnlyList<WaczPageRecords> Pages { get; init; }
    public required IReadOnlyList<WaczSkippedPage> Skipped { get; init; }

    /// <summary>True when the file is a zip holding pages/pages.jsonl and a gzipped WARC under archive/ (judged by content).</summary>
    public static bool IsWacz(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return IsWacz(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <inheritdoc cref="IsWacz(string)"/>
    public static bool IsWacz(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry(WaczPackager.PagesPath) is not null && zip.Entries.Any(IsWarc);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return false;
        }
    }

    public static async Task<WaczSource> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var zip = ZipFile.OpenRead(path);
        var pages = (await TextAsync(zip, WaczPackager.PagesPath, cancellationToken) ?? throw new InvalidDataException("not a WACZ: it has no pages/pages.jsonl"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParsePage).OfType<WaczPage>().ToList();
        var members = new List<WarcMember>();
        long total = 0;
        foreach (var entry in zip.Entries.Where(IsWarc).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            total += entry.Length;
            if (total > MaxWarcBytes)
            {
                throw new InvalidDataException($"the WACZ's WARC files hold more than {MaxWarcBytes >> 20} MB; split it first");
            }

            await using var stream = await entry.OpenAsync(cancellationToken);
            using var bytes = new MemoryStream((int)entry.Length);
            await stream.CopyToAsync(bytes, cancellationToken);
            members.AddRange(WarcMembers.Split(entry.FullName, bytes.ToArray()));
        }

        var (grouped, skipped) = Group(pages, members);
        return new WaczSource { Software = await SoftwareAsync(zip, cancellationToken) ?? "", Pages = grouped, Skipped = skipped };
    }

    private static (List<WaczPageRecords>, List<WaczSkippedPage>) Group(List<WaczPage> pages, List<WarcMember> members)
    {
        var owner = new int[members.Count];
        Array.Fill(owner, -1);
        var byId = pages.Select((p, i) => (p.Id, i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().i);
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Record.Field("WARC-Page-ID") is { } id && byId.TryGetValue(id, out var page))
            {
                owner[i] = page;
            }
        }

        var starts = new List<(int Member, int Page)>();
        var skipped = new List<WaczSkippedPage>();
        var claimed = new HashSet<int>();
        for (var p = 0; p < pages.Count; p++)
        {
            var candidates = Enumerable.Range(0, members.Count).Where(i => !claimed.Contains(i) && owner[i] is var o && (o == -1 || o == p)
                && members[i].Record.TargetUri == pages[p].Url && DocumentTypes.Contains(members[i].Record.Type)).ToList();
            if (candidates.Count == 0)
            {
                skipped.Add(new WaczSkippedPage(pages[p].Url, "the archive holds no record of the page itself"));
                continue;
            }

            var at = candidates.FirstOrDefault(i => SameSecond(members[i].Record.Field("WARC-Date"), pages[p].Ts), candidates[0]);
            claimed.Add(at);
            starts.Add((at, p));
        }

        starts.Sort((a, b) => a.Member.CompareTo(b.Member));
        var groups = starts.ToDictionary(s => s.Page, _ => new List<WarcMember>());
        for (var k = 0; k < starts.Count; k++)
        {
            var from = k == 0 ? 0 : Boundary(members, starts[k - 1].Member, starts[k].Member);
            var to = k + 1 < starts.Count ? Boundary(members, starts[k].Member, starts[k + 1].Member) : members.Count;
            for (var i = from; i < to; i++)
            {
                if (owner[i] == -1 || owner[i] == starts[k].Page)
                {
                    groups[starts[k].Page].Add(members[i]);
                }
            }
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (owner[i] >= 0 && !starts.Exists(s => s.Page == owner[i]))
            {
                continue; // a page without its document was skipped; its marked records go with it
            }

            if (owner[i] >= 0 && !groups[owner[i]].Contains(members[i]))
            {
                groups[owner[i]].Add(members[i]);
            }
        }

        return (starts.OrderBy(s => s.Page).Select(s => new WaczPageRecords(pages[s.Page], groups[s.Page].OrderBy(m => m.File, StringComparer.Ordinal).ThenBy(m => m.Offset).ToList())).ToList(), skipped);
    }

    /// <summary>Where the group of the document at <paramref name="next"/> starts: the warcinfo records just before it are its own.</summary>
    private static int Boundary(List<WarcMember> members, int previous, int next)
    {
        var boundary = next;
        while (boundary - 1 > previous && members[boundary - 1].Record.Type == "warcinfo")
        {
            boundary--;
        }

        return boundary;
    }

    private static bool SameSecond(string? warcDate, string ts) =>
        DateTimeOffset.TryParse(warcDate, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var a)
        && DateTimeOffset.TryParse(ts, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var b)
        && Math.Abs((a - b).TotalSeconds) < 1;

    private static async Task<string?> SoftwareAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        if (await TextAsync(zip, WaczPackager.DataPackagePath, cancellationToken) is not { } package)
        {
            return null;
        }

        using var document = JsonDocument.Parse(package);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("software", out var software)
            && software.ValueKind == JsonValueKind.String ? software.GetString() : null;
    }

    private static WaczPage? ParsePage(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String)
        {
            return null; // the header line, or a line without a page
        }

        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new WaczPage { Id = Text("id") ?? Guid.NewGuid().ToString("N"), Url = url.GetString()!, Ts = Text("ts") ?? "", Title = Text("title"), Text = Text("text") };
    }

    private static bool IsWarc(ZipArchiveEntry entry) =>
        entry.FullName.StartsWith("archive/", StringComparison.Ordinal) && entry.FullName.EndsWith(".warc.gz", StringComparison.Ordinal);

    private static async Task<string?> TextAsync(ZipArchive zip, string path, CancellationToken cancellationToken)
    {
        if (zip.GetEntry(path) is not { } entry)
        {
            return null;
        }

        await using var stream = await entry.OpenAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
