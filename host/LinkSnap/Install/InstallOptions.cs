namespace LinkSnap.Install;

/// <summary>
/// Arguments of `linksnap install|uninstall`: --browser ID (repeatable; default: every browser present),
/// --extension-id ID (repeatable; store IDs besides the unpacked one), --relay PATH (default: the
/// linksnap-relay next to linksnap), --user-data-dir DIR (a Chromium profile of its own, e.g. for tests).
/// </summary>
public sealed record InstallOptions(IReadOnlyList<string> Browsers, IReadOnlyList<string> ExtensionIds, string? RelayPath, string? UserDataDir)
{
    public static InstallOptions Parse(IReadOnlyList<string> args)
    {
        var browsers = new List<string>();
        var ids = new List<string>();
        string? relay = null;
        string? userDataDir = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new InstallException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--browser":
                    var browser = Value();
                    if (browser != "all" && BrowserTarget.Find(browser) is null)
                    {
                        throw new InstallException($"unknown browser \"{browser}\"; use one of {string.Join(", ", BrowserTarget.All.Select(b => b.Id))} or all");
                    }

                    browsers.Add(browser.ToLowerInvariant());
                    break;
                case "--extension-id":
                    var id = Value();
                    if (!NativeHostManifest.IsValidExtensionId(id))
                    {
                        throw new InstallException($"\"{id}\" is not an extension id (Chromium: 32 letters a-p; Firefox: name@domain or {{GUID}})");
                    }

                    ids.Add(id);
                    break;
                case "--relay":
                    relay = Path.GetFullPath(Value());
                    break;
                case "--user-data-dir":
                    userDataDir = Path.GetFullPath(Value());
                    break;
                default:
                    throw new InstallException($"unknown option {args[i]}");
            }
        }

        return new InstallOptions(browsers, ids, relay, userDataDir);
    }
}
