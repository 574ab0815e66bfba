using Extractor.Reading.Ocr;
using Extractor.Reading.Pdf;

namespace Extractor.Tests.Ocr;

/// <summary>The image steps on synthetic pages: no Tesseract needed.</summary>
public class ImageTests
{
    // A page with "text": rows of short dark dashes (ideograph-sized blobs), as in a paragraph.
    private static GrayImage TextPage(int width = 1200, int height = 1600)
    {
        var img = GrayImage.Blank(width, height);
        for (var y = 150; y < height - 150; y += 60)
            for (var x = 100; x < width - 100; x += 50)
                Fill(img, x, y, x + 36, y + 36, 30);
        return img;
    }

    private static void Fill(GrayImage img, int x0, int y0, int x1, int y1, byte v)
    {
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++)
                img[x, y] = v;
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.7)]
    [InlineData(0.2)]
    public void Deskew_finds_the_angle_a_page_was_turned_by(double degrees)
    {
        var straight = TextPage();
        var turned = Deskew.Straighten(straight, -degrees); // lines now slope by `degrees`
        var found = Deskew.Estimate(turned, turned.InkThreshold());
        Assert.InRange(found, degrees - 0.05, degrees + 0.05);
        Assert.InRange(Deskew.Estimate(straight, straight.InkThreshold()), -0.02, 0.02);
    }

    [Fact]
    public void Pgm_reads_back_what_it_wrote()
    {
        var img = TextPage(40, 30);
        img[3, 4] = 77;
        var back = GrayImage.ReadPgm(img.ToPgm());
        Assert.Equal((img.Width, img.Height), (back.Width, back.Height));
        Assert.Equal(img.Pixels, back.Pixels);
        Assert.Throws<FormatException>(() => GrayImage.ReadPgm("P6\n1 1\n255\n\0\0\0"u8.ToArray()));
    }

    // A 3×2 ruled table at 300 dpi: 2 px lines, one border broken by a 3 px JPEG gap, text blobs in the cells.
    private static GrayImage TablePage()
    {
        var img = GrayImage.Blank(1500, 900);
        int[] xs = [100, 500, 900, 1300], ys = [200, 300, 400];
        foreach (var y in ys) Fill(img, xs[0], y, xs[^1] + 2, y + 2, 40);
        foreach (var x in xs) Fill(img, x, ys[0], x + 2, ys[^1] + 2, 40);
        Fill(img, 700, 300, 703, 302, 255); // a gap in the middle border
        for (var c = 0; c < 3; c++)
            for (var r = 0; r < 2; r++)
                Fill(img, xs[c] + 30, ys[r] + 30, xs[c] + 200, ys[r] + 70, 30);
        Fill(img, 100, 700, 400, 702, 40); // a lone long line: a dash in the text, not a table
        return img;
    }

    [Fact]
    public void Rulings_of_a_table_are_found_and_form_a_grid_of_cells()
    {
        var img = TablePage();
        var rulings = ImageRulings.Find(img, 128, 300);
        Assert.Equal(4, rulings.Count(r => r.Horizontal)); // three borders and the lone line
        Assert.Equal(4, rulings.Count(r => !r.Horizontal));
        var table = ImageRulings.EraseTableRulings(img, rulings, 6);
        Assert.Equal(7, table.Count);
        var map = new PageMap(72.0 / 300, 72.0 / 300, img.Height * 72.0 / 300);
        var grid = Assert.Single(TableGrid.Find(table.Select(map.ToPoints).ToList()));
        Assert.Equal(6, grid.Cells.Count);
        Assert.Equal(255, img[300, 200]); // table border erased
        Assert.Equal(40, img[250, 700]);  // the lone line kept
        Assert.Equal(30, img[150, 250]);  // text kept
    }

    [Fact]
    public void Strokes_of_characters_are_not_rulings()
    {
        var rulings = ImageRulings.Find(TextPage(), 128, 300);
        Assert.Empty(rulings);
    }

    [Fact]
    public void A_blank_sheet_with_scanner_noise_is_blank_and_a_page_of_text_is_not()
    {
        var noisy = GrayImage.Blank(800, 1000);
        var rng = new Random(1);
        for (var i = 0; i < noisy.Pixels.Length; i++) noisy.Pixels[i] = (byte)(235 + rng.Next(21));
        for (var i = 0; i < 100; i++) noisy.Pixels[rng.Next(noisy.Pixels.Length)] = 60; // specks
        Assert.True(Legibility.IsBlank(noisy, noisy.InkThreshold()));
        var text = TextPage(800, 1000);
        Assert.False(Legibility.IsBlank(text, text.InkThreshold()));
    }
}
