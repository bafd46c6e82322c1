using System.CommandLine;
using LinkSnap.Api;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap search QUERY... [--limit N]`: full-text search, best first, hits bracketed.</summary>
public static class SearchCommand
{
    public static Command Create(CliSession session)
    {
        var words = new Argument<string[]>("QUERY") { Description = "words to find", Arity = ArgumentArity.OneOrMore };
        var limit = CliOptions.Number("--limit", "links to show", 20, 1, 500);
        var json = CliOptions.Json();
        var command = new Command("search", "full-text search (title, URL, tags, note, article), best first") { words, limit, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var q = Uri.EscapeDataString(string.Join(' ', result.GetValue(words)!));
            var client = await session.DaemonAsync(cancellationToken);
            var page = await client.GetAsync<LinkPageDto>($"/api/links?q={q}&limit={result.GetValue(limit)}", cancellationToken);
            session.Write(result.GetValue(json), page, () => CliOutput.WriteLinks(session.Output, page));
            return CliApp.Ok;
        });
        return command;
    }
}
