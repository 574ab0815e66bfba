using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Analysis;

/// <summary>
/// A paragraph as a set of 8-character shingles, after what a copier changes without thinking is folded away:
/// NFKC, no spaces or punctuation, every year (19xx, 20xx) one '#' (a changed year), and the report's own unit
/// names one '@' (a swapped unit name). Other numbers stay: figure statements of a common template differ in them. Each shingle is a 64-bit hash, the set sorted and distinct.
/// </summary>
public static partial class Shingles
{
    [GeneratedRegex(@"(?<!\d)(?:19|20)\d\d(?!\d)")] private static partial Regex Year();

    public const int Width = 8;

    public static string Normalize(string text, IEnumerable<string> unitNames)
    {
        var s = text.Normalize(NormalizationForm.FormKC);
        foreach (var name in unitNames.Where(n => n.Length >= 3).OrderByDescending(n => n.Length))
            s = s.Replace(name, "@", StringComparison.Ordinal);
        s = Year().Replace(s, "#");
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (!(char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)) || c == '@' || c == '#') sb.Append(c);
        return sb.ToString();
    }

    /// <summary>The distinct shingle hashes of a normalised text, sorted; empty when shorter than one shingle.</summary>
    public static ulong[] Of(string normalized)
    {
        if (normalized.Length < Width) return [];
        var set = new HashSet<ulong>();
        for (var i = 0; i + Width <= normalized.Length; i++)
        {
            var h = 14695981039346656037UL; // FNV-1a over the UTF-16 units, then a finaliser for the low bits
            for (var k = 0; k < Width; k++) { h ^= normalized[i + k]; h *= 1099511628211UL; }
            set.Add(Mix(h));
        }
        var a = set.ToArray();
        Array.Sort(a);
        return a;
    }

    /// <summary>SplitMix64's finaliser: a cheap bijection that spreads every input bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>|a ∩ b| / |a ∪ b| of two sorted distinct sets.</summary>
    public static double Jaccard(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, both = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { both++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)both / (a.Length + b.Length - both);
    }
}
