using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Core.Storage;

/// <summary>
/// The SQLite index: opens connections with the pragmas every connection needs (foreign keys,
/// busy timeout) and applies the numbered migrations embedded as Storage/Migrations/NNN_name.sql.
/// Connections are short-lived (pooled by Microsoft.Data.Sqlite); WAL lets readers and the writer overlap.
/// </summary>
public sealed class LinkSnapDatabase : IDisposable
{
    private const string MigrationPrefix = "LinkSnap.Core.Storage.Migrations.";

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs = 30_000;

    // An in-memory database lives as long as one connection to it stays open.
    private readonly SqliteConnection? _keepAlive;

    static LinkSnapDatabase()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <param name="busyTimeout">How long a statement waits for another connection's lock before failing with SQLITE_BUSY (default 30 s).</param>
    public LinkSnapDatabase(string databasePath, TimeSpan? busyTimeout = null)
    {
        if (busyTimeout is { } timeout)
        {
            _busyTimeoutMs = (int)timeout.TotalMilliseconds;
        }

        DataDirectory = Path.GetDirectoryName(Path.GetFullPath(databasePath));

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite itself retries a busy statement until the command timeout: keep both equal.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(_busyTimeoutMs / 1000.0)),
            Pooling = true,
        }.ToString();
    }

    private LinkSnapDatabase(string connectionString, bool inMemory)
    {
        _connectionString = connectionString;
        if (inMemory)
        {
            _keepAlive = new SqliteConnection(connectionString);
            _keepAlive.Open();
        }
    }

    /// <summary>A private in-memory database for unit tests.</summary>
    public static LinkSnapDatabase InMemory() => new(
        new SqliteConnectionStringBuilder
        {
            DataSource = "linksnap-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            ForeignKeys = true,
        }.ToString(),
        inMemory: true);

    /// <summary>The folder holding the database file, where the files a rebuild reads live too; null for an in-memory database.</summary>
    public string? DataDirectory { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute($"PRAGMA busy_timeout = {_busyTimeoutMs};");
        return connection;
    }

    /// <summary>Creates or upgrades the schema. Safe to call on every start.</summary>
    public void Migrate()
    {
        using var connection = Open();
        if (_keepAlive is null)
        {
            connection.Execute("PRAGMA journal_mode = WAL;");
        }

        connection.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        var applied = connection.Query<long>("SELECT version FROM schema_migrations").ToHashSet();
        foreach (var (version, name, sql) in LoadMigrations())
        {
            if (applied.Contains(version))
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            connection.Execute(sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTimeOffset.UtcNow.ToString("O") },
                transaction);
            transaction.Commit();
        }
    }

    public static IReadOnlyList<(long Version, string Name, string Sql)> LoadMigrations()
    {
        var assembly = typeof(LinkSnapDatabase).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(MigrationPrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Resource: n, Name: n[MigrationPrefix.Length..^4]))
            .Select(m => (Version: long.Parse(m.Name.Split('_')[0], System.Globalization.CultureInfo.InvariantCulture), m.Name, Sql: Read(assembly, m.Resource)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        _keepAlive?.Dispose();
    }
}
