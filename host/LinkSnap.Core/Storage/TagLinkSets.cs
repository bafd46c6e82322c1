using Dapper;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Core.Storage;

/// <summary>
/// The ids of the links matching a tag filter, kept in memory between listings. Counting the links of
/// two common tags in SQL means sorting both lists on every request (12,000 entries each at 100,000
/// links); here each tag group's sorted ids are read once and intersected in memory. The sets are
/// keyed by the change counter of link_tags (migration 004), which every write moves on, whichever
/// process or store made it, so a listing never sees a stale set.
/// </summary>
internal sealed class TagLinkSets
{
    private const int MaxGroups = 64;

    private State _state = new(-1);

    /// <summary>Sorted, distinct ids of the links that match every group (a link matches a group when it carries any tag of it).</summary>
    public long[] Matching(SqliteConnection connection, IReadOnlyList<long[]> groups)
    {
        // One read transaction: the counter and the ids come from the same snapshot of the database.
        using var transaction = connection.BeginTransaction(deferred: true);
        var version = connection.ExecuteScalar<long>("SELECT value FROM change_counters WHERE name = 'link_tags'", transaction: transaction);
        var state = Volatile.Read(ref _state);
        if (state.Version != version)
        {
            state = new State(version);
            Volatile.Write(ref _state, state);
        }

        long[]? result = null;
        foreach (var group in groups.OrderBy(g => g.Length))
        {
            var key = string.Join(',', group.Order());
            if (!state.Groups.TryGetValue(key, out var ids))
            {
                if (state.Groups.Count >= MaxGroups)
                {
                    state.Groups.Clear(); // many different filters since the last change: keep memory bounded
                }

                ids = Distinct(Read(connection, transaction, group));
                state.Groups.TryAdd(key, ids);
            }

            result = result is null ? ids : Intersect(result, ids);
        }

        return result ?? [];
    }

    /// <summary>The link ids of a group's tags from the (tag_id, link_id) index: a plain reader, since a group can hold 20,000 rows and Dapper's mapping per row showed.</summary>
    private static long[] Read(SqliteConnection connection, SqliteTransaction transaction, long[] group)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT link_id FROM link_tags WHERE tag_id IN ({string.Join(',', group.Select((_, i) => "$t" + i))})";
        for (var i = 0; i < group.Length; i++)
        {
            command.Parameters.AddWithValue("$t" + i, group[i]);
        }

        var ids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return [.. ids];
    }

    private static long[] Distinct(long[] ids)
    {
        Array.Sort(ids);
        var n = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (n == 0 || ids[i] != ids[n - 1])
            {
                ids[n++] = ids[i];
            }
        }

        return n == ids.Length ? ids : ids[..n];
    }

    private static long[] Intersect(long[] a, long[] b)
    {
        var result = new List<long>(Math.Min(a.Length, b.Length));
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                result.Add(a[i]);
                i++;
                j++;
            }
        }

        return [.. result];
    }

    private sealed record State(long Version)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, long[]> Groups { get; } = new(StringComparer.Ordinal);
    }
}
