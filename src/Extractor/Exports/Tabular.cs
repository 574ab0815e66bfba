using System.Data;
using System.Globalization;

namespace Extractor.Exports;

/// <summary>
/// A table to export: named columns and rows of typed values (string, long, decimal), so numbers stay
/// numbers in JSON and Excel. A column listed in <see cref="Choices"/> offers those values in Excel (a drop-down).
/// </summary>
public sealed record Tabular(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public static Tabular From(IDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Value(reader.IsDBNull(i) ? null : reader.GetValue(i))).ToArray());
        return new Tabular(columns, rows);
    }

    /// <summary>Database values as exported values: integers as long, reals as decimal (rounded to what a report writes), the rest as text.</summary>
    public static object? Value(object? v) => v switch
    {
        null or DBNull => null,
        long or int or decimal => v is int i ? (long)i : v,
        double d when double.IsFinite(d) => Math.Round((decimal)d, 8),
        byte[] b => Convert.ToHexString(b),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    public static string? Text(object? v) => v switch
    {
        null => null,
        decimal d => d.ToString("0.########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    public static bool IsNumber(object? v) => v is long or decimal;
}
