using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Reading;

/// <summary>
/// Reads the plain-text form of a report (the seeds' form): every non-empty line a paragraph,
/// markdown `**` emphasis removed; consecutive lines starting with `|` are a table
/// (a `|---|` line is skipped; a cell `&lt;` merges into its left neighbour, `^` into the cell above).
/// </summary>
public static partial class TextReader
{
    public static Document Read(string path, byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ReadException(ErrorCodes.Unreadable, "text file is not valid UTF-8", e);
        }
        var doc = Parse(path, text, Sources.Sha256(bytes));
        if (!doc.Blocks.Any()) throw new ReadException(ErrorCodes.NoText, "text file is empty");
        return doc;
    }

    public static Document Parse(string path, string text, string sha256)
    {
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        var lines = text.Split('\n');
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('|'))
            {
                var j = i;
                while (j < lines.Length && lines[j].TrimStart().StartsWith('|')) j++;
                blocks.Add(ParseTable(lines[i..j]) with { Index = blocks.Count });
                i = j - 1;
                continue;
            }
            if (line.Length == 0) continue;
            var clean = Clean(line);
            blocks.Add(new Paragraph(1, null, [new TextLine(clean, null)], clean) { Index = blocks.Count });
        }
        return new Document(new SourceInfo(path, sha256, "txt", 1), [new Page(1, 0, 0, blocks)]);
    }

    private static string Clean(string s) => Glyphs.RepairRadicals(s.Replace("**", "")).Trim();

    [GeneratedRegex(@"^\|[\s:|\-]+\|?\s*$")]
    private static partial Regex SeparatorRow();

    private static Table ParseTable(string[] lines)
    {
        var grid = lines.Where(l => !SeparatorRow().IsMatch(l.Trim()))
            .Select(l => l.Trim().Trim('|').Split('|').Select(Clean).ToArray()).ToArray();
        var rows = new List<TableRow>();
        for (var r = 0; r < grid.Length; r++)
        {
            var cells = new List<TableCell>();
            for (var c = 0; c < grid[r].Length; c++)
            {
                if (grid[r][c] is "<" or "^") continue;
                var colSpan = 1;
                while (c + colSpan < grid[r].Length && grid[r][c + colSpan] == "<") colSpan++;
                var rowSpan = 1;
                while (r + rowSpan < grid.Length && c < grid[r + rowSpan].Length && grid[r + rowSpan][c] == "^") rowSpan++;
                cells.Add(new TableCell(r, c, rowSpan, colSpan, grid[r][c], null));
            }
            rows.Add(new TableRow(cells));
        }
        return new Table(1, null, rows);
    }
}
