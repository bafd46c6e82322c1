namespace LinkSnap.Cli;

/// <summary>
/// The parsed command line: positional words, repeatable options ("--tag a --tag b") and flags.
/// Small on purpose: every command takes a handful of options, listed in <see cref="CliApp.Usage"/>.
/// </summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> Flags = ["--json", "--wait", "--force", "--help", "-h", "--version", "--no-capture", "--dry-run", "--rotate", "--list", "--read", "--unread", "--favorite", "--unfavorite", "--archive", "--unarchive", "--private", "--public"];
    private static readonly HashSet<string> Valued = ["--tag", "-t", "--note", "--mode", "--limit", "--site", "--status", "--timeout", "--sort", "--order", "--tag-mode", "--format", "--search", "--ids", "--output", "--folders", "--wacz", "--every", "--state", "--title"];

    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CliArguments Parse(IEnumerable<string> args)
    {
        var result = new CliArguments();
        using var e = args.GetEnumerator();
        var onlyPositional = false;
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (onlyPositional || !arg.StartsWith('-') || arg == "-")
            {
                result.Positional.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositional = true;
                continue;
            }

            var (name, inline) = arg.Contains('=', StringComparison.Ordinal) ? (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..]) : (arg, null);
            if (Flags.Contains(name) && inline is null)
            {
                result._flags.Add(name == "-h" ? "--help" : name);
            }
            else if (Valued.Contains(name))
            {
                var value = inline ?? (e.MoveNext() ? e.Current : throw new CliUsageException($"{name} needs a value."));
                name = name == "-t" ? "--tag" : name;
                if (!result._options.TryGetValue(name, out var list))
                {
                    result._options[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                throw new CliUsageException($"Unknown option '{arg}'.");
            }
        }

        return result;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public IReadOnlyList<string> All(string option) => _options.TryGetValue(option, out var list) ? list : [];

    public string? Value(string option) => _options.TryGetValue(option, out var list) ? list[^1] : null;

    public int IntValue(string option, int fallback, int min, int max)
    {
        var text = Value(option);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new CliUsageException($"{option} must be a number from {min} to {max}.");
    }

    public long Id(int position, string what)
    {
        if (Positional.Count <= position)
        {
            throw new CliUsageException($"Give the {what} id (see `linksnap list`).");
        }

        return long.TryParse(Positional[position], out var id) && id > 0
            ? id
            : throw new CliUsageException($"'{Positional[position]}' is not a {what} id; ids are numbers shown by `linksnap list`.");
    }
}

/// <summary>The command line is wrong: exit code 2 with a message.</summary>
public sealed class CliUsageException(string message) : Exception(message);
