using LinkSnap.Imports;

namespace LinkSnap.Cli.Commands;

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

    public void Show(ImportProgress progress)
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

    public static string Describe(ImportProgress progress)
    {
        var text = $"{Bar(progress.Added, progress.Links)} added {progress.Added}/{progress.Links}";
        if (!progress.NoCapture)
        {
            text += $" · archived {progress.Archived} · queued {progress.Queued + progress.Running} · failed {progress.Failed} · {TimeLeft(progress)}";
        }

        return text;
    }

    private static string TimeLeft(ImportProgress progress)
    {
        var adding = progress.Added < progress.Links;
        if (!adding && progress.Queued + progress.Running == 0)
        {
            return "nothing left";
        }

        if (progress.SecondsLeft is not { } seconds)
        {
            return "time left: estimating";
        }

        var left = TimeSpan.FromSeconds(seconds);
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
