using Extractor.Extraction;

namespace Extractor.Validation;

/// <summary>
/// Decimal arithmetic with the report's own rounding: a stated rate is compared with the recomputed one
/// rounded half-up to the stated decimals, and inputs that are themselves rounded may be off by half a
/// unit of their last digit, propagated through the formula.
/// </summary>
public static class Check
{
    public static decimal Round(decimal v, int decimals) => Math.Round(v, Math.Max(0, decimals), MidpointRounding.AwayFromZero);

    public static int DecimalsOf(Figure f) => f.Decimals >= 0 ? f.Decimals : f.Value.Scale;

    public static decimal Half(int decimals) => 0.5m / Figure.Pow10(Math.Max(0, decimals));

    /// <summary>Does a stated percentage agree with num/den×100, allowing for the rounding of all three?</summary>
    public static bool RateAgrees(decimal stated, int statedDecimals, decimal num, decimal numErr, decimal den, decimal denErr, out decimal expected)
    {
        expected = Round(num / den * 100m, statedDecimals);
        if (expected == stated) return true;
        var lo = den + denErr == 0 ? decimal.MaxValue : Math.Max(0, num - numErr) / (den + denErr) * 100m;
        var hi = den - denErr <= 0 ? decimal.MaxValue : (num + numErr) / (den - denErr) * 100m;
        // Values in [stated − h, stated + h) round half-up to the stated figure.
        var h = Half(statedDecimals);
        return stated + h > lo && stated - h <= hi;
    }

    /// <summary>Does a stated total agree with the sum of its stated parts, within their rounding?</summary>
    public static bool SumAgrees(Figure total, IEnumerable<Figure> parts, out decimal expected)
    {
        var list = parts.ToList();
        expected = list.Sum(p => p.Value);
        var tolerance = total.HalfUlp + list.Sum(p => p.HalfUlp) + 0.000001m;
        return Math.Abs(expected - total.Value) <= tolerance;
    }

    public static string Show(decimal v) => v.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture);
}
