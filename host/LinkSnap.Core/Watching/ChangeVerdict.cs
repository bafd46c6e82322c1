namespace LinkSnap.Core.Watching;

/// <summary>Whether a check found a meaningful change, with the reason shown in the library and the CLI.</summary>
public sealed record ChangeVerdict(bool Changed, string Reason);
