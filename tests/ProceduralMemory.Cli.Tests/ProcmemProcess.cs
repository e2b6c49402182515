using System.Collections.Concurrent;
using System.Diagnostics;

namespace ProceduralMemory.Cli.Tests;

/// <summary>The <c>procmem</c> tool run as a separate operating-system process, its standard output collected line by line.</summary>
internal sealed class ProcmemProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ProcmemProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _lines.Enqueue(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _lines.Enqueue("stderr: " + e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>procmem</c> (the build beside the tests) with <paramref name="args"/>.</summary>
    public static ProcmemProcess Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    /// <summary>Starts <c>procmem</c> with <paramref name="args"/>, its environment this one's plus <paramref name="environment"/>.</summary>
    public static ProcmemProcess StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "procmem.dll"));
        foreach (string arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return new ProcmemProcess(Process.Start(info)!);
    }

    /// <summary>The lines written so far (standard error's prefixed with <c>stderr: </c>).</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    /// <summary>Waits for the process to exit on its own; returns its exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            throw new TimeoutException($"procmem did not finish within {timeout}; output so far:\n{string.Join('\n', Lines)}");
        _process.WaitForExit(); // drains the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once (SIGKILL on Unix: no handler, no flush, no clean-up runs).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
