using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LinkSnap.Bench.Harness;
using LinkSnap.Testing;
using Microsoft.AspNetCore.Http;

namespace LinkSnap.Bench.Daemon;

/// <summary>
/// Issue 14: a 10,000- and a 100,000-bookmark Netscape file imported into a real daemon (a fresh library
/// each): the time from the upload until every link is listed (the list's total) and searchable (the last
/// bookmark found by a word of its title); the daemon's RSS during the 100,000-link import; and the
/// library's list and search p95 while that import's captures run (small text pages from a local server,
/// Background:HostGap=0 so the captures run back to back — the worst case for the library).
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    private const int Probes = 100;

    public string Section => "import";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var dll = DaemonProcess.FindExecutable(out var missing);
        if (dll is null)
        {
            context.Report.NotMeasured(Section, "import of 10,000 / 100,000 bookmarks", "", missing);
            return;
        }

        await using var server = await FixtureServer.StartAsync();
        server.Fallback = http =>
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync($"Bookmarked page {http.Request.Path}.\n", cancellationToken);
        };
        var large = context.Options.ScaleLarge;
        // --scale 10000 makes both sizes 10,000: measured once (with the library probes), not twice.
        foreach (var (count, target) in new[] { (Math.Min(10_000, large), 5.0), (large, 60.0) }.DistinctBy(size => size.Item1))
        {
            await MeasureAsync(context, dll, server, count, target, probeLibrary: count == large, cancellationToken);
        }
    }

    private async Task MeasureAsync(BenchContext context, string dll, FixtureServer server, int count, double targetSeconds, bool probeLibrary, CancellationToken cancellationToken)
    {
        var dataDirectory = context.WorkPath("daemons", $"import-{count}");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        await using var daemon = await DaemonProcess.StartAsync(dll, dataDirectory, ["--Background:HostGap=00:00:00"], cancellationToken);
        var file = Netscape(server, count);
        using var rss = new RssSampler(daemon.ProcessId);
        var cpuBefore = CpuSeconds(daemon.ProcessId);
        var clock = Stopwatch.StartNew();
        using (var response = await daemon.Client.PostAsync("/api/imports?name=bench.html", new ByteArrayContent(file), cancellationToken))
        {
            response.EnsureSuccessStatusCode();
        }

        var lastWord = Uri.EscapeDataString($"zq{count - 1}x");
        while (true)
        {
            var listed = (await daemon.GetJsonAsync("/api/links?limit=1", cancellationToken)).GetProperty("total").GetInt32();
            if (listed >= count && (await daemon.GetJsonAsync($"/api/links?q={lastWord}", cancellationToken)).GetProperty("items").GetArrayLength() == 1)
            {
                break;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException($"{listed:N0} of {count:N0} links listed after 15 minutes");
            }

            await Task.Delay(100, cancellationToken);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        // Wall time on 2 shared cores says little under load; the daemon's own CPU time says what the import cost.
        var cpu = CpuSeconds(daemon.ProcessId) - cpuBefore;
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"import of {count:N0} bookmarks (Netscape, {file.Length / 1_048_576.0:0.#} MB): every link listed and searchable",
            Value = seconds,
            ValueText = $"{seconds:0.0} s",
            Target = $"≤ {targetSeconds:0} s",
            Met = seconds <= targetSeconds,
            Note = $"from the upload's start; captures queued meanwhile; daemon CPU (user+sys) {cpu:0.0} s, load average {LoadAverage()}",
            Unit = "s",
        });
        context.Report.Detail($"import.{count}.seconds", Math.Round(seconds, 1));
        context.Report.Detail($"import.{count}.cpuSeconds", Math.Round(cpu, 1));
        if (!probeLibrary)
        {
            return;
        }

        var (list, search, capturing) = await ProbeLibraryAsync(daemon, count, cancellationToken);
        var worst = Math.Max(list.P95, search.P95);
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"library list / search p95 at {count:N0} links while the import's captures run ({list.Count} + {search.Count} requests)",
            Value = worst,
            ValueText = $"list p95 {list.P95:0} ms (median {list.Median:0}), search p95 {search.P95:0} ms (median {search.Median:0})",
            Target = "≤ 50 ms",
            Met = worst <= 50,
            Note = $"GET /api/links?limit=50 and ?q=WORD over the daemon socket; captures running during {capturing} of the probes",
            Unit = "ms",
        });
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"daemon RSS during the import of {count:N0} bookmarks: peak (at start)",
            Value = rss.PeakMegabytes,
            ValueText = $"{rss.PeakMegabytes:0} MB ({rss.FirstMegabytes:0} MB)",
            Target = "bounded (reported)",
            Note = "VmRSS of the daemon process, sampled every 200 ms from the upload until the probes end; Chromium not included",
            Unit = "MB",
        });
        context.Report.Detail("import.listMs", list);
        context.Report.Detail("import.searchMs", search);
        context.Report.Detail("import.rssPeakMb", Math.Round(rss.PeakMegabytes));
    }

    private static async Task<(Stats List, Stats Search, int Capturing)> ProbeLibraryAsync(DaemonProcess daemon, int count, CancellationToken cancellationToken)
    {
        var random = new Random(14);
        var list = new List<double>();
        var search = new List<double>();
        var capturing = 0;
        for (var i = 0; i < Probes; i++)
        {
            var timer = Stopwatch.StartNew();
            await daemon.GetJsonAsync("/api/links?limit=50", cancellationToken);
            list.Add(timer.Elapsed.TotalMilliseconds);
            timer.Restart();
            await daemon.GetJsonAsync($"/api/links?limit=50&q={Uri.EscapeDataString($"zq{random.Next(count)}x")}", cancellationToken);
            search.Add(timer.Elapsed.TotalMilliseconds);
            var queue = (await daemon.GetJsonAsync("/api/status", cancellationToken)).GetProperty("queue");
            capturing += queue.GetProperty("running").GetInt32() > 0 ? 1 : 0;
            await Task.Delay(50, cancellationToken);
        }

        return (Stats.Of(list), Stats.Of(search), capturing);
    }

    /// <summary>A Netscape file of <paramref name="count"/> bookmarks in 100 folders, each title with a unique word (zqNx).</summary>
    private static byte[] Netscape(FixtureServer server, int count)
    {
        var file = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n");
        for (var folder = 0; folder < 100; folder++)
        {
            file.Append($"<DT><H3>Folder {folder}</H3>\n<DL><p>\n");
            for (var n = folder; n < count; n += 100)
            {
                file.Append($"<DT><A HREF=\"{server.Url($"/b/{n}")}\" ADD_DATE=\"{1_500_000_000 + n}\" TAGS=\"bench,f{folder}\">Bookmark zq{n}x about tides</A>\n<DD>note {n}\n");
            }

            file.Append("</DL><p>\n");
        }

        return Encoding.UTF8.GetBytes(file.Append("</DL><p>\n").ToString());
    }

    /// <summary>A process's user + system CPU time so far (/proc/PID/stat, fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "PID (name) ": field 3 is fields[0]
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>Samples a process's VmRSS every 200 ms until disposed.</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private long _peakKb;

        public RssSampler(int pid)
        {
            FirstMegabytes = Read(pid) / 1024.0;
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Interlocked.Exchange(ref _peakKb, Math.Max(Interlocked.Read(ref _peakKb), Read(pid)));
                    await Task.Delay(200, CancellationToken.None);
                }
            });
        }

        public double FirstMegabytes { get; }

        public double PeakMegabytes => Interlocked.Read(ref _peakKb) / 1024.0;

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait();
            _stop.Dispose();
        }

        private static long Read(int pid)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}
