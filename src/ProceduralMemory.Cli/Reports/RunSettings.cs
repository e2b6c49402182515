namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// A training run's settings and the library it learned into, as <c>procmem train</c> writes them to
/// <see cref="TrainingReport.RunFile"/> for <c>procmem report</c>. Nothing in it depends on the clock, so the same
/// command with the same seed writes the same file.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>; a report refuses any other.</param>
/// <param name="ProcmemVersion">The procmem that trained, as <c>procmem --version</c> prints it.</param>
/// <param name="Environment">The environment trained on.</param>
/// <param name="Budget">The training budget, in <paramref name="BudgetUnit"/>.</param>
/// <param name="BudgetUnit"><c>steps</c> or <c>episodes</c>.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="EvalSeeds">The held-out layouts, as <c>A-B</c>.</param>
/// <param name="EvalLayouts">How many held-out layouts each evaluation plays.</param>
/// <param name="EvalEvery">Training steps between evaluations.</param>
/// <param name="KeepEpisodes">Episodic memory's bound.</param>
/// <param name="Library">The library, named as in messages (a PostgreSQL location without its password).</param>
/// <param name="LibrarySkillsAtStart">Skills the library held before training (0 when learning from scratch).</param>
/// <param name="LibraryEpisodesAtStart">Episodes the library had recorded before training.</param>
/// <param name="LibrarySkillsAtEnd">Skills it held after.</param>
/// <param name="LibraryEpisodesAtEnd">Episodes it had recorded after (with other agents', when several learn into it).</param>
internal sealed record RunSettings(
    string Format,
    string ProcmemVersion,
    string Environment,
    int Budget,
    string BudgetUnit,
    int Seed,
    string EvalSeeds,
    int EvalLayouts,
    int EvalEvery,
    int KeepEpisodes,
    string Library,
    int LibrarySkillsAtStart,
    long LibraryEpisodesAtStart,
    int LibrarySkillsAtEnd,
    long LibraryEpisodesAtEnd)
{
    /// <summary>The format this version writes and reads.</summary>
    public const string CurrentFormat = "procmem-run/1";

    /// <summary>Why these settings cannot be reported, or null when they can.</summary>
    public string? Problem() =>
        Format != CurrentFormat ? $"its format is '{Format}', not {CurrentFormat}"
        : BudgetUnit is not ("steps" or "episodes") ? $"budget_unit is '{BudgetUnit}', not steps or episodes"
        : Budget < 1 || EvalLayouts < 1 || EvalEvery < 1 || KeepEpisodes < 1 || Seed < 0 ? "a count is out of range"
        : LibrarySkillsAtStart < 0 || LibrarySkillsAtEnd < 0 || LibraryEpisodesAtStart < 0 || LibraryEpisodesAtEnd < 0 ? "a library count is negative"
        : null;
}
