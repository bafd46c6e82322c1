namespace LinkSnap.Install;

/// <summary>
/// Arguments of `linksnap install|uninstall|doctor`: --browser ID (repeatable; default: every browser present),
/// --extension-id ID (repeatable; store IDs besides the unpacked one), --relay PATH (default: the
/// linksnap-relay next to linksnap), --user-data-dir DIR (a Chromium profile of its own, e.g. for tests).
/// </summary>
public sealed record InstallOptions(IReadOnlyList<string> Browsers, IReadOnlyList<string> ExtensionIds, string? RelayPath, string? UserDataDir)
{
    /// <summary>Checks each value (a known browser, a well-formed extension id) and makes paths absolute.</summary>
    public static InstallOptions Create(IEnumerable<string> browsers, IEnumerable<string> extensionIds, string? relay, string? userDataDir)
    {
        var browserIds = new List<string>();
        foreach (var browser in browsers)
        {
            if (browser != "all" && BrowserTarget.Find(browser) is null)
            {
                throw new InstallException($"unknown browser \"{browser}\"; use one of {string.Join(", ", BrowserTarget.All.Select(b => b.Id))} or all");
            }

            browserIds.Add(browser.ToLowerInvariant());
        }

        var ids = extensionIds.ToList();
        foreach (var id in ids.Where(id => !NativeHostManifest.IsValidExtensionId(id)))
        {
            throw new InstallException($"\"{id}\" is not an extension id (Chromium: 32 letters a-p; Firefox: name@domain or {{GUID}})");
        }

        return new InstallOptions(browserIds, ids, relay is null ? null : Path.GetFullPath(relay), userDataDir is null ? null : Path.GetFullPath(userDataDir));
    }
}
