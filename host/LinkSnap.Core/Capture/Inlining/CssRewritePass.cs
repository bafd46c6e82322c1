using System.Text;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// One linear pass of <see cref="CssRewriter.Rewrite"/> over a stylesheet: the scan loop dispatches each
/// token to one step; text between replacements is copied unchanged.
/// </summary>
internal sealed class CssRewritePass(string css, Func<string, bool, string> resource, Func<string, string?> import)
{
    private readonly StringBuilder _output = new(css.Length + 64);
    private readonly CssScanner _scanner = new(css);
    private readonly CssBlocks _blocks = new();
    private int _copied;
    private int _depth;

    // The parenthesis depth at which an image-set( opened; -1 outside one. Its strings are URLs.
    private int _imageSetDepth = -1;

    public string Run()
    {
        while (!_scanner.AtEnd)
        {
            Step(_scanner.Position, _scanner.Current);
        }

        if (_copied == 0)
        {
            return css;
        }

        Copy(css.Length);
        return _output.ToString();
    }

    private void Step(int start, char c)
    {
        switch (c)
        {
            case '/' when _scanner.Peek(1) == '*':
                _scanner.SkipComment();
                break;
            case '"' or '\'':
                String(start);
                break;
            case '\\':
                _scanner.Advance(Math.Min(2, css.Length - _scanner.Position));
                break;
            case '(':
                _depth++;
                _scanner.Advance(1);
                break;
            case ')':
                CloseParenthesis();
                break;
            case '@' when _scanner.MatchesWord("@import"):
                Import(start);
                break;
            case '@' when _scanner.MatchesWord("@namespace"):
                _scanner.SkipPastStatementEnd();
                break;
            case '@':
                _scanner.Advance(1);
                _blocks.AtRule(_scanner.ReadName());
                break;
            case '{':
                _blocks.Open();
                _scanner.Advance(1);
                break;
            case '}' or ';':
                _blocks.End(closesBlock: c == '}');
                _scanner.Advance(1);
                break;
            default:
                if (CssRewriter.IsNameStart(c) && (start == 0 || !CssRewriter.IsNameChar(css[start - 1])))
                {
                    Name(start);
                }
                else
                {
                    _scanner.Advance(1);
                }

                break;
        }
    }

    /// <summary>A quoted string: a URL when it is an argument of image-set(), otherwise left alone.</summary>
    private void String(int start)
    {
        var value = _scanner.ReadString();
        if (_imageSetDepth >= 0 && _depth == _imageSetDepth + 1)
        {
            Replace(start, resource(value, _blocks.VarAllowed), function: "");
        }
    }

    private void CloseParenthesis()
    {
        if (_depth-- == _imageSetDepth + 1)
        {
            _imageSetDepth = -1;
        }

        _scanner.Advance(1);
    }

    /// <summary>An @import rule: rewritten to its replacement URL (media and layer kept), or dropped.</summary>
    private void Import(int start)
    {
        _scanner.Advance("@import".Length);
        var url = _scanner.ReadImportUrl(out var rest);
        _scanner.SkipPastStatementEnd();
        if (url is null)
        {
            return;
        }

        Copy(start);
        if (import(url) is { } replacement)
        {
            _output.Append("@import url(");
            CssRewriter.AppendString(_output, replacement);
            _output.Append(')').Append(rest.Length > 0 ? " " + rest : "").Append(';');
        }

        _copied = _scanner.Position;
    }

    /// <summary>An identifier: url( is a reference; image-set( (any prefix) makes its strings references.</summary>
    private void Name(int start)
    {
        _scanner.SkipName();
        var name = css.AsSpan(start, _scanner.Position - start);
        if (_scanner.Current != '(')
        {
            return;
        }

        if (name.Equals("url", StringComparison.OrdinalIgnoreCase))
        {
            _scanner.Advance(1);
            if (_scanner.ReadUrlBody() is { } url)
            {
                Replace(start, resource(url, _blocks.VarAllowed), function: "url");
            }
        }
        else if (name.EndsWith("image-set", StringComparison.OrdinalIgnoreCase) && _imageSetDepth < 0)
        {
            _imageSetDepth = _depth;
        }
    }

    /// <summary>Replaces the text from <paramref name="start"/> to the scanner's position.</summary>
    private void Replace(int start, string replacement, string function)
    {
        Copy(start);
        AppendUrl(replacement, function);
        _copied = _scanner.Position;
    }

    /// <summary>Copies the unchanged text since the last replacement up to <paramref name="to"/>.</summary>
    private void Copy(int to)
    {
        if (to > _copied)
        {
            _output.Append(css, _copied, to - _copied);
        }
    }

    /// <summary>Writes a replacement: var() as is, a URL quoted (inside url() unless <paramref name="function"/> is empty).</summary>
    private void AppendUrl(string replacement, string function)
    {
        if (replacement.StartsWith("var(--", StringComparison.Ordinal))
        {
            _output.Append(replacement);
        }
        else if (function.Length > 0)
        {
            _output.Append(function).Append('(');
            CssRewriter.AppendString(_output, replacement);
            _output.Append(')');
        }
        else
        {
            CssRewriter.AppendString(_output, replacement);
        }
    }
}
