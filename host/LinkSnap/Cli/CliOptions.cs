using System.CommandLine;
using System.CommandLine.Parsing;

namespace LinkSnap.Cli;

/// <summary>
/// Options and arguments several commands share, each defined once so its name, help text and
/// value rule are the same wherever it appears (a new instance per command: a parser symbol belongs
/// to the tree it is added to). A command lists only the options it reads, so any
/// other option is refused on that command (`linksnap tags --wait` is an error).
/// </summary>
public static class CliOptions
{
    public static Option<bool> Json() => new("--json") { Description = "machine-readable output (JSON) for scripts" };

    public static Option<string[]> Tags() => new("--tag", "-t") { Description = "a tag (repeat for more)", HelpName = "TAG" };

    public static Option<string?> Note() => new("--note") { Description = "a note kept with the link", HelpName = "TEXT" };

    public static Option<string?> Mode() => Choice("--mode", "fresh: the page loaded anew; as-seen: the page as the browser showed it", "fresh", "as-seen");

    public static Option<bool> Wait() => new("--wait") { Description = "follow the capture until it ends; show its progress and the saved files" };

    public static Option<int> Timeout() => Number("--timeout", "seconds --wait follows a capture before giving up (it goes on in the daemon)", 300, 1, 3600);

    public static Option<string?> TagMode() => Choice("--tag-mode", "with several --tag: links with all of them (and) or any (or)", "and", "or");

    public static Option<string?> Site() => new("--site") { Description = "only links of this site (host name)", HelpName = "HOST" };

    public static Option<string?> Status() => new("--status") { Description = "only links whose latest capture has this status (queued, running, done, partial, failed)", HelpName = "STATUS" };

    /// <summary>An option that takes one of a fixed set of words; any other word is a usage error naming them.</summary>
    public static Option<string?> Choice(string name, string description, params string[] words)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = string.Join('|', words) };
        option.AcceptOnlyFromAmong(words);
        return option;
    }

    /// <summary>A whole number in [min, max] with a default; anything else is a usage error naming the range.</summary>
    public static Option<int> Number(string name, string description, int fallback, int min, int max) => new(name)
    {
        Description = $"{description} ({min}-{max})",
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ParseNumber(result, name, min, max) ?? fallback,
    };

    /// <summary>A link or snapshot id: a positive number, as `linksnap list` shows them.</summary>
    public static Argument<long> Id(string name, string what) => new(name)
    {
        Description = $"the {what} id (see `linksnap {(what == "link" ? "list" : "show LINK")}`)",
        CustomParser = result => ParseId(result, what),
    };

    /// <summary>One or more ids.</summary>
    public static Argument<long[]> Ids(string name, string what, ArgumentArity arity) => new(name)
    {
        Description = $"{what} ids (see `linksnap list`)",
        Arity = arity,
        CustomParser = result => result.Tokens.Select(t => ParseId(result, what, t.Value)).ToArray(),
    };

    private static long ParseId(ArgumentResult result, string what) =>
        result.Tokens.Count == 0 ? 0 : ParseId(result, what, result.Tokens[0].Value);

    private static long ParseId(ArgumentResult result, string what, string text)
    {
        if (long.TryParse(text, out var id) && id > 0)
        {
            return id;
        }

        result.AddError($"'{text}' is not a {what} id; ids are numbers shown by `linksnap list`.");
        return 0;
    }

    private static int? ParseNumber(ArgumentResult result, string name, int min, int max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{name} must be a number from {min} to {max}.");
        return null;
    }
}
