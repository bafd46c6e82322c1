using System.Text.Json;
using System.Text.RegularExpressions;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>
/// The extension's _locales: Chinese and English carry the same keys and placeholders, and every
/// key the manifest, the pages and the scripts ask for exists (no browser needed).
/// </summary>
[TestFixture]
public sealed partial class ExtensionMessagesTests
{
    private static readonly string ExtensionRoot = Path.Combine(Corpus.RepositoryRoot, "extension");

    private static Dictionary<string, string> Load(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path.Combine(ExtensionRoot, "_locales", language, "messages.json")))!
            .ToDictionary(e => e.Key, e => e.Value.GetProperty("message").GetString()!);

    [Test]
    public void Chinese_and_English_have_the_same_keys_and_placeholders()
    {
        var en = Load("en");
        var zh = Load("zh_CN");
        Assert.That(zh.Keys.Except(en.Keys), Is.Empty, "keys only in zh_CN");
        Assert.That(en.Keys.Except(zh.Keys), Is.Empty, "keys only in en");
        foreach (var key in en.Keys)
        {
            Assert.That(Placeholder().Matches(zh[key]).Select(m => m.Value), Is.EquivalentTo(Placeholder().Matches(en[key]).Select(m => m.Value)), key);
            Assert.That(zh[key].Trim(), Is.Not.Empty, key);
        }
    }

    [Test]
    public void Every_key_the_extension_uses_exists()
    {
        var en = Load("en");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(ExtensionRoot, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith("manifest.json", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            missing.AddRange(StaticKey().Matches(text).Select(m => m.Groups["key"].Value).Where(k => !en.ContainsKey(k)).Select(k => $"{Path.GetFileName(file)}: {k}"));
            missing.AddRange(TemplateKey().Matches(text).Select(m => m.Groups["prefix"].Value)
                .Where(p => !en.Keys.Any(k => k.StartsWith(p, StringComparison.Ordinal))).Select(p => $"{Path.GetFileName(file)}: {p}…"));
        }

        Assert.That(missing, Is.Empty);
    }

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?:\bt\(|data-i18n(?:-[a-z-]+)?=)['""](?<key>\w+)['""]|__MSG_(?<key>\w+?)__")]
    private static partial Regex StaticKey();

    [GeneratedRegex(@"\bt\(`(?<prefix>\w+)\$\{")]
    private static partial Regex TemplateKey();
}
