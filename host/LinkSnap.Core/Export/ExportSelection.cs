using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Export;

/// <summary>
/// Which links an export holds: the whole library, or those matching the library's filters (tags,
/// site, dates, status, a search), or the links picked by hand (<see cref="LinkIds"/>).
/// </summary>
public sealed record ExportSelection
{
    /// <summary>Filters as a listing takes them; order, page size and cursor are ignored.</summary>
    public LinkListQuery Filter { get; init; } = new();

    /// <summary>Links picked by hand; when set, only these (and the filter still applies).</summary>
    public IReadOnlyList<long>? LinkIds { get; init; }

    public static ExportSelection WholeLibrary { get; } = new();
}
