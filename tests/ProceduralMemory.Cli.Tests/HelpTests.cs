using System.Text.RegularExpressions;

namespace ProceduralMemory.Cli.Tests;

/// <summary>Every command's help reads as a user would type: no defaults listed element by element, no .NET type names.</summary>
public partial class HelpTests
{
    [Fact]
    public void EveryCommandsHelp_ShowsDefaultsAsTyped_AndNoTypeNames()
    {
        var problems = new List<string>();
        var commands = BadInputTests.Commands(CommandLineApp.Build(new CliConsole(TextWriter.Null, TextWriter.Null, IsTerminal: false))).ToList();

        foreach (var (path, _) in commands.Prepend(("", null!)))
        {
            CliRun run = CliRun.Of([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
            string help = run.Out;
            if (run.ExitCode != 0 || !help.Contains("Usage:", StringComparison.Ordinal))
                problems.Add($"procmem {path} --help: exit {run.ExitCode}, no usage");
            foreach (Match list in PipeJoinedList().Matches(help))
                problems.Add($"procmem {path} --help: a default listed element by element: {list.Value}");
            foreach (Match type in TypeName().Matches(help))
                problems.Add($"procmem {path} --help: a .NET type name: {type.Value}");
        }

        Assert.True(commands.Count >= 12, $"only {commands.Count} commands found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void SeedRangeDefaults_ReadAsRanges()
    {
        Assert.Contains("[default: 0-19]", CliRun.Of("train", "--help").Out);
        Assert.Contains("[default: 0-99]", CliRun.Of("eval", "--help").Out);
    }

    // Four or more values joined by '|' (help's rendering of a list default); a choice of two or three reads fine.
    [GeneratedRegex(@"[^\s|\[\]<>]+(\|[^\s|\[\]<>]+){3,}")]
    private static partial Regex PipeJoinedList();

    [GeneratedRegex(@"System\.[A-Z]\w*|`\d")]
    private static partial Regex TypeName();
}
