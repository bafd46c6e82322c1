using LinkSnap.Core.Import;

namespace LinkSnap.Imports;

/// <summary>What an import will do (POST /api/imports/preview; also returned when an import starts).</summary>
public sealed record ImportPreview(
    string FileName,
    string Format,
    int Entries,
    int Links,
    int DuplicatesInFile,
    int AlreadySaved,
    IReadOnlyList<ImportRejection> Invalid,
    IReadOnlyList<ImportSampleRow> Sample)
{
    public const int SampleSize = 20;

    public static ImportPreview From(string fileName, ImportPlan plan, int alreadySaved) => new(
        fileName,
        plan.Format,
        plan.EntryCount,
        plan.Links.Count,
        plan.DuplicatesInFile,
        alreadySaved,
        plan.Rejected,
        plan.Links.Take(SampleSize).Select(l => new ImportSampleRow(l.Url.OriginalString, l.Title, l.Tags, l.SavedAt, l.Note)).ToList());
}

/// <summary>One link as it will be imported.</summary>
public sealed record ImportSampleRow(string Url, string Title, IReadOnlyList<string> Tags, DateTimeOffset? SavedAt, string Note);

/// <summary>Answer of POST /api/imports: the import as it starts, and what it will do.</summary>
public sealed record ImportStartedDto(ImportProgress Import, ImportPreview Preview);
