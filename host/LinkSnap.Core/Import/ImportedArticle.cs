using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Capture.Inlining;
using LinkSnap.Core.Capture.Rendering;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Core.Import;

/// <summary>
/// The files of an imported version made from the article an export kept (wallabag content, Omnivore
/// Markdown, Karakeep htmlContent): article.html is the reader view built and made inert by the same
/// converter as a captured reader view (no script, no handler, no remote request, the saved copy's CSP),
/// article.txt its text for search. The export's HTML is hostile content like any page.
/// </summary>
public static class ImportedArticle
{
    /// <summary>
    /// What makes two imported articles the same (SHA-256 of the export's content, hex): a repeated import of
    /// the same export finds the version it made the first time (<see cref="ImportedVersions.Add"/>).
    /// </summary>
    public static string? ContentHash(PlannedLink link) =>
        link.Content is { } content ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))) : null;

    public static ImportedContent Write(string folder, PlannedLink link)
    {
        var content = link.Content ?? throw new ArgumentException("The link has no imported content.", nameof(link));
        var title = link.Title.Length > 0 ? link.Title : null;
        var reader = ReaderDocument.Build(new ReaderHeading(title, null, link.ContentSource, null, null, null), content);
        var html = SelfContainedHtml.ConvertDerived(reader, link.Url, null, null);
        File.WriteAllText(Path.Combine(folder, ArtifactFiles.ArticleHtml), html, Encoding.UTF8);
        var article = new HtmlParser().ParseDocument(html).Body?.QuerySelector("article");
        var text = HtmlArtifacts.Normalize(article is null ? null : BlockText.Of(article));
        var artifacts = new List<ArtifactInfo>
        {
            new(ArtifactKinds.ArticleHtml, ArtifactFiles.ArticleHtml, ArtifactStatus.Ok, new FileInfo(Path.Combine(folder, ArtifactFiles.ArticleHtml)).Length, "text/html; charset=utf-8"),
        };
        if (text.Length > 0)
        {
            File.WriteAllText(Path.Combine(folder, ArtifactFiles.ArticleText), text, Encoding.UTF8);
            artifacts.Add(new(ArtifactKinds.ArticleText, ArtifactFiles.ArticleText, ArtifactStatus.Ok, new FileInfo(Path.Combine(folder, ArtifactFiles.ArticleText)).Length, "text/plain; charset=utf-8"));
        }

        return new ImportedContent
        {
            Artifacts = artifacts,
            Metadata = new PageMetadata { Title = title },
            SearchText = text.Length > 0 ? text : null,
        };
    }
}
