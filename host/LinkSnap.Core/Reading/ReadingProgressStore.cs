using Dapper;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Reading;

/// <summary>
/// How far a person has read a link in the reader view (migration 018, decision 069): a fraction of the
/// article's scroll height. Reading is not editing, so the link's updated time stays as it was.
/// </summary>
public sealed class ReadingProgressStore(LinkSnapDatabase database, ReadingProgressJournal? journal = null)
{
    /// <summary>Keeps the fraction (0 to 1), and has it journalled once reading pauses (<see cref="ReadingProgressJournal"/>). False when the link does not exist.</summary>
    public bool Set(long linkId, double fraction)
    {
        if (!double.IsFinite(fraction) || fraction < 0 || fraction > 1)
        {
            throw new ArgumentException("Reading progress is a fraction from 0 to 1.");
        }

        bool found;
        using (var connection = database.Open())
        {
            found = connection.Execute("UPDATE links SET reading_progress = @fraction WHERE id = @linkId", new { linkId, fraction }) > 0;
        }

        if (found)
        {
            journal?.Saved(linkId);
        }

        return found;
    }
}
