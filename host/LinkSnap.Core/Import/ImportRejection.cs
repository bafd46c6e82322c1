namespace LinkSnap.Core.Import;

/// <summary>An entry that cannot become a link (javascript:, place:, file:, malformed...), with the reason shown to the user.</summary>
public sealed record ImportRejection(string Position, string Url, string Reason);
