namespace ProceduralMemory.Cli.Tests;

/// <summary>Runs the tool in-process with captured output, as a script would see it (not a terminal).</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = CommandLineApp.Run(args, new CliConsole(output, error, IsTerminal: false));
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
