using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Reads a Netscape bookmark file in one forward pass over AngleSharp's HTML5 tokenizer (entities, attribute
/// quoting and broken markup decoded by the maintained parser), without building a document: memory is the
/// entries read, not a DOM of every DT, DL and text node (decision 082: a 100,000-bookmark file's document
/// took most of the daemon's 600 MB peak). The tree rules the file relies on are kept here:
/// <list type="bullet">
/// <item>a DL's folder is the H3 of the DT (or DD after it) that holds it, or the H3 just before it;</item>
/// <item>a DT or DD ends the item before it (the DT is never closed in these files);</item>
/// <item>a DD right after a bookmark's DT is its note; a link inside a DD is a thumbnail, not a bookmark;</item>
/// <item>browser root containers (toolbar, unfiled) give no folder.</item>
/// </list>
/// </summary>
internal sealed class NetscapeReader
{
    // The tree builder switches the tokenizer for these; a plain tokenizer must do the same or a script's "<a" reads as a bookmark.
    internal static readonly Dictionary<string, HtmlParseMode> TextElements = new(StringComparer.Ordinal)
    {
        ["title"] = HtmlParseMode.RCData, ["textarea"] = HtmlParseMode.RCData,
        ["style"] = HtmlParseMode.Rawtext, ["xmp"] = HtmlParseMode.Rawtext, ["iframe"] = HtmlParseMode.Rawtext,
        ["noembed"] = HtmlParseMode.Rawtext, ["noframes"] = HtmlParseMode.Rawtext,
        ["script"] = HtmlParseMode.Script, ["plaintext"] = HtmlParseMode.Plaintext,
    };

    private readonly ImportOptions _options;
    private readonly List<ImportEntry> _entries = [];

    // One level per open DL (the first is the document): its folder, the heading of its current item, whether that item is a DD.
    private readonly List<Level> _levels = [new Level(null)];

    // Entries of the current DT still waiting for a DD note.
    private readonly List<int> _awaitingNote = [];

    private Capture _capture;
    private readonly StringBuilder _text = new();
    private HtmlTagToken? _anchor;
    private bool _headingIsRoot;
    private List<int>? _noteFor;

    private NetscapeReader(ImportOptions options) => _options = options;

    private enum Capture
    {
        None,
        Heading,
        Anchor,
        Note,
    }

    private Level Current => _levels[^1];

    public static List<ImportEntry> Read(string text, ImportOptions options)
    {
        var reader = new NetscapeReader(options);
        var tokenizer = new HtmlTokenizer(new TextSource(text), HtmlEntityProvider.Resolver);
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            switch (token.Type)
            {
                case HtmlTokenType.Character when reader._capture != Capture.None:
                    reader._text.Append(token.Data);
                    break;
                case HtmlTokenType.StartTag:
                    var tag = (HtmlTagToken)token;
                    reader.Start(tag);
                    if (!tag.IsSelfClosing && TextElements.TryGetValue(tag.Name, out var mode))
                    {
                        tokenizer.State = mode;
                    }

                    break;
                case HtmlTokenType.EndTag:
                    reader.End(token.Name);
                    break;
            }
        }

        reader.EndCapture();
        return reader._entries;
    }

    private void Start(HtmlTagToken tag)
    {
        switch (tag.Name)
        {
            case "dt":
                EndCapture();
                _awaitingNote.Clear();
                Current.Heading = null;
                Current.InDd = false;
                break;
            case "dd":
                EndCapture();
                Current.InDd = true;
                if (_awaitingNote.Count > 0)
                {
                    _noteFor = [.. _awaitingNote];
                    _awaitingNote.Clear();
                    Begin(Capture.Note);
                }

                break;
            case "dl":
                EndCapture();
                _awaitingNote.Clear();
                var heading = Current.Heading;
                _levels.Add(new Level(heading is { IsRoot: false } ? heading.Name : null));
                break;
            case "h3":
                EndCapture();
                _headingIsRoot = HasAttribute(tag, "personal_toolbar_folder") || HasAttribute(tag, "unfiled_bookmarks_folder");
                Begin(Capture.Heading);
                break;
            case "a":
                if (_capture is Capture.Anchor)
                {
                    EndCapture(); // an unclosed A ends where the next begins, as the tree builder does
                }

                if (_capture is Capture.None && !Current.InDd)
                {
                    _anchor = tag;
                    Begin(Capture.Anchor);
                }

                break;
        }
    }

    private void End(string name)
    {
        switch (name)
        {
            case "a" when _capture is Capture.Anchor:
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when _capture is Capture.Heading:
            case "dd" when _capture is Capture.Note:
                EndCapture();
                break;
            case "dd":
                Current.InDd = false;
                break;
            case "dl" when _levels.Count > 1:
                EndCapture();
                _awaitingNote.Clear();
                _levels.RemoveAt(_levels.Count - 1);
                break;
        }
    }

    private void Begin(Capture capture)
    {
        _capture = capture;
        _text.Clear();
    }

    private void EndCapture()
    {
        var text = _text.ToString().Trim();
        switch (_capture)
        {
            case Capture.Heading:
                Current.Heading = new Heading(text, _headingIsRoot);
                break;
            case Capture.Anchor:
                _awaitingNote.Add(_entries.Count);
                _entries.Add(Entry(_anchor!, text));
                break;
            case Capture.Note:
                foreach (var index in _noteFor!)
                {
                    _entries[index] = _entries[index] with { Note = text };
                }

                break;
        }

        _capture = Capture.None;
        _text.Clear();
    }

    private ImportEntry Entry(HtmlTagToken anchor, string title)
    {
        var tags = new List<string>(_options.TagsForFolders(Folders()));
        tags.AddRange(NetscapeFormat.SplitTags(Attribute(anchor, "tags")));
        return new ImportEntry
        {
            Position = $"bookmark {_entries.Count + 1}",
            Url = Attribute(anchor, "href") ?? "",
            Title = title,
            Tags = tags,
            SavedAt = ImportDates.Parse(Attribute(anchor, "add_date")),
            Read = Attribute(anchor, "toread")?.Trim() == "0", // TOREAD="1" is unread, "0" was read
            Private = Attribute(anchor, "private")?.Trim() == "1",
        };
    }

    private List<string> Folders() => [.. _levels.Select(l => l.Folder).OfType<string>()];

    // The first of a repeated attribute counts, as in the tree builder; null when absent (GetAttribute gives "").
    internal static string? Attribute(HtmlTagToken tag, string name)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private static bool HasAttribute(HtmlTagToken tag, string name) => Attribute(tag, name) is not null;

    private sealed record Heading(string Name, bool IsRoot);

    private sealed class Level(string? folder)
    {
        public string? Folder { get; } = folder;
        public Heading? Heading { get; set; }
        public bool InDd { get; set; }
    }
}
