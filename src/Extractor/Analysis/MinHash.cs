namespace Extractor.Analysis;

/// <summary>
/// MinHash signatures and LSH banding: paragraphs whose signatures agree on every row of at least one band
/// become candidate pairs, without comparing all pairs. With b bands of r rows a pair of Jaccard s is a
/// candidate with probability 1 − (1 − s^r)^b: for 40 × 3, 0.93 at s = 0.4, 0.995 at 0.5, 0.27 at 0.2.
/// </summary>
public sealed class MinHash(int bands = 40, int rows = 3)
{
    public int Bands { get; } = bands;
    public int Rows { get; } = rows;
    private readonly ulong[] _seeds = Enumerable.Range(1, bands * rows).Select(i => Shingles.Mix(0x9E3779B97F4A7C15UL * (ulong)i)).ToArray();

    public ulong[] Signature(ulong[] shingles)
    {
        var sig = new ulong[_seeds.Length];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var s in shingles)
            for (var k = 0; k < sig.Length; k++)
            {
                var h = Shingles.Mix(s ^ _seeds[k]);
                if (h < sig[k]) sig[k] = h;
            }
        return sig;
    }

    /// <summary>
    /// Candidate pairs (i &lt; j) among the signatures, band by band: each band sorts (bucket, item) and reads
    /// runs, so memory stays one band wide. A bucket fuller than <paramref name="maxBucket"/> is text many
    /// reports share (boilerplate the shingle counts missed) and is skipped.
    /// </summary>
    public HashSet<(int, int)> Candidates(IReadOnlyList<ulong[]> signatures, Func<int, int, bool> wanted, int maxBucket)
    {
        var pairs = new HashSet<(int, int)>();
        var keys = new (ulong Bucket, int Item)[signatures.Count];
        for (var band = 0; band < Bands; band++)
        {
            for (var i = 0; i < signatures.Count; i++)
            {
                var h = (ulong)band * 0x9E3779B97F4A7C15UL;
                for (var r = 0; r < Rows; r++) h = Shingles.Mix(h ^ signatures[i][band * Rows + r]);
                keys[i] = (h, i);
            }
            Array.Sort(keys);
            for (var start = 0; start < keys.Length;)
            {
                var end = start + 1;
                while (end < keys.Length && keys[end].Bucket == keys[start].Bucket) end++;
                if (end - start > 1 && end - start <= maxBucket)
                    for (var a = start; a < end; a++)
                        for (var b = a + 1; b < end; b++)
                        {
                            var (x, y) = keys[a].Item < keys[b].Item ? (keys[a].Item, keys[b].Item) : (keys[b].Item, keys[a].Item);
                            if (wanted(x, y)) pairs.Add((x, y));
                        }
                start = end;
            }
        }
        return pairs;
    }
}
