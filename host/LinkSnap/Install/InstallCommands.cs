using LinkSnap.Core.Paths;

namespace LinkSnap.Install;

/// <summary>`linksnap install|uninstall|doctor`: native host manifests and environment checks.</summary>
public static class InstallCommands
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var paths = LinkSnapPaths.FromEnvironment();
        try
        {
            var options = InstallOptions.Parse(args[1..]);
            var installer = new NativeHostInstaller(userHome, paths.DataDirectory);
            switch (args[0])
            {
                case "install":
                    return Install(installer, options);
                case "uninstall":
                    var removed = installer.Uninstall(options);
                    Console.WriteLine(removed.Count == 0 ? "No LinkSnap native host manifests were installed." : "Removed:\n  " + string.Join("\n  ", removed));
                    return 0;
                default:
                    var checks = await new Doctor(userHome, paths, options.RelayPath).RunAsync(cancellationToken);
                    foreach (var check in checks)
                    {
                        Console.WriteLine(check);
                    }

                    return checks.Any(c => c.Status == DoctorStatus.Failed) ? 1 : 0;
            }
        }
        catch (InstallException ex)
        {
            Console.Error.WriteLine($"linksnap {args[0]}: {ex.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            Console.Error.WriteLine($"linksnap {args[0]}: {ex.Message}");
            return 1;
        }
    }

    private static int Install(NativeHostInstaller installer, InstallOptions options)
    {
        var relay = RelayLocator.Resolve(options.RelayPath);
        var written = installer.Install(options, relay);
        if (written.Count == 0)
        {
            Console.WriteLine("No supported browser found (Chrome, Chromium, Edge, Brave, Firefox). Use --browser ID to install anyway.");
            return 1;
        }

        Console.WriteLine("Registered the LinkSnap native host (" + relay + ") for:\n  " + string.Join("\n  ", written));
        // scripts/start builds the extension next to the binaries: artifacts/bin and artifacts/extension/{chromium,firefox}.
        var extension = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "extension"));
        var built = Directory.Exists(Path.Combine(extension, "firefox"));
        Console.WriteLine();
        Console.WriteLine("Load the extension:");
        Console.WriteLine($"  Chromium/Chrome/Edge/Brave: open chrome://extensions, turn on Developer mode, \"Load unpacked\" → {(built ? Path.Combine(extension, "chromium") : "the extension/ folder of the LinkSnap source")}.");
        Console.WriteLine($"  Firefox: about:debugging#/runtime/this-firefox → \"Load Temporary Add-on\" → {(built ? Path.Combine(extension, "firefox", "manifest.json") : "the firefox/manifest.json built by scripts/package-extension")}.");
        Console.WriteLine("Then restart the browser once so it reads the host manifest. Check everything with `linksnap doctor`.");
        return 0;
    }
}
