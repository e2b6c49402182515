namespace ProceduralMemory.Cli.Tests.Reports;

/// <summary>A small training run's folder, trained once per test class (doorkey-5x5, 1,500 steps, 5 held-out layouts), for the report's tests.</summary>
public sealed class TrainedRun : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public TrainedRun()
    {
        Path = _directory.Combine("run");
        CliRun run = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "1500", "--seed", "1", "--eval-seeds", "0-4",
            "--library", _directory.Combine("lib.db"), "--out", Path);
        if (run.ExitCode != 0)
            throw new InvalidOperationException(run.Error);
    }

    /// <summary>The run's folder; tests that change its files work on a <see cref="CopyTo"/>.</summary>
    public string Path { get; }

    /// <summary>A copy of the run's folder inside <paramref name="directory"/>.</summary>
    internal string CopyTo(TemporaryDirectory directory)
    {
        string copy = directory.Combine("run");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(Path))
            File.Copy(file, System.IO.Path.Combine(copy, System.IO.Path.GetFileName(file)));
        return copy;
    }

    public void Dispose() => _directory.Dispose();
}
