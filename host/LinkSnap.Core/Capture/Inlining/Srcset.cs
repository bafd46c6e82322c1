namespace LinkSnap.Core.Capture.Inlining;

/// <summary>The URLs of a srcset attribute, following the HTML "parse a srcset attribute" steps.</summary>
internal static class Srcset
{
    public static List<string> Urls(string? srcset)
    {
        var urls = new List<string>();
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return urls;
        }

        var i = 0;
        while (i < srcset.Length)
        {
            while (i < srcset.Length && (char.IsWhiteSpace(srcset[i]) || srcset[i] == ','))
            {
                i++;
            }

            var start = i;
            while (i < srcset.Length && !char.IsWhiteSpace(srcset[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var url = srcset[start..i];
            if (url.EndsWith(','))
            {
                urls.Add(url.TrimEnd(','));
                continue;
            }

            urls.Add(url);
            var parens = 0;
            while (i < srcset.Length && (srcset[i] != ',' || parens > 0))
            {
                parens += srcset[i] == '(' ? 1 : srcset[i] == ')' ? -1 : 0;
                i++;
            }
        }

        return urls;
    }
}
