using System.Diagnostics;
using System.Globalization;
using ProceduralMemory.Cli.Team;

namespace ProceduralMemory.Cli.Crash;

/// <summary>
/// Kills training processes at random moments and checks what they leave. Each round starts <c>procmem train</c> on
/// the library (a small budget, so kills fall while the library is created, skills are stored and episodes are
/// committed), kills it with SIGKILL after a delay, and checks the library (<see cref="CrashCheck"/>) against every
/// skill reported stored since the library was created. Training resumes: each round's process opens the library the
/// previous kill left (one that fails by itself is a failure), and every <see cref="ResumeEvery"/> rounds and after
/// the last a training run must finish on it.
/// </summary>
/// <remarks>
/// A kill lands at a fraction of the time a whole run takes, drawn uniformly from 0 to <see cref="KillWindow"/> by a
/// generator seeded with the soak's seed; the time a whole run takes is measured first (on a library of its own) and
/// again at every run to the end, since a shared machine's speed changes. So the fractions repeat with the seed, and
/// the kills spread over the whole run however fast the machine is.
/// </remarks>
internal sealed class CrashSoak
{
    /// <summary>Each process's training budget in steps: about 0.6 s from start to end on an idle machine, its first skills stored after about 0.35 s.</summary>
    public const int Steps = 400;

    /// <summary>Kill moments are drawn from 0 to this fraction of the time a whole run takes (a little past it, so some runs finish first).</summary>
    public const double KillWindow = 1.1;

    /// <summary>A training run to completion every this many rounds (and after the last).</summary>
    public const int ResumeEvery = 10;

    private static readonly TimeSpan ResumeTimeout = TimeSpan.FromMinutes(5);

    private readonly string _library;
    private readonly string _work;
    private readonly int _freshEvery;
    private readonly Action<string> _progress;
    private readonly Action<string> _failure;
    private readonly Dictionary<int, string> _reported = [];
    private int _runs;
    private TimeSpan _wholeRun;

    /// <param name="library">The SQLite library file the rounds train into.</param>
    /// <param name="workDirectory">A folder for the processes' output and skill events.</param>
    /// <param name="freshEvery">Every this many rounds the library file is deleted and created anew (0: never).</param>
    /// <param name="progress">Receives a line per round.</param>
    /// <param name="failure">Receives a line per failure.</param>
    public CrashSoak(string library, string workDirectory, int freshEvery, Action<string> progress, Action<string> failure)
    {
        (_library, _work, _freshEvery, _progress, _failure) = (library, workDirectory, freshEvery, progress, failure);
    }

    /// <summary>Runs <paramref name="rounds"/> rounds with kill moments from <paramref name="seed"/>.</summary>
    public CrashSoakResult Run(int rounds, int seed)
    {
        // The library's own generator: System.Random's seeded generator gave nearly equal fractions two draws apart.
        var random = new Rng((ulong)seed);
        var clock = Stopwatch.StartNew();
        (_, string? calibration) = TrainToTheEnd(seed, Path.Combine(_work, "calibration.db"));
        if (calibration is not null)
            throw new UsageException($"a training run on a new library failed, so there is nothing to kill: {calibration}");
        var runTimes = new List<double> { _wholeRun.TotalSeconds };
        int failures = 0, lost = 0, integrity = 0, kills = 0, afterStored = 0, withStored = 0, reported = 0, resumed = 0;
        for (int round = 1; round <= rounds; round++)
        {
            if (_freshEvery > 0 && (round - 1) % _freshEvery == 0)
            {
                Library.SkillStores.Delete(_library);
                _reported.Clear();
            }
            int trainingSeed = random.NextInt(1, 1_000_000);
            int delay = (int)(random.NextDouble() * KillWindow * _wholeRun.TotalMilliseconds);
            var problems = new List<string>();

            (bool killed, int stored, string? early) = TrainAndKill(trainingSeed, delay);
            reported += stored;
            if (early is not null)
                problems.Add(early);
            if (killed)
            {
                kills++;
                afterStored += stored > 0 ? 1 : 0;
                withStored += _reported.Count > 0 ? 1 : 0;
            }
            CrashCheck check = CrashCheck.Of(_library, _reported);
            Record(check, problems, ref lost, ref integrity);
            string outcome = killed ? $"killed after {delay} ms" : "finished before its kill";
            string line = string.Create(CultureInfo.InvariantCulture,
                $"round {round}/{rounds}: {outcome}, {stored} skills stored; integrity {check.Integrity}, {check.Skills} skills, {_reported.Count - check.Lost.Count}/{_reported.Count} reported present");

            if (round % ResumeEvery == 0 || round == rounds)
            {
                (int resumeStored, string? failed) = TrainToTheEnd(trainingSeed + 1, _library);
                runTimes.Add(_wholeRun.TotalSeconds);
                reported += resumeStored;
                if (failed is null)
                    resumed++;
                else
                    problems.Add(failed);
                CrashCheck after = CrashCheck.Of(_library, _reported);
                Record(after, problems, ref lost, ref integrity);
                line += string.Create(CultureInfo.InvariantCulture,
                    $"; then a run to the end ({_wholeRun.TotalSeconds:0.00} s): {resumeStored} skills stored, {after.Skills} skills, integrity {after.Integrity}");
            }
            _progress(problems.Count > 0 ? line + " - FAILED" : line);
            foreach (string problem in problems)
                _failure($"round {round}: {problem}");
            failures += problems.Count > 0 ? 1 : 0;
        }
        return new CrashSoakResult(rounds, failures, lost, integrity, kills, afterStored, withStored, reported, resumed, runTimes.Min(), runTimes.Max(),
            clock.Elapsed.TotalSeconds);
    }

