using System.CommandLine;
using LinkSnap.Api;

namespace LinkSnap.Cli.Commands;

/// <summary>`linksnap tag add ID TAG...` and `linksnap tag remove ID TAG...`.</summary>
public static class TagCommand
{
    public static Command Create(CliSession session)
    {
        var command = new Command("tag", "add tags to a link or remove them")
        {
            Verb(session, "add", "add tags to a link"),
            Verb(session, "remove", "remove tags from a link"),
        };
        // `linksnap tag paint 1` lands in this hidden argument (not a parse error), so the action can say what to type instead.
        command.Add(new Argument<string[]>("unknown") { Arity = ArgumentArity.ZeroOrMore, Hidden = true });
        command.SetAction(new Func<ParseResult, int>(_ => throw new CliUsageException("Use: linksnap tag add ID TAG... or linksnap tag remove ID TAG...")));
        return command;
    }

    private static Command Verb(CliSession session, string verb, string description)
    {
        var id = CliOptions.Id("ID", "link");
        var tags = new Argument<string[]>("TAG") { Description = "tag names", Arity = ArgumentArity.OneOrMore };
        var json = CliOptions.Json();
        var command = new Command(verb, description) { id, tags, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (linkId, names) = (result.GetValue(id), result.GetValue(tags)!);
            var client = await session.DaemonAsync(cancellationToken);
            LinkDto? link = null;
            if (verb == "add")
            {
                link = await client.SendAsync<LinkDto>(HttpMethod.Post, $"/api/links/{linkId}/tags", new { tags = names }, cancellationToken);
            }
            else
            {
                foreach (var tag in names)
                {
                    link = await client.SendAsync<LinkDto>(HttpMethod.Delete, $"/api/links/{linkId}/tags/{Uri.EscapeDataString(tag)}", null, cancellationToken);
                }
            }

            session.Write(result.GetValue(json), link!, () => session.Output.WriteLine($"Link {linkId} tags: {string.Join(", ", link!.Tags)}"));
            return CliApp.Ok;
        });
        return command;
    }
}
