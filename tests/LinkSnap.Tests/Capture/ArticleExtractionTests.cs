using LinkSnap.Core.Capture;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// The article text and reader view keep every real paragraph of a story and none of the
/// boilerplate that sites put inside the article container (which Mozilla Readability keeps).
/// </summary>
[TestFixture]
public sealed class ArticleExtractionTests : CaptureTestBase
{
    private static readonly string[] Paragraphs =
    [
        "The harbour council met on Tuesday evening to decide the future of the old breakwater, which has protected the fishing fleet since 1887.",
        "Engineers told the council that the stones on the seaward side have shifted by almost a metre over the last decade of winter storms.",
        "Repairs would cost about four million, while a new breakwater further out would cost three times as much and take six years to build.",
        "Several fishermen asked the council to subscribe to the cheaper plan, saying the boats cannot wait six years for shelter.",
        "Others pointed to posts shared on social media showing waves breaking over the wall during the January gale.",
        "The council will publish both engineering reports next month and vote on the plan before the end of the spring.",
    ];

    private static readonly string[] Boilerplate =
    [
        "Share on Facebook", "Tweet this", "Sign up for our morning newsletter", "Advertisement",
        "Photo: Getty Images", "Read more:", "Ferry timetable changes for the summer", "Lifeboat crew rescues two kayakers",
        "Maria Holt covers the coast for the Gazette", "12 comments", "Published 10:04 AM, March 5, 2024", "View all posts by Maria Holt",
    ];

    private Captured _captured = null!;

    [OneTimeSetUp]
    public async Task CaptureArticleAsync()
    {
        Server.MapHtml("/breakwater", Page);
        Server.MapContent("/breakwater.png", "image/png", Fixtures.BluePng);
        Server.MapContent("/holt.png", "image/png", Fixtures.RedPng);
        _captured = await CaptureAsync(Server.Url("/breakwater"));
        Assert.That(_captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), _captured.Result.Reason);
    }

    [Test]
    public void Article_text_has_every_real_paragraph_and_subheading()
    {
        var text = _captured.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            foreach (var paragraph in Paragraphs)
            {
                Assert.That(text, Does.Contain(paragraph));
            }

            Assert.That(text, Does.Contain("What the engineers found"), "a subheading is article text");
            Assert.That(text, Does.Contain("Stones on the seaward side"), "a list in the story is article text");
        });
    }

    [Test]
    public void Article_text_has_none_of_the_boilerplate_inside_the_article()
    {
        var text = _captured.Text(ArtifactKinds.ArticleText);
        Assert.Multiple(() =>
        {
            foreach (var line in Boilerplate)
            {
                Assert.That(text, Does.Not.Contain(line));
            }
        });
    }

    [Test]
    public void Reader_view_is_cleaned_the_same_way_and_keeps_no_page_classes()
    {
        var reader = _captured.Text(ArtifactKinds.ArticleHtml);
        Assert.Multiple(() =>
        {
            Assert.That(reader, Does.Contain(Paragraphs[0]));
            Assert.That(reader, Does.Contain(Paragraphs[^1]));
            Assert.That(reader, Does.Contain("<img"), "the story's picture stays, only its caption and credit go");
            Assert.That(reader, Does.Not.Contain("Sign up for our morning newsletter"));
            Assert.That(reader, Does.Not.Contain("Ferry timetable"));
            Assert.That(reader, Does.Not.Contain("social-issues"), "class attributes of the page are dropped, also on the kept article element");
        });
    }

    private static string Page => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Council weighs the future of the breakwater | Harbour Gazette</title></head>
        <body>
          <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
          <main>
            <article class="story social-issues">
              <h1>Council weighs the future of the breakwater</h1>
              <p>Published 10:04 AM, March 5, 2024</p>
              <div class="share-bar"><a href="/s/fb">Share on Facebook</a> <a href="/s/tw">Tweet this</a></div>
              <p>{{Paragraphs[0]}}</p>
              <figure>
                <img src="/breakwater.png" width="600" height="300" alt="The breakwater at low tide">
                <figcaption>The breakwater at low tide. Photo: Getty Images</figcaption>
              </figure>
              <p>{{Paragraphs[1]}}</p>
              <h2>What the engineers found</h2>
              <ul>
                <li>Stones on the seaward side moved by almost a metre.</li>
                <li>The concrete cap is cracked in three places.</li>
                <li>The lighthouse foundation is still sound.</li>
              </ul>
              <div class="ad-slot"><p>Advertisement</p></div>
              <p>{{Paragraphs[2]}}</p>
              <div class="newsletter-box"><p>Sign up for our morning newsletter, with the day's harbour news, tide tables, weather and events, delivered to your inbox every weekday at seven.</p></div>
              <p>{{Paragraphs[3]}}</p>
              <p>Read more:</p>
              <ul>
                <li><a href="/ferry">Ferry timetable changes for the summer</a></li>
                <li><a href="/lifeboat">Lifeboat crew rescues two kayakers</a></li>
                <li><a href="/market">Fish market reopens after repairs</a></li>
              </ul>
              <p>{{Paragraphs[4]}}</p>
              <p>{{Paragraphs[5]}}</p>
              <div class="author-bio"><img src="/holt.png" alt=""><p>Maria Holt covers the coast, the harbour and the fishing industry for the Gazette, where she has worked since 2009, after ten years at the Northern Echo.</p><p><a href="/author/holt">View all posts by Maria Holt</a></p></div>
              <div class="comment-count"><a href="#comments">12 comments</a></div>
            </article>
          </main>
          <footer><p>© 2024 Harbour Gazette</p></footer>
        </body>
        </html>
        """;
}
