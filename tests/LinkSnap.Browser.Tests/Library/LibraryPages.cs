using LinkSnap.Testing;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>The small fixture site the library tests save: English and Chinese articles with distinct words.</summary>
internal static class LibraryPages
{
    public static void Map(FixtureServer site)
    {
        site.MapHtml("/lighthouse.html", Article("en", "Lighthouse keepers",
            "Lighthouse keepers lived beside the lamp all year, trimming wicks and watching the sea.",
            "Most lights are automatic today, yet the towers remain and guide ships at night."));
        site.MapHtml("/tides.html", Article("en", "Reading the tides",
            "Tides rise and fall twice a day, pulled by the moon across the open sea.",
            "Sailors learn the tables by heart before they leave the harbour."));
        site.MapHtml("/castles.html", Article("en", "Castles of the north",
            "Old castles guard the northern passes; their history is written in stone.",
            "Each tower was added by a different family over three centuries."));
        site.MapHtml("/model.html", Article("zh-CN", "语言模型的可解释性研究",
            "大型语言模型正在改变自然语言处理的研究方式。研究者希望理解模型内部的表示。",
            "可解释性方法帮助我们检查神经网络中的特征，并发现错误的原因。"));
        site.MapHtml("/orchard.html", Article("en", "Apple orchard diary",
            "The orchard blossomed early this spring and the bees arrived in numbers.",
            "By autumn the branches bent under the weight of red apples."));
        site.MapHtml("/bridges.html", Article("en", "Stone bridges",
            "Stone bridges carry roads over rivers; their arches spread the load.",
            "Some have stood for a thousand years and still carry traffic."));
    }

    internal static string Article(string lang, string title, string first, string second) => $"""
        <!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
        <meta name="description" content="{first}"></head>
        <body><article><h1>{title}</h1><p>{first}</p><p>{second}</p><p>{first} {second}</p></article></body></html>
        """;
}
