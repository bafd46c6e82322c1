namespace LinkSnap.Cli;

/// <summary>The `linksnap` command line: a thin client of the daemon API over the per-user socket.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine("usage: linksnap capture|list|show|search|tags|tag|open|reindex|serve|install|doctor");
        return Task.FromResult(2);
    }
}
