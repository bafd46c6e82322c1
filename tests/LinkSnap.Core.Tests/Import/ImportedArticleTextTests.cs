using LinkSnap.Core.Import;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Import;

/// <summary>An imported article's text (article.txt, the search body) keeps the words of adjacent blocks apart.</summary>
public sealed class ImportedArticleTextTests
{
    [Test]
    public void Adjacent_blocks_line_breaks_and_table_cells_stay_apart()
    {
        var folder = Directory.CreateTempSubdirectory("linksnap-imported-").FullName;
        try
        {
            var content = "<p>tide</p><p>moon</p><div>潮汐</div><div>月亮</div><ul><li>one</li><li>two</li></ul>left<br>right"
                + "<table><tr><td>cell</td><td>next</td></tr></table><h2>heading</h2>after<script>hidden()</script><p>in<b>line</b></p>";
            var link = new PlannedLink { Url = new Uri("https://example.org/a"), NormalizedUrl = "https://example.org/a", Title = "T", Content = content, ContentSource = "wallabag" };

            var text = ImportedArticle.Write(folder, link).SearchText!;

            Assert.That(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.SupersetOf(new[] { "tide", "moon", "潮汐", "月亮", "one", "two", "left", "right", "heading", "after", "inline" }), text);
            Assert.That(text, Does.Match(@"cell\s+next"));
            Assert.That(text, Does.Not.Contain("tidemoon").And.Not.Contain("hidden"));
            Assert.That(File.ReadAllText(Path.Combine(folder, "article.txt")), Is.EqualTo(text));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
