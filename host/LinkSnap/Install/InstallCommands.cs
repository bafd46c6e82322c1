namespace LinkSnap.Install;

/// <summary>`linksnap install|uninstall|doctor`: native host manifests and environment checks.</summary>
public static class InstallCommands
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"linksnap {args[0]}: not implemented yet");
        return Task.FromResult(2);
    }
}
