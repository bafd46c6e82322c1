using System.CommandLine;
using LinkSnap.Cli;

namespace LinkSnap.Install;

/// <summary>`linksnap install|uninstall|doctor`: native host manifests and environment checks.</summary>
public static class InstallCommands
{
    public static IEnumerable<Command> Create(CliSession session)
    {
        yield return Command(session, "install", "register the native host with the browsers (then load the extension)", Install);
        yield return Command(session, "uninstall", "remove the native host registrations", (s, installer, options) => Task.FromResult(Uninstall(s, installer, options)));
        yield return Command(session, "doctor", "check the browser, fonts, host manifest, daemon, relay and permissions", DoctorAsync);
    }

    private static Command Command(CliSession session, string name, string description, Func<CliSession, NativeHostInstaller, InstallOptions, Task<int>> run)
    {
        var browsers = new Option<string[]>("--browser") { Description = $"a browser to register with: {string.Join(", ", BrowserTarget.All.Select(b => b.Id))} or all (repeat; default: every browser present)", HelpName = "ID" };
        var extensionIds = new Option<string[]>("--extension-id") { Description = "an extension id besides the unpacked one, e.g. a store id (repeat for more)", HelpName = "ID" };
        var relay = new Option<string?>("--relay") { Description = "the relay executable (default: linksnap-relay next to linksnap)", HelpName = "PATH" };
        var userDataDir = new Option<string?>("--user-data-dir") { Description = "a Chromium profile of its own (e.g. for tests)", HelpName = "DIR" };
        var command = new Command(name, description) { browsers, extensionIds, relay, userDataDir };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var options = InstallOptions.Create(result.GetValue(browsers) ?? [], result.GetValue(extensionIds) ?? [], result.GetValue(relay), result.GetValue(userDataDir));
                var userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                return await run(session, new NativeHostInstaller(userHome, session.Paths.DataDirectory), options);
            }
            catch (InstallException ex)
            {
                session.Error.WriteLine($"linksnap {name}: {ex.Message}");
                return CliApp.Usage;
            }
            catch (UnauthorizedAccessException ex)
            {
                session.Error.WriteLine($"linksnap {name}: {ex.Message}");
                return CliApp.Failed;
            }
        });
        return command;
    }

    private static int Uninstall(CliSession session, NativeHostInstaller installer, InstallOptions options)
    {
        var removed = installer.Uninstall(options);
        session.Output.WriteLine(removed.Count == 0 ? "No LinkSnap native host manifests were installed." : "Removed:\n  " + string.Join("\n  ", removed));
        return CliApp.Ok;
    }

    private static async Task<int> DoctorAsync(CliSession session, NativeHostInstaller _, InstallOptions options)
    {
        var userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var checks = await new Doctor(userHome, session.Paths, options.RelayPath).RunAsync(CancellationToken.None);
        foreach (var check in checks)
        {
            session.Output.WriteLine(check);
        }

        return checks.Any(c => c.Status == DoctorStatus.Failed) ? CliApp.Failed : CliApp.Ok;
    }

    private static Task<int> Install(CliSession session, NativeHostInstaller installer, InstallOptions options)
    {
        var output = session.Output;
        var relay = RelayLocator.Resolve(options.RelayPath);
        var written = installer.Install(options, relay);
        if (written.Count == 0)
        {
            output.WriteLine("No supported browser found (Chrome, Chromium, Edge, Brave, Firefox). Use --browser ID to install anyway.");
            return Task.FromResult(CliApp.Failed);
        }

        output.WriteLine("Registered the LinkSnap native host (" + relay + ") for:\n  " + string.Join("\n  ", written));
        // scripts/start builds the extension next to the binaries: artifacts/bin and artifacts/extension/{chromium,firefox}.
        var extension = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "extension"));
        var built = Directory.Exists(Path.Combine(extension, "firefox"));
        output.WriteLine();
        output.WriteLine("Load the extension:");
        output.WriteLine($"  Chromium/Chrome/Edge/Brave: open chrome://extensions, turn on Developer mode, \"Load unpacked\" → {(built ? Path.Combine(extension, "chromium") : "the extension/ folder of the LinkSnap source")}.");
        output.WriteLine($"  Firefox: about:debugging#/runtime/this-firefox → \"Load Temporary Add-on\" → {(built ? Path.Combine(extension, "firefox", "manifest.json") : "the firefox/manifest.json built by scripts/package-extension")}.");
        output.WriteLine("Then restart the browser once so it reads the host manifest. Check everything with `linksnap doctor`.");
        return Task.FromResult(CliApp.Ok);
    }
}
