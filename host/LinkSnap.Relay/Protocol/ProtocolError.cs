namespace LinkSnap.Relay.Protocol;

/// <summary>An error reply's code (one of protocol.json "errors") and a message a person can act on.</summary>
internal sealed record ProtocolError(string Code, string Message);
