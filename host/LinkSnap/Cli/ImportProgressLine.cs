using System.Text.Json;

namespace LinkSnap.Cli;

/// <summary>
/// `linksnap import`'s progress: links added, captures archived, queued and failed, and the time left. On a
/// terminal it is one line updated in place; in a pipe or a log (not a terminal) each change is a plain line
/// of its own, so no carriage returns end up in a file. With --json nothing is shown (the caller skips it).
/// </summary>
public sealed class ImportProgressLine(TextWriter output, bool terminal)
{
    private const int BarWidth = 20;

    private string? _last;

    /// <summary>How often to ask for progress: a terminal redraws often; elsewhere a line every 2 s at most.</summary>
    public TimeSpan PollInterval => terminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(2);

    public void Show(JsonElement progress)
    {
        var text = Describe(progress);
        if (text == _last)
        {
            return;
        }

        if (terminal)
        {
            // Padded over the previous text, which may have been longer.
            output.Write("\r" + text.PadRight(_last?.Length ?? 0));
        }
        else
        {
            output.WriteLine(text);
        }

        output.Flush();
        _last = text;
    }

    /// <summary>Ends the updating line so that what follows starts on a line of its own.</summary>
    public void End()
    {
        if (terminal && _last is not null)
        {
            output.WriteLine();
        }
    }

    public static string Describe(JsonElement progress)
    {
        var links = progress.GetProperty("links").GetInt32();
        var added = progress.GetProperty("added").GetInt32();
        var text = $"{Bar(added, links)} added {added}/{links}";
        if (!progress.GetProperty("noCapture").GetBoolean())
        {
            text += $" · archived {progress.GetProperty("archived").GetInt32()} · queued {progress.GetProperty("queued").GetInt32() + progress.GetProperty("running").GetInt32()}" +
                $" · failed {progress.GetProperty("failed").GetInt32()} · {TimeLeft(progress)}";
        }

        return text;
    }

    private static string TimeLeft(JsonElement progress)
    {
        var adding = progress.GetProperty("added").GetInt32() < progress.GetProperty("links").GetInt32();
        if (!adding && progress.GetProperty("queued").GetInt32() + progress.GetProperty("running").GetInt32() == 0)
        {
            return "nothing left";
        }

        if (!progress.TryGetProperty("secondsLeft", out var seconds) || seconds.ValueKind != JsonValueKind.Number)
        {
            return "time left: estimating";
        }

        var left = TimeSpan.FromSeconds(seconds.GetDouble());
        return left.TotalMinutes < 1 ? $"about {Math.Max(1, (int)left.TotalSeconds)} s left"
            : left.TotalHours < 1 ? $"about {(int)Math.Round(left.TotalMinutes)} min left"
            : $"about {left.TotalHours:0.#} h left";
    }

    private static string Bar(int done, int total)
    {
        var filled = total == 0 ? BarWidth : done * BarWidth / total;
        return $"[{new string('#', filled)}{new string('.', BarWidth - filled)}]";
    }
}
