using System.Text.Json;

namespace LinkSnap.Cli;

/// <summary>
/// `linksnap diff A B [--json]`: what changed from snapshot A to snapshot B of one link. Text
/// changes print like `git diff --word-diff`: [-removed-]{+added+}, long unchanged stretches folded.
/// </summary>
public static class DiffCommand
{
    public static async Task<int> RunAsync(DaemonClient client, CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 3)
        {
            throw new CliUsageException("Give two snapshot ids of one link: linksnap diff A B [--json] (see `linksnap show LINK` for the ids).");
        }

        var (a, b) = (args.Id(1, "snapshot"), args.Id(2, "snapshot"));
        var diff = await client.GetAsync($"/api/snapshots/{a}/compare/{b}", cancellationToken);
        if (args.Has("--json"))
        {
            CliOutput.WriteJson(output, diff);
        }
        else
        {
            Write(output, diff);
        }

        return CliApp.Ok;
    }

    private static void Write(TextWriter output, JsonElement diff)
    {
        output.WriteLine($"{Side(diff.GetProperty("before"))} → {Side(diff.GetProperty("after"))}: {diff.GetProperty("summary").GetString()}");
        foreach (var notice in diff.GetProperty("notices").EnumerateArray())
        {
            output.WriteLine($"  note: {notice.GetString()}");
        }

        foreach (var field in diff.GetProperty("metadata").EnumerateArray().Where(f => f.GetProperty("changed").GetBoolean()))
        {
            output.WriteLine($"  {field.GetProperty("field").GetString(),-13} {field.GetProperty("before").GetString() ?? "-"} → {field.GetProperty("after").GetString() ?? "-"}");
        }

        if (diff.GetProperty("screenshot") is { ValueKind: JsonValueKind.Object } shot && shot.GetProperty("diff") is { ValueKind: JsonValueKind.Object } pixels)
        {
            output.WriteLine($"  screenshot    {pixels.GetProperty("changedShare").GetDouble():P1} of pixels changed, {pixels.GetProperty("regions").GetArrayLength()} region(s)");
        }

        if (diff.GetProperty("file") is { ValueKind: JsonValueKind.Object } file)
        {
            output.WriteLine($"  file          {file.GetProperty("beforeBytes").GetInt64():N0} → {file.GetProperty("afterBytes").GetInt64():N0} bytes, {(file.GetProperty("state").GetString() == "unchanged" ? "same bytes" : "different bytes")}");
        }

        if (diff.GetProperty("text").GetProperty("diff") is { ValueKind: JsonValueKind.Object } text && text.GetProperty("segments").GetArrayLength() > 1)
        {
            output.WriteLine();
            output.WriteLine(Segments(text.GetProperty("segments")));
        }
    }

    private static string Side(JsonElement side) =>
        $"snapshot {side.GetProperty("id").GetInt64()} ({side.GetProperty("createdAt").GetString()}, {side.GetProperty("status").GetString()})";

    private static string Segments(JsonElement segments)
    {
        var text = new System.Text.StringBuilder();
        foreach (var segment in segments.EnumerateArray())
        {
            var body = segment.GetProperty("text").GetString();
            text.Append(segment.GetProperty("op").GetString() switch
            {
                "insert" => "{+" + body + "+}",
                "delete" => "[-" + body + "-]",
                "skip" => $" … {segment.GetProperty("words").GetInt32():N0} unchanged words … ",
                _ => body,
            });
        }

        return text.ToString().TrimEnd();
    }
}
