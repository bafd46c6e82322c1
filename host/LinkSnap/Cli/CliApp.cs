using System.CommandLine;
using LinkSnap.Shared;

namespace LinkSnap.Cli;

/// <summary>
/// The `linksnap` command line: a thin client of the daemon API over the per-user socket, which
/// starts the daemon when it is not running. Exit codes: 0 ok, 1 capture failed or partial (or
/// another error), 2 usage or refused input, 3 daemon unreachable, 4 not found, 5 queue full.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int NotFound = 4;
    public const int QueueFull = 5;

    /// <summary>The library's (localized) "Required command was not provided." text, read from the library itself.</summary>
    private static readonly Lazy<string> NoCommandMessage = new(() => new RootCommand { new Command("x") }.Parse([]).Errors[0].Message);

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        RunAsync(args, Console.Out, Console.Error, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var paths = LinkSnapPaths.FromEnvironment();
        using var client = new DaemonClient(paths.SocketPath);
        return await RunAsync(args, new CliSession(paths, client, output, error, Console.In), cancellationToken);
    }

    /// <summary>Runs one command line in this process against the session's daemon client (tests use it with an in-process daemon).</summary>
    public static async Task<int> RunAsync(string[] args, CliSession session, CancellationToken cancellationToken)
    {
        // `linksnap help [command]` is `linksnap [command] --help`; no command at all is a usage error.
        if (args is ["help", .. var rest])
        {
            args = [.. rest, "--help"];
        }

        var root = CliParser.Build(session);
        // No signal handling of the library's own: the daemon (`serve`) stops on SIGTERM by itself, in order.
        var invocation = new InvocationConfiguration { Output = args.Length == 0 ? session.Error : session.Output, Error = session.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (args.Length == 0)
        {
            await parsed.InvokeAsync(invocation, cancellationToken);
            return Usage;
        }

        if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            var command = string.Join(' ', parsed.CommandResult.Command.Parents.OfType<Command>().Reverse().Skip(1).Append(parsed.CommandResult.Command).Where(c => c is not RootCommand).Select(c => c.Name));
            // "linksnap --colour" is one mistake: the unknown option, not also the missing command.
            var errors = parsed.Errors.Count > 1 ? parsed.Errors.Where(e => e.Message != NoCommandMessage.Value) : parsed.Errors;
            foreach (var parseError in errors)
            {
                session.Error.WriteLine($"linksnap: {parseError.Message}");
            }

            session.Error.WriteLine($"Run `linksnap {(command.Length > 0 ? command + " " : "")}--help` for {(command.Length > 0 ? "its options" : "the commands")}.");
            return Usage;
        }

        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliUsageException e)
        {
            session.Error.WriteLine($"linksnap: {e.Message}");
            return Usage;
        }
        catch (DaemonUnreachableException e)
        {
            session.Error.WriteLine($"linksnap: {e.Message}");
            return Unreachable;
        }
        catch (DaemonApiException e)
        {
            session.Error.WriteLine($"linksnap: {e.Message}");
            return e.Status switch
            {
                404 => NotFound,
                400 => Usage,
                429 => QueueFull,
                _ => Failed,
            };
        }
        catch (TimeoutException e)
        {
            session.Error.WriteLine($"linksnap: {e.Message}");
            return Failed;
        }
    }
}

/// <summary>The command line is wrong: exit code 2 with a message.</summary>
public sealed class CliUsageException(string message) : Exception(message);
