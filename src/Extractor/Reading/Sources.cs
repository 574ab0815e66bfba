using System.Security.Cryptography;

namespace Extractor.Reading;

public static class Sources
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
