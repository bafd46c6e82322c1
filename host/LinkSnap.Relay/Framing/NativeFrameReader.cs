using System.Buffers.Binary;

namespace LinkSnap.Relay.Framing;

/// <summary>
/// Reads native-messaging frames: a 4-byte length in native byte order, then that many bytes of UTF-8 JSON.
/// </summary>
internal sealed class NativeFrameReader
{
    private readonly Stream _input;
    private readonly int _maxFrameBytes;

    public NativeFrameReader(Stream input, int maxFrameBytes)
    {
        _input = input;
        _maxFrameBytes = maxFrameBytes;
    }

    public async Task<FrameReadResult> ReadAsync(CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var got = await ReadFullyAsync(header, cancellationToken);
        if (got == 0)
        {
            return FrameReadResult.EndOfStream();
        }

        if (got < header.Length)
        {
            return FrameReadResult.Broken("truncated length prefix");
        }

        var length = BitConverter.IsLittleEndian
            ? BinaryPrimitives.ReadUInt32LittleEndian(header)
            : BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length == 0)
        {
            // Nothing to skip, so the stream stays in sync: answer and carry on.
            return FrameReadResult.Empty();
        }

        if (length > (uint)_maxFrameBytes)
        {
            // The body cannot be skipped safely (it may never arrive), so the stream is lost.
            return FrameReadResult.Broken($"frame length {length} is over the {_maxFrameBytes}-byte limit");
        }

        var body = new byte[length];
        got = await ReadFullyAsync(body, cancellationToken);
        if (got < body.Length)
        {
            return FrameReadResult.Broken($"frame truncated after {got} of {length} bytes");
        }

        return FrameReadResult.Frame(body);
    }

    private async Task<int> ReadFullyAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await _input.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
