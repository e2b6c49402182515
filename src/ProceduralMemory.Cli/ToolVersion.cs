using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace ProceduralMemory.Cli;

/// <summary>
/// What <c>procmem --version</c> prints: <c>procmem VERSION (COMMIT)</c>. The SDK stamps the informational version as
/// <c>VERSION+COMMIT</c> when it builds from a git checkout; a build from anywhere else says its commit is unknown.
/// </summary>
internal static class ToolVersion
{
    /// <summary>The line <c>--version</c> prints, e.g. <c>procmem 0.12.0 (914d77a1b2c3)</c>.</summary>
    public static string Line { get; } = Format(typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Formats an informational version <c>VERSION[+COMMIT]</c>; the commit is shortened to 12 hex digits.</summary>
    public static string Format(string? informationalVersion)
    {
        string[] parts = (informationalVersion ?? "0.0.0").Split('+', 2);
        string commit = parts.Length == 2 && parts[1].Length > 0 ? parts[1][..Math.Min(12, parts[1].Length)] : "commit unknown";
        return $"procmem {parts[0]} ({commit})";
    }

    /// <summary>Makes the root command's <c>--version</c> print <see cref="Line"/>.</summary>
    public static void Install(RootCommand root, CliConsole console)
    {
        VersionOption option = root.Options.OfType<VersionOption>().Single();
        option.Action = new PrintVersion(console);
    }

    private sealed class PrintVersion(CliConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            console.Out.WriteLine(Line);
            return ExitCodes.Ok;
        }
    }
}
