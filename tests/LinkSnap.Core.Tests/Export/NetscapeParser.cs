using System.Text.Json;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Export;

/// <summary>
/// Runs export-tools/parse-netscape.js (npm node-bookmarks-parser, pinned by package-lock.json and
/// installed here with `npm ci` on first use) on a bookmark file: a reader LinkSnap did not write.
/// </summary>
internal static class NetscapeParser
{
    public sealed record Bookmark(string[] Path, string Url, string Title, long AddDate, string[] Tags, string Note);

    public static async Task<List<Bookmark>> ParseAsync(string file)
    {
        var tools = System.IO.Path.Combine(Corpus.RepositoryRoot, "export-tools");
        if (!Directory.Exists(System.IO.Path.Combine(tools, "node_modules", "node-bookmarks-parser")))
        {
            var install = await ToolProcess.RunAsync("npm", tools, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            Assert.That(install.ExitCode, Is.EqualTo(0), "npm ci in export-tools failed:\n" + install.Output + install.Error);
        }

        var run = await ToolProcess.RunAsync("node", tools, "parse-netscape.js", file);
        Assert.That(run.ExitCode, Is.EqualTo(0), "node-bookmarks-parser could not read the export:\n" + run.Error);
        return JsonSerializer.Deserialize<List<Bookmark>>(run.Output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
