namespace ProceduralMemory.Cli;

/// <summary>The tool's exit codes, part of its stable contract.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A check the command ran did not pass (e.g. a conformance mismatch).</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line or an input file was wrong; a one-line reason went to standard error.</summary>
    public const int BadInput = 2;
}
