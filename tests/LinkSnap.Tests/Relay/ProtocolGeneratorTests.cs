using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LinkSnap.ProtocolGenerator;
using LinkSnap.Shared;
using LinkSnap.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>
/// The C# names and limits of the protocol come from extension/shared/protocol.json at build time
/// (decision 065). These run the generator on the real table and on altered copies, as the compiler does.
/// </summary>
[TestFixture]
public sealed class ProtocolGeneratorTests
{
    private static readonly string TablePath = Path.Combine(Corpus.RepositoryRoot, "extension", "shared", "protocol.json");

    [Test]
    public void A_changed_limit_or_a_new_message_in_the_table_changes_the_compiled_constants()
    {
        var table = JsonNode.Parse(File.ReadAllText(TablePath))!.AsObject();
        table["limits"]!["maxReplyBytes"] = 123_456;
        table["messages"]!.AsObject().Remove("lookup-url");
        table["messages"]!["watch-now"] = new JsonObject { ["description"] = "x", ["request"] = new JsonObject() };

        var (source, diagnostics) = Run(table.ToJsonString());

        Assert.That(diagnostics, Is.Empty);
        Assert.That(source, Does.Contain("public const int MaxReplyBytes = 123456;"));
        Assert.That(source, Does.Contain("public const string WatchNow = \"watch-now\";"));
        Assert.That(source, Does.Not.Contain("LookupUrl"));
    }

    [Test]
    public void The_compiled_constants_are_the_real_tables_values()
    {
        var (source, diagnostics) = Run(File.ReadAllText(TablePath));

        Assert.That(diagnostics, Is.Empty);
        Assert.That(source, Does.Contain($"public const int MaxHtmlBytes = {Limits.MaxHtmlBytes};"));
        Assert.That(source, Does.Contain($"public const int MaxReplyBytes = {Limits.MaxReplyBytes};"));
        Assert.That(MessageTypes.All, Does.Contain("lookup-url").And.Contain("update-link"));
        Assert.That(ErrorCodes.All, Does.Contain("queue-full"));
    }

    [Test]
    public void A_table_that_gives_the_html_limit_two_values_or_is_missing_fails_the_build_with_its_reason()
    {
        var table = JsonNode.Parse(File.ReadAllText(TablePath))!.AsObject();
        table["limits"]!["maxHtmlBytes"] = 1_000;

        var (_, twoValues) = Run(table.ToJsonString());
        var (_, broken) = Run("{ not json");
        var (_, missing) = Run(null);

        Assert.That(twoValues.Select(d => (d.Id, d.Severity)), Is.EqualTo(new[] { ("LSPROTO002", DiagnosticSeverity.Error) }));
        Assert.That(twoValues[0].GetMessage(), Does.Contain("html.maxLength (40000000) differs from limits.maxHtmlBytes (1000)"));
        Assert.That(broken.Single().Id, Is.EqualTo("LSPROTO002"));
        Assert.That(missing.Single().Id, Is.EqualTo("LSPROTO001"));
    }

    private static (string Source, ImmutableArray<Diagnostic> Diagnostics) Run(string? protocolJson)
    {
        var compilation = CSharpCompilation.Create("probe", [], [], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        ImmutableArray<AdditionalText> files = protocolJson is null ? [] : [new InMemoryText("/repo/extension/shared/protocol.json", protocolJson)];
        var driver = CSharpGeneratorDriver.Create([new ProtocolTableGenerator().AsSourceGenerator()], files).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        return (string.Concat(result.GeneratedSources.Select(s => s.SourceText.ToString())), result.Diagnostics);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
