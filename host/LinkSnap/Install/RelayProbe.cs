using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace LinkSnap.Install;

/// <summary>
/// Runs the relay the way a browser does (origin argument, one framed ping on stdin) and reads its
/// reply, without letting it start the daemon: doctor reports, it does not change things.
/// </summary>
public static class RelayProbe
{
    public static async Task<JsonObject?> PingAsync(string relayPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(relayPath, ["chrome-extension://" + NativeHostManifest.ChromiumExtensionId + "/"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["LINKSNAP_RELAY_NO_START"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the relay");
        var body = Encoding.UTF8.GetBytes("""{"id":"doctor","type":"ping"}""");
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, body.Length);
        await process.StandardInput.BaseStream.WriteAsync(header, cancellationToken);
        await process.StandardInput.BaseStream.WriteAsync(body, cancellationToken);
        process.StandardInput.Close();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var output = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var bytes = output.ToArray();
        if (bytes.Length < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        return length == bytes.Length - 4 ? JsonNode.Parse(bytes.AsSpan(4))?.AsObject() : null;
    }
}
