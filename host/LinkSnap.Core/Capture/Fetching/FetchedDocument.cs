namespace LinkSnap.Core.Capture.Fetching;

/// <summary>The main document as the server sent it, after following redirects.</summary>
internal sealed record FetchedDocument
{
    public required Uri FinalUrl { get; init; }

    /// <summary>Every URL passed through before <see cref="FinalUrl"/>, in order.</summary>
    public required IReadOnlyList<string> Redirects { get; init; }

    public required int Status { get; init; }
    public required string ReasonPhrase { get; init; }

    /// <summary>The Content-Type header as sent, or null.</summary>
    public string? ContentType { get; init; }

    public string? MediaType { get; init; }
    public string? Charset { get; init; }

    /// <summary>File name from Content-Disposition, if any.</summary>
    public string? FileName { get; init; }

    public required byte[] Body { get; init; }

    public bool IsHttpError => Status >= 400;
}
