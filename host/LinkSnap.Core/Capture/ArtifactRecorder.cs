using LinkSnap.Core.Capture.Fetching;

namespace LinkSnap.Core.Capture;

/// <summary>
/// Produces a capture's files, each within its own bound and the job's deadline, and remembers per
/// artifact whether it worked. A failed artifact is recorded, never thrown. Artifacts may be
/// produced concurrently (e.g. the HTML conversion while the screenshot is taken).
/// </summary>
internal sealed class ArtifactRecorder(string outputDirectory, TimeProvider time, TimeSpan artifactTimeout, long jobStartTimestamp, TimeSpan jobTimeout)
{
    private readonly List<ArtifactInfo> _artifacts = [];
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, double> _timings = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<string> _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ArtifactInfo> Artifacts => _artifacts;

    /// <summary>Reasons why the capture is not complete, in the order they happened.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public IReadOnlyDictionary<string, double> Timings => _timings;

    public string OutputDirectory { get; } = outputDirectory;

    public TimeSpan Remaining => jobTimeout - time.GetElapsedTime(jobStartTimestamp);

    /// <summary>The bound for the next step: its own limit or what is left of the job, whichever is smaller.</summary>
    public TimeSpan StepTimeout(TimeSpan limit)
    {
        var remaining = Remaining;
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining < limit ? remaining : limit;
    }

    /// <summary>True once the page is gone (crash): remaining artifacts are recorded as not produced, without waiting.</summary>
    public bool IsAborted => _aborted.Task.IsCompleted;

    /// <summary>Stops all artifact work: steps in flight are abandoned, later ones are not started.</summary>
    public void Abort(string reason)
    {
        if (_aborted.TrySetResult(reason))
        {
            AddProblem(reason, first: true);
        }
    }

    public void AddProblem(string reason, bool first = false)
    {
        lock (_lock)
        {
            if (first)
            {
                _problems.Insert(0, reason);
            }
            else
            {
                _problems.Add(reason);
            }
        }
    }

    public void Skip(string kind, string reason) => Add(new ArtifactInfo(kind, null, ArtifactStatus.Skipped, Error: reason));

    /// <summary>An artifact written by its own code (not through <see cref="ProduceAsync"/>).</summary>
    public void Saved(ArtifactInfo artifact) => Add(artifact);

    public void Fail(string kind, string reason)
    {
        Add(new ArtifactInfo(kind, null, ArtifactStatus.Failed, Error: reason));
        AddProblem($"{kind}: {reason}");
    }

    // Concurrent artifacts finish in any order; the list keeps the kinds' usual order so that
    // snapshot.json reads the same for every capture.
    private void Add(ArtifactInfo artifact)
    {
        lock (_lock)
        {
            var rank = Rank(artifact.Kind);
            var index = _artifacts.FindIndex(a => Rank(a.Kind) > rank);
            _artifacts.Insert(index < 0 ? _artifacts.Count : index, artifact);
        }
    }

    private static int Rank(string kind) =>
        Array.IndexOf([ArtifactKinds.Original, ArtifactKinds.Html, ArtifactKinds.Screenshot, ArtifactKinds.Thumbnail, ArtifactKinds.Pdf,
            ArtifactKinds.ArticleHtml, ArtifactKinds.ArticleText, ArtifactKinds.Favicon, ArtifactKinds.Wacz], kind) is var i and >= 0 ? i : int.MaxValue;

    public async Task<T> TimeAsync<T>(string step, Func<Task<T>> action)
    {
        var start = time.GetTimestamp();
        try
        {
            return await action();
        }
        finally
        {
            SetTiming(step, time.GetElapsedTime(start));
        }
    }

    public void SetTiming(string step, TimeSpan elapsed)
    {
        lock (_lock)
        {
            _timings[step] = Math.Round(elapsed.TotalMilliseconds, 1);
        }
    }

    /// <summary>Runs <paramref name="produce"/> (bounded), writes its bytes under <paramref name="fileName"/>, records the outcome.</summary>
    public async Task<bool> ProduceAsync(string kind, string fileName, string contentType, Func<Task<byte[]?>> produce, CancellationToken cancellationToken)
    {
        var timeout = StepTimeout(artifactTimeout);
        if (timeout <= TimeSpan.Zero)
        {
            Fail(kind, "not produced: the whole-capture time limit was reached (setting Capture:JobTimeout)");
            return false;
        }

        if (IsAborted)
        {
            Add(new ArtifactInfo(kind, null, ArtifactStatus.Failed, Error: $"not produced: {_aborted.Task.Result}"));
            return false;
        }

        try
        {
            var bytes = await TimeAsync(kind, async () =>
            {
                var work = produce().WaitAsync(timeout, time, cancellationToken);
                if (await Task.WhenAny(work, _aborted.Task) != work)
                {
                    _ = work.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed: the page is gone
                    throw new CaptureFailureException($"not produced: {_aborted.Task.Result}");
                }

                return await work;
            });
            if (bytes is null)
            {
                return false;
            }

            await WriteFileAsync(fileName, bytes, cancellationToken);
            Add(new ArtifactInfo(kind, fileName, ArtifactStatus.Ok, bytes.LongLength, contentType));
            return true;
        }
        catch (TimeoutException)
        {
            Fail(kind, $"timed out after {timeout.TotalSeconds:0.#} s");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Fail(kind, $"timed out after {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (IsAborted)
            {
                Add(new ArtifactInfo(kind, null, ArtifactStatus.Failed, Error: $"not produced: {_aborted.Task.Result}"));
            }
            else
            {
                Fail(kind, e is CaptureFailureException ? e.Message : FirstLine(e.Message));
            }
        }

        return false;
    }

    /// <summary>Temp name then rename: a reader never sees half a file.</summary>
    public async Task WriteFileAsync(string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(OutputDirectory);
        var path = Path.Combine(OutputDirectory, fileName);
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
