using LinkSnap.Shared;

namespace LinkSnap.Cli;

/// <summary>
/// What one CLI run works with: where to write, the data directory and the daemon client. Commands
/// get it from <see cref="CliParser"/>; tests make one around an in-process daemon's client.
/// </summary>
public sealed class CliSession(LinkSnapPaths paths, DaemonClient client, TextWriter output, TextWriter error, TextReader input)
{
    public LinkSnapPaths Paths { get; } = paths;

    public DaemonClient Client { get; } = client;

    public TextWriter Output { get; } = output;

    /// <summary>Progress and messages for a person; never mixed into the output a script reads.</summary>
    public TextWriter Error { get; } = error;

    public TextReader Input { get; } = input;

    /// <summary>The client of a running daemon: starts one in the background when none answers.</summary>
    public async Task<DaemonClient> DaemonAsync(CancellationToken cancellationToken)
    {
        await DaemonAutoStart.EnsureRunningAsync(Paths, Client, Error, cancellationToken);
        return Client;
    }

    /// <summary>The reply as JSON (--json, for a script) or as text (for a person).</summary>
    public void Write<T>(bool json, T reply, Action human)
    {
        if (json)
        {
            CliOutput.WriteJson(Output, reply!);
        }
        else
        {
            human();
        }
    }
}
