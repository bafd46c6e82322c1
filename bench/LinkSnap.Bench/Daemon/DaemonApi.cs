using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Core.Capture;

namespace LinkSnap.Bench.Daemon;

/// <summary>The few API calls the benchmark makes (docs/api.md), read as plain JSON so enum spellings cannot break it.</summary>
public static class DaemonApi
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<(long LinkId, long SnapshotId)> PostCaptureAsync(HttpClient client, Uri url, IEnumerable<string>? tags, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/captures", new { url = url.AbsoluteUri, tags = tags?.ToArray() }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/captures {url}: {(int)response.StatusCode} {body}");
        }

        return (body.GetProperty("linkId").GetInt64(), body.GetProperty("snapshotId").GetInt64());
    }

    public static async Task<long> PostRecaptureAsync(HttpClient client, long linkId, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync($"/api/links/{linkId}/recapture", new { }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode
            ? body.GetProperty("snapshotId").GetInt64()
            : throw new InvalidOperationException($"recapture {linkId}: {(int)response.StatusCode} {body}");
    }

    public static Task<JsonElement> GetSnapshotAsync(HttpClient client, long snapshotId, CancellationToken cancellationToken) =>
        client.GetFromJsonAsync<JsonElement>($"/api/snapshots/{snapshotId}", cancellationToken);

    public static bool IsFinished(JsonElement snapshot) =>
        snapshot.GetProperty("status").GetString() is "done" or "partial" or "failed";

    /// <summary>Polls (every 50 ms) until the snapshot is done, partial or failed, or the bound passes.</summary>
    public static async Task<JsonElement> WaitFinishedAsync(HttpClient client, long snapshotId, TimeSpan bound, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var snapshot = await GetSnapshotAsync(client, snapshotId, cancellationToken);
            if (IsFinished(snapshot) || clock.Elapsed > bound)
            {
                return snapshot;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The SnapshotDetail as the engine's result shape, so sections treat daemon and engine alike.</summary>
    public static CaptureResult ToResult(JsonElement snapshot)
    {
        var status = snapshot.GetProperty("status").GetString();
        return new CaptureResult
        {
            Outcome = status switch { "done" => CaptureOutcome.Done, "partial" => CaptureOutcome.Partial, _ => CaptureOutcome.Failed },
            Reason = snapshot.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : status,
            Metadata = snapshot.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                ? metadata.Deserialize<PageMetadata>(Web) ?? new PageMetadata()
                : new PageMetadata(),
            Artifacts = snapshot.TryGetProperty("artifacts", out var artifacts) && artifacts.ValueKind == JsonValueKind.Array
                ? artifacts.EnumerateArray().Select(a => new ArtifactInfo(
                    a.GetProperty("kind").GetString() ?? "",
                    a.TryGetProperty("fileName", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null,
                    a.TryGetProperty("status", out var s) && s.GetString() is { } text && text.Equals("ok", StringComparison.OrdinalIgnoreCase)
                        ? ArtifactStatus.Ok
                        : ArtifactStatus.Failed,
                    a.TryGetProperty("bytes", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt64() : 0)).ToList()
                : [],
            TimingsMs = snapshot.TryGetProperty("timingsMs", out var timings) && timings.ValueKind == JsonValueKind.Object
                ? timings.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetDouble())
                : new Dictionary<string, double>(),
        };
    }

    public static async Task DownloadAsync(HttpClient client, long snapshotId, string fileName, string target, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync($"/api/snapshots/{snapshotId}/files/{Uri.EscapeDataString(fileName)}", cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var file = File.Create(target);
        await response.Content.CopyToAsync(file, cancellationToken);
    }
}
