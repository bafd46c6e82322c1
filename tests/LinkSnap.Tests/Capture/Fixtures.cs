namespace LinkSnap.Tests.Capture;

/// <summary>Small images for fixture pages.</summary>
internal static class Fixtures
{
    /// <summary>8×8 pure red PNG.</summary>
    public static readonly byte[] RedPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC");

    /// <summary>64×48 pure blue PNG.</summary>
    public static readonly byte[] BluePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAAXElEQVR4nO3PAQkAQBCEwO1f+j6GyAsGGLedPF7QgDxe0IA8XtCAPF7QgDxe0IA8XtCAPF7QgDxe0IA8XtCAPF7QgDxe0IA8XtCAPF7QgDxe0IA8XtCAPF7w98ADvFn0pnAtDEAAAAAASUVORK5CYII=");

    public const string ArticleBody =
        "The lighthouse keeper climbed the spiral stairs every evening at dusk. " +
        "He polished the great lens until it gleamed, trimmed the wick, and watched the ships pass the rocky point. " +
        "In forty years of service he never once missed a night, not in storms, not in fog, not in the long winter dark. " +
        "The villagers said the light was as dependable as the tides themselves.";

    /// <summary>An article with metadata and a lazy image far below the fold.</summary>
    public static string ArticlePage(string imagePath) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>The Lighthouse Keeper</title>
          <meta name="description" content="A story about a dependable light.">
          <meta property="og:site_name" content="Coast Stories">
          <meta property="article:published_time" content="2024-03-05T10:00:00Z">
          <meta name="author" content="Ada Marsh">
          <link rel="canonical" href="https://example.org/lighthouse">
          <link rel="icon" href="/icon.png">
          <style>body { font-family: sans-serif; } .spacer { height: 3000px; }</style>
        </head>
        <body>
          <nav><a href="/">Home</a> <a href="/about">About</a></nav>
          <article>
            <h1>The Lighthouse Keeper</h1>
            <p class="byline">By Ada Marsh</p>
            <p>{{ArticleBody}}</p>
            <p>Every ship that passed carried someone home, and he counted them in a worn leather book that still sits on the shelf beside the lamp room door.</p>
            <p>When the automatic beacon replaced him he kept climbing the stairs anyway, just to watch the beam sweep across the water.</p>
            <div class="spacer"></div>
            <img id="lazy" loading="lazy" src="{{imagePath}}" width="300" height="300" alt="red square">
            <img id="datasrc" class="lazyload" data-src="/blue-lazy.png" width="200" height="200" alt="blue square">
            <p>End of the story.</p>
          </article>
          <script>document.body.insertAdjacentHTML('beforeend', '<p id="scripted">Added by script</p>');</script>
        </body>
        </html>
        """;
}
