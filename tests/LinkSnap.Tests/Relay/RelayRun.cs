using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace LinkSnap.Tests.Relay;

/// <summary>Runs the relay once with given stdin bytes and splits its stdout into frames.</summary>
public sealed record RelayRun(int ExitCode, byte[] Stdout, string Stderr)
{
    public const string ChromiumOrigin = "chrome-extension://agcingfldgkbfnghfknpkkjnnjifopil/";

    public static async Task<RelayRun> RunAsync(string relay, byte[] input, IReadOnlyDictionary<string, string> env, string[]? args = null, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(relay, args ?? [ChromiumOrigin])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The relay may close stdin early (e.g. after an oversized length prefix): that is allowed.
        }

        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the relay did not exit after its stdin was closed (hang)");
        }

        await reading;
        return new RelayRun(process.ExitCode, stdout.ToArray(), await stderr);
    }

    public static byte[] Frame(string json) => Frame(Encoding.UTF8.GetBytes(json));

    public static byte[] Frame(byte[] body)
    {
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)body.Length);
        body.CopyTo(frame, 4);
        return frame;
    }

    /// <summary>The reply frames; throws when stdout holds anything that is not a complete frame of a JSON object.</summary>
    public List<JsonElement> Frames()
    {
        var frames = new List<JsonElement>();
        var i = 0;
        while (i < Stdout.Length)
        {
            if (Stdout.Length - i < 4)
            {
                throw new FormatException($"{Stdout.Length - i} stray bytes at the end of stdout");
            }

            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(Stdout.AsSpan(i));
            if (length <= 0 || length > 1_000_000 || i + 4 + length > Stdout.Length)
            {
                throw new FormatException($"invalid reply frame length {length} at offset {i}");
            }

            using var doc = JsonDocument.Parse(Stdout.AsMemory(i + 4, length));
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("reply frame is not a JSON object");
            }

            frames.Add(doc.RootElement.Clone());
            i += 4 + length;
        }

        return frames;
    }
}
