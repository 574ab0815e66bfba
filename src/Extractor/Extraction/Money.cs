namespace Extractor.Extraction;

/// <summary>Money units of the reports, and their conversion to 万元 (the contract's unit for money).</summary>
public static class Money
{
    public const string Wan = "万元";

    public static bool IsMoneyUnit(string? unit) => unit is "元" or "万元" or "亿元";

    /// <summary>The value in 万元 of an amount stated in <paramref name="unit"/>.</summary>
    public static decimal ToWan(decimal value, string unit) => unit switch
    {
        "元" => value / 10_000m,
        "亿元" => value * 10_000m,
        _ => value,
    };
}
