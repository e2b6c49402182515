namespace ProceduralMemory.Environments.MiniGrid.Conformance;

/// <summary>A conformance file is missing, truncated or malformed; <see cref="LineNumber"/> says where.</summary>
public sealed class ConformanceFormatException : Exception
{
    /// <summary>Creates the exception for line <paramref name="lineNumber"/> (0 for the file as a whole).</summary>
    public ConformanceFormatException(int lineNumber, string reason, Exception? inner = null)
        : base(lineNumber > 0 ? $"line {lineNumber}: {reason}" : reason, inner)
    {
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The 1-based line at fault, or 0 when the file as a whole is (missing, empty).</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without the line number.</summary>
    public string Reason { get; }
}
