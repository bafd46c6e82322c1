using System.Diagnostics;
using System.Text.Json;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>
/// The relay starts the real daemon (`linksnap serve`) when none answers, detached in its own session
/// so that it outlives the relay (browsers kill the host's process group), and reuses it afterwards. A daemon
/// stopped on purpose (the marker of `linksnap stop`, decision 068) is started only by the start message.
/// </summary>
[TestFixture]
public sealed class RelayDaemonStartTests
{
    [Test]
    [Platform("Linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Relay_starts_a_detached_daemon_once_and_then_talks_to_it()
    {
        var relay = await RelayBinary.GetAsync();
        using var home = new TempDirectory();
        var (data, env) = RelayEnvironment(home);
        var ping = RelayRun.Frame("""{"id":"p","type":"ping"}""");
        var marker = new LinkSnap.Shared.LinkSnapPaths(data).StoppedMarkerPath;
        Directory.CreateDirectory(data);
        File.WriteAllText(marker, "stopped by `linksnap stop`\n");
        int? daemonPid = null;
        try
        {
            var refused = (await RelayRun.RunAsync(relay, ping, env, limit: TimeSpan.FromSeconds(60))).Frames().Single();
            Assert.That(refused.GetProperty("ok").GetBoolean(), Is.False, refused.ToString());
            Assert.That(refused.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("daemon-stopped"));
            Assert.That(ReadDaemonPid(data), Is.Null, "a daemon stopped on purpose is not started by ping");

            var start = RelayRun.Frame("""{"id":"s","type":"start"}""");
            var first = await RelayRun.RunAsync(relay, start, env, limit: TimeSpan.FromSeconds(120));
            daemonPid = ReadDaemonPid(data);
            Assert.That(File.Exists(marker), Is.False, "the started daemon removes the marker");

            var reply = first.Frames().Single();
            Assert.That(reply.GetProperty("ok").GetBoolean(), Is.True, reply.ToString());
            Assert.That(reply.GetProperty("result").GetProperty("dataDirectory").GetString(), Is.EqualTo(data));
            Assert.That(daemonPid, Is.Not.Null, "daemon.json names the started daemon");
            Assert.That(Process.GetProcessById(daemonPid!.Value).HasExited, Is.False, "the daemon outlives the relay");
            Assert.That(SessionOf(daemonPid.Value), Is.Not.EqualTo(SessionOf(Environment.ProcessId)), "the daemon runs in a session of its own");

            var second = await RelayRun.RunAsync(relay, ping, env, limit: TimeSpan.FromSeconds(60));
            Assert.That(second.Frames().Single().GetProperty("ok").GetBoolean(), Is.True);
            Assert.That(ReadDaemonPid(data), Is.EqualTo(daemonPid), "no second daemon was started");
        }
        finally
        {
            if (daemonPid is { } pid)
            {
                using var daemon = Process.GetProcessById(pid);
                daemon.Kill();
                await daemon.WaitForExitAsync();
            }
        }
    }

    /// <summary>
    /// A popup sends several messages at once, each through its own relay; with "start automatically" every one
    /// of them starts `linksnap serve`. On a fresh data directory the extra daemons used to crash in the
    /// migrations, and on a used one a loser could leave the winner unreachable: now one daemon serves them all.
    /// </summary>
    [Test]
    [Platform("Linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Relays_that_start_the_daemon_at_the_same_moment_all_get_the_one_daemon_that_runs()
    {
        var relay = await RelayBinary.GetAsync();
        using var home = new TempDirectory();
        var (data, env) = RelayEnvironment(home);
        var start = RelayRun.Frame("""{"id":"s","type":"start"}""");
        int? daemonPid = null;
        try
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RelayRun.RunAsync(relay, start, env, limit: TimeSpan.FromSeconds(150))));
            daemonPid = ReadDaemonPid(data);
            foreach (var reply in runs.Select(r => r.Frames().Single()))
            {
                Assert.That(reply.GetProperty("ok").GetBoolean(), Is.True, reply.ToString());
            }

            Assert.That(daemonPid, Is.Not.Null, "daemon.json names the daemon that runs");
            var left = await Eventually.ValueAsync(() => Task.FromResult(ServingDaemons(data)), pids => pids.Length <= 1, TimeSpan.FromSeconds(60),
                pids => $"the extra daemons to exit (running: {string.Join(", ", pids)})");
            Assert.That(left, Is.EqualTo(new[] { daemonPid!.Value }), "exactly one daemon is left, the one in daemon.json");
            var log = File.ReadAllText(new LinkSnap.Shared.LinkSnapPaths(data).DaemonLogPath);
            Assert.That(log, Does.Not.Contain("Unhandled exception"), log);
            Assert.That(log, Does.Contain("already running (or starting)"), "the extra daemons said why they stopped");
        }
        finally
        {
            foreach (var pid in ServingDaemons(data))
            {
                using var daemon = Process.GetProcessById(pid);
                daemon.Kill();
                await daemon.WaitForExitAsync();
            }
        }
    }

    /// <summary>A data directory under <paramref name="home"/> and the relay's environment: it starts the real daemon (through a wrapper script, as `linksnap install` sets up).</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static (string Data, Dictionary<string, string> Env) RelayEnvironment(TempDirectory home)
    {
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var wrapper = Path.Combine(home.Path, "linksnap");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec \"{dotnet}\" \"{LinkSnapCli.DllPath}\" \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var data = Path.Combine(home.Path, "data");
        return (data, new Dictionary<string, string>
        {
            ["LINKSNAP_HOME"] = data,
            ["LINKSNAP_EXE"] = wrapper,
            ["LINKSNAP_RELAY_START_TIMEOUT_MS"] = "90000",
            ["LINKSNAP_Daemon__Port"] = "0",
        });
    }

    /// <summary>Pids of the `linksnap serve` processes whose environment names <paramref name="data"/>.</summary>
    private static int[] ServingDaemons(string data)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (command.Contains("serve") && environment.Contains("LINKSNAP_HOME=" + data))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process.
            }
        }

        return found.ToArray();
    }

    private static int? ReadDaemonPid(string data)
    {
        var path = Path.Combine(data, "daemon.json");
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("pid").GetInt32() : null;
    }

    /// <summary>Session id from /proc/PID/stat (field 6; the command name in field 2 may contain spaces).</summary>
    private static string SessionOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[3];
    }
}
