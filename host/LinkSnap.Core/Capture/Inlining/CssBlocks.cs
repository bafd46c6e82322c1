namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Which block a stylesheet position is in, as far as references care: inside the descriptors of
/// @font-face and its kind var() is not allowed, so a url() there must stay literal.
/// </summary>
internal sealed class CssBlocks
{
    private static readonly HashSet<string> DescriptorRules = new(StringComparer.OrdinalIgnoreCase)
    {
        "font-face", "counter-style", "property", "font-feature-values", "font-palette-values", "page",
    };

    // One entry per open block: whether it (or a block around it) holds descriptors.
    private readonly Stack<bool> _open = new();
    private string? _pendingAtRule;

    /// <summary>Whether a var() may stand at the current position.</summary>
    public bool VarAllowed => !_open.TryPeek(out var inDescriptors) || !inDescriptors;

    /// <summary>An at-rule's name was read; the next "{" opens its block.</summary>
    public void AtRule(string name) => _pendingAtRule = name;

    public void Open()
    {
        var inDescriptors = _open.TryPeek(out var outer) && outer;
        _open.Push(inDescriptors || (_pendingAtRule is not null && DescriptorRules.Contains(_pendingAtRule)));
        _pendingAtRule = null;
    }

    /// <summary>A "}" (closing the block) or ";" (ending an at-rule statement without a block).</summary>
    public void End(bool closesBlock)
    {
        if (closesBlock)
        {
            _open.TryPop(out _);
        }

        _pendingAtRule = null;
    }
}
