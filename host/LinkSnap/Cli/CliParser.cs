using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using LinkSnap.Cli.Commands;
using LinkSnap.Install;

namespace LinkSnap.Cli;

/// <summary>
/// The command tree of `linksnap` (System.CommandLine): one small class per command, each listing the
/// options it takes, so per-command `--help`, refusal of options a command does not take and shell
/// completion (the `[suggest]` directive, used by dotnet-suggest) come from the library. docs/cli.md is
/// generated from this tree and a test keeps it equal (CliReferenceTests).
/// </summary>
public static class CliParser
{
    public const string Footer = """
        data directory: $LINKSNAP_HOME, else $XDG_DATA_HOME/linksnap (~/.local/share/linksnap)
        exit codes: 0 ok, 1 capture failed/partial or other error, 2 usage or refused input,
                    3 daemon unreachable, 4 not found, 5 queue full (try again later)
        """;

    private const int HelpWidth = 110;

    public static RootCommand Build(CliSession session)
    {
        // HelpName: help says "linksnap" however the program was started (apphost, dotnet linksnap.dll, a test host).
        var root = new RootCommand("LinkSnap: save web pages as they are, find them again offline. The daemon starts by itself when a command needs it.") { HelpName = "linksnap" };
        Command[] commands =
        [
            CaptureCommand.Create(session),
            ListCommand.Create(session),
            ShowCommand.Create(session),
            SearchCommand.Create(session),
            TagsCommand.Create(session),
            TagCommand.Create(session),
            EditCommand.Create(session),
            OpenCommand.Create(session),
            RecaptureCommand.Create(session),
            DiffCommand.Create(session),
            WatchCommand.Create(session),
            CheckCommand.Create(session),
            DeleteCommand.Create(session),
            ReindexCommand.Create(session),
            ExportCommand.Create(session),
            ImportCommand.Create(session),
            VerifyCommand.Create(session),
            .. DaemonCommands.Create(session),
            TokenCommand.Create(session),
            .. InstallCommands.Create(session),
        ];
        foreach (var command in commands)
        {
            root.Add(command);
        }

        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help when help.Action is HelpAction inner:
                    // One width everywhere, so docs/cli.md (generated from this help) does not depend on the terminal.
                    inner.MaxWidth = HelpWidth;
                    help.Action = new HelpWithFooter(inner);
                    break;
                case VersionOption version:
                    version.Action = new PrintVersion();
                    break;
            }
        }

        return root;
    }

    /// <summary>The library's help, plus the data directory and exit codes under `linksnap --help`.</summary>
    private sealed class HelpWithFooter(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            inner.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(Footer);
            }

            return CliApp.Ok;
        }
    }

    /// <summary>The daemon's version (the one /api/status reports), not the assembly's informational version.</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Api.StatusEndpoints.Version);
            return CliApp.Ok;
        }
    }
}
