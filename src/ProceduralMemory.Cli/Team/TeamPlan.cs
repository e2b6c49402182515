namespace ProceduralMemory.Cli.Team;

/// <summary>
/// What every member of a team trains on; member <c>k</c> (0-based) trains with seed <c>Seed + k</c>. A PostgreSQL
/// library's server must be reached within <see cref="ConnectTimeout"/> (the default when null).
/// </summary>
internal sealed record TeamPlan(
    string Environment,
    int Agents,
    int? Steps,
    int? Episodes,
    string Library,
    int Seed,
    string OutputDirectory,
    int[] EvaluationSeeds,
    int? EvaluateEvery,
    int KeepEpisodes,
    TimeSpan? ConnectTimeout = null)
{
    /// <summary>
    /// The <c>procmem train</c> arguments of member <paramref name="member"/>, whose files go to
    /// <paramref name="memberDirectory"/>. The library is not among them: members read it from
    /// <c>PROCMEM_LIBRARY</c>, so that a server password never shows in a process list.
    /// </summary>
    public IEnumerable<string> WorkerArguments(int member, string memberDirectory, string eventsFile)
    {
        yield return "train";
        yield return "--env";
        yield return Environment;
        if (Steps is { } steps)
        {
            yield return "--steps";
            yield return steps.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (Episodes is { } episodes)
        {
            yield return "--episodes";
            yield return episodes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (EvaluateEvery is { } every)
        {
            yield return "--eval-every";
            yield return every.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        foreach (string argument in (string[])
                 [
                     "--seed", $"{Seed + member}", "--out", memberDirectory,
                     "--eval-seeds", $"{EvaluationSeeds[0]}-{EvaluationSeeds[^1]}", "--keep-episodes", $"{KeepEpisodes}",
                     "--events", eventsFile, "--json",
                 ])
            yield return argument;
    }
}
