namespace LinkSnap.Core.Export;

/// <summary>An archive cannot be restored; the message is meant for a person and nothing was changed.</summary>
public sealed class ArchiveRestoreException(string message, Exception? inner = null) : Exception(message, inner);
