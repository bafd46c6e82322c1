// linksnap: one executable for the daemon ("serve"), the installer ("install", "uninstall",
// "doctor") and the CLI (everything else), so that a user installs and updates one thing.
using LinkSnap.Cli;
using LinkSnap.Daemon;
using LinkSnap.Install;

return args.FirstOrDefault() switch
{
    "serve" => await DaemonHost.RunAsync(args[1..], CancellationToken.None),
    "install" or "uninstall" or "doctor" => await InstallCommands.RunAsync(args, CancellationToken.None),
    _ => await CliApp.RunAsync(args, CancellationToken.None),
};
