using System.Buffers.Binary;

namespace LinkSnap.Relay.Framing;

/// <summary>Writes native-messaging frames to stdout. Nothing else may ever be written there.</summary>
internal sealed class NativeFrameWriter
{
    private readonly Stream _output;

    public NativeFrameWriter(Stream output)
    {
        _output = output;
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)json.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(header, (uint)json.Length);
        }

        // One buffer, one write: a reader never sees a header without its body.
        var frame = new byte[4 + json.Length];
        header.CopyTo(frame, 0);
        json.CopyTo(frame.AsMemory(4));
        await _output.WriteAsync(frame, cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }
}
