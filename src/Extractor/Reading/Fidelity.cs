using System.Text;

namespace Extractor.Reading;

/// <summary>
/// How faithfully a reader reproduced a text: both sides normalised (NFKC, whitespace and `**`
/// removed), then the longest common subsequence over the longer length. Used by the corpus
/// tests and `extractor corpus` to hold every rendition to its source .txt.
/// </summary>
public static class Fidelity
{
    public sealed record Result(double Similarity, int ExpectedLength, int ActualLength, string? FirstDifference);

    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in Glyphs.RepairRadicals(s.Replace("**", "")).Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    public static Result Compare(string expected, string actual)
    {
        var a = Normalize(expected);
        var b = Normalize(actual);
        var lcs = (a.Length + b.Length - EditDistance(a, b)) / 2;
        var sim = Math.Max(a.Length, b.Length) == 0 ? 1.0 : (double)lcs / Math.Max(a.Length, b.Length);
        return new Result(sim, a.Length, b.Length, FirstDifference(a, b));
    }

    private static string? FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (i == a.Length && i == b.Length) return null;
        string Around(string s) => s[Math.Max(0, i - 30)..Math.Min(s.Length, i + 30)];
        return $"at {i}: expected …{Around(a)}… got …{Around(b)}…";
    }

    /// <summary>Myers' O((N+M)D) insert/delete edit distance; fast when the texts are nearly equal.</summary>
    public static int EditDistance(string a, string b)
    {
        int n = a.Length, m = b.Length, max = n + m;
        var v = new int[2 * max + 2];
        for (var d = 0; d <= max; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                v[max + k] = x;
                if (x >= n && y >= m) return d;
            }
        }
        return max;
    }
}
