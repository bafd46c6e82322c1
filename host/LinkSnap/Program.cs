// linksnap: one executable for the daemon ("serve"), the installer ("install", "uninstall",
// "doctor") and the CLI (everything else), so that a user installs and updates one thing.
// Cli/CliParser.cs holds the command tree.
return await LinkSnap.Cli.CliApp.RunAsync(args, CancellationToken.None);
