using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using LinkSnap.Cli;
using LinkSnap.Shared;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Cli;

/// <summary>
/// The command line's parser, in this process and without a daemon: every command has its own help,
/// a command refuses options it does not take, completion comes from the parser, and the usage text
/// in the docs is the parser's own (docs/cli.md is generated from it; README and docs name only
/// commands and options that exist).
/// </summary>
public sealed partial class CliParserTests
{
    private static readonly string DocsPath = Path.Combine(Corpus.RepositoryRoot, "docs", "cli.md");

    [Test]
    public async Task Every_command_and_subcommand_has_its_own_help()
    {
        foreach (var path in CommandPaths())
        {
            var run = await InProcessCli.RunAsync([.. path, "--help"]);
            Assert.That(run.ExitCode, Is.EqualTo(0), $"linksnap {string.Join(' ', path)} --help: {run.Error}");
            Assert.That(run.Output, Does.Contain($"linksnap {string.Join(' ', path)}"), string.Join(' ', path));
        }

        var install = await InProcessCli.RunAsync("install", "--help");
        Assert.That(install.Output, Does.Contain("--browser <ID>").And.Contain("--extension-id <ID>").And.Contain("--user-data-dir <DIR>"));
        var root = await InProcessCli.RunAsync("--help");
        Assert.That(root.Output, Does.Contain("exit codes").And.Contain("capture <URL>"));
        Assert.That((await InProcessCli.RunAsync("help", "capture")).Output, Does.Contain("--mode <fresh|as-seen>"), "`linksnap help capture` is `linksnap capture --help`");
    }

    [Test]
    public async Task A_command_refuses_options_it_does_not_take_with_exit_code_2()
    {
        var wait = await InProcessCli.RunAsync("tags", "--wait");
        Assert.That((wait.ExitCode, wait.Output), Is.EqualTo((2, "")));
        Assert.That(wait.Error, Is.EqualTo("linksnap: Unrecognized command or argument '--wait'.\nRun `linksnap tags --help` for its options.\n"));

        Assert.That((await InProcessCli.RunAsync("verify", "x.wacz", "--tag", "a")).ExitCode, Is.EqualTo(2), "verify takes no --tag");
        Assert.That((await InProcessCli.RunAsync("install", "--wait")).ExitCode, Is.EqualTo(2));
        var limit = await InProcessCli.RunAsync("list", "--limit", "0");
        Assert.That((limit.ExitCode, limit.Error), Is.EqualTo((2, "linksnap: --limit must be a number from 1 to 500.\nRun `linksnap list --help` for its options.\n")));
        var id = await InProcessCli.RunAsync("show", "abc");
        Assert.That(id.Error, Does.StartWith("linksnap: 'abc' is not a link id; ids are numbers shown by `linksnap list`."));
        var mode = await InProcessCli.RunAsync("capture", "https://example.org/", "--mode", "sideways");
        Assert.That((mode.ExitCode, mode.Error.Contains("'sideways'", StringComparison.Ordinal)), Is.EqualTo((2, true)), mode.Error);
        var browser = await InProcessCli.RunAsync("install", "--browser", "netscape");
        Assert.That((browser.ExitCode, browser.Error.Contains("unknown browser \"netscape\"", StringComparison.Ordinal)), Is.EqualTo((2, true)));
        var nothing = await InProcessCli.RunAsync();
        Assert.That((nothing.ExitCode, nothing.Error.Contains("Commands:", StringComparison.Ordinal)), Is.EqualTo((2, true)), "no command: the usage, on stderr");
    }

