using System.Text.Json;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>The options page's host status, and the extension's own protocol checks (same table as the relay).</summary>
[TestFixture]
[NonParallelizable]
public sealed class ExtensionPagesTests
{
    private ExtensionHarness _harness = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _harness = await ExtensionHarness.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    [Test]
    public async Task Options_page_shows_host_version_library_and_data_folder_and_keeps_defaults()
    {
        var page = await _harness.Browser.NewPageAsync();
        await page.GotoAsync(_harness.ExtensionUrl("options/options.html"));

        await Assertions.Expect(page.Locator("#host-state")).ToHaveTextAsync("Connected", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#host-data")).ToHaveTextAsync(_harness.DataDirectory);
        await Assertions.Expect(page.Locator("#host-library")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^http://127\.0\.0\.1:\d+/$"));
        await Assertions.Expect(page.Locator("#host-version")).Not.ToHaveTextAsync("–");

        await page.Locator("#default-tags").FillAsync("inbox, Later ,inbox");
        await page.Locator("#default-mode").SelectOptionAsync("fresh");
        await page.Locator("#defaults button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("Saved.");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#default-tags")).ToHaveValueAsync("inbox, Later, ");
        await Assertions.Expect(page.Locator("#default-mode")).ToHaveValueAsync("fresh");

        await page.Locator("#default-tags").FillAsync("");
        await page.Locator("#default-mode").SelectOptionAsync("as-seen");
        await page.Locator("#defaults button[type=submit]").ClickAsync();
        await page.CloseAsync();
    }

    [Test]
    public async Task Extension_refuses_the_same_malformed_messages_as_the_relay()
    {
        var page = await _harness.Browser.NewPageAsync();
        await page.GotoAsync(_harness.ExtensionUrl("options/options.html"));

        var codes = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const { loadProtocol, validateRequest } = await import('/shared/protocol.js');
              const table = await loadProtocol();
              const cases = [
                { id: 'a', type: 'ping' },
                { id: 'b', type: 'capture' },
                { id: 'c', type: 'capture', url: 'https://e.org/', tags: ['ok', 3] },
                { id: 'd', type: 'capture', url: 'https://e.org/', mode: 'sideways' },
                { id: 'e', type: 'teleport' },
                { id: 'f', type: 'tags', limit: 'ten' },
                { id: 'g', type: 'ping', extra: true },
                { id: 'h', type: 'capture', url: 'https://e.org/', mode: 'as-seen', html: 'x'.repeat(table.limits.maxHtmlBytes + 1) },
                { type: 'ping' },
                { id: 'i', type: 'status', snapshotId: 42 },
              ];
              return cases.map(c => validateRequest(table, c)?.code ?? 'ok');
            }
            """);

        Assert.That(codes.EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[]
        {
            "ok", "bad-message", "bad-message", "bad-message", "unknown-type", "bad-message", "bad-message", "too-large", "bad-message", "ok",
        }));
        await page.CloseAsync();
    }
}
