namespace LinkSnap.Tests.Cli;

/// <summary>The page the CLI tests save: a Chinese and English title and text, to check output and search in both.</summary>
internal static class CliFixturePage
{
    public const string Html = """
        <html><head><meta charset="utf-8"><title>CLI fixture 模型</title></head>
        <body><article><h1>CLI fixture</h1><p>这个页面讨论语言模型。The command line saved this page with its tags.</p></article></body></html>
        """;
}
