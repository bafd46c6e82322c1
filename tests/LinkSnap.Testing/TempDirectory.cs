namespace LinkSnap.Testing;

/// <summary>A fresh folder under /tmp, deleted on dispose. Short paths: the daemon socket lives inside.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("ls-").FullName;
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still shutting down may hold a file; the OS cleans /tmp.
        }
    }
}
