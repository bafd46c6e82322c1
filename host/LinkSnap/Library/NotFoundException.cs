namespace LinkSnap.Library;

/// <summary>A link, snapshot, tag or file that does not exist; becomes 404 (API) or exit code 4 (CLI).</summary>
public sealed class NotFoundException(string message) : Exception(message);