    private static void Record(CrashCheck check, List<string> problems, ref int lost, ref int integrity)
    {
        if (!check.IntegrityOk)
        {
            integrity++;
            problems.Add($"integrity_check: {check.Integrity}");
        }
        if (check.OpenFailure is not null)
            problems.Add($"the library does not open for writing: {check.OpenFailure}");
        if (check.Lost.Count > 0)
        {
            lost += check.Lost.Count;
            problems.Add($"{check.Lost.Count} reported skills missing: {string.Join(", ", check.Lost)}");
        }
    }

    /// <summary>Starts a training run, kills it after <paramref name="delay"/> ms; whether it was killed, the skills it reported, and how it failed if it ended badly by itself.</summary>
    private (bool Killed, int Stored, string? Failure) TrainAndKill(int seed, int delay)
    {
        string events = EventsFile();
        using WorkerProcess process = Start(seed, _library, events);
        Thread.Sleep(delay);
        bool killed = process.Kill() && process.ExitCode != 0;
        int stored = CollectReported(events);
        if (!killed && process.ExitCode != 0)
            return (false, stored, Failed("training", process));
        return (killed, stored, null);
    }

    /// <summary>
    /// A training run on <paramref name="library"/> to its end, timed into <see cref="_wholeRun"/>: the skills it
    /// reported (those on the soak's library must stay), and how it failed if it did.
    /// </summary>
    private (int Stored, string? Failure) TrainToTheEnd(int seed, string library)
    {
        string events = EventsFile();
        var clock = Stopwatch.StartNew();
        using WorkerProcess process = Start(seed, library, events);
        var finished = Task.Run(process.WaitForExit);
        if (!finished.Wait(ResumeTimeout))
        {
            process.Kill();
            return (library == _library ? CollectReported(events) : 0, $"a training run did not finish within {ResumeTimeout.TotalMinutes} minutes");
        }
        _wholeRun = clock.Elapsed;
        int stored = library == _library ? CollectReported(events) : 0;
        return (stored, finished.Result == 0 ? null : Failed("a training run to the end", process));
    }

    private WorkerProcess Start(int seed, string library, string events) =>
        WorkerProcess.Start(
            [
                "train", "--env", "doorkey-5x5", "--steps", $"{Steps}", "--seed", $"{seed}", "--eval-seeds", "0-1",
                "--eval-every", $"{Steps}", "--library", library, "--out", Path.Combine(_work, "run"), "--events", events,
            ],
            new Dictionary<string, string>(), _ => { }, _ => { });

    private string EventsFile()
    {
        string events = Path.Combine(_work, $"events-{++_runs}.jsonl");
        File.Delete(events);
        return events;
    }

    /// <summary>Adds the skills a run reported stored to those the library must keep; returns how many it reported.</summary>
    private int CollectReported(string events)
    {
        int stored = 0;
        foreach (SkillEvent e in SkillEvent.ReadAll(events).Where(e => e.Kind == SkillEvent.Stored))
        {
            _reported[e.SkillId] = e.Name;
            stored++;
        }
        File.Delete(events);
        return stored;
    }

    private static string Failed(string what, WorkerProcess process) =>
        $"{what} ended by itself with exit code {process.ExitCode}: {process.Errors.LastOrDefault() ?? "no message"}";
}
