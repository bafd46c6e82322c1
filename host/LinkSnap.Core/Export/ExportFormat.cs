namespace LinkSnap.Core.Export;

/// <summary>The formats of an export (docs/export.md).</summary>
public enum ExportFormat
{
    /// <summary>Netscape bookmark HTML, as browsers import and export bookmarks.</summary>
    Html,

    /// <summary>Everything the library holds about the links, as JSON (docs/export.schema.json).</summary>
    Json,

    /// <summary>One row per link.</summary>
    Csv,

    /// <summary>Zip of the JSON plus every snapshot folder: restores a library losslessly.</summary>
    Zip,
}

public static class ExportFormats
{
    public static ExportFormat Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => ExportFormat.Json,
        "html" or "netscape" => ExportFormat.Html,
        "csv" => ExportFormat.Csv,
        "zip" or "archive" => ExportFormat.Zip,
        _ => throw new ArgumentException($"Unknown export format '{text}': use html, json, csv or zip."),
    };

    public static string FileExtension(ExportFormat format) => format.ToString().ToLowerInvariant();

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Html => "text/html; charset=utf-8",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Zip => "application/zip",
        _ => "application/json; charset=utf-8",
    };
}
