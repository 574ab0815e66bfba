namespace Extractor.Reading;

/// <summary>Typed reasons a file cannot be read. Codes are the contract's stable strings.</summary>
public static class ErrorCodes
{
    public const string Unreadable = "unreadable";
    public const string Encrypted = "encrypted";
    public const string NoText = "no_text";
    public const string NotAReport = "not_a_report";
    public const string UnsupportedFormat = "unsupported_format";
    public const string TooLarge = "too_large";
    public const string Timeout = "timeout";
    /// <summary>Read, but the extractor failed on it (a defect to report): the file still gets its row.</summary>
    public const string ExtractionFailed = "extraction_failed";
}

/// <summary>Thrown by readers for input they refuse; carries a contract error code.</summary>
public sealed class ReadException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
