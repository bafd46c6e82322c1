using LinkSnap.Core.Capture;
using LinkSnap.Core.Health;
using LinkSnap.Testing;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Health;

/// <summary>
/// The checker against real HTTP servers on loopback: pages that become 404, start redirecting,
/// turn into a parked domain's page or keep failing; the capture's address rule; a DNS name that
/// does not exist.
/// </summary>
public sealed class HealthCheckerTests
{
    private const string Article = "<html><head><title>Rivers of the north</title></head><body><h1>Rivers of the north</h1>"
        + "<p>The long rivers of the northern plains carry meltwater from the mountains to the sea, feeding wetlands, towns and farms along the way.</p></body></html>";

    private const string SavedText = "Rivers of the north. The long rivers of the northern plains carry meltwater from the mountains to the sea, feeding wetlands, towns and farms along the way.";

    private static readonly HealthOptions Options = new() { RequestTimeout = TimeSpan.FromSeconds(10) };

    private FixtureServer _site = null!;
    private FixtureServer _parked = null!;
    private HealthChecker _checker = null!;
    private bool _removed;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await FixtureServer.StartAsync();
        _site.MapHtml("/alive", Article);
        _site.Map("/becomes-404", async ctx =>
        {
            ctx.Response.StatusCode = _removed ? 404 : 200;
            await ctx.Response.WriteAsync(_removed ? "<title>Not here</title>" : Article);
        });
        _site.Map("/old-address", ctx =>
        {
            ctx.Response.StatusCode = 301;
            ctx.Response.Headers.Location = "/new/address";
            return Task.CompletedTask;
        });
        _site.MapHtml("/new/address", Article);
        _site.Map("/flaky", ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        _site.Map("/no-head", async ctx =>
        {
            ctx.Response.StatusCode = ctx.Request.Method == "HEAD" ? 405 : 200;
            await ctx.Response.WriteAsync(ctx.Request.Method == "HEAD" ? "" : Article);
        });

        // A domain that expired: every address answers 200 with the same parking page, except one real page left.
        _parked = await FixtureServer.StartAsync();
        _parked.Fallback = ctx =>
        {
            ctx.Response.ContentType = "text/html";
            return ctx.Response.WriteAsync("<html><head><title>rivers.example</title></head><body><p>Welcome! Related searches: travel, insurance, loans.</p></body></html>");
        };
        _parked.MapHtml("/still-real", Article);

        _checker = new HealthChecker(Options, new CaptureOptions { AllowPrivateTargets = true }, TimeProvider.System);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _checker.Dispose();
        await _site.DisposeAsync();
        await _parked.DisposeAsync();
    }

    private Task<HealthProbe> CheckAsync(Uri url, string? saved = SavedText) => _checker.CheckAsync(url, saved, CancellationToken.None);

