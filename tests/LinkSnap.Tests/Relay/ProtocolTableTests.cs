using System.Security.Cryptography;
using System.Text.Json;
using LinkSnap.Install;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>
/// extension/shared/protocol.json is the one definition of the protocol; its names and limits are
/// generated into C# at build time (ProtocolGeneratorTests). These tests fail when what cannot be
/// generated drifts from it: the store's tag rules, the extension's key and version, docs/protocol.md.
/// </summary>
[TestFixture]
public sealed class ProtocolTableTests
{
    private JsonElement _table;
    private string _docs = "";

    [OneTimeSetUp]
    public void Load()
    {
        var root = Corpus.RepositoryRoot;
        _table = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "extension", "shared", "protocol.json"))).RootElement;
        _docs = File.ReadAllText(Path.Combine(root, "docs", "protocol.md"));
    }

    [Test]
    public void Every_tags_field_allows_exactly_what_a_link_can_carry()
    {
        // One limit: a message may carry as many tags as the store keeps on a link, no fewer (a capture
        // of 60 tags refused by the relay but accepted by the API) and no more.
        var tagFields = _table.GetProperty("messages").EnumerateObject()
            .Where(m => m.Value.GetProperty("request").TryGetProperty("tags", out _))
            .Select(m => (m.Name, Rule: m.Value.GetProperty("request").GetProperty("tags")))
            .ToList();
        Assert.That(tagFields.Select(f => f.Name), Is.SupersetOf(new[] { "capture", "update-link" }));
        foreach (var (name, rule) in tagFields)
        {
            Assert.That(rule.GetProperty("maxItems").GetInt32(), Is.EqualTo(LinkSnap.Core.Storage.TagName.MaxPerLink), name);
            Assert.That(rule.GetProperty("maxLength").GetInt32(), Is.EqualTo(LinkSnap.Core.Storage.TagName.MaxLength), name);
        }
    }

    [Test]
    public void Every_message_and_error_code_is_documented()
    {
        foreach (var message in _table.GetProperty("messages").EnumerateObject())
        {
            Assert.That(_docs, Does.Contain($"### `{message.Name}`"), message.Name);
            foreach (var field in message.Value.GetProperty("request").EnumerateObject())
            {
                Assert.That(_docs, Does.Contain($"`{field.Name}`"), $"{message.Name}.{field.Name}");
            }
        }

        foreach (var error in _table.GetProperty("errors").EnumerateObject())
        {
            Assert.That(_docs, Does.Contain($"| `{error.Name}` |"), error.Name);
        }
    }

    [Test]
    public void Host_name_and_extension_ids_agree_with_the_manifest_key_and_the_installer()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.RepositoryRoot, "extension", "manifest.json"))).RootElement;
        var ids = _table.GetProperty("extensionIds");

        // Chromium derives an unpacked extension's ID from its key: sha256 of the DER key, first 32 hex digits mapped 0-f → a-p.
        var hash = SHA256.HashData(Convert.FromBase64String(manifest.GetProperty("key").GetString()!));
        var derived = new string([.. Convert.ToHexStringLower(hash)[..32].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

        Assert.That(ids.GetProperty("chromium").GetString(), Is.EqualTo(derived));
        Assert.That(NativeHostManifest.ChromiumExtensionId, Is.EqualTo(derived));
        Assert.That(NativeHostManifest.FirefoxExtensionId, Is.EqualTo(ids.GetProperty("firefox").GetString()));
        Assert.That(manifest.GetProperty("browser_specific_settings").GetProperty("gecko").GetProperty("id").GetString(), Is.EqualTo(ids.GetProperty("firefox").GetString()));
        Assert.That(NativeHostManifest.HostName, Is.EqualTo(_table.GetProperty("hostName").GetString()));
    }

    [Test]
    public void The_extension_and_the_daemon_have_one_version()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.RepositoryRoot, "extension", "manifest.json"))).RootElement;
        Assert.That(manifest.GetProperty("version").GetString(), Is.EqualTo(LinkSnap.Api.StatusEndpoints.Version),
            "extension/manifest.json and <Version> in Directory.Build.props must agree");
    }
}
