using System.Net.Sockets;
using LinkSnap.Relay.Protocol;
using LinkSnap.Shared;

namespace LinkSnap.Relay.Daemon;

/// <summary>Sends a validated message to the daemon, starting the daemon first when nothing answers.</summary>
internal sealed class DaemonForwarder
{
    private readonly DaemonClient _client;
    private readonly LinkSnapPaths _paths;
    private readonly RelayOptions _options;
    private readonly RelayLog _log;
    private string? _unavailable;

    public DaemonForwarder(DaemonClient client, LinkSnapPaths paths, RelayOptions options, RelayLog log)
    {
        _client = client;
        _paths = paths;
        _options = options;
        _log = log;
    }

    public async Task<byte[]> ForwardAsync(string id, string type, byte[] message, CancellationToken cancellationToken)
    {
        var (connection, problem) = await ConnectAsync(startStopped: type == MessageTypes.Start, cancellationToken);
        if (connection is null)
        {
            return Replies.Error(id, problem == StoppedProblem ? ErrorCodes.DaemonStopped : ErrorCodes.DaemonUnavailable, problem!);
        }

        using (connection)
        {
            try
            {
                var (status, body) = DaemonClient.PostNative(connection, message);
                if (status == 200 && Replies.FromDaemon(id, body) is { } reply)
                {
                    return reply;
                }

                _log.Write($"daemon answered {status}: {Replies.Describe(body)}");
                return Replies.Error(id, ErrorCodes.Internal, $"the daemon answered HTTP {status} to /api/native (is it the same LinkSnap version as the relay?)");
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                _log.Write("daemon request failed: " + ex.Message);
                return Replies.Error(id, ErrorCodes.DaemonUnavailable, "lost the connection to the daemon: " + ex.Message);
            }
        }
    }

    private const string StoppedProblem = "LinkSnap was stopped (`linksnap stop`); start it again with `linksnap start` or the extension's Start button";

    /// <summary>
    /// A connection to the daemon, starting it first when nothing answers; or why there is none. A daemon
    /// stopped on purpose (the marker of `linksnap stop`) is started only for the start message.
    /// </summary>
    private async Task<(Socket? Connection, string? Problem)> ConnectAsync(bool startStopped, CancellationToken cancellationToken)
    {
        if (_client.TryConnect() is { } connection)
        {
            _unavailable = null;
            return (connection, null);
        }

        if (!startStopped && File.Exists(_paths.StoppedMarkerPath))
        {
            return (null, StoppedProblem);
        }

        // One start attempt per relay process: a port that keeps sending messages must not spawn daemons in a loop.
        if (_unavailable is not null)
        {
            return (null, _unavailable);
        }

        var startProblem = StartDaemon(asked: startStopped);
        if (startProblem is not null)
        {
            _log.Write(startProblem);
            return (null, _unavailable = startProblem);
        }

        if (await DaemonLauncher.WaitForAsync(_ => Task.FromResult(_client.TryConnect()), _options.StartTimeout, cancellationToken) is { } started)
        {
            return (started, null);
        }

        _unavailable = $"started the daemon but it did not answer within {_options.StartTimeout.TotalSeconds:0} s (see {_paths.DaemonLogPath})";
        _log.Write(_unavailable);
        return (null, _unavailable);
    }

    /// <summary>
    /// Starts `linksnap serve` by the shared launcher; null on success, else why not. <paramref name="asked"/>:
    /// the person asked for it (the start message), which LINKSNAP_RELAY_NO_START does not prevent.
    /// </summary>
    private string? StartDaemon(bool asked)
    {
        if (!_options.StartDaemon && !asked)
        {
            return "the daemon is not running (starting it is disabled by LINKSNAP_RELAY_NO_START)";
        }

        var exe = _options.DaemonExecutable;
        if (!File.Exists(exe))
        {
            return $"the daemon is not running and {exe} was not found (set LINKSNAP_EXE or run `linksnap install` again)";
        }

        var problem = DaemonLauncher.TryStart([exe, "serve"], _paths);
        if (problem is null)
        {
            _log.Write($"started daemon {exe} serve (output in {_paths.DaemonLogPath})");
        }

        return problem;
    }
}
