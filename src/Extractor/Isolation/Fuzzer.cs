using System.IO.Compression;
using System.Text;

namespace Extractor.Isolation;

/// <summary>
/// Mutates corpus files the ways real files break and crafted ones attack: bit flips, truncation,
/// inserted and deleted bytes, and for .docx corrupted zip entries, broken XML and DTD/entity tricks.
/// Deterministic for a seed.
/// </summary>
public sealed class Fuzzer(int seed)
{
    private readonly Random _rng = new(seed);

    public (byte[] Bytes, string Kind) Mutate(byte[] input, string extension)
    {
        var kind = _rng.Next(extension == ".docx" ? 7 : 4);
        var b = (byte[])input.Clone();
        switch (kind)
        {
            case 0:
                var flips = 1 + _rng.Next(16);
                for (var i = 0; i < flips && b.Length > 0; i++) b[_rng.Next(b.Length)] ^= (byte)(1 << _rng.Next(8));
                return (b, "bitflip");
            case 1:
                return (b[..(b.Length == 0 ? 0 : _rng.Next(b.Length))], "truncate");
            case 2:
            {
                var at = _rng.Next(b.Length + 1);
                var junk = new byte[1 + _rng.Next(256)];
                _rng.NextBytes(junk);
                return ([.. b[..at], .. junk, .. b[at..]], "insert");
            }
            case 3:
            {
                var at = _rng.Next(Math.Max(1, b.Length));
                var len = Math.Min(b.Length - at, 1 + _rng.Next(512));
                return ([.. b[..at], .. b[(at + len)..]], "delete");
            }
            default:
                return (MutateZip(input, kind), kind switch { 4 => "zip-entry", 5 => "xml", _ => "xml-entity" });
        }
    }

    private byte[] MutateZip(byte[] input, int kind)
    {
        try
        {
            using var ms = new MemoryStream();
            ms.Write(input);
            using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
            {
                var entry = zip.GetEntry("word/document.xml") ?? zip.Entries[_rng.Next(zip.Entries.Count)];
                string xml;
                using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
                entry.Delete();
                xml = kind switch
                {
                    4 => xml[..(xml.Length / 2)],                                             // a part cut short
                    5 => xml.Remove(_rng.Next(xml.Length), Math.Min(20, xml.Length / 10)),   // broken markup
                    _ => "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                         xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..].Replace("</w:t>", "&x;</w:t>"),
                };
                using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            return ms.ToArray();
        }
        catch (InvalidDataException)
        {
            return input;
        }
    }
}