    [Test]
    public async Task A_page_that_answers_is_alive_with_one_HEAD_one_small_GET_and_one_made_up_address_per_site()
    {
        var before = _site.Requests.Count;
        var probe = await CheckAsync(_site.Url("/alive"));
        Assert.That((probe.State, probe.HttpStatus, probe.Failure), Is.EqualTo((HealthState.Alive, 200, false)), probe.Reason);
        Assert.That(_site.Requests.Count - before, Is.LessThanOrEqualTo(3));
        Assert.That(_site.Requests.Skip(before).Count(r => r.EndsWith("-linksnap-check", StringComparison.Ordinal)), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public async Task A_page_that_becomes_404_is_gone()
    {
        Assert.That((await CheckAsync(_site.Url("/becomes-404"))).State, Is.EqualTo(HealthState.Alive));
        _removed = true;
        var probe = await CheckAsync(_site.Url("/becomes-404"));
        Assert.That((probe.State, probe.HttpStatus), Is.EqualTo((HealthState.Gone, 404)));
        Assert.That(probe.Reason, Is.EqualTo("The server answers 404 Not Found."));
    }

    [Test]
    public async Task A_page_that_starts_redirecting_permanently_has_moved_and_says_where()
    {
        var probe = await CheckAsync(_site.Url("/old-address"));
        Assert.That(probe.State, Is.EqualTo(HealthState.Moved), probe.Reason);
        Assert.That(probe.MovedTo, Is.EqualTo(_site.Url("/new/address").AbsoluteUri));
    }

    [Test]
    public async Task A_server_that_refuses_HEAD_is_asked_with_GET()
    {
        var probe = await CheckAsync(_site.Url("/no-head"));
        Assert.That((probe.State, probe.HttpStatus), Is.EqualTo((HealthState.Alive, 200)), probe.Reason);
    }

    [Test]
    public async Task A_parked_domain_that_answers_200_everywhere_is_a_soft_404_but_its_one_real_page_is_alive()
    {
        var probe = await CheckAsync(_parked.Url("/rivers-of-the-north"));
        Assert.That((probe.State, probe.HttpStatus), Is.EqualTo((HealthState.SoftNotFound, 200)), probe.Reason);
        Assert.That(probe.Reason, Does.Contain("address that does not exist"));

        var real = await CheckAsync(_parked.Url("/still-real"));
        Assert.That(real.State, Is.EqualTo(HealthState.Alive), real.Reason);
    }

    [Test]
    public async Task A_for_sale_page_is_a_soft_404_even_without_a_made_up_address_to_compare()
    {
        _site.MapHtml("/for-sale", "<html><head><title>This domain is for sale</title></head><body>Buy this domain today.</body></html>");
        var probe = await CheckAsync(_site.Url("/for-sale"));
        Assert.That(probe.State, Is.EqualTo(HealthState.SoftNotFound), probe.Reason);
        Assert.That(probe.Reason, Does.Contain("domain is for sale"));
    }

    [Test]
    public async Task Server_errors_and_refused_connections_are_failures_that_may_pass_not_gone()
    {
        var error = await CheckAsync(_site.Url("/flaky"));
        Assert.That((error.State, error.HttpStatus, error.Failure), Is.EqualTo((HealthState.Unknown, 503, true)));

        var port = _site.BaseUri.Port;
        await using (var closed = await FixtureServer.StartAsync())
        {
            port = closed.BaseUri.Port;
        }

        var refused = await CheckAsync(new Uri($"http://127.0.0.1:{port}/page"));
        Assert.That((refused.State, refused.Failure), Is.EqualTo((HealthState.Unknown, true)), refused.Reason);
        Assert.That(refused.Reason, Does.Contain("connection refused"));
    }

    [Test]
    public async Task A_name_that_does_not_exist_is_gone()
    {
        var probe = await CheckAsync(new Uri("https://no-such-site-for-linksnap.invalid/page"));
        Assert.That((probe.State, probe.Failure), Is.EqualTo((HealthState.Gone, false)), probe.Reason);
        Assert.That(probe.Reason, Does.Contain("no longer exists"));
    }

    [Test]
    public async Task Private_and_loopback_targets_are_refused_by_the_captures_address_rule_before_any_request()
    {
        using var strict = new HealthChecker(Options, new CaptureOptions(), TimeProvider.System);
        var before = _site.Requests.Count;

        var probe = await strict.CheckAsync(_site.Url("/alive"), null, CancellationToken.None);

        Assert.That((probe.State, probe.Failure), Is.EqualTo((HealthState.Unknown, false)));
        Assert.That(probe.Reason, Does.StartWith("Not checked: Refused").And.Contain("Capture:AllowPrivateTargets"));
        Assert.That(_site.Requests.Count, Is.EqualTo(before), "no request reached the loopback server");

        using var allowed = new HealthChecker(Options, new CaptureOptions { AllowedPrivateHosts = ["127.0.0.1"] }, TimeProvider.System);
        Assert.That((await allowed.CheckAsync(_site.Url("/alive"), null, CancellationToken.None)).State, Is.EqualTo(HealthState.Alive));
    }
}
