using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace LinkSnap.ProtocolGenerator;

/// <summary>The parts of protocol.json that C# code names: version, host, extension IDs, limits, messages, errors.</summary>
internal sealed class ProtocolTable
{
    public int Version { get; private set; }

    public string HostName { get; private set; } = "";

    public string ChromiumExtensionId { get; private set; } = "";

    public string FirefoxExtensionId { get; private set; } = "";

    /// <summary>"limits" in file order: name (camelCase) and value.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Limits { get; private set; } = [];

    /// <summary>"messages": type name and description.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Messages { get; private set; } = [];

    /// <summary>"errors": code and what it means.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Errors { get; private set; } = [];

    public static ProtocolTable Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var ids = root.GetProperty("extensionIds");
        var table = new ProtocolTable
        {
            Version = root.GetProperty("version").GetInt32(),
            HostName = root.GetProperty("hostName").GetString()!,
            ChromiumExtensionId = ids.GetProperty("chromium").GetString()!,
            FirefoxExtensionId = ids.GetProperty("firefox").GetString()!,
            Limits = [.. root.GetProperty("limits").EnumerateObject().Select(l => new KeyValuePair<string, long>(l.Name, l.Value.GetInt64()))],
            Messages = [.. root.GetProperty("messages").EnumerateObject().Select(m => new KeyValuePair<string, string>(m.Name, m.Value.GetProperty("description").GetString()!))],
            Errors = [.. root.GetProperty("errors").EnumerateObject().Select(e => new KeyValuePair<string, string>(e.Name, e.Value.GetString()!))],
        };

        // The capture's html field repeats limits.maxHtmlBytes for the relay's field check: one number, so
        // a table that says two different things does not build.
        var htmlMax = root.GetProperty("messages").GetProperty("capture").GetProperty("request").GetProperty("html").GetProperty("maxLength").GetInt64();
        var limit = table.Limits.FirstOrDefault(l => l.Key == "maxHtmlBytes").Value;
        if (htmlMax != limit)
        {
            throw new FormatException($"messages.capture.request.html.maxLength ({htmlMax}) differs from limits.maxHtmlBytes ({limit})");
        }

        return table;
    }
}
