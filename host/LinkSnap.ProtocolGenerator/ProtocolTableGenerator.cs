using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LinkSnap.ProtocolGenerator;

/// <summary>
/// Reads the one protocol.json given as an AdditionalFiles item and adds LinkSnap.Shared's Limits,
/// NativeProtocol, MessageTypes and ErrorCodes to the compilation. A missing or malformed table fails
/// the build with a message naming the file, instead of leaving a stale hand copy to drift.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProtocolTableGenerator : IIncrementalGenerator
{
    private const string FileName = "protocol.json";

    private static readonly DiagnosticDescriptor Missing = new(
        "LSPROTO001", "protocol.json missing",
        "No AdditionalFiles item named " + FileName + " (extension/shared/protocol.json) was given to this project",
        "LinkSnap.Protocol", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor Malformed = new(
        "LSPROTO002", "protocol.json malformed",
        "{0}: {1}",
        "LinkSnap.Protocol", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tables = context.AdditionalTextsProvider
            .Where(file => string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
            .Select((file, cancellationToken) => (file.Path, Text: file.GetText(cancellationToken)?.ToString() ?? ""))
            .Collect();
        context.RegisterSourceOutput(tables, Emit);
    }

    private static void Emit(SourceProductionContext context, ImmutableArray<(string Path, string Text)> files)
    {
        if (files.Length != 1)
        {
            context.ReportDiagnostic(Diagnostic.Create(Missing, Location.None));
            return;
        }

        var (path, text) = files[0];
        ProtocolTable table;
        try
        {
            table = ProtocolTable.Parse(text);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Malformed, Location.None, path, ex.Message));
            return;
        }

        context.AddSource("ProtocolTable.g.cs", SourceText.From(ProtocolSource.Write(table), Encoding.UTF8));
    }
}
