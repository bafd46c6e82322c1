using System.CommandLine;
using System.Diagnostics;
using LinkSnap.Api;
using LinkSnap.Daemon;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// The daemon's life: `status` (never starts it), `start`, `stop` (SIGTERM, then waits), `open-library`
/// (the login link) and `serve` (the daemon in the foreground). `stop` leaves a marker so that the browser's relay
/// does not start the daemon again on its own (decision 068).
/// </summary>
public static class DaemonCommands
{
    public static IEnumerable<Command> Create(CliSession session)
    {
        yield return Status(session, "status", "is the daemon running, where are the library and the data", startIfStopped: false);
        yield return Status(session, "start", "start the daemon in the background", startIfStopped: true);
        yield return Stop(session);
        yield return OpenLibrary(session);
        yield return Serve();
    }

    private static Command Status(CliSession session, string name, string description, bool startIfStopped)
    {
        var json = CliOptions.Json();
        var command = new Command(name, description) { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            // Asking whether the daemon runs must not start it.
            if (!startIfStopped && !await session.Client.IsRunningAsync(cancellationToken))
            {
                session.Write(result.GetValue(json), new { running = false }, () => session.Output.WriteLine("The LinkSnap daemon is not running. Start it with `linksnap start`."));
                return CliApp.Unreachable;
            }

            var client = await session.DaemonAsync(cancellationToken);
            var status = await client.GetAsync<StatusDto>("/api/status", cancellationToken);
            session.Write(result.GetValue(json), status, () =>
            {
                session.Output.WriteLine($"LinkSnap daemon {status.Version} is running (pid {status.Pid}).");
                session.Output.WriteLine($"  library: {status.LibraryUrl}");
                session.Output.WriteLine($"  data:    {status.DataDirectory}");
                session.Output.WriteLine($"  queue:   {status.Queue.Running} running, {status.Queue.Queued} queued");
            });
            return CliApp.Ok;
        });
        return command;
    }

    private static Command OpenLibrary(CliSession session)
    {
        var json = CliOptions.Json();
        var command = new Command("open-library", "the library URL (with a login token) to open in a browser") { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var client = await session.DaemonAsync(cancellationToken);
            var status = await client.GetAsync<StatusDto>("/api/status", cancellationToken);
            session.Write(result.GetValue(json), status, () => session.Output.WriteLine(status.LibraryUrl));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Stop(CliSession session)
    {
        var json = CliOptions.Json();
        var command = new Command("stop", "stop the daemon (running captures go back to the queue)") { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            // Stopped on purpose: the relay must not start it again behind the person's back (decision 068).
            MarkStopped(session);
            var info = DaemonInfo.Read(session.Paths.DaemonInfoPath);
            if (info is null || !await session.Client.IsRunningAsync(cancellationToken))
            {
                session.Write(result.GetValue(json), new { stopped = false }, () => session.Output.WriteLine("The daemon is not running."));
                return CliApp.Ok;
            }

            // SIGTERM: an orderly stop puts running jobs back in the queue without counting an attempt.
            if (NativeSignals.Terminate(info.Pid) != 0)
            {
                throw new InvalidOperationException($"could not signal the daemon (pid {info.Pid})");
            }

            var waited = Stopwatch.StartNew();
            while (await session.Client.IsRunningAsync(cancellationToken))
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"The daemon (pid {info.Pid}) did not stop within 60 s.");
                }

                await Task.Delay(200, cancellationToken);
            }

            session.Write(result.GetValue(json), new { stopped = true, pid = info.Pid }, () => session.Output.WriteLine($"Stopped the daemon (pid {info.Pid})."));
            return CliApp.Ok;
        });
        return command;
    }

    private static void MarkStopped(CliSession session)
    {
        session.Paths.EnsureCreated();
        File.WriteAllText(session.Paths.StoppedMarkerPath, "Stopped by `linksnap stop`; `linksnap start` (or Start LinkSnap in the extension) removes this file.\n");
    }

    /// <summary>Everything after `serve` is the daemon's configuration (e.g. --Daemon:Port=0), read by ASP.NET Core's command-line provider.</summary>
    private static Command Serve()
    {
        var settings = new Argument<string[]>("SETTING") { Description = "configuration overrides such as --Daemon:Port=0 (see docs/configuration.md)", Arity = ArgumentArity.ZeroOrMore, CaptureRemainingTokens = true };
        var command = new Command("serve", "run the daemon in the foreground") { settings };
        command.SetAction((result, cancellationToken) => DaemonHost.RunAsync(result.GetValue(settings) ?? [], cancellationToken));
        return command;
    }
}
