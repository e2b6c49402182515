namespace ProceduralMemory.Cli.Tests.Library;

/// <summary>A small library trained once per test class (doorkey-5x5, 1500 steps), for commands that read one.</summary>
public sealed class TrainedLibrary : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public TrainedLibrary()
    {
        Path = _directory.Combine("trained.db");
        Run = _directory.Combine("run");
        CliRun run = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "1500", "--seed", "1", "--eval-seeds", "0-1",
            "--library", Path, "--out", Run);
        if (run.ExitCode != 0)
            throw new InvalidOperationException(run.Error);
    }

    /// <summary>The library file.</summary>
    public string Path { get; }

    /// <summary>The folder the training run wrote (what <c>procmem report --run</c> reads).</summary>
    public string Run { get; }

    /// <summary>A copy of the library in <paramref name="directory"/>, for tests that change it.</summary>
    internal string CopyTo(TemporaryDirectory directory)
    {
        string copy = directory.Combine("copy.db");
        File.Copy(Path, copy);
        return copy;
    }

    public void Dispose() => _directory.Dispose();
}
