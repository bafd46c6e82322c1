namespace LinkSnap.Core.Storage;

/// <summary>Deleting a tag that links still carry needs an explicit force.</summary>
public sealed class TagInUseException(string tag, int count)
    : Exception($"Tag '{tag}' is on {count} link(s); remove it from them first or delete with force.")
{
    public int Count { get; } = count;
}
