namespace LinkSnap.Native;

/// <summary>A failure that becomes a protocol error reply: a code from protocol.json and an actionable message.</summary>
public sealed class NativeException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
