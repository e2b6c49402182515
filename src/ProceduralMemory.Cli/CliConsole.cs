using Spectre.Console;

namespace ProceduralMemory.Cli;

/// <summary>
/// Where a command writes. Passed in rather than read from <see cref="Console"/> so that tests can capture
/// output and so that rich rendering is chosen once, from whether standard output is a terminal.
/// </summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="IsTerminal">Standard output is an interactive terminal: tables, colour and progress bars are welcome.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    public static CliConsole FromSystem() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    /// <summary>A Spectre console over <see cref="Out"/>, for rich output when <see cref="IsTerminal"/>.</summary>
    public IAnsiConsole Ansi => _ansi ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
    });

    private IAnsiConsole? _ansi;
}
