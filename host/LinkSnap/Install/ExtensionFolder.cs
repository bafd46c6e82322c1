namespace LinkSnap.Install;

/// <summary>
/// Where the unpacked extension of this installation is: next to the binaries ("extension"), in the
/// build's artifacts ("artifacts/extension") or in the source tree ("extension") above them. Told to
/// people by `linksnap install` and by the library's first-run panel, so both name the same folder.
/// </summary>
public static class ExtensionFolder
{
    public static string? Find()
    {
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
