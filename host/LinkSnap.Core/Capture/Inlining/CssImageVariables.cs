using System.Text;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Large data: URIs used from CSS declarations become custom properties (var(--linksnap-N)),
/// defined once per document on :root, so that a sprite used by 50 rules is stored once, not 50
/// times (SingleFile does the same). Scopes track which variables each document and each cached
/// stylesheet uses, so every document (frames included) defines exactly what it needs.
/// </summary>
internal sealed class CssImageVariables
{
    /// <summary>Shorter URIs are written in place: a variable would not save anything.</summary>
    public const int MinLength = 512;

    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];
    private readonly Stack<HashSet<int>> _scopes = new();

    /// <summary>The var() standing for a data: URI, recorded as used by the current scope.</summary>
    public string Reference(string dataUri)
    {
        if (!_numbers.TryGetValue(dataUri, out var number))
        {
            number = _values.Count;
            _values.Add(dataUri);
            _numbers[dataUri] = number;
        }

        if (_scopes.TryPeek(out var scope))
        {
            scope.Add(number);
        }

        return "var(" + Name(number) + ")";
    }

    public void BeginScope() => _scopes.Push([]);

    public HashSet<int> EndScope() => _scopes.Pop();

    /// <summary>Records variables used by a cached stylesheet as used by the current scope too.</summary>
    public void Use(HashSet<int> used)
    {
        if (used.Count > 0 && _scopes.TryPeek(out var scope))
        {
            scope.UnionWith(used);
        }
    }

    /// <summary>The :root rule defining the given variables; null when there are none.</summary>
    public string? Definitions(HashSet<int> used)
    {
        if (used.Count == 0)
        {
            return null;
        }

        var css = new StringBuilder(":root {");
        foreach (var number in used.Order())
        {
            css.Append(Name(number)).Append(": url(");
            CssRewriter.AppendString(css, _values[number]);
            css.Append(");");
        }

        return css.Append('}').ToString();
    }

    private static string Name(int number) => "--linksnap-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
