namespace Extractor.Analysis;

/// <summary>
/// How many units' reports carry each shingle: text that many units share is the template's, not a copy.
/// A count-min sketch (two rows of saturating byte counters, sized to the input) instead of a dictionary,
/// so 10^5 reports' shingles fit in tens of megabytes; it can only overcount, which errs toward boilerplate.
/// </summary>
public sealed class Boilerplate
{
    private readonly byte[] _row1, _row2;
    private readonly ulong _mask;

    public Boilerplate(long shingles)
    {
        var width = 1L << 16;
        while (width < shingles * 4 && width < 1L << 28) width <<= 1;
        _row1 = new byte[width]; _row2 = new byte[width];
        _mask = (ulong)width - 1;
    }

    /// <summary>Counts one unit's distinct shingles (all its reports' analysis paragraphs together).</summary>
    public void AddUnit(IEnumerable<ulong> distinct)
    {
        foreach (var s in distinct)
        {
            ref var a = ref _row1[s & _mask];
            if (a < byte.MaxValue) a++;
            ref var b = ref _row2[Shingles.Mix(s) & _mask];
            if (b < byte.MaxValue) b++;
        }
    }

    public int Units(ulong shingle) => Math.Min(_row1[shingle & _mask], _row2[Shingles.Mix(shingle) & _mask]);
}
