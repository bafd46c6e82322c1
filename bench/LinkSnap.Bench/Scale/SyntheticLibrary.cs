using LinkSnap.Core.Search;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Bench.Scale;

/// <summary>
/// Fills a LinkSnap database with synthetic saved links: realistic titles, sites, hierarchical tags and
/// article text, about 30% of it Chinese. Words follow a Zipf law over a large generated vocabulary
/// (as in real text) and each document has two topic words, so that a query word matches a realistic
/// share of the library rather than nearly all of it. Rows are written as the store writes them (links, tags,
/// one done snapshot each, the segmented search row) but in large transactions, since 100,000 single
/// commits would take longer than the whole benchmark budget. Deterministic (fixed seed).
/// </summary>
public static class SyntheticLibrary
{
    private static readonly string[] English =
    [
        "quantum", "interpretability", "compiler", "gardening", "recipe", "database", "kernel", "climate", "history",
        "economics", "privacy", "browser", "typography", "music", "football", "election", "vaccine", "battery",
        "startup", "python", "rust", "linux", "astronomy", "museum", "travel", "coffee", "bicycle", "architecture",
        "neural", "network", "protocol", "security", "language", "model", "energy", "ocean", "forest", "city",
        "review", "guide", "introduction", "analysis", "notes", "tutorial", "benchmark", "interview", "report",
    ];

    private static readonly string[] Filler =
    [
        "the", "of", "and", "a", "to", "in", "is", "for", "on", "with", "as", "that", "by", "this", "from", "at",
        "new", "how", "why", "what", "we", "our", "their", "about", "more", "than", "after", "before", "during",
    ];

    private static readonly string[] Chinese =
    [
        "机器学习", "模型", "数据库", "历史", "经济", "城市", "天气", "音乐", "足球", "选举", "疫苗", "电池", "创业",
        "语言", "网络", "安全", "能源", "海洋", "森林", "旅行", "咖啡", "自行车", "建筑", "天文", "博物馆", "新闻",
        "研究", "分析", "笔记", "教程", "评论", "报告", "中国", "北京", "上海", "学习", "书", "人工智能", "隐私",
    ];

    private static readonly string[] TagRoots = ["nlp", "ml", "reading", "cooking", "travel", "work", "research", "news", "music", "sport", "中文", "tools"];

