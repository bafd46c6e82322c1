using System.Text.RegularExpressions;
using LinkSnap.Core.Capture.Inlining;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Inlining;

/// <summary>
/// Every servo site and the iana pages through capture → conversion → offline copy, printing
/// requests attempted and text differences. Explicit: it takes minutes; run it after changing the
/// inliner (dotnet test --filter Name~Sweep).
/// </summary>
[TestFixture]
[Explicit("minutes-long sweep over the fidelity corpus")]
public sealed partial class CorpusSweep
{
    [Test]
    public async Task Sweep_fidelity_corpus()
    {
        var servo = Corpus.RequireDirectory("fidelity/servo");
        await using var browser = await BrowserHarness.StartAsync();
        var failures = new List<string>();
        foreach (var site in Directory.GetDirectories(servo).Order())
        {
            if (Path.GetFileName(site) == "Instagram")
            {
                continue;
            }

            await using var server = await FixtureServer.StartAsync();
            server.MapDirectory("/", site);
            try
            {
                var (result, liveText, mhtmlLength) = await browser.CaptureAsync(server.Url("/index.html"));
                await using var copy = await browser.OpenOfflineAsync(result.Html);
                var text = Normalize(await copy.TextAsync());
                var live = Normalize(liveText);
                var line = $"{Path.GetFileName(site)}: mhtml {mhtmlLength / 1024} KB -> {result.Html.Length / 1024} KB, "
                    + $"inlined {result.Stats.ResourcesInlined}, missing {result.Stats.ResourcesMissing}, requests {copy.Attempted.Count}, text {(text == live ? "same" : $"DIFFERS ({live.Length} vs {text.Length})")}";
                TestContext.Out.WriteLine(line);
                foreach (var request in copy.Attempted.Take(5))
                {
                    TestContext.Out.WriteLine("   request " + request);
                }

                if (text != live)
                {
                    var i = 0;
                    while (i < Math.Min(text.Length, live.Length) && text[i] == live[i])
                    {
                        i++;
                    }

                    TestContext.Out.WriteLine("   live: " + live.Substring(Math.Max(0, i - 40), Math.Min(120, live.Length - Math.Max(0, i - 40))));
                    TestContext.Out.WriteLine("   copy: " + text.Substring(Math.Max(0, i - 40), Math.Min(120, text.Length - Math.Max(0, i - 40))));
                }

                if (!copy.Attempted.IsEmpty)
                {
                    failures.Add(line);
                }
            }
            catch (Exception e) when (e is not AssertionException)
            {
                TestContext.Out.WriteLine($"{Path.GetFileName(site)}: {e.GetType().Name} {e.Message.Split('\n')[0]}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
