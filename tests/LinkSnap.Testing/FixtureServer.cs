using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace LinkSnap.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (or another loopback address, a site of its own: 127.0.0.2…; Kestrel,
/// random port) serving the pages a test needs.
/// Routes are added with <see cref="Map"/> (exact path) or <see cref="MapDirectory"/> (a folder
/// at a prefix); everything else is 404. Every request is recorded in <see cref="Requests"/>.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, PhysicalFileProvider Files)> _directories = [];
    private readonly List<string> _requests = [];

    private FixtureServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Paths (with query) requested so far, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FixtureServer> StartAsync(IPAddress? loopbackAddress = null)
    {
        var address = loopbackAddress ?? IPAddress.Loopback;
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"{address} is not a loopback address: fixtures never listen beyond this machine.", nameof(loopbackAddress));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(address, 0));
        var app = builder.Build();
        var server = new FixtureServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(listening.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery.TrimStart('/'));

    public FixtureServer Map(string path, RequestDelegate handler)
    {
        lock (_routes)
        {
            _routes[path] = handler;
        }

        return this;
    }

    /// <summary>Serves a fixed body with a content type (e.g. "text/html; charset=utf-8").</summary>
    public FixtureServer MapContent(string path, string contentType, byte[] body, int status = 200) =>
        Map(path, async ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = contentType;
            await ctx.Response.Body.WriteAsync(body);
        });

    /// <summary>Answers every path no route or folder serves (instead of 404), like a parked domain does.</summary>
    public RequestDelegate? Fallback { get; set; }

    public FixtureServer MapHtml(string path, string html, int status = 200) =>
        MapContent(path, "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(html), status);

    /// <summary>Serves the files of a folder below a URL prefix ("/" serves a whole site at the root).</summary>
    public FixtureServer MapDirectory(string prefix, string directory)
    {
        lock (_directories)
        {
            _directories.Add((prefix.TrimEnd('/') + "/", new PhysicalFileProvider(Path.GetFullPath(directory))));
        }

        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        lock (_requests)
        {
            _requests.Add(path + context.Request.QueryString);
        }

        RequestDelegate? handler;
        lock (_routes)
        {
            _routes.TryGetValue(path, out handler);
        }

        if (handler is not null)
        {
            await handler(context);
            return;
        }

        foreach (var (prefix, files) in _directories)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) && path + "/" != prefix)
            {
                continue;
            }

            var relative = Uri.UnescapeDataString(path.Length >= prefix.Length ? path[prefix.Length..] : "");
            var file = files.GetFileInfo(relative);
            if (file.IsDirectory || relative.Length == 0 || relative.EndsWith('/'))
            {
                file = files.GetFileInfo(relative.TrimEnd('/') + "/index.html");
            }

            if (file.Exists && !file.IsDirectory)
            {
                context.Response.ContentType = ContentTypes.ForFileName(file.Name);
                context.Response.ContentLength = file.Length;
                await context.Response.SendFileAsync(file);
                return;
            }
        }

        if (Fallback is { } fallback)
        {
            await fallback(context);
            return;
        }

        context.Response.StatusCode = 404;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
