namespace LinkSnap.Cli;

/// <summary>
/// `linksnap token --rotate`: replaces the library's login token. Every open library session, login
/// link and snapshot URL made from the old token stops working; prints the new login link.
/// </summary>
internal static class TokenCommand
{
    public static async Task<int> RunAsync(DaemonClient client, CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1 || !args.Has("--rotate"))
        {
            throw new CliUsageException("Use `linksnap token --rotate` to replace the library's login token (every library session ends).");
        }

        var rotated = await client.PostAsync("/api/token/rotate", null, cancellationToken);
        if (args.Has("--json"))
        {
            CliOutput.WriteJson(output, rotated);
        }
        else
        {
            output.WriteLine("Rotated the library token: every library session and earlier login link has stopped working.");
            output.WriteLine($"  new login link: {rotated.GetProperty("loginUrl").GetString()}");
        }

        return CliApp.Ok;
    }
}
