using NUnit.Framework;

namespace LinkSnap.Testing;

/// <summary>
/// The shared third-party corpus at ../shared/corpus (relative to the repository root). Tests that
/// use it call <see cref="RequireDirectory"/>, which skips them with a reason where it is absent.
/// </summary>
public static class Corpus
{
    public static string? Root { get; } = FindRoot();

    public static string RequireDirectory(string relative)
    {
        if (Root is null)
        {
            Assert.Ignore("../shared/corpus is not present next to this clone; corpus-based tests are skipped.");
        }

        var path = System.IO.Path.Combine(Root!, relative);
        if (!Directory.Exists(path))
        {
            Assert.Ignore($"corpus folder {relative} is missing under {Root}.");
        }

        return path;
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "LinkSnap.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LinkSnap.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("LINKSNAP_CORPUS");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? env : null;
        }

        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(FindRepositoryRoot(), "..", "shared", "corpus"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
