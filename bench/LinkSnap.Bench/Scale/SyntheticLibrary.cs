using LinkSnap.Core.Search;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Bench.Scale;

/// <summary>
/// Fills a LinkSnap database with synthetic saved links: realistic titles, sites, hierarchical tags and
/// article text, about 30% of it Chinese. Rows are written as the store writes them (links, tags,
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

    /// <summary>Adds <paramref name="count"/> links after those already there (ids continue).</summary>
    public static void Seed(string databasePath, int count, int seed)
    {
        var random = new Random(seed);
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
                var title = chinese ? Phrase(random, Chinese, 3, "") : Title(random);
                var body = chinese ? Phrase(random, Chinese, 120, "，") : Phrase(random, English, 60, " ", Filler);
                var time = StorageText.Time(created.AddMinutes(n * 7));
                var tags = Enumerable.Range(0, random.Next(0, 4))
                    .Select(_ => TagRoots[random.Next(TagRoots.Length)] + (random.NextDouble() < 0.6 ? "/" + TagLeaves[random.Next(TagLeaves.Length)] : ""))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList();
                Insert(connection, transaction, n, url, site, title, body, time, tags);
            }

            transaction.Commit();
        }
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

    private static string Title(Random random)
    {
        var words = Enumerable.Range(0, random.Next(3, 8)).Select(i => i % 2 == 1 ? Word(random, Filler) : Word(random, English));
        var text = string.Join(' ', words);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Phrase(Random random, string[] words, int count, string separator, string[]? filler = null) =>
        string.Join(separator, Enumerable.Range(0, count).Select(_ => filler is not null && random.NextDouble() < 0.5 ? Word(random, filler) : Word(random, words)));
}
