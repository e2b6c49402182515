using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Cli.Commands;

/// <summary><c>procmem bench env|retrieval|encoder|attention|learning|transfer|social|crash|tau|serve</c>: throughput measurements, skill-key retrieval with the skill encoder, zero-shot return with attention retrieval, learning and transfer across tasks, a crash soak, and tool procedures on tau-bench, and a load test of the HTTP API.</summary>
internal static class BenchCommand
{
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(0.5);

    public static Command Create(CliConsole console) => new("bench", "Measure throughput.")
    {
        CreateEnv(console),
        BenchRetrievalCommand.Create(console),
        BenchEncoderCommand.Create(console),
        BenchAdaptCommand.Create(console),
        BenchAttentionCommand.Create(console),
        BenchLearningCommand.Create(console),
        BenchTransferCommand.Create(console),
        BenchSocialCommand.Create(console),
        BenchCrashCommand.Create(console),
        Tools.BenchTauCommand.Create(console),
        BenchServeCommand.Create(console),
    };

    /// <summary>
    /// <c>procmem bench env --env E --episodes N --seed S [--json]</c>: uniformly random actions from their own
    /// seeded generator, timed on this thread; with <c>--json</c> the last line is
    /// <c>{"env":...,"episodes":...,"steps":...,"seconds":...,"steps_per_second":...}</c>.
    /// </summary>
    private static Command CreateEnv(CliConsole console)
    {
        Option<string> env = CommonOptions.Environment("doorkey-8x8");
        Option<int> episodes = CommonOptions.PositiveInt("--episodes", "Number of episodes to run.", 1000);
        Option<int> seed = CommonOptions.Seed(0);
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("env", "Steps per second of an environment under uniformly random actions (one thread, full observations).")
        {
            env, episodes, seed, json,
        };
        command.SetAction(parsed => RunEnv(console, parsed.GetRequiredValue(env), parsed.GetValue(episodes), parsed.GetValue(seed), parsed.GetValue(json)));
        return command;
    }

    private static int RunEnv(CliConsole console, string name, int episodes, int seed, bool json)
    {
        // Untimed runs first, for long enough that the JIT has replaced its first-tier code with optimised code.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUpTime)
            RandomRollout.Run(EnvironmentRegistry.Create(name), Math.Min(episodes, 20), seed);

        IEnvironment env = EnvironmentRegistry.Create(name);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        RolloutSummary summary = RandomRollout.Run(env, episodes, seed);
        clock.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        double seconds = clock.Elapsed.TotalSeconds;
        double perSecond = seconds > 0 ? summary.Steps / seconds : 0;

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {summary.Episodes} episodes, {summary.Steps} steps in {seconds:0.000} s = {perSecond / 1e6:0.00} million steps/s"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {summary.Succeeded} succeeded, {summary.Terminated - summary.Succeeded} failed (e.g. lava), {summary.Truncated} timed out; {allocated} bytes allocated in all ({(summary.Steps > 0 ? (double)allocated / summary.Steps : 0):0.###} per step)"));
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                env = name,
                episodes = summary.Episodes,
                steps = summary.Steps,
                seconds,
                steps_per_second = perSecond,
            }));
        return ExitCodes.Ok;
    }
}
