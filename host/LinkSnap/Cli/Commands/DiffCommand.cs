using System.CommandLine;
using System.Text;
using LinkSnap.Api;
using LinkSnap.Core.Versions;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap diff A B [--json]`: what changed from snapshot A to snapshot B of one link. Text
/// changes print like `git diff --word-diff`: [-removed-]{+added+}, long unchanged stretches folded.
/// </summary>
public static class DiffCommand
{
    public static Command Create(CliSession session)
    {
        var (before, after) = (CliOptions.Id("A", "snapshot"), CliOptions.Id("B", "snapshot"));
        var json = CliOptions.Json();
        var command = new Command("diff", "what changed from snapshot A to snapshot B of a link (text, screenshot, metadata)") { before, after, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var client = await session.DaemonAsync(cancellationToken);
            var diff = await client.GetAsync<VersionComparisonDto>($"/api/snapshots/{result.GetValue(before)}/compare/{result.GetValue(after)}", cancellationToken);
            session.Write(result.GetValue(json), diff, () => Write(session.Output, diff));
            return CliApp.Ok;
        });
        return command;
    }

    private static void Write(TextWriter output, VersionComparisonDto diff)
    {
        output.WriteLine($"{Side(diff.Before)} → {Side(diff.After)}: {diff.Summary}");
        foreach (var notice in diff.Notices)
        {
            output.WriteLine($"  note: {notice}");
        }

        foreach (var field in diff.Metadata.Where(f => f.Changed))
        {
            output.WriteLine($"  {field.Field,-13} {field.Before ?? "-"} → {field.After ?? "-"}");
        }

        if (diff.Screenshot?.Diff is { } pixels)
        {
            output.WriteLine($"  screenshot    {pixels.ChangedShare:P1} of pixels changed, {pixels.Regions.Count} region(s)");
        }

        if (diff.File is { } file)
        {
            output.WriteLine($"  file          {file.BeforeBytes:N0} → {file.AfterBytes:N0} bytes, {(file.State == PartState.Unchanged ? "same bytes" : "different bytes")}");
        }

        if (diff.Text.Diff is { Segments.Count: > 1 } text)
        {
            output.WriteLine();
            output.WriteLine(Segments(text.Segments));
        }
    }

    private static string Side(VersionSide side) => $"snapshot {side.Id} ({CliOutput.Word(side.CreatedAt)}, {CliOutput.Word(side.Status)})";

    private static string Segments(IEnumerable<DiffSegment> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            text.Append(segment.Op switch
            {
                DiffOp.Insert => "{+" + segment.Text + "+}",
                DiffOp.Delete => "[-" + segment.Text + "-]",
                DiffOp.Skip => $" … {segment.Words:N0} unchanged words … ",
                _ => segment.Text,
            });
        }

        return text.ToString().TrimEnd();
    }
}
