using System.Text.Json;

namespace LinkSnap.Relay.Protocol;

/// <summary>One request field's rule from protocol.json: type, required, length/range, allowed values.</summary>
internal sealed record FieldRule(string Type, bool Required, int? MaxLength, int? MaxItems, long? Min, long? Max, string[]? Enum)
{
    public static FieldRule Parse(JsonElement e) => new(
        e.GetProperty("type").GetString()!,
        e.TryGetProperty("required", out var r) && r.GetBoolean(),
        e.TryGetProperty("maxLength", out var ml) ? ml.GetInt32() : null,
        e.TryGetProperty("maxItems", out var mi) ? mi.GetInt32() : null,
        e.TryGetProperty("min", out var min) ? min.GetInt64() : null,
        e.TryGetProperty("max", out var max) ? max.GetInt64() : null,
        e.TryGetProperty("enum", out var en) ? en.EnumerateArray().Select(x => x.GetString()!).ToArray() : null);

    /// <summary>Null when the value fits, else what is wrong (completes "\"field\" ...").</summary>
    public string? Check(JsonElement value) => Type switch
    {
        "string" => CheckString(value),
        "string[]" => CheckStringArray(value),
        "integer" => CheckInteger(value),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false",
        "id" => value.ValueKind == JsonValueKind.String && value.GetString()!.Length is > 0 and <= 100
            ? null
            : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n > 0 ? null : "must be a non-empty string or positive integer id",
        _ => $"has an unsupported rule type {Type}",
    };

    private string? CheckString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return "must be a string";
        }

        var s = value.GetString()!;
        if (MaxLength is { } max && s.Length > max)
        {
            return $"longer than {max} characters";
        }

        if (Enum is not null && !Enum.Contains(s, StringComparer.Ordinal))
        {
            return $"must be one of {string.Join(", ", Enum)}";
        }

        return null;
    }

    private string? CheckStringArray(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return "must be an array of strings";
        }

        if (MaxItems is { } maxItems && value.GetArrayLength() > maxItems)
        {
            return $"has more than {maxItems} items";
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return "must be an array of strings";
            }

            if (MaxLength is { } max && item.GetString()!.Length > max)
            {
                return $"has an item longer than {max} characters";
            }
        }

        return null;
    }

    private string? CheckInteger(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n))
        {
            return "must be an integer";
        }

        if ((Min is { } min && n < min) || (Max is { } max && n > max))
        {
            return $"must be between {Min} and {Max}";
        }

        return null;
    }
}
