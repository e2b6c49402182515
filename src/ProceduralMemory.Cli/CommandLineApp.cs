using System.CommandLine;
using System.CommandLine.Parsing;
using ProceduralMemory.Cli.Commands;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli;

/// <summary>The <c>procmem</c> command tree and its error handling.</summary>
internal static class CommandLineApp
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        RootCommand root = Build(console);
        ToolVersion.Install(root, console);
        ParseResult parsed = root.Parse(args);
        if (parsed.UnmatchedTokens.Count > 0)
            return Fail(console, $"unknown command or argument '{parsed.UnmatchedTokens[0]}' (see 'procmem --help')");
        // A missing command is what a new user meets first: name the commands rather than the parser's words.
        if (parsed.Errors.Count > 0 && parsed.CommandResult.Command is { Action: null } group && group.Subcommands.Count > 0)
            return Fail(console, $"'{CommandPath(parsed)}' needs a command: {string.Join(", ", group.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))} (see '{CommandPath(parsed)} --help')");
        if (parsed.Errors.Count > 0)
            return Fail(console, $"{parsed.Errors[0].Message} (see 'procmem --help')");
        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            return Fail(console, e.Message);
        }
        catch (LibraryException e)
        {
            return Fail(console, e.Message);
        }
        // The last line of defence: file arguments are checked before a command starts, but a file can still fail
        // to read or write (a device, a full disk, permissions that change); that is the user's problem to fix, not a crash.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(console, e.Message);
        }
    }

    /// <summary>The whole command tree.</summary>
    internal static RootCommand Build(CliConsole console) => new("procmem: procedural memory for agents")
    {
        DemoCommand.Create(console),
        ConformanceCommand.Create(console),
        ShowCommand.Create(console),
        BenchCommand.Create(console),
        TrainCommand.Create(console),
        EvalCommand.Create(console),
        Commands.Skills.SkillsCommand.Create(console),
        Commands.Tools.ProceduresCommand.Create(console),
        ReportCommand.Create(console),
        CompareCommand.Create(console),
        Commands.Serving.McpCommand.Create(console),
        Commands.Serving.ServeCommand.Create(console),
    };

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (SymbolResult? result = parsed.CommandResult; result is CommandResult command; result = command.Parent)
            names.Insert(0, command.Command.Name);
        names[0] = "procmem";
        return string.Join(' ', names);
    }

    private static int Fail(CliConsole console, string reason)
    {
        console.Error.WriteLine($"procmem: {reason}");
        return ExitCodes.BadInput;
    }
}
