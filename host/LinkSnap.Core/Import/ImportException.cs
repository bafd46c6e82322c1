namespace LinkSnap.Core.Import;

/// <summary>The file cannot be imported at all; the message names the file (and entry) and says why. Nothing is changed.</summary>
public sealed class ImportException(string message) : Exception(message)
{
    /// <summary>The file is over the size cap: said by its size alone, before anything reads it.</summary>
    public static ImportException TooLarge(string fileName, long bytes, long limit = ImportOptions.MaxFileBytes) =>
        new($"{fileName} is {Megabytes(bytes)}; an import takes at most {Megabytes(limit)}. Split the export, or export without page content or icons.");

    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
