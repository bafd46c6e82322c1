namespace LinkSnap.Install;

/// <summary>
/// Where the unpacked extension of this installation is, for the library's first-run panel: built next
/// to the binaries ("../extension/chromium", as scripts/start lays it out), else the source tree's
/// "extension" folder above them.
/// </summary>
public static class ExtensionFolder
{
    public static string? Find()
    {
        // scripts/start builds it next to the binaries: artifacts/bin and artifacts/extension/chromium.
        var built = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "extension", "chromium"));
        if (File.Exists(Path.Combine(built, "manifest.json")))
        {
            return built;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "extension"), Path.Combine(dir.FullName, "artifacts", "extension") })
            {
                if (File.Exists(Path.Combine(candidate, "manifest.json")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }
}
