using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace ProceduralMemory.Cli.Team;

/// <summary>
/// This very program started again as a separate operating-system process (one agent of a team), its output
/// handed line by line to the caller as it arrives and kept for afterwards.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private WorkerProcess(Process process, Action<string> onOutput, Action<string> onError)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            _output.Enqueue(e.Data);
            onOutput(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            _errors.Enqueue(e.Data);
            onError(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// Starts <c>procmem <paramref name="arguments"/></c> with the same runtime and build as this process, its
    /// environment this one's plus <paramref name="environment"/>.
    /// </summary>
    public static WorkerProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        Action<string> onOutput, Action<string> onError)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run as "dotnet procmem.dll" the host is dotnet and needs the assembly; as an app host it is procmem itself.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return new WorkerProcess(Process.Start(info)!, onOutput, onError);
    }

    /// <summary>Everything written to standard output, in order.</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    /// <summary>Everything written to standard error, in order.</summary>
    public IReadOnlyList<string> Errors => _errors.ToArray();

    /// <summary>The exit code of the process, which has exited (128 + 9 when killed with SIGKILL on Unix).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until the process has exited and its output has been read; returns its exit code.</summary>
    public int WaitForExit()
    {
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>
    /// Kills the process (and anything it started) at once if it is still running: SIGKILL on Unix, so no handler,
    /// flush or clean-up of its own runs. Returns once it is gone: true if it was killed, false if it had exited by itself.
    /// </summary>
    public bool Kill()
    {
        bool killed = false;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                killed = true;
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        _process.WaitForExit();
        return killed;
    }

    /// <summary>Stops the process (and anything it started) if it is still running.</summary>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
