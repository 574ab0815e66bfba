namespace Extractor.Reading.Ocr;

/// <summary>Cut-outs of page images stacked one under another with white between, for one Tesseract call;
/// what is read is split back per cut-out, in the coordinates of the image it was cut from.</summary>
internal sealed class Stack
{
    private readonly List<(PixelRect Crop, int Y)> _strips = [];
    private readonly int _pad;

    public GrayImage Image { get; }

    public Stack(IReadOnlyList<(GrayImage Source, PixelRect Crop)> cuts, int dpi)
    {
        _pad = Math.Max(8, dpi / 15);
        var y = _pad;
        foreach (var (_, crop) in cuts) { _strips.Add((crop, y)); y += crop.Height + _pad; }
        Image = GrayImage.Blank(cuts.Count == 0 ? 1 : cuts.Max(c => c.Crop.Width) + 2 * _pad, y);
        for (var i = 0; i < cuts.Count; i++)
        {
            var (source, crop) = cuts[i];
            for (var r = 0; r < crop.Height; r++)
                Array.Copy(source.Pixels, (crop.Top + r) * source.Width + crop.Left, Image.Pixels, (_strips[i].Y + r) * Image.Width + _pad, crop.Width);
        }
    }

    /// <summary>Per cut-out, the characters whose middle lies in it, moved back (and clamped) into its source's coordinates.</summary>
    public List<OcrChar>[] Split(IEnumerable<OcrChar> read)
    {
        var result = _strips.Select(_ => new List<OcrChar>()).ToArray();
        foreach (var c in read)
        {
            var middle = (c.Top + c.Bottom) / 2;
            var i = _strips.FindIndex(s => middle >= s.Y && middle < s.Y + s.Crop.Height);
            if (i < 0) continue; // read in the white between cut-outs: nothing of the page
            var (crop, top) = _strips[i];
            int dx = crop.Left - _pad, dy = crop.Top - top;
            result[i].Add(c with
            {
                Left = Math.Clamp(c.Left + dx, crop.Left, crop.Right), Right = Math.Clamp(c.Right + dx, crop.Left, crop.Right),
                Top = Math.Clamp(c.Top + dy, crop.Top, crop.Bottom), Bottom = Math.Clamp(c.Bottom + dy, crop.Top, crop.Bottom),
                LineBaseline = c.LineBaseline + dy,
            });
        }
        return result;
    }
}