    private static readonly string[] TagLeaves = ["interpretability", "papers", "later", "favorites", "archive", "howto", "reference", "ideas", "2024", "2025", "读书", "工具"];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ren", "ta", "vo", "sel", "dri", "pan", "qu", "mo", "ter", "ex", "al", "in", "cor", "ba", "ly",
        "ne", "po", "st", "ra", "vi", "gen", "us", "ti", "on", "ma", "de", "ri",
    ];

    private static readonly string Hanzi =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

    /// <summary>Adds <paramref name="count"/> links after those already there (ids continue).</summary>
    /// <summary>An empty, migrated library database in <paramref name="folder"/> (emptied first); returns its path.</summary>
    public static string CreateEmpty(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var databasePath = Path.Combine(folder, "linksnap.db");
        using var database = new LinkSnapDatabase(databasePath);
        database.Migrate();
        return databasePath;
    }

    public static void Seed(string databasePath, int count, int seed)
    {
        var random = new Random(seed);
        var englishVocabulary = Vocabulary(new Random(7), 20_000, r => string.Concat(Enumerable.Range(0, r.Next(2, 4)).Select(_ => Syllables[r.Next(Syllables.Length)])));
        var chineseVocabulary = Vocabulary(new Random(8), 20_000, r => string.Concat(Enumerable.Range(0, r.Next(1, 3)).Select(_ => Hanzi[r.Next(Hanzi.Length)])));
        using var connection = new SqliteConnection($"Data Source={databasePath};Foreign Keys=True");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        var start = Convert.ToInt64(new SqliteCommand("SELECT COALESCE(MAX(id), 0) FROM links", connection).ExecuteScalar());
        var created = DateTimeOffset.Parse("2024-01-01T00:00:00Z");

        const int batch = 5000;
        for (var done = 0; done < count; done += batch)
        {
            using var transaction = connection.BeginTransaction();
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var n = start + i + 1;
                var chinese = random.NextDouble() < 0.3;
                var site = $"site{random.Next(500)}.example";
                var url = new Uri($"https://{site}/articles/{n}-{Word(random, English)}");
                var topics = chinese ? new[] { Word(random, Chinese), Word(random, Chinese) } : new[] { Word(random, English), Word(random, English) };
                var title = chinese ? string.Concat(topics) + Zipf(random, chineseVocabulary) : Title(random, topics, englishVocabulary);
                var body = chinese ? Body(random, topics, chineseVocabulary, null, 80, "") : Body(random, topics, englishVocabulary, Filler, 120, " ");
                var time = StorageText.Time(created.AddMinutes(n * 7));
                var tags = Enumerable.Range(0, random.Next(0, 4))
                    .Select(_ => TagRoots[random.Next(TagRoots.Length)] + (random.NextDouble() < 0.6 ? "/" + TagLeaves[random.Next(TagLeaves.Length)] : ""))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList();
                Insert(connection, transaction, n, url, site, title, body, time, tags);
            }

            transaction.Commit();
        }

        // The pooled connection stays open, so SQLite would not fold the write-ahead log back into the
        // database on close: the daemon would then read through a ~100 MiB WAL and pay for the
        // checkpoint in the middle of the timed queries. A library the store wrote has no such backlog.
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, long id, Uri url, string site, string title, string body, string time, List<string> tags)
    {
        Execute(connection,
            """
            INSERT INTO links (id, url, normalized_url, site, title, created_at, updated_at, latest_snapshot_id) VALUES ($id, $url, $norm, $site, $title, $time, $time, $id);
            INSERT INTO snapshots (id, link_id, status, mode, attempts, created_at, started_at, finished_at, title, has_thumbnail, metadata_json, artifacts_json, timings_json)
            VALUES ($id, $id, 'done', 'fresh', 1, $time, $time, $time, $title, 0, '{}', '[]', '{}');
            INSERT INTO search (rowid, title, url, tags, note, body) VALUES ($id, $stitle, $url, $stags, '', $sbody);
            """,
            transaction,
            ("$id", id), ("$url", url.AbsoluteUri), ("$norm", UrlNormalizer.Normalize(url)), ("$site", site), ("$title", title), ("$time", time),
            ("$stitle", SearchText.Segment(title)), ("$stags", SearchText.Segment(string.Join(' ', tags.Order(StringComparer.Ordinal)))), ("$sbody", SearchText.Segment(body)));
        foreach (var tag in tags)
        {
            var key = TagName.Key(tag);
            Execute(connection,
                "INSERT OR IGNORE INTO tags (name, key) VALUES ($name, $key); INSERT OR IGNORE INTO link_tags (link_id, tag_id) SELECT $id, id FROM tags WHERE key = $key;",
                transaction, ("$name", tag), ("$key", key), ("$id", id));
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static string Word(Random random, string[] words) => words[random.Next(words.Length)];

    private static string Title(Random random, string[] topics, string[] vocabulary)
    {
        var text = $"{topics[0]} {Word(random, Filler)} {Zipf(random, vocabulary)} {topics[1]}";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Half stop words (English), the topics now and then, the rest Zipf-distributed vocabulary.</summary>
    private static string Body(Random random, string[] topics, string[] vocabulary, string[]? filler, int count, string separator) =>
        string.Join(separator, Enumerable.Range(0, count).Select(_ =>
            filler is not null && random.NextDouble() < 0.5 ? Word(random, filler)
            : random.NextDouble() < 0.05 ? topics[random.Next(2)]
            : Zipf(random, vocabulary)));

    private static string[] Vocabulary(Random random, int size, Func<Random, string> make) =>
        Enumerable.Range(0, size * 2).Select(_ => make(random)).Distinct(StringComparer.Ordinal).Take(size).ToArray();

    /// <summary>Rank r drawn with probability ∝ 1/r (Zipf, s = 1), by inverting the harmonic CDF approximately.</summary>
    private static string Zipf(Random random, string[] vocabulary)
    {
        var rank = (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(vocabulary.Length + 1))) - 1;
        return vocabulary[Math.Clamp(rank, 0, vocabulary.Length - 1)];
    }
}
