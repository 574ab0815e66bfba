using System.Text;

namespace Extractor.Reading;

/// <summary>The plain-text rendering of a document: pages separated by a form feed, a paragraph a line,
/// a table row a line with cells separated by tabs.</summary>
public static class DocumentText
{
    public static string Render(Document doc)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < doc.Pages.Count; i++)
        {
            if (i > 0) sb.Append('\f');
            foreach (var block in doc.Pages[i].Blocks)
            {
                switch (block)
                {
                    case Paragraph p: sb.Append(p.Text).Append('\n'); break;
                    case Table t:
                        foreach (var row in t.Rows) sb.Append(string.Join('\t', row.Cells.Select(c => c.Text))).Append('\n');
                        break;
                }
            }
        }
        return sb.ToString();
    }
}
