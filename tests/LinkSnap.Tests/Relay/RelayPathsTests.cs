using LinkSnap.Core.Paths;
using LinkSnap.Relay;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>
/// The relay keeps its own copy of the data-directory rules (it must not load LinkSnap.Core): both must
/// find the same data directory and socket, or the relay would start a second daemon next to the first.
/// </summary>
[NonParallelizable]
public sealed class RelayPathsTests
{
    [TestCase(null, null)]
    [TestCase("/tmp/linksnap-home-test", null)]
    [TestCase(null, "/tmp/xdg-data-test")]
    public void Relay_and_daemon_agree_on_the_data_directory_and_socket(string? linksnapHome, string? xdgDataHome)
    {
        var saved = (Environment.GetEnvironmentVariable("LINKSNAP_HOME"), Environment.GetEnvironmentVariable("XDG_DATA_HOME"));
        try
        {
            Environment.SetEnvironmentVariable("LINKSNAP_HOME", linksnapHome);
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", xdgDataHome);
            var daemon = LinkSnapPaths.FromEnvironment();
            var relay = RelayPaths.FromEnvironment();
            Assert.That(relay.DataDirectory, Is.EqualTo(daemon.DataDirectory));
            Assert.That(relay.SocketPath, Is.EqualTo(daemon.SocketPath));
            Assert.That(relay.LogsDirectory, Is.EqualTo(daemon.LogsDirectory));
            Assert.That(daemon.DataDirectory, Does.StartWith(linksnapHome ?? xdgDataHome ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("LINKSNAP_HOME", saved.Item1);
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", saved.Item2);
        }
    }
}
