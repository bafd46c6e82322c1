namespace LinkSnap.Core.Import;

/// <summary>The file cannot be imported at all; the message names the file (and entry) and says why. Nothing is changed.</summary>
public sealed class ImportException(string message) : Exception(message);
