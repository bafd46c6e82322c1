using System.Text.Json;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>`linksnap install|uninstall|doctor` run as the real executable against a temporary HOME.</summary>
[TestFixture]
public sealed class InstallCommandTests
{
    private const string StoreId = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private TempDirectory _home = null!;
    private string _relay = null!;

    [SetUp]
    public void SetUp()
    {
        _home = new TempDirectory();
        _relay = Path.Combine(AppContext.BaseDirectory, "linksnap-relay");
    }

    [TearDown]
    public void TearDown() => _home.Dispose();

    private Dictionary<string, string> Env(string? path = null) => new()
    {
        ["HOME"] = _home.Path,
        ["LINKSNAP_HOME"] = Path.Combine(_home.Path, "data"),
        ["PATH"] = path ?? Environment.GetEnvironmentVariable("PATH") ?? "",
    };

    [Test]
    public async Task Install_writes_chromium_and_firefox_manifests_with_the_fixed_and_given_ids()
    {
        var (code, stdout, stderr) = await LinkSnapCli.RunAsync(Env(), null, "install", "--browser", "chromium", "--browser", "firefox",
            "--extension-id", StoreId, "--extension-id", "store@linksnap.example", "--relay", _relay);

        Assert.That(code, Is.EqualTo(0), stderr);
        var chromium = Read(".config/chromium/NativeMessagingHosts/com.linksnap.relay.json");
        var firefox = Read(".mozilla/native-messaging-hosts/com.linksnap.relay.json");
        Assert.That(chromium.GetProperty("path").GetString(), Is.EqualTo(_relay));
        Assert.That(chromium.GetProperty("type").GetString(), Is.EqualTo("stdio"));
        Assert.That(chromium.GetProperty("allowed_origins").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[]
        {
            "chrome-extension://agcingfldgkbfnghfknpkkjnnjifopil/", $"chrome-extension://{StoreId}/",
        }));
        Assert.That(firefox.GetProperty("allowed_extensions").EnumerateArray().Select(e => e.GetString()),
            Is.EqualTo(new[] { "linksnap@linksnap.local", "store@linksnap.example" }));
        Assert.That(File.ReadAllText(Path.Combine(_home.Path, "data", "native-origins.json")), Does.Contain(StoreId));
        Assert.That(stdout, Does.Contain("Load unpacked"));
    }

    [Test]
    public async Task Without_browser_option_only_browsers_that_are_present_get_a_manifest_and_uninstall_removes_it()
    {
        Directory.CreateDirectory(Path.Combine(_home.Path, ".config", "BraveSoftware", "Brave-Browser"));
        var emptyPath = Directory.CreateDirectory(Path.Combine(_home.Path, "bin")).FullName;

        var (code, stdout, stderr) = await LinkSnapCli.RunAsync(Env(emptyPath), null, "install", "--relay", _relay);

        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("Brave"));
        Assert.That(File.Exists(Path.Combine(_home.Path, ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts/com.linksnap.relay.json")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(_home.Path, ".config", "chromium")), Is.False);

        var removed = await LinkSnapCli.RunAsync(Env(emptyPath), null, "uninstall");
        Assert.That(removed.ExitCode, Is.EqualTo(0), removed.Error);
        Assert.That(File.Exists(Path.Combine(_home.Path, ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts/com.linksnap.relay.json")), Is.False);
    }

    [Test]
    public async Task Bad_arguments_are_refused_with_a_message()
    {
        var badId = await LinkSnapCli.RunAsync(Env(), null, "install", "--extension-id", "not-an-id", "--relay", _relay);
        var badBrowser = await LinkSnapCli.RunAsync(Env(), null, "install", "--browser", "netscape", "--relay", _relay);
        var noRelay = await LinkSnapCli.RunAsync(Env(), null, "install", "--browser", "chromium", "--relay", Path.Combine(_home.Path, "missing"));

        Assert.That(badId.ExitCode, Is.EqualTo(2));
        Assert.That(badId.Error, Does.Contain("not an extension id"));
        Assert.That(badBrowser.Error, Does.Contain("unknown browser \"netscape\""));
        Assert.That(noRelay.Error, Does.Contain("relay was not found"));
    }

    [Test]
    public async Task Doctor_reports_manifests_relay_and_daemon_and_flags_a_manifest_whose_relay_is_gone()
    {
        var relay = await RelayBinary.GetAsync();
        await LinkSnapCli.RunAsync(Env(), null, "install", "--browser", "chromium", "--relay", relay);
        var fake = Path.Combine(_home.Path, "old-relay");
        File.WriteAllText(fake, "");
        await LinkSnapCli.RunAsync(Env(), null, "install", "--browser", "firefox", "--relay", fake);
        File.Delete(fake);

        var (_, stdout, _) = await LinkSnapCli.RunAsync(Env(), null, "doctor", "--relay", relay);

        Assert.That(stdout, Does.Contain("[ok  ] Chromium host manifest"));
        Assert.That(stdout, Does.Contain("[FAIL] Firefox host manifest").And.Contain("missing relay"));
        Assert.That(stdout, Does.Contain("[warn] daemon: not running"));
        Assert.That(stdout, Does.Contain("[ok  ] relay").And.Contain("daemon is not running"));
        Assert.That(stdout, Does.Contain("capture browser"));
    }

    [Test]
    public async Task Doctor_checks_the_profile_the_host_was_installed_into_with_user_data_dir()
    {
        var relay = await RelayBinary.GetAsync();
        var profile = Path.Combine(_home.Path, "test-profile");
        var manifest = Path.Combine(profile, "NativeMessagingHosts", "com.linksnap.relay.json");
        var install = await LinkSnapCli.RunAsync(Env(), null, "install", "--browser", "chromium", "--user-data-dir", profile, "--relay", relay);
        Assert.That(install.ExitCode, Is.EqualTo(0), install.Error);

        var healthy = await LinkSnapCli.RunAsync(Env(), null, "doctor", "--relay", relay);
        Assert.That(healthy.Output, Does.Contain($"[ok  ] Chromium host manifest (profile {profile}): {manifest}"));
        Assert.That(healthy.Output, Does.Not.Contain("no browser has the LinkSnap native host registered"));

        File.Delete(manifest);
        var broken = await LinkSnapCli.RunAsync(Env(), null, "doctor", "--relay", relay);
        Assert.That(broken.Output, Does.Contain($"[FAIL] Chromium host manifest (profile {profile}): missing ({manifest})"));
        Assert.That(broken.Output, Does.Contain($"--user-data-dir {profile}"));

        var uninstall = await LinkSnapCli.RunAsync(Env(), null, "uninstall", "--browser", "chromium", "--user-data-dir", profile);
        Assert.That(uninstall.ExitCode, Is.EqualTo(0), uninstall.Error);
        var after = await LinkSnapCli.RunAsync(Env(), null, "doctor", "--relay", relay);
        Assert.That(after.Output, Does.Not.Contain("(profile "), "an uninstalled profile is forgotten");
    }

    private JsonElement Read(string relative) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_home.Path, relative))).RootElement;
}
