using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Cli.Crash;
using ProceduralMemory.Sqlite;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem bench crash [--rounds N] [--library FILE] [--seed S] [--fresh-every K] [--json]</c>: a crash soak
/// (<see cref="CrashSoak"/>). Prints a line per round, then rounds, failures, skills lost and integrity failures, and
/// what the kills hit; exits 1 on any failure or loss. With <c>--json</c> the last line is <c>{rounds, failures,
/// skills_lost, integrity_failures, kills, kills_after_stored_skill, kills_with_stored_skills, skills_reported,
/// resume_runs, whole_run_seconds_min, whole_run_seconds_max, seconds, seed, fresh_every}</c>.
/// </summary>
internal static class BenchCrashCommand
{
    public static Command Create(CliConsole console)
    {
        Option<int> rounds = CommonOptions.PositiveInt("--rounds", "Training processes to kill, one per round.", 100);
        Option<string?> library = CommonOptions.LibraryFile(
            "The SQLite library file the rounds train into (default: one in a temporary folder, deleted afterwards).");
        Option<int> seed = CommonOptions.Seed(0);
        Option<int> freshEvery = CommonOptions.BoundedInt("--fresh-every",
            "Delete the library and start a new one every this many rounds, so kills also land while it is created and its first skills stored (0: never).",
            3, minimum: 0);
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("crash", "Crash soak: kill training processes with SIGKILL at random moments and check the library each time.")
        {
            rounds, library, seed, freshEvery, json,
        };
        command.SetAction(parsed => Run(console, parsed.GetValue(rounds), parsed.GetValue(library), parsed.GetValue(seed),
            parsed.GetValue(freshEvery), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, int rounds, string? library, int seed, int freshEvery, bool json)
    {
        string work = Path.Combine(Path.GetTempPath(), $"procmem-crash-{Guid.NewGuid():N}");
        string file = library is null ? Path.Combine(work, "crash.db") : CheckLibrary(library, freshEvery);
        Directory.CreateDirectory(work);
        try
        {
            string lives = freshEvery > 0 ? $"a new library every {freshEvery} rounds" : "one library throughout";
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Crash soak: {rounds} rounds, each a 'procmem train' on {file} (doorkey-5x5, {CrashSoak.Steps} steps) killed with SIGKILL at a moment from its start to {CrashSoak.KillWindow} times the time a whole run takes (seed {seed}); {lives}; a training run to the end every {CrashSoak.ResumeEvery} rounds and after the last"));
            var soak = new CrashSoak(file, work, freshEvery, console.Out.WriteLine, line => console.Error.WriteLine($"procmem: {line}"));
            CrashSoakResult r = soak.Run(rounds, seed);
            Report(console, r, seed, freshEvery, json);
            return r.Failures > 0 || r.SkillsLost > 0 || r.IntegrityFailures > 0 ? ExitCodes.CheckFailed : ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The full path of a library the soak may use: a new file (in a folder that exists), or with --fresh-every 0 an existing SQLite library.</summary>
    private static string CheckLibrary(string library, int freshEvery)
    {
        string full = Path.GetFullPath(library);
        if (!File.Exists(full))
            return full;
        if (freshEvery > 0)
            throw new UsageException($"'{library}' exists, and bench crash deletes its library every --fresh-every rounds: give a new file, or --fresh-every 0 to train into this one.");
        using (SqliteSkillStore.Open(full, readOnly: true))
            return full; // a file that is not a library was refused, untouched
    }

    private static void Report(CliConsole console, CrashSoakResult r, int seed, int freshEvery, bool json)
    {
        static string Share(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
        console.Out.WriteLine();
        console.Out.WriteLine($"rounds {r.Rounds}, failures {r.Failures}, skills lost {r.SkillsLost}, integrity failures {r.IntegrityFailures}");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Kills} kills ({r.Rounds - r.Kills} runs finished first): {r.KillsAfterStoredSkill} after the killed process had stored a skill " +
            $"({Share(r.KillsAfterStoredSkill, r.Kills)}), {r.KillsWithStoredSkills} with reported skills in the library ({Share(r.KillsWithStoredSkills, r.Kills)}); " +
            $"{r.SkillsReported} skills reported stored; {r.ResumeRuns} training runs resumed to the end; whole runs took {r.FastestRunSeconds:0.00}-{r.SlowestRunSeconds:0.00} s; {r.Seconds:0} s in all"));
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                rounds = r.Rounds,
                failures = r.Failures,
                skills_lost = r.SkillsLost,
                integrity_failures = r.IntegrityFailures,
                kills = r.Kills,
                kills_after_stored_skill = r.KillsAfterStoredSkill,
                kills_with_stored_skills = r.KillsWithStoredSkills,
                skills_reported = r.SkillsReported,
                resume_runs = r.ResumeRuns,
                whole_run_seconds_min = r.FastestRunSeconds,
                whole_run_seconds_max = r.SlowestRunSeconds,
                seconds = r.Seconds,
                seed,
                fresh_every = freshEvery,
            }));
    }
}
