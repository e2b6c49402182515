namespace ProceduralMemory.Environments.MiniGrid.Conformance;

/// <summary>A field where this environment disagreed with the recorded reference.</summary>
/// <param name="Episode">The episode, numbered by its (1-based) line in the file.</param>
/// <param name="Step">The step (0 is the reset observation).</param>
/// <param name="Field">The field, e.g. <c>reward</c> or <c>image[3][5]</c>.</param>
/// <param name="Expected">The reference value.</param>
/// <param name="Got">This environment's value.</param>
public sealed record ConformanceMismatch(int Episode, int Step, string Field, string Expected, string Got)
{
    /// <summary>Formats as <c>episode 3 step 17: reward expected 0.9, got 0</c>.</summary>
    public override string ToString() => $"episode {Episode} step {Step}: {Field} expected {Expected}, got {Got}";
}
