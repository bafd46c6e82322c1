using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LinkSnap.Core.Export;

/// <summary>
/// How a stored column becomes a JSON property of the export and back, the same way for every column
/// (so columns added by later migrations, such as link states, travel without code here):
/// snake_case becomes camelCase, a "*_json" column is embedded as JSON under its name without the
/// suffix, a flag column ("is"/"has" in its name, 0 or 1) becomes true/false.
/// </summary>
internal static class ExportColumns
{
    private const string JsonSuffix = "_json";

    public static string PropertyName(string column)
    {
        var name = column.EndsWith(JsonSuffix, StringComparison.Ordinal) ? column[..^JsonSuffix.Length] : column;
        var builder = new StringBuilder(name.Length);
        var upper = false;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    public static bool IsFlag(string column) => column.Split('_').Any(part => part is "is" or "has");

    public static bool IsJson(string column) => column.EndsWith(JsonSuffix, StringComparison.Ordinal);

    public static void Write(Utf8JsonWriter writer, string column, object? value)
    {
        writer.WritePropertyName(PropertyName(column));
        switch (value)
        {
            case null or DBNull:
                writer.WriteNullValue();
                break;
            case string json when IsJson(column):
                writer.WriteRawValue(json);
                break;
            case long flag when IsFlag(column) && flag is 0 or 1:
                writer.WriteBooleanValue(flag == 1);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The stored value of a property written by <see cref="Write"/>.</summary>
    public static object? Read(string column, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        _ when IsJson(column) => value.GetRawText(),
        JsonValueKind.True => 1L,
        JsonValueKind.False => 0L,
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? integer : value.GetDouble(),
        JsonValueKind.String => value.GetString(),
        _ => throw new FormatException($"'{PropertyName(column)}' has a value of the wrong kind ({value.ValueKind})."),
    };
}
