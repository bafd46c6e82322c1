using LinkSnap.Core.Capture.Inlining;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Inlining;

public sealed class CssRewriterTests
{
    // Resources become "R[url]", imports "I[url]"; "missing.css" is not in the archive.
    private static string Rewrite(string css) =>
        CssRewriter.Rewrite(css, (url, _) => url.StartsWith('#') || url.Length == 0 ? url : "R[" + url + "]", url => url == "missing.css" ? null : "I[" + url + "]");

    [TestCase("a{background:url(x.png)}", "a{background:url(\"R[x.png]\")}")]
    [TestCase("a{background:URL( 'x y.png' ) no-repeat}", "a{background:url(\"R[x y.png]\") no-repeat}")]
    [TestCase("a{background:url(  x.png  )}", "a{background:url(\"R[x.png]\")}")]
    [TestCase(@"a{background:url(a\)b\ c.png)}", "a{background:url(\"R[a)b c.png]\")}")]
    [TestCase(@"a{background:url('\66 oo.png')}", "a{background:url(\"R[foo.png]\")}")]
    [TestCase("a{background:url(\"q\\\"uote.png\")}", "a{background:url(\"R[q\\\"uote.png]\")}")]
    [TestCase("a{--icon:url(i.svg#x)}", "a{--icon:url(\"R[i.svg#x]\")}")]
    [TestCase("a{fill:url(#grad);b:url()}", "a{fill:url(\"#grad\");b:url(\"\")}")]
    public void Rewrites_url_tokens(string css, string expected) => Assert.That(Rewrite(css), Is.EqualTo(expected));

    [TestCase("/* url(x.png) */ a{content:\"url(y.png)\"}")]
    [TestCase("a{content:'@import \"z.css\";'}")]
    [TestCase("@namespace svg url(http://www.w3.org/2000/svg); svg|a{}")]
    [TestCase("a{background:foo-url(x.png)}")]
    [TestCase("a{background:url(x.png")]
    [TestCase("a{background:url(x\"y.png)}")]
    public void Leaves_what_is_not_a_reference(string css) => Assert.That(Rewrite(css), Is.EqualTo(css));

    [Test]
    public void Rewrites_the_strings_of_image_set_but_not_its_types()
    {
        var css = "a{background-image:-webkit-image-set(\"a.png\" 1x, url(b.png) 2x);b:image-set('c.avif' type(\"image/avif\"))}";

        Assert.That(Rewrite(css), Is.EqualTo(
            "a{background-image:-webkit-image-set(\"R[a.png]\" 1x, url(\"R[b.png]\") 2x);b:image-set(\"R[c.avif]\" type(\"image/avif\"))}"));
    }

    [Test]
    public void Rewrites_imports_keeping_their_conditions_and_drops_missing_ones()
    {
        var css = "@charset \"utf-8\";\n@import url(a.css) screen and (min-width: 10px);\n@IMPORT 'missing.css';\n@import \"b.css\" layer(base) supports(display: grid);\nbody{}";

        Assert.That(Rewrite(css), Is.EqualTo(
            "@charset \"utf-8\";\n@import url(\"I[a.css]\") screen and (min-width: 10px);\n\n@import url(\"I[b.css]\") layer(base) supports(display: grid);\nbody{}"));
    }

    [Test]
    public void Offers_variables_only_where_var_is_allowed()
    {
        var css = "@font-face{src:url(f.woff)} @media screen{a{b:url(x.png)}} @page{c:url(p.png)} d{e:url(y.png)}";

        var rewritten = CssRewriter.Rewrite(css, (url, variable) => variable ? "var(--" + url[0] + ")" : "R[" + url + "]", _ => null);

        Assert.That(rewritten, Is.EqualTo("@font-face{src:url(\"R[f.woff]\")} @media screen{a{b:var(--x)}} @page{c:url(\"R[p.png]\")} d{e:var(--y)}"));
    }

    [Test]
    public void Escapes_the_end_of_a_style_element()
    {
        Assert.That(CssRewriter.ForStyleElement("a{content:\"</style><script>\"}"), Is.EqualTo("a{content:\"<\\/style><script>\"}"));
    }
}
