using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Reads Pocket's ril_export.html in one forward pass over AngleSharp's HTML5 tokenizer, as
/// <see cref="NetscapeReader"/> does for bookmark files (decisions 082, 090): no document of the whole file,
/// only a stack of the open elements' names. The tree rules the export relies on are kept here:
/// <list type="bullet">
/// <item>a bookmark is an A whose parent is an LI;</item>
/// <item>it is read and archived when its nearest UL comes right after an H1 naming the "Archive";</item>
/// <item>an LI ends the LI before it, a new A the A before it, an end tag every element opened inside it;</item>
/// <item>the title is all the text inside the A.</item>
/// </list>
/// </summary>
internal sealed class PocketHtmlReader
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private readonly List<ImportEntry> _entries = [];
    private readonly List<Open> _open = [];
    private readonly StringBuilder _text = new();

    // The element that ended last, and at what depth: an element started at that depth has it as its previous element sibling.
    private (int Depth, bool ArchiveHeading)? _lastEnded;
    private HtmlTagToken? _anchor;
    private bool _anchorArchived;

    // Archived is only set on a UL: the list after the archive's heading.
    private sealed record Open(string Name, bool Archived);

    public static List<ImportEntry> Read(string text)
    {
        var reader = new PocketHtmlReader();
        var tokenizer = new HtmlTokenizer(new TextSource(text), HtmlEntityProvider.Resolver);
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            switch (token.Type)
            {
                case HtmlTokenType.Character:
                    reader.Text(token.Data);
                    break;
                case HtmlTokenType.StartTag:
                    var tag = (HtmlTagToken)token;
                    reader.Start(tag);
                    if (!tag.IsSelfClosing && NetscapeReader.TextElements.TryGetValue(tag.Name, out var mode))
                    {
                        tokenizer.State = mode;
                    }

                    break;
                case HtmlTokenType.EndTag:
                    reader.End(token.Name);
                    break;
            }
        }

        reader.PopTo(0);
        return reader._entries;
    }

    private void Text(string data)
    {
        // An H1's text decides whether the list after it is the archive; an A's text is the title.
        if (_anchor is not null || _open.Any(o => o.Name == "h1"))
        {
            _text.Append(data);
        }
    }

    private void Start(HtmlTagToken tag)
    {
        switch (tag.Name)
        {
            case "li":
                PopTo(IndexOf("li", stopAt: "ul"));
                break;
            case "a":
                PopTo(IndexOf("a"));
                break;
            case "h1":
                _text.Clear();
                break;
        }

        var depth = _open.Count;
        var archived = tag.Name == "ul" && _lastEnded is { ArchiveHeading: true } ended && ended.Depth == depth;
        if (tag.Name == "a" && _open.Count > 0 && _open[^1].Name == "li")
        {
            _anchor = tag;
            _anchorArchived = NearestListArchived();
            _text.Clear();
        }

        if (VoidElements.Contains(tag.Name) || tag.IsSelfClosing)
        {
            _lastEnded = (depth, false);
            return;
        }

        _open.Add(new Open(tag.Name, archived));
    }

    private void End(string name)
    {
        var index = name == "li" ? IndexOf("li", stopAt: "ul") : IndexOf(name);
        PopTo(index);
    }

    private int IndexOf(string name, string? stopAt = null)
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Name == name)
            {
                return i;
            }

            if (_open[i].Name == stopAt)
            {
                break;
            }
        }

        return -1;
    }

    // Closes the element at index and every element opened inside it; -1 closes nothing.
    private void PopTo(int index)
    {
        if (index < 0)
        {
            return;
        }

        while (_open.Count > index)
        {
            var closed = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            if (closed.Name == "a" && _anchor is not null && IndexOf("a") < 0)
            {
                FinishAnchor();
            }

            _lastEnded = (_open.Count, closed.Name == "h1" && _text.ToString().Contains("Archive", StringComparison.OrdinalIgnoreCase));
            if (closed.Name == "h1")
            {
                _text.Clear();
            }
        }
    }

    private bool NearestListArchived()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Name == "ul")
            {
                return _open[i].Archived;
            }
        }

        return false;
    }

    private void FinishAnchor()
    {
        var anchor = _anchor!;
        _anchor = null;
        _entries.Add(new ImportEntry
        {
            Position = $"link {_entries.Count + 1}",
            Url = NetscapeReader.Attribute(anchor, "href") ?? "",
            Title = _text.ToString().Trim(),
            Tags = NetscapeFormat.SplitTags(NetscapeReader.Attribute(anchor, "tags")).ToList(),
            SavedAt = ImportDates.Parse(NetscapeReader.Attribute(anchor, "time_added")),
            Read = _anchorArchived,
            Archived = _anchorArchived,
        });
        _text.Clear();
    }
}
