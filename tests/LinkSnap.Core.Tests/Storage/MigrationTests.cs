using Dapper;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

public sealed class MigrationTests
{
    [Test]
    public void Migrates_an_empty_file_database_and_a_rerun_changes_nothing()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "linksnap.db");
        using (var database = new LinkSnapDatabase(path))
        {
            database.Migrate();
            database.Migrate();
            using var connection = database.Open();
            var versions = connection.Query<long>("SELECT version FROM schema_migrations ORDER BY version").ToList();
            Assert.That(versions, Is.EqualTo(LinkSnapDatabase.LoadMigrations().Select(m => m.Version).ToList()));
            Assert.That(versions, Does.Contain(1L));
            Assert.That(connection.ExecuteScalar<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
            Assert.That(connection.ExecuteScalar<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
            var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToList();
            Assert.That(tables, Is.SupersetOf(new[] { "links", "tags", "link_tags", "snapshots", "search" }));
        }

        // A second process opening the same file later sees the schema as it is.
        using var again = new LinkSnapDatabase(path);
        again.Migrate();
        using var reopened = again.Open();
        Assert.That(reopened.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations"), Is.EqualTo(LinkSnapDatabase.LoadMigrations().Count));
    }

    [Test]
    public void Migrations_have_unique_numbers()
    {
        // Numbers are handed out per task so parallel branches never collide; a number handed out may land
        // after a higher one, or never, so gaps are allowed (the runner applies whatever is not applied yet).
        var versions = LinkSnapDatabase.LoadMigrations().Select(m => m.Version).ToList();
        Assert.That(versions, Is.Unique);
        Assert.That(versions[0], Is.EqualTo(1));
    }
}
