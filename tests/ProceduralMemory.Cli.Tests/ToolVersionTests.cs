using ProceduralMemory.Cli;

namespace ProceduralMemory.Cli.Tests;

public sealed class ToolVersionTests
{
    [Fact]
    public void Version_PrintsTheVersionAndTheCommitItWasBuiltFrom()
    {
        CliRun run = CliRun.Of("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^procmem \d+\.\d+\.\d+ \(([0-9a-f]{12}|commit unknown)\)$", run.Out.Trim());
    }

    [Fact]
    public void Version_InACheckout_NamesTheCheckedOutCommit()
    {
        string head = Git("rev-parse HEAD");
        if (head.Length == 0)
            return; // built outside a git checkout: there is no commit to compare with
        Assert.Contains($"({head[..12]})", ToolVersion.Line);
    }

    [Theory]
    [InlineData("0.1.0+914d77a1b2c3d4e5f60718293a4b5c6d7e8f9012", "procmem 0.1.0 (914d77a1b2c3)")]
    [InlineData("0.1.0+abc", "procmem 0.1.0 (abc)")]
    [InlineData("0.1.0", "procmem 0.1.0 (commit unknown)")]
    [InlineData("0.1.0+", "procmem 0.1.0 (commit unknown)")]
    [InlineData(null, "procmem 0.0.0 (commit unknown)")]
    public void Format_SplitsVersionAndCommit(string? informational, string expected) =>
        Assert.Equal(expected, ToolVersion.Format(informational));

    private static string Git(string arguments)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = DataFiles.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = System.Diagnostics.Process.Start(start)!;
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ""; // no git on this machine
        }
    }
}