    [Test]
    public async Task Shell_completion_offers_commands_and_option_values()
    {
        var commands = await InProcessCli.RunAsync("[suggest:11]", "linksnap ta");
        Assert.That(commands.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.SupersetOf(new[] { "tag", "tags" }));
        var modes = await InProcessCli.RunAsync("[suggest:26]", "linksnap capture x --mode ");
        Assert.That(modes.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "as-seen", "fresh" }));
    }

    [Test]
    public async Task Docs_cli_md_is_the_parsers_help()
    {
        var expected = await RenderReferenceAsync();
        if (Environment.GetEnvironmentVariable("LINKSNAP_UPDATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(DocsPath, expected);
        }

        Assert.That(File.Exists(DocsPath) ? await File.ReadAllTextAsync(DocsPath) : "", Is.EqualTo(expected),
            "docs/cli.md differs from the parser; regenerate it: LINKSNAP_UPDATE_DOCS=1 dotnet test tests/LinkSnap.Tests --filter CliParserTests.Docs_cli_md_is_the_parsers_help");
    }

    [Test]
    public void The_readme_and_docs_name_only_commands_and_options_that_exist()
    {
        var root = CliParser.Build(Session());
        var files = new[] { Path.Combine(Corpus.RepositoryRoot, "README.md") }.Concat(Directory.GetFiles(Path.Combine(Corpus.RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories));
        var checkedSpans = 0;
        foreach (var file in files)
        {
            foreach (Match span in CommandSpan().Matches(File.ReadAllText(file)))
            {
                Command command = root;
                foreach (var word in span.Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    var bare = word.Trim('[', ']', '.', '…', ',').Split('|')[0];
                    if (command.Subcommands.FirstOrDefault(c => c.Name == bare) is { } sub)
                    {
                        command = sub;
                    }
                    else if (bare.StartsWith("--", StringComparison.Ordinal))
                    {
                        var name = bare.Split('=', '|')[0];
                        Assert.That(command.Options.Concat(root.Options.Where(o => o.Recursive)).Any(o => o.Name == name || o.Aliases.Contains(name)), Is.True, $"{Path.GetFileName(file)}: {span.Value}: {command.Name} has no {name}");
                    }
                }

                Assert.That(command != root, Is.True, $"{Path.GetFileName(file)}: {span.Value} names no command");
                checkedSpans++;
            }
        }

        Assert.That(checkedSpans, Is.GreaterThan(10));
    }

    /// <summary>docs/cli.md: `linksnap --help`, then every command's help, in the parser's order.</summary>
    private static async Task<string> RenderReferenceAsync()
    {
        var text = new StringBuilder();
        text.Append("# The linksnap command line\n\n");
        text.Append("Generated from the parser (host/LinkSnap/Cli/CliParser.cs) by `CliParserTests.Docs_cli_md_is_the_parsers_help`;\n");
        text.Append("do not edit by hand. Every command also answers `linksnap COMMAND --help`.\n");
        foreach (var path in new[] { Array.Empty<string>() }.Concat(CommandPaths()))
        {
            var help = await InProcessCli.RunAsync([.. path, "--help"]);
            text.Append($"\n## linksnap {string.Join(' ', path)}".TrimEnd()).Append("\n\n```text\n").Append(help.Output.TrimEnd().Replace("\r", "", StringComparison.Ordinal)).Append("\n```\n");
        }

        return text.ToString();
    }

    private static IEnumerable<string[]> CommandPaths()
    {
        IEnumerable<string[]> Walk(Command command, string[] prefix) =>
            command.Subcommands.SelectMany(c => new[] { (string[])[.. prefix, c.Name] }.Concat(Walk(c, [.. prefix, c.Name])));
        return Walk(CliParser.Build(Session()), []).ToList();
    }

    private static CliSession Session()
    {
        var paths = new LinkSnapPaths(Path.Combine(Path.GetTempPath(), "linksnap-parser-" + Guid.NewGuid().ToString("N")));
        return new CliSession(paths, new DaemonClient(paths.SocketPath), TextWriter.Null, TextWriter.Null, TextReader.Null);
    }

    [GeneratedRegex(@"`(?:artifacts/bin/)?linksnap ([a-z][^`]*)`")]
    private static partial Regex CommandSpan();
}
