namespace ProceduralMemory.Cli;

/// <summary>Bad input found while running a command: reported as one line on standard error, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
