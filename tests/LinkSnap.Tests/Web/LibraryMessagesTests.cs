using System.Text.Json;
using System.Text.RegularExpressions;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Web;

/// <summary>
/// The library's message files: both languages carry the same keys with the same placeholders,
/// and every key the page asks for exists. (LibraryLanguageTests checks in a browser that no
/// visible string bypasses them.)
/// </summary>
[TestFixture]
public sealed partial class LibraryMessagesTests
{
    private static readonly string Assets = Path.Combine(Corpus.RepositoryRoot, "host", "LinkSnap", "Web", "wwwroot", "assets");

    private static Dictionary<string, JsonElement> Load(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path.Combine(Assets, "messages", language + ".json")))!;

    [Test]
    public void Chinese_and_English_have_the_same_keys_and_placeholders()
    {
        var en = Load("en");
        var zh = Load("zh-CN");
        Assert.That(zh.Keys.Except(en.Keys), Is.Empty, "keys only in zh-CN.json");
        Assert.That(en.Keys.Except(zh.Keys), Is.Empty, "keys only in en.json");
        foreach (var key in en.Keys)
        {
            Assert.That(Placeholders(zh[key]), Is.EquivalentTo(Placeholders(en[key])), $"placeholders of {key}");
            Assert.That(Texts(zh[key]).All(t => t.Trim().Length > 0), $"{key} is empty in zh-CN.json");
        }
    }

    [Test]
    public void Every_key_the_page_uses_exists()
    {
        var en = Load("en");
        var sources = Directory.GetFiles(Assets, "*.js").Append(Path.Combine(Assets, "..", "index.html"));
        var missing = new List<string>();
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in StaticKey().Matches(text))
            {
                var key = m.Groups["key"].Value;
                if (!en.ContainsKey(key))
                {
                    missing.Add($"{Path.GetFileName(file)}: {key}");
                }
            }

            // t(`tab.${key}`): some key must start with the fixed part.
            foreach (Match m in TemplateKey().Matches(text))
            {
                var prefix = m.Groups["prefix"].Value;
                if (prefix.Length > 0 && !en.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    missing.Add($"{Path.GetFileName(file)}: {prefix}…");
                }
            }
        }

        Assert.That(missing, Is.Empty, "keys used by the page but missing in en.json");
    }

    private static IEnumerable<string> Texts(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object
            ? message.EnumerateObject().Select(p => p.Value.GetString()!)
            : [message.GetString()!];

    private static HashSet<string> Placeholders(JsonElement message) =>
        Texts(message).SelectMany(t => Placeholder().Matches(t).Select(m => m.Value)).ToHashSet();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?:\bt\(|data-i18n(?:-[a-z-]+)?=)['""](?<key>[\w.-]+)['""]")]
    private static partial Regex StaticKey();

    [GeneratedRegex(@"\bt\(`(?<prefix>[\w.-]*)\$\{")]
    private static partial Regex TemplateKey();
}
