// linksnap-relay: the native messaging host the browser launches. See docs/protocol.md.
using LinkSnap.Relay;
using LinkSnap.Relay.Protocol;
using LinkSnap.Shared;

var paths = LinkSnapPaths.FromEnvironment();
var log = new RelayLog(paths.LogsDirectory);
try
{
    var host = new RelayHost(ProtocolSchema.Load(), RelayOptions.FromEnvironment(), paths, log);
    await using var stdin = Console.OpenStandardInput();
    await using var stdout = Console.OpenStandardOutput();
    return await host.RunAsync(args, stdin, stdout, CancellationToken.None);
}
catch (IOException ex)
{
    // The browser closed the pipe: nobody is left to answer.
    log.Write("pipe closed: " + ex.Message);
    return 1;
}
catch (Exception ex)
{
    log.Write("crash: " + ex);
    return 70;
}
